// The synthetic förbund (benches/synthetic: ten years, 50 insatser, 30
// indicators with targets and outcomes per month, N participations) in
// headless Chromium, the way a user meets it:
//
// 1. import: the snapshot file is chosen on "Dela data", previewed and
//    merged into an empty app; the app's User Timing marks
//    (src/browser/perf.rs) give the file read, the parse and check, the
//    merge plan and the IndexedDB write. The browser's own JSON.parse of
//    the same file in the same page is the reference for the read.
// 2. memory after the import: the wasm memory (the module's
//    WebAssembly.Memory, from Trunk's TrunkApplicationStarted event — it
//    never shrinks, so its size is its peak), the JS heap (DevTools
//    protocol Runtime.getHeapUsage: the peak of samples every 250 ms during
//    the import, and the size after a garbage collection) and the
//    renderer process's peak resident memory (VmHWM in /proc).
// 3. start-up with the data stored: navigation to the board's first chart,
//    timed in the page (first_chart.mjs), not by Playwright's polling.
// 4. the board: its recompute (`maltavla:board`: every target of the year
//    with outcome, status and protection; `maltavla:board-untargeted`), and
//    a period change — the year typed into the period picker until the
//    heading, the table and both charts show the new year in the DOM, and
//    until the next frame is drawn.
// 5. the board's tab while guests are checked in in another tab: the
//    longest task it runs meanwhile.
// 6. the flow panel on "Deltagare": every measure and breakdown for the
//    whole förbund (`maltavla:flow`), recomputed on each change of year.
//
//   node e2e/bench/synthetic.mjs N [N ...]     (files from
//       `cargo run --profile bench --example bench_data -- DIR N ...`,
//       read from BENCH_DATA_DIR, default target/bench-data)
//   RUNS=5 node e2e/bench/synthetic.mjs 10000 100000
//   RUNS_LARGE=3 (runs for N >= 1 000 000)
//
// Prints markdown tables (median, min–max over the runs, each in a new
// browser profile) and writes them as JSON to BENCH_JSON when set.
// Nothing passes or fails.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, E2E_DIR, launchProfile, waitForApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { firstChart, watchFirstChart } from './first_chart.mjs';
import { ExchangePage } from '../pages/exchange.mjs';
import { MeetingsPage } from '../pages/meetings.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const RUNS_LARGE = Number(process.env.RUNS_LARGE ?? 3);
const DATA_DIR = process.env.BENCH_DATA_DIR ?? join(E2E_DIR, '..', 'target', 'bench-data');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(10_000, 100_000);
const YEAR = 2020;
const OTHER_YEAR = 2021;
const CHANGES = 6;
const CHECK_INS = 5;

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const sorted = [...v].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], n: v.length };
}

const median = (values) => stats(values).median;

/** Pids of the processes under the browser started on `profileDir` whose command line matches `type`. */
async function chromiumPids(profileDir, type) {
  const procs = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').join(' ');
      const ppid = Number((await readFile(`/proc/${name}/stat`, 'utf8')).split(') ')[1].split(' ')[1]);
      procs.push({ pid: Number(name), ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  const roots = procs.filter((p) => p.cmd.includes(`--user-data-dir=${profileDir}`) && !p.cmd.includes('--type='));
  const ours = new Set(roots.map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => ours.has(p.pid) && p.cmd.includes(`--type=${type}`)).map((p) => p.pid);
}

/** VmHWM (peak resident set) of `pid` in bytes, or NaN. */
async function peakResident(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return kb * 1024;
  } catch {
    return NaN;
  }
}

/**
 * Times "Slå samman" in the page: from the button's click until the import
 * is done (the preview gone, the file input enabled again; a
 * MutationObserver checks after every change) and until the next frame is
 * drawn. Not Playwright's waiting, which polls every 500 ms after the
 * first 270 ms.
 */
function timeMerge(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let start;
        document
          .querySelector('[data-testid=import-confirm]')
          .addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const input = document.querySelector('[data-testid=import-file]');
          if (start === undefined || !input || input.disabled || document.querySelector('[data-testid=import-preview]')) return;
          observer.disconnect();
          const done = performance.now() - start;
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ done, drawn: performance.now() - start });
            ch.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
}

const measures = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);

/**
 * Changes the board's year in the page and times it: from the input event
 * until the DOM shows the new year in the heading and both charts (a
 * MutationObserver checks after every change), and until the next frame.
 */
