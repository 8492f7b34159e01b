"""Summary statistics of one variant's runs (one pack and model over every case and seed)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from pydantic import BaseModel
from rapidfuzz import fuzz, utils

from warmnote.evals.records import RunRecord
from warmnote.evals.suite import Case
from warmnote.guardrails import Verdict
from warmnote.results import Attempt, DraftResult
from warmnote.text import fold_key

HISTOGRAM_WIDTH = 25
"""Characters per length bucket."""
HISTOGRAM_MIN_END = 300
"""The histogram always reaches the paid-account limit, so runs are easy to compare."""
NEAR_DUPLICATE_THRESHOLD = 0.8
"""Two notes for different recipients this similar (rapidfuzz ``fuzz.ratio`` / 100 after
lower-casing and dropping punctuation: the share of characters they have in common, in order) are
the same template with names swapped. Shared boilerplate of a short note already scores 0.5-0.6."""
GROUNDING_RULES = frozenset(
    {
        "grounding",
        "met_before",
        "worked_together",
        "studied_together",
        "earlier_contact",
        "intermediary",
        "recipient_said",
        "intention_done",
    }
)
"""Guardrail rules about claims the context does not support: names and facts it never gives
(``grounding``), and shared history, intermediaries or requests that never happened (the claim
rules)."""


class HistogramBin(BaseModel):
    start: int
    end: int
    """Exclusive."""
    count: int


class LengthStats(BaseModel):
    min: int | None
    median: float | None
    max: int | None
    mean: float | None
    over_limit: int
    histogram: list[HistogramBin]


class Latency(BaseModel):
    p50: float | None
    p95: float | None
    mean: float | None


class RunRef(BaseModel):
    case: str
    seed: int


class NearDuplicate(BaseModel):
    a: RunRef
    b: RunRef
    similarity: float


class Diversity(BaseModel):
    mean_similarity: float | None
    """Mean similarity over every pair of notes written for different recipients."""
    pairs: int
    near_duplicate_threshold: float
    near_duplicates: list[NearDuplicate]


class Summary(BaseModel):
    runs: int
    skipped: int
    passed: int
    """Runs whose model draft passed; a plain note offered instead does not count."""
    pass_rate: float | None
    plain_notes: int = 0
    """Runs where no model draft passed and a plain note from the context was offered."""
    passed_with_warnings: int = 0
    """Runs whose final note passes but is warned about (e.g. most of the reason left out)."""
    passed_first_attempt: int
    pass_rate_first_attempt: float | None
    expectations_met: int
    expectations_met_rate: float | None
    passed_with_expectations: int
    pass_rate_with_expectations: float | None
    mean_attempts: float | None
    failures_per_rule: dict[str, int]
    attempt_failures_per_rule: dict[str, int]
    grounding_failures: int
    expectation_failures: dict[str, int]
    length: LengthStats
    latency_seconds: Latency
    tokens_per_second: float | None
    completion_tokens: int
    diversity: Diversity


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile with linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def histogram(lengths: Sequence[int], width: int = HISTOGRAM_WIDTH) -> list[HistogramBin]:
    top = max([HISTOGRAM_MIN_END - 1, *lengths])
    end = (top // width + 1) * width
    counts = Counter(length // width for length in lengths)
    return [
        HistogramBin(start=start, end=start + width, count=counts[start // width])
        for start in range(0, end, width)
    ]


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b, processor=utils.default_process) / 100


def diversity(
    notes: Sequence[tuple[RunRef, str, str]],
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
) -> Diversity:
    """Similarity of notes written for different recipients: (run, recipient, note) triples."""
    scores: list[float] = []
    near: list[NearDuplicate] = []
    for (ref_a, who_a, text_a), (ref_b, who_b, text_b) in combinations(notes, 2):
        if fold_key(who_a) == fold_key(who_b):
            continue
        score = similarity(text_a, text_b)
        scores.append(score)
        if score >= threshold:
            near.append(NearDuplicate(a=ref_a, b=ref_b, similarity=round(score, 4)))
    near.sort(key=lambda item: -item.similarity)
    mean = round(sum(scores) / len(scores), 4) if scores else None
    return Diversity(
        mean_similarity=mean,
        pairs=len(scores),
        near_duplicate_threshold=threshold,
        near_duplicates=near,
    )


def generation_speed(attempts: Iterable[Attempt]) -> float | None:
    """Decode speed over many attempts, as the pipeline measures one: tokens after the first,
    over the time after the first (which carries the prompt processing)."""
    tokens = seconds = 0.0
    for attempt in attempts:
        tokens += max(attempt.completion_tokens - 1, 0)
        seconds += attempt.seconds - attempt.first_chunk_seconds
    return tokens / seconds if seconds > 0 else None


def _rate(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _error_rules(verdict: Verdict) -> set[str]:
    return {violation.rule for violation in verdict.errors}


def _rule_counts(verdicts: Iterable[Verdict]) -> dict[str, int]:
    counts = Counter(rule for verdict in verdicts for rule in _error_rules(verdict))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _length_stats(results: Sequence[DraftResult]) -> LengthStats:
    lengths = [result.verdict.length for result in results]
    return LengthStats(
        min=min(lengths, default=None),
        median=_rounded(percentile(lengths, 50), 1),
        max=max(lengths, default=None),
        mean=_rounded(sum(lengths) / len(lengths), 1) if lengths else None,
        over_limit=sum(r.verdict.length > r.verdict.limit for r in results),
        histogram=histogram(lengths),
    )


def model_passed(result: DraftResult) -> bool:
    return result.passed and result.provenance.origin == "model"


def model_verdict(result: DraftResult) -> Verdict:
    """The verdict on the model's best draft, also when a plain note was offered instead."""
    if result.provenance.origin == "model":
        return result.verdict
    return min(
        (attempt.verdict for attempt in result.attempts),
        key=lambda verdict: (not verdict.passed, len(verdict.errors)),
    )


