import { openWebSuite, seriousViolations, type WebSuite } from '../support/web';

describe('the web app', () => {
  let web: WebSuite;
  beforeAll(async () => {
    web = await openWebSuite();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs a demo user in, in Danish', async () => {
    const page = await web.signedIn('reception2');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
