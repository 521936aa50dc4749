import { UnprocessableEntityException } from '@nestjs/common';

/** A field and the rules it broke, as 400 and 422 bodies name them. */
export interface FieldRules {
  field: string;
  rules: string[];
}

/** 422: well-formed, but the value breaks a rule of the domain; the body names the field and the rule. */
export function unprocessable(message: string, fields: FieldRules[]): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message, fields });
}
