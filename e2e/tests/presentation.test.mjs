// Presentation mode and the printed report, as the förbundschef uses them:
// build a deck, show it full screen and move with keys and a clicker,
// reload in the middle, leave with Esc; print the report of a year to PDF.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR, screenshot, useAppUnderTest, waitForApp } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

async function position(page) {
  return (await page.getByTestId('slide-position').textContent()).replace(/\s+/g, ' ').trim();
}

async function slideTitle(page) {
  return (await page.getByTestId('slide-title').textContent()).trim();
}

test('a deck is built, saved, shown by keyboard and clicker, survives a reload, and Esc leaves', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await board.shell.goTo('presentations');
  await page.getByTestId('presentation-list').getByText('Året som gick').waitFor();

  await page.getByTestId('new-presentation').click();
  await page.waitForURL(/\/presentationer\/[^/]+$/);
  await page.locator('#deck-name').fill('Styrelsemöte 2018');
  await page.locator('#deck-period-kind').selectOption('year');
  await page.locator('#deck-period-year').fill('2018');
  const add = async (label) => {
    await page.locator('#deck-add').selectOption({ label });
    await page.getByTestId('add-slide').click();
  };
  await add('Måluppfyllelse: Hela förbundet');
  await add('Andel till arbete eller studier · Ungdomsinsatserna');
  await add('Frukostmöten: besökare per år');
  // The meetings slide goes second: moved up once, by its labelled button.
  await page.getByRole('button', { name: 'Flytta upp: Frukostmöten: besökare per år' }).click();
  const order = async () =>
    (await page.getByTestId('slide-item').locator('.slide-name').allTextContents()).map((s) => s.trim());
  assert.deepEqual(await order(), [
    'Måluppfyllelse: Hela förbundet',
    'Frukostmöten: besökare per år',
    'Andel till arbete eller studier · Ungdomsinsatserna',
  ]);
  assert.match(await page.getByTestId('save-state').textContent(), /inte sparade/);
  await page.getByTestId('save').click();
  await page.getByTestId('save-state').getByText('Presentationen är sparad.').waitFor();

  // Stored: a reload shows the same deck.
  const editor = page.url();
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('slide-list').waitFor();
  assert.equal(await page.locator('#deck-name').inputValue(), 'Styrelsemöte 2018');
  assert.equal((await order()).length, 3);

  await page.getByTestId('present').click();
  await page.waitForURL(/\/visa\?bild=1$/);
  await page.getByTestId('deck').waitFor();
  assert.equal(await page.locator('.site-header').count(), 0, 'no menu on the projector');
  assert.equal(await position(page), 'Bild 1 av 3');
  assert.equal(await slideTitle(page), 'Måluppfyllelse: Hela förbundet');
  assert.match(await page.getByTestId('slide-summary').textContent(), /^Av \d+ mål: \d+ uppnådda/);
  await screenshot(page, 'presentation-goals');

  await page.keyboard.press('PageDown');
  assert.equal(await position(page), 'Bild 2 av 3');
  await page.getByTestId('slide-chart').locator('svg').waitFor();
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(page), 'Bild 3 av 3');
  assert.match(await page.getByTestId('big-figure').textContent(), /64\s%/);
  await screenshot(page, 'presentation-indicator');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(page), 'Bild 3 av 3', 'the last slide stays');
  await page.keyboard.press('PageUp');
  assert.equal(await position(page), 'Bild 2 av 3');
  await page.keyboard.press('Home');
  assert.equal(await position(page), 'Bild 1 av 3');
  await page.keyboard.press('End');
  assert.equal(await position(page), 'Bild 3 av 3');

  // A laptop that reloads mid-talk comes back to the same slide.
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('deck').waitFor();
  assert.equal(await position(page), 'Bild 3 av 3');
  await page.keyboard.press('Shift+Space');
  assert.equal(await position(page), 'Bild 2 av 3');

  await page.keyboard.press('Escape');
  await page.waitForURL(editor);
  await page.getByTestId('presentation-form').waitFor();
  assert.equal(await page.locator('.site-header').count(), 1);
  errors.assertClean();
});

