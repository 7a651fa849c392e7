"""The Sở Nội vụ's consolidated report: what its templates (templates/tong-hop-*.md.j2)
are given, and their rendering.

Built from the roll-up and the office's details (model/office.py). A detail the office
file does not give is a visible "…" (counted, as in a unit's draft), never invented;
the office's own assessment (strengths, shortcomings, proposals) is its to write, so it
is "…" too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2

from cchc_cli import vietnamese as numbers
from cchc_cli.model.office import Office
from cchc_cli.model.plan import Measure
from cchc_cli.periods import Period
from cchc_cli.province.lines import Standing, TaskCounts, UnitLine
from cchc_cli.province.ranking import TIE_BREAKERS, Ranked, ratio
from cchc_cli.province.rollup import BlockTotals, Rollup, SharedTotal
from cchc_cli.province.status import of_digest, summary
from cchc_cli.province.tthc import TthcTotals
from cchc_cli.report.gaps import PLACEHOLDER
from cchc_cli.report.markup import Safe
from cchc_cli.report.rows import percent_text

TYPE_NAME = "BÁO CÁO"
# A table cell with nothing to say (a unit whose plan cannot be read has no send date;
# a unit filed late misses nothing).
NOT_KNOWN = "—"
# The templates, by the part of the document each writes.
SUBJECT, BODY, APPENDICES = (
    "tong-hop-subject.md.j2",
    "tong-hop-body.md.j2",
    "tong-hop-appendices.md.j2",
)
# The office's own writing, left for it to fill in: (heading, where it goes).
ASSESSMENT = ("strengths", "shortcomings", "causes", "proposals")


def rate_text(numerator: float, denominator: float) -> str:
    """A rate from its counts, written as a unit's report writes rates ("99,05%")."""
    return percent_text(100.0 * numerator / denominator) if denominator else "không phát sinh"


@dataclass(frozen=True)
class Named:
    """A unit named in the report, with what it is named for."""

    unit: str
    block: str
    figure: str = ""  # "96,43%", "chưa đủ số liệu", …
    rank: int | None = None
    detail: str = ""
    missing: str = ""  # what a unit not covered still misses: "tệp quý IV; 3 số liệu"


@dataclass(frozen=True)
class SharedView:
    """A shared indicator across the units: the province's figure and the units below."""

    code: str
    title: str
    unit: str
    rate: bool
    figure: str  # "98,76%" or "1.234 văn bản"
    numerator: int
    denominator: int
    units: int
    judged: int
    achieved: int
    below: tuple[Named, ...]


@dataclass(frozen=True)
class BlockView:
    """A block of units: its counts, task completion, best and worst units."""

    name: str
    units: int
    covered: int
    tasks: TaskCounts
    task_rate: str
    best: tuple[Named, ...]
    worst: tuple[Named, ...]


@dataclass(frozen=True)
class RollupReport:
    """What the consolidated report says, before wording and layout."""

    rollup: Rollup
    date: date
    type_name: str
    period: Period
    parent_lines: tuple[str, ...]
    body_lines: tuple[str, ...]
    office_name: str
    area: str
    place: str
    document_code: str
    signer_authority: str
    signer_deputy_of: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    archive: str
    sample: bool
    due: int
    covered: int
    incomplete: int
    invalid: int
    skipped: int
    filed_late: int
    overdue: int  # not ready once the send date passed
    window: str  # the data window when every covered unit has the same, else ""
    tasks: TaskCounts
    task_rate: str
    blocks: tuple[BlockView, ...]
    shared: tuple[SharedView, ...]
    missing: tuple[Named, ...]  # not covered, or filed late
    tthc: TthcTotals | None
    tthc_units: int
    criterion: str
    assessment: tuple[str, ...]  # the parts left for the office to write
    office_gaps: tuple[str, ...]  # which of the office's details are missing

    @property
    def gaps(self) -> int:
        """The "…" left in the report for the office to fill in."""
        return len(self.office_gaps) + len(self.assessment)

    @property
    def missing_by_block(self) -> tuple[tuple[str, tuple[Named, ...]], ...]:
        """The units missing or late, by block, blocks in their usual order."""
        groups: dict[str, list[Named]] = {}
        for named in self.missing:
            groups.setdefault(named.block, []).append(named)
        return tuple((block, tuple(units)) for block, units in groups.items())

    @property
    def has_below(self) -> bool:
        return any(s.below for s in self.shared)


def _or_gap(value: str | None, what: str, gaps: list[str]) -> str:
    if value:
        return value
    gaps.append(what)
    return PLACEHOLDER


