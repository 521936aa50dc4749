import { z } from 'zod/v4';
import { SIGNS_OF_SAFETY } from './investigation';
import { MEASURE_TYPES } from './measure';
import { TRIAGE_DECISIONS } from './notification';
import type { TaskKind } from './task-kind';

/** A reason an outcome is refused: the field, the rules it breaks, and a message naming both. */
export interface OutcomeFieldProblem {
  /** The field's path from the request body, e.g. `outcome.decision`. */
  field: string;
  /** `required`, `type`, `one-of` or `date`. */
  rules: string[];
  message: string;
}

/** Text that says something: blank counts as missing. */
const text = () => z.string().trim().min(1);

/**
 * A calendar day as YYYY-MM-DD. Not `z.iso.date()`: workflows check outcomes too, and there this
 * module and zod are deep-frozen (preloaded), so a shared RegExp cannot be reset (zod sets its
 * `lastIndex`); the pattern here is a fresh literal on every call.
 */
const isoDate = () =>
  z
    .string()
    .refine(isCalendarDay, { error: 'must be a date as YYYY-MM-DD', params: { rule: 'date' } })
    .meta({ format: 'date' });

function isCalendarDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

const heldOn = isoDate().describe('The day the conversation was held');
const parentSuspected = 'Is a parent the suspected abuser?';
const measureType = z.enum(MEASURE_TYPES);

/** The investigation's conclusion: the Signs of Safety answers are optional here, required by policy (`conclusionProblem`). */
const conclusionFields = {
  conclusion: text().describe('The reasoned conclusion'),
  ...Object.fromEntries(SIGNS_OF_SAFETY.map(([field, question]) => [field, text().optional().describe(`Signs of Safety: ${question}`)])),
};

/** Every follow-up gives a reason; the first also decides the cadence of the next ones (`followUpProblem`). */
const followUpFields = {
  reason: text().describe('Why, reviewed against the indsatstrappe'),
  cadenceInterval: z.int().positive().optional().describe('First follow-up: the next ones every … (a number)'),
  cadenceUnit: z.enum(['weeks', 'months']).optional().describe('First follow-up: … weeks or months'),
  cadenceJustification: text().optional().describe('First follow-up: why this cadence (BL §95)'),
};

/**
 * What completing each kind of task records. Objects are loose: fields a kind does not name are
 * kept (a client may record more, e.g. a note), never a reason to refuse. Fields that depend on
 * another field's value are a discriminated union, so the JSON Schema says which fields each value
 * requires.
 */
const OUTCOME_SCHEMAS = {
  triage: z.looseObject({
    decision: z.enum(TRIAGE_DECISIONS).describe('What reception decides'),
    // Whether consent is needed depends on the decision and the notification: triageDecisionProblem.
    consent: z.boolean().optional().describe('The family consents to a referral to the advisory team'),
  }),
  'send-receipt': z.looseObject({}),
  'send-feedback': z.looseObject({}),
  'accept-handover': z.discriminatedUnion('decision', [
    z.looseObject({ decision: z.literal('accept') }),
    z.looseObject({ decision: z.literal('decline'), reason: text().describe('Why the receiving agency declines the case') }),
  ]),
  // BL §137 stk. 2–4: when a parent is the suspected abuser, the conversation with the child (børnesamtale)
  // is held without the parents' consent and without them present.
  'child-conversation': z.discriminatedUnion('parentSuspected', [
    z.looseObject({ heldOn, parentSuspected: z.literal(false).describe(parentSuspected) }),
    z.looseObject({
      heldOn,
      parentSuspected: z.literal(true).describe(parentSuspected),
      withoutParentalConsent: z.literal(true).describe('Held without the parents’ consent'),
      parentsAbsent: z.literal(true).describe('Held without the parents present'),
    }),
  ]),
  'acute-action': z.looseObject({ action: text().describe('What was done') }),
  reassessment: z.looseObject({ conclusion: text().describe('The fresh-eyes conclusion (BL §137 stk. 1)') }),
  contribution: z.looseObject({ summary: text().describe('The contribution, e.g. PPR’s psychological-educational assessment') }),
  'investigation-child-conversation': z.looseObject({
    heldOn,
    place: text().describe('Where the conversation was held'),
    present: text().describe('Who was present'),
    childView: text().describe('The child’s own view'),
  }),
  'parent-involvement': z.looseObject({
    heldOn: isoDate().describe('The day the parents were involved'),
    parentsView: text().describe('The parents’ view'),
    youngPersonView: text().optional().describe('The young person’s own view (required from age 15)'),
  }),
  'network-mapping': z.discriminatedUnion('familyGroupConferenceOffered', [
    z.looseObject({ network: text().describe('Who is around the child'), familyGroupConferenceOffered: z.literal(false).describe('Was a family group conference offered?') }),
    z.looseObject({
      network: text().describe('Who is around the child'),
      familyGroupConferenceOffered: z.literal(true).describe('Was a family group conference offered?'),
      familyAnswer: z.enum(['accepted', 'declined']).describe('The family’s answer'),
    }),
  ]),
  'professional-statements': z.looseObject({
    summary: text().describe('What the professionals who know the child say'),
    schoolingNeeds: z.boolean().describe('Schooling needs: PPR is asked for an assessment (BL §22 stk. 4)'),
    healthExaminationNeeded: z.boolean().describe('A health examination is needed'),
  }),
  'siblings-considered': z.looseObject({ consideration: text().describe('The siblings and what the investigation means for them (BL §21)') }),
  'health-examination': z.looseObject({ summary: text().describe('The examination’s findings') }),
  'preliminary-assessment': z.looseObject({ assessment: text().describe('The preliminary assessment (BL §20 stk. 3)') }),
  'investigation-conclusion': z.discriminatedUnion('decision', [
    z.looseObject({ decision: z.literal('no-support').describe('What the investigation concludes'), ...conclusionFields }),
    z.looseObject({
      decision: z.literal('preventive-measure').describe('What the investigation concludes'),
      ...conclusionFields,
      measureType: measureType.describe('The preventive measure (BL §32)'),
      goal: text().describe('The measure’s goal'),
    }),
    z.looseObject({ decision: z.literal('placement').describe('What the investigation concludes'), ...conclusionFields }),
  ]),
  'placement-preparation': z.looseObject({ summary: text().describe('What was prepared') }),
  'send-outcome': z.looseObject({}),
  'child-plan': z.looseObject({
    goals: text().describe('The plan’s goals'),
    childParticipation: text().optional().describe('How the child took part (required from age 4)'),
  }),
  'measure-follow-up': z.discriminatedUnion('decision', [
    z.looseObject({ decision: z.literal('continue').describe('The review on the indsatstrappe'), ...followUpFields }),
    z.looseObject({ decision: z.literal('step-down').describe('The review on the indsatstrappe'), ...followUpFields, measureType: measureType.describe('The new, less intrusive measure') }),
    z.looseObject({ decision: z.literal('step-up').describe('The review on the indsatstrappe'), ...followUpFields, measureType: measureType.describe('The new, more intrusive measure') }),
    z.looseObject({ decision: z.literal('end').describe('The review on the indsatstrappe'), ...followUpFields }),
  ]),
} satisfies Record<TaskKind, z.ZodType>;

