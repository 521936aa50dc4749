import { TranslatableString } from '@rjsf/utils';
import { MEASURE_TYPE_NAMES_DA, type TaskKind } from '@sagsflow/domain';

/**
 * The Danish words of task outcomes, in one place: each kind's fields (label, hint, the words for
 * its values), the process rules the API checks beyond the schema, the messages for the rules a
 * value can break, and the form library's own strings. The outcome form is generated from the
 * kind's JSON Schema (libs/domain task-outcome.ts); these words dress it.
 */

export interface FieldWords {
  /** The field's label. */
  title: string;
  /** A hint under the label. */
  hint?: string;
  /** The words for its values (an enum's, or a choice between the kind's alternatives), by value as text: `true`, `decline`. */
  values?: Record<string, string>;
  /** Free text long enough for a text area. */
  long?: boolean;
}

export interface OutcomeWords {
  /** What completing the task means, shown above the form. */
  intro?: string;
  fields: Record<string, FieldWords>;
  /** The process's own rules the API checks (its 422 names the field, with the kind as the rule): by field. */
  rules?: Record<string, string>;
}

export const OUTCOME_WORDS = {
  triage: {
    intro: 'Vurdér underretningen og beslut, hvad der skal ske med sagen.',
    fields: {
      decision: {
        title: 'Beslutning',
        values: {
          close: 'Luk – ingen yderligere handling',
          advice: 'Rådgivning',
          'advisory-team': 'Henvisning til det rådgivende team',
          investigation: 'Undersøgelse',
          acute: 'Akut handling',
        },
      },
      consent: {
        title: 'Familien giver samtykke til henvisningen',
        hint: 'Kræves, når sagen henvises til det rådgivende team.',
      },
    },
    rules: {
      decision: 'En underretning om overgreb skal føre til en undersøgelse eller akut handling (BL § 20, stk. 1).',
      consent: 'Familien skal give samtykke, før sagen kan henvises til det rådgivende team.',
    },
  },
  'send-receipt': {
    intro: 'Afslut opgaven, når underretteren har fået kvittering for underretningen.',
    fields: {},
  },
  'send-feedback': {
    intro: 'Afslut opgaven, når underretteren har fået tilbagemelding.',
    fields: {},
  },
  'accept-handover': {
    intro: 'Beslut, om jeres enhed modtager sagen.',
    fields: {
      decision: { title: 'Beslutning', values: { accept: 'Modtag sagen', decline: 'Afvis sagen' } },
      reason: { title: 'Begrundelse for afvisningen', long: true },
    },
  },
  'child-conversation': {
    fields: {
      heldOn: { title: 'Dato for samtalen' },
      parentSuspected: {
        title: 'Er en forælder mistænkt for overgrebet?',
        hint: 'Er en forælder mistænkt, holdes samtalen uden forældrenes samtykke og uden forældrene til stede (BL § 137, stk. 2–4).',
        values: { false: 'Nej', true: 'Ja' },
      },
      withoutParentalConsent: { title: 'Samtalen blev holdt uden forældrenes samtykke' },
      parentsAbsent: { title: 'Samtalen blev holdt uden forældrene til stede' },
    },
  },
  'acute-action': {
    fields: { action: { title: 'Hvad blev der gjort?', long: true } },
  },
  reassessment: {
    intro: 'Genvurdering med friske øjne: den, der afslutter opgaven, må ikke have behandlet sagen før (BL § 137, stk. 1).',
    fields: { conclusion: { title: 'Konklusion', long: true } },
  },
  contribution: {
    fields: { summary: { title: 'Bidrag', hint: 'F.eks. PPR’s pædagogisk-psykologiske vurdering.', long: true } },
  },
  'investigation-child-conversation': {
    intro: 'Samtalen med barnet som led i den børnefaglige undersøgelse.',
    fields: {
      heldOn: { title: 'Dato for samtalen' },
      place: { title: 'Hvor blev samtalen holdt?' },
      present: { title: 'Hvem var til stede?' },
      childView: { title: 'Barnets egne synspunkter', long: true },
    },
  },
  'parent-involvement': {
    fields: {
      heldOn: { title: 'Dato for inddragelsen' },
      parentsView: { title: 'Forældrenes synspunkter', long: true },
      youngPersonView: { title: 'Den unges egne synspunkter', hint: 'Kræves, når den unge er fyldt 15 år.', long: true },
    },
    rules: { youngPersonView: 'Den unge er fyldt 15 år og skal inddrages: skriv den unges synspunkter (BL § 20).' },
  },
  'network-mapping': {
    fields: {
      network: { title: 'Hvem er omkring barnet?', hint: 'Familie, venner, skole, fritid.', long: true },
      familyGroupConferenceOffered: { title: 'Er familien tilbudt en familierådslagning?', values: { true: 'Ja', false: 'Nej' } },
      familyAnswer: { title: 'Familiens svar', values: { accepted: 'Tager imod', declined: 'Takker nej' } },
    },
    rules: { familyGroupConferenceOffered: 'Kommunen tilbyder alle familier en familierådslagning: den skal være tilbudt.' },
  },
  'professional-statements': {
    fields: {
      summary: { title: 'Hvad siger fagpersonerne omkring barnet?', long: true },
      schoolingNeeds: { title: 'Viser der sig skolemæssige behov?', hint: 'Så beder sagen PPR om en vurdering (BL § 22, stk. 4).' },
      healthExaminationNeeded: { title: 'Er der brug for en helbredsundersøgelse?' },
    },
  },
  'siblings-considered': {
    fields: { consideration: { title: 'Søskende og hvad undersøgelsen betyder for dem', hint: 'BL § 21.', long: true } },
  },
  'health-examination': {
    fields: { summary: { title: 'Undersøgelsens resultat', long: true } },
  },
  'preliminary-assessment': {
    intro: 'Undersøgelsen er ikke afsluttet inden fristen: lav en foreløbig vurdering, og afslut undersøgelsen hurtigst muligt (BL § 20, stk. 3).',
    fields: { assessment: { title: 'Foreløbig vurdering', long: true } },
  },
  'investigation-conclusion': {
    intro: 'Konkludér undersøgelsen, når alle dens dele er udført.',
    fields: {
      decision: {
        title: 'Afgørelse',
        hint: 'Hvad undersøgelsen fører til.',
        values: { 'no-support': 'Ingen støtte', 'preventive-measure': 'Forebyggende foranstaltning', placement: 'Anbringelse' },
      },
      conclusion: { title: 'Begrundet konklusion', long: true },
      worries: { title: 'Hvad er vi bekymrede for?', hint: 'Tre-husmodellen (Signs of Safety).', long: true },
      strengths: { title: 'Hvad fungerer godt?', long: true },
      nextSteps: { title: 'Hvad skal der ske?', long: true },
      measureType: { title: 'Foranstaltning', values: MEASURE_TYPE_NAMES_DA },
      goal: { title: 'Foranstaltningens mål', long: true },
    },
    rules: {
      decision: 'Undersøgelsen kan ikke konkluderes, mens en af dens dele stadig er åben.',
      worries: 'Kommunen arbejder med Signs of Safety: svar på alle tre spørgsmål.',
      strengths: 'Kommunen arbejder med Signs of Safety: svar på alle tre spørgsmål.',
      nextSteps: 'Kommunen arbejder med Signs of Safety: svar på alle tre spørgsmål.',
    },
  },
  'placement-preparation': {
    intro: 'Forbered anbringelsen, indtil anbringelsesprocessen findes i systemet.',
    fields: { summary: { title: 'Hvad er forberedt?', long: true } },
  },
  'send-outcome': {
    intro: 'Afslut opgaven, når underretteren har fået besked om, hvad undersøgelsen førte til.',
    fields: {},
  },
  'child-plan': {
    fields: {
      goals: { title: 'Planens mål', long: true },
      childParticipation: { title: 'Hvordan deltog barnet?', hint: 'Kræves, når barnet er fyldt 4 år.', long: true },
    },
    rules: { childParticipation: 'Barnet er fyldt 4 år og deltager i sin plan: skriv, hvordan (BL § 91).' },
  },
  'measure-follow-up': {
    intro: 'Følg op på foranstaltningen og vurdér den på indsatstrappen.',
    fields: {
      decision: { title: 'Beslutning', hint: 'Foranstaltningen vurderet på indsatstrappen.', values: { continue: 'Fortsæt', 'step-down': 'Trin ned', 'step-up': 'Trin op', end: 'Afslut' } },
      reason: { title: 'Begrundelse', long: true },
      measureType: { title: 'Ny foranstaltning', values: MEASURE_TYPE_NAMES_DA },
      cadenceInterval: { title: 'Næste opfølgninger hver …', hint: 'Besluttes ved første opfølgning (BL § 95).' },
      cadenceUnit: { title: '… uger eller måneder', values: { weeks: 'Uger', months: 'Måneder' } },
      cadenceJustification: { title: 'Begrundelse for kadencen', long: true },
    },
    rules: {
      measureType: 'Vælg en anden foranstaltning end den nuværende.',
      cadenceInterval: 'Første opfølgning fastsætter kadencen, og den må ikke være længere end kommunens.',
      cadenceJustification: 'Kadencen skal begrundes (BL § 95).',
    },
  },
} satisfies Record<TaskKind, OutcomeWords>;