def build_report(rollup: Rollup, office: Office, day: date) -> RollupReport:
    """The consolidated report's context."""
    gaps: list[str] = []
    signer = office.signer
    name = _or_gap(office.name, "tên cơ quan", gaps)
    parent = _or_gap(office.parent, "cơ quan chủ quản", gaps)
    area = _or_gap(office.area, "địa bàn", gaps)
    place = _or_gap(office.place, "địa danh", gaps)
    code = _or_gap(office.document_code, "ký hiệu báo cáo", gaps)
    title = _or_gap(signer.title if signer else None, "chức vụ người ký", gaps)
    signer_name = _or_gap(signer.name if signer else None, "họ tên người ký", gaps)
    recipients = tuple(office.recipients) or (_or_gap(None, "nơi nhận", gaps),)
    covered = rollup.covered
    windows = {
        (line.digest.figures.window_start, line.digest.figures.window_end)
        for line in covered
        if line.digest.figures is not None
    }
    window = ""
    if len(windows) == 1:
        start, end = next(iter(windows))
        window = f"từ ngày {numbers.date_short(start)} đến ngày {numbers.date_short(end)}"
    return RollupReport(
        rollup=rollup,
        date=day,
        type_name=TYPE_NAME,
        period=rollup.period,
        parent_lines=tuple(line.strip() for line in parent.splitlines() if line.strip()),
        body_lines=(name,),
        office_name=name,
        area=area,
        place=place,
        document_code=code,
        signer_authority=signer.authority or "" if signer else "",
        signer_deputy_of=signer.deputy_of or "" if signer else "",
        signer_title=title,
        signer_name=signer_name,
        recipients=recipients,
        archive=office.archive,
        sample=rollup.sample or office.sample,
        due=rollup.due,
        covered=len(covered),
        incomplete=rollup.count(Standing.INCOMPLETE),
        invalid=rollup.count(Standing.INVALID),
        skipped=len(rollup.skipped),
        filed_late=sum(line.covered and line.late for line in rollup.lines),
        overdue=sum(not line.covered and line.late for line in rollup.lines),
        window=window,
        tasks=rollup.tasks,
        task_rate=_task_rate(rollup.tasks),
        blocks=tuple(_block(block) for block in rollup.blocks),
        shared=tuple(_shared(total) for total in rollup.shared),
        missing=tuple(_missing(line, rollup.today) for line in rollup.missing_or_late),
        tthc=rollup.tthc,
        tthc_units=rollup.tthc.units if rollup.tthc else 0,
        criterion=rollup.criterion,
        assessment=ASSESSMENT,
        office_gaps=tuple(gaps),
    )


def _task_rate(tasks: TaskCounts) -> str:
    return rate_text(tasks.done, tasks.total)


def _block(block: BlockTotals) -> BlockView:
    return BlockView(
        block.name,
        block.units,
        len(block.ranking),
        block.tasks,
        _task_rate(block.tasks),
        tuple(_ranked(r) for r in block.best),
        tuple(_ranked(r) for r in block.worst),
    )


def _ranked(ranked: Ranked) -> Named:
    # The figures the rank was decided on: tasks, then the tie-breakers the unit has.
    tasks = ranked.line.tasks
    done, total = numbers.number(tasks.done), numbers.number(tasks.total)
    said = [f"{done}/{total} nhiệm vụ ({_task_rate(tasks)})"]
    for code, label in TIE_BREAKERS.items():
        exact = ratio(ranked.line, code)
        if exact is not None:
            said.append(f"{label} {percent_text(float(exact) * 100)}")
    return Named(ranked.line.digest.unit, ranked.line.digest.block, ", ".join(said), ranked.rank)


def _shared(total: SharedTotal) -> SharedView:
    indicator = total.indicator
    rate = indicator.measure is Measure.RATE
    if rate:
        figure = rate_text(total.numerator, total.denominator)
    else:
        figure = numbers.with_unit(total.value, indicator.unit)
    below = []
    for line in total.below:
        figures = line.digest.figures
        result = figures.shared_result(indicator.code) if figures is not None else None
        if result is None:
            continue
        below.append(
            Named(line.digest.unit, line.digest.block, result.actual, line.rank, result.target)
        )
    return SharedView(
        indicator.code,
        indicator.title,
        indicator.unit or "",
        rate,
        figure,
        round(total.numerator),
        round(total.denominator),
        total.units,
        total.judged,
        total.achieved,
        tuple(below),
    )


def _missing(line: UnitLine, today: date) -> Named:
    found = line.digest
    if line.covered:
        when = f"sửa lần cuối {numbers.date_short(found.filed_on)}" if found.filed_on else ""
        return Named(
            found.unit, found.block, "đủ số liệu, gửi sau hạn", detail=when, missing=NOT_KNOWN
        )
    left = line.days_left
    if left is None:
        timing = NOT_KNOWN
    else:
        timing = "hạn gửi hôm nay" if left == 0 else numbers.days_left(left)
    what = summary(of_digest(found, today))
    if found.problems and line.standing == Standing.INVALID:
        first = found.problems[0]
        what += f" ({first.path}:{first.line}: {first.code})" if first.line else f" ({first.path})"
    return Named(found.unit, found.block, line.standing, detail=timing, missing=what)


@dataclass(frozen=True)
class RenderedRollup:
    """The consolidated report rendered to markup, ready for the Word writer."""

    context: RollupReport
    subject: str
    body: str
    appendices: str


def render_report(report: RollupReport, templates: Path | None = None) -> RenderedRollup:
    """Render the consolidated report's templates (a folder of the office's own first)."""
    from cchc_cli.report.render import cached_environment, render

    env = cached_environment(templates.resolve() if templates else None)
    _filters(env)
    subject = Safe(render(env, SUBJECT, {"r": report}).strip())
    values = {"r": report, "subject": subject}
    return RenderedRollup(
        report, subject, render(env, BODY, values), render(env, APPENDICES, values)
    )


def _filters(env: jinja2.Environment) -> None:
    env.filters.setdefault("names", names)


def names(items: Sequence[Named], most: int = 5, with_figure: bool = False) -> str:
    """Units named in a sentence: "phường A, xã B và 3 đơn vị khác"."""
    shown = [f"{n.unit} ({n.figure})" if with_figure and n.figure else n.unit for n in items[:most]]
    rest = len(items) - len(shown)
    if rest > 0:
        return f"{', '.join(shown)} và {numbers.number(rest)} đơn vị khác"
    if len(shown) > 1:
        return f"{', '.join(shown[:-1])} và {shown[-1]}"
    return shown[0] if shown else ""
