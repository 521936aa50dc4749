import { BadRequestException } from '@nestjs/common';

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