/** The kind's outcome as JSON Schema (draft 2020-12), for forms. */
export function outcomeJsonSchema(kind: TaskKind): Record<string, unknown> {
  return z.toJSONSchema(OUTCOME_SCHEMAS[kind]) as Record<string, unknown>;
}

/**
 * Why `outcome` is not a valid outcome of a `kind` task; empty when it is. A field that is null or
 * '' counts as not given (what forms send for an empty input). Process rules that need more than
 * the outcome (the triage decision against the notification) are the process's own.
 */
export function outcomeProblems(kind: TaskKind, outcome: unknown): OutcomeFieldProblem[] {
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome)) {
    return [{ field: 'outcome', rules: ['type'], message: 'outcome must be an object' }];
  }
  const given = Object.fromEntries(Object.entries(outcome).filter(([, value]) => value !== null && value !== ''));
  const schema: z.ZodType = OUTCOME_SCHEMAS[kind];
  const result = schema.safeParse(given);
  return result.success ? [] : result.error.issues.map((issue) => toProblem(schema, given, issue));
}

function toProblem(schema: z.ZodType, outcome: Record<string, unknown>, issue: z.core.$ZodIssue): OutcomeFieldProblem {
  // Every outcome field is top-level; a path into a field's value still names the field.
  const key = String(issue.path[0]);
  const field = `outcome.${key}`;
  const [rule, says] = ruleBroken(schema, issue, outcome[key]);
  return { field, rules: [rule], message: `${field} ${says}${condition(schema, key, outcome)}` };
}

/** The rule an issue breaks and what the message says about the field. */
function ruleBroken(schema: z.ZodType, issue: z.core.$ZodIssue, value: unknown): [string, string] {
  if (value === undefined || issue.code === 'too_small') return ['required', 'is required'];
  switch (issue.code) {
    case 'invalid_type':
      return ['type', `must be ${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`];
    case 'invalid_value':
      return ['one-of', mustBe(issue.values)];
    case 'invalid_union': // only a discriminated union's discriminator
      return ['one-of', mustBe(discriminatorValues(schema as z.ZodDiscriminatedUnion))];
    case 'custom':
      return [String(issue.params?.rule), issue.message];
    default:
      return [issue.code, 'is not valid'];
  }
}

function mustBe(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? `must be ${shown[0]}` : `must be one of ${shown.join(', ')}`;
}

function discriminatorValues(schema: z.ZodDiscriminatedUnion): unknown[] {
  const key = schema._zod.def.discriminator;
  return schema.options.map((option) => ((option as z.ZodObject).shape[key] as z.ZodLiteral).value);
}

/** For a field only some values of the discriminator require: ` when outcome.<discriminator> is <value>`. */
function condition(schema: z.ZodType, key: string, outcome: Record<string, unknown>): string {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return '';
  const discriminator = schema._zod.def.discriminator;
  if (schema.options.every((option) => key in (option as z.ZodObject).shape)) return '';
  return ` when outcome.${discriminator} is ${JSON.stringify(outcome[discriminator])}`;
}
