"""Imported counts written into a quarter's progress file, as text edits.

The file is the clerk's: only the values concerned change, and comments, order and
layout stay as they are. A count left empty (``~``) is filled; a missing count, counts
block or indicator entry is inserted where the plan's order puts it, in the file's own
style (block or ``{…}``). A value the clerk typed is never replaced unless ``force`` is
set: otherwise it is a conflict (E541) at its line. A value equal to the imported one is
no change. Structures cchc cannot edit safely are E542.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc_cli.load.yaml import load_text, resolve_plain
from cchc_cli.problems import Mark, Problem, ProblemList, Severity
from cchc_cli.tthc.feeds import CountFigure, Figures
from cchc_cli.vietnamese import number

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True, slots=True)
class Change:
    """One count written: its value before (None when empty or absent; the text when the
    clerk had typed something else than a number) and after."""

    indicator: str
    count: str
    old: int | str | None
    new: int


@dataclass(frozen=True)
class MergeResult:
    """The new text, what changed, and the conflicts and other problems found."""

    text: str
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...]

    @property
    def conflicts(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.code == "E541")

    @property
    def ok(self) -> bool:
        """True when the text may be written: no conflict, no other error."""
        return not any(p.severity is Severity.ERROR for p in self.problems)


@dataclass
class _Node:
    """A YAML node with its place in the text (character offsets)."""

    kind: str  # "map", "seq" or "scalar"
    start: int
    end: int
    flow: bool = False
    value: str = ""
    style: str | None = None
    pairs: list[tuple[_Node, _Node]] = field(default_factory=list)
    items: list[_Node] = field(default_factory=list)

    def get(self, key: str) -> tuple[_Node, _Node] | None:
        return next(((k, v) for k, v in self.pairs if k.value == key), None)

    @property
    def last_end(self) -> int:
        """Where the node's last scalar or flow collection ends."""
        if self.flow or self.kind == "scalar":
            return self.end
        last = self.pairs[-1][1] if self.kind == "map" and self.pairs else None
        last = self.items[-1] if self.kind == "seq" and self.items else last
        return last.last_end if last is not None else self.end

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and not self.style and self.value in _NULLS


def merge_figures(text: str, figures: Figures, *, path: str, force: bool = False) -> MergeResult:
    """``text`` (a progress file) with ``figures`` written in; never raises for bad input."""
    problems = ProblemList(path)
    if load_text(text, problems) is None:
        return MergeResult(text, (), tuple(problems.items))
    editor = _Editor(text, figures, problems, force)
    root = _tree(text, editor.offset)
    if root is None or root.kind != "map":
        problems.add(
            Mark(1, 1),
            "E542",
            "Tệp tiến độ không phải một bảng khóa: giá trị nên không ghi số liệu vào được.",
            "Tạo tệp bằng cchc progress new rồi nhập lại.",
        )
        return MergeResult(text, (), tuple(problems.items))
    editor.indicators(root)
    return MergeResult(editor.apply(), tuple(editor.changes), tuple(problems.items))


