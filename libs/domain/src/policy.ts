import { AGENCIES, type Agency } from './agency';
import { TRIAGE_DEADLINE_HOURS } from './deadlines';
import { copenhagenInstant, copenhagenWallClock, RECEIPT_DEADLINE_WORKING_DAYS } from './working-days';

/*
 * Municipal policy profiles (DOMAIN.md, "Municipal policy profiles"): the legal floor plus a
 * municipality's stricter local rules. A profile may only tighten a legal deadline, never loosen
 * it, and `definePolicy` refuses one that does, so a loosened deadline fails at start-up rather
 * than in a case.
 */

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

type Only<U extends DurationUnit> = { [K in U]: number } & { [K in Exclude<DurationUnit, U>]?: never };

/**
 * A length of time in exactly one unit, written the way the law or a strategy states it ("4
 * weeks", "every 2 months", "24 hours"), so nothing is lost converting calendar months to days.
 * Hours are elapsed time; days, weeks and months are Copenhagen calendar units. Where two rules use
 * different units they are compared conservatively (see `mayEndLaterThan`).
 */
export type Duration = Only<'hours'> | Only<'days'> | Only<'weeks'> | Only<'months'>;

/** The unit and count of a duration; throws unless it has exactly one unit with a whole count > 0. */
export function durationParts(duration: Duration): { unit: DurationUnit; count: number } {
  // A profile is data from outside the type system: anything may arrive here.
  const fields: Partial<Record<DurationUnit, unknown>> = typeof duration === 'object' && duration !== null ? duration : {};
  const present = DURATION_UNITS.filter((unit) => fields[unit] !== undefined);
  const [unit] = present;
  const count = unit === undefined ? undefined : fields[unit];
  if (present.length !== 1 || unit === undefined || typeof count !== 'number' || !Number.isInteger(count) || count <= 0) {
    throw new RangeError(`a duration is one whole number > 0 of hours, days, weeks or months, got ${JSON.stringify(duration)}`);
  }
  return { unit, count };
}

/**
 * `at` plus a duration. Hours are elapsed time. Days, weeks and months are steps on the Copenhagen
 * calendar that keep the wall-clock time, across a clock change or not (10:00 + 1 week is 10:00 a
 * week later). A month step keeps the day of the month, or takes the month's last day when it has
 * no such day, as periods counted in months do in Danish law (31 October + 4 months = 28 February,
 * 29 in a leap year). A result in the spring-forward gap moves forward by the skipped hour, one the
 * autumn change shows twice is the earlier (see `copenhagenInstant`).
 */
export function addDuration(at: Date, duration: Duration): Date {
  const { unit, count } = durationParts(duration);
  if (unit === 'hours') return new Date(at.getTime() + count * 3_600_000);
  const wallClock = new Date(copenhagenWallClock(at)); // its UTC fields are Copenhagen's
  if (unit === 'months') {
    const day = wallClock.getUTCDate();
    wallClock.setUTCDate(1);
    wallClock.setUTCMonth(wallClock.getUTCMonth() + count);
    const lastDay = new Date(Date.UTC(wallClock.getUTCFullYear(), wallClock.getUTCMonth() + 1, 0)).getUTCDate();
    wallClock.setUTCDate(Math.min(day, lastDay));
  } else {
    wallClock.setUTCDate(wallClock.getUTCDate() + count * (unit === 'weeks' ? 7 : 1));
  }
  return copenhagenInstant(wallClock.getTime());
}

/** "1 week", "4 months", "24 hours". */
export function formatDuration(duration: Duration): string {
  const { unit, count } = durationParts(duration);
  return `${count} ${count === 1 ? unit.slice(0, -1) : unit}`;
}

/** Shortest and longest length in calendar days: a month is 28 to 31 days. */
function calendarDayBounds(unit: Exclude<DurationUnit, 'hours'>, count: number): [number, number] {
  if (unit === 'months') return [28 * count, 31 * count];
  return unit === 'weeks' ? [7 * count, 7 * count] : [count, count];
}

