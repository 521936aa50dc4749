import type { Page } from 'playwright-core';
import { AGENCY_NAMES_DA, MEASURE_TYPE_NAMES_DA, MEASURE_TYPES, PROCESS_MAPS } from '@sagsflow/domain';
import { notificationBody } from '../support/fixtures';
import { waitFor } from '../support/stack';
import { hasFocus, openWebSuite, screenshotForReadme, seriousViolations, type WebSuite } from '../support/web';

interface Created {
  id: string;
  caseId: string;
  workflowId: string;
}
interface CaseProcess {
  kind: string;
  active: string[];
  deadlines: { step: string; dueAt: string }[];
}
interface StartedInvestigation {
  awareSince: string;
  dueAt: string;
}
interface TaskRow {
  id: string;
  caseId: string;
  kind: string;
}

const DAY = 86_400_000;

/** The day as the page writes it (da-DK, Copenhagen), e.g. "24. nov. 2026". */
const danishDate = (iso: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
/** The day and time as the page writes them, e.g. "24. nov. 2026 14.30". */
const danishDateTime = (iso: string) =>
  new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
/** A moment as a datetime-local input holds it in the browser's Copenhagen time, e.g. "2026-11-17T09:30". */
const dateTimeInput = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(at).replace(' ', 'T');

/**
 * The case page and the process catalogue in a real browser on the real stack: the child, owner and
 * deadlines; every process on its BPMN diagram with its active step and deadline; the hand-over by
 * keyboard only; the authority's investigation and preventive measure started from their forms and
 * listed with their deadlines; what a user may not do is not offered; no access and no network said
 * plainly.
 */
describe('the case page', () => {
  let web: WebSuite;
  beforeAll(async () => {
    web = await openWebSuite(['reception1', 'ppr1', 'caseworker1', 'lead1']);
  });
  afterAll(async () => {
    await web?.close();
  });

  /** A new case from a citizen's notification, once its triage step stands on the process's map. */
  async function newCase(): Promise<{ caseId: string; cpr: string; caseNumber: string; triageDue: string }> {
    const body = notificationBody();
    const created = (await web.as('reception1').post('/api/notifications', body).expect(201)).body as Created;
    let triageDue = '';
    await waitFor(async () => {
      const processes = (await web.as('reception1').get(`/api/cases/${created.caseId}/processes`).expect(200)).body as CaseProcess[];
      const notification = processes.find((p) => p.kind === 'notification');
      triageDue = notification?.deadlines.find((d) => d.step === 'triage')?.dueAt ?? '';
      return Boolean(notification?.active.includes('triage') && triageDue);
    }, 20_000);
    const theCase = (await web.as('reception1').get(`/api/cases/${created.caseId}`).expect(200)).body as { caseNumber: string };
    return { caseId: created.caseId, cpr: (body.child as { cpr: string }).cpr, caseNumber: theCase.caseNumber, triageDue };
  }

  /** A new case the authority owns: handed over from reception before triage (so no investigation starts by itself) and accepted by the lead. */
  async function authorityCase(): Promise<{ caseId: string; caseNumber: string }> {
    const { caseId, caseNumber } = await newCase();
    await web.as('reception1').post(`/api/cases/${caseId}/handovers`, { to: 'AUTHORITY', reason: 'Behov for en børnefaglig undersøgelse' }).expect(202);
    let accept: TaskRow | undefined;
    await waitFor(async () => {
      const tasks = (await web.as('lead1').get('/api/tasks?scope=agency').expect(200)).body as TaskRow[];
      accept = tasks.find((t) => t.caseId === caseId && t.kind === 'accept-handover');
      return accept !== undefined;
    });
    await web.as('lead1').post(`/api/tasks/${accept!.id}/complete`, { outcome: { decision: 'accept' } }).expect(200);
    await waitFor(async () => (await web.as('lead1').get(`/api/cases/${caseId}`).expect(200)).body.owner === 'AUTHORITY', 20_000);
    return { caseId, caseNumber };
  }

  async function openCase(page: Page, caseNumber: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: `Sag ${caseNumber}` }).waitFor();
  }

  /** Presses Tab until `target` has the focus (from wherever the focus is now). */
  async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    }
    throw new Error('Tab never reached the element');
  }

  it('shows the child, the owner, and the notification process on its diagram with the triage step active and its deadline', async () => {
    const { caseId, cpr, caseNumber, triageDue } = await newCase();
    const page = await web.signedIn('reception1', `/cases/${caseId}`);
    await openCase(page, caseNumber);

    expect(await page.locator('dt:text-is("CPR-nummer") + dd').textContent()).toBe(cpr);
    expect(await page.locator('dt:text-is("Ejer") + dd').textContent()).toBe(AGENCY_NAMES_DA.RECEPTION);
    const deadlines = page.getByRole('table', { name: /frister/ });
    const triageRow = deadlines.getByRole('row', { name: /Vurdering af underretning/ });
    expect(await triageRow.textContent()).toMatch(/I god tid|Snart|Overskredet/);
    expect(await triageRow.getByRole('link', { name: 'Vurdering af underretning' }).getAttribute('href')).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);

    // The notification's diagram: an SVG with the triage step, marked active, with its deadline on it.
    const diagram = page.getByRole('img', { name: 'Procesdiagram: Underretning' });
    const triage = diagram.locator('svg [data-element-id="triage"]');
    await triage.waitFor();
    await waitFor(async () => /\bstep-active\b/.test((await triage.getAttribute('class')) ?? ''));
    const overlays = diagram.locator('.djs-overlays[data-container-id="triage"]');
    expect(await overlays.locator('.bpmn-badge-active').textContent()).toBe('Aktiv');
    expect(await overlays.locator('.bpmn-deadline').textContent()).toContain(danishDate(triageDue));
    expect(await overlays.locator('.bpmn-deadline time').getAttribute('datetime')).toBe(triageDue);
    // The same in words, for those who do not see the diagram.
    const described = await diagram.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/Aktive trin\s*Vurdering af underretning – frist/);
    // The case's own process is drawn too.
    await page.getByRole('img', { name: 'Procesdiagram: Barnets sag' }).locator('svg [data-element-id="waiting"]').waitFor();

    // Triage done (elsewhere): the page, never reloaded by hand, marks the step completed and tells the timeline.
    const taskId = (await triageRow.getByRole('link').getAttribute('href'))!.split('/').pop();
    await web.as('reception1').post(`/api/tasks/${taskId}/complete`, { outcome: { decision: 'close' } }).expect(200);
    await waitFor(async () => /\bstep-completed\b/.test((await triage.getAttribute('class')) ?? ''), 20_000);
    expect(await overlays.locator('.bpmn-badge-done').textContent()).toBe('✓ Udført');
    expect(await overlays.locator('.bpmn-deadline').count()).toBe(0);
    await page.getByRole('region', { name: 'Tidslinje' }).getByText('Underretningen er vurderet: sagen lukkes').waitFor();
    await screenshotForReadme(page, 'case-processes');
    // The catalogue draws every process that has a map.
    await page.getByRole('link', { name: 'Processer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Processer' }).waitFor();
    for (const map of Object.values(PROCESS_MAPS)) {
      await page.getByRole('heading', { level: 2, name: map.name }).waitFor();
      const drawn = page.getByRole('img', { name: `Procesdiagram: ${map.name}` });
      await drawn.locator(`svg [data-element-id="${map.nodes[map.nodes.length - 1].id}"]`).waitFor();
      expect(await drawn.locator('.step-active').count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Udskriv' }).waitFor();
    await screenshotForReadme(page, 'processes');
  });

  it('hands the case over with the keyboard only; then shows the pending hand-over and offers no second one, and no tovholder change to a caseworker', async () => {
    const { caseId, caseNumber } = await newCase();
    const page = await web.signedIn('reception1', `/cases/${caseId}`);
    await openCase(page, caseNumber);
    expect(await page.getByRole('button', { name: 'Skift tovholder' }).count()).toBe(0);
    // Investigations and measures are the authority's to start.
    expect(await page.getByRole('button', { name: 'Start børnefaglig undersøgelse' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start forebyggende foranstaltning' }).count()).toBe(0);
    await page.getByText('Undersøgelser og foranstaltninger startes af myndigheden.').waitFor();

    const handover = page.getByRole('button', { name: 'Overdrag sagen' });
    await tabTo(page, handover);
    expect(await handover.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    // The form opens with its first field focused: the receiving agency, typed to choose.
    const to = page.getByLabel('Modtagende enhed');
    await waitFor(() => to.evaluate((el) => el === el.ownerDocument.activeElement));
    await page.keyboard.type(AGENCY_NAMES_DA.AUTHORITY);
    expect(await to.inputValue()).toBe('AUTHORITY');
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('Begrundelse').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('Barnet har brug for en børnefaglig undersøgelse');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Send anmodning');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: 'Anmodningen om at overdrage sagen til Myndighed er sendt' }).waitFor();
    const pending = page.getByRole('region', { name: 'Overdragelse venter' });
    await pending.waitFor();
    expect(await pending.textContent()).toContain(`${AGENCY_NAMES_DA.RECEPTION} → ${AGENCY_NAMES_DA.AUTHORITY}`);
    expect(await pending.textContent()).toContain('Barnet har brug for en børnefaglig undersøgelse');
    expect(await page.getByRole('button', { name: 'Overdrag sagen' }).count()).toBe(0);
    expect(await page.getByText('Sagen kan ikke overdrages igen').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Skift tovholder' }).count()).toBe(0);
    // Still the owner until the authority accepts; involving another agency is still offered.
    expect(await page.locator('dt:text-is("Ejer") + dd').textContent()).toBe(AGENCY_NAMES_DA.RECEPTION);
    expect(await page.getByRole('button', { name: 'Inddrag en anden enhed' }).count()).toBe(1);

    const theCase = (await web.as('reception1').get(`/api/cases/${caseId}`).expect(200)).body;
    expect(theCase.pendingHandover).toMatchObject({ from: 'RECEPTION', to: 'AUTHORITY', requestedBy: 'reception1' });

    // A lead of another agency may choose the tovholder, and may not hand over a case their agency does not own.
    const lead = await web.signedIn('lead1', `/cases/${caseId}`);
    await openCase(lead, caseNumber);
    await lead.getByRole('button', { name: 'Skift tovholder' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Overdrag sagen' }).count()).toBe(0);
    expect(await lead.getByRole('button', { name: 'Inddrag en anden enhed' }).count()).toBe(0);
    await lead.getByRole('button', { name: 'Skift tovholder' }).click();
    const username = lead.getByLabel('Ny tovholder (brugernavn)');
    // Someone of an agency that may not coordinate: the API's refusal next to the field, in Danish.
    await username.fill('reception2');
    await lead.getByRole('button', { name: 'Skift tovholder' }).last().click();
    await lead.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' }).waitFor();
    expect(await lead.locator('[data-field="username"] .form-error-message').textContent()).toContain('en enhed, der må være tovholder');
    await username.fill('caseworker2');
    await lead.getByRole('button', { name: 'Skift tovholder' }).last().click();
    await lead.getByRole('status').filter({ hasText: 'caseworker2 er nu tovholder på sagen' }).waitFor();
    await waitFor(async () => /^caseworker2 \(Myndighed\)/.test((await lead.locator('dt:text-is("Tovholder") + dd').textContent()) ?? ''));
  });

  it('lets the authority start an investigation on its case by keyboard (refused without a reason, with a future date, and when a colleague was quicker; started once on a double press) and a preventive measure, and lists both with their deadlines', async () => {
    const { caseId, caseNumber } = await authorityCase();
    const page = await web.signedIn('caseworker1', `/cases/${caseId}`);
    await openCase(page, caseNumber);
    expect(await page.locator('dt:text-is("Ejer") + dd').textContent()).toBe(AGENCY_NAMES_DA.AUTHORITY);
    const investigationsNow = async () => ((await web.as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body as { investigations: StartedInvestigation[] }).investigations;

    // A colleague opens the same form at the same time (sent at the end).
    const colleague = await web.signedIn('caseworker2', `/cases/${caseId}`);
    await openCase(colleague, caseNumber);
    await colleague.getByRole('button', { name: 'Start børnefaglig undersøgelse' }).click();
    await colleague.getByLabel('Begrundelse').fill('Bekymring fra skolen');

    const start = page.getByRole('button', { name: 'Start børnefaglig undersøgelse' });
    await tabTo(page, start);
    expect(await start.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const reason = page.getByLabel('Begrundelse');
    await waitFor(() => hasFocus(reason));
    const submit = page.getByRole('button', { name: 'Start undersøgelsen' });
    // Sent without a reason: said in Danish next to the field, and nothing started.
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' }).waitFor();
    expect(await page.locator('[data-field="reason"] .form-error-message').textContent()).toContain('Skriv, hvorfor undersøgelsen startes');
    expect(await investigationsNow()).toEqual([]);

    // A time the municipality cannot have known yet: the API's refusal names the field, shown in Danish next to it.
    await reason.focus();
    await page.keyboard.type('Skolen er bekymret for barnets trivsel');
    const awareSince = page.getByLabel('Kommunen blev opmærksom (valgfrit)');
    await page.keyboard.press('Tab');
    expect(await hasFocus(awareSince)).toBe(true);
    await awareSince.fill(dateTimeInput(new Date(Date.now() + 2 * DAY)));
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/investigations`));
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    expect(((await (await refused).json()) as { fields: { field: string }[] }).fields).toEqual([expect.objectContaining({ field: 'awareSince' })]);
    await page.locator('[data-field="awareSince"] .form-error-message').getByText('Skriv et tidspunkt, der ikke ligger i fremtiden').waitFor();
    expect(await page.locator('[data-field="reason"] .form-error-message').count()).toBe(0);
    expect(await awareSince.getAttribute('aria-invalid')).toBe('true');
    expect(await investigationsNow()).toEqual([]);

    // A week ago, sent with a double press: one investigation, its 4 months from then.
    const aware = new Date(Math.floor((Date.now() - 7 * DAY) / 60_000) * 60_000);
    await awareSince.fill(dateTimeInput(aware));
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Den børnefaglige undersøgelse er startet' }).waitFor();
    await waitFor(() => hasFocus(page.getByRole('heading', { name: 'Handlinger' })), 5_000);
    const started = await investigationsNow();
    expect(started).toHaveLength(1);
    expect(new Date(started[0].awareSince).getTime()).toBe(aware.getTime());
    const investigations = page.getByRole('region', { name: 'Undersøgelser' });
    await investigations.getByText('I gang').waitFor();
    const due = investigations.locator('dt:text-is("Frist for konklusion") + dd');
    expect(await due.locator('time').getAttribute('datetime')).toBe(started[0].dueAt);
    expect(await due.textContent()).toContain(danishDate(started[0].dueAt));
    expect(await due.textContent()).not.toContain('Overskredet');
    expect(await investigations.locator('dt:text-is("Begrundelse") + dd').textContent()).toBe('Skolen er bekymret for barnets trivsel');
    expect(await page.getByRole('button', { name: 'Start børnefaglig undersøgelse' }).count()).toBe(0); // one at a time

    // The colleague's 409, in Danish; the page reads the case again, and the form stays open until closed.
    await colleague.getByRole('button', { name: 'Start undersøgelsen' }).click();
    await colleague.getByRole('alert').filter({ hasText: 'Sagen har allerede en børnefaglig undersøgelse i gang' }).waitFor();
    await colleague.getByRole('region', { name: 'Undersøgelser' }).getByText('Skolen er bekymret for barnets trivsel').waitFor();
    expect(await colleague.getByLabel('Begrundelse').inputValue()).toBe('Bekymring fra skolen');
    await colleague.getByRole('button', { name: 'Annullér' }).click();
    expect(await colleague.getByRole('button', { name: 'Start børnefaglig undersøgelse' }).count()).toBe(0);
    await waitFor(() => hasFocus(colleague.getByRole('heading', { name: 'Handlinger' })), 5_000);
    expect(await investigationsNow()).toHaveLength(1);

    // The measure, by keyboard: every field named when sent empty, then a double click starts one.
    await tabTo(page, page.getByRole('button', { name: 'Start forebyggende foranstaltning' }));
    await page.keyboard.press('Enter');
    const type = page.getByLabel('Foranstaltning', { exact: true });
    await waitFor(() => hasFocus(type));
    expect(await type.locator('option').allTextContents()).toEqual(['Vælg foranstaltning', ...MEASURE_TYPES.map((t) => MEASURE_TYPE_NAMES_DA[t])]);
    const send = page.getByRole('button', { name: 'Start foranstaltningen' });
    await tabTo(page, send);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' }).waitFor();
    for (const [field, text] of [['type', 'Vælg foranstaltningen'], ['goal', 'Skriv foranstaltningens mål'], ['startsOn', 'Vælg den dag']]) {
      expect(await page.locator(`[data-field="${field}"] .form-error-message`).textContent()).toContain(text);
    }
    await type.focus();
    await page.keyboard.type(MEASURE_TYPE_NAMES_DA['family-treatment']);
    expect(await type.inputValue()).toBe('family-treatment');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trygge rammer i hjemmet');
    await page.keyboard.press('Tab');
    const startsOn = page.getByLabel('Startdato');
    expect(await hasFocus(startsOn)).toBe(true);
    await startsOn.fill('2026-12-01');
    expect(await seriousViolations(page)).toEqual([]);
    await send.dblclick();
    await page.getByRole('status').filter({ hasText: 'Familiebehandling er startet' }).waitFor();
    const measures = page.getByRole('region', { name: 'Foranstaltninger' });
    await measures.getByText('Trygge rammer i hjemmet').waitFor();
    const { measures: running } = (await web.as('caseworker1').get(`/api/cases/${caseId}`).expect(200)).body as { measures: { type: string; planDueAt: string }[] };
    expect(running).toEqual([expect.objectContaining({ type: 'family-treatment', goal: 'Trygge rammer i hjemmet', startsOn: '2026-12-01', status: 'open' })]);
    expect(await measures.getByText('Familiebehandling').count()).toBe(1);
    expect(await measures.locator('dt:text-is("Starter") + dd').textContent()).toBe(danishDate('2026-12-01T12:00:00Z'));
    expect(await measures.locator('dt:text-is("Barnets plan") + dd').textContent()).toBe(`senest ${danishDateTime(running[0].planDueAt)}`);
    await measures.locator('dt:text-is("Næste opfølgning")').waitFor();
    await page.getByRole('region', { name: 'Tidslinje' }).getByText('Børnefaglig undersøgelse startet').waitFor();
    await page.getByRole('region', { name: 'Tidslinje' }).getByText('Forebyggende foranstaltning startet: familiebehandling').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('region', { name: 'Undersøgelser' }).scrollIntoViewIfNeeded();
    await screenshotForReadme(page, 'case-investigation');
  });

  it('says "Ingen adgang" to an agency without work on the case, and offers a retry when the network fails', async () => {
    const { caseId, caseNumber } = await newCase();
    const ppr = await web.signedIn('ppr1', `/cases/${caseId}`);
    await ppr.getByRole('heading', { name: 'Ingen adgang' }).waitFor();
    const main = (await ppr.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/403|Forbidden|not shared/);
    expect(await ppr.getByRole('button', { name: 'Prøv igen' }).count()).toBe(0);

    const page = await web.signedIn('reception1');
    await page.route('**/api/cases/**', (route) => route.abort());
    await page.goto(`${web.url}/cases/${caseId}`);
    await page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til serveren' }).waitFor();
    await page.unroute('**/api/cases/**');
    await page.getByRole('button', { name: 'Prøv igen' }).click();
    await openCase(page, caseNumber);
    expect(await page.getByText('Ingen forbindelse til serveren').count()).toBe(0);
  });

  it('has no serious accessibility violations on the case page and the catalogue, nor a sideways scroll at 200 % zoom', async () => {
    const { caseId, caseNumber } = await newCase();
    const page = await web.signedIn('reception1', `/cases/${caseId}`);
    await openCase(page, caseNumber);
    await page.locator('svg [data-element-id="triage"].step-active').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The forms open, too.
    await page.getByRole('button', { name: 'Overdrag sagen' }).click();
    await page.getByRole('button', { name: 'Send anmodning' }).click();
    await page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' }).waitFor();
    expect(await page.locator('[data-field="to"] .form-error-message').textContent()).toContain('Vælg den enhed');
    expect(await page.locator('[data-field="reason"] .form-error-message').textContent()).toContain('Skriv, hvorfor');
    expect(await seriousViolations(page)).toEqual([]);

    // 200 % zoom of a 1280 px window: 640 CSS pixels; the diagram fits, nothing scrolls sideways.
    await page.setViewportSize({ width: 640, height: 900 });
    await waitFor(() => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'));
    // At full size the diagram scrolls in its own region, which the keyboard reaches and leaves.
    await page.getByRole('button', { name: 'Vis i fuld størrelse' }).first().click();
    const region = page.getByRole('region', { name: /i fuld størrelse/ }).first();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    // Tab leaves it (past the bpmn.io link the viewer's licence keeps on every diagram).
    for (let i = 0; i < 3 && (await region.evaluate((el) => el.contains(el.ownerDocument.activeElement))); i++) await page.keyboard.press('Tab');
    expect(await region.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${web.url}/processes`);
    await page.getByRole('heading', { level: 1, name: 'Processer' }).waitFor();
    for (const map of Object.values(PROCESS_MAPS)) await page.getByRole('img', { name: `Procesdiagram: ${map.name}` }).locator('svg .djs-element').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
