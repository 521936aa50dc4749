import { registerDecorator, ValidationOptions } from 'class-validator';

/** The value is an ISO-8601 time no later than now (a notification cannot be received tomorrow). */
export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not be in the future', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Date.parse(value) <= Date.now(),
      },
    });
}
