import type { Page } from 'playwright-core';
import { AGENCY_NAMES_DA } from '@sagsflow/domain';
import { childCpr, notificationBody } from '../support/fixtures';
import { waitFor } from '../support/stack';
import { openWebSuite, seriousViolations, type WebSuite } from '../support/web';

interface TaskRow {
  id: string;
  kind: string;
  caseId: string;
  caseNumber: string;
  assignee: string | null;
  status: string;
}

/** A task page in a real browser, under the app's real Content-Security-Policy (no eval). */
interface Opened {
  page: Page;
  /** CSP violations and page errors: every test expects none. */
  problems: string[];
  /** Requests that tried to complete the task. */
  completions: () => number;
}

describe('the task page (/tasks/:id)', () => {
  let web: WebSuite;
  beforeAll(async () => {
    web = await openWebSuite(['reception1', 'reception2', 'caseworker1', 'caseworker2', 'caseworker3', 'lead1']);
  });
  afterAll(async () => {
    await web?.close();
  });

  /** The task of `kind` on the case, once `user` sees it in their agency's inbox. */
  async function taskOf(user: string, caseId: string, kind: string): Promise<TaskRow> {
    let found: TaskRow | undefined;
    await waitFor(async () => {
      const tasks = (await web.as(user).get('/api/tasks?scope=agency').expect(200)).body as TaskRow[];
      found = tasks.find((t) => t.caseId === caseId && t.kind === kind);
      return found !== undefined;
    });
    return found!;
  }

  /** A new notification (about a child with a CPR number) and its triage task. */
  async function triageTask(cpr = childCpr()): Promise<TaskRow> {
    const created = await web.as('reception1').post('/api/notifications', notificationBody({ child: { cpr } })).expect(201);
    return taskOf('reception2', created.body.caseId, 'triage');
  }

  /**
   * Records CSP violations and page errors on `page` from its next navigation: the browser's console
   * messages, and the violation events it fires (also for an eval that was caught, which logs nothing).
   */
  async function watch(page: Page): Promise<string[]> {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // An init script is not itself subject to the page's CSP.
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        console.error('Content Security Policy violation: ' + event.violatedDirective + ' at ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber));`,
    });
    return problems;
  }

  async function open(user: string, taskId: string): Promise<Opened> {
    const page = await web.signedIn(user);
    const problems = await watch(page);
    let completions = 0;
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/tasks/${taskId}/complete`)) completions += 1;
    });
    await page.goto(`${web.url}/tasks/${taskId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
    return { page, problems, completions: () => completions };
  }

  const submit = (page: Page) => page.getByRole('button', { name: 'Afslut opgave' }).click();
  const summary = (page: Page) => page.getByRole('alert').filter({ hasText: 'Opgaven kan ikke afsluttes endnu' });
  const focusedId = async (page: Page) => (await page.locator(':focus').getAttribute('id')) ?? '';

  it('completes a triage in Danish: without a decision the error shows next to it, then "Undersøgelse" completes the task', async () => {
    const cpr = childCpr();
    const task = await triageTask(cpr);
    const { page, problems, completions } = await open('reception2', task.id);

    await page.getByRole('heading', { level: 1, name: 'Vurdering af underretning' }).waitFor();
    expect(await page.getByRole('link', { name: `Sag ${task.caseNumber}` }).getAttribute('href')).toBe(`/cases/${task.caseId}`);
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(cpr);
    expect(body).not.toContain(cpr.replace('-', ''));
    expect(body).toMatch(/Frist/);
    expect(body).toContain(AGENCY_NAMES_DA.RECEPTION);

    const decision = page.getByRole('group', { name: 'Beslutning' });
    for (const label of ['Luk – ingen yderligere handling', 'Rådgivning', 'Henvisning til det rådgivende team', 'Undersøgelse', 'Akut handling']) {
      expect(await decision.getByRole('radio', { name: label, exact: true }).isChecked()).toBe(false);
    }
    await page.getByRole('checkbox', { name: 'Familien giver samtykke til henvisningen' }).waitFor();

    // Submitted with the keyboard and no decision: the browser's precompiled validation refuses, nothing is sent.
    await page.getByRole('button', { name: 'Afslut opgave' }).focus();
    await page.keyboard.press('Enter');
    await decision.locator('.form-error-message').getByText('Vælg en af mulighederne.').waitFor();
    expect(await summary(page).getByRole('link', { name: 'Beslutning: Vælg en af mulighederne.' }).count()).toBe(1);
    expect(await focusedId(page)).toMatch(/^root_decision-\d$/);
    expect(completions()).toBe(0);

    await decision.getByRole('radio', { name: 'Undersøgelse' }).check();
    await page.keyboard.press('Tab'); // on to the consent box, and on to the button: submitted by keyboard again
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Afslut opgave');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Opgaven er afsluttet.' }).waitFor();
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.waitFor();
    expect(await result.innerText()).toMatch(/Afsluttet af reception2/);
    expect(await result.locator('dd').first().innerText()).toBe('Undersøgelse');
    expect(await page.getByRole('button', { name: 'Afslut opgave' }).count()).toBe(0);

    const stored = (await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'completed', outcome: { decision: 'investigation' }, completedBy: 'reception2' });
    expect(problems).toEqual([]);
  });

  it("shows the API's 422 next to the field it names: a referral to the advisory team without the family's consent", async () => {
    // The schema lets consent be left out (it depends on the decision); the triage process refuses the referral without it.
    const task = await triageTask();
    const { page, problems } = await open('reception2', task.id);

    await page.getByRole('group', { name: 'Beslutning' }).getByRole('radio', { name: 'Henvisning til det rådgivende team' }).check();
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${task.id}/complete`));
    await submit(page);
    expect((await answer).status()).toBe(422);

    const consent = page.getByRole('checkbox', { name: 'Familien giver samtykke til henvisningen' });
    const consentGroup = page.locator('.form-group', { has: consent });
    const message = 'Familien skal give samtykke, før sagen kan henvises til det rådgivende team.';
    await consentGroup.locator('.form-error-message').getByText(message).waitFor();
    expect(await consentGroup.getAttribute('class')).toContain('form-error');
    expect(await consent.getAttribute('aria-describedby')).toContain('root_consent__error');
    expect(await summary(page).getByRole('link', { name: `Familien giver samtykke til henvisningen: ${message}` }).count()).toBe(1);
    expect(await focusedId(page)).toBe('root_consent');

    await page.keyboard.press('Space'); // ticks the focused box
    await submit(page);
    await page.getByRole('region', { name: 'Resultat' }).waitFor();
    const stored = (await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'completed', outcome: { decision: 'advisory-team', consent: true } });
    expect(problems).toEqual([]);
  });

  it('refuses to conclude an investigation with a step open, in Danish next to the decision, and completes a step from its generated form', async () => {
    const { caseId } = (await web.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body as { caseId: string };
    await web.as('caseworker1').post(`/api/cases/${caseId}/investigations`).send({ reason: 'bekymring for trivsel' }).expect(201);
    const conclusion = await taskOf('caseworker1', caseId, 'investigation-conclusion');
    const { page, problems } = await open('caseworker1', conclusion.id);
    await page.getByRole('group', { name: 'Afgørelse' }).getByRole('radio', { name: 'Ingen støtte' }).check();
    await page.getByLabel('Begrundet konklusion').fill('Familien klarer sig uden støtte');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${conclusion.id}/complete`));
    await submit(page);
    expect((await answer).status()).toBe(422);
    const decision = page.getByRole('group', { name: 'Afgørelse' });
    await decision.locator('.form-error-message').getByText('Undersøgelsen kan ikke konkluderes, mens en af dens dele stadig er åben.').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/investigation|What the/); // Danish only
    expect(await seriousViolations(page)).toEqual([]);

    const siblings = await taskOf('caseworker1', caseId, 'siblings-considered');
    const step = await open('caseworker1', siblings.id);
    await step.page.getByLabel('Søskende og hvad undersøgelsen betyder for dem').fill('Ingen søskende');
    await submit(step.page);
    await step.page.getByRole('region', { name: 'Resultat' }).waitFor();
    expect((await web.as('caseworker1').get(`/api/tasks/${siblings.id}`).expect(200)).body).toMatchObject({ status: 'completed', outcome: { consideration: 'Ingen søskende' } });
    expect([...problems, ...step.problems]).toEqual([]);
  });

  it('claims, releases and comments round the API, and offers reassigning to a lead only', async () => {
    const task = await triageTask();
    const { page, problems } = await open('reception2', task.id);
    const facts = page.locator('.task-facts');
    const history = page.locator('.task-history');

    expect(await page.getByRole('button', { name: 'Slip opgaven' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tag opgaven' }).click();
    await page.getByRole('status').filter({ hasText: 'Du har taget opgaven.' }).waitFor();
    await facts.getByText('reception2 (dig)').waitFor();
    await history.getByText('Taget').waitFor();
    expect((await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body.assignee).toBe('reception2');
    expect(await page.getByRole('button', { name: 'Tag opgaven' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Slip opgaven' }).click();
    await page.getByRole('status').filter({ hasText: 'Du har sluppet opgaven.' }).waitFor();
    await history.getByText('Sluppet').waitFor();
    expect((await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body.assignee).toBeNull();
    await page.getByRole('button', { name: 'Tag opgaven' }).waitFor();

    const comment = page.getByRole('textbox', { name: 'Kommentar' });
    await page.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await page.locator('.form-group', { has: comment }).getByText('Skriv en kommentar.').waitFor();
    await comment.fill('Skolen ringer tilbage i morgen');
    await page.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await history.getByText('Skolen ringer tilbage i morgen').waitFor();
    expect(await comment.inputValue()).toBe('');
    const events = (await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body.history as { type: string; actor: string; data: { text?: string } }[];
    expect(events.map((e) => e.type)).toEqual(['created', 'claimed', 'released', 'commented']);
    expect(events[3]).toMatchObject({ actor: 'reception2', data: { text: 'Skolen ringer tilbage i morgen' } });

    expect(await page.getByRole('button', { name: 'Omfordel' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Brugernavn' }).count()).toBe(0);
    expect(problems).toEqual([]);

    // The reception team's lead reassigns: a refusal shows next to the name, then it goes through.
    const lead = await open('lead1', task.id);
    const to = lead.page.getByRole('textbox', { name: 'Brugernavn' });
    await to.fill('ingen.bruger');
    await lead.page.getByRole('button', { name: 'Omfordel' }).click();
    await lead.page.locator('.form-group', { has: to }).getByText(`ingen.bruger er ikke en aktiv medarbejder i ${AGENCY_NAMES_DA.RECEPTION}`).waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await to.fill('reception1');
    await lead.page.getByRole('button', { name: 'Omfordel' }).click();
    await lead.page.getByRole('status').filter({ hasText: 'Opgaven er omfordelt til reception1.' }).waitFor();
    await lead.page.locator('.task-history').getByText('Til reception1').waitFor();
    expect((await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body.assignee).toBe('reception1');
    // The live event of the reassignment reaches reception2's open page, which loads again.
    await facts.getByText('reception1', { exact: true }).waitFor();
    expect(lead.problems).toEqual([]);
  });

  it('has no serious accessibility violations (axe), before and after a failed submit', async () => {
    const task = await triageTask();
    const { page, problems } = await open('reception2', task.id);
    expect(await seriousViolations(page)).toEqual([]);

    await submit(page);
    await summary(page).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Henvisning til det rådgivende team' }).check();
    await submit(page);
    await page.locator('.form-error-message').getByText('Familien skal give samtykke').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // 200 % zoom of the 1280 px window: one column, nothing wider than the window.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const [form, history] = await Promise.all([
      page.getByRole('region', { name: 'Afslut opgaven' }).boundingBox(),
      page.getByRole('region', { name: 'Historik' }).boundingBox(),
    ]);
    expect(history!.y).toBeGreaterThan(form!.y + form!.height - 1);
    expect(problems).toEqual([]);
  });

  it('validates in the browser under a CSP without eval: no violation, no page error', async () => {
    const task = await triageTask();
    const page = await web.signedIn('reception2');
    const problems = await watch(page);
    const response = await page.goto(`${web.url}/tasks/${task.id}`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('unsafe-eval');

    await page.getByRole('button', { name: 'Afslut opgave' }).click();
    await page.getByRole('group', { name: 'Beslutning' }).getByText('Vælg en af mulighederne.').waitFor();
    await page.getByRole('radio', { name: 'Rådgivning' }).check();
    await page.getByRole('button', { name: 'Afslut opgave' }).click();
    await page.getByRole('region', { name: 'Resultat' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a schema the build does not know without validating it in the browser; the API refuses, next to the field', async () => {
    const task = await triageTask();
    const page = await web.signedIn('reception2');
    const problems = await watch(page);
    // A newer API than this build: the triage outcome has a field more.
    await page.route(`${web.url}/api/tasks/${task.id}`, async (route) => {
      const response = await route.fetch();
      const detail = await response.json();
      detail.outcomeSchema.properties.note = { type: 'string', description: 'A note on the decision' };
      await route.fulfill({ response, json: detail });
    });
    await page.goto(`${web.url}/tasks/${task.id}`);
    await page.getByText('Formularen tjekkes først, når du afslutter opgaven.').waitFor();
    await page.getByRole('textbox', { name: 'note' }).fill('Ringet til skolen');

    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${task.id}/complete`));
    await submit(page);
    expect((await answer).status()).toBe(422);
    await page.getByRole('group', { name: 'Beslutning' }).locator('.form-error-message').getByText('Vælg en af mulighederne.').waitFor();
    expect(await focusedId(page)).toMatch(/^root_decision-\d$/);

    await page.getByRole('radio', { name: 'Rådgivning' }).check();
    await submit(page);
    await page.getByRole('region', { name: 'Resultat' }).waitFor();
    const stored = (await web.as('reception2').get(`/api/tasks/${task.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'completed', outcome: { decision: 'advice', note: 'Ringet til skolen' } });
    expect(problems).toEqual([]);
  });

  it('offers a hand-over as a choice with none made for the user; declining needs a reason', async () => {
    const triage = await triageTask();
    expect((await web.as('reception2').post(`/api/tasks/${triage.id}/complete`, { outcome: { decision: 'investigation' } })).status).toBe(200);
    const handover = await taskOf('caseworker1', triage.caseId, 'accept-handover');
    const caseworker = handover.assignee ?? 'caseworker1'; // the authority's tasks are handed out in turn
    const { page, problems, completions } = await open(caseworker, handover.id);

    await page.getByRole('heading', { level: 1, name: 'Modtag overdragelse af sag' }).waitFor();
    const choice = page.getByRole('group', { name: 'Beslutning' });
    expect(await choice.getByRole('radio', { name: 'Modtag sagen' }).isChecked()).toBe(false);
    expect(await choice.getByRole('radio', { name: 'Afvis sagen' }).isChecked()).toBe(false);

    await submit(page);
    await choice.locator('.form-error-message').getByText('Vælg en af mulighederne.').waitFor();
    expect(await focusedId(page)).toMatch(/^root__anyof_select-\d$/);
    expect(completions()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await choice.getByRole('radio', { name: 'Afvis sagen' }).check();
    const reason = page.getByRole('textbox', { name: 'Begrundelse for afvisningen' });
    await submit(page);
    await page.locator('.form-group', { has: reason }).locator('.form-error-message').getByText('Skal udfyldes.').waitFor();
    expect(await focusedId(page)).toBe('root_reason');
    expect(completions()).toBe(0);

    await reason.fill('Sagen hører under en anden kommune');
    await submit(page);
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.waitFor();
    expect(await result.innerText()).toContain('Afvis sagen');
    expect(await result.innerText()).toContain('Sagen hører under en anden kommune');
    const stored = (await web.as(caseworker).get(`/api/tasks/${handover.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'completed', outcome: { decision: 'decline', reason: 'Sagen hører under en anden kommune' } });
    expect(problems).toEqual([]);
  });
});
