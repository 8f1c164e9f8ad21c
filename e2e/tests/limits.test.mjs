// Resource limits before reading: a picked file larger than what it is for
// is refused by its size before the browser copies it into the app, and a
// server's answer larger than the request allows is refused (announced
// Content-Length) or cut while it streams (chunked). Each gives a Swedish
// message naming the file or address, stores nothing, and the app goes on.
//
// The files are sparse (fs truncate): one byte past the real limits
// (512 MiB for a snapshot, 20 MiB for a CSV sheet) without using the disk.
// Playwright hands a local browser the file's path, so nothing here reads
// them either.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, screenshot, useAppUnderTest } from '../lib/browser.mjs';
import { DAV_PASSWORD, DAV_USER } from '../lib/webdav.mjs';
import { BoardPage } from '../pages/app.mjs';
import { ExchangePage } from '../pages/exchange.mjs';
import { ParticipantsPage } from '../pages/participants.mjs';

const app = useAppUnderTest({ before, beforeEach, afterEach, after });

const MIB = 1024 * 1024;
/** core::snapshot::MAX_BYTES */
const SNAPSHOT_MAX = 512 * MIB;
/** core::csv::read::MAX_FILE_BYTES */
const CSV_MAX = 20 * MIB;
/** core::sync::LISTING_MAX_BYTES */
const LISTING_MAX = 8 * MIB;

/** A folder for this test's files, removed afterwards. */
async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-limits-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A sparse file of `size` bytes (zeros, taking no disk). */
async function sparseFile(dir, name, size) {
  const path = join(dir, name);
  const handle = await open(path, 'w');
  await handle.truncate(size);
  await handle.close();
  return path;
}

/** Text with runs of white space (no-break spaces too) as one space. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/** How many records the laptop stores, as the settings page says. */
async function stored(page) {
  await page.getByTestId('nav-settings').click();
  return (await page.getByTestId('storage-count').innerText()).trim();
}

/** Waits until `res` can take more, or the client has gone. */
function drainedOrClosed(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A server that answers too much, with CORS for the app: `/announced.json`
 * announces one byte past the snapshot limit and sends a few bytes, then
 * waits; `/dav/` answers PROPFIND with a listing of `davTotal` bytes sent
 * chunked (no Content-Length), as fast as the client reads it. `sent()`
 * counts the listing bytes written before the client went away.
 */
async function startGreedyServer({ davTotal }) {
  let listingSent = 0;
  let listingDone = false;
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, PUT, PROPFIND, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Depth, If-Match, If-None-Match, If-Unmodified-Since',
    'Access-Control-Expose-Headers': 'ETag',
  };
  const server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (req.url === '/announced.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': String(SNAPSHOT_MAX + 1) });
      res.write('{"format":"maltavla-snapshot",');
      return; // never ends: the client must not wait for the rest
    }
    if (req.url === '/dav/' && req.method === 'PROPFIND') {
      res.writeHead(207, { ...cors, 'Content-Type': 'application/xml; charset=utf-8' });
      res.write('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">');
      const entry = Buffer.from(
        '<d:response><d:href>/dav/other.txt</d:href><d:propstat><d:prop><d:getetag>"x"</d:getetag></d:prop></d:propstat></d:response>'.padEnd(
          256,
          ' ',
        ),
      );
      const chunk = Buffer.concat(Array(256).fill(entry)); // 64 KiB
      while (listingSent < davTotal && !res.destroyed) {
        listingSent += chunk.length;
        if (!res.write(chunk)) await drainedOrClosed(res);
      }
      if (!res.destroyed) {
        listingDone = true;
        res.end('</d:multistatus>');
      }
      return;
    }
    res.writeHead(404, cors).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    sent: () => ({ bytes: listingSent, all: listingDone }),
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

