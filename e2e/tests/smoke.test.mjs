// Smoke test: the release build loads, mounts and survives a reload, and
// deep links are answered by the app shell.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../serve.mjs';
import { DIST_DIR, launchBrowser, openApp, screenshot, waitForApp } from '../lib/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST_DIR });
});
beforeEach(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await browser?.close();
});
after(async () => {
  await server?.close();
});

test('the app mounts in Swedish, offers the example data and survives a reload', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await page.getByTestId('welcome').waitFor();
  assert.equal(await page.title(), 'Måltavla');
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.equal(await page.getByTestId('nav-board').textContent(), 'Måluppfyllelse');

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('welcome').waitFor();
  await screenshot(page, 'welcome');
  errors.assertClean();
});

test('a deep link is answered by the app shell (SPA fallback)', async () => {
  const { page, errors } = await openApp(browser.context, server.url, '/indikatorer');
  await page.getByTestId('new-indicator').waitFor();
  errors.assertClean();
});
