import Form from '@rjsf/core';
import type {
  BaseInputTemplateProps,
  ErrorListProps,
  ErrorSchema,
  FieldErrorProps,
  FieldTemplateProps,
  MultiSchemaFieldTemplateProps,
  ObjectFieldTemplateProps,
  RJSFSchema,
  RJSFValidationError,
  SubmitButtonProps,
  UiSchema,
  ValidatorType,
  WidgetProps,
} from '@rjsf/utils';
import {
  deepEquals,
  descriptionId,
  enumOptionsIsSelected,
  errorId,
  getInputProps,
  getSubmitButtonOptions,
  getUiOptions,
  hashForSchema,
  JUNK_OPTION_ID,
  optionId,
  replaceStringParameters,
  TranslatableString,
} from '@rjsf/utils';
import { createPrecompiledValidator, type ValidatorFunctions } from '@rjsf/validator-ajv8';
import { Fragment, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { outcomeValidators } from 'virtual:outcome-validators';
import { api, ApiError, NetworkError } from '../api/client';
import type { TaskDetail } from '../api/types';
import { type FieldWords, FORM_STRINGS_DA, type OutcomeWords, outcomeWords, ruleDa, valueDa } from '../outcome-text';

/**
 * The form that completes a task, generated from the outcome's JSON Schema (the API's
 * `outcomeSchema`) with @rjsf/core and dressed in Danish (outcome-text.ts) and DKFDS markup.
 * It validates in the browser with the validators the build compiled (no eval: the page's CSP
 * forbids it); a schema the build does not know is shown without validation, and the API decides.
 * The API's refusals (422/400 naming fields) show next to their fields and in the summary on top.
 */

type Outcome = Record<string, unknown>;

/** What the templates and widgets need from the form around them. */
interface OutcomeFormContext {
  /** With alternatives (anyOf): whether the user has chosen one; until then none is shown chosen. */
  chosen: boolean;
  choose(): void;
  busy: boolean;
  /** The Danish label of a field named by an error's property (`.reason`, `decision`, `` for the choice). */
  titleOf(property: string | undefined): string;
  /** Moves focus to the field an error's property names. */
  focus(property: string | undefined): void;
  /** The id of the element an error's property names, for links to it. */
  targetOf(property: string | undefined): string;
}

/** Everything the form needs that depends only on the kind and its schema. */
interface Setup {
  kind: string;
  schema: RJSFSchema;
  uiSchema: UiSchema<Outcome, RJSFSchema, OutcomeFormContext>;
  validator: ValidatorType<Outcome, RJSFSchema, OutcomeFormContext>;
  /** Whether the build compiled this schema's validators; otherwise the API alone validates. */
  validates: boolean;
  words?: OutcomeWords;
  /** With alternatives: the field whose constant tells them apart (it is chosen by the selector, not typed). */
  discriminator?: string;
  property(name: string): RJSFSchema | undefined;
}

const ROOT = 'root';
const SELECTOR = `${ROOT}__anyof_select`;

export function setupFor(kind: string, schema: RJSFSchema): Setup {
  const words = outcomeWords(kind);
  const built = outcomeValidators[kind];
  const compiled = built && deepEquals(built.schema, schema) ? built : undefined;
  const alternatives = (schema.anyOf ?? schema.oneOf ?? []).filter(isSchema);
  const discriminator = discriminatorOf(alternatives);
  const property = (name: string) => [schema, ...alternatives].map((s) => s.properties?.[name]).find(isSchema);
  return {
    kind,
    schema: compiled?.schema ?? schema,
    uiSchema: uiSchemaFor(schema, alternatives, discriminator, words),
    validator: compiled ? precompiled(compiled.validateFns, compiled.schema) : withoutValidation,
    validates: compiled !== undefined,
    words,
    discriminator,
    property,
  };
}

function isSchema(value: unknown): value is RJSFSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field every alternative fixes to its own constant (zod's discriminated union), if any. */
function discriminatorOf(alternatives: RJSFSchema[]): string | undefined {
  if (alternatives.length === 0) return undefined;
  return Object.keys(alternatives[0].properties ?? {}).find((key) =>
    alternatives.every((alternative) => {
      const field = alternative.properties?.[key];
      return isSchema(field) && 'const' in field;
    }),
  );
}

function uiSchemaFor(schema: RJSFSchema, alternatives: RJSFSchema[], discriminator: string | undefined, words?: OutcomeWords): UiSchema {
  const submit = { 'ui:submitButtonOptions': { submitText: 'Afslut opgave' } };
  if (!discriminator) return { ...submit, ...fieldsUi(schema, words) };
  const choice = words?.fields[discriminator];
  const first = alternatives[0].properties?.[discriminator];
  return {
    ...submit,
    'ui:title': choice?.title ?? (isSchema(first) ? first.title : undefined) ?? discriminator,
    'ui:description': choice?.hint ?? (isSchema(first) ? first.description : undefined),
    'ui:widget': 'radio',
    anyOf: alternatives.map((alternative) => {
      const value = (alternative.properties?.[discriminator] as RJSFSchema).const;
      return { 'ui:title': valueDa(choice, value), ...fieldsUi(alternative, words, discriminator) };
    }),
  };
}

/** Each field's label, hint and widget: the kind's words, else the schema's own title and description. */
function fieldsUi(schema: RJSFSchema, words: OutcomeWords | undefined, hidden?: string): UiSchema {
  const ui: UiSchema = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (!isSchema(field)) continue;
    if (name === hidden) {
      ui[name] = { 'ui:widget': 'hidden' };
      continue;
    }
    const said: FieldWords | undefined = words?.fields[name];
    const fieldUi: UiSchema = { 'ui:title': said?.title ?? field.title ?? name };
    const hint = said ? said.hint : field.description;
    if (hint) fieldUi['ui:description'] = hint;
    if (Array.isArray(field.enum)) {
      fieldUi['ui:widget'] = 'radio';
      fieldUi['ui:enumNames'] = Object.fromEntries(field.enum.map((value) => [String(value), valueDa(said, value)]));
    } else if (field.type === 'string' && said?.long) {
      fieldUi['ui:widget'] = 'textarea';
    }
    ui[name] = fieldUi;
  }
  return ui;
}

/**
 * The validators the build compiled. To tell alternatives apart, rjsf also asks about schemas it
 * derived itself (an alternative with the data's other keys added, for a loose object), which were
 * not compiled: those are matched by their constants, as without validation.
 */
function precompiled(validateFns: ValidatorFunctions, schema: RJSFSchema): ValidatorType<Outcome, RJSFSchema, OutcomeFormContext> {
  const validator = createPrecompiledValidator<Outcome, RJSFSchema, OutcomeFormContext>(validateFns, schema);
  return {
    validateFormData: (...args) => validator.validateFormData(...args),
    rawValidation: (...args) => validator.rawValidation(...args),
    isValid(option, data, root) {
      const key = option.$id ?? hashForSchema(option);
      return key in validateFns || option.$id === JUNK_OPTION_ID ? validator.isValid(option, data, root) : withoutValidation.isValid(option, data, root);
    },
  };
}

/**
 * For a schema the build did not compile: no validation in the browser (the API validates), but
 * alternatives are still told apart by their constants, which is all the form asks of a validator.
 */
const withoutValidation: ValidatorType<Outcome, RJSFSchema, OutcomeFormContext> = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  rawValidation: () => ({ errors: [] }),
  isValid: (schema, data) =>
    Object.entries(schema.properties ?? {}).every(([name, field]) => !isSchema(field) || !('const' in field) || isSchema(data) && data[name] === field.const),
};

