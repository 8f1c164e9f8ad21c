// Offline first: after one visit the app starts and works with no server at
// all, across a browser restart; a new build waits for the user's yes; a
// snapshot the host publishes next to the app is offered through the import
// preview; the app can be installed (manifest) and runs under a strict CSP.
//
// Each test serves its own copy of dist/ (so it can change or stop it) and
// keeps its browser profile on disk between launches, as a laptop does.
// Playwright's setOffline does not cover service-worker fetches, so
// "offline" here means the server is stopped: nothing answers at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, collectErrors, launchProfile, screenshot, waitForApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { ExchangePage } from '../pages/exchange.mjs';
import { nameOrganisation } from '../pages/app.mjs';

/** A copy of dist/ this test may change, removed afterwards. */
async function siteCopy(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST_DIR, dir, { recursive: true });
  return dir;
}

/** Browsers still open on each profile folder, closed before it is removed. */
const openOn = new Map();

/** A browser profile folder that outlives one launch. */
async function profileDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-laptop-'));
  t.after(async () => {
    for (const context of openOn.get(dir) ?? []) await context.close().catch(() => {});
    openOn.delete(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  return dir;
}

async function launch(profile) {
  const context = await launchProfile(profile);
  openOn.set(profile, [...(openOn.get(profile) ?? []), context]);
  return context;
}

/** Opens `path`, waits for the app, and (first visit) for the worker to control the page. */
async function open(context, url, { controlled = true } = {}) {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = collectErrors(page);
  await page.goto(url, { waitUntil: 'load' });
  await waitForApp(page);
  if (controlled) {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  }
  return { page, errors };
}

test('after one visit the app starts, works and keeps its data with no server, across a browser restart', async (t) => {
  const root = await siteCopy(t);
  const server = await startServer({ root });
  const profile = await profileDir(t);
  let context = await launch(profile);

  const { page, errors } = await open(context, `${server.url}/`);
  // Installable: the manifest is linked and names the app, its icons and colour.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.short_name, 'Måltavla');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  // The service worker caches this build's files.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('maltavla-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.includes('/'), cached.join(' '));
  assert.ok(cached.some((p) => p.endsWith('_bg.wasm')), cached.join(' '));

  // The network goes away: the server stops answering.
  await server.close();
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  // A deep link works too, and the app can be used: create and then edit.
  await page.goto(`${server.url}/organisation`, { waitUntil: 'load' });
  await waitForApp(page);
  await nameOrganisation(page, 'Förbundet utan nät');
  await nameOrganisation(page, 'Förbundet utan nät, ändrat');
  await screenshot(page, 'offline-organisation');
  errors.assertClean({ ignore: [/ERR_CONNECTION_REFUSED/, /Failed to load resource/] });

  // The laptop is closed and opened again, still with no network.
  await context.close();
  context = await launch(profile);
  const again = await open(context, `${server.url}/`, { controlled: false });
  await again.page.locator('header', { hasText: 'Förbundet utan nät, ändrat' }).waitFor();
  // The settings tell whether storage is kept and how much is used.
  await again.page.getByTestId('nav-settings').click();
  await again.page.getByTestId('storage-usage').waitFor();
  assert.match(await again.page.getByTestId('storage-usage').innerText(), /^Använt: .+\. Ledigt: .+\.$/);
  again.errors.assertClean({ ignore: [/ERR_CONNECTION_REFUSED/, /Failed to load resource/] });
});

test('with no network a deck is shown from a deep link and moved through by the keyboard', async (t) => {
  const root = await siteCopy(t);
  const server = await startServer({ root });
  const profile = await profileDir(t);
  const context = await launch(profile);
  const { page, errors } = await open(context, `${server.url}/`);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('goal-table').waitFor();

  // At the meeting there is no network: the server stops answering.
  await server.close();
  await page.goto(`${server.url}/presentationer/demo-pres-2017/visa?bild=2`, { waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('big-figure').getByText('927').waitFor();
  await page.keyboard.press('PageDown');
  await page.getByTestId('slide-position').getByText('Bild 3 av 5').waitFor();
  await page.getByTestId('slide-chart').locator('svg').waitFor();
  errors.assertClean({ ignore: [/ERR_CONNECTION_REFUSED/, /Failed to load resource/] });
});

test('a new build waits until the user says "Ladda om", and an unsaved form survives until then', async (t) => {
  const root = await siteCopy(t);
  const server = await startServer({ root });
  t.after(() => server.close());
  const profile = await profileDir(t);
  const context = await launch(profile);

  const { page, errors } = await open(context, `${server.url}/organisation`);
  const oldCache = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('maltavla-')));
  assert.equal(oldCache.length, 1);
  await page.locator('#organisation-name').fill('Inte sparat ännu');

  // A new version is deployed: the worker (and so the build hash) changes.
  const sw = await readFile(join(root, 'sw.js'), 'utf8');
  await writeFile(join(root, 'sw.js'), sw.replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "$1ff"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  await page.getByTestId('update-ready').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('update-ready').innerText(), /Ny version finns — ladda om/);
  // Nothing reloaded by itself: the typed text is still in the form.
  assert.equal(await page.locator('#organisation-name').inputValue(), 'Inte sparat ännu');
  await screenshot(page, 'offline-update-ready');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await waitForApp(page);
  await page.waitForFunction(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('maltavla-'));
    return keys.length === 1 && keys[0].endsWith('ff');
  });
  assert.equal(await page.getByTestId('update-ready').count(), 0);
  errors.assertClean();
});

