import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * A validation rule of our own as a property decorator: its name appears in the 400's `rules`,
 * its message (fixed, or built from the value) in `messages`.
 */
export function Rule(
  name: string,
  validate: (value: unknown, dto: object) => boolean,
  message: string | ((args: ValidationArguments) => string),
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: typeof message === 'string' ? { message } : {},
      validator: {
        validate: (value: unknown, args) => validate(value, args?.object ?? {}),
        ...(typeof message === 'function' ? { defaultMessage: message } : {}),
      },
    });
}
