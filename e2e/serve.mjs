// A dependency-free static file server for Trunk's dist/ folder.
//
// Used by the end-to-end tests (import { startServer }) and by hand:
//   node e2e/serve.mjs [root=dist] [port=8081]
//
// - MIME types that browsers insist on (application/wasm for streaming
//   compilation, text/javascript for ES modules, manifests, icons).
// - SPA fallback: a path without a file extension that matches no file is
//   answered with index.html, so deep links such as /insatser/abc work.
//   Paths with an extension that match no file get a real 404, so a missing
//   asset fails loudly instead of silently returning HTML.
// - ETags, and 304 for a matching If-None-Match.
// - `Cache-Control: no-cache` everywhere: the browser may keep a copy but must
//   revalidate, so a rebuilt dist/ is always what the tests see.
// - close() also drops keep-alive connections, so a test can stop the server
//   to simulate going offline.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Returns the file's stats, or null when it does not exist. */
async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Maps a URL path to the file to send, or null for a 404. */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  const candidate = resolve(join(root, decoded));
  // Never serve anything outside root (../ tricks).
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;

  const info = await statOrNull(candidate);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    if ((await statOrNull(index))?.isFile()) return index;
  }
  // SPA fallback: client-side routes have no file extension.
  if (extname(decoded) === '') return join(root, 'index.html');
  return null;
}

/**
 * Starts the server on 127.0.0.1.
 * @param {{ root: string, port?: number, mount?: string }} options port 0
 *   picks a free port; `mount` (e.g. '/maltavla') serves root under that
 *   subpath only, as a host that puts the app in a folder does.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 *   url has no trailing slash, e.g. http://127.0.0.1:41234
 */
export async function startServer({ root, port = 0, mount = '' }) {
  const rootDir = resolve(root);
  if (!(await statOrNull(join(rootDir, 'index.html')))?.isFile()) {
    throw new Error(`${rootDir}/index.html not found: run \`scripts/trunk build --release\` first`);
  }

  const server = createServer((req, res) => {
    handle(rootDir, mount, req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`500 ${error.message}\n`);
    });
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const actualPort = server.address().port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** Answers one request. */
async function handle(rootDir, mount, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let { pathname } = new URL(req.url, 'http://localhost');
  if (mount) {
    // The site lives under a subpath: only addresses inside it exist.
    if (pathname !== mount && !pathname.startsWith(`${mount}/`)) pathname = null;
    else pathname = pathname.slice(mount.length) || '/';
  }
  const file = pathname === null ? null : await resolveFile(rootDir, pathname);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
    return;
  }
  const info = await stat(file);
  // An ETag from size and modification time, as most static servers make
  // one: the app's published-snapshot check sends it back (If-None-Match).
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ETag: etag,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

// CLI: node e2e/serve.mjs [root] [port]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8081'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Serving ${resolve(root)} at ${url}/  (Ctrl+C to stop)`);
}
