// Money end to end: an indicator counted in kronor, whose target is a
// budget and whose outcome is a spend. The example data holds the ESF
// budgets the newsletters give; Case Management gets a budget of
// 1 200 000 kr for 2018, a spend for T1 (January–April, compared pro rata:
// 120 of 365 days), then for T2, the delår (January–August), and the board
// and the printed report of the delår show status, gap and a chart in
// kronor, with a forecast for the year, a written comment on the delår and
// the cost per participant.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, screenshot } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { axeViolations, describeViolations } from '../lib/accessibility.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** The whole text of the board's row for `indicator` (and `scope`), spaces made plain. */
async function rowText(page, indicator, scope = '') {
  const row = page.getByTestId('goal-row').filter({ hasText: indicator }).filter({ hasText: scope });
  return (await row.innerText()).replace(/\s+/g, ' ');
}

const NAME = 'Kostnad mot budget';
const INSATS = 'Case Management';
const PER = 'Kostnad per deltagare';

/** Fills the period of an open target or outcome form with a tertial report's. */
async function chooseTertial(form, kind, year, tertial) {
  await form.locator(`#${kind}-period-kind`).selectOption({ label: 'Tertial (T1, delår T2)' });
  await form.locator(`#${kind}-period-year`).fill(String(year));
  await form.locator(`#${kind}-period-part`).selectOption(String(tertial));
}

/** Chooses the option of a select whose text is `name`, whatever its prefix. */
async function chooseScope(form, kind, name) {
  const select = form.locator(`#${kind}-scope`);
  const value = await select.evaluate(
    (el, wanted) => [...el.options].find((o) => o.textContent.trim().endsWith(wanted))?.value,
    name,
  );
  assert.ok(value, `a scope named ${name}`);
  await select.selectOption(value);
}

test('the example data shows MIA’s ESF budget against its spend so far, pro rata', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url, '/?period=2018');
  await board.loadDemo();
  const rows = await board.rows();
  const mia = rows.find((r) => r.indicator === 'ESF-medel: budget och utfall' && /MIA/.test(r.scope));
  assert.ok(mia, 'a row for MIA’s ESF budget');
  // 100 mkr over 1 249 days; the spend covers the first 518 of them.
  assert.equal(mia.target, '100 000 000 kr');
  assert.match(await rowText(board.page, 'ESF-medel', 'MIA'), /41 473 179 kr pro rata/);
  assert.equal(mia.outcome, '38 400 000 kr');
  assert.equal(mia.status, '✓ Uppnått');
  await board.page.getByTestId('chart-kronor').waitFor();
  errors.assertClean();
});

