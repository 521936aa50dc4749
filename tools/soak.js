// `npm run test:soak -- [runs] [--load N]`: runs the README's test command (.ci/run) on `runs`
// fresh clones of this repository's HEAD, one after the other, and prints each run's exit code and
// wall time, then the median. With --load N, run N has two busy processes beside it (a shared
// machine: the other core and a half taken). Each run's output is kept in a log file.
// Plain JavaScript, like ensure-installed.js: it needs no build.
const { spawn, spawnSync } = require('node:child_process');
const { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const args = process.argv.slice(2);
const loadAt = args.includes('--load') ? Number(args[args.indexOf('--load') + 1]) : undefined;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--load') ?? 5);
const root = resolve(__dirname, '..');
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const dir = mkdtempSync(join(tmpdir(), 'sagsflow-soak-'));
// The embedded PostgreSQL runs its binaries (in each clone's node_modules) as the `postgres` user when we are root.
chmodSync(dir, 0o755);

/** Busy loops in processes of their own, ended with the run they stand beside. */
function startLoad() {
  const busy = 'for (;;) Math.sqrt(Math.random());';
  return [1, 2].map(() => spawn(process.execPath, ['-e', busy], { stdio: 'ignore' }));
}

function runOnce(n) {
  const clone = join(dir, `run-${n}`);
  const log = join(dir, `run-${n}.log`);
  spawnSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' });
  const load = n === loadAt ? startLoad() : [];
  const started = Date.now();
  return new Promise((done) => {
    const out = createWriteStream(log);
    const child = spawn('bash', ['.ci/run'], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on('exit', (code) => {
      load.forEach((p) => p.kill('SIGKILL'));
      const seconds = (Date.now() - started) / 1000;
      out.end(() => {
        const failed = code === 0 ? [] : readFileSync(log, 'utf8').split('\n').filter((line) => /^(FAIL |  ● )/.test(line));
        rmSync(clone, { recursive: true, force: true });
        done({ n, code, seconds, loaded: load.length > 0, log, failed });
      });
    });
  });
}

const minutes = (s) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

async function main() {
  console.log(`Soak of ${head}: ${runs} fresh clones, one after the other${loadAt ? `, run ${loadAt} under load` : ''}; logs in ${dir}`);
  const results = [];
  for (let n = 1; n <= runs; n++) {
    const result = await runOnce(n);
    results.push(result);
    console.log(`run ${n}${result.loaded ? ' (under load)' : ''}: exit ${result.code}, ${minutes(result.seconds)} (${result.seconds.toFixed(0)} s)`);
    result.failed.forEach((line) => console.log(`    ${line.trim()}`));
  }
  const times = results.map((r) => r.seconds).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const passed = results.filter((r) => r.code === 0).length;
  console.log(`${passed} of ${runs} passed; median wall time ${minutes(median)} (${median.toFixed(0)} s)`);
  process.exit(passed === runs ? 0 : 1);
}

main();
