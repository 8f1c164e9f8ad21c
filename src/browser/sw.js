// Måltavla's service worker: makes the app start and work with no network
// after one visit, and lets a new version wait until the user agrees.
//
// The build (scripts/post-build.mjs, a Trunk post_build hook) replaces the
// two placeholders below with a hash of the build and the exact list of its
// files, so each build gets its own cache and an old build's files are
// deleted only once the new one has taken over.
//
// What it serves:
// - the build's own files from the cache (they are hashed, so never stale);
// - any page of the app (a navigation) as the cached index.html, so deep
//   links and reloads work offline;
// - everything else (the published snapshot, a WebDAV folder) from the
//   network, untouched: those must be fresh or fail visibly.

const BUILD = "__MALTAVLA_BUILD__";
const FILES = ["__MALTAVLA_FILES__"];
const CACHE = "maltavla-" + BUILD;
const SHELL = new URL("./", self.registration.scope).href;

// The files are relative to the worker's own folder, which is the app's root
// whether it is hosted at / or at a subpath.
const urls = () => FILES.map((f) => new URL(f, self.registration.scope).href);
const PRECACHED = new Set(urls());

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the page asks for it
  // ("Ny version finns — ladda om"), so an open form is never cut off.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `cache: "reload"` skips the HTTP cache, so the cache gets the files
      // of this build, not what the browser happened to keep.
      cache.addAll(urls().map((u) => new Request(u, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("maltavla-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "maltavla:activate") {
    self.skipWaiting();
  } else if (event.data === "maltavla:build") {
    event.source.postMessage({ build: BUILD });
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Any address inside the app is the app: serve its page from the cache,
    // falling back to the network only if the cache is somehow gone.
    if (!request.url.startsWith(SHELL)) return;
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(SHELL))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  // The build's own files; anything else goes to the network untouched.
  if (!PRECACHED.has(url.origin + url.pathname)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(url.origin + url.pathname))
      .then((hit) => hit || fetch(request)),
  );
});
