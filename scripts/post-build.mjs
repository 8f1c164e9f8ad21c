// Run by scripts/build-wasm, Trunk's post_build hook (see Trunk.toml), as
// its last step: finishes a build in $TRUNK_STAGING_DIR before Trunk moves
// it to dist/.
//
// 1. Fills the Content-Security-Policy in index.html with the SHA-256 of each
//    inline script (build-wasm's wasm loader), so no 'unsafe-inline' is
//    needed.
// 2. Writes the service worker's list of files to precache and a hash of the
//    whole build, which names its cache: a new build is a new worker and a
//    new cache, and an unchanged build is byte for byte the same worker.
//
// Plain Node, no packages: it runs on a fresh machine before `npm ci`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run by trunk build)");
  process.exit(1);
}

const WORKER = "sw.js";

function filesUnder(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(relative(dir, path).split(sep).join("/"));
  }
  return out;
}

// 1. The loader's hash in the page's policy.
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");
const hashes = [...index.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => m[1])
  .filter((body) => body.trim() !== "")
  .map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
if (!index.includes("__MALTAVLA_SCRIPT_HASHES__")) {
  console.error("post-build: index.html has no __MALTAVLA_SCRIPT_HASHES__ placeholder");
  process.exit(1);
}
index = index.replace("__MALTAVLA_SCRIPT_HASHES__", hashes.join(" "));
writeFileSync(indexPath, index);

// 2. The worker's file list and build hash. "./" is the page every
// address of the app is served as, offline.
const files = filesUnder(dir)
  .filter((f) => f !== WORKER)
  .sort();
const build = createHash("sha256");
for (const f of files) {
  build.update(f + "\0");
  build.update(readFileSync(join(dir, f)));
}
const buildId = build.digest("hex").slice(0, 16);
const workerPath = join(dir, WORKER);
let worker = readFileSync(workerPath, "utf8");
// A worker whose placeholders drifted would precache nothing, or keep one
// cache name for every build: fail the build, as for the page's policy.
for (const placeholder of ["__MALTAVLA_BUILD__", '["__MALTAVLA_FILES__"]']) {
  if (!worker.includes(placeholder)) {
    console.error(`post-build: ${WORKER} has no ${placeholder} placeholder`);
    process.exit(1);
  }
}
worker = worker
  .replace("__MALTAVLA_BUILD__", buildId)
  .replace('["__MALTAVLA_FILES__"]', JSON.stringify(["./", ...files]));
writeFileSync(workerPath, worker);
console.log(`post-build: build ${buildId}, ${files.length} files precached, ${hashes.length} inline script hash(es)`);
