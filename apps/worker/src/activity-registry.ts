import { ModuleRef } from '@nestjs/core';
import type { UntypedActivities } from '@temporalio/common';
import { Context } from '@temporalio/activity';
import { toActivityFailure } from './activity-failures';

type Class = new (...args: never[]) => object;

/**
 * Turns DI-managed activity classes into the worker's activity map: every public method becomes an
 * activity named after the method, bound to its instance, its permanent errors made non-retryable.
 */
export function activitiesFrom(moduleRef: ModuleRef, classes: readonly Class[]): UntypedActivities {
  const activities: UntypedActivities = {};
  for (const cls of classes) {
    const instance = moduleRef.get(cls, { strict: false }) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      const method = instance[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (name in activities) throw new Error(`Activity name ${name} is defined twice`);
      const bound = method.bind(instance) as (...args: unknown[]) => Promise<unknown>;
      activities[name] = (...args: unknown[]) =>
        bound(...args).catch((error: unknown) => {
          throw toActivityFailure(error, Context.current().info.attempt);
        });
    }
  }
  return activities;
}
