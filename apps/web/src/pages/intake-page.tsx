import { NOTIFICATION_SOURCES, type NotificationSource, PROFESSIONAL_KINDS } from '@sagsflow/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, NetworkError } from '../api/client';
import type { ChildMatch, NotificationCreated } from '../api/types';
import { capitalised, PROFESSIONAL_KIND_DA, SOURCE_DA } from '../case-text';
import { ErrorSummary, Field } from '../components/field';
import { PageTitle } from '../components/page';

/** Field path in the API → the id of its input, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  source: 'source',
  professionalKind: 'professionalKind',
  notifier: 'notifier-name',
  'notifier.name': 'notifier-name',
  'notifier.email': 'notifier-email',
  'notifier.phone': 'notifier-phone',
  receivedAt: 'receivedAt',
  child: 'child-cpr',
  'child.cpr': 'child-cpr',
  'child.name': 'child-name',
  'child.birthDate': 'child-birthDate',
  'child.sameAs': 'child-match-0',
  'child.distinct': 'child-match-0',
  concern: 'concern',
  abuse: 'abuse',
  acute: 'acute',
};

/** Now, as the value of a datetime-local input (local time, minutes). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Intake of a notification (underretning). The form keeps one Idempotency-Key until it succeeds, so a
 * double click or a retry after a lost answer registers the notification once.
 */
