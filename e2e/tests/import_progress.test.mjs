// A large snapshot on the Dela data page (/dela): reading and planning it
// shows a labelled progress bar with the count ("38 000 av 101 281
// poster"), the page answers in between, and stopping it stores nothing
// (after a reload the data exports exactly as before); a run that is not
// stopped still ends in the preview and merges every record, counting the
// records stored while it stores them. The same for
// a large participants spreadsheet on "Deltagare".
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppUnderTest } from '../lib/browser.mjs';
import { axeViolations, describeViolations } from '../lib/accessibility.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, recordLines } from '../pages/exchange.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** Participations added to the example data: a second or more of work. */
const EXTRA = 100_000;
const DEMO_RECORDS = 1281;

/** A temporary folder for downloaded files, removed after the test. */
async function fileDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-files-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The exported example data with `extra` more participations, each a copy
 * of the first one under a new id and code.
 */
function bigFile(text, extra) {
  const [header] = text.split('\n');
  const lines = recordLines(text);
  const model = JSON.parse(lines.find((l) => l.startsWith('{"participation":')));
  const more = [];
  for (let i = 0; i < extra; i += 1) {
    const p = structuredClone(model);
    p.participation.meta.id = `e2e-big-${i}`;
    p.participation.code = `P${String(i).padStart(6, '0')}`;
    more.push(JSON.stringify(p));
  }
  return `${header}\n${[...lines, ...more].join(',\n')}\n]}\n`;
}

/** The example data on the Dela data page, its export and a big file made from it. */
async function setUp(t) {
  const dir = await fileDir(t);
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const exchange = await ExchangePage.goTo(board.page);
  const before = await exchange.exportFile(dir, { as: 'before.json' });
  assert.equal(recordLines(before.text).length, DEMO_RECORDS);
  return { dir, page: board.page, exchange, errors, before, big: bigFile(before.text, EXTRA) };
}

/** Picks the file `text` without waiting for its preview. */
async function pick(page, text) {
  await page.getByTestId('import-file').setInputFiles({
    name: 'stor.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** The progress count as shown, spaces (also non-breaking) as plain spaces. */
async function count(page) {
  return (await page.getByTestId('work-progress-count').innerText()).replace(/\s/g, ' ');
}

test('a large import shows its progress with counts and, stopped, stores nothing', async (t) => {
  const { dir, page, errors, before, big } = await setUp(t);
  await pick(page, big);

  const bar = page.getByRole('progressbar', { name: /^(Läser filen|Jämför med det som finns här)$/ });
  await bar.waitFor();
  const total = DEMO_RECORDS + EXTRA;
  assert.equal(await bar.getAttribute('max'), String(total));
  // Counts climb while the page keeps answering (the bar is redrawn
  // between slices, which a frozen page could not do).
  await page.waitForFunction(
    () => Number(document.querySelector('#work-progress-bar')?.getAttribute('value')) > 0,
  );
  assert.match(await count(page), /^\d{1,3}( \d{3})* av 101 281 poster$/);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations('import progress', violations));

  await page.getByTestId('work-progress-stop').click();
  await page.getByTestId('import-stopped').waitFor();
  assert.equal(await page.getByTestId('import-stopped').innerText(), 'Inläsningen avbröts. Inget har ändrats.');
  assert.equal(await page.getByTestId('work-progress').count(), 0);
  assert.equal(await page.getByTestId('import-preview').count(), 0);
  assert.equal(await page.getByTestId('import-file').isDisabled(), false);

  // Nothing reached IndexedDB or the workspace: after a reload the data
  // exports record for record as before.
  await page.reload();
  const exchange = new ExchangePage(page);
  await page.getByTestId('export-button').waitFor();
  const after = await exchange.exportFile(dir, { as: 'after.json' });
  assert.deepEqual(recordLines(after.text), recordLines(before.text));
  errors.assertClean();
});

test('a large import that is not stopped ends in its preview and merges every record', async (t) => {
  const { dir, page, exchange, errors, big } = await setUp(t);
  await pick(page, big);
  await page.getByTestId('work-progress').waitFor();
  await exchange.preview().waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('work-progress').count(), 0);
  assert.match(
    (await exchange.summary().innerText()).replace(/\s/g, ' '),
    /^100000 nya, 0 ändrade, 0 borttagna, 1281 oförändrade poster; 0 konflikter\.$/,
  );
  await exchange.confirmButton().click();
  // Storing takes slices too: the bar, now "Sparar", counts the records
  // stored so far (read in a frame between two slices).
  const storing = await page.waitForFunction(
    () => {
      const bar = document.querySelector('#work-progress-bar');
      const label = document.querySelector('label[for=work-progress-bar]')?.textContent;
      if (label !== 'Sparar' || !(Number(bar?.getAttribute('value')) > 0)) return null;
      return {
        value: Number(bar.getAttribute('value')),
        max: bar.getAttribute('max'),
        count: document.querySelector('[data-testid=work-progress-count]').textContent,
      };
    },
    null,
    { timeout: 60_000 },
  );
  const shown = await storing.jsonValue();
  assert.equal(shown.max, '100000');
  assert.ok(shown.value <= 100_000);
  assert.match(shown.count.replace(/\s/g, ' '), /^\d{1,3}( \d{3})* av 100 000 poster$/);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=import-file]')?.disabled === false,
    null,
    { timeout: 60_000 },
  );
  assert.match(await page.getByTestId('notice').innerText(), /Inläst: 100000 poster uppdaterade\./);

  await page.reload();
  await page.getByTestId('export-button').waitFor();
  const after = await exchange.exportFile(dir, { as: 'after.json' });
  assert.equal(recordLines(after.text).length, DEMO_RECORDS + EXTRA);
  errors.assertClean();
});