/** The words for a kind; none for a kind this version does not know (the form then shows the schema's own). */
export function outcomeWords(kind: string): OutcomeWords | undefined {
  return Object.prototype.hasOwnProperty.call(OUTCOME_WORDS, kind) ? (OUTCOME_WORDS as Record<string, OutcomeWords>)[kind] : undefined;
}

/** A value as people read it: the kind's word for it, else yes/no or the value itself. */
export function valueDa(words: FieldWords | undefined, value: unknown): string {
  const word = words?.values?.[String(value)];
  if (word) return word;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * What a broken rule says next to its field: the API's rules (`required`, `type`, `one-of`,
 * `date`) and the validator's (ajv keywords) alike. `choice` for a field chosen among values, `tick`
 * for a box that must be ticked.
 */
export function ruleDa(rule: string, field: 'text' | 'choice' | 'tick' = 'text'): string | undefined {
  switch (rule) {
    case 'required':
    case 'minLength':
      return field === 'choice' ? 'Vælg en af mulighederne.' : field === 'tick' ? 'Skal markeres.' : 'Skal udfyldes.';
    case 'one-of':
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return field === 'tick' ? 'Skal markeres.' : 'Vælg en af mulighederne.';
    case 'date':
    case 'format':
      return 'Skriv en gyldig dato.';
    case 'type':
      return 'Har en ugyldig værdi.';
    default:
      return undefined;
  }
}

