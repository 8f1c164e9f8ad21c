// What must never happen to a förbund's data, tried in the browser: a
// laptop whose clock runs ahead winning every later edit, a stamp from the
// year 9999 left by an older version making this laptop's files
// unreadable, and a record stored by a newer version being overwritten.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot, useAppUnderTest } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, InsatsFacts, recordLines } from '../pages/exchange.mjs';
import { rewriteAsOldLayout, storeCounts, storeRecord, storedRecord } from '../lib/stored.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const MINUTE = 60_000;
const YEAR = 365 * 24 * 60 * MINUTE;

/** A temporary folder for downloads, removed after the test. */
async function downloads(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-trust-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The example data loaded, on the Dela data page; its export's text. */
async function demoExported(t) {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const exchange = await ExchangePage.goTo(board.page);
  const { text } = await exchange.exportFile(await downloads(t));
  return { page: board.page, exchange, errors, text };
}

/** The record line of `id` in a snapshot's text, parsed. */
function recordOf(text, id) {
  const line = recordLines(text).find((l) => l.includes(`"id":"${id}"`));
  assert.ok(line, `no record ${id}`);
  return JSON.parse(line);
}

/**
 * A copy of the snapshot `text` in which record `id` was last written by
 * `device` at wall-clock time `millis` with the fields `changes`.
 */
function rewritten(text, id, { device, millis, counter = 0, changes = {} }) {
  const lines = text.split('\n').map((line) => {
    if (!line.includes(`"id":"${id}"`)) return line;
    const comma = line.endsWith(',');
    const record = JSON.parse(comma ? line.slice(0, -1) : line);
    const body = Object.values(record)[0];
    body.meta.stamp = { device, hlc: [millis, counter] };
    body.meta.fields = {};
    body.meta.seen = {};
    Object.assign(body, changes);
    return JSON.stringify(record) + (comma ? ',' : '');
  });
  return lines.join('\n');
}

test('a file from a laptop whose clock runs five years ahead is refused, naming the laptop and how far, and nothing changes', async (t) => {
  const { exchange, errors, text } = await demoExported(t);
  const future = rewritten(text, 'demo-cm', {
    device: 'snabb-laptop',
    millis: Date.now() + 5 * YEAR + 3 * 24 * 60 * MINUTE + 60 * MINUTE,
    changes: { name: 'Case Management från framtiden' },
  });
  await exchange.chooseFile({ name: 'framtid.json', text: future });
  const message = await exchange.error().innerText();
  assert.match(message, /Filen ”framtid\.json”/);
  assert.match(message, /5 år och 3 dagar/);
  assert.match(message, /snabb-laptop/);
  assert.match(message, /inget har lästs in/i);
  assert.equal(await exchange.preview().count(), 0, 'no preview, nothing to confirm');
  await exchange.error().scrollIntoViewIfNeeded();
  await screenshot(exchange.page, 'trust-clock-refused');
  // Nothing changed: the export still holds the example's name.
  const { text: after } = await exchange.exportFile(await downloads(t));
  assert.equal(recordOf(after, 'demo-cm').insats.name, 'Case Management');
  errors.assertClean();
});

test('a file from a clock twenty minutes ahead is merged with a notice, and a later edit here is stamped within the hour', async (t) => {
  const { page, exchange, errors, text } = await demoExported(t);
  const ahead = Date.now() + 20 * MINUTE;
  const file = rewritten(text, 'demo-cm', {
    device: 'lite-snabb',
    millis: ahead,
    changes: { name: 'Case Management Östra' },
  });
  await exchange.chooseFile({ name: 'nastan-nu.json', text: file });
  const notice = await page.getByTestId('import-future').innerText();
  assert.match(notice, /lite-snabb/);
  assert.match(notice, /(19|20) minuter/);
  await exchange.confirm();

  // An edit made here now still wins over the write from 20 minutes ahead,
  // and is stamped after it, but never more than an hour ahead.
  const insats = await InsatsFacts.openFromList(page, 'Case Management Östra');
  await insats.edit({ description: 'Ändrad här efter inläsningen.' });
  const again = await ExchangePage.goTo(page);
  const before = Date.now();
  const { text: mine } = await again.exportFile(await downloads(t));
  const cm = recordOf(mine, 'demo-cm').insats;
  const [millis] = cm.meta.stamp.hlc;
  assert.ok(millis >= ahead, 'the edit is ordered after the write it saw');
  assert.ok(millis <= before + 60 * MINUTE, `stamped ${(millis - before) / MINUTE} minutes ahead`);
  assert.equal(cm.description, 'Ändrad här efter inläsningen.');
  errors.assertClean();
});

test('a record an older version stored with a stamp from the year 9999 is named, stops every export, and is repaired keeping its values', async (t) => {
  const { page, errors, text } = await demoExported(t);
  const poisoned = recordOf(text, 'demo-cm');
  poisoned.insats.meta.stamp = { device: 'gammal', hlc: [253402300799999, 4294967295] };
  poisoned.insats.meta.fields = {};
  poisoned.insats.meta.seen = {};
  await storeRecord(page, 'demo-cm', JSON.stringify(poisoned));
  await page.reload({ waitUntil: 'load' });
  const banner = page.getByTestId('stamps-ahead');
  await banner.waitFor();
  assert.match(await banner.innerText(), /1 post har tidsstämplar upp till \d+ år/);
  await screenshot(page, 'trust-stamps-ahead');

  // No file leaves with such a stamp: nobody could import it.
  await page.getByTestId('export-button').click();
  assert.match(await page.getByTestId('export-done').innerText(), /Ingen fil sparades: 1 post har tidsstämplar/);

  await page.getByTestId('stamps-repair').click();
  await banner.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('notice').innerText(), /Tidsstämplarna i 1 post är rättade/);
  const exchange = new ExchangePage(page);
  const before = Date.now();
  const { text: repaired } = await exchange.exportFile(await downloads(t));
  const cm = recordOf(repaired, 'demo-cm').insats;
  assert.equal(cm.name, 'Case Management', 'every value kept');
  assert.ok(cm.meta.stamp.hlc[0] <= before + 60 * MINUTE, 'stamped now, not in 9999');
  // And the repaired file reads back here (no refusal, nothing new).
  await exchange.chooseFile({ name: 'rattad.json', text: repaired });
  await exchange.nothing().waitFor();
  errors.assertClean();
});

