"""Benchmark the matching stage of `cchc diff` on generated plans of 2,000, 10,000, 30,000 tasks.

Times ``cchc_cli.diff.matching.match`` alone (splitting the texts into words and weighing
them included; loading and validating the YAML excluded), the stage whose time grew with
the square of the plan before pairs were looked up through rare words.

The generated plans: each task is an area's opening phrase, two runs of 5-12 words cut from
the shipped plans' tasks (the wording real tasks share), content syllables drawn Zipf-like
from a made-up inventory of 6,000 Vietnamese-shaped syllables (about what Vietnamese uses),
and now and then a cited document ("Nghị quyết số 117/NQ-CP ngày 30/7/2023"). The new plan
keeps 80% of the tasks, rewords 5% under their id, renumbers and rewords 4%, moves 2% to
another area with a light rewording, drops 3%, gives 3% of the ids to new tasks, adds 3%
new tasks, and is shuffled. The script also checks that the intended pairs are found.

Beside each figure it prints a floor measured in the same run: every task of both plans
has its words put in a set once, the least any matching on words must do. The ratio to
it says how the matching fares on this machine, whatever the machine's speed.

Run: .venv/bin/python benchmarks/bench_diff_matching.py [--sizes 2000 10000 30000] [--runs 3]
Targets on the development machine: <= 0.2 s, <= 1 s, <= 3 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from cchc_cli.diff import wording
from cchc_cli.diff.matching import Candidate, match
from cchc_cli.diff.wording import PlanYears, prepare
from cchc_cli.model.areas import Programme, area_codes

ROOT = Path(__file__).resolve().parent.parent
AREAS = area_codes(Programme.NQ76)
OPENERS = ("Tiếp tục thực hiện", "Tăng cường", "Nâng cao chất lượng", "Triển khai", "Đẩy mạnh")
# fmt: off
ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
RHYMES = ("a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "e", "em", "en", "eng", "i",
          "ia", "im", "in", "inh", "iu", "o", "oa", "oai", "oan", "oang", "oi", "om", "on",
          "ong", "u", "ua", "uan", "ui", "um", "un", "ung", "uy", "uyên", "ươ", "ương", "ưu",
          "ân", "âm", "ây", "ê", "êm", "ên", "ênh", "ô", "ôi", "ôn", "ông", "ơ", "ơi", "ơn")
# fmt: on
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
TARGETS = {"2000": 0.2, "10000": 1.0, "30000": 3.0}


def _phrases() -> list[list[str]]:
    """Clauses of the shipped plans' tasks: the shared wording real plans are made of."""
    clauses = []
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        for task in plan.get("tasks", []):
            for clause in re.split(r"[;.]", task["content"]):
                words = clause.replace(",", "").split()
                if len(words) >= 4:
                    clauses.append(words)
    return clauses


def _with_tone(syllable: str, tone: str) -> str:
    """``syllable`` with ``tone`` on its main vowel (roughly as Vietnamese spelling puts it)."""
    import unicodedata

    vowels = [i for i, c in enumerate(syllable) if c in "aăâeêioôơuưy"]
    if not vowels or not tone:
        return syllable
    marked = [i for i in vowels if syllable[i] in "ăâêôơư"]
    if marked:
        spot = marked[-1]
    elif vowels[-1] < len(syllable) - 1 or len(vowels) == 1:
        spot = vowels[-1]
    else:
        spot = vowels[-2]
    return unicodedata.normalize("NFC", syllable[: spot + 1] + tone + syllable[spot + 1 :])


def _inventory(rng: random.Random, size: int = 6000) -> list[str]:
    shapes = sorted({o + r for o, r in itertools.product(ONSETS, RHYMES)})
    syllables = sorted({_with_tone(s, t) for s in shapes for t in TONES})
    rng.shuffle(syllables)
    return syllables[:size]


