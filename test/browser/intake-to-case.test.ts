import type { Page } from 'playwright-core';
import { childCpr } from '../support/fixtures';
import { waitFor } from '../support/stack';
import { focusOutline, hasFocus, openWebSuite, screenshotForReadme, seriousViolations, type WebSuite } from '../support/web';

/**
 * The issue's walk through the product in a real browser: reception1 registers a notification in
 * the form; the triage task appears in reception2's open inbox without a reload; reception2 completes
 * it through the form generated from its outcome schema; the case page shows the owner and the
 * notification's diagram at the hand-over.
 */
describe('from intake to the case, in the browser', () => {
  let web: WebSuite;
  beforeAll(async () => {
    web = await openWebSuite(['reception2']);
  });
  afterAll(async () => {
    await web?.close();
  });

  async function fillIntake(page: Page, cpr: string): Promise<void> {
    await page.getByLabel('Hvem underretter?').selectOption('professional');
    await page.getByLabel('Fagpersonens område').selectOption('school');
    await page.getByLabel('Underretterens navn').fill('Lærer Hansen');
    await page.getByLabel('E-mail (valgfri)').fill('hansen@skole.example');
    await page.getByLabel('CPR-nummer').fill(cpr);
    await page.getByLabel('Hvad er underretteren bekymret for?').fill('Barnet kommer sultent i skole hver dag');
  }

  it('registers, shows the task live, completes it through its form, and shows the case at the hand-over', async () => {
    const inbox = await web.signedIn('reception2');
    await inbox.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    await inbox.getByText('Ingen åbne opgaver her.').waitFor();

    const intake = await web.signedIn('reception1', '/notifications/new');
    await intake.getByRole('heading', { level: 1, name: 'Ny underretning' }).waitFor();
    expect(await seriousViolations(intake)).toEqual([]);
    const cpr = childCpr();
    await fillIntake(intake, cpr);
    // A double click sends one request at most twice with one Idempotency-Key: one notification.
    await intake.getByRole('button', { name: 'Registrér underretning' }).dblclick();
    await intake.getByRole('heading', { level: 1, name: 'Underretningen er registreret' }).waitFor();

    // Live: the inbox, never reloaded, gets a notice and the row (by kind and case number, no CPR).
    await inbox.getByRole('status').getByText('Ny opgave: Vurdering af underretning').waitFor({ timeout: 20_000 });
    const row = inbox.getByRole('row', { name: /Vurdering af underretning/ });
    await row.waitFor();
    expect(await inbox.locator('main').textContent()).not.toContain(cpr);
    const tasks = ((await web.as('reception2').get('/api/tasks?scope=agency').expect(200)).body as { id: string; kind: string; caseId: string; caseNumber: string }[]).filter(
      (task) => task.kind === 'triage',
    );
    expect(tasks).toHaveLength(1);
    expect(await row.textContent()).toContain(tasks[0].caseNumber);
    expect(await seriousViolations(inbox)).toEqual([]);
    await screenshotForReadme(inbox, 'inbox');

    // The task's form: first without a decision (the error shows next to the field), then complete.
    await row.getByRole('link', { name: 'Vurdering af underretning' }).click();
    await inbox.getByRole('heading', { level: 1, name: 'Vurdering af underretning' }).waitFor();
    await inbox.getByRole('button', { name: 'Afslut opgave' }).click();
    const decision = inbox.getByRole('group', { name: 'Beslutning' });
    await decision.locator('.form-error-message').getByText('Vælg en af mulighederne.').waitFor();
    expect(await seriousViolations(inbox)).toEqual([]);
    await screenshotForReadme(inbox, 'task-form');
    await decision.getByRole('radio', { name: 'Undersøgelse' }).check();
    await inbox.getByRole('button', { name: 'Afslut opgave' }).click();
    await inbox.getByRole('status').filter({ hasText: 'Opgaven er afsluttet.' }).waitFor();
    const completed = (await web.as('reception2').get(`/api/tasks/${tasks[0].id}`).expect(200)).body;
    expect(completed).toMatchObject({ status: 'completed', completedBy: 'reception2', outcome: { decision: 'investigation' } });

    // The case page: the owner (reception until the authority accepts) and the diagram at the hand-over.
    await waitFor(async () => {
      const processes = (await web.as('reception2').get(`/api/cases/${tasks[0].caseId}/processes`).expect(200)).body as { kind: string; active: string[] }[];
      return processes.some((p) => p.kind === 'notification' && p.active.includes('handover'));
    }, 20_000);
    await inbox.goto(`${web.url}/cases/${tasks[0].caseId}`);
    await inbox.getByRole('heading', { level: 1, name: `Sag ${tasks[0].caseNumber}` }).waitFor();
    await inbox.getByText('Modtagelse', { exact: true }).first().waitFor();
    const handover = inbox.locator('[data-element-id="handover"]').first();
    await handover.waitFor();
    expect(await handover.getAttribute('class')).toMatch(/active/);
    expect(await seriousViolations(inbox)).toEqual([]);
    await screenshotForReadme(inbox, 'case');
    await inbox.getByRole('heading', { level: 3, name: /^Underretning/ }).scrollIntoViewIfNeeded();
    await inbox.evaluate('window.scrollBy(0, -20)');
    await screenshotForReadme(inbox, 'case-diagram');

    const notifications = await web.stack.db.query('SELECT count(*)::int AS n FROM notifications');
    expect(notifications.rows[0].n).toBe(1);
  });

  it('walks the intake form with the keyboard only', async () => {
    const page = await web.signedIn('reception1', '/notifications/new');
    await page.getByRole('heading', { level: 1, name: 'Ny underretning' }).waitFor();
    const cpr = childCpr();
    // From the heading (focused when the page opens), Tab reaches each field in order.
    const typeInto = async (label: string, text: string) => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if (await hasFocus(page.getByLabel(label))) return page.keyboard.type(text);
      }
      throw new Error(`Tab never reached ${label}`);
    };
    await typeInto('Underretterens navn', 'Sundhedsplejerske Jensen');
    await typeInto('CPR-nummer', cpr);
    await typeInto('Hvad er underretteren bekymret for?', 'Forældrene virker påvirkede ved hjemmebesøg');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // abuse
    expect(await page.getByLabel(/Mistanke om overgreb/).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Registrér underretning');
    // The focus is visible where the keyboard is.
    expect(await focusOutline(page)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Underretningen er registreret' }).waitFor();
  });

  it('asks reception whether a child without a CPR number is a known one, and files it as they choose', async () => {
    const page = await web.signedIn('reception1', '/notifications/new');
    const name = `Ida ${Date.now()}`;
    const fill = async () => {
      await page.getByLabel('Underretterens navn').fill('Lærer Hansen');
      await page.getByLabel('Barnets navn').fill(name);
      await page.getByLabel('Fødselsdato').fill('2015-04-03');
      await page.getByLabel('Hvad er underretteren bekymret for?').fill('Barnet har ikke været i skole i tre uger');
    };
    await fill();
    await page.getByRole('button', { name: 'Registrér underretning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Underretningen er registreret' }).waitFor();
    const first = (await web.stack.db.query(`SELECT c.id, c.case_number FROM cases c JOIN children ch ON ch.id = c.child_id WHERE ch.name = $1`, [name])).rows[0];

    await page.getByRole('button', { name: 'Registrér en ny underretning' }).click();
    await fill();
    await page.getByRole('button', { name: 'Registrér underretning' }).click();
    const question = page.getByRole('group', { name: 'Kendes barnet allerede?' });
    await question.waitFor();
    // The page moves the focus to the question on the next frame, a moment after it shows it.
    await waitFor(() => hasFocus(page.locator('#child-match')), 5_000);
    expect(await seriousViolations(page)).toEqual([]);
    await question.getByRole('radio', { name: `Ja, det samme barn som i sag ${first.case_number}` }).check();
    await page.getByRole('button', { name: 'Registrér underretning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Underretningen er registreret' }).waitFor();
    const filed = await web.stack.db.query(`SELECT count(DISTINCT ch.id)::int AS children, count(n.id)::int AS notifications FROM children ch JOIN cases c ON c.child_id = ch.id JOIN notifications n ON n.case_id = c.id WHERE ch.name = $1`, [name]);
    expect(filed.rows[0]).toEqual({ children: 1, notifications: 2 });
  });

  it('names each refused field next to it, with a summary, and stores nothing', async () => {
    const page = await web.signedIn('reception1', '/notifications/new');
    const before = (await web.stack.db.query('SELECT count(*)::int AS n FROM notifications')).rows[0].n;
    await page.getByLabel('CPR-nummer').fill('010150-5000');
    await page.getByRole('button', { name: 'Registrér underretning' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
    await summary.waitFor();
    expect(await page.locator('[data-field="child.cpr"] .form-error-message').textContent()).toMatch(/child\.cpr/);
    expect(await page.locator('[data-field="concern"] .form-error-message').textContent()).toMatch(/concern/);
    expect(await page.locator('[data-field="notifier.name"] .form-error-message').textContent()).toMatch(/notifier/);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await web.stack.db.query('SELECT count(*)::int AS n FROM notifications')).rows[0].n).toBe(before);
  });
});
