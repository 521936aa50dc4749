import { createHash } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';

/**
 * A stable UUID (version 5 layout) from a string: the same Idempotency-Key (with its user and
 * scope) always names the same thing, so a retried request finds what the first one made.
 */
export function uuidFrom(text: string): string {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Idempotency-Key header as given, or a 400 naming it when it is not 1–200 visible ASCII characters. */
export function checkedIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Idempotency-Key must be 1–200 visible ASCII characters',
      fields: [{ field: 'Idempotency-Key', rules: ['format'] }],
    });
  }
  return key;
}
