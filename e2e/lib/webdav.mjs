// A real WebDAV server for the sync tests: wsgidav (installed by
// scripts/setup into e2e/.venv) on 127.0.0.1, serving a temporary folder at
// /dav/ with one user, Basic authentication, and CORS for the app's origin
// (the app and the folder are on different ports, as an app and a Nextcloud
// are on different hosts).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_DIR } from './browser.mjs';

export const DAV_USER = 'kansli';
export const DAV_PASSWORD = 'hemligt-lösen';

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * Starts wsgidav. Returns the folder's URL (ending in /), the folder on disk,
 * and stop().
 */
export async function startWebDav() {
  const dir = await mkdtemp(join(tmpdir(), 'maltavla-e2e-dav-'));
  const folder = join(dir, 'share');
  const port = await freePort();
  const config = {
    host: '127.0.0.1',
    port,
    provider_mapping: { '/dav': folder },
    simple_dc: { user_mapping: { '*': { [DAV_USER]: { password: DAV_PASSWORD } } } },
    http_authenticator: { accept_basic: true, accept_digest: false, default_to_digest: false },
    cors: {
      allow_origin: '*',
      allow_methods: ['GET', 'PUT', 'PROPFIND', 'OPTIONS'],
      allow_headers: ['Authorization', 'Content-Type', 'Depth', 'If-Match', 'If-None-Match', 'If-Unmodified-Since'],
      expose_headers: ['ETag'],
      max_age: 600,
    },
    verbose: 1,
    logging: { enable_loggers: [] },
  };
  const { mkdir } = await import('node:fs/promises');
  await mkdir(folder);
  const configPath = join(dir, 'wsgidav.json');
  await writeFile(configPath, JSON.stringify(config));
  const python = join(E2E_DIR, '.venv', 'bin', 'python');
  const child = spawn(python, ['-m', 'wsgidav.server.server_cli', '--config', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/dav/`;
  // Ready when it answers (401 without credentials is an answer).
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wsgidav exited: ${output}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`wsgidav did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    folder,
    output: () => output,
    async stop() {
      child.kill();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