def summarize(records: Sequence[RunRecord], cases: Mapping[str, Case]) -> Summary:
    """Statistics of one variant; skipped runs are counted but judge nothing."""
    drafted = [(record, record.result) for record in records if record.result is not None]
    results = [result for _, result in drafted]
    runs = len(drafted)
    passed = sum(model_passed(result) for result in results)
    first = sum(result.attempts[0].verdict.passed for result in results)
    met = sum(record.expectations_met for record, _ in drafted)
    both = sum(model_passed(result) and record.expectations_met for record, result in drafted)
    attempts = [attempt for result in results for attempt in result.attempts]
    tokens = sum(attempt.completion_tokens for attempt in attempts)
    latencies = [result.total_seconds for result in results]
    missed = Counter(
        kind
        for record, _ in drafted
        for kind in {item.kind for item in record.expectations if not item.met}
    )
    notes = [
        (
            RunRef(case=record.case, seed=record.seed),
            cases[record.case].context.recipient.name,
            result.text,
        )
        for record, result in drafted
    ]
    return Summary(
        runs=runs,
        skipped=len(records) - runs,
        passed=passed,
        pass_rate=_rate(passed, runs),
        plain_notes=sum(result.provenance.origin == "plain" for result in results),
        passed_with_warnings=sum(result.passed and bool(result.violations) for result in results),
        passed_first_attempt=first,
        pass_rate_first_attempt=_rate(first, runs),
        expectations_met=met,
        expectations_met_rate=_rate(met, runs),
        passed_with_expectations=both,
        pass_rate_with_expectations=_rate(both, runs),
        mean_attempts=_rounded(len(attempts) / runs, 2) if runs else None,
        failures_per_rule=_rule_counts(model_verdict(result) for result in results),
        attempt_failures_per_rule=_rule_counts(attempt.verdict for attempt in attempts),
        grounding_failures=sum(
            bool(_error_rules(model_verdict(result)) & GROUNDING_RULES) for result in results
        ),
        expectation_failures={kind: missed[kind] for kind in ("must_mention", "must_not_contain")},
        length=_length_stats(results),
        latency_seconds=Latency(
            p50=_rounded(percentile(latencies, 50)),
            p95=_rounded(percentile(latencies, 95)),
            mean=_rounded(sum(latencies) / runs) if runs else None,
        ),
        tokens_per_second=_rounded(generation_speed(attempts), 2),
        completion_tokens=tokens,
        diversity=diversity(notes),
    )