function changeYear(page, year) {
  return page.evaluate(async (y) => {
    const input = document.querySelector('#board-period-year');
    const shows = () => {
      const heading = document.querySelector('[data-testid=board-period]')?.textContent ?? '';
      const titles = [...document.querySelectorAll('[data-testid^=chart-] svg title')].map((t) => t.textContent);
      return heading.includes(String(y)) && titles.length >= 2 && titles.every((t) => t.includes(String(y)));
    };
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shows()) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const start = performance.now();
    input.value = String(y);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const dom = await done;
    // The next frame: requestAnimationFrame runs before style and layout,
    // the message after it once the frame is drawn.
    const painted = await new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
      }),
    );
    return { dom: dom - start, frame: painted - start };
  }, year);
}

/**
 * Types `count` characters into the input `selector` one at a time, as a
 * keyboard would (an `input` event each), and times each from the event
 * until the page has handled it, and until the next frame is drawn.
 */
function keystrokes(page, selector, count) {
  return page.evaluate(
    async ([sel, n]) => {
      const input = document.querySelector(sel);
      input.focus();
      const handled = [];
      const framed = [];
      const afterTasks = () =>
        new Promise((resolve) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(null);
        });
      for (let i = 0; i < n; i++) {
        // Start each keystroke just after a frame, as a typist's key
        // lands at any time and the wait for the next frame is not work.
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const start = performance.now();
        input.value += 'k';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'k', inputType: 'insertText' }));
        // The event, then the reactive updates it scheduled (microtasks).
        handled.push((await afterTasks()) - start);
        const painted = await new Promise((resolve) => requestAnimationFrame(() => resolve(afterTasks())));
        framed.push(painted - start);
      }
      return { handled, framed };
    },
    [selector, count],
  );
}