export function IntakePage() {
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [source, setSource] = useState<NotificationSource>('professional');
  const [form, setForm] = useState({
    professionalKind: 'school',
    notifierName: '',
    notifierEmail: '',
    notifierPhone: '',
    receivedAt: localNow(),
    cpr: '',
    childName: '',
    birthDate: '',
    concern: '',
    abuse: false,
    acute: false,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);
  const [created, setCreated] = useState<NotificationCreated | null>(null);
  /** Known children without a CPR number with the same name and birth date, and reception's answer: a child's id or `distinct`. */
  const [matches, setMatches] = useState<ChildMatch[] | null>(null);
  const [matchChoice, setMatchChoice] = useState('');
  const set = (name: keyof typeof form) => (value: string | boolean) => {
    // Another child's identity: the earlier question about matches no longer applies.
    if (name === 'cpr' || name === 'childName' || name === 'birthDate') {
      setMatches(null);
      setMatchChoice('');
    }
    setForm((f) => ({ ...f, [name]: value }));
  };
  const matchAnswer = matchChoice === 'distinct' ? { distinct: true } : matchChoice ? { sameAs: matchChoice } : {};

  const body = () => {
    const notifier =
      source === 'anonymous'
        ? undefined
        : form.notifierName || form.notifierEmail || form.notifierPhone || source === 'professional'
          ? { name: form.notifierName, ...(form.notifierEmail && { email: form.notifierEmail }), ...(form.notifierPhone && { phone: form.notifierPhone }) }
          : undefined;
    return {
      source,
      ...(source === 'professional' && { professionalKind: form.professionalKind }),
      ...(notifier && { notifier }),
      receivedAt: new Date(form.receivedAt).toISOString(),
      child: form.cpr.trim() ? { cpr: form.cpr.trim() } : { name: form.childName, birthDate: form.birthDate, ...matchAnswer },
      concern: form.concern,
      abuse: form.abuse,
      acute: form.acute,
    };
  };

  // The keyboard's focus goes to what the answer asks of the user, once it is on the screen (a
  // frame's delay was not always enough: on a busy machine the question came later, and the focus
  // stayed behind).
  useEffect(() => {
    if (matches) document.getElementById('child-match')?.focus();
  }, [matches]);
  useEffect(() => {
    if (error) document.getElementById('fejloversigt')?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setOffline(false);
    try {
      const result = await api<NotificationCreated>('/api/notifications', { method: 'POST', body: body(), headers: { 'Idempotency-Key': idempotencyKey } });
      setError(null);
      setCreated(result);
      setMatches(null);
      setMatchChoice('');
      setIdempotencyKey(crypto.randomUUID());
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409 && Array.isArray(failure.body.matches)) {
        setError(null);
        setMatches(failure.body.matches as ChildMatch[]);
      } else if (failure instanceof ApiError) {
        setError(failure);
      } else if (failure instanceof NetworkError) setOffline(true);
      else throw failure;
    } finally {
      setSending(false);
    }
  };

  if (created) {
    return (
      <>
        <PageTitle title="Underretning registreret">Underretningen er registreret</PageTitle>
        <div className="alert alert-success">
          <p className="alert-text">
            Underretningen er modtaget, og vurderingen er sendt til Modtagelsen. <Link to={`/cases/${created.caseId}`}>Åbn sagen</Link>.
          </p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => setCreated(null)}>
          Registrér en ny underretning
        </button>
      </>
    );
  }

  return (
    <>
      <PageTitle title="Ny underretning">Ny underretning</PageTitle>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      {offline && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">Serveren kunne ikke nås. Underretningen er ikke sendt; tryk på “Registrér” igen (den registreres kun én gang).</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="intake">
        <fieldset>
          <legend className="h2">Underretter</legend>
          <Field id="source" path="source" label="Hvem underretter?" error={error}>
            {(describedBy) => (
              <select id="source" className="form-select" value={source} aria-describedby={describedBy} onChange={(e) => setSource(e.target.value as NotificationSource)}>
                {NOTIFICATION_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_DA[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {source === 'professional' && (
            <Field id="professionalKind" path="professionalKind" label="Fagpersonens område" hint="Fagpersoner får kvittering og tilbagemelding." error={error}>
              {(describedBy) => (
                <select id="professionalKind" className="form-select" value={form.professionalKind} aria-describedby={describedBy} onChange={(e) => set('professionalKind')(e.target.value)}>
                  {PROFESSIONAL_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {capitalised(PROFESSIONAL_KIND_DA[k])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {source !== 'anonymous' && (
            <>
              <Field id="notifier-name" path="notifier.name" label={source === 'professional' ? 'Underretterens navn' : 'Underretterens navn (valgfrit)'} error={error}>
                {(describedBy, invalid) => (
                  <input id="notifier-name" className="form-input" value={form.notifierName} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('notifierName')(e.target.value)} />
                )}
              </Field>
              <Field id="notifier-email" path="notifier.email" label="E-mail (valgfri)" error={error}>
                {(describedBy, invalid) => (
                  <input id="notifier-email" type="email" className="form-input" value={form.notifierEmail} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('notifierEmail')(e.target.value)} />
                )}
              </Field>
              <Field id="notifier-phone" path="notifier.phone" label="Telefon (valgfri)" error={error}>
                {(describedBy, invalid) => (
                  <input id="notifier-phone" type="tel" className="form-input" value={form.notifierPhone} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('notifierPhone')(e.target.value)} />
                )}
              </Field>
            </>
          )}
          <Field id="receivedAt" path="receivedAt" label="Modtaget" hint="Hvornår kommunen modtog underretningen. Fristerne regnes herfra." error={error}>
            {(describedBy, invalid) => (
              <input id="receivedAt" type="datetime-local" className="form-input" value={form.receivedAt} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('receivedAt')(e.target.value)} />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend className="h2">Barnet</legend>
          <Field id="child-cpr" path="child.cpr" label="CPR-nummer" hint="ddmmåå-xxxx. Kendes det ikke, så udfyld navn og fødselsdato." error={error}>
            {(describedBy, invalid) => (
              <input id="child-cpr" className="form-input" inputMode="numeric" autoComplete="off" value={form.cpr} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('cpr')(e.target.value)} />
            )}
          </Field>
          {!form.cpr.trim() && (
            <>
              <Field id="child-name" path="child.name" label="Barnets navn" error={error}>
                {(describedBy, invalid) => (
                  <input id="child-name" className="form-input" autoComplete="off" value={form.childName} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('childName')(e.target.value)} />
                )}
              </Field>
              <Field id="child-birthDate" path="child.birthDate" label="Fødselsdato" error={error}>
                {(describedBy, invalid) => (
                  <input id="child-birthDate" type="date" className="form-input" value={form.birthDate} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('birthDate')(e.target.value)} />
                )}
              </Field>
              {matches && <ChildMatchChoice matches={matches} choice={matchChoice} choose={setMatchChoice} />}
            </>
          )}
        </fieldset>
        <fieldset>
          <legend className="h2">Bekymringen</legend>
          <Field id="concern" path="concern" label="Hvad er underretteren bekymret for?" error={error}>
            {(describedBy, invalid) => (
              <textarea id="concern" className="form-input" rows={6} value={form.concern} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set('concern')(e.target.value)} />
            )}
          </Field>
          <div className="form-group" data-field="abuse">
            <input id="abuse" type="checkbox" className="form-checkbox" checked={form.abuse} onChange={(e) => set('abuse')(e.target.checked)} />
            <label htmlFor="abuse">Mistanke om overgreb (børnesamtale og undersøgelse er obligatoriske)</label>
          </div>
          <div className="form-group" data-field="acute">
            <input id="acute" type="checkbox" className="form-checkbox" checked={form.acute} onChange={(e) => set('acute')(e.target.checked)} />
            <label htmlFor="acute">Akut: barnet kan have brug for hjælp med det samme</label>
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={sending} aria-disabled={sending}>
          {sending ? 'Registrerer…' : 'Registrér underretning'}
        </button>
      </form>
    </>
  );
}

/**
 * Two children may share name and birth date, so reception says whether a child without a CPR
 * number is a known one; the notification is registered only once they have chosen.
 */
function ChildMatchChoice({ matches, choice, choose }: { matches: ChildMatch[]; choice: string; choose: (choice: string) => void }) {
  const options = [
    ...matches.map((m) => ({ value: m.childId, label: m.caseNumber ? `Ja, det samme barn som i sag ${m.caseNumber}` : 'Ja, det samme barn (ingen åben sag)' })),
    { value: 'distinct', label: matches.length === 1 ? 'Nej, et andet barn' : 'Nej, ingen af dem' },
  ];
  return (
    <div className="alert alert-warning" id="child-match" tabIndex={-1}>
      <fieldset aria-describedby="child-match-hint">
        <legend className="alert-heading h3">Kendes barnet allerede?</legend>
        <p className="alert-text" id="child-match-hint">
          {matches.length === 1 ? 'Et barn' : `${matches.length} børn`} uden CPR-nummer med samme navn og fødselsdato er kendt. Vælg, om underretningen gælder det samme barn, og registrér igen.
        </p>
        {options.map((option, i) => (
          <div key={option.value} className="form-group-radio">
            <input
              type="radio"
              className="form-radio"
              id={option.value === 'distinct' ? 'child-match-distinct' : `child-match-${i}`}
              name="child-match"
              value={option.value}
              checked={choice === option.value}
              onChange={() => choose(option.value)}
            />
            <label htmlFor={option.value === 'distinct' ? 'child-match-distinct' : `child-match-${i}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
