import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** How long a restart waits after an unexpected exit: doubling from `initialMs` up to `maxMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** An app that stayed up this long before exiting starts over at `initialMs`. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/** The delay before restart number `attempt + 1` of a run of quick failures (attempt counts from 0). */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.initialMs * 2 ** Math.min(attempt, 30), backoff.maxMs);
}

export interface SupervisedAppOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log: (message: string) => void;
  backoff?: Backoff;
  /** A file descriptor for the app's stdout and stderr (a log file); this terminal's when omitted. */
  output?: number;
}

const seconds = (ms: number) => `${ms / 1000} s`;
const isRunning = (child: ChildProcess | undefined): child is ChildProcess =>
  child !== undefined && child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/**
 * A child process that is restarted, with exponential backoff, whenever it exits on its own. Only
 * {@link stop} and {@link kill} end it for good; after either, nothing restarts it.
 */
export class SupervisedApp {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private startedAt = 0;
  private quickFailures = 0;
  private restarts = 0;
  private stopped = false;
  private readonly backoff: Backoff;

  constructor(private readonly options: SupervisedAppOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  get name(): string {
    return this.options.name;
  }

  /** The pid of the running process, if one is running. */
  get pid(): number | undefined {
    return isRunning(this.child) ? this.child.pid : undefined;
  }

  start(): void {
    if (this.stopped) return;
    const { name, command, args, env, log, output = 'inherit' } = this.options;
    // A process group of its own: a terminal's Ctrl-C reaches only the launcher, which then stops the
    // app once, in order (otherwise the app would get the terminal's SIGINT and our SIGTERM).
    const child = spawn(command, args, { env, stdio: ['ignore', output, output], detached: process.platform !== 'win32' });
    this.child = child;
    this.startedAt = Date.now();
    this.exited = new Promise<void>((resolve) => {
      let handled = false;
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (handled) return;
        handled = true;
        resolve();
        this.exitedOnItsOwn(code, signal);
      };
      child.once('exit', onExit);
      child.once('error', (error) => {
        log(`${name}: ${error.message}`);
        // A process that could not be spawned emits no 'exit'.
        if (child.pid === undefined) onExit(child.exitCode, child.signalCode);
      });
    });
    if (child.pid !== undefined) log(`${name} running (pid ${child.pid})`);
  }

  private exitedOnItsOwn(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopped) return;
    if (Date.now() - this.startedAt >= this.backoff.resetAfterMs) this.quickFailures = 0;
    const delay = backoffDelay(this.quickFailures, this.backoff);
    this.quickFailures += 1;
    this.restarts += 1;
    this.options.log(
      `${this.name} exited unexpectedly (code ${code ?? 'none'} / signal ${signal ?? 'none'}); ` +
        `restarting in ${seconds(delay)} (restart #${this.restarts})`,
    );
    this.restartTimer = setTimeout(() => this.start(), delay);
  }

  /**
   * Stops supervising, then ends the process: SIGTERM, and SIGKILL when it has not exited after
   * `graceMs`. Resolves once it has exited, or `killWaitMs` after the SIGKILL at the latest.
   */
  async stop(graceMs: number, killWaitMs = 5_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!isRunning(child)) return;
    child.kill('SIGTERM');
    if (await settlesWithin(this.exited!, graceMs)) return;
    this.options.log(`${this.name} (pid ${child.pid}) did not stop within ${seconds(graceMs)}; killing it`);
    child.kill('SIGKILL');
    if (!(await settlesWithin(this.exited!, killWaitMs))) this.options.log(`${this.name} (pid ${child.pid}) survived SIGKILL`);
  }

  /** Stops supervising and kills the process at once. */
  kill(): void {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    if (isRunning(this.child)) this.child.kill('SIGKILL');
  }
}

/** True when `promise` settles within `ms` (whether it resolves or rejects), false otherwise. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true, () => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one shutdown step with its own time limit; a step that fails or takes too long is logged and
 * left behind, so it cannot hold up the others. Resolves true when the step finished in time.
 */
export async function runStep(name: string, step: () => Promise<unknown>, timeoutMs: number, log: (message: string) => void): Promise<boolean> {
  let failure: unknown;
  const run = (async () => step())().catch((error: unknown) => {
    failure = error;
  });
  if (!(await settlesWithin(run, timeoutMs))) {
    log(`${name} did not stop within ${seconds(timeoutMs)}; moving on`);
    return false;
  }
  if (failure !== undefined) {
    log(`${name} failed to stop: ${failure instanceof Error ? failure.message : String(failure)}`);
    return false;
  }
  return true;
}

/**
 * The pids of every live process below `root` (children, grandchildren, …), read from /proc on Linux
 * and from `ps` elsewhere. Zombies are left out. Empty when neither is available.
 */
export function descendantPids(root: number = process.pid): number[] {
  const parents = processParents();
  const below: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parents) {
      if (ppid === parent && !below.includes(pid)) {
        below.push(pid);
        queue.push(pid);
      }
    }
  }
  return below;
}

function processParents(): Map<number, number> {
  const parents = new Map<number, number>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state !== 'Z' && state !== 'X') parents.set(Number(entry), Number(ppid));
      } catch {
        // gone meanwhile
      }
    }
    return parents;
  } catch {
    // no /proc: macOS and friends
  }
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const line of (ps.stdout ?? '').split('\n')) {
    const [pid, ppid, state] = line.trim().split(/\s+/);
    if (pid && Number(pid) !== ps.pid && !state?.startsWith('Z')) parents.set(Number(pid), Number(ppid));
  }
  return parents;
}

export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Ends whatever still runs below this process (a server whose stop step timed out, or one started
 * while we were stopping): SIGTERM, then SIGKILL after `graceMs`. Returns the pids it found.
 */
export async function endLeftoverProcesses(log: (message: string) => void, graceMs = 3_000): Promise<number[]> {
  const leftovers = descendantPids();
  if (leftovers.length === 0) return [];
  log(`ending ${leftovers.length} leftover process(es): ${leftovers.join(', ')}`);
  signalAll(leftovers, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && descendantPids().length > 0) await new Promise((r) => setTimeout(r, 100));
  const stubborn = descendantPids();
  if (stubborn.length > 0) {
    log(`killing ${stubborn.join(', ')}`);
    signalAll(stubborn, 'SIGKILL');
  }
  return leftovers;
}