/**
 * Whether a deadline of `candidate` can fall later than one of `limit` counted from the same start.
 * `exact` is false when the answer is the conservative one for different units: a month counts as
 * anything from 28 to 31 days, and a calendar day as 23 to 25 hours (a daylight-saving change), so
 * 13 weeks may be later than 3 months (91 > 3 × 28 days) although it usually is not.
 */
export function mayEndLaterThan(candidate: Duration, limit: Duration): { later: boolean; exact: boolean } {
  const c = durationParts(candidate);
  const l = durationParts(limit);
  if (c.unit === l.unit) return { later: c.count > l.count, exact: true };
  if (c.unit !== 'hours' && l.unit !== 'hours') {
    const [, candidateMax] = calendarDayBounds(c.unit, c.count);
    const [limitMin] = calendarDayBounds(l.unit, l.count);
    return { later: candidateMax > limitMin, exact: c.unit !== 'months' && l.unit !== 'months' };
  }
  // Hours against calendar units: a span of calendar days is up to one hour shorter or longer
  // than 24 hours a day (the DST changes within any span net out to at most one).
  const hourBounds = ({ unit, count }: { unit: DurationUnit; count: number }): [number, number] => {
    if (unit === 'hours') return [count, count];
    const [min, max] = calendarDayBounds(unit, count);
    return [24 * min - 1, 24 * max + 1];
  };
  return { later: hourBounds(c)[1] > hourBounds(l)[0], exact: false };
}

// ---------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------

/** The process deadlines a profile sets. Durations run from the event named in each comment. */
export interface PolicyDeadlines {
  /** Assess an underretning within 24 hours of receipt (SEL §155 stk. 2 / BL §136). */
  triage: Duration;
  /**
   * Receipt (*kvittering*) to a professional notifier within 6 working days of receipt (SEL §155 b
   * stk. 1). A count of working days, not a Duration: it cannot be compared with calendar time.
   */
  receiptWorkingDays: number;
  /** Børnefaglig undersøgelse: 4 months from when the municipality became aware (BL §20 stk. 3). */
  investigation: Duration;
  /** Barnets plan: within 3 months of deciding a measure (BL §91). */
  plan: Duration;
  /**
   * First follow-up (*opfølgning*) of a preventive measure: within 3 months of the decision (BL
   * §95), earlier when an investigation ends (see `followUpDueAt`). Later ones: `followUpCadence`.
   */
  preventiveFirstFollowUp: Duration;
  /** First follow-up of a placement (*anbringelse*), as `preventiveFirstFollowUp`. */
  placementFirstFollowUp: Duration;
  /** Assessment of return home (*hjemgivelse*) or a less intrusive measure, from placement (Hvidovre: 6 months). Not in law. */
  returnHomeAssessment?: Duration;
  /** Supervision visits (*tilsynsbesøg*) to a placed child per year, at least (BL §156 stk. 5). More is stricter. */
  supervisionVisitsPerYear: number;
}

