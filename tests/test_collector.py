"""The garbage collector's pause: restored however the work ends."""

from __future__ import annotations

import gc

import pytest

from cchc_cli import collector


def test_the_collector_runs_again_after_the_work() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_work_fails() -> None:
    with pytest.raises(KeyboardInterrupt), collector.paused():
        raise KeyboardInterrupt
    assert gc.isenabled()


def test_a_pause_inside_a_pause_leaves_the_outer_one_in_force() -> None:
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
