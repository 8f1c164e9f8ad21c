// Frukostmöten, check-in, lediga platser and the newsletter end to end: a
// meeting is created, five guests are checked in and one is undone, and 4
// shows on the meeting and in the guests per year (after a reload too); a
// report of places shows on the board and in the newsletter block; the
// example data's meetings give the newsletters' 500 and 700 guests; the
// newsletter opens on the newest day with data, names a part it leaves out
// with the reason, and an indicator's own sentence is previewed in its form.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, screenshot, waitForApp } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { MeetingsPage, NewsletterPage, SlotsPage } from '../pages/meetings.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** Today in Stockholm as YYYY-MM-DD, as the app's date inputs take it. */
function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

const clean = (s) => s.replace(/\s+/g, ' ').trim();

async function withDemo() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  return { page: board.page, errors };
}

test('a meeting is created, five guests checked in and one undone: 4 on the meeting and in the year', async () => {
  const { page, errors } = await withDemo();
  const meetings = await MeetingsPage.goTo(page);
  const year = today().slice(0, 4);

  const meeting = await meetings.create({ date: today(), theme: 'Frukostmöte om samverkan', municipality: 'Haninge', start: '08:00' });
  const checkIn = await meeting.openCheckIn();
  await checkIn.checkIn('Kommun');
  await checkIn.checkIn('Arbetsförmedlingen');
  for (let i = 0; i < 3; i++) await checkIn.checkIn();
  assert.equal(await checkIn.waitForCount('5 har kommit'), '5 har kommit');
  await checkIn.undo();
  assert.equal(await checkIn.waitForCount('4 har kommit'), '4 har kommit');
  await screenshot(page, 'check-in');

  const back = await checkIn.backToMeeting();
  assert.equal(await back.attended(), '4');
  const byOrg = clean(await page.getByTestId('meeting-by-org').innerText());
  assert.match(byOrg, /Kommun: 1/);
  assert.match(byOrg, /Arbetsförmedlingen: 1/);

  // Each press was stored: a reload shows the same.
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('meeting-facts').waitFor();
  assert.equal(await back.attended(), '4');

  const again = await MeetingsPage.goTo(page);
  await page.getByTestId('todays-meeting').waitFor();
  const rows = await again.attendanceTable();
  const row = (y) => rows.find((r) => r[0] === y);
  assert.equal(row(year)?.[2], '4', JSON.stringify(rows));
  assert.equal(row('2016')?.[2], '500');
  assert.equal(row('2017')?.[2], '700');
  errors.assertClean();
});

test('a report of places shows on the board and in the newsletter block', async () => {
  const { page, errors } = await withDemo();
  const slots = await SlotsPage.goTo(page);
  const before = await slots.board();
  assert.equal(before.find((r) => r[0] === 'Case Management')?.[4], '20');

  await slots.report({ date: today(), insats: 'Stationen', capacity: 12, enrolled: 9 });
  const board = await slots.board();
  const stationen = board.find((r) => r[0] === 'Stationen');
  assert.deepEqual([stationen[2], stationen[3], stationen[4]], ['12', '9', '3']);
  assert.match(clean(await page.getByTestId('slot-totals').textContent()), /^85 inskrivna, 44 lediga platser$/);

  // More enrolled than places is stored, and warned about.
  await slots.report({ date: today(), insats: 'Roa', capacity: 10, enrolled: 12 });
  assert.match(await page.getByTestId('overbooked').textContent(), /Roa/);
  await screenshot(page, 'slots', { fullPage: true });

  const newsletter = await NewsletterPage.goTo(page);
  await newsletter.choose({ day: today(), format: 'text' });
  const text = await newsletter.output();
  assert.match(text, /Lediga platser\n/);
  assert.match(text, /Stationen 3/);
  assert.doesNotMatch(text, /Roa \d/, 'no open places at Roa now');
  assert.match(text, /Case Management 20/);
  assert.match(text, /deltagare var inskrivna den/);

  await newsletter.choose({ format: 'html' });
  assert.match(await newsletter.output(), /<h2>Lediga platser<\/h2>/);
  // The charts go with it, each ready to download as SVG or PNG.
  for (const id of ['newsletter-chart-attendance', 'newsletter-chart-occupancy']) {
    await page.getByTestId(id).locator('svg').first().waitFor();
    await page.getByTestId(id).getByTestId('download-png').waitFor();
  }
  await page.getByTestId('newsletter-copy').click();
  await page.getByTestId('newsletter-copied').filter({ hasText: /.+/ }).waitFor();
  await SlotsPage.goTo(page);
  // A mistyped report is deleted; the one before shows again.
  await page.getByTestId('slot-correct').locator('summary').click();
  const roa = page.getByTestId('slot-report').filter({ hasText: 'Roa' });
  await roa.getByTestId('delete').click();
  await page.getByTestId('confirm-delete-yes').click();
  await page.getByTestId('overbooked').waitFor({ state: 'detached' });
  assert.deepEqual((await slots.board()).find((r) => r[0] === 'Roa'), before.find((r) => r[0] === 'Roa'));

  errors.assertClean();
});

