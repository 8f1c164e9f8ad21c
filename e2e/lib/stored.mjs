// The app's IndexedDB as the tests reach into it: records are grouped into
// buckets by a hash of their id (`src/core/stored`, schema 2), and the
// layout before buckets (one value per record, database version 2) can be
// recreated to test the upgrade.

/** The key of the bucket holding record `id`: FNV-1a (32 bit) of its UTF-8 bytes, modulo 1024, as three hex digits. */
export function bucketOf(id) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return (hash % 1024).toString(16).padStart(3, '0');
}

/**
 * Runs `body(db)` in the page against the app's database, opened without a
 * version (as it is); `body` is given helpers `req` (a request as a promise)
 * and `done` (a transaction's completion as a promise).
 */
async function withDb(page, body, arg) {
  // One expression evaluated by DevTools (the page's CSP forbids `eval`).
  return page.evaluate(`(async () => {
    const req = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const done = (tx) => new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return (${body.toString()})(req, done, ${JSON.stringify(arg ?? null)});
  })()`);
}

/** Stores the record `text` under `id` in its bucket, as another version of the app would have written it. */
export async function storeRecord(page, id, text) {
  await withDb(
    page,
    async (req, done, [id, key, text]) => {
      const db = await req(indexedDB.open('maltavla'));
      const tx = db.transaction('buckets', 'readwrite');
      const store = tx.objectStore('buckets');
      const bucket = JSON.parse((await req(store.get(key))) ?? '{"schema":2,"records":{}}');
      bucket.records[id] = JSON.parse(text);
      store.put(JSON.stringify(bucket), key);
      await done(tx);
      db.close();
    },
    [id, bucketOf(id), text],
  );
}

/** The record stored under `id` (parsed), or null. */
export async function storedRecord(page, id) {
  return withDb(
    page,
    async (req, done, [id, key]) => {
      const db = await req(indexedDB.open('maltavla'));
      const text = await req(db.transaction('buckets').objectStore('buckets').get(key));
      db.close();
      return text ? (JSON.parse(text).records[id] ?? null) : null;
    },
    [id, bucketOf(id)],
  );
}

/**
 * Rewrites the app's database as the version before buckets left it:
 * database version 2, each record its own value `{"schema":1,"record":…}`
 * under its id in `records`, the conflict log as it is. The app's open
 * connection closes (it is told a newer version wants the database).
 * Returns how many records were written.
 */
export async function rewriteAsOldLayout(page) {
  return withDb(page, async (req, done) => {
    const db = await req(indexedDB.open('maltavla'));
    const tx = db.transaction(['buckets', 'conflicts']);
    const buckets = await req(tx.objectStore('buckets').getAll());
    const conflictKeys = await req(tx.objectStore('conflicts').getAllKeys());
    const conflicts = await req(tx.objectStore('conflicts').getAll());
    db.close();
    await req(indexedDB.deleteDatabase('maltavla'));
    const open = indexedDB.open('maltavla', 2);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('records');
      open.result.createObjectStore('conflicts');
    };
    const old = await req(open);
    const write = old.transaction(['records', 'conflicts'], 'readwrite');
    let written = 0;
    for (const text of buckets) {
      for (const [id, record] of Object.entries(JSON.parse(text).records)) {
        write.objectStore('records').put(JSON.stringify({ schema: 1, record }), id);
        written += 1;
      }
    }
    conflictKeys.forEach((key, i) => write.objectStore('conflicts').put(conflicts[i], key));
    await done(write);
    old.close();
    return written;
  });
}

/** How many values each store of the app's database holds, by store name. */
export async function storeCounts(page) {
  return withDb(page, async (req) => {
    const db = await req(indexedDB.open('maltavla'));
    const out = { version: db.version };
    for (const name of db.objectStoreNames) {
      out[name] = await req(db.transaction(name).objectStore(name).count());
    }
    db.close();
    return out;
  });
}
