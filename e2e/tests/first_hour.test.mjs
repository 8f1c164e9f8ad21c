// A new förbund's first hour: "Börja med egna uppgifter" leads to a
// checklist that ticks itself off, and the indicators most förbund follow
// are offered as a starting set.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, openApp, screenshot } from '../lib/browser.mjs';
import { axeViolations, describeViolations } from '../lib/accessibility.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** The checklist's lines as [text, done] pairs. */
async function steps(page) {
  const items = page.getByTestId('first-step');
  const out = [];
  for (const item of await items.all()) {
    out.push([(await item.innerText()).trim(), (await item.getAttribute('data-done')) === 'true']);
  }
  return out;
}

test('own data: the checklist ticks itself off and the starting set of indicators is added', async () => {
  const { page, errors } = await openApp(app.browser.context, app.server.url);
  await page.getByTestId('welcome').waitFor();
  await page.getByRole('link', { name: 'Börja med egna uppgifter' }).click();
  await page.waitForURL(/\/organisation$/);

  const list = page.getByTestId('first-steps');
  await list.waitFor();
  assert.equal(await page.getByTestId('first-steps-progress').innerText(), '0 av 6 steg klara');
  let lines = await steps(page);
  assert.equal(lines.length, 6);
  assert.match(lines[0][0], /Ge förbundet ett namn.*Nästa steg/s, 'the first step is marked as next');
  assert.ok(lines.every(([, done]) => !done));

  await page.locator('#organisation-name').fill('Samordningsförbundet Exempel');
  await page.locator('#organisation-name').press('Enter');
  await page.getByTestId('first-steps-progress').filter({ hasText: '1 av 6 steg klara' }).waitFor();

  await page.locator('#municipality-new-name').fill('Haninge');
  await page.locator('#municipality-new-name').press('Enter');
  await page.getByTestId('first-steps-progress').filter({ hasText: '2 av 6 steg klara' }).waitFor();
  lines = await steps(page);
  assert.deepEqual(lines.map(([, d]) => d), [true, true, false, false, false, false]);
  assert.match(lines[2][0], /Lägg till den första insatsen.*Nästa steg/s);

  // The step links lead to where each step is done.
  await list.getByRole('link', { name: 'Välj indikatorer' }).click();
  await page.waitForURL(/\/indikatorer$/);
  const offer = page.getByTestId('standard-indicators');
  await offer.waitFor();
  assert.deepEqual(
    (await offer.locator('li').allInnerTexts()).map((s) => s.trim()),
    [
      'Deltagare',
      'Nya deltagare',
      'Andel till arbete eller studier',
      'Andel till ordinarie insatser',
      'Myndighetsgemensamma konsultationer',
      'Gäster på frukostmöten',
    ],
  );
  await page.getByTestId('add-standard-indicators').click();
  await page.getByRole('status').filter({ hasText: '6 indikatorer lades till.' }).or(page.getByText('6 indikatorer lades till.')).first().waitFor();
  await offer.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('indicator-list').locator('li').count(), 6);

  // Back on the board, the checklist shows what is done and what is next.
  await page.getByTestId('nav-board').click();
  await list.waitFor();
  lines = await steps(page);
  assert.deepEqual(lines.map(([, d]) => d), [true, true, false, true, false, false]);
  assert.equal(await page.getByTestId('first-steps-progress').innerText(), '3 av 6 steg klara');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations('board with the checklist', violations));
  await screenshot(page, 'first-hour-board', { fullPage: true });

  // "Sätt ett mål" leads to an indicator's page, where targets are set.
  await list.getByRole('link', { name: 'Sätt ett mål' }).click();
  await page.waitForURL(/\/indikatorer\/ind-/);
  errors.assertClean();
});

test('with the example data loaded, no checklist and no starting set are offered', async () => {
  const { page, errors } = await openApp(app.browser.context, app.server.url);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('board-period').waitFor();
  await page.getByTestId('goal-row').first().waitFor();
  assert.equal(await page.getByTestId('first-steps').count(), 0);
  await page.goto(`${app.server.url}/indikatorer`);
  await page.getByTestId('indicator-list').waitFor();
  assert.equal(await page.getByTestId('standard-indicators').count(), 0, 'the example data follows the starting set already');
  errors.assertClean();
});
