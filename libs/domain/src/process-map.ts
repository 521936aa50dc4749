import type { Agency } from './agency';
import { INVESTIGATION_MAP } from './investigation';
import { MEASURE_MAP } from './measure';
import type { ProcessKind } from './process';
import type { TaskKind } from './task-kind';

/**
 * Process maps: each process as data — its steps and the flows between them — from which the
 * BPMN diagram is drawn and against which the workflow is checked. A workflow enters its steps
 * through one helper (`ProcessPosition.enter`), and every workflow test checks that each step it
 * entered is on the map and reached by a flow (`conformanceProblems`), so the diagram never lies.
 */

/** Who performs a step: an agency, or whichever agency a hand-over or an involvement names. */
export type Performer = Agency | 'receiving-agency' | 'involved-agency';

/** A deadline on a step, as the diagram labels it: `24 timer`, `6 hverdage`, `4 måneder`. */
export interface MapDeadline {
  label: string;
  /** Where the deadline comes from: a law, or the policy field that sets it. */
  rule: string;
}

export type MapNode =
  | { id: string; type: 'start'; name: string }
  | { id: string; type: 'end'; name: string }
  /** Work a person does: a task of `taskKind` in the performer's inbox. */
  | { id: string; type: 'userTask'; name: string; performer: Performer; taskKind: TaskKind; deadline?: MapDeadline }
  /** Work the process does itself (a letter drafted, a request sent to the case). */
  | { id: string; type: 'serviceTask'; name: string; performer: Performer }
  /** A choice: exactly one outgoing flow is taken, by its condition. */
  | { id: string; type: 'exclusiveGateway'; name: string }
  /** Branches that run side by side, or where they meet again. */
  | { id: string; type: 'parallelGateway'; name: string }
  /** A wait for whichever of several events comes first (the case's requests). */
  | { id: string; type: 'eventGateway'; name: string }
  /** A request the process waits for (after an event-based gateway): a signal or an Update. */
  | { id: string; type: 'messageEvent'; name: string };

export type MapNodeType = MapNode['type'];

export interface MapFlow {
  from: string;
  to: string;
  /** The condition on a flow out of an exclusive gateway, in Danish (`ellers` for the default). */
  condition?: string;
}

export interface ProcessMap {
  kind: ProcessKind;
  /** The process's name, in Danish. */
  name: string;
  nodes: readonly MapNode[];
  flows: readonly MapFlow[];
}

/** Steps a workflow enters; the rest (start, gateways) only route between them. */
const ENTERED: ReadonlySet<MapNodeType> = new Set(['userTask', 'serviceTask', 'end']);

export function isEnteredStep(node: MapNode): boolean {
  return ENTERED.has(node.type);
}

/** Problems with a map itself: flows to unknown nodes, nodes nothing reaches, a start or end missing. */
export function mapProblems(map: ProcessMap): string[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const problems: string[] = [];
  if (ids.size !== map.nodes.length) problems.push(`${map.kind}: node ids are not unique`);
  for (const flow of map.flows) {
    for (const end of [flow.from, flow.to]) if (!ids.has(end)) problems.push(`${map.kind}: flow ${flow.from} → ${flow.to} names unknown node ${end}`);
  }
  const starts = map.nodes.filter((n) => n.type === 'start');
  if (starts.length !== 1) problems.push(`${map.kind}: needs exactly one start event, has ${starts.length}`);
  if (!map.nodes.some((n) => n.type === 'end')) problems.push(`${map.kind}: needs an end event`);
  const reached = new Set(starts.map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const flow of map.flows) {
      if (reached.has(flow.from) && !reached.has(flow.to)) {
        reached.add(flow.to);
        grew = true;
      }
    }
  }
  for (const node of map.nodes) if (!reached.has(node.id)) problems.push(`${map.kind}: nothing reaches ${node.id}`);
  for (const node of map.nodes) {
    const out = map.flows.filter((f) => f.from === node.id);
    if (node.type !== 'end' && out.length === 0) problems.push(`${map.kind}: ${node.id} leads nowhere`);
    if (node.type === 'exclusiveGateway' && out.some((f) => !f.condition)) problems.push(`${map.kind}: a flow out of ${node.id} has no condition`);
  }
  return problems;
}

/**
 * Whether a workflow's entered steps follow its map: each step is an entered step of the map, and
 * each is reached from the start or from a step entered before it by a flow that passes only
 * gateways. Parallel branches interleave, so "before" is any earlier step, not only the last.
 */
export function conformanceProblems(map: ProcessMap, entered: readonly string[]): string[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const start = map.nodes.find((n) => n.type === 'start')?.id;
  const problems: string[] = [];
  const seen = start ? [start] : [];
  for (const step of entered) {
    const node = byId.get(step);
    if (!node || !isEnteredStep(node)) {
      problems.push(`${map.kind}: "${step}" is not a step of the map`);
      continue;
    }
    if (!seen.some((from) => reachesThroughGateways(map, byId, from, step))) {
      problems.push(`${map.kind}: no flow of the map leads to "${step}" from ${seen.map((s) => `"${s}"`).join(', ')}`);
    }
    seen.push(step);
  }
  return problems;
}