/** A participants spreadsheet of `rows` new participants of Case Management. */
function bigSheet(rows) {
  const header = 'Insats;Kön;Ålder;Kommun;Anvisad av;Startdatum;Slutdatum;Avslutsorsak\r\n';
  const row = 'Case Management;Kvinna;23;Tyresö;AF;2019-02-04;;\r\n';
  return header + row.repeat(rows);
}

/** The example data on "Deltagare" and its participants count. */
async function participantsWithDemo() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const participants = await ParticipantsPage.goTo(board.page);
  return { page: board.page, participants, errors, before: await participants.count() };
}

/** Picks the spreadsheet `text` without waiting for its report. */
async function pickSheet(page, text) {
  await page.getByTestId('csv-file').setInputFiles({
    name: 'deltagare.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
}

test('a large participants spreadsheet shows its progress and, stopped, stores nothing', async () => {
  const { page, participants, errors, before } = await participantsWithDemo();
  await pickSheet(page, bigSheet(100_000));

  const bar = page.getByRole('progressbar', { name: 'Kontrollerar raderna' });
  await bar.waitFor();
  assert.equal(await bar.getAttribute('max'), '100000');
  await page.waitForFunction(
    () => Number(document.querySelector('#work-progress-bar')?.getAttribute('value')) > 0,
  );
  assert.match(await count(page), /^\d{1,3}( \d{3})* av 100 000 poster$/);

  await page.getByTestId('work-progress-stop').click();
  await page.getByTestId('csv-stopped').waitFor();
  assert.equal(await page.getByTestId('work-progress').count(), 0);
  assert.equal(await page.getByTestId('csv-report').count(), 0);

  await page.reload();
  await page.getByTestId('participations').waitFor();
  assert.equal(await participants.count(), before);
  errors.assertClean();
});

test('a large participants spreadsheet that is not stopped is checked and stored whole', async () => {
  const { page, participants, errors, before } = await participantsWithDemo();
  const rows = 20_000;
  await pickSheet(page, bigSheet(rows));
  await page.getByTestId('csv-report').waitFor({ timeout: 60_000 });
  assert.match(
    (await page.getByTestId('csv-summary').innerText()).replace(/\s/g, ' '),
    /^20 ?000 nya, 0 ändrade, 0 oförändrade, 0 med fel/,
  );
  await page.getByTestId('csv-confirm').click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=participants-count]').textContent.replace(/\D/g, '') === String(n),
    before + rows,
    { timeout: 60_000 },
  );
  await page.reload();
  await page.getByTestId('participations').waitFor();
  assert.equal(await participants.count(), before + rows);
  errors.assertClean();
});
