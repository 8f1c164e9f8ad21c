// Uppföljning Finsam end to end: an insats's register fields (orientation,
// target group), its budget and spend for 2018, and the file per insats and
// year that carries them with the participants, ready to key in.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useAppUnderTest, screenshot } from '../lib/browser.mjs';
import { BoardPage, ScopePage } from '../pages/app.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const COST = 'Kostnad för insatsen';

test('the Finsam file has an insats’s orientation, target group, budget and spend so far', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;

  await board.shell.goTo('indicators');
  await page.getByTestId('new-indicator').click();
  const indicator = page.getByTestId('indicator-form');
  await indicator.locator('#indicator-name').fill(COST);
  await indicator.locator('#indicator-unit').selectOption({ label: 'Kronor (budget och utfall)' });
  await indicator.locator('#indicator-prorate').check();
  await indicator.getByTestId('save').click();
  await page.waitForURL(/\/indikatorer\/[A-Za-z0-9_-]+$/);

  // The register fields of Case Management.
  await board.shell.goTo('insatser');
  await page.getByTestId('insats-list').getByRole('link', { name: 'Case Management', exact: true }).click();
  await page.getByTestId('insats-facts').waitFor();
  await page.getByTestId('edit').click();
  const form = page.getByTestId('insats-form');
  await form.locator('#insats-orientation').selectOption({ label: 'Individinriktad' });
  await form.locator('#insats-target-group').fill('16–64 år i behov av samordnat stöd');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('insats-orientation').innerText(), 'Individinriktad');
  assert.equal(await page.getByTestId('insats-target-group').innerText(), '16–64 år i behov av samordnat stöd');

  // Its budget for 2018, and its spend until the delår.
  const scope = new ScopePage(page);
  await (await scope.addFigure('target', { indicator: COST, year: 2018, value: '1 200 000' })).waitFor({ state: 'detached' });
  await page.getByTestId('add-outcome').click();
  const outcome = page.getByTestId('outcome-form');
  await outcome.locator('#outcome-indicator').selectOption({ label: COST });
  await outcome.locator('#outcome-period-kind').selectOption({ label: 'Tertial (T1, delår T2)' });
  await outcome.locator('#outcome-period-year').fill('2018');
  await outcome.locator('#outcome-period-part').selectOption('2');
  await outcome.locator('#outcome-value').fill('700 000');
  await outcome.getByTestId('save').click();
  await outcome.waitFor({ state: 'detached' });

  // The file for 2018, with the cost indicator the app proposes.
  await board.shell.goTo('exchange');
  const section = page.getByTestId('finsam-export');
  await section.locator('#finsam-year').fill('2018');
  await section.locator('#finsam-cost').selectOption({ label: COST });
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('finsam-export-csv').click()]);
  assert.equal(download.suggestedFilename(), 'uppfoljning-finsam-2018-csv.csv');
  const text = await readFile(await download.path(), 'utf8');
  const [header, ...rows] = text.trim().split('\n');
  assert.equal(
    header,
    'År,Insats,Projekt,Inriktning,Målgrupp,Kommuner,Utförare,Planerade deltagare,Deltagare,Budget (kr),Kostnad utfall (kr),Utfall till och med,Prognos (kr),Kostnad per deltagare (kr)',
  );
  const cm = rows.find((r) => r.startsWith('2018,Case Management,'));
  assert.ok(cm, `a row for Case Management in\n${text}`);
  assert.match(cm, /,Individinriktad,16–64 år i behov av samordnat stöd,/);
  assert.match(cm, /,1200000,700000,2018-08-31,/);
  // A year that is none is refused at the field, and nothing is downloaded.
  await section.locator('#finsam-year').fill('tjugo');
  await section.getByTestId('finsam-export-csv').click();
  await section.getByText('Skriv ett år, till exempel 2018.').waitFor();
  errors.assertClean();
});

