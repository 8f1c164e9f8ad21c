// Accessibility (WCAG 2.1 AA, as the law on digital public services asks):
// axe-core finds no violation on any page of the example data, in Swedish
// and in English, with charts as pictures and as tables, with forms open
// and with an import preview; Tab reaches only visible elements and each
// shows a focus ring; at 200 % zoom (a 640 px wide window) no page scrolls
// sideways, nor at 400 % (320 px); with reduced motion nothing moves; in
// forced colours the menu still marks the current page and charts keep their
// own white ground; status is never colour alone; every page has its title.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppUnderTest, waitForApp } from '../lib/browser.mjs';
import {
  applyTextSpacing,
  axeViolations,
  clippedText,
  describeViolations,
  focusedElement,
  movingElements,
  sidewaysOverflow,
} from '../lib/accessibility.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';
import { PAGES } from '../pages/routes.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** Loads the app on an empty profile, checks the welcome card, loads the example data. */
async function withDemo(check) {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.welcome().waitFor();
  if (check) await check(board.page, 'welcome');
  await board.loadDemo();
  return { page: board.page, errors };
}

/** Opens a page by its address (a real page load) and waits until it has rendered. */
async function visit(page, { path, ready, choose }) {
  await page.goto(new URL(path, app.server.url).href, { waitUntil: 'load' });
  await waitForApp(page);
  if (ready) await page.getByTestId(ready).first().waitFor();
  await page.locator('main h1').first().waitFor();
  if (choose) await page.locator(choose[0]).selectOption(choose[1]);
}

