/**
 * Provides a time-skipping Temporal test server without network access to temporal.download.
 *
 * `TestWorkflowEnvironment.createTimeSkipping()` normally downloads a native test server from
 * temporal.download, which is unreachable here. The same server is published on Maven Central as
 * `io.temporal:temporal-test-server` (main class `io.temporal.testserver.TestServer`), so we build a
 * small wrapper around it that the SDK can run via
 * `{ server: { executable: { type: 'existing-path', path } } }`.
 *
 * The SDK's core bridge runs the executable as `<path> <port> [...extraArgs]` and kills that exact PID on
 * teardown, so the wrapper must `exec` java (a plain child would be left orphaned). It then polls the port for
 * only 5 s, which the JVM (~1 s startup) meets comfortably.
 *
 * Resolution order: $TEMPORAL_TEST_SERVER_PATH → our cached build → a Maven build (when java and mvn
 * are present) → the SDK's own download.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findOnPath, isExecutable, ServerExecutable, toolCacheDir } from './executables';

/** Pinned for reproducibility; a newer release only needs this constant bumped (it names the cache dir). */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';

const WRAPPER_NAME = 'temporal-test-server';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.sagsflow</groupId>
  <artifactId>temporal-test-server-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
    <!-- Silences SLF4J's "no binding" warning on every server start. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
`;

// Resolves lib/ relative to the script itself so the directory can be renamed into place after building.
// JAVA_HOME wins over PATH as with most Java launchers; TEMPORAL_TEST_SERVER_JAVA_OPTS allows e.g. -Xmx256m.
const WRAPPER = `#!/bin/sh
# Temporal Java test server ${TEMPORAL_TEST_SERVER_VERSION}, built by tools/stack/time-skipping-server.ts.
# Called by the Temporal SDK as: <this> <port> [--enable-time-skipping]
DIR="$(cd "$(dirname "$0")" && pwd)"
JAVA=java
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; fi
# exec: the SDK kills this PID on teardown, so it must be the JVM itself.
exec "$JAVA" $TEMPORAL_TEST_SERVER_JAVA_OPTS -cp "$DIR/lib/*" io.temporal.testserver.TestServer "$@"
`;

/** A cache entry counts only when complete: the wrapper plus the server jar it launches. */
function isComplete(dir: string): boolean {
  const lib = path.join(dir, 'lib');
  return (
    isExecutable(path.join(dir, WRAPPER_NAME)) &&
    fs.existsSync(path.join(lib, `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}.jar`))
  );
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`)),
    );
  });
}

async function build(dest: string, log: (msg: string) => void): Promise<void> {
  const parent = path.dirname(dest);
  fs.mkdirSync(parent, { recursive: true });
  // Build in a private sibling dir and rename it into place: rename is atomic on one filesystem, so a
  // concurrent caller sees either nothing or a complete entry, never a half-copied lib/.
  const tmp = fs.mkdtempSync(path.join(parent, `.build-${TEMPORAL_TEST_SERVER_VERSION}-`));
  try {
    fs.chmodSync(tmp, 0o755); // mkdtemp creates 0700; the finished entry is an ordinary cache dir
    fs.writeFileSync(path.join(tmp, 'pom.xml'), POM);
    log(`building Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} with Maven in ${tmp} (first time ~20-60 s)`);
    // Copy the jars (rather than pointing at ~/.m2) so the cache survives a cleaned Maven repository.
    await run(
      'mvn',
      ['-B', '-q', 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${path.join(tmp, 'lib')}`],
      tmp,
    );
    fs.writeFileSync(path.join(tmp, WRAPPER_NAME), WRAPPER, { mode: 0o755 });
    fs.chmodSync(path.join(tmp, WRAPPER_NAME), 0o755); // mode above is subject to umask
    if (!isComplete(tmp)) throw new Error(`Maven finished but ${tmp} lacks the test server jar`);
    try {
      fs.renameSync(tmp, dest);
    } catch {
      if (isComplete(dest)) return; // another caller won the race; its entry is just as good
      // A stale, incomplete entry (e.g. from an interrupted manual copy): replace it once.
      fs.rmSync(dest, { recursive: true, force: true });
      fs.renameSync(tmp, dest);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Returns the path of an executable that starts Temporal's time-skipping test server, for
 * `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
 *
 * Order: $TEMPORAL_TEST_SERVER_PATH, then the per-user cache, then a Maven build into that cache.
 */
export async function resolveTimeSkippingServer(log: (msg: string) => void = () => {}): Promise<ServerExecutable> {
  const override = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (override) {
    // An explicit setting that points nowhere is a mistake worth surfacing, not silently working around.
    if (!isExecutable(override)) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${override} is not an executable file`);
    log(`using TEMPORAL_TEST_SERVER_PATH=${override}`);
    return { type: 'existing-path', path: override };
  }

  const dir = toolCacheDir('temporal-test-server', TEMPORAL_TEST_SERVER_VERSION);
  const wrapper = path.join(dir, WRAPPER_NAME);
  if (isComplete(dir)) {
    log(`using cached Temporal test server at ${wrapper}`);
    return { type: 'existing-path', path: wrapper };
  }

  const missing = ['java', 'mvn'].filter((cmd) => !findOnPath(cmd));
  if (missing.length > 0) {
    log(
      `${missing.join(' and ')} not on PATH: falling back to the SDK's download of the test server ` +
        `(install a Java runtime and Maven, or set TEMPORAL_TEST_SERVER_PATH, where temporal.download is unreachable)`,
    );
    return { type: 'cached-download' };
  }
  await build(dir, log);
  log(`Temporal test server ready at ${wrapper}`);
  return { type: 'existing-path', path: wrapper };
}
