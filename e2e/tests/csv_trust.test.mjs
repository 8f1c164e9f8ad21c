// Issue 18 in Chromium: a narrower participants file changes nothing it
// does not hold, and its preview shows a change field by field; a
// personal number typed into an outcome's note is refused at the field,
// keeps what was typed, and stores nothing.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, describeViolations } from '../lib/accessibility.mjs';
import { useAppUnderTest, screenshot, waitForApp } from '../lib/browser.mjs';
import { BoardPage, ScopePage } from '../pages/app.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

async function withDemo() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  return { page: board.page, errors };
}

/** The rows of an exported "Excel (svensk)" file as arrays of cells. */
function rowsOf(text) {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  assert.ok(lines.every((l) => !l.includes('"')), 'no quoted cells in the example data');
  return lines.map((l) => l.split(';'));
}

/** A file of only `columns` (by header name) of `rows`. */
function fileOf(rows, columns) {
  const at = columns.map((c) => rows[0].indexOf(c));
  assert.ok(at.every((i) => i >= 0), `${columns} in ${rows[0]}`);
  return '\uFEFF' + rows.map((r) => at.map((i) => r[i]).join(';')).join('\r\n') + '\r\n';
}

test('a narrower participants file changes nothing, and one changed Kön changes only that field', async () => {
  const { page, errors } = await withDemo();
  const participants = await ParticipantsPage.goTo(page);
  const count = await participants.count();
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-narrow-'));
  const exported = rowsOf((await participants.download('participants-export-excel', dir)).text);
  assert.deepEqual(exported[0], ['Kod', 'Insats', 'Kön', 'Åldersgrupp', 'Kommun', 'Anvisad av', 'Startdatum', 'Slutdatum', 'Avslutsorsak']);

  // The file: Kod; Insats; Kön; Anvisad av; Startdatum.
  const narrow = ['Kod', 'Insats', 'Kön', 'Anvisad av', 'Startdatum'];
  await participants.chooseCsv('smal.csv', fileOf(exported, narrow));
  assert.match(await page.getByTestId('csv-summary').innerText(), new RegExp(`^0 nya, 0 ändrade, ${count} oförändrade, 0 med fel`));
  assert.equal(await page.getByTestId('csv-confirm').count(), 0, 'nothing to confirm');
  assert.equal(await page.getByTestId('csv-changes').count(), 0, 'no changes listed');
  await page.getByTestId('csv-cancel').click();

  // One row's Kön differs: the preview shows that one field, now and after.
  const row = exported.findIndex((r, i) => i > 0 && r[2] === 'Kvinna' && r[4] !== '' && r[7] !== '');
  assert.ok(row > 0, 'a woman with a municipality and an end date');
  const code = exported[row][0];
  const edited = exported.map((r, i) => (i === row ? r.map((c, j) => (j === 2 ? 'Man' : c)) : r));
  await participants.chooseCsv('smal-ett-kon.csv', fileOf(edited, narrow));
  assert.match(await page.getByTestId('csv-summary').innerText(), new RegExp(`^0 nya, 1 ändrade, ${count - 1} oförändrade, 0 med fel`));
  const changes = page.getByTestId('csv-changes');
  const cells = await changes.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );
  assert.equal(cells.length, 1, JSON.stringify(cells));
  assert.ok(cells[0][0].startsWith(code), cells[0][0]);
  assert.deepEqual(cells[0].slice(1), ['Kön', 'Kvinna', 'Man']);
  await page.getByTestId('csv-report').scrollIntoViewIfNeeded();
  await screenshot(page, 'participants-csv-changes');
  const found = await axeViolations(page);
  assert.equal(found.length, 0, describeViolations('CSV preview', found));

  // Confirming changes that field and nothing else: the next export
  // differs from the first in that one cell.
  await page.getByTestId('csv-confirm').click();
  await page.getByTestId('csv-report').waitFor({ state: 'detached' });
  const after = rowsOf((await participants.download('participants-export-excel', dir)).text);
  assert.equal(after.length, exported.length);
  const differing = [];
  exported.forEach((r, i) =>
    r.forEach((c, j) => {
      const now = after.find((a) => a[0] === r[0] && a[1] === r[1]) ?? [];
      if (now[j] !== c) differing.push([r[0], exported[0][j], c, now[j]]);
    }),
  );
  assert.deepEqual(differing, [[code, 'Kön', 'Kvinna', 'Man']]);
  errors.assertClean();
});

test('a personal number in an outcome’s note is refused at the field, the text stays, nothing is stored', async () => {
  const { page, errors } = await withDemo();
  await page.goto(new URL('/insatser/demo-ung-tyreso', app.server.url).href, { waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('scope-figures').waitFor();
  const insats = new ScopePage(page);
  const indicator = 'Andel till arbete eller studier';
  await insats.addFigure('target', { indicator, year: 2019, value: '30' });
  await page.getByTestId('target-form').waitFor({ state: 'detached' });
  await page.locator('#scope-period-year').fill('2019');
  const stored = await insats.cardTable(indicator);

  // The note holds a personnummer written with an en dash, as Word does.
  const note = 'Ringde 850709–9805 om beslutet';
  await page.getByTestId('add-outcome').click();
  const form = page.getByTestId('outcome-form');
  await form.locator('#outcome-indicator').selectOption({ label: indicator });
  await form.locator('#outcome-period-kind').selectOption('year');
  await form.locator('#outcome-period-year').fill('2019');
  await form.locator('#outcome-value').fill('35');
  await form.locator('#outcome-note').fill(note);
  await form.getByTestId('save').click();
  const message = form.locator('#outcome-note-error');
  await message.waitFor();
  assert.match(await message.innerText(), /person- eller samordningsnummer, som aldrig får sparas/);
  assert.equal(await form.locator('#outcome-note').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.locator('#outcome-note').inputValue(), note, 'the typed text stays');
  assert.equal(await form.locator('#outcome-value').inputValue(), '35');
  await form.locator('#outcome-note').scrollIntoViewIfNeeded();
  await screenshot(page, 'outcome-note-personal-number');
  const found = await axeViolations(page);
  assert.equal(found.length, 0, describeViolations('refused note', found));

  // Nothing was stored: after a reload the card is as it was.
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await page.getByTestId('scope-figures').waitFor();
  await page.locator('#scope-period-year').fill('2019');
  assert.deepEqual(await insats.cardTable(indicator), stored);
  errors.assertClean();
});