function reachesThroughGateways(map: ProcessMap, byId: Map<string, MapNode>, from: string, to: string): boolean {
  const visited = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const flow of map.flows.filter((f) => f.from === current)) {
      if (flow.to === to) return true;
      const next = byId.get(flow.to);
      if (next && !isEnteredStep(next) && next.type !== 'start' && !visited.has(next.id)) {
        visited.add(next.id);
        queue.push(next.id);
      }
    }
  }
  return false;
}

/** The notification process (underretning), as `workflows/notification` runs it. */
export const NOTIFICATION_MAP: ProcessMap = {
  kind: 'notification',
  name: 'Underretning',
  nodes: [
    { id: 'received', type: 'start', name: 'Underretning modtaget' },
    { id: 'letters-and-triage', type: 'parallelGateway', name: 'Kvittering og vurdering' },
    { id: 'receipt-needed', type: 'exclusiveGateway', name: 'Fagperson?' },
    {
      id: 'send-receipt',
      type: 'userTask',
      name: 'Send kvittering til underretter',
      performer: 'RECEPTION',
      taskKind: 'send-receipt',
      deadline: { label: '6 hverdage', rule: 'SEL §155 b stk. 1' },
    },
    {
      id: 'triage',
      type: 'userTask',
      name: 'Vurdering af underretning',
      performer: 'RECEPTION',
      taskKind: 'triage',
      deadline: { label: '24 timer', rule: 'BL §136 / SEL §155 stk. 2 (akut: politikkens akuttid)' },
    },
    { id: 'after-triage', type: 'parallelGateway', name: 'Efter vurderingen' },
    { id: 'feedback-needed', type: 'exclusiveGateway', name: 'Fagperson?' },
    {
      id: 'send-feedback',
      type: 'userTask',
      name: 'Send tilbagemelding til underretter',
      performer: 'RECEPTION',
      taskKind: 'send-feedback',
      deadline: { label: '6 hverdage', rule: 'politik: ownDeadlines.feedbackWorkingDays' },
    },
    { id: 'decision', type: 'exclusiveGateway', name: 'Beslutning' },
    { id: 'handover', type: 'serviceTask', name: 'Anmod sagen om overdragelse', performer: 'RECEPTION' },
    { id: 'acute', type: 'exclusiveGateway', name: 'Akut?' },
    {
      id: 'acute-action',
      type: 'userTask',
      name: 'Akut handling på underretning',
      performer: 'AUTHORITY',
      taskKind: 'acute-action',
      deadline: { label: '2 timer', rule: 'politik: ownDeadlines.acuteAction' },
    },
    { id: 'authority-has-case', type: 'exclusiveGateway', name: 'Myndigheden har sagen?' },
    { id: 'open-investigation', type: 'serviceTask', name: 'Start børnefaglig undersøgelse', performer: 'AUTHORITY' },
    { id: 'abuse', type: 'exclusiveGateway', name: 'Overgreb?' },
    {
      id: 'child-conversation',
      type: 'userTask',
      name: 'Børnesamtale',
      performer: 'AUTHORITY',
      taskKind: 'child-conversation',
      deadline: { label: '7 dage', rule: 'politik: ownDeadlines.childConversation' },
    },
    { id: 'follow-ups-done', type: 'parallelGateway', name: 'Opfølgning afsluttet' },
    { id: 'all-done', type: 'parallelGateway', name: 'Alt afsluttet' },
    { id: 'done', type: 'end', name: 'Underretning behandlet' },
  ],
  flows: [
    { from: 'received', to: 'letters-and-triage' },
    { from: 'letters-and-triage', to: 'receipt-needed' },
    { from: 'letters-and-triage', to: 'triage' },
    { from: 'receipt-needed', to: 'send-receipt', condition: 'fagperson' },
    { from: 'receipt-needed', to: 'all-done', condition: 'ellers' },
    { from: 'send-receipt', to: 'all-done' },
    { from: 'triage', to: 'after-triage' },
    { from: 'after-triage', to: 'feedback-needed' },
    { from: 'after-triage', to: 'decision' },
    { from: 'feedback-needed', to: 'send-feedback', condition: 'fagperson' },
    { from: 'feedback-needed', to: 'follow-ups-done', condition: 'ellers' },
    { from: 'send-feedback', to: 'follow-ups-done' },
    { from: 'decision', to: 'handover', condition: 'undersøgelse, rådgivende team eller akut' },
    { from: 'decision', to: 'follow-ups-done', condition: 'luk eller rådgivning' },
    { from: 'handover', to: 'acute' },
    { from: 'acute', to: 'acute-action', condition: 'akut' },
    { from: 'acute', to: 'authority-has-case', condition: 'ellers' },
    { from: 'acute-action', to: 'authority-has-case' },
    { from: 'authority-has-case', to: 'open-investigation', condition: 'overdragelse modtaget af myndigheden' },
    { from: 'authority-has-case', to: 'abuse', condition: 'ellers' },
    { from: 'open-investigation', to: 'abuse' },
    { from: 'abuse', to: 'child-conversation', condition: 'overgreb' },
    { from: 'abuse', to: 'follow-ups-done', condition: 'ellers' },
    { from: 'child-conversation', to: 'follow-ups-done' },
    { from: 'follow-ups-done', to: 'all-done' },
    { from: 'all-done', to: 'done' },
  ],
};