async function run(server, n, file) {
  const profileDir = await mkdtemp(join(tmpdir(), 'maltavla-bench-profile-'));
  const context = await launchProfile(profileDir);
  try {
    await context.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        globalThis.__benchWasm = e.detail.wasm;
      });
      // Every task over 50 ms (the browser reports no shorter ones), as
      // [start, duration], for the longest task of each import step.
      globalThis.__benchLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__benchLong.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(1_800_000);
    await page.goto(new URL('/dela', server.url).href, { waitUntil: 'load' });
    await waitForApp(page);
    await page.getByTestId('export-button').waitFor();
    const cdp = await context.newCDPSession(page);
    const exchange = new ExchangePage(page);

    // Sample the JS heap while the import runs.
    let heapPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          heapPeak = Math.max(heapPeak, usedSize);
        } catch {
          // the page is busy or navigating
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const now = () => page.evaluate(() => performance.now());
    const chosenAt = await now();
    const chosen = Date.now();
    await exchange.chooseFile(file);
    const preview = Date.now() - chosen;
    const previewAt = await now();
    const wasmPreview = await page.evaluate(() => globalThis.__benchWasm?.memory?.buffer.byteLength ?? NaN);
    const mergeTimer = timeMerge(page);
    await exchange.confirm();
    const { done: merged, drawn: mergedDrawn } = await mergeTimer;
    const mergedAt = await now();
    // The longest task between two moments: 0 when none took over 50 ms.
    const longTasks = await page.evaluate(() => globalThis.__benchLong);
    const longest = (from, to) =>
      Math.max(0, ...longTasks.filter(([start]) => start >= from && start < to).map(([, d]) => d));
    const longestPreview = longest(chosenAt, previewAt);
    const longestMerge = longest(previewAt, mergedAt);
    sampling = false;
    await sampler;
    const [file_, read, plan, write, writeRead, writeMerge, writeCommit, writeShow] = await Promise.all(
      [
        'maltavla:file',
        'maltavla:read',
        'maltavla:plan',
        'maltavla:write',
        'maltavla:write-read',
        'maltavla:write-merge',
        'maltavla:write-commit',
        'maltavla:write-show',
      ].map(async (m) => (await measures(page, m)).at(-1)),
    );
    const wasm = await page.evaluate(() => globalThis.__benchWasm?.memory?.buffer.byteLength ?? NaN);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfter = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const renderers = await chromiumPids(profileDir, 'renderer');
    const resident = Math.max(...(await Promise.all(renderers.map(peakResident))));

    // The flow right after the import, in the same page (the records were
    // put into the workspace among the import's freed allocations).
    const flowYears = async (years) => {
      for (const y of years) {
        const before = (await measures(page, 'maltavla:flow')).length;
        await page.locator('#flow-year').selectOption(String(y));
        await page.waitForFunction((b) => performance.getEntriesByName('maltavla:flow', 'measure').length > b, before);
      }
      return (await measures(page, 'maltavla:flow')).slice(-years.length);
    };
    await page.getByTestId('nav-participants').click();
    await page.getByTestId('flow-measures').waitFor();
    const flowAfterImport = median(await flowYears([OTHER_YEAR, YEAR, OTHER_YEAR]));

    // The reference: the browser's own parse of the same file, in this page.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-reference';
      input.hidden = true;
      document.body.append(input);
    });
    await page.locator('#bench-reference').setInputFiles(file);
    const jsonParse = await page.evaluate(async () => {
      const input = document.querySelector('#bench-reference');
      const text = await input.files[0].text();
      const start = performance.now();
      const doc = JSON.parse(text);
      const took = performance.now() - start;
      input.remove();
      return doc.records.length > 0 ? took : NaN;
    });

    // Start-up with the data stored, straight onto the board.
    await watchFirstChart(page, '[data-testid=chart-counts] svg');
    await page.goto(new URL(`/?period=${YEAR}`, server.url).href, { waitUntil: 'commit' });
    const { dom: startupDom, drawn: startup } = await firstChart(page);
    const wasmRestarted = await page.evaluate(() => globalThis.__benchWasm?.memory?.buffer.byteLength ?? NaN);
    await page.locator('#board-period-year').waitFor();
    const firstBoard = (await measures(page, 'maltavla:board')).at(-1);
    const storageRead = (await measures(page, 'maltavla:storage-read')).at(-1);
    const storageDecode = (await measures(page, 'maltavla:storage-decode')).at(-1);
    const workspace = (await measures(page, 'maltavla:workspace')).at(-1);
    // When the app began reading storage (the wasm fetched, compiled and
    // started) and when the workspace was ready, from navigation start.
    const [readFrom, workspaceReady] = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n, 'measure').at(-1);
      const ws = at('maltavla:workspace');
      return [at('maltavla:storage-read')?.startTime ?? NaN, ws ? ws.startTime + ws.duration : NaN];
    });
    const shown = startupDom - workspaceReady;
    const firstPaint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    );
    const rows = await page.getByTestId('goal-row').count();

    // Period changes, back and forth.
    const changes = [];
    for (let i = 0; i < CHANGES; i++) changes.push(await changeYear(page, i % 2 === 0 ? OTHER_YEAR : YEAR));
    const board = (await measures(page, 'maltavla:board')).slice(-CHANGES);
    const untargeted = (await measures(page, 'maltavla:board-untargeted')).slice(-CHANGES);

    // The projector case: the board shown in this tab while guests are
    // checked in at a frukostmöte in another. Each check-in reaches this
    // tab (it reads the stored arrival back); the longest task this tab
    // runs meanwhile is what its viewers could see stall.
    const other = await context.newPage();
    await other.goto(new URL('/frukostmoten', server.url).href, { waitUntil: 'load' });
    await waitForApp(other);
    await other.getByTestId('new-meeting').waitFor();
    const meeting = await new MeetingsPage(other).create({ date: `${YEAR}-05-06`, theme: 'Bänkmöte' });
    const checkIn = await meeting.openCheckIn();
    await page.waitForTimeout(1000);
    const checksFrom = await now();
    const boardsBefore = (await measures(page, 'maltavla:board')).length;
    for (let i = 1; i <= CHECK_INS; i++) {
      await checkIn.checkIn();
      await checkIn.waitForCount(String(i));
    }
    await page.waitForTimeout(1000);
    const checksTo = await now();
    const longAfter = await page.evaluate(() => globalThis.__benchLong);
    const boardTabLongest = Math.max(
      0,
      ...longAfter.filter(([start]) => start >= checksFrom && start < checksTo).map(([, d]) => d),
    );
    const boardTabRecomputes = (await measures(page, 'maltavla:board')).length - boardsBefore;
    await other.close();

    // The flow panel.
    const toParticipants = Date.now();
    await page.getByTestId('nav-participants').click();
    await page.getByTestId('flow-measures').waitFor();
    const participantsShown = Date.now() - toParticipants;
    const flow = await flowYears([OTHER_YEAR, YEAR, OTHER_YEAR, YEAR, OTHER_YEAR]);
    // Typing a new participation's code on the same page, every
    // participation stored.
    const typed = await keystrokes(page, '[data-testid=participation-entry] input[type=text]', 12);
    await cdp.detach().catch(() => {});
    return {
      jsonParse,
      file: file_,
      read,
      plan,
      write,
      writeRead,
      writeMerge,
      writeCommit,
      writeShow,
      preview,
      merged,
      mergedDrawn,
      longestPreview,
      longestMerge,
      ratio: read / jsonParse,
      wasm,
      wasmPreview,
      heapPeak,
      heapAfter,
      resident,
      wasmRestarted,
      startup,
      startupDom,
      firstBoard,
      storageRead,
      storageDecode,
      workspace,
      firstPaint,
      readFrom,
      shown,
      rows,
      board: median(board),
      untargeted: median(untargeted),
      dom: median(changes.map((c) => c.dom)),
      frame: median(changes.map((c) => c.frame)),
      participantsShown,
      flow: median(flow),
      keystroke: median(typed.handled),
      keystrokeMax: Math.max(...typed.handled),
      keystrokeFrame: median(typed.framed),
      flowAfterImport,
      boardTabLongest,
      boardTabRecomputes,
    };
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

