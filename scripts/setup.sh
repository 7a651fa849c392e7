#!/usr/bin/env bash
# Creates .venv with cchc installed (editable). `bash scripts/setup.sh test` adds the
# test tools. Works on a fresh Debian with Python 3.11: installs python3-venv if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-}

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  echo "cchc cần Python 3.11 trở lên ($python: $("$python" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian's python3-venv (once)..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
if [ "$extras" = "test" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,bench]'
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi
