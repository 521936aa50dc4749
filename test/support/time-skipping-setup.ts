import { resolveTimeSkippingServer } from '../../tools/stack/time-skipping-server';
import { TIME_SKIPPING_SERVER_ENV } from './stack-env';

/** Resolves (and on the first run builds) the time-skipping test server once for all workflow suites. */
export default async function setup(): Promise<void> {
  const executable = await resolveTimeSkippingServer((message) => console.log(`[time-skipping] ${message}`));
  process.env[TIME_SKIPPING_SERVER_ENV] = JSON.stringify(executable);
}