/** An error's property as a dotted path without the leading dot; the choice between alternatives is ''. */
function pathOf(setup: Setup, property: string | undefined): string {
  const path = (property ?? '').replace(/^\./, '');
  return path === setup.discriminator ? '' : path;
}

/** How a field is answered, for the words of its errors. */
function answerOf(setup: Setup, path: string): 'text' | 'choice' | 'tick' {
  if (path === '') return 'choice';
  const field = setup.property(path);
  if (field?.type === 'boolean') return field.const === true ? 'tick' : 'choice';
  return Array.isArray(field?.enum) ? 'choice' : 'text';
}

function titleOf(setup: Setup, path: string): string {
  const root = setup.uiSchema['ui:title'];
  if (path === '') return typeof root === 'string' ? root : 'Valg';
  return setup.words?.fields[path]?.title ?? setup.property(path)?.title ?? path;
}

/** The API's refusal as errors by field: in Danish where the rule is known, else the API's own words. */
export function apiErrorSchema(setup: Setup, error: ApiError): ErrorSchema<Outcome> {
  const errors: Record<string, unknown> & { __errors?: string[] } = {};
  for (const problem of error.fields) {
    const path = pathOf(setup, problem.field.replace(/^outcome\.?/, ''));
    const rules = problem.rules ?? [];
    const message =
      // A rule of the process on the discriminator (path '') is worded under the discriminator's own name.
      rules.map((rule) => (rule === setup.kind ? setup.words?.rules?.[path || (setup.discriminator ?? '')] : ruleDa(rule, answerOf(setup, path)))).find(Boolean) ??
      problem.messages?.join(' ') ??
      error.message.split('; ').find((part) => part.startsWith(`${problem.field} `)) ??
      error.message;
    let node = errors;
    for (const key of path ? path.split('.') : []) node = (node[key] ??= {}) as typeof errors;
    (node.__errors ??= []).push(message);
  }
  return errors as ErrorSchema<Outcome>;
}

