# Shared helpers for scripts/*: sourced, not run.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# `cargo install` puts tauri-driver here; make sure we find it even if PATH lacks it.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Python test packages live in a project virtualenv (Debian's own python refuses system-wide pip
# installs); putting it first on PATH makes every test's `python3` see them.
PYTHON_ENV="$REPO_ROOT/target/python"
export PATH="$PYTHON_ENV/bin:$PATH"

step() { printf '==> %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, otherwise through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints how long the previous step took (bash's SECONDS counts since the script started).
timed() {
  local start=$SECONDS
  "$@"
  printf '    (%ss)\n' "$((SECONDS - start))"
}
