import { ModuleRef } from '@nestjs/core';
import type { UntypedActivities } from '@temporalio/common';

type Class = new (...args: never[]) => object;

/**
 * Turns DI-managed activity classes into the worker's activity map: every public method becomes an
 * activity named after the method, bound to its instance.
 */
export function activitiesFrom(moduleRef: ModuleRef, classes: readonly Class[]): UntypedActivities {
  const activities: UntypedActivities = {};
  for (const cls of classes) {
    const instance = moduleRef.get(cls, { strict: false }) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      const method = instance[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (name in activities) throw new Error(`Activity name ${name} is defined twice`);
      activities[name] = method.bind(instance);
    }
  }
  return activities;
}
