// Syncing through a WebDAV folder: two laptops (two browser profiles) sync
// through a real WebDAV server (wsgidav on 127.0.0.1) and end up with the
// same data; a wrong password, an unreachable server and a 412 Precondition
// Failed each give a clear Swedish message and lose nothing, as does a
// broken file in the folder; the password never leaves the device in a
// snapshot. A folder that lists weak ETags is still written, never blindly.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, screenshot, useAppUnderTest } from '../lib/browser.mjs';
import { DAV_PASSWORD, DAV_USER, freePort, startWebDav } from '../lib/webdav.mjs';
import { BoardPage, nameOrganisation } from '../pages/app.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

/** The settings page of a laptop, with the folder's settings saved. */
async function configure(page, { url, user = DAV_USER, password = DAV_PASSWORD }) {
  await page.getByTestId('nav-settings').click();
  await page.locator('#dav-url').fill(url);
  await page.locator('#dav-user').fill(user);
  await page.locator('#dav-password').fill(password);
  await page.getByTestId('dav-save').click();
  await page.getByTestId('dav-status').filter({ hasText: 'sparade' }).waitFor();
}

/** Presses "Synkronisera" and returns the message shown when it is done. */
async function sync(page) {
  await page.getByTestId('dav-sync').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=dav-status]');
    return s && !s.textContent.includes('Synkroniserar');
  });
  return (await page.getByTestId('dav-status').innerText()).trim();
}

/** How many records the laptop stores, as the settings page says. */
async function stored(page) {
  await page.getByTestId('nav-settings').click();
  return (await page.getByTestId('storage-count').innerText()).trim();
}

test('two laptops sync through a WebDAV folder and end up with the same data', async (t) => {
  const dav = await startWebDav();
  t.after(() => dav.stop());
  const second = await launchBrowser();
  t.after(() => second.close());

  // Laptop A has the newsletters' data; laptop B starts empty.
  const a = await BoardPage.open(app.browser.context, app.server.url);
  await a.board.loadDemo();
  const pageA = a.board.page;
  const b = await BoardPage.open(second.context, app.server.url);
  const pageB = b.board.page;

  await configure(pageA, { url: dav.url });
  assert.match(await sync(pageA), /^Synkroniserat: 0 filer lästa, 0 poster ändrade, den här datorns fil maltavla-.+\.json skriven\.$/);
  await configure(pageB, { url: dav.url });
  assert.match(await sync(pageB), /^Synkroniserat: 1 filer lästa, \d+ poster ändrade/);
  await pageB.locator('header', { hasText: 'Samordningsförbundet Östra Södertörn' }).waitFor();

  // B renames the förbund and syncs; A syncs and sees it.
  await nameOrganisation(pageB, 'Östra Södertörn (synkat)');
  await pageB.getByTestId('nav-settings').click();
  assert.match(await sync(pageB), /^Synkroniserat: 0 filer lästa/);
  assert.match(await sync(pageA), /^Synkroniserat: 1 filer lästa, 1 poster ändrade/);
  await pageA.locator('header', { hasText: 'Östra Södertörn (synkat)' }).waitFor();
  await screenshot(pageA, 'webdav-synced');

  // Both hold the same records; the folder holds one file per laptop.
  assert.equal(await stored(pageA), await stored(pageB));
  const files = (await readdir(dav.folder)).sort();
  assert.equal(files.length, 2, files.join(' '));
  assert.ok(files.every((f) => /^maltavla-.+\.json$/.test(f)));
  // Credentials stay on the device: no file in the folder holds them.
  for (const f of files) {
    const text = await readFile(join(dav.folder, f), 'utf8');
    assert.ok(!text.includes(DAV_PASSWORD) && !text.includes(DAV_USER), f);
  }
  a.errors.assertClean();
  b.errors.assertClean();
});

