/**
 * Names of the changes made to running processes with `patched()` (README: "Changing a running
 * process"). A history recorded before a change replays without it; every new run takes it.
 */

/** The read-model activities run locally (issue 9). */
export const LOCAL_ACTIVITIES_PATCH = 'local-read-model-activities';

/** The case workflow orchestrates hand-overs, involvement and the tovholder; processes ask it (issue 10). */
export const CASE_ORCHESTRATION_PATCH = 'case-orchestration';

/** Processes record where they are on their map: a query, `ProcessStep` and the read model (issue 11). */
export const PROCESS_STEPS_PATCH = 'process-steps';