test('the demo deck shows 927 participants against 975 for 2017, and a deleted insats is named as gone', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await page.goto(new URL('/presentationer/demo-pres-2017/visa?bild=2', app.server.url).href);
  await waitForApp(page);
  await page.getByTestId('big-figure').waitFor();
  assert.equal(await slideTitle(page), 'Deltagare · Hela förbundet');
  const figure = (await page.getByTestId('big-figure').textContent()).replace(/\s+/g, ' ');
  assert.match(figure, /927/);
  assert.match(figure, /Mål 975/);
  assert.match(figure, /Efter|Nära|Uppnått/);

  // The buttons work as well as the keys.
  await page.getByTestId('slide-next').click();
  assert.equal(await position(page), 'Bild 3 av 5');
  await page.getByTestId('slide-previous').click();
  assert.equal(await position(page), 'Bild 2 av 5');
  await page.getByTestId('slide-leave').click();
  await page.waitForURL(/\/presentationer\/demo-pres-2017$/);

  // A slide of an insats that is then deleted stays in the deck, named as gone.
  await page.locator('#deck-add').selectOption({ label: 'Måluppfyllelse: Case Management' });
  await page.getByTestId('add-slide').click();
  await page.getByTestId('save').click();
  await page.getByTestId('save-state').getByText('Presentationen är sparad.').waitFor();
  await page.goto(new URL('/insatser/demo-cm', app.server.url).href);
  await waitForApp(page);
  await page.getByTestId('delete').first().click();
  await page.getByTestId('confirm-delete-yes').click();
  await page.waitForURL(/\/insatser$/);
  await page.goto(new URL('/presentationer/demo-pres-2017', app.server.url).href);
  await waitForApp(page);
  const last = page.getByTestId('slide-item').last();
  await last.getByText('finns inte längre').waitFor();
  await page.goto(new URL('/presentationer/demo-pres-2017/visa?bild=6', app.server.url).href);
  await waitForApp(page);
  assert.equal(await position(page), 'Bild 6 av 6');
  assert.match(await page.getByTestId('slide').textContent(), /finns inte längre/);
  errors.assertClean();
});

test('the follow-up report of 2017 prints to an A4 PDF with the organisation, the period and each project', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url, '/?period=2017');
  await board.loadDemo();
  const page = board.page;
  await page.getByTestId('board-report').click();
  await page.waitForURL(/\/rapport\?period=2017$/);
  await page.getByTestId('report').waitFor();
  assert.equal(await page.getByTestId('report-org').textContent(), 'Samordningsförbundet Östra Södertörn');
  assert.equal(await page.getByTestId('report-period').textContent(), '2017');
  assert.equal(await page.title(), 'Uppföljningsrapport 2017 – Måltavla');
  assert.match(await page.getByTestId('report-summary').first().textContent(), /^Av \d+ mål:/);
  const projects = await page.getByTestId('report-project').locator('h3').allTextContents();
  assert.ok(projects.includes('Ungdomsinsatserna'), projects.join(', '));
  // Every chart id on the page is unique, even with a board per project.
  const ids = await page.locator('svg title').evaluateAll((ts) => ts.map((t) => t.id));
  assert.equal(new Set(ids).size, ids.length, ids.join(' '));

  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.site-header', '.site-footer', '.screen-only', '.chart-tools'].map((sel) => {
      const el = document.querySelector(sel);
      return el === null || getComputedStyle(el).display === 'none';
    }),
  );
  assert.deepEqual(hidden, [true, true, true, true], 'print shows no menu, controls or chart buttons');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const pdfPath = join(SCREENSHOT_DIR, 'uppfoljningsrapport-2017.pdf');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await writeFile(pdfPath, pdf);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // The summary, then each project with targets in 2017 on a page of its own.
  assert.ok(pages >= 1 + projects.length, `${pages} pages for ${projects.length} projects`);
  // For a reviewer: the pages as pictures, where poppler is installed.
  const png = spawnSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(SCREENSHOT_DIR, 'uppfoljningsrapport-2017')]);
  if (png.error) console.log('# pdftoppm not installed; the PDF is kept, no page images');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'report', { fullPage: false });
  errors.assertClean();
});

test('a downloaded chart is ready for a slide: drawn with its period and the source', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url, '/?period=2017');
  await board.loadDemo();
  const chart = board.page.getByTestId('chart-shares');
  await chart.locator('svg').first().waitFor();
  const [file] = await Promise.all([
    board.page.waitForEvent('download'),
    chart.getByTestId('download-svg').click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  assert.match(text, /<title[^>]*>Andelar, 2017<\/title>|<title[^>]*>[^<]*2017[^<]*<\/title>/);
  assert.match(text, />Period: 2017<\/text>/);
  assert.match(text, />Källa: Samordningsförbundet Östra Södertörn/);
  errors.assertClean();
});