/** Text in Windows-1252, as Excel saves "CSV (semikolonavgränsad)" on many laptops. */
function windows1252(text) {
  return Buffer.from([...text].map((c) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 })[c] ?? c.charCodeAt(0)));
}

test('budget lines from a Swedish Excel file: a bad row stops the file, the fixed one goes in', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('exchange');
  const input = page.getByTestId('budget-csv-file');
  const file = (text) => ({ name: 'budget.csv', mimeType: 'text/csv', buffer: windows1252(text) });
  const header = 'Insats;År;Budget;Utfall;Utfall till och med;Prognos\r\n';
  // The demo's one indicator in kronor (ESF-medel) is implied.
  await input.setInputFiles(file(header + 'Case Management;2018;1 200 000;700 000,50;2018-08-31;1 150 000\r\nUng i Tyresö;2018;-5;;;\r\n'));
  await page.getByTestId('budget-csv-report').waitFor();
  assert.match(await page.getByTestId('budget-csv-rejected').innerText(), /Rad 3: Budget: Ett belopp kan inte vara negativt\./);
  assert.equal(await page.getByTestId('budget-csv-confirm').count(), 0);
  await page.getByTestId('budget-csv-cancel').click();
  await input.setInputFiles(file(header + 'Case Management;2018;1 200 000;700 000,50;2018-08-31;1 150 000\r\n'));
  assert.match(await page.getByTestId('budget-csv-summary').innerText(), /^3 nya, 0 ändrade, 0 oförändrade, 0 med fel/);
  await page.getByTestId('budget-csv-confirm').click();
  await page.getByTestId('budget-csv-report').waitFor({ state: 'detached' });

  // The board of the delår: the budget pro rata, the spend (öre rounded up)
  // and the forecast.
  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'tertial', year: 2018, part: 2 });
  await page.waitForURL(/period=2018-T2/);
  const row = page.getByTestId('goal-row').filter({ hasText: 'ESF-medel' }).filter({ hasText: 'Case Management' });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /1 200 000 kr 798 904 kr pro rata t\.o\.m\. 31 aug 2018 Prognos 1 150 000 kr/);
  assert.match(text, /700 001 kr/);
  errors.assertClean();
});

test('a project’s financiers and what their money bought, in the printed report', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('projects');
  await page.getByTestId('project-list').getByRole('link', { name: 'MIA – Mobilisering inför arbete', exact: true }).click();
  await page.getByTestId('edit').click();
  const form = page.getByTestId('project-form');
  const addRow = async (financier, share) => {
    await form.getByTestId('project-add-financier').click();
    const i = (await form.getByTestId('financing-row').count()) - 1;
    await form.locator(`#project-financing-${i}-financier`).selectOption({ label: financier });
    await form.locator(`#project-financing-${i}-share`).fill(share);
  };
  await addRow('Europeiska socialfonden (ESF)', '60');
  await addRow('Staten (Försäkringskassan)', '50');
  await form.getByTestId('save').click();
  await form.getByText('Andelarna blir tillsammans mer än 100 %.').waitFor();
  await form.locator('#project-financing-1-share').fill('40');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  assert.equal((await page.getByTestId('financing').innerText()).replace(/\s+/g, ' '), 'Europeiska socialfonden (ESF) 60 %, Staten (Försäkringskassan) 40 %');

  // The report of 2018: MIA's ESF budget (100 mkr) and spend so far
  // (38,4 mkr) divided by the shares.
  await page.goto(new URL('/rapport?period=2018', app.server.url).href);
  const table = page.getByTestId('report-economy').getByTestId('financing-table');
  await table.waitFor();
  const esf = (await table.getByTestId('financing-row').filter({ hasText: 'ESF)' }).first().innerText()).replace(/\s+/g, ' ');
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'report-financing');
  assert.match(esf, /MIA – Mobilisering inför arbete ESF-medel: budget och utfall Europeiska socialfonden \(ESF\) 60 % 60 000 000 kr 23 040 000 kr/);
  errors.assertClean();
});
