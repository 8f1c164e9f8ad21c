// Sharing data between laptops on the Dela data page (/dela): two laptops
// (two browsers with their own profiles) edit the same insats offline, swap
// snapshot files and end up with the same data and the same conflict log;
// damaged or foreign files are refused with a Swedish message; a name with
// markup in it is shown as text.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, screenshot, useAppUnderTest } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, InsatsFacts, recordLines } from '../pages/exchange.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const CM = 'insats: Case Management';

/** A temporary folder for downloaded files, removed after the test. */
async function fileDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-files-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A laptop: the app in `context` with the example data, then off the network. */
async function laptop(context) {
  const { board, errors } = await BoardPage.open(context, app.server.url);
  await board.loadDemo();
  // Pages arrive as parts of the wasm: offline, they come from the service
  // worker's cache, complete once the worker controls the page.
  await board.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  await context.setOffline(true);
  return { page: board.page, errors };
}

/** Rows sorted, so a test does not depend on the order fields are listed in. */
const sorted = (rows) => [...rows].sort((x, y) => x.join('|').localeCompare(y.join('|')));

test('two laptops edit the same insats offline, swap files and end up with the same data', async (t) => {
  const dir = await fileDir(t);
  const second = await launchBrowser();
  t.after(() => second.close());
  const a = await laptop(app.browser.context);
  const b = await laptop(second.context);

  // Both change who runs Case Management; B also gives it 12 places. B saves last.
  await (await InsatsFacts.openFromList(a.page, 'Case Management')).edit({ provider: 'Haninge kommun' });
  await (await InsatsFacts.openFromList(b.page, 'Case Management')).edit({ provider: 'Tyresö kommun', capacity: 12 });

  const exchangeA = await ExchangePage.goTo(a.page);
  const exchangeB = await ExchangePage.goTo(b.page);
  const fileA = await exchangeA.exportFile(dir, { as: 'a.json' });
  const fileB = await exchangeB.exportFile(dir, { as: 'b.json' });
  assert.match(fileA.name, /^maltavla-samordningsforbundet-ostra-sodertorn-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(fileA.text, /^\{"format":"maltavla-snapshot","version":"1\.8",/);
  // The newsletters' 68 records, 9 end statuses, 1 131 participations, the
  // meetings and places records, the demo presentation, the 16 records
  // the story set adds (demo_story.json), Nynäshamn's yes/no goal
  // (insats, indicator, target, outcome), the 8 breakdowns the
  // newsletter's sentences print (demo_sentences.json), the ESF budgets
  // (indicator, two targets, one spend: demo_1_7.json) and a comment and a
  // forecast (demo_1_8.json).
  assert.equal(recordLines(fileA.text).length, 1281);

  // A reads B's file: the preview shows both fields, ours against theirs,
  // and the provider as a conflict that B's later edit wins.
  await exchangeA.chooseFile(fileB.path);
  assert.match(await exchangeA.summary().innerText(), /^0 nya, 1 ändrade, 0 borttagna, \d+ oförändrade poster; \d+ konflikter\.$/);
  assert.deepEqual(sorted(await exchangeA.changed()), [
    [CM, 'Platser', '–', '12'],
    [CM, 'Utförare', 'Haninge kommun', 'Tyresö kommun'],
  ]);
  const conflictsAtA = await exchangeA.conflicts();
  assert.deepEqual(
    conflictsAtA.filter((row) => row[1] === 'Utförare'),
    [[CM, 'Utförare', 'Tyresö kommun', 'Haninge kommun']],
  );
  // NOTE: the preview also lists "Platser: behölls 12, förlorade –" as a
  // conflict, although only B changed the places: both laptops loaded the
  // example data on their own, each with its own stamps (see the skipped
  // test below). Only the provider conflict is asserted here.
  await screenshot(a.page, 'exchange', { fullPage: true });
  assert.match(await exchangeA.confirm(), /^Inläst: \d+ poster uppdaterade\.$/);

  // B reads A's file: nothing of A's wins, but A's provider is logged as lost.
  await exchangeB.chooseFile(fileA.path);
  assert.deepEqual(await exchangeB.changed(), []);
  assert.deepEqual(
    (await exchangeB.conflicts()).filter((row) => row[1] === 'Utförare'),
    [[CM, 'Utförare', 'Tyresö kommun', 'Haninge kommun']],
  );
  await exchangeB.confirm();

  // Both laptops now show the same insats, and export the same records.
  const insatsA = await InsatsFacts.openFromList(a.page, 'Case Management');
  const insatsB = await InsatsFacts.openFromList(b.page, 'Case Management');
  const factsA = await insatsA.facts();
  assert.equal(factsA['Utförare'], 'Tyresö kommun');
  assert.equal(factsA['Antal platser'], '12 platser');
  assert.deepEqual(await insatsB.facts(), factsA);
  assert.equal(await insatsB.text(), await insatsA.text());
  const againA = await (await ExchangePage.goTo(a.page)).exportFile(dir, { as: 'a2.json' });
  const againB = await (await ExchangePage.goTo(b.page)).exportFile(dir, { as: 'b2.json' });
  assert.deepEqual(recordLines(againA.text), recordLines(againB.text));
  assert.equal(recordLines(againA.text).length, 1281);

  // Each conflict log keeps the provider that lost, with when and where.
  for (const page of [a.page, b.page]) {
    const log = await new ExchangePage(page).conflictLog();
    const lost = log.filter((row) => row[1] === 'Utförare');
    assert.equal(lost.length, 1, JSON.stringify(log));
    assert.deepEqual(lost[0].slice(0, 3), [CM, 'Utförare', 'Tyresö kommun']);
    assert.match(lost[0][3], /^Haninge kommun \d{1,2} [a-zåäö]+ \d{4} · \S+/);
  }

  // Reading the same file again changes nothing, and says so.
  await exchangeA.chooseFile(fileB.path);
  await exchangeA.nothing().waitFor();
  assert.equal(await exchangeA.nothing().innerText(), 'Filen innehåller inget som inte redan finns här.');
  assert.equal(await exchangeA.confirmButton().count(), 0);
  await exchangeA.cancel();
  await exchangeB.chooseFile(fileA.path);
  await exchangeB.nothing().waitFor();
  assert.equal(await exchangeB.confirmButton().count(), 0);
  await exchangeB.cancel();

  // Restoring on A brings A's provider back, as a new edit B then receives.
  await exchangeA.restore('Utförare');
  assert.ok(!(await exchangeA.conflictLog()).some((row) => row[1] === 'Utförare'));
  assert.equal((await (await InsatsFacts.openFromList(a.page, 'Case Management')).facts())['Utförare'], 'Haninge kommun');
  const restored = await (await ExchangePage.goTo(a.page)).exportFile(dir, { as: 'a3.json' });
  await exchangeB.chooseFile(restored.path);
  assert.deepEqual(await exchangeB.changed(), [[CM, 'Utförare', 'Tyresö kommun', 'Haninge kommun']]);
  assert.deepEqual(await exchangeB.conflicts(), []);
  await exchangeB.confirm();
  assert.equal((await (await InsatsFacts.openFromList(b.page, 'Case Management')).facts())['Utförare'], 'Haninge kommun');

  a.errors.assertClean();
  b.errors.assertClean();
});

// BUG (app, src/core/demo/mod.rs `records` + src/ui/pages/welcome.rs
// `load_demo`): every laptop stamps the example data with its own clock and
// device when it loads it. Records loaded later on another laptop therefore
// count as newer, concurrent writes of every field, and win against edits
// made earlier: here B's 12 places become "–" again when B reads the file of
// a laptop that merely loaded the example data afterwards (the 12 only
// survives in the conflict log). The same cause gives the spurious
// "Platser: behölls 12, förlorade –" conflict in the test above. Unskip when
// loading the example data gives the same stamps on every laptop (e.g. the
// fixed stamps of demo.json) or the merge otherwise treats equal example
// values as one write.
test('an edit is kept when another laptop loads the example data later', async (t) => {
  const dir = await fileDir(t);
  const second = await launchBrowser();
  t.after(() => second.close());
  const b = await laptop(app.browser.context);
  await (await InsatsFacts.openFromList(b.page, 'Case Management')).edit({ capacity: 12 });
  const a = await laptop(second.context);
  const fileA = await (await ExchangePage.goTo(a.page)).exportFile(dir, { as: 'a.json' });

  const exchangeB = await ExchangePage.goTo(b.page);
  await exchangeB.chooseFile(fileA.path);
  assert.deepEqual(await exchangeB.changed(), []);
  assert.deepEqual(await exchangeB.conflicts(), []);
  if ((await exchangeB.confirmButton().count()) > 0) await exchangeB.confirm();
  assert.equal((await (await InsatsFacts.openFromList(b.page, 'Case Management')).facts())['Antal platser'], '12 platser');
  a.errors.assertClean();
  b.errors.assertClean();
});

/** The snapshot `text` with the insats `id` changed by `edit(insats)`. */
function withInsats(text, id, edit) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('{"insats":') && l.includes(`"id":"${id}"`));
  assert.ok(i > 0, `insats ${id} in the file`);
  const comma = lines[i].endsWith(',') ? ',' : '';
  const record = JSON.parse(lines[i].replace(/,$/, ''));
  edit(record.insats);
  lines[i] = JSON.stringify(record) + comma;
  return lines.join('\n');
}