test('a record stored by a newer version that this one cannot read is never overwritten by an import', async (t) => {
  const { page, exchange, errors, text } = await demoExported(t);
  const newer = { insats: { 'written-by': 'a newer Måltavla' } };
  await storeRecord(page, 'demo-cm', JSON.stringify(newer));
  const file = rewritten(text, 'demo-cm', {
    device: 'annan',
    millis: Date.now() - MINUTE,
    changes: { name: 'Case Management (från fil)' },
  });
  await exchange.chooseFile({ name: 'annan.json', text: file });
  await exchange.confirmButton().click();
  const message = await exchange.error().innerText();
  assert.match(message, /demo-cm/);
  assert.match(message, /nyare version/);
  assert.deepEqual(await storedRecord(page, 'demo-cm'), newer, 'the stored record is untouched');
  errors.assertClean();
});

test('a database left by the version before buckets opens with every record and the conflict log', async (t) => {
  const { page, exchange, errors, text } = await demoExported(t);
  // A conflict in the log: a file from another laptop changed the provider
  // without having seen this one's value.
  const file = rewritten(text, 'demo-cm', {
    device: 'annan',
    millis: Date.now() - MINUTE,
    changes: { provider: 'Annan utförare' },
  });
  await exchange.chooseFile({ name: 'annan.json', text: file });
  await exchange.confirm();
  const log = await exchange.conflictLog();
  assert.ok(log.length > 0, 'a conflict is logged');
  const { text: before } = await exchange.exportFile(await downloads(t));

  const written = await rewriteAsOldLayout(page);
  assert.equal(written, recordLines(before).length, 'every record in the old layout');
  await page.reload({ waitUntil: 'load' });
  const upgraded = new ExchangePage(page);
  await page.getByTestId('export-button').waitFor();
  const counts = await storeCounts(page);
  assert.equal(counts.version, 3);
  assert.equal(counts.records, 0, 'every record moved out of the old store');
  assert.ok(counts.buckets > 0 && counts.buckets < written, `${counts.buckets} buckets for ${written} records`);
  assert.deepEqual(await upgraded.conflictLog(), log, 'the conflict log is kept');
  const { text: after } = await upgraded.exportFile(await downloads(t));
  assert.deepEqual(recordLines(after).sort(), recordLines(before).sort(), 'every record as it was');
  assert.equal(await page.locator('.banner-error').count(), 0, 'no record skipped, storage works');
  errors.assertClean();
});
