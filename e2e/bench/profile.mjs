// CPU profile of one step on the synthetic förbund in headless Chromium,
// through the DevTools protocol (Profiler domain), printed as the functions
// with the most time of their own and the most time under them. For
// finding out why a figure of synthetic.mjs is what it is.
//
//   node e2e/bench/profile.mjs N STEP [--save FILE.cpuprofile]
//
// STEP: import (choose the file and merge it), startup (reload onto the
// board), period (change the board's year three times), flow (change the
// flow panel's year three times on "Deltagare"), csv (on the example data,
// a participants sheet of N rows chosen on "Deltagare": its check and plan,
// then "Läs in" until the table shows them).
//
// Wasm functions have names only in a build that keeps them; see
// BENCHMARKS.md, "Profiling and size analysis", for building one into target/dist-profile
// (DIST_DIR=target/dist-profile).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, E2E_DIR, launchProfile, waitForApp } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { ExchangePage } from '../pages/exchange.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';
import { csvText } from './participations_csv.mjs';

const [nArg, step, ...rest] = process.argv.slice(2);
const n = Number(nArg);
const save = rest[0] === '--save' ? rest[1] : null;
if (!n || !['import', 'startup', 'period', 'flow', 'csv'].includes(step)) {
  console.error('usage: node e2e/bench/profile.mjs N import|startup|period|flow|csv [--save FILE]');
  process.exit(2);
}
const DATA_DIR = process.env.BENCH_DATA_DIR ?? join(E2E_DIR, '..', 'target', 'bench-data');
const file = join(DATA_DIR, `synthetic-${n}.json`);

/** Self and total time per function name, from a Profiler.Profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const self = new Map();
  const total = new Map();
  const label = (node) => {
    const f = node.callFrame;
    return f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
  };
  for (const [id, ms] of dt) {
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25);
  const all = [...dt.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled ${all.toFixed(0)} ms\n\nself time:`);
  for (const [name, ms] of top(self)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name.slice(0, 150)}`);
  console.log('\ntotal time (self and callees):');
  for (const [name, ms] of top(total)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name.slice(0, 150)}`);
}

const server = await startServer({ root: DIST_DIR });
const profileDir = await mkdtemp(join(tmpdir(), 'maltavla-profile-'));
const context = await launchProfile(profileDir);
try {
  const page = await context.newPage();
  page.setDefaultTimeout(1_800_000);
  await page.goto(new URL('/dela', server.url).href);
  await waitForApp(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const start = () => cdp.send('Profiler.start');
  if (step === 'csv') {
    await page.goto(new URL('/', server.url).href);
    await new BoardPage(page).loadDemo();
    const participants = await ParticipantsPage.goTo(page);
    const before = await participants.count();
    const text = csvText(n);
    await start();
    await participants.chooseCsv('profile.csv', text, { onDisk: true });
    await page.getByTestId('csv-confirm').click();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid=participants-count]').textContent.replace(/\D/g, '') === String(want),
      before + n,
    );
    for (const name of ['maltavla:csv-read', 'maltavla:csv-plan', 'maltavla:csv-write', 'maltavla:write-show']) {
      const took = await page.evaluate((m) => performance.getEntriesByName(m, 'measure').at(-1)?.duration, name);
      console.log(`${name}: ${took?.toFixed(0)} ms`);
    }
  } else {
    const exchange = new ExchangePage(page);
    if (step === 'import') await start();
    await exchange.chooseFile(file);
    await exchange.confirm();
    if (step === 'startup') await start();
    await page.goto(new URL('/?period=2020', server.url).href, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid=chart-counts] svg');
    if (step === 'period') {
      await start();
      for (const y of [2021, 2020, 2021]) {
        await page.locator('#board-period-year').fill(String(y));
        await page.waitForFunction(
          (want) => document.querySelector('[data-testid=chart-counts] svg title')?.textContent.includes(want),
          String(y),
        );
      }
    }
    if (step === 'flow') {
      await page.getByTestId('nav-participants').click();
      await page.getByTestId('flow-measures').waitFor();
      await start();
      for (const y of [2021, 2020, 2021]) {
        const before = await page.evaluate(() => performance.getEntriesByName('maltavla:flow', 'measure').length);
        await page.locator('#flow-year').selectOption(String(y));
        await page.waitForFunction((b) => performance.getEntriesByName('maltavla:flow', 'measure').length > b, before);
      }
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  if (save) await writeFile(save, JSON.stringify(profile));
  summarise(profile);
} finally {
  await context.close();
  await rm(profileDir, { recursive: true, force: true });
  await server.close();
}