/** A newer edit of the name, so a file that got through would change something. */
function renamed(insats) {
  insats.name = 'Ska aldrig sparas';
  insats.meta.stamp = { device: insats.meta.stamp.device, hlc: [Date.now(), 0] };
}

test('damaged or foreign files are refused with a Swedish message, and nothing changes', async (t) => {
  const dir = await fileDir(t);
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await page.getByTestId('nav-insatser').click();
  await page.getByTestId('insats-list').waitFor();
  const names = () => page.getByTestId('insats-list').getByRole('link').allTextContents();
  const before = await names();
  // The demo's insatser (19 since the story set) and, since format 1.6,
  // the Tak- och tätskiktsutbildningen of its yes/no goal.
  assert.equal(before.length, 20);
  const exchange = await ExchangePage.goTo(page);
  const good = (await exchange.exportFile(dir)).text;

  const cases = [
    ['not JSON', 'Namn;Platser\nCase Management;12\n', [/^Filen är inte giltig JSON: fel på rad 1, kolumn 1\.$/]],
    ['cut off', good.slice(0, Math.floor(good.length * 0.6)), [/^Filen tar slut mitt i \(rad \d+, kolumn \d+\)\./, /avkortad/]],
    [
      'another format',
      good.replace('"format":"maltavla-snapshot"', '"format":"excel-export"'),
      [/ingen ögonblicksbild från Måltavla/, /fältet ”format”/],
    ],
    [
      'a newer major version',
      withInsats(good, 'demo-cm', renamed).replace(/"version":"1\.\d+"/, '"version":"2.0"'),
      [/nyare Måltavla \(format 2\.0\)/, /Uppdatera appen/],
    ],
    ['an unreadable version', good.replace(/"version":"1\.\d+"/, '"version":"ett"'), [/^Filens version ”ett” går inte att läsa/]],
    [
      'a negative number of places',
      withInsats(good, 'demo-cm', (i) => {
        renamed(i);
        i.capacity = -3;
      }),
      [/^Post \d+ \(insats med id ”demo-cm”\): fältet ”Platser” \(capacity\) har ett ogiltigt värde/],
    ],
    [
      'the same id twice',
      (() => {
        const lines = withInsats(good, 'demo-cm', renamed).split('\n');
        const i = lines.findIndex((l) => l.includes('"id":"demo-cm"'));
        lines.splice(i + 1, 0, lines[i]);
        return lines.join('\n');
      })(),
      [/^Id ”demo-cm” förekommer två gånger \(post \d+ och \d+\)\.$/],
    ],
  ];
  for (const [what, text, patterns] of cases) {
    await exchange.chooseFile({ name: `${what}.json`, text });
    const named = await exchange.error().innerText();
    // Every refusal names the file first.
    const prefix = `Filen ”${what}.json”: `;
    assert.ok(named.startsWith(prefix), `${what}: ${named}`);
    const message = named.slice(prefix.length);
    for (const pattern of patterns) assert.match(message, pattern, what);
    assert.equal(await exchange.preview().count(), 0, what);
    assert.equal(await exchange.confirmButton().count(), 0, what);
  }

  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('export-button').waitFor();
  await page.getByTestId('nav-insatser').click();
  // The list once the stored records are read back (not the moment before).
  await page.getByTestId('insats-list').getByRole('link').nth(before.length - 1).waitFor();
  assert.deepEqual(await names(), before);
  assert.equal((await (await InsatsFacts.openFromList(page, 'Case Management')).facts())['Utförare'], 'Kommunerna');
  errors.assertClean();
});

