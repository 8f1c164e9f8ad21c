// A region's board: hundreds of targets make each chart thousands of
// pixels tall. Such a chart is drawn only when it comes near the screen:
// until then its outline (size, title, description, legend) holds its
// place, a period change far from it outlines it again for the new
// period (never the old period's bars), and printing draws it whole.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot, useAppUnderTest } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, recordLines } from '../pages/exchange.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** Indicators added to the example data, each with a target and an outcome for 2017 and 2018. */
const EXTRA = 60;

/**
 * The exported example data with `extra` more count indicators, each with
 * a target of 100 and an outcome (50 + i in 2017, 51 + i in 2018) for the
 * whole förbund.
 */
function regionFile(text, extra) {
  const [header] = text.split('\n');
  const lines = recordLines(text);
  const model = (kind) => JSON.parse(lines.find((l) => l.startsWith(`{"${kind}":`)))[kind];
  const [indicator, target, outcome] = ['indicator', 'target', 'outcome'].map(model);
  const more = [];
  for (let i = 0; i < extra; i += 1) {
    const id = `e2e-region-ind-${i}`;
    more.push({ indicator: { ...indicator, meta: { ...indicator.meta, id }, name: `Regionindikator ${i}`, unit: 'count', computed: null } });
    for (const year of [2017, 2018]) {
      const meta = (kind) => ({ ...indicator.meta, id: `e2e-region-${kind}-${year}-${i}` });
      const fields = { indicator: id, scope: 'forbund', period: String(year), breakdown: null };
      more.push({ target: { ...target, ...fields, meta: meta('t'), value: { count: 100 } } });
      more.push({ outcome: { ...outcome, ...fields, meta: meta('o'), value: { count: year - 1967 + i } } });
    }
  }
  return `${header}\n${[...lines, ...more.map((r) => JSON.stringify(r))].join(',\n')}\n]}\n`;
}

/** The text drawn in the counts chart (not its title and description for screen readers), whitespace as plain spaces. */
async function countsChart(page) {
  const texts = await page.getByTestId('chart-counts').locator('svg text').allTextContents();
  return texts.join(' ').replace(/\s+/g, ' ');
}

/** Waits until the counts chart draws `label`. */
function drawn(page, label) {
  return page.waitForFunction(
    (want) => [...document.querySelectorAll('[data-testid=chart-counts] svg text')].some((t) => t.textContent.includes(want)),
    label,
  );
}

test('a chart of a region’s board is drawn near the screen, outlined far from it and drawn whole in print', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-region-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  const page = board.page;
  await board.loadDemo();
  const exchange = await ExchangePage.goTo(page);
  const before = await exchange.exportFile(dir, { as: 'before.json' });
  await exchange.chooseFile({ name: 'region.json', text: regionFile(before.text, EXTRA) });
  await exchange.confirm();

  await page.goto(new URL('/?period=2017', app.server.url).href);
  const counts = page.getByTestId('chart-counts');
  await counts.locator('svg title').waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('[data-testid=goal-table]')?.getAttribute('aria-busy') !== 'true');
  assert.ok(await board.page.getByTestId('goal-row').count() > EXTRA, 'every target is a row of the table');
  assert.match(await counts.getAttribute('class'), /\blong\b/);

  // Far below the screen: the outline names the chart, draws no row.
  const outline = await countsChart(page);
  assert.match(outline, /2017/);
  assert.match(await counts.locator('svg desc').textContent(), /Regionindikator 59: utfall 109/);
  assert.doesNotMatch(outline, /Regionindikator/);

  // Near the screen: every row is drawn.
  await counts.scrollIntoViewIfNeeded();
  await drawn(page, 'Regionindikator 59');
  assert.match(await countsChart(page), /Regionindikator 0 .*Utfall 50/);
  await screenshot(page, 'board-long-chart');

  // A period change far from the chart outlines it for the new period.
  await page.evaluate(() => window.scrollTo(0, 0));
  await board.choosePeriod({ kind: 'year', year: 2018 });
  await page.waitForURL(/period=2018/);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=chart-counts] svg title')?.textContent.includes('2018'),
  );
  assert.doesNotMatch(await countsChart(page), /Regionindikator/);

  // Printing draws it whole, wherever the screen is.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await drawn(page, 'Regionindikator 59');
  assert.match(await countsChart(page), /Regionindikator 0 .*Utfall 51/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  errors.assertClean();
});