const fmtMs = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
const fmtMb = (x) => (x / 2 ** 20).toFixed(0);
const cell = (s, unit) => {
  if (!Number.isFinite(s.median)) return '– | –';
  if (unit === 'MB') return `${fmtMb(s.median)} MB | ${fmtMb(s.min)}–${fmtMb(s.max)} MB`;
  if (unit === 'n') return `${s.median} | ${s.min}–${s.max}`;
  if (unit === '×') return `${s.median.toFixed(1)}× | ${s.min.toFixed(1)}–${s.max.toFixed(1)}×`;
  return `${fmtMs(s.median)} ms | ${fmtMs(s.min)}–${fmtMs(s.max)} ms`;
};

const STEPS = [
  ['import', 'JSON.parse of the file (reference)', 'jsonParse'],
  ['import', 'the picked file read as text (`maltavla:file`)', 'file'],
  ['import', 'read: parse + check (`maltavla:read`)', 'read'],
  ['import', '**read ÷ JSON.parse**', 'ratio', '×'],
  ['import', 'plan the merge (`maltavla:plan`)', 'plan'],
  ['import', 'IndexedDB write + show (`maltavla:write`)', 'write'],
  ['import', 'file chosen → preview shown (includes Playwright handing over the file)', 'preview'],
  ['import', '"Slå samman" → done (preview gone, file input enabled again; timed in the page)', 'merged'],
  ['import', '"Slå samman" → next frame drawn', 'mergedDrawn'],
  ['import', 'of which: IndexedDB read of the buckets written (`maltavla:write-read`)', 'writeRead'],
  ['import', 'of which: merge with the stored copies and encode (`maltavla:write-merge`)', 'writeMerge'],
  ['import', 'of which: IndexedDB put and commit (`maltavla:write-commit`)', 'writeCommit'],
  ['import', 'of which: the records into the workspace (`maltavla:write-show`)', 'writeShow'],
  ['import', 'longest task from file chosen to preview shown (0: none over 50 ms)', 'longestPreview'],
  ['import', 'longest task from "Slå samman" to done (0: none over 50 ms)', 'longestMerge'],
  ['memory', 'wasm memory once the preview is shown (file read, checked, merge planned)', 'wasmPreview', 'MB'],
  ['memory', 'wasm memory after the import (its peak: it never shrinks)', 'wasm', 'MB'],
  ['memory', 'JS heap, peak of samples taken between the page\'s tasks during the import', 'heapPeak', 'MB'],
  ['memory', 'JS heap after the import and a garbage collection', 'heapAfter', 'MB'],
  ['memory', 'renderer process, peak resident (VmHWM)', 'resident', 'MB'],
  ['memory', 'wasm memory after a restart with the data stored (what the app keeps)', 'wasmRestarted', 'MB'],
  ['dashboard', 'start-up with the data stored: navigation → first chart drawn (the frame after it is in the DOM)', 'startup'],
  ['dashboard', 'of which: navigation → first chart in the DOM', 'startupDom'],
  ['dashboard', 'of which: first paint (the loading line)', 'firstPaint'],
  ['dashboard', 'of which: navigation → app starts reading storage (wasm fetched, compiled, started)', 'readFrom'],
  ['dashboard', 'of which: IndexedDB read of every bucket, the batches that came first decoded meanwhile (`maltavla:storage-read`)', 'storageRead'],
  ['dashboard', 'of which: decode what came last (`maltavla:storage-decode`)', 'storageDecode'],
  ['dashboard', 'of which: build the workspace (`maltavla:workspace`)', 'workspace'],
  ['dashboard', 'of which: workspace ready → first chart in the DOM (board computed and rendered)', 'shown'],
  ['dashboard', 'board recompute at start (`maltavla:board`)', 'firstBoard'],
  ['dashboard', 'board recompute on a period change (`maltavla:board`)', 'board'],
  ['dashboard', 'figures without a target (`maltavla:board-untargeted`)', 'untargeted'],
  ['dashboard', 'period change → table and both charts updated in the DOM', 'dom'],
  ['dashboard', 'period change → next frame drawn', 'frame'],
  ['dashboard', `the board's tab while ${CHECK_INS} guests are checked in in another tab: its longest task (0: none over 50 ms)`, 'boardTabLongest'],
  ['dashboard', 'the same: board recomputes in the board\'s tab (`maltavla:board`)', 'boardTabRecomputes', 'n'],
  ['dashboard', 'menu → "Deltagare" with its flow panel shown', 'participantsShown'],
  ['dashboard', 'flow report for a year, whole förbund (`maltavla:flow`)', 'flow'],
  ['dashboard', 'the same right after the import, before a restart', 'flowAfterImport'],
  ['dashboard', 'a keystroke in the new participation row on "Deltagare" → handled (median of 12)', 'keystroke'],
  ['dashboard', 'the same, the slowest of the 12', 'keystrokeMax'],
  ['dashboard', 'a keystroke → next frame drawn (median of 12; frames come every 16.7 ms)', 'keystrokeFrame'],
];