def _tree(text: str, offset: Any) -> _Node | None:
    """The document's node tree, built from the parser's events."""
    stack: list[tuple[_Node, list[_Node]]] = []
    root: _Node | None = None
    for event in yaml.parse(text, Loader=_Loader):
        start = offset(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            node = _Node("scalar", start, offset(event.end_mark), value=event.value)
            node.style = event.style or None
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            stack.append((_Node(kind, start, start, flow=bool(event.flow_style)), []))
            continue
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, children = stack.pop()
            node.end = offset(event.end_mark)
            if node.kind == "map":
                node.pairs = list(zip(children[::2], children[1::2], strict=True))
            else:
                node.items = children
        else:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    return root


class _Editor:
    """Collects edits (offset ranges and their new text) and the changes they make."""

    def __init__(self, text: str, figures: Figures, problems: ProblemList, force: bool) -> None:
        self.text = text
        self.figures = figures
        self.problems = problems
        self.force = force
        self.edits: list[tuple[int, int, int, str]] = []
        self.changes: list[Change] = []
        self.line_starts = [0] + [n + 1 for n, c in enumerate(text) if c == "\n"]

    def offset(self, mark: Any) -> int:
        return (
            self.line_starts[mark.line] + mark.column
            if mark.line < len(self.line_starts)
            else len(self.text)
        )

    def mark(self, offset: int) -> Mark:
        line = max(n for n, start in enumerate(self.line_starts) if start <= offset)
        return Mark(line + 1, offset - self.line_starts[line] + 1)

    def column(self, offset: int) -> int:
        return self.mark(offset).column - 1

    def edit(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, len(self.edits), new))

    def after_line(self, end: int, lines: list[str]) -> None:
        """Insert whole lines after the line where ``end`` falls."""
        newline = self.text.find("\n", max(end - 1, 0))
        at = len(self.text) if newline < 0 else newline
        self.edit(at, at, "".join("\n" + line for line in lines))

    def before_line(self, start: int, lines: list[str]) -> None:
        at = self.text.rfind("\n", 0, start) + 1
        self.edit(at, at, "".join(line + "\n" for line in lines))

    def apply(self) -> str:
        text = self.text
        for start, end, _, new in sorted(self.edits, key=lambda e: (e[0], e[2]), reverse=True):
            text = text[:start] + new + text[end:]
        return text

    # ------------------------------------------------------------------ indicators

    def indicators(self, root: _Node) -> None:
        wanted = self.figures.indicators
        found = root.get("indicators")
        if found is None:
            lines = ["indicators:"] + [line for i in wanted for line in self.entry(i, 2)]
            narrative = root.get("narrative")
            if narrative is not None:
                self.before_line(narrative[0].start, lines)
            else:
                self.after_line(root.last_end, lines)
            return
        key, value = found
        if value.is_null or (value.kind == "seq" and value.flow and not value.items):
            self.edit(value.start, value.end, "")
            self.after_line(key.end, [line for i in wanted for line in self.entry(i, 2)])
            return
        if value.kind != "seq" or value.flow:
            self.cannot(value.start, "'indicators' không phải danh sách khối ('- id: …')")
            return
        entries = {self.entry_id(item): item for item in reversed(value.items)}
        for indicator in wanted:
            item = entries.get(indicator)
            if item is None:
                self.insert_entry(value, entries, indicator)
            elif item.kind != "map" or item.flow:
                self.cannot(item.start, f"mục chỉ số {indicator} không viết dạng khối")
            else:
                self.counts(item, indicator)

    @staticmethod
    def entry_id(item: _Node) -> str:
        found = item.get("id") if item.kind == "map" else None
        return found[1].value if found else ""

    def entry(self, indicator: str, dash: int) -> list[str]:
        """A new indicator entry, its counts in block style (their changes recorded)."""
        pad = " " * dash
        figures = self.ordered(indicator)
        self.changes += [Change(indicator, c.count, None, c.value) for c in figures]
        lines = [f"{pad}- id: {indicator}", f"{pad}  counts:"]
        return lines + [f"{pad}    {c.count}: {c.value}" for c in figures]

    def insert_entry(self, sequence: _Node, entries: dict[str, _Node], indicator: str) -> None:
        order = self.figures.indicator_order
        before = order[: order.index(indicator)]
        previous = [entries[i] for i in before if i in entries]
        anchor = previous[-1] if previous else sequence.items[0]
        dash = max(self.column(anchor.start) - 2, 0)
        if previous:
            self.after_line(anchor.last_end, self.entry(indicator, dash))
        else:
            self.before_line(anchor.start, self.entry(indicator, dash))

    def ordered(self, indicator: str) -> list[CountFigure]:
        order = self.figures.count_order.get(indicator, ())
        found = self.figures.of(indicator)
        return sorted(found, key=lambda c: order.index(c.count) if c.count in order else len(order))

    # ---------------------------------------------------------------------- counts

    def counts(self, item: _Node, indicator: str) -> None:
        figures = self.ordered(indicator)
        found = item.get("counts")
        if found is None:
            pad = " " * self.column(item.start)
            id_value = item.get("id")
            assert id_value is not None
            lines = [f"{pad}counts:"] + [f"{pad}  {c.count}: {c.value}" for c in figures]
            self.after_line(id_value[1].last_end, lines)
            self.changes += [Change(indicator, c.count, None, c.value) for c in figures]
            return
        key, value = found
        if value.is_null:
            self.edit(value.start, value.end, "")
            pad = " " * (self.column(key.start) + 2)
            self.after_line(key.end, [f"{pad}{c.count}: {c.value}" for c in figures])
            self.changes += [Change(indicator, c.count, None, c.value) for c in figures]
        elif value.kind != "map":
            self.cannot(
                value.start, f"'counts' của chỉ số {indicator} không phải bảng khóa: giá trị"
            )
        else:
            for figure in figures:
                self.count(value, indicator, figure)

    def count(self, counts: _Node, indicator: str, figure: CountFigure) -> None:
        found = counts.get(figure.count)
        if found is None:
            self.insert_count(counts, indicator, figure)
            return
        _, value = found
        old = _typed(value)
        if old == figure.value:
            return
        if old is not None and not self.force:
            self.problems.add(
                self.mark(value.start),
                "E541",
                f"Chỉ số {indicator}, số liệu '{figure.count}': tệp tiến độ ghi {_shown(value)}, "
                f"tệp thống kê ghi {number(figure.value)} ({figure.source}).",
                "Số đã nhập tay được giữ nguyên. Nếu số của tệp thống kê đúng, sửa tay hoặc "
                "nhập lại cho phép ghi đè (--force).",
            )
            return
        if value.start == value.end:  # "received:" with nothing after the colon
            self.edit(value.start, value.end, f" {figure.value}")
        else:
            self.edit(value.start, value.end, str(figure.value))
        self.changes.append(Change(indicator, figure.count, old, figure.value))

    def insert_count(self, counts: _Node, indicator: str, figure: CountFigure) -> None:
        order = self.figures.count_order.get(indicator, ())
        position = order.index(figure.count) if figure.count in order else len(order)
        earlier = [(k, v) for k, v in counts.pairs if k.value in order[:position]]
        self.changes.append(Change(indicator, figure.count, None, figure.value))
        entry = f"{figure.count}: {figure.value}"
        if counts.flow:
            if earlier:
                self.edit(earlier[-1][1].end, earlier[-1][1].end, f", {entry}")
            elif counts.pairs:
                start = counts.pairs[0][0].start
                self.edit(start, start, f"{entry}, ")
            else:
                self.edit(counts.start, counts.end, "{" + entry + "}")
            return
        pad = " " * self.column(counts.pairs[0][0].start)
        if earlier:
            self.after_line(earlier[-1][1].last_end, [pad + entry])
        else:
            self.before_line(counts.pairs[0][0].start, [pad + entry])

    def cannot(self, offset: int, what: str) -> None:
        self.problems.add(
            self.mark(offset),
            "E542",
            f"Không ghi số liệu tự động được: {what}.",
            "Viết lại phần này như tệp do cchc progress new tạo (mỗi chỉ số '- id: …' với "
            "'counts:' bên dưới), hoặc điền số liệu bằng tay.",
        )


def _typed(node: _Node) -> int | str | None:
    """A count as the clerk typed it: a number, None when empty, else the text."""
    if node.kind != "scalar":
        return "…"
    if node.is_null:
        return None
    value = resolve_plain(node.value) if not node.style else node.value.strip()
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _shown(node: _Node) -> str:
    typed = _typed(node)
    return number(typed) if isinstance(typed, int) else f"'{node.value}'"
