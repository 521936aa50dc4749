import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces can quote personal data, so they travel as encoded payloads
 * (through the encryption codec) instead of plain fields. Loaded by path in workers, bundles and
 * clients alike (`failureConverterPath`).
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
