// Participant flow in headless Chromium, timed the way a projektledare
// waits for it on the "Deltagare" page: a CSV file of N participations
// (Swedish Excel form) is chosen, planned, confirmed, and the flow panel
// then recomputes for a year. The app marks its own steps with User Timing
// (src/browser/perf.rs): `maltavla:csv-read` (decode and split the file),
// `maltavla:csv-plan` (validate every row and plan the import),
// `maltavla:csv-write` (the IndexedDB transaction until shown) and
// `maltavla:flow` (every measure and breakdown for the chosen scope and
// year). As a reference, the same page splits the same text into cells with
// plain JavaScript, so the read can be given as a ratio. What the user
// waits is timed on the page's clock: from the file input's change event
// (the file is read from disk, as from a file dialog) to the report, and
// from "Läs in" pressed to the table updated.
//
//   node e2e/bench/flow.mjs [N ...]      (default: 10000 100000; above
//                                         200 000, N comes in several files)
//   RUNS=3 DIST_DIR=dist node e2e/bench/flow.mjs 10000
//   node e2e/bench/flow.mjs --reimport 100000
//                                        (every row carries its code, and the
//                                         last file comes back edited: what
//                                         exporting, editing in Excel and
//                                         importing again costs)
//
// Prints a markdown table (median, min–max over RUNS runs, each in a new
// browser profile). Nothing passes or fails.
import { cpus, totalmem } from 'node:os';
import { DIST_DIR, launchBrowser } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';
import { csvText } from './participations_csv.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const REIMPORT = process.argv.includes('--reimport');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(10_000, 100_000);

/** At most this many rows per file: the app refuses larger CSV files
 * (`core::csv::MAX_ROWS` is 200 000), so a million records come in five
 * files, as ten years would come in year by year. */
const FILE_ROWS = 200_000;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

const ms = (s) => `${s.median.toFixed(0)} ms | ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms`;

const measures = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);

