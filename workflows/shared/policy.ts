import { type Policy, type PolicyName, POLICIES } from '@sagsflow/domain';

/**
 * The policy a workflow runs under: the values frozen into its input when it started, so editing a
 * profile never moves a running case's deadlines; a workflow started before inputs carried them
 * uses the named profile.
 */
export function policyOf(input: { policy: PolicyName; policyValues?: Policy }): Policy {
  return input.policyValues ?? POLICIES[input.policy];
}
