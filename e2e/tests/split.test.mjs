// The wasm split per area of pages (scripts/build-wasm): a first visit to
// the board fetches the main module and nothing a later page needs; a page
// fetches its own part when it first opens; and after one online visit the
// service worker has every part, so every page opens in a fresh tab with no
// network; a part that cannot be fetched gives a notice, not a dead app.
//
// "Fetched" means what the page itself asks for (Playwright's page
// requests, whether the network or the service worker answers), not the
// service worker's precache of the whole build, which runs beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DIST_DIR, collectErrors, launchBrowser, screenshot, waitForApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { PAGES } from '../pages/routes.mjs';

/** A part of the split wasm that only some pages need. */
const PAGE_PART = /\/(split|chunk)_[^/]*\.wasm$/;

/** The paths (no query) a page requests from now on, in order. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** Every file of the build, as paths from the site's root. */
async function buildFiles(dir = DIST_DIR) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `/${relative(dir, join(e.parentPath, e.name))}`);
}

/**
 * A new browser on a server of `root`, with one page open at the site's
 * root once the app runs; both are closed after the test. `beforeGoto`
 * sees the page before it navigates (to record its requests); what it
 * returns comes back as `seen`.
 */
async function openSite(t, root = DIST_DIR, beforeGoto = () => undefined) {
  const server = await startServer({ root });
  t.after(() => server.close());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const seen = beforeGoto(page);
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  await waitForApp(page);
  return { server, browser, page, errors, seen };
}

test('the build is split: the main module and a part for each area of pages', async () => {
  const wasm = (await buildFiles()).filter((p) => p.endsWith('.wasm'));
  assert.equal(wasm.filter((p) => p.endsWith('/maltavla_bg.wasm')).length, 1, wasm.join(' '));
  const parts = ['record_pages', 'participant_pages', 'meeting_pages', 'report_pages', 'exchange_pages', 'demo_records',
    'english_texts', 'weigh_published'];
  for (const area of parts) {
    assert.ok(wasm.some((p) => PAGE_PART.test(p) && p.includes(area)), `no part for ${area} in ${wasm.join(' ')}`);
  }
});

test('a first visit to the board fetches no page part, and a page fetches its own when it opens', async (t) => {
  const { server, browser, page, errors, seen: fetched } = await openSite(t, DIST_DIR, recordRequests);
  await page.getByTestId('welcome').waitFor();
  const wasm = fetched.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm.map((p) => p.split('/').pop()), ['maltavla_bg.wasm'], fetched.join('\n'));

  // The example data is a part of its own, fetched by the button.
  await page.getByTestId('load-demo').click();
  await page.getByTestId('goal-table').waitFor();
  assert.ok(fetched.some((p) => PAGE_PART.test(p) && p.includes('demo_records')), fetched.join('\n'));

  // The board with data, in a new tab: still only the main module.
  const board = await browser.context.newPage();
  const boardErrors = collectErrors(board);
  const boardFetched = recordRequests(board);
  await board.goto(`${server.url}/?period=2017`, { waitUntil: 'load' });
  await board.locator('[data-testid=goal-table] svg, figure.chart svg').first().waitFor();
  assert.deepEqual(boardFetched.filter((p) => PAGE_PART.test(p)), [], boardFetched.join('\n'));

  // Insatser, through the menu: its area's part arrives, and no other area's.
  await board.getByTestId('nav-insatser').click();
  await board.getByTestId('insats-list').waitFor();
  const parts = boardFetched.filter((p) => PAGE_PART.test(p));
  assert.ok(parts.some((p) => p.includes('record_pages')), parts.join(' '));
  for (const other of ['participant_pages', 'meeting_pages', 'report_pages', 'exchange_pages']) {
    assert.ok(!parts.some((p) => p.includes(other)), `${other} fetched for Insatser: ${parts.join(' ')}`);
  }
  // Back to the board and to Insatser again: nothing is fetched twice.
  const before = boardFetched.length;
  await board.goBack();
  await board.getByTestId('goal-table').waitFor();
  await board.goForward();
  await board.getByTestId('insats-list').waitFor();
  assert.deepEqual(boardFetched.slice(before).filter((p) => p.endsWith('.wasm')), []);
  errors.assertClean();
  boardErrors.assertClean();
});