async function chooseLanguage(page, code) {
  await visit(page, { path: '/installningar', ready: 'settings-load-demo' });
  await page.locator('#settings-language').selectOption(code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

/** Collects axe's violations of the page as it is now. */
async function scan(page, where, found) {
  const violations = await axeViolations(page);
  if (violations.length) found.push(describeViolations(where, violations));
  return violations.length;
}

/**
 * Every page, its charts as tables, its forms; returns how many states were
 * checked. Each page's title names it: "<its h1> – Måltavla" (WCAG 2.4.2).
 */
async function scanEveryPage(page, lang, found) {
  let states = 0;
  for (const p of PAGES) {
    await visit(page, p);
    const [title, h1] = await page.evaluate(() => [document.title, document.querySelector('main h1').innerText.trim()]);
    if (title !== `${h1} – Måltavla`) found.push(`${lang} ${p.name}: the title "${title}" does not name the page "${h1}"`);
    await scan(page, `${lang} ${p.name}`, found);
    states++;
    const toggles = page.getByTestId('toggle-table');
    const charts = await toggles.count();
    if (charts > 0) {
      for (let i = 0; i < charts; i++) await toggles.nth(i).click();
      await page.locator('figure table').nth(charts - 1).waitFor();
      await scan(page, `${lang} ${p.name} (${charts} charts as tables)`, found);
      states++;
    }
    for (const step of p.open ?? []) {
      await page.getByTestId(step).first().click();
      await page.locator('form').first().waitFor();
      await scan(page, `${lang} ${p.name} after pressing ${step}`, found);
      states++;
    }
  }
  return states;
}

/** A CSV import with a rejected row: the mapping, the preview and the report of bad rows. */
async function scanCsvPreview(page, lang, found) {
  await visit(page, { path: '/deltagare', ready: 'participations' });
  const participants = new ParticipantsPage(page);
  const header = 'Insats;Kön;Ålder;Kommun;Anvisad av;Startdatum;Slutdatum;Avslutsorsak\r\n';
  // Enough bad rows that their list scrolls in its own box.
  const bad = 'Case Management;Kanske;30;Haninge;FK;2019-02-06;;\r\n'.repeat(40);
  await participants.chooseCsv('deltagare.csv', header + 'Case Management;Kvinna;23;Tyresö;AF;2019-02-04;;\r\n' + bad, { bom: true });
  await page.getByTestId('csv-report').waitFor();
  await scan(page, `${lang} deltagare: CSV import preview`, found);
}

/** Dela data: reading back a saved snapshot shows the import preview. */
async function scanSnapshotPreview(page, lang, found) {
  await visit(page, { path: '/dela', ready: 'export-button' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  const path = await download.path();
  await page.getByTestId('import-file').setInputFiles(path);
  await page.locator('[data-testid=import-preview], [data-testid=import-nothing]').first().waitFor();
  await scan(page, `${lang} dela data: import preview`, found);
}

for (const lang of ['sv', 'en']) {
  test(`axe finds no WCAG 2.1 A/AA violation on any page (${lang})`, async () => {
    const found = [];
    let states = 0;
    const { page, errors } = await withDemo(async (p, where) => {
      if (lang === 'sv') {
        states++;
        await scan(p, `${lang} ${where}`, found);
      }
    });
    if (lang === 'en') await chooseLanguage(page, 'en');
    states += await scanEveryPage(page, lang, found);
    await scanCsvPreview(page, lang, found);
    await scanSnapshotPreview(page, lang, found);
    states += 2;
    assert.ok(states > PAGES.length * 1.5, `checked ${states} states`);
    assert.equal(found.length, 0, `axe violations:\n${found.join('\n')}`);
    errors.assertClean();
  });
}

test('Tab reaches only visible elements, and each shows a focus ring', async () => {
  const { page, errors } = await withDemo();
  const problems = [];
  const reached = new Set();
  for (const p of PAGES) {
    await visit(page, p);
    // From the top of a freshly loaded page, as someone arriving does.
    const first = await (async () => {
      await page.keyboard.press('Tab');
      return focusedElement(page);
    })();
    // A deck on the projector has no menu to skip: its own controls come first.
    if (!p.deck && (first?.tag !== 'a' || !first.visible)) problems.push(`${p.name}: first Tab is not the visible skip link: ${JSON.stringify(first)}`);
    const seen = [];
    for (let i = 0; i < 60; i++) {
      const f = i === 0 ? first : (await page.keyboard.press('Tab'), await focusedElement(page));
      if (!f) break;
      seen.push(f);
      reached.add(f.tag);
      if (!f.visible) problems.push(`${p.name}: Tab ${i + 1} reached a hidden ${f.tag} "${f.text}"`);
      if (!f.ring) problems.push(`${p.name}: Tab ${i + 1} ${f.tag} "${f.text}" has no focus ring: ${f.outline}; ${f.boxShadow}`);
    }
    if (seen.length < (p.deck ? 3 : 5)) problems.push(`${p.name}: only ${seen.length} elements reached by Tab`);
  }
  assert.ok(reached.has('a') && reached.has('button') && reached.has('select') && reached.has('input'), [...reached].join(' '));
  assert.deepEqual(problems, []);

  // A form opened from the keyboard takes the focus, and Tab goes on in it
  // (the button that opened it is gone); cancelled, it gives the focus back
  // to the button that opened it.
  for (const [path, button, form] of [
    ['/insatser', 'new-insats', 'insats-form'],
    ['/frukostmoten', 'new-meeting', 'meeting-form'],
    ['/lediga-platser', 'new-slot-report', 'slot-form'],
    ['/insatser/demo-ung-tyreso', 'add-target', 'target-form'],
  ]) {
    await visit(page, { path, ready: button });
    await page.getByTestId(button).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId(form).waitFor();
    const inForm = () => page.evaluate((f) => document.querySelector(`[data-testid=${f}]`).contains(document.activeElement), form);
    assert.ok(await inForm(), `${button}: focus is in the form`);
    assert.ok((await focusedElement(page)).ring, `${button}: the field shows its focus ring`);
    await page.keyboard.press('Tab');
    assert.ok(await inForm(), `${button}: Tab stays in the form`);
    await page.getByTestId(form).getByTestId('cancel').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId(form).waitFor({ state: 'detached' });
    await page.waitForFunction((b) => document.activeElement?.dataset.testid === b, button, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), button, `${button}: the focus is back on the button`);
  }

  // The skip link takes focus past the menu to the page's content.
  await visit(page, PAGES[0]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)));
  errors.assertClean();
});

for (const width of [640, 320]) {
  const zoom = (1280 / width) * 100;
  test(`at ${zoom} % zoom (${width} px wide) no page scrolls sideways and axe finds nothing, in either language`, async () => {
    const { page, errors } = await withDemo();
    await page.setViewportSize({ width, height: 800 });
    const problems = [];
    const found = [];
    for (const lang of ['sv', 'en']) {
      if (lang === 'en') await chooseLanguage(page, 'en');
      for (const p of PAGES) {
        await visit(page, p);
        const o = await sidewaysOverflow(page);
        if (o.scrollWidth > o.clientWidth) problems.push(`${lang} ${p.name}: ${o.scrollWidth} > ${o.clientWidth}: ${o.outside.join(', ')}`);
        // Tables in their scroll boxes must still be reachable (scrollable-region-focusable).
        const toggles = page.getByTestId('toggle-table');
        for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
        const t = await sidewaysOverflow(page);
        if (t.scrollWidth > t.clientWidth) problems.push(`${lang} ${p.name} as tables: ${t.scrollWidth} > ${t.clientWidth}: ${t.outside.join(', ')}`);
        await scan(page, `${width}px ${lang} ${p.name}`, found);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(found.length, 0, `axe violations:\n${found.join('\n')}`);
    errors.assertClean();
  });
}

test('with wider text spacing (WCAG 1.4.12) no text is cut off and no page scrolls sideways', async () => {
  const { page, errors } = await withDemo();
  // The check finds a box of fixed height that hides its text.
  await page.evaluate(() => {
    const probe = Object.assign(document.createElement('p'), { id: 'clip-probe', textContent: 'ett två tre fyra fem sex sju åtta nio tio' });
    Object.assign(probe.style, { width: '5em', height: '1em', overflow: 'hidden' });
    document.querySelector('main').append(probe);
  });
  assert.match((await clippedText(page)).join(), /ett två tre/);
  const problems = [];
  for (const p of PAGES) {
    await visit(page, p);
    assert.equal(await applyTextSpacing(page), `${0.12 * 18}px`, 'the spacing is applied');
    const cut = await clippedText(page);
    if (cut.length) problems.push(`${p.name}: ${cut.join(', ')}`);
    const o = await sidewaysOverflow(page);
    if (o.scrollWidth > o.clientWidth) problems.push(`${p.name}: ${o.scrollWidth} > ${o.clientWidth}: ${o.outside.join(', ')}`);
  }
  assert.deepEqual(problems, []);
  errors.assertClean();
});

test('with reduced motion nothing on any page has a transition or animation', async () => {
  const { page, errors } = await withDemo();
  // A probe with a transition and animation of its own shows the rule wins
  // over whatever a component may set (inline CSSOM; CSP allows that).
  const probe = () =>
    page.evaluate(() => {
      const el = document.createElement('div');
      el.style.transition = 'opacity 1s';
      el.style.animation = 'probe 2s infinite';
      document.body.append(el);
      const s = getComputedStyle(el);
      const out = [s.transitionDuration, s.animationDuration];
      el.remove();
      return out;
    });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.deepEqual(await probe(), ['1s', '2s'], 'the probe moves when motion is welcome');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.deepEqual(await probe(), ['0s', '0s']);
  const problems = [];
  for (const p of PAGES) {
    await visit(page, p);
    const moving = await movingElements(page);
    if (moving.length) problems.push(`${p.name}: ${moving.join('; ')}`);
    const smooth = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    if (smooth === 'smooth') problems.push(`${p.name}: smooth scrolling`);
  }
  assert.deepEqual(problems, []);
  errors.assertClean();
});

test('a goal status is never told by colour alone: symbol and word in the table and the charts', async () => {
  const { page, errors } = await withDemo();
  for (const lang of ['sv', 'en']) {
    if (lang === 'en') {
      await chooseLanguage(page, 'en');
      await visit(page, PAGES[0]);
    }
    const words = lang === 'sv' ? ['Uppnått', 'Nära', 'Efter'] : ['Met', 'Near', 'Behind'];
    const statuses = await page.getByTestId('status').allInnerTexts();
    assert.ok(statuses.length >= 5, `${statuses.length} statuses`);
    for (const s of statuses) {
      const clean = s.replace(/\s+/g, ' ').trim();
      const ok = ['✓', '≈', '✗'].some((sym, i) => clean === `${sym} ${words[i]}`) || clean === '';
      assert.ok(ok, `${lang} status "${clean}" has a symbol and a word`);
    }
    // In the bullet charts every text drawn in a status colour starts with its symbol.
    const drawn = await page.locator('.chart-svg svg text').evaluateAll((texts) =>
      texts.map((t) => ({ text: t.textContent.trim(), fill: (t.getAttribute('fill') || '').toLowerCase() })),
    );
    const statusFills = new Set(['#1b6b2f', '#8a5300', '#b0251b']);
    const coloured = drawn.filter((d) => statusFills.has(d.fill));
    assert.ok(coloured.length >= 3, `status texts in the charts: ${JSON.stringify(drawn.slice(0, 5))}`);
    for (const d of coloured) assert.match(d.text, /^[✓≈✗] \S/, `${lang} chart status "${d.text}"`);
  }
  errors.assertClean();
});

test('in forced colours (high contrast) the menu marks only the current page, and charts keep their white ground', async () => {
  const { page, errors } = await withDemo();
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  for (const p of [PAGES[0], PAGES.find((x) => x.name === 'frukostmöten')]) {
    await visit(page, p);
    const lines = await page.locator('.site-header nav a').evaluateAll((links) =>
      links.map((a) => ({ current: a.getAttribute('aria-current') === 'page', colour: getComputedStyle(a).borderBottomColor })),
    );
    const current = lines.filter((l) => l.current);
    assert.equal(current.length, 1, JSON.stringify(lines));
    const others = new Set(lines.filter((l) => !l.current).map((l) => l.colour));
    assert.ok(!others.has(current[0].colour), `${p.name}: the current page's line ${current[0].colour} differs from ${[...others]}`);
    // The page is dark now; a chart is a picture on its own white ground,
    // so its dark text stays readable.
    const grounds = await page.locator('.chart-svg svg').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const ground = svg.querySelector('rect');
        const box = svg.viewBox.baseVal;
        return {
          fill: ground && getComputedStyle(ground).fill,
          covers: ground && +ground.getAttribute('width') >= box.width && +ground.getAttribute('height') >= box.height,
        };
      }),
    );
    assert.ok(grounds.length >= 1, `${p.name}: ${grounds.length} charts`);
    for (const g of grounds) assert.deepEqual(g, { fill: 'rgb(255, 255, 255)', covers: true });
  }
  errors.assertClean();
});