/** The form library's own strings (@rjsf/core), in Danish; `%1`, `%2` are filled in by the library. */
export const FORM_STRINGS_DA: Record<TranslatableString, string> = {
  [TranslatableString.ArrayItemTitle]: 'Element',
  [TranslatableString.MissingItems]: 'Elementerne er ikke beskrevet',
  [TranslatableString.EmptyArray]: 'Ingen endnu. Brug knappen nedenfor til at tilføje.',
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nej',
  [TranslatableString.CloseLabel]: 'Luk',
  [TranslatableString.ErrorsLabel]: 'Opgaven kan ikke afsluttes endnu',
  [TranslatableString.NewStringDefault]: 'Ny værdi',
  [TranslatableString.AddButton]: 'Tilføj',
  [TranslatableString.AddItemButton]: 'Tilføj element',
  [TranslatableString.CopyButton]: 'Kopiér',
  [TranslatableString.ExpandButton]: 'Fold ud',
  [TranslatableString.MoveDownButton]: 'Flyt ned',
  [TranslatableString.MoveUpButton]: 'Flyt op',
  [TranslatableString.RemoveButton]: 'Fjern',
  [TranslatableString.NowLabel]: 'Nu',
  [TranslatableString.ClearLabel]: 'Ryd',
  [TranslatableString.AriaDateLabel]: 'Vælg en dato',
  [TranslatableString.PreviewLabel]: 'Forhåndsvisning',
  [TranslatableString.DecrementAriaLabel]: 'Gør 1 mindre',
  [TranslatableString.IncrementAriaLabel]: 'Gør 1 større',
  [TranslatableString.OptionalObjectAdd]: 'Tilføj oplysninger til det valgfrie felt',
  [TranslatableString.OptionalObjectRemove]: 'Fjern oplysningerne i det valgfrie felt',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Ingen oplysninger i det valgfrie felt',
  [TranslatableString.Type]: 'Type',
  [TranslatableString.Value]: 'Værdi',
  [TranslatableString.ClearButton]: 'ryd feltet',
  [TranslatableString.UnknownFieldType]: 'Ukendt felttype %1',
  [TranslatableString.OptionPrefix]: 'Mulighed %1',
  [TranslatableString.TitleOptionPrefix]: '%1: mulighed %2',
  [TranslatableString.KeyLabel]: '%1 (navn)',
  [TranslatableString.DeprecatedLabel]: '%1 (udgået)',
  [TranslatableString.CycleDetected]: 'Feltet "%1" henviser til sig selv. Du kan folde det ud et niveau mere.',
  [TranslatableString.InvalidObjectField]: 'Feltet "%1" er sat forkert op: _%2_.',
  [TranslatableString.UnsupportedField]: 'Feltet kan ikke vises.',
  [TranslatableString.UnsupportedFieldWithId]: 'Feltet `%1` kan ikke vises.',
  [TranslatableString.UnsupportedFieldWithReason]: 'Feltet kan ikke vises: _%1_.',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'Feltet `%1` kan ikke vises: _%2_.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 byte)',
};
