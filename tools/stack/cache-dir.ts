import { homedir } from 'node:os';
import { join } from 'node:path';

/** Tools built on first use (Temporal CLI, Java test server) are cached here, outside the repository. */
export function toolCacheDir(...parts: string[]): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'sagsflow', ...parts);
}
