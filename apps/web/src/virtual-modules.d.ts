/** Modules that apps/web/vite.config.mts generates at build time. */

/** Each task kind's outcome schema, as the build compiled it, with its precompiled validate functions. */
declare module 'virtual:outcome-validators' {
  import type { RJSFSchema } from '@rjsf/utils';
  import type { ValidatorFunctions } from '@rjsf/validator-ajv8';

  export const outcomeValidators: Record<string, { schema: RJSFSchema; validateFns: ValidatorFunctions } | undefined>;
}

/** One kind's validate functions by schema hash (what createPrecompiledValidator takes). */
declare module 'virtual:outcome-validators/*' {
  import type { ValidatorFunctions } from '@rjsf/validator-ajv8';

  const validateFns: ValidatorFunctions;
  export default validateFns;
}
