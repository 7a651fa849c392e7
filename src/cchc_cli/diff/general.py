"""Changes outside the task list: issuance, unit, signer, reporting rule, text lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from cchc_cli.diff.changes import FieldChange, LineChange, Status, edited_line, field_change
from cchc_cli.diff.edits import EditKind, TextChange, text_change
from cchc_cli.diff.matching import distinct_texts
from cchc_cli.diff.meaning import Weights, meaning_similarity, weigh
from cchc_cli.diff.wording import NO_YEARS, PlanYears, Wording, clean, prepare
from cchc_cli.model.plan import Plan, ReportKind, ScheduledReport

_ISSUANCE = (
    ("number", "Số, ký hiệu kế hoạch"),
    ("date", "Ngày ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("title", "Tên kế hoạch"),
    ("signed_by", "Người ký kế hoạch"),
)
_UNIT = (
    ("kind", "Loại đơn vị"),
    ("name", "Tên đơn vị"),
    ("body", "Cơ quan"),
    ("province", "Tỉnh/thành phố"),
    ("place", "Địa danh"),
    ("parent", "Cơ quan chủ quản"),
    ("reports_to", "Cấp trên nhận báo cáo"),
)
_SIGNER = (
    ("authority", "Người ký: thẩm quyền"),
    ("title", "Người ký: chức vụ"),
    ("name", "Người ký: họ và tên"),
    ("deputy_of", "Người ký: ký thay"),
)
_REPORTING = (
    ("document_code", "Ký hiệu báo cáo"),
    ("archive", "Lưu"),
    ("source", "Quy định báo cáo"),
)
_SCHEDULE = (
    ("send_before", "gửi trước ngày"),
    ("window_start", "bắt đầu kỳ số liệu"),
    ("window_end", "kết thúc kỳ số liệu"),
    ("cutoff", "ngày chốt số liệu"),
)
REPORT_NAMES = {
    ReportKind.Q1: "Báo cáo quý I",
    ReportKind.H1: "Báo cáo 6 tháng",
    ReportKind.Q3: "Báo cáo quý III",
    ReportKind.YEAR: "Báo cáo năm",
}

# Text lists compared line by line; their section names, in output order.
LINE_SECTIONS = {
    "legal_bases": "Căn cứ",
    "purposes": "Mục đích",
    "requirements": "Yêu cầu",
    "targets": "Chỉ tiêu chủ yếu",
    "duties": "Nhiệm vụ của chức danh",
    "recipients": "Nơi nhận báo cáo",
}


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return clean(str(value))


def _fields(
    prefix: str, pairs: tuple[tuple[str, str], ...], old: Any, new: Any
) -> Iterator[FieldChange]:
    for name, label in pairs:
        a = _shown(getattr(old, name, None)) if old is not None else None
        b = _shown(getattr(new, name, None)) if new is not None else None
        if a != b:
            yield field_change(f"{prefix}.{name}", label, a, b)


def general_changes(old: Plan, new: Plan) -> Iterator[FieldChange]:
    """Changes of the plan document, the unit, its signer and the reporting rule."""
    yield from _fields("issued", _ISSUANCE, old.issued, new.issued)
    if old.years != new.years:
        yield field_change("years", "Năm kế hoạch", str(old.years), str(new.years))
    if old.programme != new.programme:
        yield field_change("programme", "Chương trình", old.programme.label, new.programme.label)
    yield from _fields("unit", _UNIT, old.unit, new.unit)
    yield from _fields("unit.signer", _SIGNER, old.unit.signer, new.unit.signer)
    yield from _fields("reporting", _REPORTING, old.reporting, new.reporting)
    yield from _schedule(old, new)


def _schedules(plan: Plan) -> dict[ReportKind, ScheduledReport]:
    return {r.kind: r for r in plan.reporting.reports} if plan.reporting else {}


def _schedule(old: Plan, new: Plan) -> Iterator[FieldChange]:
    before, after = _schedules(old), _schedules(new)
    for kind in ReportKind:
        for name, label in _SCHEDULE:
            a = _shown(getattr(before[kind], name)) if kind in before else None
            b = _shown(getattr(after[kind], name)) if kind in after else None
            if a != b:
                key = f"reporting.reports.{kind.value}.{name}"
                yield field_change(key, f"{REPORT_NAMES[kind]}: {label}", a, b)


def _lines(plan: Plan, section: str) -> list[str]:
    if section == "recipients":
        return list(plan.reporting.recipients) if plan.reporting else []
    if section == "duties":
        # Named by the post's title, so a duty moved to another post is a change.
        return [f"{post.title}: {duty}" for post in plan.unit.posts for duty in post.duties]
    values: list[str] = getattr(plan, section)
    return values


def _prepared(plan: Plan, section: str) -> list[Wording]:
    # Targets, purposes and duties recur every year ("… năm 2024" → "… năm 2025"):
    # compare them relative to the plan year like tasks. Legal bases and recipients name
    # documents and bodies.
    relative = section in ("targets", "purposes", "requirements", "duties")
    years = PlanYears(plan.years.start, plan.years.end) if relative else NO_YEARS
    return [prepare(line, years) for line in _lines(plan, section)]


def _unmatched(before: list[Wording], after: list[Wording]) -> tuple[list[Wording], list[Wording]]:
    """Lines of each side with no equal line on the other (literal matches first)."""
    olds, news = list(before), list(after)
    keys: tuple[Callable[[Wording], str], ...] = (lambda w: w.literal, lambda w: w.key)
    for key in keys:
        index: dict[str, list[int]] = {}
        for j, wording in enumerate(news):
            index.setdefault(key(wording), []).append(j)
        taken: set[int] = set()
        kept = []
        for wording in olds:
            free = [j for j in index.get(key(wording), []) if j not in taken]
            if free:
                taken.add(free[0])
            else:
                kept.append(wording)
        olds, news = kept, [w for j, w in enumerate(news) if j not in taken]
    return olds, news


# An edited line keeps at least this much of its meaning (as tasks do within an area).
LINE_THRESHOLD = 0.55
# "Kế hoạch số 216/KH-UBND": a legal basis with another number is another document.
_DOCUMENT_NUMBER = re.compile(r"(?<!\w)số\s+(\d[\w./-]*)", re.IGNORECASE)
# Recipients name bodies: only a fix of spelling, case or marks keeps one the same body.
_COSMETIC = {EditKind.PUNCTUATION, EditKind.CASE, EditKind.VARIANT, EditKind.TYPO}


def _document_number(text: str) -> str | None:
    found = _DOCUMENT_NUMBER.search(text)
    return found.group(1).casefold() if found else None


def _same_thing(section: str, old: Wording, new: Wording, change: TextChange) -> bool:
    """Whether two similar lines are one line edited, not one replaced by another."""
    if section == "legal_bases":
        return _document_number(old.text) == _document_number(new.text)
    if section == "recipients":
        return all(edit.kind in _COSMETIC for edit in change.edits)
    return True


def _edited(
    section: str, removed: list[Wording], added: list[Wording], weights: Weights
) -> list[tuple[int, int, TextChange]]:
    """Removed and added lines that are one line edited: best pairs first, each once."""
    olds = [weigh(w.token_set, weights, section) for w in removed]
    news = [weigh(w.token_set, weights, section) for w in added]
    options = []
    for i, old in enumerate(olds):
        for j, new in enumerate(news):
            score = meaning_similarity(old, new)
            if score < LINE_THRESHOLD:
                continue
            change = text_change(removed[i], added[j])
            if change and _same_thing(section, removed[i], added[j], change):
                pair = tuple(sorted((removed[i].text, added[j].text)))
                options.append((-score, pair, i, j, change))
    options.sort(key=lambda o: (o[0], o[1]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _score, _pair, i, j, change in options:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, change))
    return pairs


def _section_changes(
    section: str, before: list[Wording], after: list[Wording], weights: Weights
) -> list[LineChange]:
    removed, added = _unmatched(before, after)
    pairs = _edited(section, removed, added, weights)
    found = [edited_line(section, removed[i].text, added[j].text, c) for i, j, c in pairs]
    paired_old = {i for i, _, _ in pairs}
    paired_new = {j for _, j, _ in pairs}
    found += [
        LineChange(section, Status.REMOVED, w.text, old_text=w.text)
        for i, w in enumerate(removed)
        if i not in paired_old
    ]
    found += [
        LineChange(section, Status.ADDED, w.text, new_text=w.text)
        for j, w in enumerate(added)
        if j not in paired_new
    ]
    # Sorted by the two texts, so the reversed comparison lists the same lines alike.
    return sorted(found, key=lambda line: sorted((line.old_text or "", line.new_text or "")))


def line_changes(old: Plan, new: Plan) -> Iterator[LineChange]:
    """Lines of the text lists added, removed or edited; order within a list is no change.

    A line edited (a number, a word, a spelling) is one change with its changed words,
    not a removal and an addition.
    """
    prepared = {s: (_prepared(old, s), _prepared(new, s)) for s in LINE_SECTIONS}
    weights = Weights(
        distinct_texts(
            [(s, w) for s, (lines, _) in prepared.items() for w in lines],
            [(s, w) for s, (_, lines) in prepared.items() for w in lines],
        )
    )
    for section, (before, after) in prepared.items():
        yield from _section_changes(section, before, after, weights)
