import * as childProcess from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { resolveChromium } from './chromium';

jest.mock('node:child_process', () => {
  const actual = jest.requireActual('node:child_process');
  return { ...actual, spawnSync: jest.fn(actual.spawnSync) };
});
const spawnSync = jest.mocked(childProcess.spawnSync);

describe('resolveChromium', () => {
  const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
  let dir: string;
  let bin: string;
  let installed: string;
  /** An executable shell script in `folder`. */
  const script = (folder: string, name: string, body = 'exit 0') => {
    writeFileSync(join(folder, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return join(folder, name);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chromium-spec-'));
    bin = mkdtempSync(join(dir, 'bin-'));
    installed = mkdtempSync(join(dir, 'installed-'));
    process.env.PATH = [bin, installed].join(':');
    delete process.env.CHROMIUM_PATH;
    jest.spyOn(process, 'getuid').mockReturnValue(1000);
    jest.spyOn(chromium, 'executablePath').mockReturnValue(join(dir, 'no-playwright-browser'));
    // Playwright's download never runs here: it fails as it does without its download host.
    spawnSync.mockClear().mockImplementation(((command: string, args: string[], options: object) =>
      command === process.execPath ? { status: 1, stderr: 'getaddrinfo ENOTFOUND playwright download host' } : jest.requireActual('node:child_process').spawnSync(command, args, options)) as never);
  });
  afterEach(() => {
    Object.assign(process.env, saved);
    if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes $CHROMIUM_PATH first, and refuses one that is not an executable', () => {
    script(bin, 'chromium');
    process.env.CHROMIUM_PATH = script(dir, 'my-chrome');
    expect(resolveChromium()).toEqual({ path: join(dir, 'my-chrome'), origin: 'CHROMIUM_PATH' });
    process.env.CHROMIUM_PATH = join(dir, 'missing');
    expect(() => resolveChromium()).toThrow(`CHROMIUM_PATH=${join(dir, 'missing')} is not an executable file`);
  });

  it('then chromium, or chromium-browser, on PATH', () => {
    script(bin, 'chromium-browser');
    expect(resolveChromium()).toEqual({ path: join(bin, 'chromium-browser'), origin: 'PATH' });
    script(installed, 'chromium');
    expect(resolveChromium()).toEqual({ path: join(installed, 'chromium'), origin: 'PATH' });
  });

  it("then, as root, installs Debian's chromium with apt-get", () => {
    jest.mocked(process.getuid!).mockReturnValue(0);
    const calls = join(dir, 'apt-calls');
    script(bin, 'apt-get', `echo "$*" >> ${calls}\n[ "$1" = install ] && printf '#!/bin/sh\\n' > ${installed}/chromium && /bin/chmod +x ${installed}/chromium\nexit 0`);
    const log: string[] = [];
    expect(resolveChromium((message) => log.push(message))).toEqual({ path: join(installed, 'chromium'), origin: 'apt-get' });
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual(['update -qq', 'install -y -qq chromium']);
    expect(log).toEqual(['Installing Chromium with apt-get (first run only)…']);
  });

  it("then Playwright's own browser, downloaded or already there", () => {
    script(bin, 'apt-get', 'exit 1'); // not root: never called
    const downloaded = script(dir, 'chrome');
    jest.mocked(chromium.executablePath).mockReturnValue(downloaded);
    expect(resolveChromium()).toEqual({ path: downloaded, origin: 'playwright' });
    expect(spawnSync).not.toHaveBeenCalled();
  });

  it('fails, saying what it tried and what to do, when nothing gives a browser', () => {
    jest.mocked(process.getuid!).mockReturnValue(0);
    script(bin, 'apt-get', 'echo "E: Unable to locate package chromium" >&2\nexit 100');
    expect(() => resolveChromium()).toThrow(
      /No Chromium for the browser tests \(\$CHROMIUM_PATH is not set; no chromium or chromium-browser on PATH; apt-get install chromium failed: E: Unable to locate package chromium; Playwright's download failed: getaddrinfo ENOTFOUND .*\)\. Install chromium, or set CHROMIUM_PATH/,
    );
  });
});
