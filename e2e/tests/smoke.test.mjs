// Smoke test: the release build loads, mounts and survives a reload.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../serve.mjs';
import { DIST_DIR, launchBrowser, openApp, screenshot, waitForApp } from '../lib/browser.mjs';

let server;
let browser;

// One server per file; a new browser with an empty profile per test, so no
// test sees another's localStorage, IndexedDB or service worker.
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

test('the app mounts, shows its title and survives a reload', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const title = page.getByTestId('app-title');
  assert.equal((await title.textContent())?.trim(), 'Måltavla');

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  assert.equal((await title.textContent())?.trim(), 'Måltavla');
  assert.equal(await page.title(), 'Måltavla');

  await screenshot(page, 'smoke');
  errors.assertClean();
});

test('a deep link is answered by the app shell (SPA fallback)', async () => {
  const { page, errors } = await openApp(browser.context, server.url, '/insatser/abc');
  assert.equal((await page.getByTestId('app-title').textContent())?.trim(), 'Måltavla');
  errors.assertClean();
});
