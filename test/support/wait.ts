/**
 * Polls until `check` holds (for effects that arrive asynchronously), failing after `timeoutMs`. In
 * a module of its own so that suites that do not start the apps in-process (the fault suite) need
 * not load them.
 */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