@dataclass
class Generator:
    rng: random.Random
    phrases: list[list[str]]
    syllables: list[str]
    weights: list[float]

    @classmethod
    def make(cls, seed: int) -> Generator:
        rng = random.Random(seed)
        syllables = _inventory(rng)
        weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(syllables))))
        return cls(rng, _phrases(), syllables, weights)

    def content(self, count: int) -> list[str]:
        return self.rng.choices(self.syllables, cum_weights=self.weights, k=count)

    def task(self, area: int) -> str:
        words = [OPENERS[area % len(OPENERS)]]
        for _ in range(2):
            clause = self.rng.choice(self.phrases)
            start = self.rng.randrange(len(clause))
            words += clause[start : start + self.rng.randint(5, 12)]
        words += self.content(self.rng.randint(14, 30))
        if self.rng.random() < 0.3:
            number = self.rng.randint(1, 300)
            words.append(f"theo Nghị quyết số {number}/NQ-CP ngày {self.rng.randint(1, 28)}/7/2023")
        return " ".join(words)

    def reword(self, text: str) -> str:
        """A light rewording: two or three words replaced, one added."""
        words = text.split()
        for _ in range(self.rng.randint(2, 3)):
            words[self.rng.randrange(len(words))] = self.content(1)[0]
        words.insert(self.rng.randrange(len(words)), self.content(1)[0])
        return " ".join(words)


def make_pair(
    count: int, seed: int
) -> tuple[list[Candidate], list[Candidate], set[tuple[str, str]]]:
    """Old and new candidates, and the (old id, new id) pairs matching should find."""
    gen = Generator.make(seed)
    rng = gen.rng
    old = [(f"T-{n:05d}", n % len(AREAS), gen.task(n % len(AREAS))) for n in range(count)]
    new: list[tuple[str, int, str]] = []
    intended: set[tuple[str, str]] = set()
    fresh = itertools.count(count)
    for task_id, area, text in old:
        draw = rng.random()
        if draw < 0.80:
            new.append((task_id, area, text))
            intended.add((task_id, task_id))
        elif draw < 0.85:
            new.append((task_id, area, gen.reword(text)))
            intended.add((task_id, task_id))
        elif draw < 0.89:
            new_id = f"T-{next(fresh):05d}"
            new.append((new_id, area, gen.reword(text)))
            intended.add((task_id, new_id))
        elif draw < 0.91:
            new_id = f"T-{next(fresh):05d}"
            other = (area + 1 + rng.randrange(len(AREAS) - 1)) % len(AREAS)
            new.append((new_id, other, text.replace(text.split()[-1], gen.content(1)[0])))
            intended.add((task_id, new_id))
        elif draw < 0.94:
            continue  # dropped
        else:
            new.append((task_id, area, gen.task(area)))  # id given to a new task
    for _ in range(count * 3 // 100):
        area = rng.randrange(len(AREAS))
        new.append((f"T-{next(fresh):05d}", area, gen.task(area)))
    rng.shuffle(new)
    years_old, years_new = PlanYears(2024, 2024), PlanYears(2025, 2025)
    old_c = [Candidate(i, AREAS[a], prepare(t, years_old)) for i, a, t in old]
    new_c = [Candidate(i, AREAS[a], prepare(t, years_new)) for i, a, t in new]
    return old_c, new_c, intended


def floor(old: list[Candidate], new: list[Candidate]) -> float:
    """Seconds to put every task's words in a set once (see the module's docstring)."""
    started = time.process_time()
    for candidate in old + new:
        frozenset(candidate.wording.keys)
    return time.process_time() - started


def run(count: int, runs: int) -> None:
    times, cpu, floors = [], [], []
    found: set[tuple[str, str]] = set()
    intended: set[tuple[str, str]] = set()
    for attempt in range(runs):
        # Fresh candidates each run: their words are split and cached inside the stage.
        old, new, intended = make_pair(count, seed=2025)
        # As in a new process: no word folded yet (the fold of each word is kept).
        wording.forget_folds()
        started, started_cpu = time.perf_counter(), time.process_time()
        matches = match(old, new)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        floors.append(floor(*make_pair(count, seed=2025)[:2]))
        if attempt == 0:
            found = {(old[m.old].id, new[m.new].id) for m in matches}
    missed = len(intended - found)
    extra = len(found - intended)
    target = TARGETS.get(str(count))
    goal = f" (target <= {target:g} s)" if target else ""
    print(
        f"{count:>6} tasks: matching median {statistics.median(times):.3f} s, "
        f"best {min(times):.3f} s, CPU best {min(cpu):.3f} s over {runs} runs{goal}, "
        f"{min(cpu) / min(floors):.1f}x the floor of {min(floors):.3f} s; "
        f"{len(intended)} intended pairs, {missed} missed, {extra} other pairs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 30000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.2f} (other work slows the figures)")
    for count in args.sizes:
        run(count, args.runs)


if __name__ == "__main__":
    main()
