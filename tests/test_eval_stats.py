"""Eval statistics on hand-made runs whose answers are worked out by hand in the comments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.context import Context
from warmnote.evals.expectations import ExpectationResult
from warmnote.evals.records import AUTO_PACK, RunRecord
from warmnote.evals.stats import (
    NEAR_DUPLICATE_THRESHOLD,
    RunRef,
    Summary,
    diversity,
    histogram,
    percentile,
    similarity,
    summarize,
)
from warmnote.evals.suite import Case
from warmnote.guardrails import Severity, Verdict, Violation
from warmnote.results import Attempt, DraftResult, Provenance
from warmnote.sampling import Sampling


@dataclass(frozen=True)
class Try:
    """One attempt: the rules it broke (none = passed), its time and its tokens."""

    rules: tuple[str, ...] = ()
    seconds: float = 1.0
    tokens: int = 10
    first: float = 0.0


def verdict(rules: Sequence[str], length: int, limit: int = 300) -> Verdict:
    violations = [
        Violation(rule=rule, severity=Severity.ERROR, message=rule, start=0, end=1)
        for rule in rules
    ]
    return Verdict(passed=not violations, length=length, limit=limit, violations=violations)


def run(
    case: str,
    text: str,
    length: int,
    tries: Sequence[Try],
    *,
    seed: int = 0,
    missed: Sequence[str] = (),
) -> RunRecord:
    """A run whose final draft is its last attempt."""
    attempts = [
        Attempt(
            number=number,
            raw=text,
            text=text,
            verdict=verdict(t.rules, length),
            seconds=t.seconds,
            first_chunk_seconds=t.first,
            completion_tokens=t.tokens,
            tokens_per_second=(t.tokens - 1) / (t.seconds - t.first),
        )
        for number, t in enumerate(tries, start=1)
    ]
    final = attempts[-1].verdict
    provenance = Provenance(
        model_name="fake.gguf",
        model_sha256="f" * 64,
        pack="p",
        pack_version="1.0.0",
        seed=seed,
        sampling=Sampling(),
        attempts=len(attempts),
        attempt_seconds=[t.seconds for t in tries],
        tokens_per_second=[a.tokens_per_second for a in attempts],
    )
    result = DraftResult(
        text=text,
        passed=final.passed,
        violations=final.violations,
        verdict=final,
        attempts=attempts,
        provenance=provenance,
    )
    expectations = [
        ExpectationResult(kind=kind, phrase="x", met=kind not in missed)  # type: ignore[arg-type]
        for kind in ("must_mention", "must_not_contain")
    ]
    return RunRecord(
        case=case,
        pack=AUTO_PACK,
        model="m.gguf",
        seed=seed,
        result=result,
        expectations=expectations,
    )


def case(case_id: str, recipient: str) -> Case:
    context = Context.model_validate(
        {
            "id": case_id,
            "scenario": "event_followup",
            "sender": {"name": "Sam"},
            "recipient": {"name": recipient},
            "relationship": {"familiarity": "stranger"},
        }
    )
    return Case(id=case_id, context=context, must_mention=("x",), must_not_contain=("x",))


CASES = {
    c.id: c for c in (case("a", "Ana"), case("b", "Ben"), case("c", "Chen"), case("d", "Dana"))
}

# Five drafted runs and one skipped. Case "a" runs twice (seeds 0 and 1) for the same recipient.
RUNS = [
    run("a", "abcdef", 120, [Try(seconds=1.0, tokens=20)]),
    run("b", "abcdeg", 180, [Try(("length", "reason"), 2.0, 30), Try((), 2.0, 30)]),
    run("c", "wxyz", 310, [Try(("grounding",)), Try(("grounding", "length")), Try(("grounding",))]),
    run("d", "1234", 40, [Try(seconds=5.0, tokens=50, first=1.0)], missed=["must_mention"]),
    RunRecord(case="d", pack=AUTO_PACK, model="m.gguf", seed=1, skipped="pack needs x"),
    run(
        "a",
        "abcdef",
        260,
        [Try(("relationship",), 0.5, 5), Try((), 0.5, 5)],
        seed=1,
        missed=["must_not_contain"],
    ),
]


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarize(RUNS, CASES)


def test_counts_and_rates(summary: Summary) -> None:
    assert (summary.runs, summary.skipped) == (5, 1)
    # passed in the end: a, b, d, a/seed 1; on the first attempt: a and d only
    assert (summary.passed, summary.pass_rate) == (4, 0.8)
    assert (summary.passed_first_attempt, summary.pass_rate_first_attempt) == (2, 0.4)
    # expectations missed by d (must_mention) and a/seed 1 (must_not_contain)
    assert (summary.expectations_met, summary.expectations_met_rate) == (3, 0.6)
    # passed and met: a and b
    assert (summary.passed_with_expectations, summary.pass_rate_with_expectations) == (2, 0.4)
    assert summary.mean_attempts == pytest.approx((1 + 2 + 3 + 1 + 2) / 5)
    assert summary.expectation_failures == {"must_mention": 1, "must_not_contain": 1}


def with_plain_note(record: RunRecord, text: str) -> RunRecord:
    """The run as drafting returns it when no attempt passed and a plain note was offered."""
    assert record.result is not None
    result = record.result.model_copy(
        update={
            "text": text,
            "passed": True,
            "violations": [],
            "verdict": verdict((), len(text)),
            "provenance": record.result.provenance.model_copy(update={"origin": "plain"}),
        }
    )
    return record.model_copy(update={"result": result})


def test_a_plain_note_offered_is_counted_apart_and_the_models_best_draft_judged() -> None:
    failing = [Try(("length",)), Try(("length", "grounding"))]
    records = [
        run("a", "abcdef", 120, [Try()]),
        with_plain_note(run("b", "b-model", 400, failing), "Hi Ben."),
    ]
    summary = summarize(records, CASES)
    assert (summary.runs, summary.passed, summary.plain_notes) == (2, 1, 1)
    assert summary.passed_with_expectations == 1
    assert summary.failures_per_rule == {"length": 1}, "the model's best attempt, not the note"


def test_a_final_note_that_passes_with_a_warning_is_counted(summary: Summary) -> None:
    assert summary.passed_with_warnings == 0
    warning = Violation(rule="reason_kept", severity=Severity.WARNING, message="m", start=0, end=1)
    record = run("a", "abcdef", 120, [Try()])
    assert record.result is not None
    warned = record.model_copy(
        update={"result": record.result.model_copy(update={"violations": [warning]})}
    )
    failing = run("b", "b", 400, [Try(("length",))])
    assert summarize([warned, record, failing], CASES).passed_with_warnings == 1


def test_failures_per_rule_count_final_drafts_and_every_attempt(summary: Summary) -> None:
    assert summary.failures_per_rule == {"grounding": 1}
    # grounding: c x3; length: b1, c2; reason: b1; relationship: a/seed 1 attempt 1
    assert summary.attempt_failures_per_rule == {
        "grounding": 3,
        "length": 2,
        "reason": 1,
        "relationship": 1,
    }
    assert list(summary.attempt_failures_per_rule) == [
        "grounding",
        "length",
        "reason",
        "relationship",
    ]
    assert summary.grounding_failures == 1


def test_length_distribution(summary: Summary) -> None:
    length = summary.length
    assert (length.min, length.median, length.max) == (40, 180, 310)
    assert length.mean == pytest.approx((120 + 180 + 310 + 40 + 260) / 5)
    assert length.over_limit == 1
    # 25-character buckets up to 325, because 310 is the longest
    counts = {b.start: b.count for b in length.histogram if b.count}
    assert counts == {25: 1, 100: 1, 175: 1, 250: 1, 300: 1}
    assert [b.start for b in length.histogram] == list(range(0, 325, 25))


def test_latency_and_speed(summary: Summary) -> None:
    # totals per run: 1, 4, 3, 5, 1 -> sorted 1, 1, 3, 4, 5
    assert summary.latency_seconds.p50 == pytest.approx(3.0)
    assert summary.latency_seconds.p95 == pytest.approx(4 + 0.8 * (5 - 4))
    assert summary.latency_seconds.mean == pytest.approx(14 / 5)
    # 170 tokens in all; decode speed leaves out each attempt's first token (9 attempts) and the
    # 1 s d waited for its first token: 161 tokens over 13 seconds
    assert summary.completion_tokens == 170
    assert summary.tokens_per_second == pytest.approx(161 / 13, abs=0.01)


def test_diversity_compares_only_notes_for_different_recipients(summary: Summary) -> None:
    diversity = summary.diversity
    # 5 notes -> 10 pairs, minus a/a (same recipient Ana) -> 9. "abcdef" vs "abcdeg" share 5 of
    # 6 characters in order: 2*5/12; that happens twice (a-b, b-a/seed 1); every other pair
    # shares no character.
    assert diversity.pairs == 9
    assert diversity.mean_similarity == pytest.approx(2 * (10 / 12) / 9, abs=1e-4)
    assert diversity.near_duplicate_threshold == NEAR_DUPLICATE_THRESHOLD
    flagged = [(d.a, d.b, d.similarity) for d in diversity.near_duplicates]
    assert flagged == [
        (RunRef(case="a", seed=0), RunRef(case="b", seed=0), pytest.approx(10 / 12, abs=1e-4)),
        (RunRef(case="b", seed=0), RunRef(case="a", seed=1), pytest.approx(10 / 12, abs=1e-4)),
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("abcd", "abcd", 1.0),
        ("abcd", "wxyz", 0.0),
        ("abcd", "abce", 6 / 8),
        ("Hi Ana!", "hi ana", 1.0),
    ],
    ids=["same", "disjoint", "one-char-differs", "case-and-punctuation-ignored"],
)
def test_similarity(a: str, b: str, expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


def test_near_duplicate_threshold_is_inclusive() -> None:
    notes = [(RunRef(case="x", seed=0), "X", "abcd"), (RunRef(case="y", seed=0), "Y", "abce")]
    assert len(diversity(notes, threshold=0.75).near_duplicates) == 1
    assert diversity(notes, threshold=0.76).near_duplicates == []


def test_diversity_without_pairs_is_unknown() -> None:
    notes = [(RunRef(case="x", seed=s), "Same Name", "abcd") for s in range(3)]
    result = diversity(notes)
    assert (result.pairs, result.mean_similarity) == (0, None)


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([], 50, None),
        ([7.0], 95, 7.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([float(v) for v in range(1, 21)], 95, 19.05),
        ([5.0, 1.0, 3.0], 0, 1.0),
        ([5.0, 1.0, 3.0], 100, 5.0),
    ],
    ids=["empty", "single", "even-median", "p95-of-20", "p0-is-min", "p100-is-max"],
)
def test_percentile(values: list[float], p: float, expected: float | None) -> None:
    assert percentile(values, p) == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("lengths", "counts", "bins"),
    [
        ([], {}, 12),
        ([0, 24, 25, 299], {0: 2, 25: 1, 275: 1}, 12),
        ([300], {300: 1}, 13),
        ([1000], {1000: 1}, 41),
    ],
    ids=["empty-still-reaches-300", "edges", "300-opens-a-bucket", "long-note"],
)
def test_histogram_buckets(lengths: list[int], counts: dict[int, int], bins: int) -> None:
    result = histogram(lengths)
    assert len(result) == bins
    assert {b.start: b.count for b in result if b.count} == counts
    assert all(b.end - b.start == 25 for b in result)


@given(st.lists(st.integers(min_value=0, max_value=3000), max_size=60))
def test_histogram_counts_every_length_once(lengths: list[int]) -> None:
    result = histogram(lengths)
    assert sum(b.count for b in result) == len(lengths)
    for length in lengths:
        assert sum(b.start <= length < b.end for b in result) == 1


@given(
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=50),
    st.floats(min_value=0, max_value=100),
)
def test_percentile_stays_within_the_data(values: list[float], p: float) -> None:
    result = percentile(values, p)
    assert result is not None
    assert min(values) - 1e-6 <= result <= max(values) + 1e-6
