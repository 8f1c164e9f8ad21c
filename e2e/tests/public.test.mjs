// The published snapshot carries no personal data: the kansli saves the
// part "För publicering (utan deltagare)" on Dela data, the host puts it at
// data/snapshot.json, and a fresh browser sees the board's figures from it
// and no participants. A full snapshot put there instead is refused with a
// message saying it holds personal data, and nothing is merged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, E2E_DIR, launchBrowser, screenshot } from '../lib/browser.mjs';
import { startServer } from '../serve.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, recordLines } from '../pages/exchange.mjs';
import { MeetingsPage, NewsletterPage } from '../pages/meetings.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

/** A copy of dist/ with a data/ folder this test may publish into; served. */
async function site(t) {
  const root = await mkdtemp(join(tmpdir(), 'maltavla-e2e-public-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await cp(DIST_DIR, root, { recursive: true });
  await mkdir(join(root, 'data'), { recursive: true });
  const server = await startServer({ root });
  t.after(() => server.close());
  return { root, server };
}

/** A browser with a fresh profile, closed after the test. */
async function freshBrowser(t) {
  const browser = await launchBrowser();
  t.after(() => browser.close());
  return browser;
}

/** The type tag of every record line of a snapshot. */
const kinds = (text) => recordLines(text).map((line) => Object.keys(JSON.parse(line))[0]);

test('the part saved for publishing, served as data/snapshot.json, shows the board to a fresh browser and no participants', async (t) => {
  const { root, server } = await site(t);

  // The kansli: the example data, then Dela data → För publicering.
  const kansli = await freshBrowser(t);
  const { board, errors } = await BoardPage.open(kansli.context, server.url);
  await board.loadDemo();
  const exchange = await ExchangePage.goTo(board.page);
  const hint = await exchange.page.getByTestId('export-public-hint').innerText();
  assert.match(hint, /inga deltagare och inga incheckningar/);
  assert.match(hint, /och publicera dem aldrig/);
  await exchange.page.locator('#export-part').selectOption({ label: 'För publicering (utan deltagare)' });
  await screenshot(exchange.page, 'public-export');
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-files-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = await exchange.exportFile(dir);
  assert.match(file.name, /^maltavla-samordningsforbundet-ostra-sodertorn-publik-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(file.text);
  assert.equal(doc.part, 'public');
  const held = new Set(kinds(file.text));
  for (const personal of ['participation', 'arrival', 'end_status']) {
    assert.ok(!held.has(personal), `a public file holds a ${personal}`);
  }
  for (const needed of ['organisation', 'indicator', 'target', 'outcome', 'meeting', 'slot_report', 'presentation']) {
    assert.ok(held.has(needed), `a public file lacks ${needed}`);
  }
  // The newsletter block the kansli would write for 1 February 2018.
  await NewsletterPage.goTo(board.page);
  const kansliNewsletter = new NewsletterPage(board.page);
  await kansliNewsletter.choose({ day: '2018-02-01', format: 'text' });
  const newsletter = await kansliNewsletter.output();
  assert.match(newsletter, /Under 2017 deltog 700 personer/);
  errors.assertClean();

  // The host publishes it.
  await writeFile(join(root, 'data', 'snapshot.json'), file.text);

  // A board member opens the app for the first time.
  const member = await freshBrowser(t);
  const { board: memberBoard, errors: memberErrors } = await BoardPage.open(member.context, server.url);
  const page = memberBoard.page;
  await page.getByTestId('published-news').waitFor();
  await page.getByTestId('published-show').click();
  const preview = new ExchangePage(page);
  await preview.preview().waitFor();
  assert.match(await preview.summary().innerText(), /^\d+ nya, 0 ändrade, 0 borttagna, 0 oförändrade poster; 0 konflikter\.$/);
  await preview.confirm();

  await page.goto(`${server.url}/?period=2017`);
  await page.getByTestId('goal-table').waitFor();
  const rows = await memberBoard.rows();
  const participants = rows.find((r) => r.indicator === 'Deltagare');
  assert.deepEqual([participants.target, participants.outcome, participants.status], ['975', '927', '≈ Nära']);
  await screenshot(page, 'public-board', { fullPage: true });

  // The frukostmöten's guests per year, and the same newsletter block.
  const meetings = await MeetingsPage.goTo(page);
  const years = await meetings.attendanceTable();
  assert.deepEqual(
    ['2016', '2017'].map((y) => years.find((r) => r[0] === y)?.[2]),
    ['500', '700'],
    JSON.stringify(years),
  );
  const memberNewsletter = await NewsletterPage.goTo(page);
  await memberNewsletter.choose({ day: '2018-02-01', format: 'text' });
  assert.equal(await memberNewsletter.output(), newsletter);

  // No participants: the Deltagare page has none to show.
  const people = await ParticipantsPage.goTo(page);
  assert.equal(await people.count(), 0);
  assert.equal(await page.getByTestId('participation-edit-open').count(), 0);
  memberErrors.assertClean();
});

test('a full snapshot put at data/snapshot.json is refused as personal data, and nothing is merged', async (t) => {
  const { root, server } = await site(t);
  // The demo with 30 participations and a guest checked in, as "Allt".
  const full = await readFile(join(E2E_DIR, '..', 'tests', 'fixtures', 'snapshots', 'v1.4.json'), 'utf8');
  await writeFile(join(root, 'data', 'snapshot.json'), full);

  const member = await freshBrowser(t);
  const { board, errors } = await BoardPage.open(member.context, server.url);
  const page = board.page;
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  const message =
    'Den publicerade filen data/snapshot.json innehåller personuppgifter (30 deltaganden, 1 incheckning) och får inte ligga publicerad. Inget har lästs in.';
  assert.ok((await notice.innerText()).startsWith(message), await notice.innerText());
  assert.equal(await page.getByTestId('published-news').count(), 0);
  await screenshot(page, 'public-refused');
  // Nothing was merged: the welcome card of an empty browser is still there.
  await board.welcome().waitFor();

  // Fetching it by hand on Dela data gives the same refusal, and no preview.
  const exchange = await ExchangePage.goTo(page);
  await page.getByTestId('published-fetch').click();
  await exchange.error().waitFor();
  assert.ok((await exchange.error().innerText()).startsWith(message));
  assert.equal(await exchange.preview().count(), 0);

  // A snapshot without participants that was not saved for publishing is
  // refused too: only the public part belongs at a public address.
  const noPeople = full
    .split('\n')
    .filter((line) => !line.startsWith('{"participation"') && !line.startsWith('{"arrival"'))
    .join('\n');
  await writeFile(join(root, 'data', 'snapshot.json'), noPeople);
  await page.getByTestId('published-fetch').click();
  await page.waitForFunction(() => /inte sparad för publicering/.test(document.querySelector('[data-testid=import-error]')?.textContent ?? ''));
  errors.assertClean();
});
