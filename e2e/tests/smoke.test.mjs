// Smoke test: the release build loads, mounts and survives a reload, and
// deep links are answered by the app shell.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, openApp, screenshot, waitForApp } from '../lib/browser.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

test('the app mounts in Swedish, offers the example data and survives a reload', async () => {
  const { page, errors } = await openApp(app.browser.context, app.server.url);
  await page.getByTestId('welcome').waitFor();
  assert.equal(await page.title(), 'Måluppfyllelse – Måltavla');
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.equal(await page.getByTestId('nav-board').textContent(), 'Måluppfyllelse');

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('welcome').waitFor();
  await screenshot(page, 'welcome');
  errors.assertClean();
});

test('a deep link is answered by the app shell (SPA fallback)', async () => {
  const { page, errors } = await openApp(app.browser.context, app.server.url, '/indikatorer');
  await page.getByTestId('new-indicator').waitFor();
  errors.assertClean();
});