/**
 * The child's case (sag), as `workflows/case` runs it: a long wait for requests, each handled in
 * turn — hand-overs, contributions, re-assessments, the tovholder, measures.
 */
export const CASE_MAP: ProcessMap = {
  kind: 'case',
  name: 'Barnets sag',
  nodes: [
    { id: 'opened', type: 'start', name: 'Sag oprettet' },
    { id: 'waiting', type: 'eventGateway', name: 'Afventer næste henvendelse' },
    { id: 'handover-requested', type: 'messageEvent', name: 'Anmodning om overdragelse' },
    { id: 'acute-move', type: 'messageEvent', name: 'Akut flytning af sagen' },
    { id: 'involvement-requested', type: 'messageEvent', name: 'Anmodning om bidrag' },
    { id: 'notification-while-supported', type: 'messageEvent', name: 'Underretning under foranstaltning' },
    { id: 'tovholder-needed', type: 'messageEvent', name: 'Tovholder skal vælges' },
    { id: 'measure-decided', type: 'messageEvent', name: 'Foranstaltning besluttet' },
    { id: 'case-ends', type: 'messageEvent', name: 'Sagen afsluttes' },
    {
      id: 'accept-handover',
      type: 'userTask',
      name: 'Modtag overdragelse af sag',
      performer: 'receiving-agency',
      taskKind: 'accept-handover',
      deadline: { label: '2 hverdage', rule: 'politik: ownDeadlines.handoverWorkingDays' },
    },
    { id: 'accepted', type: 'exclusiveGateway', name: 'Modtaget?' },
    { id: 'change-owner', type: 'serviceTask', name: 'Skift ejer af sagen', performer: 'receiving-agency' },
    {
      id: 'contribution',
      type: 'userTask',
      name: 'Bidrag til sag',
      performer: 'involved-agency',
      taskKind: 'contribution',
      deadline: { label: '10 hverdage', rule: 'politik: ownDeadlines.involvementWorkingDays' },
    },
    {
      id: 'reassessment',
      type: 'userTask',
      name: 'Genvurdering af sagen',
      performer: 'AUTHORITY',
      taskKind: 'reassessment',
      deadline: { label: '14 dage', rule: 'BL §137 stk. 1; politik: ownDeadlines.reassessment' },
    },
    { id: 'tovholder', type: 'serviceTask', name: 'Tildel tovholder', performer: 'AUTHORITY' },
    { id: 'measure', type: 'serviceTask', name: 'Registrér foranstaltning', performer: 'AUTHORITY' },
    { id: 'closed', type: 'end', name: 'Sag lukket' },
  ],
  flows: [
    { from: 'opened', to: 'waiting' },
    { from: 'waiting', to: 'handover-requested' },
    { from: 'waiting', to: 'acute-move' },
    { from: 'waiting', to: 'involvement-requested' },
    { from: 'waiting', to: 'notification-while-supported' },
    { from: 'waiting', to: 'tovholder-needed' },
    { from: 'waiting', to: 'measure-decided' },
    { from: 'waiting', to: 'case-ends' },
    { from: 'handover-requested', to: 'accept-handover' },
    { from: 'acute-move', to: 'change-owner' },
    { from: 'involvement-requested', to: 'contribution' },
    { from: 'notification-while-supported', to: 'reassessment' },
    { from: 'tovholder-needed', to: 'tovholder' },
    { from: 'measure-decided', to: 'measure' },
    { from: 'case-ends', to: 'closed' },
    { from: 'accept-handover', to: 'accepted' },
    { from: 'accepted', to: 'change-owner', condition: 'modtaget' },
    { from: 'accepted', to: 'waiting', condition: 'afvist' },
    { from: 'change-owner', to: 'waiting' },
    { from: 'contribution', to: 'waiting' },
    { from: 'reassessment', to: 'waiting' },
    { from: 'tovholder', to: 'waiting' },
    { from: 'measure', to: 'waiting' },
  ],
};

/** Every process's map, by kind; a process without one has not been built yet. */
export const PROCESS_MAPS: Partial<Record<ProcessKind, ProcessMap>> = {
  notification: NOTIFICATION_MAP,
  investigation: INVESTIGATION_MAP,
  'preventive-measure': MEASURE_MAP,
  case: CASE_MAP,
};
