#!/usr/bin/env bash
# Drift check (not run by CI): installs the newest versions pyproject.toml's ranges allow
# into a throw-away environment, says which packages moved from constraints.txt, and runs
# the test suite with them, so we see a breaking release before users do.
#   bash scripts/check-drift.sh           report what moved and run the suite
#   bash scripts/check-drift.sh --write   also replace constraints.txt with the new versions
set -euo pipefail
cd "$(dirname "$0")/.."
write=${1:-}
python=${PYTHON:-python3}
work=$(mktemp -d -t cchc-drift.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A copy of this checkout's tracked files (as they are now), with its own environment.
mkdir -p "$work/tree"
git ls-files -z | xargs -0 cp --parents -t "$work/tree"
venv="$work/tree/.venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip setuptools
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e "$work/tree[test,bench]"
"$venv/bin/python" -m pip freeze --all --exclude-editable \
  | grep -v -i -e '^cchc-cli' -e '^wheel==' | LC_ALL=C sort -f > "$work/newest.txt"
grep -v '^#' constraints.txt | LC_ALL=C sort -f > "$work/locked.txt"

"$venv/bin/python" - "$work/locked.txt" "$work/newest.txt" <<'PY'
import sys

def read(path):
    pins = {}
    for line in open(path, encoding="utf-8"):
        if "==" in line:
            name, version = line.strip().split("==", 1)
            pins[name.lower().replace("_", "-")] = version
    return pins

locked, newest = read(sys.argv[1]), read(sys.argv[2])
moved = [(n, locked.get(n, "-"), newest.get(n, "-")) for n in sorted(locked.keys() | newest.keys())
         if locked.get(n) != newest.get(n)]
if not moved:
    print("No package moved: constraints.txt is the newest the ranges allow.")
for name, old, new in moved:
    print(f"moved: {name} {old} -> {new}")
PY

status=0
(cd "$work/tree" && .venv/bin/pytest -q -p no:cacheprovider) || status=$?

if [ "$write" = "--write" ]; then
  { grep '^#' constraints.txt; cat "$work/newest.txt"; } > constraints.txt.new
  mv constraints.txt.new constraints.txt
  echo "constraints.txt rewritten: review the moves above, run the suite, commit."
fi
exit $status
