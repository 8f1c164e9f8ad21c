// Uppföljning Finsam end to end: an insats's register fields (orientation,
// target group), its budget and spend for 2018, and the file per insats and
// year that carries them with the participants, ready to key in.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useAppUnderTest } from '../lib/browser.mjs';
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
