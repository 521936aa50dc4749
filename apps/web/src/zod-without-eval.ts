import { config } from 'zod/v4';

/**
 * libs/domain's zod schemas come into the bundle; building an object schema probes whether
 * `new Function` works, which under the app's Content-Security-Policy (no 'unsafe-eval') is a
 * violation on every page load. Without JIT zod parses the same, by interpretation. main.tsx imports
 * this first, so it runs before any schema is built.
 */
config({ jitless: true });
