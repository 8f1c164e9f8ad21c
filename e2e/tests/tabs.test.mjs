// Several tabs of the app in one browser profile: what one tab saves shows
// in the others without a reload (they tell each other over a
// BroadcastChannel), and edits of different fields of the same insats made
// in two tabs at once are both kept.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, openApp, useAppUnderTest, waitForApp } from '../lib/browser.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage, InsatsFacts } from '../pages/exchange.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** A tab with the example data loaded, showing Case Management. */
async function firstTab() {
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  return { insats: await InsatsFacts.openFromList(board.page, 'Case Management'), errors };
}

/**
 * Opens `path` in a new tab whose messages from other tabs can be held back
 * (window.__tabMessages.hold = true) and delivered later (.release()), as a
 * busy or throttled background tab would get them.
 */
async function tabWithSlowMessages(path) {
  const page = await app.browser.context.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    const Native = window.BroadcastChannel;
    const held = [];
    window.__tabMessages = {
      hold: false,
      /** Delivers the held messages; returns how many there were. */
      release() {
        this.hold = false;
        const waiting = held.splice(0);
        for (const deliver of waiting) deliver();
        return waiting.length;
      },
    };
    const nativeSet = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage').set;
    window.BroadcastChannel = class extends Native {
      constructor(name) {
        super(name);
        let handler = null;
        Object.defineProperty(this, 'onmessage', {
          configurable: true,
          get: () => handler,
          set: (fn) => {
            handler = fn;
            nativeSet.call(
              this,
              fn &&
                ((e) => {
                  if (window.__tabMessages.hold) held.push(() => fn.call(this, e));
                  else fn.call(this, e);
                }),
            );
          },
        });
      }
    };
  });
  await page.goto(new URL(path, app.server.url).href, { waitUntil: 'load' });
  await waitForApp(page);
  return { page, errors };
}

test('what one tab saves shows in another open tab without a reload', async () => {
  // Tab 2 is open on the empty list before tab 1 loads the example data.
  const { page: tab2, errors: errors2 } = await openApp(app.browser.context, app.server.url, '/insatser');
  await tab2.getByTestId('new-insats').waitFor();
  await tab2.evaluate(() => {
    window.__sameDocument = true;
  });
  const { insats: tab1, errors: errors1 } = await firstTab();
  const list2 = tab2.getByTestId('insats-list');
  await list2.getByRole('link', { name: 'Case Management', exact: true }).waitFor();

  // A new name reaches tab 2's list.
  await tab1.edit({ name: 'Case Management Södertörn' });
  await list2.getByRole('link', { name: 'Case Management Södertörn', exact: true }).waitFor();
  assert.equal(await list2.getByRole('link', { name: 'Case Management', exact: true }).count(), 0);

  // With tab 2 on the insats page, a new provider and capacity reach its facts.
  await list2.getByRole('link', { name: 'Case Management Södertörn', exact: true }).click();
  const insats2 = new InsatsFacts(tab2);
  assert.equal((await insats2.facts())['Utförare'], 'Kommunerna');
  await tab1.edit({ provider: 'Haninge kommun', capacity: 8 });
  await tab2.getByTestId('insats-facts').getByText('8 platser').waitFor();
  const facts2 = await insats2.facts();
  assert.equal(facts2['Utförare'], 'Haninge kommun');
  assert.deepEqual(facts2, await tab1.facts());
  assert.equal(await insats2.title().textContent(), 'Case Management Södertörn');
  assert.equal(await tab2.evaluate(() => window.__sameDocument), true, 'tab 2 was not reloaded');
  errors1.assertClean();
  errors2.assertClean();
});

test('two tabs edit different fields of one insats at once, and both edits are kept', async () => {
  const { insats: tab1, errors: errors1 } = await firstTab();
  const { page, errors: errors2 } = await tabWithSlowMessages('/insatser/demo-cm');
  const tab2 = new InsatsFacts(page);
  await tab2.title().waitFor();

  // Both forms are open before either is saved; tab 2 hears of tab 1's save
  // only after its own (its copy on screen is the old one when it saves).
  await tab1.startEdit({ provider: 'Haninge kommun' });
  await tab2.startEdit({ capacity: 12 });
  await page.evaluate(() => {
    window.__tabMessages.hold = true;
  });
  await tab1.save();
  await tab2.save();
  // Each write read what was stored and changed only its own field.
  assert.deepEqual(
    [(await tab2.facts())['Utförare'], (await tab2.facts())['Antal platser']],
    ['Haninge kommun', '12 platser'],
  );
  assert.ok((await page.evaluate(() => window.__tabMessages.release())) >= 1, 'tab 1 told tab 2 of its save');
  await tab1.page.getByTestId('insats-facts').getByText('12 platser').waitFor();
  assert.equal((await tab1.facts())['Utförare'], 'Haninge kommun');

  for (const p of [tab1.page, page]) {
    await p.reload({ waitUntil: 'load' });
    const facts = await new InsatsFacts(p).facts();
    assert.equal(facts['Utförare'], 'Haninge kommun');
    assert.equal(facts['Antal platser'], '12 platser');
  }
  assert.deepEqual(await (await ExchangePage.goTo(page)).conflictLog(), [], 'nothing was overwritten unseen');
  errors1.assertClean();
  errors2.assertClean();
});

