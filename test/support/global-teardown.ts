import { rmSync } from 'node:fs';
import type { RunningStack } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as { __stack?: RunningStack; __removeWorkflowBundle?: () => void };
  shared.__removeWorkflowBundle?.();
  const stack = shared.__stack;
  if (!stack) return;
  await stack.temporal.stop();
  await stack.postgres.stop();
  rmSync(stack.dir, { recursive: true, force: true });
}