test('a name with markup in it is imported and shown as text', async (t) => {
  const dir = await fileDir(t);
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const exchange = await ExchangePage.goTo(page);
  const good = (await exchange.exportFile(dir)).text;

  const name = '<script>window.__pwned=1</script>Evil';
  const provider = '<img src=x onerror="window.__pwned=2">';
  const template = JSON.parse(recordLines(good).find((l) => l.includes('"id":"demo-cm"')));
  const evil = {
    insats: {
      ...template.insats,
      name,
      provider,
      meta: { id: 'evil-insats', stamp: { device: 'evil-laptop', hlc: [Date.now(), 0] } },
    },
  };
  const text = `${good.split('\n')[0]}\n${JSON.stringify(evil)}\n]}\n`;
  await exchange.chooseFile({ name: 'evil.json', text });
  assert.deepEqual(await exchange.added(), [`insats: ${name}`]);
  await exchange.confirm();

  await page.getByTestId('nav-insatser').click();
  const link = page.getByTestId('insats-list').getByRole('link', { name, exact: true });
  assert.equal(await link.textContent(), name);
  assert.equal(await page.getByTestId('insats-list').locator('script, img').count(), 0);
  await link.click();
  const insats = new InsatsFacts(page);
  assert.equal(await insats.title().textContent(), name);
  assert.equal((await insats.facts())['Utförare'], provider);
  assert.equal(await page.locator('main script, main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  errors.assertClean();
});

test('a download the browser refuses is said where its button is, and the next one clears it', async () => {
  const { exchange, errors } = await ExchangePage.open(app.browser.context, app.server.url);
  const page = exchange.page;
  // The browser refuses to make the file's address (as a locked-down
  // browser or a full disk can), for the goals export and the snapshot.
  await page.evaluate(() => {
    window.__createObjectURL = URL.createObjectURL;
    URL.createObjectURL = () => {
      throw new Error('blockerad av testet');
    };
  });
  await page.getByTestId('goals-export-csv').click();
  const failed = page.locator('section[aria-labelledby=goals-export-title] [data-testid=download-failed]');
  await failed.waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.match(await failed.textContent(), /^Filen kunde inte sparas: webbläsaren vägrade \(.*blockerad av testet.*\)/);
  await page.getByTestId('export-button').click();
  assert.match(await page.getByTestId('export-done').textContent(), /^Filen kunde inte sparas: .*blockerad av testet/);

  await page.evaluate(() => {
    URL.createObjectURL = window.__createObjectURL;
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('goals-export-csv').click(),
  ]);
  assert.match(download.suggestedFilename(), /^mal-och-utfall-/);
  assert.equal(await failed.count(), 0);
  errors.assertClean();
});
