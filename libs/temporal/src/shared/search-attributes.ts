import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes administrators filter on in Temporal Web. They carry identifiers and
 * process facts only — never a CPR number or a name.
 */
export const SearchAttributeKeys = {
  caseId: defineSearchAttributeKey('CaseId', SearchAttributeType.KEYWORD),
  municipality: defineSearchAttributeKey('Municipality', SearchAttributeType.KEYWORD),
  processKind: defineSearchAttributeKey('ProcessKind', SearchAttributeType.KEYWORD),
  ownerAgency: defineSearchAttributeKey('OwnerAgency', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME),
  overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
  /** The steps of its map the process is in now (ProcessStep = "triage" finds notifications waiting for triage). */
  processStep: defineSearchAttributeKey('ProcessStep', SearchAttributeType.KEYWORD_LIST),
  /** The process cannot proceed without an operator (an error that retrying cannot heal); they have been alerted. */
  stuck: defineSearchAttributeKey('Stuck', SearchAttributeType.BOOL),
} as const;

export const ALL_SEARCH_ATTRIBUTE_KEYS = Object.values(SearchAttributeKeys);
