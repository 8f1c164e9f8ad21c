// Moving around like a person does: menu links, a link inside a page, the
// back button, and a bookmarked board address opened in a new browser.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

test('links change the page without reloading, and the back button returns', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  // A marker on window survives in-app navigation but not a page load.
  await page.evaluate(() => {
    window.__stillTheSamePage = true;
  });

  // The "example data loaded" notice belongs to the board it was shown on.
  await page.getByTestId('notice').waitFor();
  await board.shell.goTo('insatser');
  await page.waitForURL(/\/insatser$/);
  assert.equal(await page.getByTestId('nav-insatser').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('notice').count(), 0, 'the notice went with the page it was given on');
  await page.getByTestId('insats-list').getByRole('link', { name: 'Ung i Tyresö' }).click();
  await page.waitForURL(/\/insatser\/demo-ung-tyreso$/);
  assert.equal(await page.getByTestId('page-title').textContent(), 'Ung i Tyresö');
  // The detail page still marks its section in the menu.
  assert.equal(await page.getByTestId('nav-insatser').getAttribute('aria-current'), 'page');

  await page.goBack();
  await page.waitForURL(/\/insatser$/);
  await page.getByTestId('insats-list').waitFor();
  await page.goBack();
  await page.getByTestId('goal-table').waitFor();
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true);
  errors.assertClean();
});

test('a bookmarked board address opens with its period and focus', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  await board.page.goto(new URL('/?period=2018&focus=project:demo-ungdom', app.server.url).href);
  await board.page.getByTestId('goal-table').waitFor();
  assert.equal(await board.periodHeading().textContent(), '2018');
  assert.equal(await board.page.locator('#board-focus').inputValue(), 'project:demo-ungdom');
  const rows = await board.rows();
  assert.ok(rows.length >= 2);
  assert.ok(rows.every((r) => r.scope === 'Ungdomsinsatserna'), JSON.stringify(rows));
  errors.assertClean();
});
