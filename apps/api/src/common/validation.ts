import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  field: string;
  rules: string[];
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, rules: Object.keys(error.constraints), messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function badRequest(fields: FieldError[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: fields.flatMap((f) => f.messages).join('; '), fields });
}

/** Names every object inherits: class-validator's whitelist takes them for known properties, so they are refused here. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Rejects unknown fields (also those named like `toString`, which the whitelist lets through) and
 * answers 400 with every failing field named: `{ statusCode, error, message, fields: [{ field, rules, messages }] }`.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inherited = Object.keys(value).filter((key) => INHERITED.has(key));
      if (inherited.length > 0) {
        throw badRequest(inherited.map((field) => ({ field, rules: ['whitelistValidation'], messages: [`property ${field} should not exist`] })));
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}