test('a wrong password, an unreachable server and a 412 each say what happened and lose nothing', async (t) => {
  const dav = await startWebDav();
  t.after(() => dav.stop());
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const before = await stored(page);

  await configure(page, { url: dav.url, password: 'fel-lösenord' });
  assert.match(await sync(page), /Fel användarnamn eller lösenord \(servern svarade 401\)\. Inget ändrades\./);
  await page.getByTestId('dav-status').and(page.locator('[role=alert]')).waitFor();

  await configure(page, { url: `http://127.0.0.1:${await freePort()}/dav/` });
  assert.match(await sync(page), /Servern svarar inte\./);

  // Someone else's write lands between our listing and our write.
  await configure(page, { url: dav.url });
  await page.route(`${dav.url}maltavla-*.json`, (route) =>
    route.request().method() === 'PUT' ? route.fulfill({ status: 412, body: '' }) : route.continue(),
  );
  assert.match(await sync(page), /ändrades under tiden \(412\), så den skrevs inte över/);
  await screenshot(page, 'webdav-412');
  await page.unroute(`${dav.url}maltavla-*.json`);
  assert.equal(await stored(page), before);

  // A broken file from another laptop is named and skipped: it changes
  // nothing here, and the sync still writes this laptop's file.
  await writeFile(join(dav.folder, 'maltavla-trasig.json'), '{"format":"maltavla-snapshot","version":"1.2","records":[{"outcome":');
  const message = await sync(page);
  assert.match(message, /^Synkroniserat: 0 filer lästa, 0 poster ändrade/);
  assert.match(message, /Filen maltavla-trasig\.json lästes inte in: /);
  assert.equal(await stored(page), before);
  assert.equal((await readdir(dav.folder)).length, 2);
  errors.assertClean({ ignore: [/401|412|ERR_CONNECTION_REFUSED|Failed to load resource/] });
});

test('a folder that lists weak ETags is written with If-Unmodified-Since, and a file changed meanwhile is still kept', async (t) => {
  const dav = await startWebDav();
  t.after(() => dav.stop());
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  await configure(page, { url: dav.url });
  assert.match(await sync(page), /^Synkroniserat: 0 filer lästa/);
  const [own] = await readdir(dav.folder);
  const ownPath = join(dav.folder, own);

  // From now on the folder lists every ETag weak (W/"…"), as Apache does
  // within a second of a write and some proxies always do; and it compares
  // If-Match strongly, as RFC 9110 says and Apache and Nextcloud do
  // (wsgidav itself drops the W/ and would let the write through).
  const conditions = [];
  let meanwhile = null;
  await page.route(`${dav.url}**`, async (route) => {
    const request = route.request();
    if (request.method() === 'PROPFIND') {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<(\w+:)?getetag>"?([^<"]+)"?<\/(\w+:)?getetag>/g,
        (_, open = '', tag, close = '') => `<${open}getetag>W/"${tag}"</${close}getetag>`,
      );
      assert.match(body, /getetag>W\//);
      await route.fulfill({ response, body });
      return;
    }
    if (request.method() === 'PUT') {
      const headers = await request.allHeaders();
      conditions.push(['if-match', 'if-none-match', 'if-unmodified-since'].filter((h) => h in headers).map((h) => `${h}: ${headers[h]}`).join());
      if (headers['if-match']?.startsWith('W/')) {
        await route.fulfill({ status: 412, body: '' });
        return;
      }
      if (meanwhile) await meanwhile();
    }
    await route.continue();
  });

  // An edit is written: under If-Unmodified-Since with the listed date.
  await nameOrganisation(page, 'Östra Södertörn (svaga ETaggar)');
  await page.getByTestId('nav-settings').click();
  assert.match(await sync(page), /^Synkroniserat: /);
  assert.match(conditions.at(-1), /^if-unmodified-since: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
  assert.match(await readFile(ownPath, 'utf8'), /Östra Södertörn \(svaga ETaggar\)/);

  // Someone writes the file between our listing and our write: refused.
  await nameOrganisation(page, 'Östra Södertörn (skrivs inte)');
  await page.getByTestId('nav-settings').click();
  const theirs = '{"format":"maltavla-snapshot","version":"1.3","records":[]}';
  meanwhile = async () => {
    await writeFile(ownPath, theirs);
    const later = new Date(Date.now() + 5_000);
    await utimes(ownPath, later, later);
  };
  assert.match(await sync(page), /ändrades under tiden \(412\), så den skrevs inte över/);
  assert.equal(await readFile(ownPath, 'utf8'), theirs);
  await page.unroute(`${dav.url}**`);
  errors.assertClean({ ignore: [/412|Failed to load resource/] });
});
