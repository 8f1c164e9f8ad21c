// Participant flow end to end: the example data's participations give the
// newsletters' figures, small numbers are hidden, rows are entered from the
// keyboard and survive a reload, a spreadsheet is imported only when every
// row is right, a file with a personal identity number is refused whole,
// and the exports open in Swedish Excel.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppUnderTest, screenshot } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

async function withDemo() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const participants = await ParticipantsPage.goTo(board.page);
  return { page: board.page, participants, errors };
}

test('the example participations give the newsletters’ figures, with small numbers hidden', async () => {
  const { page, participants, errors } = await withDemo();
  await participants.chooseYear(2017);
  const m = await participants.measures();
  assert.equal(m['Aktiva deltagare'], '927');
  assert.equal(m['Nya deltagare'], '634');
  assert.equal(m['Andel kvinnor bland de aktiva'], '43 %');

  // 634 new: 23 % Nynäshamn, 34 % Tyresö, 43 % Haninge.
  const byMunicipality = await participants.breakdown('Municipality');
  const share = (name) => byMunicipality.find((r) => r[0] === name)?.[3];
  assert.match(share('Nynäshamn'), /^2[23](,\d)? %$/);
  assert.match(share('Tyresö'), /^3[34](,\d)? %$/);
  assert.match(share('Haninge'), /^4[23](,\d)? %$/);
  await screenshot(page, 'participants-flow', { fullPage: false });

  // The half-year report: "Totalt 204 personer kom", 64 % to work or studies.
  await participants.chooseYear('2018-H1');
  const h1 = await participants.measures();
  assert.equal(h1['Nya deltagare'], '204');
  assert.match(h1['Andel av de avslutade till arbete eller studier'], /^6[34](,\d)? %$/);

  // A project's participations are those of its insatser.
  const all = await participants.count();
  await participants.chooseInsats('Ungdomsinsatserna');
  const youth = await participants.count();
  assert.ok(youth > 0 && youth < all, `${youth} of ${all}`);

  // One insats has few enough people that some slices are hidden.
  const insatser = await page.getByTestId('participants-insats').locator('option').allTextContents();
  let sawProtection = false;
  for (const name of insatser.slice(1)) {
    await participants.chooseInsats(name);
    if (await page.getByTestId('protection-note').count()) {
      sawProtection = true;
      const cells = (await participants.breakdown('AgeBand')).flat().concat((await participants.breakdown('Referrer')).flat());
      assert.ok(cells.some((c) => c === '<3' || c === '–'), `${name}: a hidden figure next to the note`);
      break;
    }
  }
  assert.ok(sawProtection, 'some insats shows the protection note');
  errors.assertClean();
});

test('rows are entered from the keyboard, checked, and kept across a reload', async () => {
  const { page, participants, errors } = await withDemo();
  await participants.chooseInsats('Case Management');
  const before = await participants.count();

  // Without a gender and a referrer the row is refused, field by field.
  await participants.enterRow({ start: '2019-01-07' });
  const problems = await page.getByTestId('participation-errors').innerText();
  assert.match(problems, /Kön: Fyll i det här fältet/);
  assert.match(problems, /Anvisad av: Fyll i det här fältet/);
  assert.equal(await participants.count(), before);

  const code = await participants.entryCode();
  assert.match(code, /^[0-9A-Z]{6}$/);
  await participants.enterRow({ gender: 'Kvinna', age: '20–24 år', municipality: 'Tyresö', referrer: 'Egenanmälan' });
  await page.waitForFunction((n) => document.querySelector('[data-testid=participants-count]').textContent.replace(/\D/g, '') === String(n), before + 1);
  assert.notEqual(await participants.entryCode(), code, 'the next row gets a new code');
  assert.equal(await page.locator(`tr[data-code="${code}"]`).count(), 1);

  await page.reload();
  const again = await ParticipantsPage.goTo(page);
  await again.chooseInsats('Case Management');
  assert.equal(await again.count(), before + 1);
  const row = await page.locator(`tr[data-code="${code}"]`).innerText();
  assert.match(row, /Kvinna/);
  assert.match(row, /Egenanmälan/);
  errors.assertClean();
});

