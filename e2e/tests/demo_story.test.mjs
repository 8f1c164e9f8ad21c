// The example data tells one story: the places board of 31 August 2018 and
// the Deltagare page count the same people per insats (82 in MIA Östra
// Södertörn), the age bands are not an even seventh each, and 2018 has
// people who went on to ordinary measures.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, screenshot } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { SlotsPage } from '../pages/meetings.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const clean = (s) => s.replace(/\s+/g, ' ').trim();

async function withDemo() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  return { page: board.page, errors };
}

test('the places of 31 August 2018 are the participations active that day', async () => {
  const { page, errors } = await withDemo();
  const slots = await SlotsPage.goTo(page);
  const rows = await slots.board();
  assert.match(clean(await page.getByTestId('slot-totals').textContent()), /^82 inskrivna, 47 lediga platser$/);
  assert.equal(rows.length, 9, JSON.stringify(rows));
  for (const r of rows) assert.equal(r[1], '31 aug 2018', JSON.stringify(r));
  await screenshot(page, 'demo-story-places', { fullPage: true });

  const participants = await ParticipantsPage.goTo(page);
  for (const [insats, , , enrolled] of rows) {
    await participants.chooseInsats(insats);
    await participants.chooseYear('2018-H2');
    const m = await participants.measures();
    assert.equal(m['Aktiva deltagare'], enrolled, `${insats}: places board against Deltagare`);
  }
  await participants.chooseInsats('MIA Östra Södertörn');
  await participants.chooseYear('2018-H2');
  assert.equal((await participants.measures())['Aktiva deltagare'], '82');
  errors.assertClean();
});

test('the Deltagare page shows realistic ages and ordinary measures in 2018', async () => {
  const { page, errors } = await withDemo();
  const participants = await ParticipantsPage.goTo(page);
  await participants.chooseYear(2017);
  const ages = await participants.breakdown('AgeBand');
  const shareOfNew = ages.map((r) => r[3]);
  assert.ok(new Set(shareOfNew).size > 3, `not an even seventh each: ${JSON.stringify(ages)}`);
  assert.ok(!shareOfNew.includes('14,2 %'), JSON.stringify(ages));
  const active = (band) => Number(ages.find((r) => r[0].startsWith(band))?.[1].replace(/\D/g, ''));
  assert.ok(active('30') > active('60'), JSON.stringify(ages));
  assert.ok(active('25') + active('30') + active('40') > active('16') + active('50') + active('60'), JSON.stringify(ages));
  // The flow panel from the referrers down: ages and shares in one view.
  await page.locator('table.flow-breakdown[data-dimension=Referrer]').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('table.flow-breakdown[data-dimension=Referrer]').scrollIntoView({ block: 'start' }));
  await screenshot(page, 'demo-story-participants');

  await participants.chooseYear('2018');
  const m = await participants.measures();
  assert.equal(m['Andel av de avslutade till ordinarie insatser'], '20 %');
  errors.assertClean();
});