async function run(server, n) {
  const browser = await launchBrowser();
  try {
    // Every task over 50 ms (the browser reports no shorter ones).
    await browser.context.addInitScript(() => {
      // When the page learns of the file (the input's change event) and
      // when "Läs in" is pressed, on the page's clock.
      globalThis.__benchAt = { chosen: [], confirmed: [] };
      const at = (key, testid) => (e) => {
        if (e.target?.closest?.(`[data-testid=${testid}]`)) globalThis.__benchAt[key].push(performance.now());
      };
      addEventListener('change', at('chosen', 'csv-file'), true);
      addEventListener('click', at('confirmed', 'csv-confirm'), true);
      globalThis.__benchLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__benchLong.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const now = (page) => page.evaluate(() => performance.now());
    // The longest task between two moments of the last file: 0 when none took over 50 ms.
    const longest = (page, from, to) =>
      page.evaluate(
        ([f, t]) => Math.max(0, ...globalThis.__benchLong.filter(([s]) => s >= f && s < t).map(([, d]) => d)),
        [from, to],
      );
    let longestCheck = NaN;
    let longestWrite = NaN;
    // The last file's wait: the input's change event → report shown, and
    // "Läs in" pressed → table updated (the time the user reads the
    // report is not in it).
    let waitCheck = NaN;
    let waitWrite = NaN;
    const lastAt = (page, key) => page.evaluate((k) => globalThis.__benchAt[k].at(-1), key);
    const { board } = await BoardPage.open(browser.context, server.url);
    await board.loadDemo();
    const page = board.page;
    const participants = await ParticipantsPage.goTo(page);
    let split = NaN;
    const confirmed = Date.now();
    for (let from = 0; from < n; from += FILE_ROWS) {
      const rows = Math.min(FILE_ROWS, n - from);
      const text = csvText(rows, from, { codes: REIMPORT });
      const before = await participants.count();
      if (rows === n) {
        split = await page.evaluate((t) => {
          const start = performance.now();
          const cells = t.split('\r\n').map((l) => l.split(';'));
          const took = performance.now() - start;
          return cells.length > 0 ? took : -1;
        }, text);
      }
      const chosenAt = await now(page);
      await participants.chooseCsv(`bench-${from}.csv`, text, { onDisk: true });
      const checkedAt = await now(page);
      const summary = await page.getByTestId('csv-summary').innerText();
      if (!summary.startsWith(`${rows} nya`)) {
        const why = await page.getByTestId('csv-rejected').innerText().catch(() => '');
        throw new Error(`unexpected report: ${summary}\n${why.slice(0, 400)}`);
      }
      await page.getByTestId('csv-confirm').click();
      await page.waitForFunction(
        (want) => document.querySelector('[data-testid=participants-count]').textContent.replace(/\D/g, '') === String(want),
        before + rows,
        { timeout: 900_000 },
      );
      const storedAt = await now(page);
      longestCheck = await longest(page, chosenAt, checkedAt);
      longestWrite = await longest(page, checkedAt, storedAt);
      waitCheck = checkedAt - (await lastAt(page, 'chosen'));
      waitWrite = storedAt - (await lastAt(page, 'confirmed'));
    }
    const imported = Date.now() - confirmed;
    const steps = {
      read: (await measures(page, 'maltavla:csv-read')).at(-1),
      plan: (await measures(page, 'maltavla:csv-plan')).at(-1),
      write: (await measures(page, 'maltavla:csv-write')).at(-1),
    };
    const again = {};
    if (REIMPORT) {
      // The last file back, every tenth ended row ending 30 days later.
      const from = Math.floor((n - 1) / FILE_ROWS) * FILE_ROWS;
      const rows = n - from;
      let changed = 0;
      for (let k = from; k < n; k++) if (k % 10 === 1 && k % 3 !== 0) changed++;
      const writes = (await measures(page, 'maltavla:csv-write')).length;
      const chosenAt = await now(page);
      await participants.chooseCsv(`bench-${from}-edited.csv`, csvText(rows, from, { codes: true, edited: true }), {
        onDisk: true,
      });
      const checkedAt = await now(page);
      const summary = await page.getByTestId('csv-summary').innerText();
      if (!summary.startsWith(`0 nya, ${changed} ändrade, ${rows - changed} oförändrade, 0 med fel`)) {
        throw new Error(`unexpected report of the edited file: ${summary}`);
      }
      await page.getByTestId('csv-confirm').click();
      await page.waitForFunction(
        (w) => performance.getEntriesByName('maltavla:csv-write', 'measure').length > w,
        writes,
        { timeout: 900_000 },
      );
      const storedAt = await now(page);
      Object.assign(again, {
        againPlan: (await measures(page, 'maltavla:csv-plan')).at(-1),
        againWrite: (await measures(page, 'maltavla:csv-write')).at(-1),
        againChecked: checkedAt - (await lastAt(page, 'chosen')),
        againLongestCheck: await longest(page, chosenAt, checkedAt),
        againLongestWrite: await longest(page, checkedAt, storedAt),
      });
    }
    // The flow for the whole förbund, recomputed on each change of year.
    for (const year of [2016, 2017, 2016, 2017, 2016]) {
      await participants.chooseYear(year);
      await page.getByTestId('flow-measures').waitFor();
    }
    const flow = (await measures(page, 'maltavla:flow')).slice(-5);
    return {
      split,
      ...steps,
      imported,
      waitCheck,
      waitWrite,
      waited: waitCheck + waitWrite,
      longestCheck,
      longestWrite,
      flow: stats(flow).median,
      ...again,
    };
  } finally {
    await browser.close();
  }
}

const server = await startServer({ root: DIST_DIR });
try {
  console.log(`Participant flow in headless Chromium — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`Command: node e2e/bench/flow.mjs ${REIMPORT ? '--reimport ' : ''}${SIZES.join(' ')} (RUNS=${RUNS}), release build in ${DIST_DIR}\n`);
  console.log('| records | step | median | min–max |');
  console.log('|---:|---|---:|---:|');
  for (const n of SIZES) {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await run(server, n));
    const files = Math.ceil(n / FILE_ROWS);
    const of = files > 1 ? ` (the last of ${files} files of ${FILE_ROWS})` : '';
    const row = (step, key) => console.log(`| ${n} | ${step} | ${ms(stats(results.map((r) => r[key])))} |`);
    if (files === 1) row('JS split of the text into cells (reference)', 'split');
    row(`CSV read (\`maltavla:csv-read\`)${of}`, 'read');
    row(`validate and plan every row (\`maltavla:csv-plan\`)${of}`, 'plan');
    row(`IndexedDB write + show (\`maltavla:csv-write\`)${of}`, 'write');
    row(`file chosen (input's change event) → report shown${of}`, 'waitCheck');
    row(`"Läs in" pressed → table updated${of}`, 'waitWrite');
    row(`**what the user waits: the two together**${of}`, 'waited');
    row(files > 1 ? 'bench clock: first file made → the last file shown (includes making the files and handing them over)' : 'bench clock: file made → table shown (includes making the file and handing it over)', 'imported');
    row(`longest task from file chosen to report shown (0: none over 50 ms)${of}`, 'longestCheck');
    row(`longest task from "Läs in" to the table updated (0: none over 50 ms)${of}`, 'longestWrite');
    row('flow report for a year, whole förbund (`maltavla:flow`, median of 5 recomputes)', 'flow');
    if (REIMPORT) {
      const last = files > 1 ? 'the last file' : 'the file';
      row(`${last} again, edited (every tenth ended row changed): file chosen → report shown`, 'againChecked');
      row(`… its plan (\`maltavla:csv-plan\`)`, 'againPlan');
      row(`… its IndexedDB write + show (\`maltavla:csv-write\`)`, 'againWrite');
      row('… longest task from file chosen to report shown', 'againLongestCheck');
      row('… longest task from "Läs in" to the table updated', 'againLongestWrite');
    }
    if (files > 1) continue;
    const ratios = stats(results.map((r) => r.read / r.split));
    console.log(`| ${n} | **CSV read ÷ JS split** | **${ratios.median.toFixed(1)}×** | ${ratios.min.toFixed(1)}–${ratios.max.toFixed(1)}× |`);
  }
} finally {
  await server.close();
}
