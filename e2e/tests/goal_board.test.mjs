// The goal board end to end, the way a förbund's staff would use it: load
// the example data on an empty browser, read the newsletters' figures off the
// board, record a new insats with a target and an outcome through the forms,
// reload, and find everything still there; invalid input gets a message.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useAppUnderTest, openApp, screenshot } from '../lib/browser.mjs';
import { BoardPage, InsatserPage, ScopePage } from '../pages/app.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

// Figures are printed with no-break spaces (`15 %`, `1 234`); the page
// objects read text with all whitespace as plain spaces.

test('the example data shows the newsletters’ figures on the board', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.welcome().waitFor();
  await board.loadDemo();

  assert.equal(await board.periodHeading().textContent(), '2017');
  const rows = await board.rows();
  const participants = rows.find((r) => r.indicator === 'Deltagare' && r.scope === 'Hela förbundet');
  assert.ok(participants, 'a row for Deltagare');
  assert.equal(participants.target, '975');
  assert.equal(participants.outcome, '927');
  assert.equal(participants.status, '≈ Nära');

  const mia = rows.find((r) => r.indicator === 'Andel till arbete eller studier' && r.scope === 'MIA Östra Södertörn');
  assert.ok(mia, 'a row for MIA Östra Södertörn');
  assert.equal(mia.target, '30 %');
  assert.equal(mia.outcome, '15 %');
  assert.equal(mia.status, '✗ Efter');

  const consultations = rows.find((r) => r.indicator === 'Myndighetsgemensamma konsultationer');
  assert.deepEqual([consultations.target, consultations.outcome], ['200', '183']);

  // The charts print the same figures.
  const counts = await board.page.getByTestId('chart-counts').locator('svg').textContent();
  assert.match(counts, /927/);
  assert.match(counts, /975/);

  await screenshot(board.page, 'board', { fullPage: true });

  // Half-year outcomes against a yearly goal: 204 new youth participants is
  // ahead of the pro-rata goal (193) of 390 for the year.
  await board.choosePeriod({ kind: 'year', year: 2018 });
  await board.page.waitForURL(/period=2018/);
  const rows2018 = await board.rows();
  const inflow = rows2018.find((r) => r.indicator === 'Nya deltagare');
  assert.equal(inflow.target, '390');
  assert.equal(inflow.outcome, '204');
  assert.equal(inflow.status, '✓ Uppnått');

  // Switching to half-years keeps the place in time: 2018 → first half of 2018,
  // where the half-year reports answer the yearly goals "so far".
  await board.choosePeriod({ kind: 'half' });
  await board.page.waitForURL(/period=2018-H1/);
  assert.equal(await board.periodHeading().textContent(), 'första halvåret 2018');
  await board.choosePeriod({ kind: 'half', part: 2 });
  await board.page.waitForURL(/period=2018-H2/);
  errors.assertClean();
});

test('an insats with a target and an outcome survives a reload; bad input is refused with a message', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('insatser');

  // An end date before the start date is refused at the field.
  const insatser = new InsatserPage(page);
  const form = await insatser.create({
    name: 'Jobbspåret Tyresö',
    kind: 'work_training',
    municipalities: ['Tyresö'],
    provider: 'Grow Tyresö',
    start: '2019-01-01',
    end: '2018-01-01',
    capacity: 12,
  });
  await assert.doesNotReject(form.getByText('Slutet kan inte ligga före starten.').waitFor());
  await form.locator('#insats-end').fill('2019-12-31');
  await form.getByTestId('save').click();

  const insats = new ScopePage(page);
  await page.waitForURL(/\/insatser\/[A-Za-z0-9_-]+$/);
  assert.equal(await insats.title().textContent(), 'Jobbspåret Tyresö');
  const url = page.url();

  await insats.addFigure('target', { indicator: 'Andel till arbete eller studier', year: 2019, value: '30' });
  await page.getByTestId('target-form').waitFor({ state: 'detached' });

  // A percentage above 100 is refused, and nothing is stored.
  const outcomeForm = await insats.addFigure('outcome', {
    indicator: 'Andel till arbete eller studier',
    year: 2019,
    value: '150',
  });
  await outcomeForm.getByText('En procentsats måste vara mellan 0 och 100.').waitFor();
  assert.equal(await outcomeForm.locator('#outcome-value').getAttribute('aria-invalid'), 'true');
  await insats.fillValueAndSave('outcome', '35,5', '2019-12-31');
  await outcomeForm.waitFor({ state: 'detached' });

  const before = await insats.cardTable('Andel till arbete eller studier');
  assert.deepEqual(before, [[`Andel till arbete eller studier · Jobbspåret Tyresö`, '30 %', '35,5 %', 'Uppnått']]);
  await screenshot(page, 'insats');

  await page.reload({ waitUntil: 'load' });
  await insats.title().waitFor();
  assert.equal(page.url(), url);
  assert.equal(await insats.title().textContent(), 'Jobbspåret Tyresö');
  await page.locator('#scope-period-year').fill('2019');
  const after = await insats.cardTable('Andel till arbete eller studier');
  assert.deepEqual(after, before);

  // The board for 2019 lists the new goal.
  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'year', year: 2019 });
  await page.waitForURL(/period=2019/);
  const rows = await board.rows();
  assert.ok(rows.some((r) => r.scope === 'Jobbspåret Tyresö' && r.outcome === '35,5 %'));
  errors.assertClean();
});

