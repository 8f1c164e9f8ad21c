// Yes/no goals end to end: a goal met or missed without a number
// (Nynäshamn's "Målet om 12 procent kvinnor bland deltagarna har
// uppfyllts"). The example data shows it on the 2017 board; a new yes/no
// indicator gets a target with no number, an outcome "Ännu inte känt" that
// the board shows as such, then "Uppfyllt", which the board and the
// follow-up report show as met.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, screenshot } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { axeViolations, describeViolations } from '../lib/accessibility.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const NAME = 'Rapporten lämnad i tid';

/** Fills the period of an open target or outcome form with a year. */
async function chooseYear(form, kind, year) {
  await form.locator(`#${kind}-period-kind`).selectOption('year');
  await form.locator(`#${kind}-period-year`).fill(String(year));
}

test('the example data shows Nynäshamn’s yes/no goal as met in words', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url, '/?period=2017');
  await board.loadDemo();
  const rows = await board.rows();
  const goal = rows.find((r) => r.indicator === 'Minst 12 procent kvinnor bland deltagarna');
  assert.ok(goal, 'a row for the yes/no goal');
  assert.equal(goal.scope, 'Tak- och tätskiktsutbildningen');
  assert.equal(goal.target, 'ska uppfyllas');
  assert.equal(goal.outcome, 'uppfyllt');
  assert.equal(goal.status, '✓ Uppnått');
  assert.equal(goal.gap, '');
  errors.assertClean();
});

test('a yes/no goal not yet known, then met, shows so on the board and in the report', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;

  // The indicator: the unit Ja/nej offers no breakdowns and no pro rata.
  await board.shell.goTo('indicators');
  await page.getByTestId('new-indicator').click();
  const form = page.getByTestId('indicator-form');
  await form.locator('#indicator-name').fill(NAME);
  await form.locator('#indicator-unit').selectOption({ label: 'Ja/nej (uppfyllt eller inte)' });
  await form.locator('#indicator-tolerance').waitFor({ state: 'detached' });
  assert.equal(await form.locator('#indicator-dim-gender').count(), 0);
  assert.equal(await form.locator('#indicator-prorate').count(), 0);
  await form.getByTestId('save').click();
  await page.waitForURL(/\/indikatorer\/[A-Za-z0-9_-]+$/);
  assert.equal(await page.getByTestId('page-title').textContent(), NAME);

  // The target needs no number: it is to be met.
  await page.getByTestId('add-target').click();
  const target = page.getByTestId('target-form');
  await chooseYear(target, 'target', 2019);
  await target.getByTestId('yes-no-target').waitFor();
  assert.equal(await target.locator('#target-value').count(), 0);
  await target.getByTestId('save').click();
  await target.waitFor({ state: 'detached' });

  // The outcome: three choices; none chosen is refused at the field.
  await page.getByTestId('add-outcome').click();
  const outcome = page.getByTestId('outcome-form');
  await chooseYear(outcome, 'outcome', 2019);
  await outcome.getByTestId('save').click();
  await outcome.getByText('Fyll i det här fältet.').waitFor();
  assert.deepEqual(
    await outcome.getByTestId('outcome-answer').locator('label').allInnerTexts(),
    ['Uppfyllt', 'Ej uppfyllt', 'Ännu inte känt'],
  );
  await outcome.getByLabel('Ännu inte känt', { exact: true }).check();
  await outcome.locator('#outcome-note').fill('Besked från kommunen väntas i juni.');
  await outcome.getByTestId('save').click();
  await outcome.waitFor({ state: 'detached' });

  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'year', year: 2019 });
  await page.waitForURL(/period=2019/);
  let row = (await board.rows()).find((r) => r.indicator === NAME);
  assert.ok(row, 'a row for the new goal');
  assert.equal(row.target, 'ska uppfyllas');
  assert.match(row.outcome, /^ännu inte känt$/);
  assert.equal(row.status, '? Ännu inte känt');
  const note = page.getByTestId('goal-row').filter({ hasText: NAME }).getByTestId('outcome-note');
  assert.equal(await note.textContent(), 'Besked från kommunen väntas i juni.');
  // The grey "not yet known" status passes axe's contrast check.
  const found = await axeViolations(page);
  assert.equal(found.length, 0, describeViolations('the board with a goal not yet known', found));
  await page.getByTestId('goal-row').filter({ hasText: NAME }).scrollIntoViewIfNeeded();
  await screenshot(page, 'yes-no-board-unknown');

  // Now it is known: met.
  await board.shell.goTo('indicators');
  await page.getByTestId('indicator-list').getByRole('link', { name: NAME, exact: true }).click();
  const outcomeRow = page.getByTestId('figure-row').filter({ hasText: 'ännu inte känt' });
  await outcomeRow.getByRole('button', { name: 'Ändra' }).click();
  const edit = page.getByTestId('outcome-form');
  assert.ok(await edit.getByLabel('Ännu inte känt', { exact: true }).isChecked());
  await edit.getByLabel('Uppfyllt', { exact: true }).check();
  await edit.getByTestId('save').click();
  await edit.waitFor({ state: 'detached' });

  await board.shell.goTo('board');
  await board.choosePeriod({ kind: 'year', year: 2019 });
  row = (await board.rows()).find((r) => r.indicator === NAME);
  assert.equal(row.outcome, 'uppfyllt');
  assert.equal(row.status, '✓ Uppnått');
  const met = page.getByTestId('goal-row').filter({ hasText: NAME }).locator('.status-met');
  assert.equal(await met.count(), 1);
  await page.getByTestId('goal-row').filter({ hasText: NAME }).scrollIntoViewIfNeeded();
  await screenshot(page, 'yes-no-board');

  // The follow-up report shows the same row.
  await page.getByTestId('board-report').click();
  await page.getByTestId('report').waitFor();
  const reportRow = page.getByTestId('report').getByTestId('goal-row').filter({ hasText: NAME }).first();
  await reportRow.waitFor();
  assert.match(await reportRow.innerText(), /ska uppfyllas[\s\S]*uppfyllt[\s\S]*✓ Uppnått/);
  errors.assertClean();
});
