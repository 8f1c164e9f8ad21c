// Start-up in headless Chromium: from navigation to the board's first chart,
// with the example data stored.
//
// - cold: the site's caches are empty (no service worker, no HTTP cache);
//   everything comes from the local static server.
// - warm offline: the service worker has this build; the server is stopped,
//   so nothing can come from the network.
//
// Each run is a new browser profile that first loads the example data (so
// the board has charts), then is measured cold and warm offline. The time
// is read in the page (first_chart.mjs: the end of the frame after the
// first chart's <svg> entered the DOM, in milliseconds since navigation
// started; not when Playwright's polling noticed it). The cold start also
// records the files the page itself fetched, and their gzip -9 size.
//
//   RUNS=7 node e2e/bench/startup.mjs
//   RUNS=7 COMPARE_DIST_DIR=target/dist-unsplit node e2e/bench/startup.mjs
//
// With COMPARE_DIST_DIR, each run measures that build too (the two in turn,
// the order alternating), so the two are compared in one run on one machine.
// Prints a markdown table; nothing passes or fails.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, launchBrowser, openApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { firstChart, watchFirstChart } from './first_chart.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const BUILDS = [DIST_DIR, process.env.COMPARE_DIST_DIR].filter(Boolean);
const CHART = '[data-testid=goal-table] svg, figure.chart svg';

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Navigates a new tab to the board; returns ms from navigation start to the
 * first chart, and the paths the page itself requested.
 */
async function timeToChart(context, url) {
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await watchFirstChart(page, CHART);
  await page.goto(url, { waitUntil: 'commit' });
  const { drawn: ms } = await firstChart(page, 60_000);
  await page.close();
  return { ms, fetched };
}

/** The gzip -9 bytes of the build's files among `paths` (each counted once). */
function gzipped(root, paths) {
  let bytes = 0;
  for (const path of new Set(paths)) {
    const file = join(root, path === '/' || !path.includes('.') ? 'index.html' : path);
    try {
      bytes += gzipSync(readFileSync(file), { level: 9 }).length;
    } catch {
      // Not a file of the build (the published snapshot's 404).
    }
  }
  return bytes;
}

/**
 * Waits until the page is controlled by the service worker, reloading it if
 * the worker the cold start registered is still installing or was
 * resurrected from the unregistered one (the page then loads uncontrolled).
 */
async function untilControlled(page) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 10_000 })
      .then(() => true, () => false);
    if (controlled) return;
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
  }
  throw new Error('the service worker never took control of the page after four loads');
}

async function run(root) {
  const server = await startServer({ root });
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url, '/');
    await page.getByTestId('load-demo').click();
    await page.getByTestId('goal-table').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    const url = `${server.url}/?period=2017`;

    // Cold: forget the worker, its caches and the HTTP cache; keep the data.
    const cdp = await browser.context.newCDPSession(page);
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    await cdp.send('Network.clearBrowserCache');
    await page.close();
    const { ms: cold, fetched } = await timeToChart(browser.context, url);
    const firstKb = gzipped(root, fetched) / 1024;

    // Warm offline: the worker is back (the cold start registered it) and
    // the server is gone.
    const again = await browser.context.newPage();
    await again.goto(url);
    await untilControlled(again);
    await again.close();
    await server.close();
    const { ms: warm } = await timeToChart(browser.context, url);
    return { cold, warm, firstKb };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results = new Map(BUILDS.map((b) => [b, []]));
for (let i = 0; i < RUNS; i++) {
  const order = i % 2 === 0 ? BUILDS : [...BUILDS].reverse();
  for (const root of order) results.get(root).push(await run(root));
}
const compare = BUILDS.length > 1 ? ` COMPARE_DIST_DIR=${BUILDS[1]}` : '';
console.log(`Start-up in headless Chromium — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`Command: RUNS=${RUNS}${compare} node e2e/bench/startup.mjs, release build in ${DIST_DIR}, example data stored\n`);
console.log('| build | navigation → first chart | median | min–max |');
console.log('|---|---|---:|---:|');
for (const [root, runs] of results) {
  const row = (name, key, unit, digits) => {
    const s = stats(runs.map((r) => r[key]));
    const f = (v) => `${v.toFixed(digits)} ${unit}`;
    console.log(`| ${root} | ${name} | ${f(s.median)} | ${f(s.min)}–${f(s.max)} |`);
  };
  row('cold (empty caches, local server)', 'cold', 'ms', 0);
  row('warm offline (service worker, server stopped)', 'warm', 'ms', 0);
  row('bytes the page fetched cold (gzip -9)', 'firstKb', 'KB', 1);
}