test('an unknown record address says the record does not exist', async () => {
  const { page, errors } = await openApp(app.browser.context, app.server.url, '/insatser/finns-inte');
  await page.getByTestId('record-missing').waitFor();
  errors.assertClean();
});

test('a target is edited and deleted on its indicator page, and the board follows after a reload', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('indicators');
  await page.getByTestId('indicator-list').getByRole('link', { name: 'Deltagare', exact: true }).click();
  await page.waitForURL(/\/indikatorer\/demo-ind-deltagare$/);

  const targetRow = page.getByTestId('figure-row').filter({ hasText: '975' });
  await targetRow.getByRole('button', { name: 'Ändra' }).click();
  const form = page.getByTestId('target-form');
  await form.locator('#target-value').fill('980');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  const edited = page.getByTestId('figure-row').filter({ hasText: '980' });
  await edited.waitFor();

  await edited.getByTestId('delete').click();
  await edited.getByTestId('confirm-delete-yes').click();
  await edited.waitFor({ state: 'detached' });

  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('figure-row').filter({ hasText: '980' }).count(), 0);
  // The outcome 927 is still recorded; only the goal is gone.
  assert.equal(await page.getByTestId('figure-row').filter({ hasText: '927' }).count(), 1);

  await board.shell.goTo('board');
  const rows = await board.rows();
  // The förbund's goal is gone (Esters entreprenörsprogram keeps its own).
  assert.ok(!rows.some((r) => r.indicator === 'Deltagare' && r.scope === 'Hela förbundet'), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.indicator === 'Deltagare' && r.scope === 'Esters entreprenörsprogram'), JSON.stringify(rows));
  errors.assertClean();
});

test('a chart downloads as SVG and as a PNG at twice its size, named by its title, with period and source', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url, '/?period=2017');
  await board.loadDemo();
  const chart = board.page.getByTestId('chart-counts');
  await chart.locator('svg').first().waitFor();
  // On the page the chart fills its column; its drawing size is the viewBox.
  const svg = await chart.locator('svg').first().evaluate((s) => ({
    width: s.viewBox.baseVal.width,
    height: s.viewBox.baseVal.height,
  }));

  const [svgFile] = await Promise.all([
    board.page.waitForEvent('download'),
    chart.getByTestId('download-svg').click(),
  ]);
  assert.match(svgFile.suggestedFilename(), /^maltavla-[a-z0-9-]+\.svg$/);
  const svgText = await readFile(await svgFile.path(), 'utf8');
  // The file is the drawing with the period and the source printed under it.
  const size = svgText.match(/^<svg[^>]* width="(\d+)" height="(\d+)"/);
  assert.ok(size, svgText.slice(0, 300));
  const [width, height] = [Number(size[1]), Number(size[2])];
  assert.equal(width, svg.width);
  assert.ok(height > svg.height, `${height} > ${svg.height}`);
  assert.match(svgText, />Period: 2017<\/text>/);
  assert.match(svgText, />Källa: Samordningsförbundet Östra Södertörn, uppföljning i Måltavla \d{1,2}\s[a-zé]{3}\s\d{4}<\/text>/);

  const [pngFile] = await Promise.all([
    board.page.waitForEvent('download'),
    chart.getByTestId('download-png').click(),
  ]);
  assert.match(pngFile.suggestedFilename(), /^maltavla-[a-z0-9-]+\.png$/);
  const png = await readFile(await pngFile.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  assert.equal(png.readUInt32BE(16), width * 2);
  assert.equal(png.readUInt32BE(20), height * 2);
  errors.assertClean();
});