test('a picked snapshot past the limit is refused by name, size and limit, unread, and the app goes on', async (t) => {
  const dir = await tempDir(t);
  const big = await sparseFile(dir, 'allt-för-stor.json', SNAPSHOT_MAX + 1);
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const before = await stored(page);

  const exchange = await ExchangePage.goTo(page);
  await exchange.chooseFile(big);
  assert.equal(
    flat(await exchange.error().innerText()),
    'Filen allt-för-stor.json är 536 870 913 B, större än de 536 870 912 B som kan läsas in. Den lästes inte, och inget ändrades.',
  );
  await exchange.error().scrollIntoViewIfNeeded();
  await screenshot(page, 'limits-file-too-large');

  // The app goes on: a real snapshot is previewed next, and nothing was stored.
  const fixture = await readFile(join(DIST_DIR, '..', 'tests', 'fixtures', 'snapshots', 'v1.1.json'), 'utf8');
  await exchange.chooseFile({ name: 'liten.json', text: fixture });
  await exchange.preview().waitFor();
  await exchange.cancel();
  assert.equal(await stored(page), before);
  errors.assertClean();
});

test('a picked CSV sheet past its limit is refused by name, size and limit', async (t) => {
  const dir = await tempDir(t);
  const big = await sparseFile(dir, 'deltagare.csv', CSV_MAX + 1);
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const before = await stored(page);
  const participants = await ParticipantsPage.goTo(page);
  await participants.page.getByTestId('csv-file').setInputFiles(big);
  const refused = page.getByTestId('csv-refused');
  await refused.waitFor();
  assert.equal(
    flat(await refused.innerText()),
    'Filen deltagare.csv är 20 971 521 B, större än de 20 971 520 B som kan läsas in. Den lästes inte, och inget ändrades.',
  );
  assert.equal(await stored(page), before);
  errors.assertClean();
});

test('a published snapshot announced past the limit is refused by its address before reading', async (t) => {
  const greedy = await startGreedyServer({ davTotal: 0 });
  t.after(() => greedy.close());
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const before = await stored(page);

  const location = `${greedy.url}/announced.json`;
  await page.getByTestId('nav-settings').click();
  await page.locator('#published-location').fill(location);
  await page.getByTestId('published-save').click();
  await page.getByText('Platsen är sparad.').waitFor();
  const exchange = await ExchangePage.goTo(page);
  await page.getByTestId('published-fetch').click();
  await exchange.error().waitFor();
  assert.equal(
    flat(await exchange.error().innerText()),
    `Svaret från ${location} är större än 512 MB och lästes inte in; inget av det har sparats.`,
  );
  await screenshot(page, 'limits-published-too-large');
  assert.equal(await stored(page), before);
  errors.assertClean();
});

test('a WebDAV listing that streams past its limit is cut, named by its address, and changes nothing', async (t) => {
  const total = 64 * MIB;
  const greedy = await startGreedyServer({ davTotal: total });
  t.after(() => greedy.close());
  const { board, errors } = await BoardPage.open(app.browser.context, app.server.url);
  await board.loadDemo();
  const page = board.page;
  const before = await stored(page);

  await page.getByTestId('nav-settings').click();
  await page.locator('#dav-url').fill(`${greedy.url}/dav/`);
  await page.locator('#dav-user').fill(DAV_USER);
  await page.locator('#dav-password').fill(DAV_PASSWORD);
  await page.getByTestId('dav-save').click();
  await page.getByTestId('dav-status').filter({ hasText: 'sparade' }).waitFor();
  await page.getByTestId('dav-sync').click();
  await page.getByTestId('dav-status').filter({ hasText: 'Svaret från' }).waitFor({ timeout: 60_000 });
  assert.equal(
    flat(await page.getByTestId('dav-status').innerText()),
    `Svaret från ${greedy.url}/dav/ är större än 8 MB och lästes inte in; inget av det har sparats.`,
  );
  // The app stopped reading near the limit: the server never got to send it all.
  const { bytes, all } = greedy.sent();
  assert.ok(!all && bytes < total / 2, `the server sent ${bytes} bytes (all: ${all})`);
  assert.ok(bytes > LISTING_MAX, `the server sent only ${bytes} bytes`);
  assert.equal(await stored(page), before);
  errors.assertClean();
});
