import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_USERS } from '../../libs/persistence/src/seed/demo-municipality';
import { webAppRoot } from '../../apps/api/src/web/web.module';
import { CHROMIUM_ARGS, resolveChromium } from '../../tools/stack/chromium';
import { type OpenSuite, openSuite } from './stack';

/**
 * The whole product for browser tests: a suite's stack, worker and API serving the built web app
 * (dist/web, from `npm run build:web`), and a real Chromium driven by playwright-core.
 */
export interface WebSuite extends OpenSuite {
  browser: Browser;
  /** The app's address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A new browser window signed in as `username` through the sign-in page, showing `path`. */
  signedIn(username: string, path?: string): Promise<Page>;
}

export async function openWebSuite(users: string[] = []): Promise<WebSuite> {
  if (!webAppRoot()) throw new Error('The web app is not built: run `npm run build:web` (npm test does) before the browser tests');
  const suite = await openSuite(users);
  const browser = await chromium.launch({ executablePath: resolveChromium().path, headless: true, args: CHROMIUM_ARGS });
  const address = suite.api.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const contexts: BrowserContext[] = [];
  return {
    ...suite,
    browser,
    url,
    async signedIn(username, path = '/') {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(`${url}/`);
      await page.getByRole('button', { name: displayNameOf(username) }).click();
      await page.getByRole('button', { name: 'Log ud' }).waitFor();
      if (path !== '/') await page.goto(`${url}${path}`);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await suite.close();
    },
  };
}

/** The demo user's name, as the sign-in page shows it. */
function displayNameOf(username: string): string {
  return DEMO_USERS.find((user) => user.username === username)?.displayName ?? username;
}

/** Serious and critical accessibility violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a screenshot for the README when SCREENSHOTS is set (`npm run screenshots`), without passing notices. */
export async function screenshotForReadme(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const dir = resolve(__dirname, '../../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), style: '.toasts { display: none }' });
}

/*
 * This project's TypeScript has no DOM types (the server code must not use them): page code here
 * reaches the document through the element it is given, or is an expression in text.
 */

/** How much wider than the window the page is, in CSS pixels (0: no sideways scroll). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/** Whether the element has the keyboard focus. */
export const hasFocus = (locator: Locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);

/** The outline style of the element that has the keyboard focus ('none' means the focus is invisible). */
export const focusOutline = (page: Page) =>
  page.locator(':focus').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineStyle);