test('a budget of 1 200 000 kr for 2018 meets a spend for T1 and then T2, pro rata', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;

  await board.shell.goTo('indicators');
  await page.getByTestId('new-indicator').click();
  const form = page.getByTestId('indicator-form');
  await form.locator('#indicator-name').fill(NAME);
  await form.locator('#indicator-unit').selectOption({ label: 'Kronor (budget och utfall)' });
  await form.locator('#indicator-direction').selectOption({ label: 'Lägre är bättre' });
  await form.locator('#indicator-prorate').check();
  await form.getByTestId('save').click();
  await page.waitForURL(/\/indikatorer\/[A-Za-z0-9_-]+$/);

  // The budget: öre are rounded, an ambiguous or negative amount is refused.
  await page.getByTestId('add-target').click();
  const target = page.getByTestId('target-form');
  await chooseScope(target, 'target', INSATS);
  await target.locator('#target-period-kind').selectOption('year');
  await target.locator('#target-period-year').fill('2018');
  await target.locator('#target-value').fill('-5');
  await target.getByTestId('save').click();
  await target.getByText('Ett belopp kan inte vara negativt.').waitFor();
  await target.locator('#target-value').fill('1 200 000');
  await target.getByTestId('save').click();
  await target.waitFor({ state: 'detached' });

  // Spend for T1, January to April, with öre.
  await page.getByTestId('add-outcome').click();
  let outcome = page.getByTestId('outcome-form');
  await chooseScope(outcome, 'outcome', INSATS);
  await chooseTertial(outcome, 'outcome', 2018, 1);
  await outcome.locator('#outcome-value').fill('420 000,50');
  await outcome.getByTestId('save').click();
  await outcome.waitFor({ state: 'detached' });

  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'year', year: 2018 });
  await page.waitForURL(/period=2018/);
  let row = (await board.rows()).find((r) => r.indicator === NAME);
  assert.ok(row, 'a row for the budget');
  // 1 200 000 × 120 / 365 = 394 520,5… → 394 521 kr; the spend is 6,5 %
  // above it, within the 10 % tolerance.
  assert.equal(row.target, '1 200 000 kr');
  assert.match(await rowText(page, NAME), /394 521 kr pro rata/);
  assert.equal(row.outcome, '420 001 kr');
  assert.equal(row.gap, '+25 480 kr');
  assert.equal(row.status, '≈ Nära');

  // Spend for T2, January to August: under its share of the budget.
  await board.shell.goTo('indicators');
  await page.getByTestId('indicator-list').getByRole('link', { name: NAME, exact: true }).click();
  await page.getByTestId('add-outcome').click();
  outcome = page.getByTestId('outcome-form');
  await chooseScope(outcome, 'outcome', INSATS);
  await chooseTertial(outcome, 'outcome', 2018, 2);
  await outcome.locator('#outcome-value').fill('700 000');
  await outcome.getByTestId('save').click();
  await outcome.waitFor({ state: 'detached' });

  // A forecast for the whole year, made at the delår.
  await page.getByTestId('add-forecast').click();
  const forecast = page.getByTestId('forecast-form');
  await chooseScope(forecast, 'forecast', INSATS);
  await forecast.locator('#forecast-period-kind').selectOption('year');
  await forecast.locator('#forecast-period-year').fill('2018');
  await forecast.locator('#forecast-value').fill('1 150 000');
  await forecast.locator('#forecast-made-on').fill('2018-08-31');
  await forecast.getByTestId('save').click();
  await forecast.waitFor({ state: 'detached' });

  // A comment on the budget for the delår: none without an answer, none
  // with a personal number in it.
  await page.getByTestId('add-comment').click();
  const comment = page.getByTestId('comment-form');
  const targetSelect = comment.locator('#comment-target');
  const targetValue = await targetSelect.evaluate(
    (el, wanted) => [...el.options].find((o) => o.textContent.includes(wanted))?.value,
    INSATS,
  );
  assert.ok(targetValue, 'the budget among the targets to comment on');
  await targetSelect.selectOption(targetValue);
  await comment.locator('#comment-period-kind').selectOption({ label: 'Tertial (T1, delår T2)' });
  await comment.locator('#comment-period-year').fill('2018');
  await comment.locator('#comment-period-part').selectOption('2');
  await comment.getByTestId('save').click();
  await comment.getByText('Fyll i det här fältet.').waitFor();
  await comment.locator('#comment-happened').fill('Färre deltagare än planerat under våren, så kostnaden ligger under budget.');
  await comment.locator('#comment-why').fill('Två tjänster var vakanta 19811218-9876.');
  await comment.getByTestId('save').click();
  await comment.getByText('Ser ut som ett person- eller samordningsnummer').waitFor();
  await comment.locator('#comment-why').fill('Två tjänster var vakanta till och med mars.');
  await comment.locator('#comment-next').fill('Tjänsterna är tillsatta; prognosen för helåret är 1 150 000 kr.');
  await comment.getByTestId('save').click();
  await comment.waitFor({ state: 'detached' });
  const written = (await page.getByTestId('comment-table').innerText()).replace(/\s+/g, ' ');
  assert.match(written, /januari–augusti 2018 \(delår, T2\)/);
  assert.match(written, /Vad hände\? Färre deltagare/);

  // Cost per participant: the spend over the participants of the same days.
  await board.shell.goTo('indicators');
  await page.getByTestId('new-indicator').click();
  const perForm = page.getByTestId('indicator-form');
  await perForm.locator('#indicator-name').fill(PER);
  await perForm.locator('#indicator-unit').selectOption({ label: 'Kronor (budget och utfall)' });
  await perForm.locator('#indicator-ratio-numerator').selectOption({ label: NAME });
  await perForm.locator('#indicator-ratio-denominator').selectOption('participants');
  await perForm.locator('#indicator-direction').selectOption({ label: 'Lägre är bättre' });
  await perForm.getByTestId('save').click();
  await page.waitForURL(/\/indikatorer\/[A-Za-z0-9_-]+$/);
  assert.equal(await page.getByTestId('ratio').innerText(), `${NAME} per deltagare (aktiva under perioden)`);
  await page.getByTestId('add-target').click();
  const perTarget = page.getByTestId('target-form');
  await chooseScope(perTarget, 'target', INSATS);
  await perTarget.locator('#target-period-kind').selectOption('year');
  await perTarget.locator('#target-period-year').fill('2018');
  await perTarget.locator('#target-value').fill('20 000');
  await perTarget.getByTestId('save').click();
  await perTarget.waitFor({ state: 'detached' });

  // The delår on the board: the address names it, the heading says it.
  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'tertial', year: 2018, part: 2 });
  await page.waitForURL(/period=2018-T2/);
  await page.getByRole('heading', { name: 'januari–augusti 2018 (delår, T2)' }).first().waitFor();
  row = (await board.rows()).find((r) => r.indicator === NAME);
  // 1 200 000 × 243 / 365 = 798 904,1… → 798 904 kr.
  assert.match(await rowText(page, NAME), /798 904 kr pro rata/);
  assert.equal(row.outcome, '700 000 kr');
  assert.equal(row.status, '✓ Uppnått');
  assert.match(await rowText(page, NAME), /Prognos 1 150 000 kr \(31 aug 2018\)/);
  // 700 000 kr over the 40 participants of Case Management, January–August.
  const per = (await board.rows()).find((r) => r.indicator === PER);
  assert.equal(per.outcome, '17 500 kr');
  assert.equal(per.status, '✓ Uppnått');
  assert.match(await rowText(page, PER), /17 500 kr hittills, t\.o\.m\. 31 aug 2018 beräknat som kvot/);
  const boardComment = page.getByTestId('goal-comment').filter({ hasText: 'Färre deltagare' });
  const commentText = (await boardComment.innerText()).replace(/\s+/g, ' ');
  assert.match(commentText, /Kommentar, januari–augusti 2018 \(delår, T2\)/);
  assert.match(commentText, /Varför\? Två tjänster var vakanta till och med mars\./);
  assert.match(commentText, /Vad gör vi nu\? Tjänsterna är tillsatta/);
  await boardComment.scrollIntoViewIfNeeded();
  await screenshot(page, 'money-comment');
  const chart = page.getByTestId('chart-kronor');
  await chart.waitFor();
  const drawn = (await chart.innerText()).replace(/\s+/g, ' ');
  assert.match(drawn, /Kronor mot budget/);
  // The mark of a target in kronor says what it is: the budget.
  assert.match(drawn, /Budget 798 904 kr pro rata · Prognos 1 150 000 kr/);
  const found = await axeViolations(page);
  assert.equal(found.length, 0, describeViolations('the board with a budget', found));
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'money-board');

  // The printed follow-up report of the delår shows the same row.
  await page.getByTestId('board-report').click();
  await page.getByTestId('report').waitFor();
  // Budgets, spend and cost per result are the report's economy section.
  const reportRow = page.getByTestId('report-economy').getByTestId('goal-row').filter({ hasText: NAME }).first();
  await reportRow.waitFor();
  assert.match(
    (await reportRow.innerText()).replace(/\s+/g, ' '),
    /1 200 000 kr 798 904 kr pro rata.*Prognos 1 150 000 kr.* 700 000 kr .*✓ Uppnått/,
  );
  const reportPer = page.getByTestId('report-economy').getByTestId('goal-row').filter({ hasText: PER }).first();
  assert.match((await reportPer.innerText()).replace(/\s+/g, ' '), /20 000 kr.*17 500 kr.*✓ Uppnått/);
  const reportComment = page.getByTestId('report').getByTestId('goal-comment').filter({ hasText: 'Färre deltagare' });
  assert.match((await reportComment.first().innerText()).replace(/\s+/g, ' '), /Vad gör vi nu\? Tjänsterna är tillsatta/);
  assert.match(page.url(), /period=2018-T2/);
  errors.assertClean();
});

test('the delår in English shows the example data’s comment and forecast with English questions', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('settings');
  await page.locator('#settings-language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'tertial', year: 2018, part: 2 });
  await page.waitForURL(/period=2018-T2/);
  const comment = page.getByTestId('goal-comment').filter({ hasText: 'MIA Östra Södertörn' });
  const text = (await comment.first().innerText()).replace(/\s+/g, ' ');
  assert.match(text, /^Comment, /);
  assert.match(text, /What happened\? Måluppfyllelsen för MIA Östra Södertörn hittills är 15 procent/);
  assert.match(text, /What do we do next\? MIA Östra Södertörn förstärks/);
  // No "why" was written: the question is not shown.
  assert.doesNotMatch(text, /Why\?/);
  assert.match(await rowText(page, 'ESF-medel', 'MIA'), /Forecast 96 000 000 kr/);
  const found = await axeViolations(page);
  assert.equal(found.length, 0, describeViolations('the English delår board', found));
  errors.assertClean();
});