test('the example meetings list, filter, calendar and newsletter give the seeds’ wording', async () => {
  const { page, errors } = await withDemo();
  const meetings = await MeetingsPage.goTo(page);
  await meetings.showView('past');
  await meetings.filterMunicipality('Nynäshamn');
  const themes = await meetings.listedThemes();
  assert.ok(themes.includes('Pågående samverkansinsatser och ESF-stödda projekt i Nynäshamn'), themes.join(' | '));
  assert.ok(!themes.some((t) => t.startsWith('Inspirationsföreläsning')), 'a Haninge meeting is filtered out');

  await meetings.showView('calendar');
  await page.getByTestId('meeting-calendar').waitFor();
  await screenshot(page, 'meetings', { fullPage: true });

  // Quick entry: one line, saved.
  await page.locator('.quick-entry summary').click();
  await page.getByTestId('quick-meetings').fill(`${Number(today().slice(8, 10))}/${Number(today().slice(5, 7))} Tyresö Snabbt inmatat möte`);
  await page.getByTestId('quick-preview').waitFor();
  await page.getByTestId('quick-save').click();
  await page.getByTestId('todays-meeting').filter({ hasText: 'Snabbt inmatat möte' }).waitFor();

  const newsletter = await NewsletterPage.goTo(page);
  await newsletter.choose({ day: '2018-02-01', format: 'text' });
  const text = await newsletter.output();
  assert.match(text, /^En kort sammanfattning av 2017 i siffror:/);
  assert.match(text, /- 927 deltagare fick individuellt anpassat stöd under året, varav 43 procent kvinnor och 57 män\. Målet var 975 deltagare\./);
  assert.match(text, /- 634 nya deltagare påbörjade en insats under året: 23 procent var från Nynäshamn, 34 procent från Tyresö och 43 procent från Haninge\. Kommunerna är de största remittenterna \(34 procent\) följda av Arbetsförmedlingen \(27 procent\)\. Andelen egenanmälningar var 16 procent, vilket motsvarar 102 deltagare\./);
  assert.match(text, /Under 2017 deltog 700 personer i förbundets frukostmöten\. 2016 var siffran 500\./);
  await screenshot(page, 'newsletter', { fullPage: true });
  errors.assertClean();
});

test('the newsletter opens on the newest day with data and names a part it leaves out', async () => {
  const { page, errors } = await withDemo();
  const newsletter = await NewsletterPage.goTo(page);
  // The example data ends with the report of 1 September 2018: today's
  // block would be an empty list of last year, so the page opens there.
  assert.equal(await page.locator('#newsletter-day').inputValue(), '2018-09-01');
  await newsletter.choose({ format: 'text' });
  const text = await newsletter.output();
  assert.match(text, /^En kort sammanfattning av 2017 i siffror:\n- 927 deltagare fick individuellt anpassat stöd/);
  assert.match(text, /Följande lediga platser fanns enligt rapporten 31 augusti 2018:/);
  assert.doesNotMatch(text, /just nu/);
  assert.equal(await page.getByTestId('newsletter-left-out').locator('li').count(), 0);
  await screenshot(page, 'newsletter-default-day', { fullPage: true });

  // Today: no figures of last year and no meetings ahead, so both parts
  // are left out, each with its reason, and no heading stands over nothing.
  await newsletter.choose({ day: today() });
  const year = Number(today().slice(0, 4)) - 1;
  const reasons = clean(await page.getByTestId('newsletter-left-out').textContent());
  assert.match(reasons, new RegExp(`Siffrorna för ${year} är utelämnade: inget mål med utfall och inget utfall är registrerat för ${year}\\.`));
  assert.match(reasons, /Kommande frukostmöten är utelämnade: inget möte är planerat /);
  assert.doesNotMatch(await newsletter.output(), /i siffror/);
  await page.getByTestId('newsletter-left-out').scrollIntoViewIfNeeded();
  await screenshot(page, 'newsletter-left-out');
  errors.assertClean();
});

test('an indicator’s newsletter sentence is checked and previewed as it is typed', async () => {
  const { page, errors } = await withDemo();
  await page.getByTestId('nav-indicators').click();
  await page.getByTestId('indicator-list').getByRole('link', { name: 'Deltagare', exact: true }).click();
  await page.getByTestId('edit').first().click();
  const sentence = page.locator('#indicator-sentence');
  const preview = page.getByTestId('indicator-sentence-preview');
  assert.match(await sentence.inputValue(), /^\{värde\} deltagare fick individuellt anpassat stöd/);
  await preview.getByText('Så skrivs meningen för 2017').waitFor();
  assert.equal(
    clean(await page.getByTestId('indicator-sentence-text').textContent()),
    '927 deltagare fick individuellt anpassat stöd under året, varav 43 procent kvinnor och 57 män. Målet var 975 deltagare.',
  );

  // A slice the figures lack: the preview says the plain sentence is used.
  await sentence.fill('{värde} deltagare, {Haninge} i Haninge.');
  await preview.getByText('{Haninge} saknas').waitFor();
  assert.equal(clean(await page.getByTestId('indicator-sentence-text').textContent()), 'Deltagare: 927. Målet var 975.');

  // A brace left open is refused at the field, in Swedish, naming it.
  await sentence.fill('{värde deltagare');
  await page.getByTestId('indicator-form').locator('button[type=submit]').click();
  await page.locator('#indicator-sentence-error').getByText('Nyhetsbrevsmeningen: klammern vid tecken 1 stängs aldrig').waitFor();

  await sentence.fill('{värde} deltagare under {år}, varav {kvinnor} kvinnor.');
  await page.getByTestId('indicator-sentence-text').getByText('927 deltagare under 2017, varav 399 kvinnor.').waitFor();
  await page.getByTestId('indicator-form').locator('button[type=submit]').click();
  await page.getByTestId('indicator-form').waitFor({ state: 'detached' });
  const newsletter = await NewsletterPage.goTo(page);
  await newsletter.choose({ day: '2018-02-01', format: 'text' });
  assert.match(await newsletter.output(), /- 927 deltagare under 2017, varav 399 kvinnor\./);
  errors.assertClean();
});
