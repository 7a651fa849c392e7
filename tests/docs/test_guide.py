"""The user guide (docs/huong-dan-su-dung.md) is followed as a reader would, top to bottom.

Its conventions, which these tests hold it to:

- A ```powershell or ```bash block holds commands, one a line; `#` starts a comment, and a
  comment "mã thoát N" states the exit code (else 0). Every `cchc …` line is run through
  tests.helpers.run_cli, in document order, in one copy of the files the guide uses
  (plans/, progress/, schema/, docs/vi-du/, the 2025 plan of tests/fixtures/diff/), so
  each command sees what the ones before it wrote. `py scripts/sample-province.py …`
  runs that script. Any other line must be in NOT_RUN, with the reason it cannot run
  here (installing on the reader's machine).
- A ```text block quotes what the command block before it printed: each of its lines
  is one the commands printed (spaces between words do not count; "…" stands for
  anything, a line of "…" alone for lines left out).
- A ```yaml block is an excerpt of a plan or progress file and must be valid YAML.
- `cchc …` in running text is the start of a command the guide runs; every `--option` it
  names is one of cchc's options.
"""

from __future__ import annotations

import io
import re
import shlex
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
import yaml

from cchc_cli import __version__
from cchc_cli.cli import console
from tests.docs import sample_export
from tests.helpers import ROOT, CliResult, run_cli
from tests.province_sample import sample_province

GUIDE = ROOT / "docs" / "huong-dan-su-dung.md"

# Lines of the guide's command blocks that no test runs, and why. The wheel the guide
# tells people to build and install is built and installed by test_guide_install.py.
NOT_RUN = {
    "py -m pip install .": "installs into the reader's Python (needs the network)",
    "py -m pip install --user pipx": "installs into the reader's Python",
    "py -m pipx ensurepath": "changes the reader's PATH",
    "py -m pipx install .": "installs into the reader's Python",
    "sudo apt install pipx": "installs a Debian package",
    "pipx ensurepath": "changes the reader's PATH",
    "pipx install .": "installs into the reader's Python",
    "py -m pip wheel --no-deps -w dist .": "test_guide_install.py builds the wheel",
    f"py -m pip install cchc_cli-{__version__}-py3-none-any.whl": "test_guide_install.py installs it",
}
# What the commands read, copied from the repository into the reader's folder.
FILES = (
    "plans",
    "progress",
    "schema",
    "docs/vi-du",
    "docs/examples",
    "tests/fixtures/diff/phu-lien-2025.yaml",
)
ENV: dict[str, str | None] = {"COLUMNS": "120", "GITHUB_ACTIONS": None}
EXIT_COMMENT = re.compile(r"mã thoát (\d+)")


@dataclass
class Block:
    line: int  # of the opening fence, 1-based
    kind: str
    lines: list[str]
    outputs: list[CliResult] = field(default_factory=list)


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        fence = re.match(r"\s*```(\S*)", line)
        if fence and current is None:
            current = Block(number, fence[1], [])
        elif fence:
            blocks.append(current)  # type: ignore[arg-type]
            current = None
        elif current is not None:
            current.lines.append(line)
    assert current is None, "a fence is not closed"
    return blocks


def _prose(text: str) -> str:
    return re.sub(r"^\s*```.*?^\s*```", "", text, flags=re.MULTILINE | re.DOTALL)


def _commands(block: Block) -> list[tuple[str, int]]:
    """(command, expected exit code) for each command line of a block."""
    found = []
    for raw in block.lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        command, _, comment = line.partition(" #")
        code = EXIT_COMMENT.search(comment)
        found.append((command.strip(), int(code[1]) if code else 0))
    return found


def _command_blocks(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind in ("powershell", "bash")]


def _normal(line: str) -> str:
    return " ".join(line.split())


def _printed(quoted: str, printed: list[str]) -> bool:
    if "…" not in quoted:
        return quoted in printed
    pattern = ".*".join(re.escape(part) for part in quoted.split("…"))
    return any(re.search(pattern, line) for line in printed)


def _workspace(tmp_path: Path) -> Path:
    work = tmp_path / "CCHC"
    for name in FILES:
        source, target = ROOT / name, work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return work


def _sample_province(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["sample-province.py", *args])
    sample_province().main()


