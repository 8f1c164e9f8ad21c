// Snapshot import in headless Chromium, timed the way a user waits for it
// on the "Dela data" page: a file of the demo data plus N outcome records
// is chosen, previewed and merged into an empty app. The app marks its own
// steps with User Timing (src/browser/perf.rs): `maltavla:file` (the picked
// file read as text), `maltavla:read` (parse and check), `maltavla:plan`
// (the preview's merge) and `maltavla:write` (the IndexedDB transaction
// until the page shows the result). In the same page
// the browser's own JSON.parse of the same text is timed, so read can be
// given as a ratio that does not depend on the machine.
//
//   node e2e/bench/import.mjs [N ...]      (default: 10000 100000)
//   RUNS=5 DIST_DIR=dist node e2e/bench/import.mjs 10000
//
// Prints a markdown table (median, min–max over RUNS runs, each in a new
// browser profile). Nothing passes or fails.
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, E2E_DIR, launchBrowser, openApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { ExchangePage } from '../pages/exchange.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(10_000, 100_000);

/** The demo export (a test fixture) with `n` monthly outcomes added. */
async function snapshotText(n) {
  const demo = await readFile(join(E2E_DIR, '..', 'tests', 'fixtures', 'snapshots', 'v1.0.json'), 'utf8');
  const insatser = ['demo-cm', 'demo-kbt', 'demo-se', 'demo-ut-haninge', 'demo-ung-nynas', 'demo-ung-tyreso'];
  const lines = [];
  for (let k = 0; k < n; k++) {
    const month = k % 120;
    const period = `${2015 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const record = {
      outcome: {
        breakdown: null,
        indicator: 'demo-ind-deltagare',
        meta: { id: `bench-${k}`, stamp: { device: 'bench', hlc: [1_700_000_000_000 + k, 0] } },
        note: '',
        period,
        reported_on: null,
        scope: `insats:${insatser[k % insatser.length]}`,
        source: 'manual',
        value: { count: k % 97 },
      },
    };
    lines.push(JSON.stringify(record));
  }
  const end = demo.lastIndexOf('\n]}');
  return `${demo.slice(0, end)},\n${lines.join(',\n')}\n]}\n`;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

const ms = (s) => `${s.median.toFixed(0)} ms | ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms`;

/** One run: a new profile, the file chosen, previewed and merged. */
async function run(server, text) {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url, '/dela');
    const exchange = new ExchangePage(page);
    await page.getByTestId('export-button').waitFor();
    // The browser's own parse of the same text, in this page.
    const jsonParse = await page.evaluate((t) => {
      const start = performance.now();
      const doc = JSON.parse(t);
      const took = performance.now() - start;
      return doc.records.length > 0 ? took : -1;
    }, text);
    const chosen = Date.now();
    await exchange.chooseFile({ name: 'bench.json', text });
    const preview = Date.now() - chosen;
    const started = Date.now();
    await exchange.confirm();
    const merged = Date.now() - started;
    const measures = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])),
    );
    return {
      jsonParse,
      file: measures['maltavla:file'],
      read: measures['maltavla:read'],
      plan: measures['maltavla:plan'],
      write: measures['maltavla:write'],
      preview,
      merged,
    };
  } finally {
    await browser.close();
  }
}

const server = await startServer({ root: DIST_DIR });
try {
  console.log(`Snapshot import in headless Chromium — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`Command: node e2e/bench/import.mjs ${SIZES.join(' ')} (RUNS=${RUNS}), release build in ${DIST_DIR}\n`);
  console.log('| records | file | step | median | min–max |');
  console.log('|---:|---:|---|---:|---:|');
  for (const n of SIZES) {
    const text = await snapshotText(n);
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await run(server, text));
    const mb = `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
    const row = (step, key) => console.log(`| ${n} | ${mb} | ${step} | ${ms(stats(results.map((r) => r[key])))} |`);
    row('JSON.parse of the text (reference)', 'jsonParse');
    row('the picked file read as text (`maltavla:file`)', 'file');
    row('read: parse + check (`maltavla:read`)', 'read');
    row('plan the merge (`maltavla:plan`)', 'plan');
    row('file chosen → preview shown (includes the test harness sending the file)', 'preview');
    row('IndexedDB write + show (`maltavla:write`)', 'write');
    row('"Slå samman" → done', 'merged');
    const ratios = stats(results.map((r) => r.read / r.jsonParse));
    console.log(`| ${n} | ${mb} | **read ÷ JSON.parse** | **${ratios.median.toFixed(1)}×** | ${ratios.min.toFixed(1)}–${ratios.max.toFixed(1)}× |`);
  }
} finally {
  await server.close();
}
