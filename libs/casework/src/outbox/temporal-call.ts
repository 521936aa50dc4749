import type { JsonObject } from '@sagsflow/persistence';
import { SearchAttributeKeys } from '@sagsflow/temporal/shared';

/** The keyword search attributes a process starts with (identifiers only, never personal data). */
export type StartSearchAttributes = Partial<Record<'caseId' | 'municipality' | 'processKind' | 'ownerAgency', string>>;

interface WorkflowStart {
  workflowType: string;
  workflowId: string;
  /** Workflow inputs: plain data, as every Temporal payload is. */
  args: unknown[];
  searchAttributes: StartSearchAttributes;
  /** What Temporal Web's list shows: never personal data. */
  memo: JsonObject;
}

/**
 * One Temporal call a request owes, as data, so it can wait in the outbox and be made again. Each
 * is idempotent: a start finds the running workflow, or the ended one, and leaves it; a signal's
 * receiver ignores news it already has (the case workflow counts each notification once).
 */
export type TemporalCall =
  | ({ kind: 'start' } & WorkflowStart)
  | ({ kind: 'signal-with-start'; signal: string; signalArgs: unknown[] } & WorkflowStart)
  | { kind: 'signal'; workflowId: string; signal: string; args: unknown[] };

export function typedSearchAttributes(attributes: StartSearchAttributes) {
  return Object.entries(attributes).map(([name, value]) => ({ key: SearchAttributeKeys[name as keyof StartSearchAttributes], value: value! }));
}