export function OutcomeForm({ task, onCompleted, onConflict }: { task: TaskDetail; onCompleted(): void; onConflict(): void }) {
  const schemaText = JSON.stringify(task.outcomeSchema ?? { type: 'object', properties: {} });
  const setup = useMemo(() => setupFor(task.kind, JSON.parse(schemaText) as RJSFSchema), [task.kind, schemaText]);
  const [formData, setFormData] = useState<Outcome>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema<Outcome>>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState(false);
  const chosenNow = useRef(chosen);
  chosenNow.current = chosen;
  const area = useRef<HTMLDivElement>(null);
  const problemBox = useRef<HTMLDivElement>(null);
  // The focus goes to the problem once it is on the screen (a timer's delay may come before the render).
  useEffect(() => {
    if (problem) problemBox.current?.focus();
  }, [problem]);
  const [focusFirstApiError, setFocusFirstApiError] = useState(0);

  const targetOf = useCallback(
    (property: string | undefined) => {
      const path = pathOf(setup, property);
      if (path === '') return setup.discriminator ? SELECTOR : ROOT;
      return [ROOT, ...path.split('.')].join('_');
    },
    [setup],
  );
  const focus = useCallback(
    (property: string | undefined) => {
      const id = targetOf(property);
      const inArea = (selector: string) => area.current?.querySelector<HTMLElement>(selector) ?? null;
      const control =
        inArea(`input[id="${id}"]:not([type="hidden"]), textarea[id="${id}"], select[id="${id}"]`) ??
        inArea(`input[id^="${id}-"]:checked`) ??
        inArea(`input[id^="${id}-"]`);
      control?.focus();
      control?.scrollIntoView({ block: 'center' });
    },
    [targetOf],
  );
  const context: OutcomeFormContext = useMemo(
    () => ({ chosen, choose: () => setChosen(true), busy, titleOf: (property) => titleOf(setup, pathOf(setup, property)), focus, targetOf }),
    [chosen, busy, setup, focus, targetOf],
  );

  // After the API refused: its first named field, once the form shows the errors.
  useEffect(() => {
    if (focusFirstApiError && extraErrors) focus(firstPath(extraErrors));
  }, [focusFirstApiError]);

  const submit = async (outcome: Outcome) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setExtraErrors(undefined);
    try {
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { outcome } });
      onCompleted();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 422 || error.status === 400) && error.fields.length > 0) {
        setExtraErrors(apiErrorSchema(setup, error));
        setFocusFirstApiError((n) => n + 1);
      } else if (error instanceof ApiError && error.status === 409) {
        onConflict();
      } else {
        setProblem(
          error instanceof NetworkError
            ? 'Serveren kunne ikke nås, og opgaven er ikke afsluttet. Tjek forbindelsen og prøv igen.'
            : error instanceof ApiError && error.status === 503
              ? 'Opgaven kunne ikke afsluttes lige nu. Intet er ændret – prøv igen om lidt.'
              : error instanceof ApiError && error.status === 403
                ? 'Du kan ikke afslutte denne opgave. Den er tildelt en anden, eller du har behandlet sagen før (genvurdering med friske øjne).'
                : 'Opgaven kunne ikke afsluttes. Prøv igen om lidt.',
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div ref={area} className="outcome-form">
      {setup.words?.intro && <p>{setup.words.intro}</p>}
      {!setup.validates && (
        <p className="form-hint">Formularen tjekkes først, når du afslutter opgaven.</p>
      )}
      {problem && (
        <div ref={problemBox} className="alert alert-error" role="alert" tabIndex={-1}>
          <p className="alert-text">{problem}</p>
        </div>
      )}
      <Form<Outcome, RJSFSchema, OutcomeFormContext>
        schema={setup.schema}
        uiSchema={setup.uiSchema}
        validator={setup.validator}
        noValidate={!setup.validates}
        noHtml5Validate
        formData={formData}
        onChange={(event) => setFormData(event.formData ?? {})}
        onSubmit={(event) => void submit(event.formData ?? {})}
        onError={() => undefined}
        extraErrors={extraErrors}
        customValidate={(_, errors) => {
          if (setup.discriminator && !chosenNow.current) errors.addError(ruleDa('required', 'choice') ?? '');
          return errors;
        }}
        transformErrors={(errors) => danishErrors(setup, errors)}
        showErrorList="top"
        focusOnFirstError={(error) => focus(error.property)}
        formContext={context}
        translateString={(text, params) => replaceStringParameters(FORM_STRINGS_DA[text] ?? text, params)}
        templates={{
          BaseInputTemplate,
          ErrorListTemplate: ErrorSummary,
          FieldErrorTemplate,
          FieldTemplate,
          MultiSchemaFieldTemplate,
          ObjectFieldTemplate,
          ButtonTemplates: { SubmitButton },
        }}
        widgets={{ CheckboxWidget, RadioWidget, TextareaWidget }}
      />
    </div>
  );
}

