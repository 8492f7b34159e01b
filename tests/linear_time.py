"""A guard against reading hostile text in quadratic time that holds on a busy machine.

A wall-clock timeout fails when other work takes the cores; this compares this process's own
CPU time on the whole input and on an eighth of it. Read in linear time, the whole takes about
eight times as long; read in quadratic time, about sixty-four.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass

TIMES = 8
MOST = 20  # how many times as long the whole may take: far from 8 and from 64


def cpu_seconds(run: Callable[[], object]) -> float:
    """With the collector off: its passes over a large heap come at times that vary from run to
    run, and would be counted as the reading's."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        run()
        return time.process_time() - started
    finally:
        gc.enable()


def assert_linear(read: Callable[[float], object]) -> None:
    """``read(share)`` reads that share of a hostile input (a ``Hostile`` called with it). The
    small part is read first to load what reading loads once. A ratio over the bound is
    measured once more, keeping the lower times, before it fails: work beside this process
    can slow one reading, and quadratic time slows every one."""
    read(1 / TIMES)
    part = whole = float("inf")
    for _ in range(2):
        part = min(part, max(cpu_seconds(lambda: read(1 / TIMES)), 0.01))
        whole = min(whole, cpu_seconds(lambda: read(1.0)))
        if whole < MOST * part:
            return
    took = f"{whole / part:.1f} times as long ({part:.2f} s, {whole:.2f} s)"
    raise AssertionError(f"{TIMES} times the text took {took}")


@dataclass(frozen=True)
class Hostile:
    """Text that types ``unit`` ``times`` times between ``before`` and ``after``; called with a
    share, that share of the repeats."""

    unit: str
    times: int
    before: str = ""
    after: str = ""

    def __call__(self, share: float = 1.0) -> str:
        return self.before + self.unit * int(self.times * share) + self.after
