import { horizontalOverflow, openWebSuite, seriousViolations, type WebSuite } from '../support/web';

describe('the web app', () => {
  let web: WebSuite;
  beforeAll(async () => {
    web = await openWebSuite();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs a demo user in, in Danish, and signs them out', async () => {
    const page = await web.signedIn('reception2');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log ind i Sagsflow' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps its layout at 200 % zoom: nothing wider than the window', async () => {
    const page = await web.signedIn('reception1');
    // 200 % zoom of a 1280 × 900 window is a 640 × 450 CSS-pixel viewport.
    await page.setViewportSize({ width: 640, height: 450 });
    for (const path of ['/', '/notifications/new', '/processes']) {
      await page.goto(`${web.url}${path}`);
      await page.locator('h1').waitFor();
      const overflow = await horizontalOverflow(page);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
  });

  it('shows an administrator the audit log with links to Temporal Web, and no inbox', async () => {
    const page = await web.signedIn('admin1');
    await page.getByRole('heading', { level: 1, name: 'Revisionslog' }).waitFor();
    expect(await page.getByRole('link', { name: 'Indbakke' }).count()).toBe(0);
    await page.getByLabel('Sags-id').fill('not-a-uuid');
    await page.getByRole('button', { name: 'Søg' }).click();
    expect(await page.locator('[data-field="caseId"] .form-error-message').textContent()).toContain('caseId must be a UUID');
    const caseId = '00000000-0000-4000-8000-000000000000';
    await page.getByLabel('Sags-id').fill(caseId);
    await page.getByRole('button', { name: 'Søg' }).click();
    const link = page.getByRole('link', { name: 'Sagens forløb i Temporal Web' });
    expect(await link.getAttribute('href')).toBe(
      `${web.stack.config.TEMPORAL_WEB_URL}/namespaces/${web.stack.config.TEMPORAL_NAMESPACE}/workflows?query=${encodeURIComponent(`CaseId="${caseId}"`)}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