@pytest.mark.slow
def test_the_guide_is_followed_from_top_to_bottom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(_workspace(tmp_path))
    # A console made by an earlier test would keep its width: the guide's is 120 columns.
    monkeypatch.setattr(console, "_consoles", {})
    blocks = _blocks(_text())
    previous: Block | None = None
    for block in blocks:
        if block.kind == "text":
            assert previous is not None, f"line {block.line}: output before any command"
            printed = [
                _normal(line)
                for result in previous.outputs
                for line in (result.stdout + result.stderr).splitlines()
            ]
            for quoted in map(_normal, block.lines):
                assert quoted in ("", "…") or _printed(quoted, printed), (
                    f"line {block.line}: the guide quotes {quoted!r}; the commands of line "
                    f"{previous.line} printed:\n" + "\n".join(printed)
                )
        elif block.kind == "yaml":
            yaml.safe_load("\n".join(block.lines))
        if block.kind not in ("powershell", "bash"):
            continue
        previous = block
        for command, expected in _commands(block):
            words = shlex.split(command)
            if words[0] == "cchc":
                assert "\\" not in command, f"line {block.line}: write paths with '/'"
                result = run_cli(*words[1:], env=ENV)
                block.outputs.append(result)
                assert result.exit_code == expected, (
                    f"line {block.line}: `{command}` exited {result.exit_code}, the guide "
                    f"says {expected}:\n{result.stdout}{result.stderr}"
                )
            elif words[:2] == ["py", "scripts/sample-province.py"]:
                _sample_province(words[2:], monkeypatch)
                capsys.readouterr()
            else:
                assert command in NOT_RUN, f"line {block.line}: `{command}` is not run"


def _run_commands() -> list[list[str]]:
    return [
        shlex.split(command)
        for block in _command_blocks(_blocks(_text()))
        for command, _ in _commands(block)
        if command.startswith("cchc ")
    ]


def test_commands_in_running_text_are_ones_the_guide_runs() -> None:
    run = _run_commands()
    for span in re.findall(r"`([^`\n]+)`", _prose(_text())):
        if re.match(r"cchc(?: -{0,2}[a-z]|$)", span):  # not "cchc : The term …" (PowerShell's)
            words = shlex.split(span)
            assert any(c[: len(words)] == words for c in run), f"`{span}` is never run"


def _help_texts() -> str:
    commands = [[], ["validate"], ["schema"], ["report"], ["deadlines"], ["diff"], ["status"]]
    commands += [["progress", "new"], ["progress", "import"]]
    return "\n".join(run_cli(*c, "--help").stdout for c in commands)


def test_every_option_named_is_one_of_cchc() -> None:
    helps = _help_texts()
    spans = re.findall(r"`([^`\n]+)`", _prose(_text()))
    named = {option for span in spans for option in re.findall(r"--[a-z][a-z-]*", span)}
    for words in _run_commands():
        named |= {w for w in words if w.startswith("--")}
    assert named, "no option found: the pattern is wrong"
    assert {n for n in named if not re.search(rf"(?<![\w-]){n}(?![\w-])", helps)} == set()


def test_lines_not_run_are_still_in_the_guide() -> None:
    shown = {c for b in _command_blocks(_blocks(_text())) for c, _ in _commands(b)}
    assert set(NOT_RUN) - shown == set(), "remove these from NOT_RUN"


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, '-' for spaces."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_links_inside_the_guide_and_to_its_neighbours_resolve() -> None:
    text = _text()
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", _prose(text), flags=re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, target
        elif not target.startswith("http"):
            assert (GUIDE.parent / target).is_file(), target


def test_the_guide_is_nfc_and_linked_from_the_top_of_the_readme() -> None:
    text = _text()
    assert unicodedata.normalize("NFC", text) == text
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert any("docs/huong-dan-su-dung.md" in line for line in readme[:20])


def test_the_sample_export_is_its_recipe() -> None:
    def values(workbook: openpyxl.Workbook) -> list[tuple[object, ...]]:
        return [tuple(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]

    shipped = openpyxl.load_workbook(sample_export.PATH)
    made = openpyxl.load_workbook(io.BytesIO(sample_export.build()))
    assert values(shipped) == values(made), "run .venv/bin/python -m tests.docs.sample_export"