test('when two tabs change the same field, the later save wins and the other value is in the conflict log', async () => {
  const { insats: tab1, errors: errors1 } = await firstTab();
  const { page, errors: errors2 } = await openApp(app.browser.context, app.server.url, '/insatser/demo-cm');
  const tab2 = new InsatsFacts(page);
  await tab2.title().waitFor();

  await tab1.startEdit({ provider: 'Haninge kommun' });
  await tab2.startEdit({ provider: 'Tyresö kommun' });
  await tab1.save();
  await page.waitForTimeout(500);
  await tab2.save();
  await tab1.page.getByTestId('insats-facts').getByText('Tyresö kommun').waitFor();
  assert.equal((await tab1.facts())['Utförare'], 'Tyresö kommun');

  const log = await (await ExchangePage.goTo(page)).conflictLog();
  assert.equal(log.length, 1, JSON.stringify(log));
  assert.match(log[0].join(' | '), /Tyresö kommun/);
  assert.match(log[0].join(' | '), /Haninge kommun/);
  errors1.assertClean();
  errors2.assertClean();
});

// The edit form lives outside what follows the record, and a save writes
// only what was changed from the copy the form was opened on: another tab's
// save updates the page around an open form without touching what is typed
// in it, and neither tab's change is lost or logged as a conflict.
test('an open edit form keeps what is typed when another tab saves the same insats', async () => {
  const { insats: tab1, errors: errors1 } = await firstTab();
  const { page, errors: errors2 } = await openApp(app.browser.context, app.server.url, '/insatser/demo-cm');
  const tab2 = new InsatsFacts(page);
  await tab2.title().waitFor();

  await tab1.startEdit({ provider: 'Haninge kommun' });
  await tab2.startEdit({ capacity: 12 });
  await tab1.save();
  // Tab 2 hears of tab 1's save; give it time to show it.
  await page.waitForTimeout(500);
  assert.equal(await tab2.form().count(), 1, 'tab 2 still has its form open');
  assert.equal(await tab2.form().locator('#insats-capacity').inputValue(), '12');
  await tab2.save();

  for (const p of [tab1.page, page]) {
    await p.reload({ waitUntil: 'load' });
    const facts = await new InsatsFacts(p).facts();
    assert.equal(facts['Utförare'], 'Haninge kommun');
    assert.equal(facts['Antal platser'], '12 platser');
  }
  errors1.assertClean();
  errors2.assertClean();
});

// A target form is compared with the copy it was opened on, not with the
// copy on screen when it is saved: tab 1's new value survives tab 2's save
// of another field.
test('a target edited in two tabs keeps both changes', async () => {
  const { board, errors: errors1 } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const tab1 = board.page;
  await tab1.goto(new URL('/indikatorer/demo-ind-deltagare', app.server.url).href);
  const { page: tab2, errors: errors2 } = await openApp(app.browser.context, app.server.url, '/indikatorer/demo-ind-deltagare');
  for (const tab of [tab1, tab2]) {
    await tab.getByTestId('figure-row').filter({ hasText: '975' }).getByRole('button', { name: 'Ändra' }).click();
    await tab.getByTestId('target-form').waitFor();
  }
  await tab1.locator('#target-value').fill('980');
  await tab2.locator('#target-note').fill('Kommentar från flik 2');
  await tab1.getByTestId('target-form').getByTestId('save').click();
  await tab1.getByTestId('target-form').waitFor({ state: 'detached' });
  // Tab 2 shows tab 1's value in its list, with its own form still open.
  await tab2.getByTestId('figure-row').filter({ hasText: '980' }).waitFor();
  await tab2.getByTestId('target-form').getByTestId('save').click();
  await tab2.getByTestId('target-form').waitFor({ state: 'detached' });

  for (const tab of [tab1, tab2]) {
    await tab.reload({ waitUntil: 'load' });
    await tab.getByTestId('page-title').waitFor();
    const target = tab.getByTestId('figure-row').filter({ hasText: 'Kommentar från flik 2' });
    assert.equal(await target.count(), 1);
    assert.match(await target.innerText(), /\b980\b/);
  }
  errors1.assertClean();
  errors2.assertClean();
});
