#!/usr/bin/env bash
# Creates .venv with cchc installed (editable), every package at its version in
# constraints.txt. `bash scripts/setup.sh test` adds the test tools and Debian's
# LibreOffice Writer and Calc, Liberation fonts and poppler, which the document and
# workbook tests need. Works on a fresh Debian with Python 3.11: installs python3-venv
# if needed.
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
# Every version comes from constraints.txt, the installer and the build backend too, so
# a fresh machine gets exactly what CI tested (no build isolation: the pinned setuptools
# builds cchc).
# (setuptools' note on editable installs is for package authors, not for the clerk.)
export PYTHONWARNINGS="ignore:Editable installation"
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt)
"${pip[@]}" pip setuptools
# An editable install leaves cchc's own modules uncompiled, and with
# PYTHONDONTWRITEBYTECODE set (as on CI's machines) Python would compile all of them on
# every start: compile them once, as pip does for an installed wheel. Python still
# checks each against its source, so an edited module is never run stale.
compile=(.venv/bin/python -m compileall -q src/cchc_cli)
if [ "$extras" != "test" ]; then
  "${pip[@]}" --no-build-isolation -e .
  "${compile[@]}"
  exit 0
fi
"${pip[@]}" --no-build-isolation -e '.[test,bench]'
"${compile[@]}"

need=()
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${need[*]} from Debian's packages (once)..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${need[@]}" >/dev/null
fi