test('the accessibility statement is a footer link away, names the förbund, DIGG and its date, in both languages', async () => {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  const page = board.page;
  // No förbund named yet: the statement says who in general words.
  await page.getByTestId('footer-accessibility').click();
  await page.waitForURL(/\/tillganglighet$/);
  const statement = page.getByTestId('accessibility-statement');
  await statement.waitFor();
  assert.match(await statement.innerText(), /Det samordningsförbund som publicerar appen står bakom Måltavla/);

  await page.goto(new URL('/', app.server.url).href);
  await board.loadDemo();
  await page.getByTestId('footer-accessibility').click();
  await statement.waitFor();
  const sv = await statement.innerText();
  assert.match(sv, /^Tillgänglighetsredogörelse\n/);
  assert.match(sv, /Samordningsförbundet Östra Södertörn står bakom Måltavla/);
  assert.match(sv, /delvis förenlig med lagen om tillgänglighet till digital offentlig service/);
  assert.match(sv, /Myndigheten för digital förvaltning \(DIGG\)/);
  assert.equal(await page.getByTestId('digg-link').getAttribute('href'), 'https://www.digg.se/tdosanmalan');
  assert.match(await page.getByTestId('statement-date').innerText(), /december 2026/);
  assert.equal(await page.getByTestId('app-address').innerText(), new URL('/', app.server.url).href);
  assert.ok((await page.getByTestId('known-shortcomings').locator('li').count()) >= 3, 'known shortcomings are listed');
  assert.equal(await page.title(), 'Tillgänglighetsredogörelse – Måltavla');

  await chooseLanguage(page, 'en');
  await page.getByTestId('footer-accessibility').click();
  await statement.waitFor();
  const en = await statement.innerText();
  assert.match(en, /^Accessibility statement\n/);
  assert.match(en, /Samordningsförbundet Östra Södertörn stands behind Måltavla/);
  assert.match(en, /partially compliant/);
  assert.match(await page.getByTestId('statement-date').innerText(), /December 2026/);
  errors.assertClean();
});