function firstPath(errors: ErrorSchema<Outcome>, prefix = ''): string | undefined {
  const node = errors as Record<string, unknown> & { __errors?: string[] };
  if (node.__errors?.length) return prefix;
  for (const [key, child] of Object.entries(node)) {
    if (key === '__errors' || !isSchema(child)) continue;
    const found = firstPath(child as ErrorSchema<Outcome>, prefix ? `${prefix}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The validator's errors in Danish. With alternatives only the chosen one's are kept: the others
 * fail on their constant (the discriminator's), which says only that they were not chosen.
 */
function danishErrors(setup: Setup, errors: RJSFValidationError[]): RJSFValidationError[] {
  let kept = errors;
  if (setup.discriminator) {
    const alternativeOf = (error: RJSFValidationError) => /^#\/(?:anyOf|oneOf)\/(\d+)\//.exec(error.schemaPath ?? '')?.[1];
    const notChosen = new Set(
      errors.filter((error) => error.name === 'const' && pathOf(setup, error.property) === '').map(alternativeOf),
    );
    kept = errors.filter((error) => error.name !== 'anyOf' && error.name !== 'oneOf' && !notChosen.has(alternativeOf(error)));
  }
  return kept.map((error) => {
    const path = pathOf(setup, error.property);
    const message = ruleDa(error.name ?? '', answerOf(setup, path)) ?? error.message ?? '';
    return { ...error, message, stack: `${titleOf(setup, path)}: ${message}` };
  });
}

/** The ids a control is described by: its hint and its errors, those it has. */
function describedBy(id: string, hint: unknown, errors: unknown[] | undefined): string | undefined {
  return [hint ? descriptionId(id) : '', errors?.length ? errorId(id) : ''].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, text }: { id: string; text: unknown }) {
  return typeof text === 'string' && text ? (
    <span className="form-hint" id={descriptionId(id)}>
      {text}
    </span>
  ) : null;
}

function ErrorMessage({ id, errors }: { id: string; errors: ReactNode[] }) {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">Fejl: </span>
      {shown.map((error, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          {error}
        </Fragment>
      ))}
    </span>
  );
}

/** The summary on top: every error, each a link to its field (DKFDS error summary). */
function ErrorSummary({ errors, registry }: ErrorListProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const context = registry.formContext;
  return (
    <div className="alert alert-error error-summary" role="alert">
      <p className="alert-heading">{registry.translateString(TranslatableString.ErrorsLabel)}</p>
      <ul className="alert-text nobullet-list">
        {errors.map((error, i) => (
          <li key={i}>
            <a
              href={`#${context.targetOf(error.property)}`}
              onClick={(event) => {
                event.preventDefault();
                context.focus(error.property);
              }}
            >
              {context.titleOf(error.property)}: {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field: label, hint, error and control as DKFDS lays them out. Radio groups and objects lay out their own. */
function FieldTemplate(props: FieldTemplateProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const { id, label, children, errors, hidden, displayLabel, rawErrors, schema, uiSchema } = props;
  if (hidden) return <div hidden>{children}</div>;
  const ui = getUiOptions(uiSchema);
  if (schema.type === 'object' || schema.anyOf || schema.oneOf || ui.widget === 'radio') return <>{children}</>;
  const checkbox = schema.type === 'boolean';
  return (
    <div className={`form-group${rawErrors?.length ? ' form-error' : ''}`}>
      {!checkbox && displayLabel && (
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
      )}
      {!checkbox && <Hint id={id} text={ui.description} />}
      {errors}
      {children}
    </div>
  );
}

function FieldErrorTemplate({ errors, fieldPathId }: FieldErrorProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  return <ErrorMessage id={errorId(fieldPathId)} errors={errors ?? []} />;
}

function MultiSchemaFieldTemplate({ selector, optionSchemaField }: MultiSchemaFieldTemplateProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  return (
    <>
      {selector}
      {optionSchemaField}
    </>
  );
}

/** The fields the schema names (a loose object's other keys are kept, not edited here). */
function ObjectFieldTemplate({ properties, schema }: ObjectFieldTemplateProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  return <div>{properties.filter((p) => schema.properties && p.name in schema.properties).map((p) => p.content)}</div>;
}

function SubmitButton({ uiSchema, registry }: SubmitButtonProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const { submitText } = getSubmitButtonOptions(uiSchema);
  const { busy } = registry.formContext;
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? 'Afslutter…' : submitText}
      </button>
    </div>
  );
}

/** What a text input and a text area share: value, state, accessibility and events, in rjsf's terms. */
function textFieldProps(props: WidgetProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, rawErrors, uiSchema, required } = props;
  return {
    id,
    name: htmlName || id,
    className: 'form-input',
    value: value == null ? '' : String(value),
    readOnly: readonly,
    disabled,
    autoFocus: autofocus,
    'aria-required': required || undefined,
    'aria-invalid': rawErrors?.length ? true : undefined,
    'aria-describedby': describedBy(id, getUiOptions(uiSchema).description, rawErrors),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value === '' ? options.emptyValue : event.target.value),
    onBlur: (event: { target: { value: string } }) => onBlur(id, event.target.value),
    onFocus: (event: { target: { value: string } }) => onFocus(id, event.target.value),
  };
}

function BaseInputTemplate(props: BaseInputTemplateProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  return <input {...getInputProps<Outcome, RJSFSchema, OutcomeFormContext>(props.schema, props.type, props.options)} {...textFieldProps(props)} />;
}

function TextareaWidget(props: WidgetProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  return <textarea rows={typeof props.options.rows === 'number' ? props.options.rows : 5} {...textFieldProps(props)} />;
}

function CheckboxWidget(props: WidgetProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, label, rawErrors, uiSchema } = props;
  const hint = getUiOptions(uiSchema).description;
  return (
    <div className="form-group-checkbox">
      <input
        type="checkbox"
        className="form-checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-invalid={rawErrors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, rawErrors)}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} text={hint} />
    </div>
  );
}

/**
 * A choice as radio buttons in a fieldset, with its legend, hint and errors (DKFDS). Also the
 * choice between alternatives, which shows none chosen until the user chooses (rjsf starts on the
 * first alternative; accepting a hand-over must not be the silent default).
 */
function RadioWidget(props: WidgetProps<Outcome, RJSFSchema, OutcomeFormContext>) {
  const { id, htmlName, value, readonly, disabled, onBlur, onFocus, onChange, label, rawErrors, options, registry, uiSchema } = props;
  const context = registry.formContext;
  const isSelector = id.endsWith('__anyof_select') || id.endsWith('__oneof_select');
  const hint = isSelector ? options.description : getUiOptions(uiSchema).description;
  const errors = (rawErrors ?? []).filter(Boolean);
  return (
    <div id={id} className={`form-group${errors.length ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, errors)}>
        <legend className="form-label">{label}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage id={errorId(id)} errors={errors} />
        {(options.enumOptions ?? []).map((option, i) => (
          <div key={String(option.value)} className="form-group-radio">
            <input
              type="radio"
              className="form-radio"
              id={optionId(id, i)}
              name={htmlName || id}
              value={String(i)}
              checked={(!isSelector || context.chosen) && enumOptionsIsSelected(option.value, value)}
              disabled={disabled || readonly}
              onChange={() => {
                if (isSelector) context.choose();
                onChange(option.value);
              }}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label htmlFor={optionId(id, i)}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A completed task's outcome, read-only, in the kind's words. */
export function OutcomeView({ kind, outcome }: { kind: string; outcome: Record<string, unknown> | null }) {
  const words = outcomeWords(kind);
  const entries = Object.entries(outcome ?? {}).filter(([, value]) => value !== null && value !== '' && value !== undefined);
  if (entries.length === 0) return <p>Ingen oplysninger registreret.</p>;
  return (
    <dl className="facts">
      {entries.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{words?.fields[name]?.title ?? name}</dt>
          <dd className="outcome-value">{valueDa(words?.fields[name], value)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
