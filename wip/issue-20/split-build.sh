#!/usr/bin/env bash
# The per-page split build, by hand (issue 20 groundwork; not yet wired into
# Trunk). Run from a checkout with lazy-pages.patch applied:
#   cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --root /tmp/split-tools
#   bash wip/issue-20/split-build.sh OUT_DIR
# It writes OUT_DIR with the bindgen JS, __wasm_split.js and every wasm
# (main, split_*, chunk_*) after wasm-opt, and prints their gzipped sizes.
# index.html, CSS and public/ come from a normal `scripts/trunk build
# --release` (dist/), with the script and wasm names rewritten and the CSP
# dropped: the real pipeline must recompute the loader's hash.
set -euo pipefail
out="${1:?usage: split-build.sh OUT_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="${SPLIT_TOOLS:-/tmp/split-tools/bin}"
target="${CARGO_TARGET_DIR:-$root/target}"
export PATH="$root/scripts/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$root"
# 1. Relocations kept, or the split stops ("No linking section found").
#    RUSTFLAGS replaces .cargo/config.toml's target rustflags: repeat them.
RUSTFLAGS="--cfg erase_components -C link-args=--emit-relocs" \
  cargo build --release --target wasm32-unknown-unknown
# 2. Split before wasm-bindgen (after it: "Invalid relocation entry").
split="$(mktemp -d)"
"$tools/wasm-split-cli" --target web --out-name maltavla \
  "$target/wasm32-unknown-unknown/release/maltavla.wasm" "$split"
# 3. Bind the main module; the chunks need its lld exports.
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$out" \
  --out-name maltavla "$split/maltavla.wasm"
cp "$split"/__wasm_split.js "$out"/ && cp "$split"/split_*.wasm "$split"/chunk_*.wasm "$out"/
# 4. wasm-opt every part; two at a time (one per core: 200 at once run out of memory).
features="--enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-multivalue"
export features
find "$out" -name '*.wasm' -print0 |
  xargs -0 -P 2 -I{} sh -c 'wasm-opt -Oz $features "$1" -o "$1.opt" 2>/dev/null && mv "$1.opt" "$1"' _ {}
cp dist/main-*.css "$out"/ 2>/dev/null || true
cp -r dist/public "$out"/ 2>/dev/null || true
if [[ -f dist/index.html ]]; then
  sed -E -e 's#<meta http-equiv="Content-Security-Policy"[^>]*>##' \
    -e 's#/maltavla-[0-9a-f]+_bg\.wasm#/maltavla_bg.wasm#g' -e 's#/maltavla-[0-9a-f]+\.js#/maltavla.js#g' \
    -e 's#<link rel="modulepreload"[^>]*>##g' -e 's#<link rel="preload"[^>]*>##g' dist/index.html > "$out/index.html"
fi
python3 - "$out" <<'PY'
import glob, gzip, os, sys
out = sys.argv[1]
rows = sorted(((len(gzip.compress(open(f, 'rb').read(), 9, mtime=0)), os.path.basename(f))
               for f in glob.glob(out + '/*.wasm') + glob.glob(out + '/*.js')), reverse=True)
for size, name in rows[:12]:
    print(f"{size / 1024:8.1f} KB  {name}")
print(f"{len(rows)} files, {sum(s for s, _ in rows) / 1024:.1f} KB gzipped in all")
PY