/** The measures (*foranstaltninger*) that are followed up. */
export const MEASURE_KINDS = ['preventive', 'placement'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * How often a measure is followed up after the first follow-up. Not a legal floor: BL §95 leaves
 * the cadence to the municipality, which must decide it and say why, so it carries its reasons.
 */
export interface FollowUpCadence {
  /** From one follow-up to the next. */
  interval: Duration;
  /** Why this cadence, in the municipality's words. */
  justification: string;
}

/**
 * Deadlines the product chose where the law sets none. A municipality may set each; they are not
 * checked against the law, only for their shape.
 */
export interface PolicyOwnDeadlines {
  /** A receiving agency accepts a hand-over within this many working days of the request, by the end of the day. */
  handoverWorkingDays: number;
  /** Feedback (*tilbagemelding*) to a professional notifier within this many working days of the triage decision. */
  feedbackWorkingDays: number;
  /** The conversation with the child (*børnesamtale*) about an abuse notification, from the decision. */
  childConversation: Duration;
  /** Acute action, from the decision; an acute notification is also triaged within it when that is sooner. */
  acuteAction: Duration;
  /** Re-assessment of a supported or placed child's case on a repeated notification (BL §137 stk. 1), from the request. */
  reassessment: Duration;
  /** A contribution asked of another agency (involvement, *inddragelse*), within this many working days of the request, by the end of the day. */
  involvementWorkingDays: number;
  /** The steps of an investigation (conversations, network, statements), from its start; never later than its conclusion. */
  investigationSteps: Duration;
  /** The preliminary assessment (*foreløbig vurdering*, BL §20 stk. 3) of an investigation past its deadline, from the deadline. */
  preliminaryAssessment: Duration;
  /** While an investigation is past its deadline, its lead is alerted again after each such interval. */
  overdueInvestigationAlert: Duration;
}

/** Casework methods a municipality has adopted (see DOMAIN.md, "Child welfare investigation"). */
export type CaseworkMethod = 'signs-of-safety' | 'open-dialogue' | 'fit-feedback';

/** Local rules that are not deadlines: what the processes should offer or ask for. */
export interface PolicyPractices {
  /** Reception (*modtagelse*) vets every notification and may close with advice (Aalborg). */
  receptionVetsEveryNotification: boolean;
  /** A tovholder in every case of a young person aged 16+ (Aalborg). */
  coordinatorForEvery16Plus: boolean;
  /** Offer a family group conference (*familierådslagning*) as the core method (Haderslev). */
  familyGroupConference: boolean;
  /** Advisory teams in the universal area hand families over to the authority (Haderslev). */
  advisoryTeams: boolean;
  /** Family and network take part actively at the second meeting (Haderslev KPI). */
  networkAtSecondMeeting: boolean;
  /** Examine kin/network placement (*netværksanbringelse*) before other placement (Haderslev, Hvidovre). */
  kinPlacementFirst: boolean;
  /** PPR takes part in choosing the school offer for a placed child (Aalborg's KABU agreement). */
  pprInSchoolOfferForPlaced: boolean;
  /** Every follow-up evaluates stepping the measure up or down the indsatstrappe (Skanderborg). */
  systematicStepReview: boolean;
  /** Case data is used to spot tendencies (Skanderborg). */
  trendMonitoring: boolean;
  methods: CaseworkMethod[];
}

/** Targets a municipality measures itself against (reported, not enforced). */
export interface PolicyKpis {
  /** Share of notifications that should concern children under 6 (Hvidovre: 0.6, early detection). */
  under6NotificationShare?: number;
  /** Share of institution placements stepped down to a less intrusive offer within a time (Hvidovre: 80 % in 8 months). */
  institutionStepDown?: { share: number; within: Duration };
}

/**
 * A municipality's policy profile: the legal floor plus its own stricter rules. Profiles are data;
 * the rules that read them are pure functions.
 */
export interface Policy {
  name: string;
  /** Open cases a caseworker should carry at most (Hvidovre aims at about 20). */
  caseloadCap: number;
  /** How long before a task's due time its assignee is reminded, at most. */
  reminderLeadHours: number;
  /** Agencies whose staff may be a young person's coordinator (tovholder). */
  coordinatorAgencies: Agency[];
  deadlines: PolicyDeadlines;
  /** Follow-ups after the first, for each measure. */
  followUpCadence: Record<MeasureKind, FollowUpCadence>;
  ownDeadlines: PolicyOwnDeadlines;
  practices: PolicyPractices;
  kpis: PolicyKpis;
}

/** What a profile states: its name and whatever it changes from the legal floor. */
export interface PolicyProfile {
  name: string;
  caseloadCap?: number;
  reminderLeadHours?: number;
  coordinatorAgencies?: readonly Agency[];
  deadlines?: Partial<PolicyDeadlines>;
  followUpCadence?: Partial<Record<MeasureKind, FollowUpCadence>>;
  ownDeadlines?: Partial<PolicyOwnDeadlines>;
  practices?: Partial<PolicyPractices>;
  kpis?: PolicyKpis;
}

/** The law alone (DOMAIN.md, "The processes"): every profile is checked against these. */
const LEGAL_DEADLINES: Readonly<PolicyDeadlines> = {
  triage: { hours: TRIAGE_DEADLINE_HOURS },
  receiptWorkingDays: RECEIPT_DEADLINE_WORKING_DAYS,
  investigation: { months: 4 },
  plan: { months: 3 },
  preventiveFirstFollowUp: { months: 3 },
  placementFirstFollowUp: { months: 3 },
  supervisionVisitsPerYear: 2,
};

const SEL_70_CADENCE: Readonly<FollowUpCadence> = {
  interval: { months: 6 },
  justification: 'Old SEL §70 practice: a follow-up at least every 6 months after the first',
};

const PRODUCT_OWN_DEADLINES: Readonly<PolicyOwnDeadlines> = {
  handoverWorkingDays: 2,
  feedbackWorkingDays: 6, // as the receipt (SEL §155 b stk. 1)
  childConversation: { days: 7 },
  acuteAction: { hours: 2 },
  reassessment: { days: 14 },
  involvementWorkingDays: 10,
  investigationSteps: { months: 3 },
  preliminaryAssessment: { days: 14 },
  overdueInvestigationAlert: { weeks: 2 },
};
const OWN_WORKING_DAY_COUNTS: readonly string[] = [
  'handoverWorkingDays',
  'feedbackWorkingDays',
  'involvementWorkingDays',
] satisfies (keyof PolicyOwnDeadlines)[];

const NO_LOCAL_PRACTICES: Readonly<PolicyPractices> = {
  receptionVetsEveryNotification: false,
  coordinatorForEvery16Plus: false,
  familyGroupConference: false,
  advisoryTeams: false,
  networkAtSecondMeeting: false,
  kinPlacementFirst: false,
  pprInSchoolOfferForPlaced: false,
  systematicStepReview: false,
  trendMonitoring: false,
  methods: [],
};

const LEGAL_DEFAULTS = { caseloadCap: 30, reminderLeadHours: 48, coordinatorAgencies: ['AUTHORITY'] as Agency[] };

const KNOWN_RULES: readonly string[] = [...Object.keys(LEGAL_DEADLINES), 'returnHomeAssessment' satisfies keyof PolicyDeadlines];

/** Deadlines that are counts where more is stricter; every other count is a maximum. */
const MINIMUM_COUNTS: ReadonlySet<keyof PolicyDeadlines> = new Set(['supervisionVisitsPerYear']);
const COUNT_UNITS: Partial<Record<keyof PolicyDeadlines, [string, string]>> = {
  receiptWorkingDays: ['working day', 'working days'],
  supervisionVisitsPerYear: ['visit per year', 'visits per year'],
};

/** Copies defined values only, so `{ plan: undefined }` cannot remove a legal rule. */
function definedEntries<T extends object>(values: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function durationProblem(path: string, value: unknown): string[] {
  try {
    durationParts(value as Duration);
    return [];
  } catch (error) {
    return [`${path}: ${(error as Error).message}`];
  }
}

/** Problems with the shape of a merged profile (not about loosening). */
function shapeProblems(policy: Policy): string[] {
  const problems: string[] = [];
  if (!isPositiveInteger(policy.caseloadCap)) problems.push(`caseloadCap must be a whole number > 0, got ${policy.caseloadCap}`);
  if (!(Number.isFinite(policy.reminderLeadHours) && policy.reminderLeadHours >= 0)) {
    problems.push(`reminderLeadHours must be a number ≥ 0, got ${policy.reminderLeadHours}`);
  }
  const unknown = policy.coordinatorAgencies.filter((agency) => !(AGENCIES as readonly string[]).includes(agency));
  if (policy.coordinatorAgencies.length === 0 || unknown.length > 0) {
    problems.push(`coordinatorAgencies must name known agencies, got ${JSON.stringify(policy.coordinatorAgencies)}`);
  }
  for (const [rule, value] of Object.entries(policy.deadlines)) {
    if (!KNOWN_RULES.includes(rule)) {
      problems.push(`deadlines.${rule} is not a known rule`);
      continue;
    }
    if (rule in COUNT_UNITS) {
      if (!isPositiveInteger(value)) problems.push(`deadlines.${rule} must be a whole number > 0, got ${JSON.stringify(value)}`);
      continue;
    }
    problems.push(...durationProblem(`deadlines.${rule}`, value));
  }
  for (const [measure, cadence] of Object.entries(policy.followUpCadence)) {
    if (!(MEASURE_KINDS as readonly string[]).includes(measure)) {
      problems.push(`followUpCadence.${measure} is not a known measure`);
      continue;
    }
    const { interval, justification } = (cadence ?? {}) as Partial<FollowUpCadence>;
    problems.push(...durationProblem(`followUpCadence.${measure}.interval`, interval));
    if (typeof justification !== 'string' || justification.trim() === '') {
      problems.push(`followUpCadence.${measure}.justification must say why this cadence: BL §95 has the municipality decide and justify it`);
    }
  }
  for (const [rule, value] of Object.entries(policy.ownDeadlines)) {
    if (!Object.keys(PRODUCT_OWN_DEADLINES).includes(rule)) {
      problems.push(`ownDeadlines.${rule} is not a known rule`);
    } else if (OWN_WORKING_DAY_COUNTS.includes(rule)) {
      if (!isPositiveInteger(value)) problems.push(`ownDeadlines.${rule} must be a whole number > 0, got ${JSON.stringify(value)}`);
    } else {
      problems.push(...durationProblem(`ownDeadlines.${rule}`, value));
    }
  }
  const { under6NotificationShare, institutionStepDown } = policy.kpis;
  for (const [kpi, share] of [['under6NotificationShare', under6NotificationShare], ['institutionStepDown.share', institutionStepDown?.share]] as const) {
    if (share !== undefined && !(share > 0 && share <= 1)) problems.push(`kpis.${kpi} must be a share in (0, 1], got ${share}`);
  }
  if (institutionStepDown) problems.push(...durationProblem('kpis.institutionStepDown.within', institutionStepDown.within));
  return problems;
}

/** Where a merged profile's deadlines are looser than the law's. */
function looseningProblems(deadlines: PolicyDeadlines): string[] {
  const problems: string[] = [];
  for (const rule of Object.keys(LEGAL_DEADLINES) as (keyof PolicyDeadlines)[]) {
    const legal = LEGAL_DEADLINES[rule];
    const value = deadlines[rule];
    if (legal === undefined || value === undefined) continue;
    const counted = COUNT_UNITS[rule];
    if (counted) {
      const [one, many] = counted;
      const say = (n: number) => `${n} ${n === 1 ? one : many}`;
      const minimum = MINIMUM_COUNTS.has(rule);
      if (minimum ? value < legal : value > legal) {
        problems.push(`loosens deadlines.${rule}: ${say(value as number)} is ${minimum ? 'fewer' : 'later'} than the legal ${say(legal as number)}`);
      }
      continue;
    }
    const { later, exact } = mayEndLaterThan(value as Duration, legal as Duration);
    if (later) {
      const how = exact ? 'is later than' : 'may be later than';
      const note = exact ? '' : ' (a month counts as 28 to 31 days, a day as 23 to 25 hours)';
      problems.push(`loosens deadlines.${rule}: ${formatDuration(value as Duration)} ${how} the legal ${formatDuration(legal as Duration)}${note}`);
    }
  }
  return problems;
}

/**
 * Builds a policy from a profile: the legal floor with the profile's rules on top. Throws when the
 * profile is malformed or loosens any legal deadline, naming the profile and every such rule, e.g.
 * `Policy "lenient" loosens deadlines.investigation: 5 months is later than the legal 4 months`.
 * The result is frozen: policies are shared by every case and workflow.
 */
export function definePolicy(profile: PolicyProfile): Policy {
  const policy: Policy = {
    name: profile.name,
    caseloadCap: profile.caseloadCap ?? LEGAL_DEFAULTS.caseloadCap,
    reminderLeadHours: profile.reminderLeadHours ?? LEGAL_DEFAULTS.reminderLeadHours,
    coordinatorAgencies: [...(profile.coordinatorAgencies ?? LEGAL_DEFAULTS.coordinatorAgencies)],
    deadlines: { ...LEGAL_DEADLINES, ...definedEntries(profile.deadlines) },
    followUpCadence: { preventive: SEL_70_CADENCE, placement: SEL_70_CADENCE, ...definedEntries(profile.followUpCadence) },
    ownDeadlines: { ...PRODUCT_OWN_DEADLINES, ...definedEntries(profile.ownDeadlines) },
    practices: { ...NO_LOCAL_PRACTICES, ...definedEntries(profile.practices) },
    kpis: { ...profile.kpis },
  };
  if (typeof policy.name !== 'string' || policy.name.trim() === '') throw new Error('A policy needs a name');
  const shape = shapeProblems(policy);
  if (shape.length > 0) throw new Error(`Policy "${policy.name}" is malformed: ${shape.join('; ')}`);
  const loosened = looseningProblems(policy.deadlines);
  if (loosened.length > 0) throw new Error(`Policy "${policy.name}" ${loosened.join('; ')}`);
  return frozenCopy(policy);
}

/** A deep copy, frozen, so neither the caller's profile nor another policy shares its objects. */
function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const copy = Array.isArray(value)
    ? value.map(frozenCopy)
    : Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, frozenCopy(inner)]));
  return Object.freeze(copy) as T;
}