const server = await startServer({ root: DIST_DIR });
const out = { sizes: {} };
try {
  const cores = cpus();
  console.log(
    `Synthetic förbund in headless Chromium — ${new Date().toISOString().slice(0, 10)}, ${cores.length} cores (${cores[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  console.log(`Command: node e2e/bench/synthetic.mjs ${SIZES.join(' ')} (RUNS=${RUNS}, RUNS_LARGE=${RUNS_LARGE}), release build in ${DIST_DIR}\n`);
  const all = {};
  for (const n of SIZES) {
    const file = join(DATA_DIR, `synthetic-${n}.json`);
    const bytes = (await stat(file)).size;
    const runs = n >= 1_000_000 ? RUNS_LARGE : RUNS;
    const results = [];
    for (let i = 0; i < runs; i++) {
      results.push(await run(server, n, file));
      process.stderr.write(`  ${n}: run ${i + 1}/${runs} done\n`);
    }
    all[n] = { bytes, runs, rows: results[0].rows, results };
  }
  for (const section of ['import', 'memory', 'dashboard']) {
    console.log(`| records | file | ${section === 'memory' ? 'figure' : 'step'} | median | min–max |`);
    console.log('|---:|---:|---|---:|---:|');
    for (const n of SIZES) {
      const { bytes, results } = all[n];
      for (const [sec, name, key, unit] of STEPS) {
        if (sec !== section) continue;
        const s = stats(results.map((r) => r[key]));
        out.sizes[n] ??= {};
        out.sizes[n][key] = s;
        console.log(`| ${n.toLocaleString('sv-SE')} | ${(bytes / 1e6).toFixed(1)} MB | ${name} | ${cell(s, unit)} |`);
      }
    }
    console.log();
  }
  if (SIZES.length > 1) {
    const keys = [
      ['board recompute on a period change', 'board'],
      ['period change → DOM updated', 'dom'],
      ['flow report for a year', 'flow'],
      ['parse + check', 'read'],
      ['IndexedDB write', 'write'],
    ];
    const pairs = SIZES.slice(1).map((n, i) => [SIZES[i], n]);
    console.log(`| growth of the median | ${pairs.map(([a, b]) => `${a.toLocaleString('sv-SE')} → ${b.toLocaleString('sv-SE')}`).join(' | ')} |`);
    console.log(`|---|${'---:|'.repeat(pairs.length)}`);
    for (const [name, key] of keys) {
      const cells = pairs.map(([a, b]) => {
        const g = out.sizes[b][key].median / out.sizes[a][key].median;
        return `×${g.toFixed(1)} (records ×${(b / a).toFixed(0)})`;
      });
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
    console.log();
  }
  console.log(`The board of ${YEAR} has ${all[SIZES[0]].rows} rows; the period change moves between ${YEAR} and ${OTHER_YEAR}, ${CHANGES} times per run.`);
  if (process.env.BENCH_JSON) await writeFile(process.env.BENCH_JSON, JSON.stringify(all, null, 1));
} finally {
  await server.close();
}
