"""A cache of what `cchc status` and `cchc rollup` need from each unit's files.

Reading and checking one unit's plan and quarter files takes tens of milliseconds, and a
province has thousands of units whose files mostly do not change from one run to the
next. For each plan file (its facts) and each unit and period (its digest) the cache
keeps the value next to the path, size and modification time of every file it was made
from; an entry is used only when all of them are unchanged, and only by the same
version of cchc (its version number and a digest of its own code: an entry is never
trusted across versions). Entries are JSON, never code.

The folder: $CCHC_CACHE_DIR, else the user's cache folder (~/.cache/cchc on Linux,
~/Library/Caches/cchc on macOS, %LOCALAPPDATA%\\cchc\\Cache on Windows); one SQLite
file, ``don-vi.sqlite3``. It is safe to delete at any time. A cache that cannot be
opened or written is no error: the units are read from their files.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

FILE_NAME = "don-vi.sqlite3"
# A file changed less than this long ago may change again within the same timestamp:
# what was read from it is not kept.
SETTLE_SECONDS = 2.0
Signature = tuple[tuple[str, int, int, int], ...]


def default_folder() -> Path:
    """Where the cache lives unless $CCHC_CACHE_DIR says otherwise."""
    if given := os.environ.get("CCHC_CACHE_DIR"):
        return Path(given)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "cchc" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "cchc"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "cchc"


@functools.cache
def code_version() -> str:
    """cchc's version and a digest of its core's code: entries made by other code are not
    used. The command line and the writers are left out: the core never imports them
    (tests/test_layers.py), so they cannot change what an entry holds."""
    from cchc_cli import __version__

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] in ("cli", "output"):
            continue
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    python = ".".join(map(str, sys.version_info[:2]))
    return f"{__version__}+{digest.hexdigest()[:16]}+py{python}"


def signature(paths: Iterable[Path]) -> Signature:
    """Each file's path, size, modification and change times (-1 when it does not exist)."""
    found = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found.append((str(path), -1, 0, 0))
            continue
        changed = info.st_ctime_ns if os.name != "nt" else 0
        found.append((str(path), info.st_size, info.st_mtime_ns, changed))
    return tuple(found)


def settled(sig: Signature, now: float | None = None) -> bool:
    """Whether every file was last changed long enough ago to be kept by its times."""
    limit = ((now if now is not None else time.time()) - SETTLE_SECONDS) * 1e9
    return all(mtime < limit and changed < limit for _, _, mtime, changed in sig)


class Cache:
    """The cache file: ``get`` an entry still valid for its files, ``put`` new ones."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self.version = code_version()

    def _connect(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._db
        self._opened = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            db = sqlite3.connect(self.folder / FILE_NAME, timeout=5.0)
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries "
                "(key TEXT PRIMARY KEY, version TEXT, files TEXT, value TEXT)"
            )
            # Entries of other versions are never read again: dropped as they are met.
            db.commit()
        except (OSError, sqlite3.Error):
            return None
        self._db = db
        return db

    def get(self, key: str, sig: Signature) -> str | None:
        """The JSON text kept under ``key`` when made by this version from files still
        as ``sig`` says, else None."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(
                "SELECT version, files, value FROM entries WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None or row[0] != self.version or row[1] != _files_text(sig):
            return None
        return str(row[2])

    def put(self, entries: Sequence[tuple[str, Signature, str]]) -> None:
        """Keep ``entries`` (key, files, JSON text), each replacing the key's last; those
        made from files that may still be changing are left out."""
        db = self._connect()
        now = time.time()
        rows = [
            (key, self.version, _files_text(sig), value)
            for key, sig, value in entries
            if settled(sig, now)
        ]
        if db is None or not rows:
            return
        with contextlib.suppress(sqlite3.Error), db:
            db.executemany(
                "INSERT OR REPLACE INTO entries (key, version, files, value) VALUES (?, ?, ?, ?)",
                rows,
            )
            db.execute("DELETE FROM entries WHERE version != ?", (self.version,))

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None


def _files_text(sig: Signature) -> str:
    return "\n".join(f"{path}\t{size}\t{mtime}\t{changed}" for path, size, mtime, changed in sig)


def unit_cache(*, enabled: bool = True) -> Cache | None:
    """The cache in its usual folder, or None when the user turned it off."""
    return Cache(default_folder()) if enabled else None
