"""What a report lacks: every missing item as a located problem, and in a draft as a "…"
counted by the quarter it belongs to, so the clerk is told where the gaps are."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cchc_cli.problems import Problem, Severity
from cchc_cli.report.records import Where

# What a draft shows where a value is missing, for the clerk to fill in.
PLACEHOLDER = "…"


@dataclass(frozen=True)
class QuarterGaps:
    """The placeholders of one quarter in a draft ("quý II: 40 chỗ")."""

    quarter: int
    count: int
    no_file: bool  # the quarter's progress file does not exist


class Gaps:
    """Collects what is missing; each item becomes a visible placeholder in a draft.

    ``problem`` records a missing item with its place (an error unless drafting);
    ``placeholder`` stands for an item of a quarter whose whole file is missing, which
    is reported once (R100), not once per item.
    """

    def __init__(self, fallback: Where) -> None:
        self.fallback = fallback
        self.problems: list[Problem] = []
        self.counts: Counter[int] = Counter()
        self.no_file: set[int] = set()

    def problem(self, where: Where | None, code: str, message: str, hint: str, quarter: int) -> str:
        """A missing item, located; its placeholder."""
        self.report(where, code, message, hint)
        return self.placeholder(quarter)

    def report(self, where: Where | None, code: str, message: str, hint: str) -> None:
        """A problem that stands for no placeholder of its own (a missing file)."""
        place = where or self.fallback
        self.problems.append(
            Problem(
                place.path,
                place.line,
                0 if not place.line else 1,
                code,
                Severity.ERROR,
                message,
                hint,
            )
        )

    def placeholder(self, quarter: int) -> str:
        self.counts[quarter] += 1
        return PLACEHOLDER

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def by_quarter(self) -> tuple[QuarterGaps, ...]:
        return tuple(
            QuarterGaps(q, self.counts[q], q in self.no_file)
            for q in sorted(set(self.counts) | self.no_file)
        )
