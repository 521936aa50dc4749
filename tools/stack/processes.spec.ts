import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backoffDelay, descendantPids, runStep, settlesWithin, SupervisedApp } from './processes';

const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });
const until = async (condition: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => backoffDelay(attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('SupervisedApp', () => {
  const backoff = { initialMs: 20, maxMs: 50, resetAfterMs: 60_000 };

  it('restarts an app that exits on its own, with growing delays, until stopped', async () => {
    const lines: string[] = [];
    const app = new SupervisedApp({ name: 'crashy', ...node('process.exit(3)'), backoff, log: (l) => lines.push(l) });
    app.start();
    await until(() => lines.filter((l) => l.includes('restarting')).length >= 3);
    await app.stop(1_000);
    const settled = lines.length;
    await new Promise((r) => setTimeout(r, 150));

    expect(lines.length).toBe(settled); // nothing restarts after stop()
    const restarts = lines.filter((l) => l.includes('restarting'));
    expect(restarts[0]).toBe('crashy exited unexpectedly (code 3 / signal none); restarting in 0.02 s (restart #1)');
    expect(restarts[1]).toContain('restarting in 0.04 s (restart #2)');
    expect(restarts[2]).toContain('restarting in 0.05 s (restart #3)');
    const pids = lines.flatMap((l) => /^crashy running \(pid (\d+)\)$/.exec(l)?.[1] ?? []);
    expect(new Set(pids).size).toBe(pids.length);
    expect(pids.length).toBeGreaterThanOrEqual(3);
  });

  it('starts over at the first delay after an app stayed up long enough', async () => {
    const lines: string[] = [];
    const app = new SupervisedApp({
      name: 'steady',
      ...node('setTimeout(() => process.exit(1), 150)'),
      backoff: { initialMs: 10, maxMs: 1_000, resetAfterMs: 100 },
      log: (l) => lines.push(l),
    });
    app.start();
    await until(() => lines.filter((l) => l.includes('restarting')).length >= 2);
    await app.stop(1_000);
    expect(lines.filter((l) => l.includes('restarting')).every((l) => l.includes('restarting in 0.01 s'))).toBe(true);
  });

  it('reports a SIGKILL and restarts after it', async () => {
    const lines: string[] = [];
    const app = new SupervisedApp({ name: 'victim', ...node('setInterval(() => {}, 1000)'), backoff, log: (l) => lines.push(l) });
    app.start();
    const first = app.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => app.pid !== undefined && app.pid !== first);
    await app.stop(1_000);
    expect(lines).toContain('victim exited unexpectedly (code none / signal SIGKILL); restarting in 0.02 s (restart #1)');
    expect(app.pid).toBeUndefined();
  });

  it("sends the app's stdout and stderr to the file it is given, across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervised-'));
    const file = join(dir, 'app.log');
    const fd = openSync(file, 'a');
    const lines: string[] = [];
    const app = new SupervisedApp({
      name: 'talker',
      ...node("console.log('out'); console.error('err'); setTimeout(() => process.exit(1), 50)"),
      backoff,
      output: fd,
      log: (l) => lines.push(l),
    });
    app.start();
    await until(() => lines.filter((l) => l.includes('restarting')).length >= 2);
    await app.stop(1_000);
    closeSync(fd);
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 4)).toEqual(['out', 'err', 'out', 'err']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('kills an app that ignores SIGTERM once the grace period is over', async () => {
    const lines: string[] = [];
    const app = new SupervisedApp({
      name: 'stubborn',
      ...node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"),
      log: (l) => lines.push(l),
    });
    app.start();
    const pid = app.pid!;
    await new Promise((r) => setTimeout(r, 300)); // let it install its handler
    const started = Date.now();
    await app.stop(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines).toContain(`stubborn (pid ${pid}) did not stop within 0.2 s; killing it`);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('shutdown steps', () => {
  it('gives up on a step that hangs, and reports one that fails', async () => {
    const lines: string[] = [];
    expect(await runStep('Hanging', () => new Promise(() => undefined), 50, (l) => lines.push(l))).toBe(false);
    expect(await runStep('Failing', () => Promise.reject(new Error('boom')), 50, (l) => lines.push(l))).toBe(false);
    expect(await runStep('Fine', () => Promise.resolve(), 50, (l) => lines.push(l))).toBe(true);
    expect(lines).toEqual(['Hanging did not stop within 0.05 s; moving on', 'Failing failed to stop: boom']);
    expect(await settlesWithin(Promise.reject(new Error('x')), 10)).toBe(true);
  });

  it('finds the processes below this one', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await until(() => child.pid !== undefined);
      expect(descendantPids()).toContain(child.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
