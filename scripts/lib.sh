# shellcheck shell=bash
# Shared helpers for scripts/setup, scripts/start and scripts/test.
# Source it; it changes into the repository root.

# The calling script, as an absolute path (before the cd below).
SCRIPT_PATH="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

# Repository root, whatever directory the script was started from.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

# cargo install puts trunk and wasm-bindgen in ~/.cargo/bin; a fresh shell in
# CI may not have it on PATH yet. scripts/tools/node_modules/.bin holds the
# wasm-opt Trunk must use (npm binaryen, see scripts/tools/package.json): it
# goes first so it wins over any other wasm-opt, such as Debian's binaryen 108.
export PATH="$REPO_ROOT/scripts/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Colour only when printing to a terminal, so CI logs stay plain text.
if [[ -t 1 ]]; then
  BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' RESET=$'\e[0m'
else
  BOLD='' RED='' GREEN='' YELLOW='' RESET=''
fi

info() { printf '%s\n' "$*"; }
ok()   { printf '%s✓%s %s\n' "$GREEN" "$RESET" "$*"; }
warn() { printf '%sWARNING:%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
die()  { printf '%sERROR:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }

# Prints the calling script's header comment (every `#` line after the
# shebang, up to the first line that is not a comment) as its --help, so
# the help is the header and never drifts from it.
usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$SCRIPT_PATH"
}

# For a script that takes no arguments: --help prints its usage, anything
# else is refused before the script does any work.
help_or_no_args() {
  case "${1:-}" in
    "") ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
}

# Print a command, then run it.
run() {
  printf '%s+ %s%s\n' "$BOLD" "$*" "$RESET"
  "$@"
}

# Seconds as "1m23s" / "45s".
fmt_secs() {
  local s=$1
  if (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# The exact version of a package in Cargo.lock (first match), e.g.
#   lock_version wasm-bindgen  ->  0.2.130
lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/version = |"/, ""); print; exit }
  ' Cargo.lock
}
