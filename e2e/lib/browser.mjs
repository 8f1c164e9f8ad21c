// Browser helpers for the end-to-end tests.
//
// We drive Debian's /usr/bin/chromium with playwright-core: the machines reach
// no browser download servers, so Playwright's own browsers are never used.
// Every launch gets a fresh, empty profile directory, so localStorage,
// IndexedDB and service workers never leak from one test to the next.

import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** Where screenshot() writes; the README points people here. */
export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');

/** Trunk's output, served by serve.mjs. Override with DIST_DIR. */
export const DIST_DIR = process.env.DIST_DIR ?? join(E2E_DIR, '..', 'dist');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// --no-sandbox: we run as root. The background-networking flags stop Chromium
// from calling home; on these machines every such connection is refused and
// only adds noise and delay.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Launches headless Chromium on the profile in `profileDir` (kept on disk,
 * so a later launch on it is the same laptop restarted).
 */
export function launchProfile(profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
}

/**
 * Launches headless Chromium with a new empty profile.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchBrowser() {
  const profileDir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-profile-'));
  const context = await launchProfile(profileDir);
  return {
    context,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records uncaught page errors and console.error messages of a page.
 * Call assertClean() at the end of a test: uncaught errors always fail it.
 */
export function collectErrors(page) {
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium asks for /favicon.ico by itself; its 404 is not the app's fault.
    const from = new URL(message.location().url || 'about:blank').pathname;
    if (from === '/favicon.ico') return;
    // The app looks for a published snapshot at start; most hosts (and
    // these tests) publish none, and Chromium logs the 404 of that request.
    if (from.endsWith('/data/snapshot.json')) return;
    consoleErrors.push(message.text());
  });
  return {
    pageErrors,
    consoleErrors,
    /**
     * Throws if the page had an uncaught error, or (unless allowConsoleErrors)
     * logged a console error not matching one of the `ignore` regexes.
     */
    assertClean({ allowConsoleErrors = false, ignore = [] } = {}) {
      const problems = [...pageErrors.map((e) => `uncaught: ${e}`)];
      if (!allowConsoleErrors) {
        for (const text of consoleErrors) {
          if (!ignore.some((re) => re.test(text))) problems.push(`console.error: ${text}`);
        }
      }
      if (problems.length > 0) {
        throw new Error(`The page reported errors:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

/**
 * Opens `path` of the app in a new tab and waits until Leptos has mounted
 * (the body has at least one element child besides Trunk's scripts).
 * @returns {Promise<{ page: import('playwright-core').Page, errors: ReturnType<typeof collectErrors> }>}
 */
export async function openApp(context, baseUrl, path = '/') {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
  await waitForApp(page);
  return { page, errors };
}

/** Waits until the wasm app has rendered something into <body>. */
export async function waitForApp(page, timeout = 15_000) {
  await page.waitForFunction(
    () => [...document.body.children].some((el) => !['SCRIPT', 'LINK'].includes(el.tagName)),
    null,
    { timeout },
  );
}

/**
 * Saves a PNG of the viewport (or, with fullPage, the whole page) to
 * e2e/screenshots/<name>.png and returns its path.
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Registers the usual hooks of a test file: one static server on dist/ for
 * the file, and a new browser with an empty profile for every test.
 * @returns {{ readonly server: { url: string }, readonly browser: Awaited<ReturnType<typeof launchBrowser>> }}
 */
export function useAppUnderTest({ before, beforeEach, afterEach, after }) {
  const state = { server: undefined, browser: undefined };
  before(async () => {
    const { startServer } = await import('../serve.mjs');
    state.server = await startServer({ root: DIST_DIR });
  });
  beforeEach(async () => {
    state.browser = await launchBrowser();
  });
  afterEach(async () => {
    await state.browser?.close();
  });
  after(async () => {
    await state.server?.close();
  });
  return state;
}