/**
 * When a measure's next follow-up (*opfølgning*) is due (BL §95). The first: the policy's first
 * follow-up after the decision, or when an investigation still running at the decision ends, if
 * that is sooner; one that had ended by the decision does not count. Each later one: the
 * cadence after the previous follow-up was held (`previousFollowUpAt`).
 */
export function followUpDueAt(
  policy: Policy,
  measure: MeasureKind,
  dates: { decidedAt: Date; investigationEndsAt?: Date; previousFollowUpAt?: Date },
  /** The cadence decided at the first follow-up (see `cadenceProblem`); the profile's when none was. */
  cadence: Duration = policy.followUpCadence[measure].interval,
): Date {
  const { decidedAt, investigationEndsAt: ends, previousFollowUpAt: previous } = dates;
  if (previous) return addDuration(previous, cadence);
  const first = addDuration(decidedAt, measure === 'preventive' ? policy.deadlines.preventiveFirstFollowUp : policy.deadlines.placementFirstFollowUp);
  return ends && ends.getTime() > decidedAt.getTime() && ends.getTime() < first.getTime() ? ends : first;
}

/** The shipped profiles (DOMAIN.md's table), each built and checked by `definePolicy`. */
export const POLICIES = {
  legal: definePolicy({ name: 'legal' }),
  hvidovre: definePolicy({
    name: 'hvidovre',
    caseloadCap: 20, // ~20 cases per caseworker, down from 30–35
    deadlines: {
      preventiveFirstFollowUp: { weeks: 4 },
      placementFirstFollowUp: { weeks: 4 },
      returnHomeAssessment: { months: 6 },
    },
    followUpCadence: {
      preventive: { interval: { months: 2 }, justification: 'Hvidovre: preventive measures are followed up every 2 months (hvidovre-lige-muligheder-2014)' },
      placement: { interval: { weeks: 6 }, justification: 'Hvidovre: placements are followed up every 6 weeks (hvidovre-lige-muligheder-2014)' },
    },
    practices: { kinPlacementFirst: true },
    kpis: { under6NotificationShare: 0.6, institutionStepDown: { share: 0.8, within: { months: 8 } } },
  }),
  aalborg: definePolicy({
    name: 'aalborg',
    coordinatorAgencies: ['AUTHORITY', 'JOBCENTER_UNG'],
    practices: {
      receptionVetsEveryNotification: true,
      coordinatorForEvery16Plus: true,
      pprInSchoolOfferForPlaced: true,
      methods: ['signs-of-safety'],
    },
  }),
  haderslev: definePolicy({
    name: 'haderslev',
    practices: { familyGroupConference: true, advisoryTeams: true, networkAtSecondMeeting: true, kinPlacementFirst: true },
  }),
  herlev: definePolicy({ name: 'herlev', practices: { methods: ['open-dialogue', 'fit-feedback'] } }),
  skanderborg: definePolicy({ name: 'skanderborg', practices: { systematicStepReview: true, trendMonitoring: true } }),
} satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;