test('English is fetched when chosen, and a fresh tab in English has it before its first page, offline too', async (t) => {
  const { server, browser, page, errors, seen: fetched } = await openSite(t, DIST_DIR, recordRequests);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('goal-table').waitFor();
  assert.ok(!fetched.some((p) => p.includes('english_texts')), 'English fetched before it was chosen');
  await page.getByTestId('nav-settings').click();
  await page.locator('#settings-language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(fetched.filter((p) => /\/split_english_texts\.wasm$/.test(p)).length, 1, fetched.join('\n'));
  assert.equal(await page.getByTestId('nav-board').innerText(), 'Goal attainment');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  errors.assertClean();

  // With no network, a new tab of the board is in English from its first
  // chart: the part comes from the service worker before the page is built.
  await server.close();
  const tab = await browser.context.newPage();
  const tabErrors = collectErrors(tab);
  await tab.goto(`${server.url}/?period=2017`, { waitUntil: 'load' });
  await tab.getByTestId('goal-table').waitFor();
  assert.equal(await tab.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await tab.locator('h1').first().innerText(), 'Goal attainment');
  tabErrors.assertClean({ ignore: [/ERR_CONNECTION_REFUSED/, /Failed to load resource/] });
});

test('after one online visit every page opens in a fresh tab with no network', async (t) => {
  const { server, browser, page, errors } = await openSite(t);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('goal-table').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  // The worker's cache holds every part of the build, not only those seen.
  const cached = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('maltavla-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  const wasm = (await buildFiles()).filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm.filter((p) => !cached.includes(p)), [], 'wasm files the worker did not cache');
  errors.assertClean();

  await server.close();
  const offline = [/ERR_CONNECTION_REFUSED/, /Failed to load resource/];
  const seen = new Set();
  for (const { name, path, ready } of PAGES) {
    if (!ready || seen.has(path)) continue;
    seen.add(path);
    const tab = await browser.context.newPage();
    const tabErrors = collectErrors(tab);
    await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    await waitForApp(tab);
    await tab.getByTestId(ready).first().waitFor({ timeout: 15_000 });
    const heading = await tab.locator('h1').first().textContent();
    assert.notEqual(heading, 'Sidan finns inte', `${name} (${path}) opened as not found`);
    tabErrors.assertClean({ ignore: offline });
    await tab.close();
  }
  assert.ok(seen.size >= 20, `opened ${seen.size} pages`);
});

test('a page whose part cannot be fetched says so in Swedish, and opens when it can', async (t) => {
  // A copy of the build with the records area's part missing, as for a tab
  // that has no network before the service worker has the build (its
  // install fails here too, so nothing answers from its cache).
  const root = await mkdtemp(join(tmpdir(), 'maltavla-e2e-split-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await cp(DIST_DIR, root, { recursive: true });
  const part = (await buildFiles(root)).find((p) => /\/split_record_pages\.wasm$/.test(p));
  await rename(join(root, part), join(root, `${part}.away`));
  const { page, errors } = await openSite(t, root);
  await page.getByTestId('nav-insatser').click();
  const notice = page.getByTestId('part-missing');
  await notice.waitFor();
  assert.match(await notice.getByRole('alert').innerText(), /^Den här delen av Måltavla är inte hämtad .*Inget har ändrats\.$/);
  await screenshot(page, 'split-part-missing');
  // The rest of the app still works: the menu leads back to the board.
  await page.getByTestId('nav-board').click();
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('nav-insatser').click();
  await notice.waitFor();

  // The network is back: "Försök igen" fetches the part and shows the page.
  await rename(join(root, `${part}.away`), join(root, part));
  await notice.getByRole('button', { name: 'Försök igen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
  assert.equal(await notice.count(), 0);
  // The browser's own words for the 404 and the failed compile; nothing else.
  errors.assertClean({
    ignore: [/Failed to load resource: .*404/, /Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok/],
  });
});