test('two tabs across a version change: the old tab stores nothing until reloaded, and its "Ladda om" works', async (t) => {
  const root = await siteCopy(t);
  const server = await startServer({ root });
  t.after(() => server.close());
  const profile = await profileDir(t);
  const context = await launch(profile);

  const { page: first, errors } = await open(context, `${server.url}/organisation`);
  const second = await context.newPage();
  const errors2 = collectErrors(second);
  await second.goto(`${server.url}/organisation`, { waitUntil: 'load' });
  await waitForApp(second);
  await second.waitForFunction(() => navigator.serviceWorker?.controller != null);

  // A new version is deployed; both tabs offer it.
  const sw = await readFile(join(root, 'sw.js'), 'utf8');
  await writeFile(join(root, 'sw.js'), sw.replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "$1ee"'));
  await first.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await first.getByTestId('update-ready').waitFor({ timeout: 30_000 });
  await second.getByTestId('update-ready').waitFor({ timeout: 30_000 });

  // The first tab has typed but not saved when the second switches.
  await first.locator('#organisation-name').fill('Skrivet i den gamla fliken');
  await Promise.all([second.waitForEvent('load'), second.getByTestId('update-reload').click()]);
  await waitForApp(second);

  // The first tab now runs the old version: it says so and stores nothing.
  await first.getByTestId('outdated').waitFor({ timeout: 30_000 });
  await first.locator('#organisation-name').press('Enter');
  const refusal = first.locator('[role=alert]', { hasText: 'Inget sparades: en nyare version' });
  await refusal.waitFor();
  assert.equal(await first.locator('#organisation-name').inputValue(), 'Skrivet i den gamla fliken', 'the typing is kept');
  await screenshot(first, 'offline-old-tab-outdated');
  await second.reload({ waitUntil: 'load' });
  await waitForApp(second);
  assert.doesNotMatch(await second.getByTestId('org-name').innerText(), /gamla fliken/, 'nothing was stored');

  // Its "Ladda om" loads the new version, which can save.
  await Promise.all([first.waitForEvent('load'), first.getByTestId('outdated-reload').click()]);
  await waitForApp(first);
  assert.equal(await first.getByTestId('outdated').count(), 0);
  await nameOrganisation(first, 'Sparat efter omladdning');
  errors.assertClean();
  errors2.assertClean();
});

test('a snapshot published next to the app is offered, previewed and merged, once', async (t) => {
  const root = await siteCopy(t);
  // The host publishes the newsletters' data as the part saved for
  // publishing (a file with participations would be refused).
  const fixture = await readFile(join(DIST_DIR, '..', 'tests', 'fixtures', 'snapshots', 'v1.5-public.json'), 'utf8');
  await mkdir(join(root, 'data'), { recursive: true });
  await writeFile(join(root, 'data', 'snapshot.json'), fixture);
  const server = await startServer({ root });
  t.after(() => server.close());
  const context = await launch(await profileDir(t));

  const { page, errors } = await open(context, `${server.url}/`, { controlled: false });
  await page.getByTestId('published-news').waitFor();
  assert.match(await page.getByTestId('published-news').innerText(), /En nyare publicerad sammanställning finns/);
  await page.getByTestId('published-show').click();
  const exchange = new ExchangePage(page);
  await exchange.preview().waitFor();
  assert.match(await exchange.summary().innerText(), /^\d+ nya, 0 ändrade, 0 borttagna/);
  await exchange.confirm();
  await page.locator('header', { hasText: 'Samordningsförbundet Östra Södertörn' }).waitFor();

  // Opened again: the same file (same ETag) is not offered again.
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await page.waitForTimeout(1500);
  assert.equal(await page.getByTestId('published-news').count(), 0);
  errors.assertClean();
});

test('a save that fails for lack of space says so and keeps what the user typed', async (t) => {
  const root = await siteCopy(t);
  const server = await startServer({ root });
  t.after(() => server.close());
  const context = await launch(await profileDir(t));
  // A full disk, switched on by the test: IndexedDB refuses every write the
  // way Chromium does when the quota is used up.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const { page, errors } = await open(context, `${server.url}/organisation`, { controlled: false });
  await page.evaluate(() => (window.__diskFull = true));
  await page.locator('#organisation-name').fill('Förbundet med full disk');
  await page.locator('#organisation-name').press('Enter');
  const alert = page.getByText('Lagringsutrymmet i webbläsaren är fullt');
  await alert.first().waitFor();
  assert.equal(await page.locator('#organisation-name').inputValue(), 'Förbundet med full disk');
  await screenshot(page, 'offline-quota');

  // Space again: the same input saves.
  await page.evaluate(() => (window.__diskFull = false));
  await page.locator('#organisation-name').press('Enter');
  await page.locator('header', { hasText: 'Förbundet med full disk' }).waitFor();
  errors.assertClean({ allowConsoleErrors: true });
});

test('built for a subpath, the app works under it: links, deep links and offline', async (t) => {
  // scripts/test builds this with `--public-url /maltavla/`.
  const built = join(DIST_DIR, '..', 'target', 'dist-subpath');
  const server = await startServer({ root: built, mount: '/maltavla' });
  t.after(() => server.close());
  const context = await launch(await profileDir(t));

  const { page, errors } = await open(context, `${server.url}/maltavla/insatser`);
  await page.getByTestId('nav-exchange').click();
  await page.getByTestId('export-button').waitFor();
  assert.equal(new URL(page.url()).pathname, '/maltavla/dela');
  await page.getByTestId('nav-board').click();
  await page.locator('[data-testid=welcome], [data-testid=goal-table]').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/maltavla/');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(new URL(scope).pathname, '/maltavla/');

  await server.close();
  await page.goto(`${server.url}/maltavla/installningar`, { waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('storage-count').waitFor();
  errors.assertClean({ ignore: [/ERR_CONNECTION_REFUSED/, /Failed to load resource/] });
});