test('a spreadsheet is imported only when every row is right; a personal number refuses the file', async () => {
  const { page, participants, errors } = await withDemo();
  const before = await participants.count();
  const header = 'Insats;Kön;Ålder;Kommun;Anvisad av;Startdatum;Slutdatum;Avslutsorsak\r\n';
  const good =
    'Case Management;Kvinna;23;Tyresö;AF;2019-02-04;;\r\n' +
    'Case Management;Man;45;Haninge;Kommunen;2019-02-05;2019-05-31;Studier\r\n' +
    'Case Management;Kvinna;31;Haninge;FK;2019-02-06;;\r\n' +
    'Case Management;Man;52;Nynäshamn;Egenanmälan;2019-02-07;;\r\n';

  // Swedish Excel: BOM, semicolons; one bad gender, one bad date.
  await participants.chooseCsv('deltagare.csv', header + good + 'Case Management;Kanske;30;Haninge;FK;2019-02-06;;\r\nCase Management;Kvinna;30;Haninge;FK;6/2;;\r\n', { bom: true });
  assert.match(await page.getByTestId('csv-summary').innerText(), /4 nya, 0 ändrade, 0 oförändrade, 2 med fel/);
  const rejected = await page.getByTestId('csv-rejected').innerText();
  assert.match(rejected, /Rad 6: Kön: Värdet är inget av valen/);
  assert.match(rejected, /Rad 7: Startdatum:/);
  assert.equal(await page.getByTestId('csv-confirm').count(), 0, 'nothing can be imported while a row is wrong');
  await page.getByTestId('csv-report').scrollIntoViewIfNeeded();
  await screenshot(page, 'participants-csv-report', { fullPage: false });
  await page.getByTestId('csv-cancel').click();

  // The corrected file goes in, all of it.
  await participants.chooseCsv('deltagare.csv', header + good, { bom: true });
  await page.getByTestId('csv-confirm').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid=participants-count]').textContent.replace(/\D/g, '') === String(n), before + 4);

  // The flow counts them: four new participants in 2019, two of them women.
  await participants.chooseYear(2019);
  const flow = await participants.measures();
  assert.equal(flow['Nya deltagare'], '4');
  const byGender = await participants.breakdown('Gender');
  assert.deepEqual(byGender.map((r) => r[2]), ['<3', '<3'], 'two and two are hidden');

  // A file with a personnummer is refused whole, saying where.
  await participants.chooseCsv('med-pnr.csv', 'Kön,Anvisad av,Startdatum,Kommentar\nKvinna,Kommunen,2019-03-01,ok\nMan,Kommunen,2019-03-01,19850709-9805\n');
  assert.match(await page.getByTestId('csv-refused').innerText(), /person- eller samordningsnummer \(rad 3, kolumn 4\)/);
  assert.equal(await participants.count(), before + 4);

  // The export opens in Swedish Excel and reads back unchanged.
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-csv-'));
  const excel = await participants.download('participants-export-excel', dir);
  assert.equal(excel.name, 'deltagare-excel.csv');
  assert.ok(excel.text.startsWith('\uFEFFKod;Insats;Kön;'), 'BOM and semicolons');
  await participants.chooseCsv('tillbaka.csv', excel.text);
  assert.match(await page.getByTestId('csv-summary').innerText(), new RegExp(`0 nya, 0 ändrade, ${before + 4} oförändrade, 0 med fel`));
  errors.assertClean();
});

test('outcomes come in from a spreadsheet and the goals file reads back; end statuses are the förbund’s own', async () => {
  const { page, errors } = await withDemo();

  // The förbund's end statuses: the defaults, and one of its own.
  await page.getByTestId('nav-organisation').click();
  const statuses = page.getByTestId('end-status-list').locator('li');
  await statuses.first().waitFor();
  assert.equal(await statuses.count(), 9);
  await page.locator('#end-status-new-name').fill('Föräldraledig');
  await page.locator('#end-status-new-category').selectOption({ label: 'Annat' });
  await page.getByTestId('end-status-form-new').getByRole('button').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=end-status-list] li').length === 10);
  // The förbund's protection threshold: out of range is refused, 20 is kept.
  await page.locator('#organisation-threshold').fill('25');
  await page.locator('#organisation-threshold').press('Enter');
  await page.getByText('Skriv ett heltal mellan 1 och 20').waitFor();
  await page.locator('#organisation-threshold').fill('20');
  await page.locator('#organisation-threshold').press('Enter');
  await page.getByText('Skriv ett heltal mellan 1 och 20').waitFor({ state: 'detached' });

  const participants = await ParticipantsPage.goTo(page);
  const choices = await page.getByTestId('participation-entry').locator('[data-column=end_status] option').allTextContents();
  assert.equal(choices.at(-1), 'Föräldraledig', 'a new status goes last in the list');
  await participants.chooseYear(2017);
  assert.match(await page.getByTestId('protection-note').innerText(), /Färre än 20 personer visas som ”<20”/);

  // Outcomes: a bad row blocks the file, the corrected one goes in.
  await page.getByTestId('nav-exchange').click();
  const input = page.getByTestId('outcome-csv-file');
  const file = (text) => ({ name: 'utfall.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + text, 'utf8') });
  const header = 'Indikator;Omfattning;Period;Grupp;Utfall\r\n';
  await input.setInputFiles(file(header + 'Myndighetsgemensamma konsultationer;Förbundet;2019;;212\r\nMyndighetsgemensamma konsultationer;Förbundet;2019-H1;;12,5\r\n'));
  await page.getByTestId('outcome-csv-report').waitFor();
  assert.match(await page.getByTestId('outcome-csv-rejected').innerText(), /Rad 3: Utfall:/);
  assert.equal(await page.getByTestId('outcome-csv-confirm').count(), 0);
  await page.getByTestId('outcome-csv-cancel').click();
  await input.setInputFiles(file(header + 'Myndighetsgemensamma konsultationer;Förbundet;2019;;212\r\n'));
  await page.getByTestId('outcome-csv-confirm').click();
  await page.getByTestId('outcome-csv-report').waitFor({ state: 'detached' });

  // The goals file holds it, and reads back with nothing to change.
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-goals-'));
  const goals = await participants.download('goals-export-excel', dir);
  assert.match(goals.text, /Myndighetsgemensamma konsultationer;[^;\r\n]*;2019;;;212;Inmatad/);
  await input.setInputFiles({ name: goals.name, mimeType: 'text/csv', buffer: Buffer.from(goals.text, 'utf8') });
  assert.match(await page.getByTestId('outcome-csv-summary').innerText(), /^0 nya, 0 ändrade, \d+ oförändrade, 0 med fel/);
  errors.assertClean();
});
