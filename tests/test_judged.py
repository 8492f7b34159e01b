"""The judged corpus: strict loading, pass precision and recall, and ``check --jsonl`` on it."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote import cli, locations
from warmnote.errors import InputError
from warmnote.evals.judged import (
    FAILURE_CLASSES,
    ClassPasses,
    JudgedNote,
    RuleRejections,
    judge_corpus,
    judge_notes,
    load_corpus,
    tally,
)
from warmnote.guardrails import Guardrails

CORPUS = locations.builtin_dir("evals") / "judged" / "drafts.jsonl"
GUIDE = CORPUS.with_name("README.md")
GOOD = (
    "Hi Priya, I enjoyed your talk on feature stores at PyData Berlin. I'd love to keep "
    "comparing notes on MLOps tooling."
)
BAD = "I'd like to add you to my professional network on LinkedIn."


def note(label: str, failure: str = "", text: str = GOOD) -> JudgedNote:
    return JudgedNote.model_validate({"text": text, "label": label, "failure": failure})


def line(label: str, failure: str = "", text: str = GOOD, n: int = 0) -> str:
    return json.dumps({"id": f"n{n}", "text": text, "label": label, "failure": failure})


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rules(passed: bool) -> tuple[str, ...]:
    """The rules rejecting a note in a hand count where only passing matters."""
    return () if passed else ("length",)


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = cli.main(["check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


# ----------------------------------------------------------------------------- figures by hand


@pytest.mark.parametrize(
    ("judged", "counts", "precision", "recall", "by_class"),
    [
        (
            [("send", "", True), ("send", "", True), ("send", "", False),
             ("reject", "third_person", True), ("edit", "third_person", False),
             ("reject", "invented_contact", False), ("edit", "too_long", True)],
            (7, 4, 3, 2), 2 / 4, 2 / 3,
            [("third_person", 2, 1, 0), ("too_long", 1, 0, 1), ("invented_contact", 1, 0, 0)],
        ),
        (
            [("send", "", False), ("reject", "vague", False)],
            (2, 0, 1, 0), None, 0.0, [("vague", 1, 0, 0)],
        ),
        (
            [("edit", "sign_off", True), ("reject", "sign_off", True)],
            (2, 2, 0, 0), 0.0, None, [("sign_off", 2, 1, 1)],
        ),
        ([("send", "", True)], (1, 1, 1, 1), 1.0, 1.0, []),
        ([], (0, 0, 0, 0), None, None, []),
    ],
    ids=["mixed", "nothing-passes", "nothing-to-send", "one-true-pass", "empty"],
)  # fmt: skip
def test_figures_match_a_hand_count(
    judged: list[tuple[str, str, bool]],
    counts: tuple[int, int, int, int],
    precision: float | None,
    recall: float | None,
    by_class: list[tuple[str, int, int, int]],
) -> None:
    figures = tally((note(label, failure), rules(passed)) for label, failure, passed in judged)
    assert (figures.notes, figures.passed, figures.send, figures.send_passed) == counts
    assert (figures.pass_precision, figures.pass_recall) == (precision, recall)
    assert list(figures.by_class) == [ClassPasses(*row) for row in by_class]


judgements = st.lists(
    st.tuples(
        st.sampled_from(["send", "edit", "reject"]),
        st.sampled_from(FAILURE_CLASSES),
        st.booleans(),
    )
)


@given(judgements)
def test_every_pass_is_true_or_false_and_counted_once(
    judged: list[tuple[str, str, bool]],
) -> None:
    figures = tally(
        (note(label, "" if label == "send" else failure), rules(passed))
        for label, failure, passed in judged
    )
    false_passes = sum(row.reject_passed + row.edit_passed for row in figures.by_class)
    assert figures.send_passed + false_passes == figures.passed
    assert figures.send + sum(row.notes for row in figures.by_class) == figures.notes
    for share in (figures.pass_precision, figures.pass_recall):
        assert share is None or 0 <= share <= 1


def test_each_rule_is_counted_once_per_note_it_rejects_and_send_notes_apart() -> None:
    figures = tally(
        [
            (note("send"), ("intermediary",)),
            (note("reject", "invented_intermediary"), ("intermediary", "met_before")),
            (note("edit", "garbled"), ("fluency", "fluency")),
            (note("reject", "garbled"), ()),
        ]
    )
    assert figures.by_rule == (
        RuleRejections("intermediary", 2, 1),
        RuleRejections("fluency", 1, 0),
        RuleRejections("met_before", 1, 0),
    )
    assert figures.by_rule[0].precision == 0.5
    assert figures.summary_line().endswith("send notes rejected: intermediary 1 of 2")
    assert figures.as_json()["rejections"]["intermediary"] == {"rejected": 2, "send_rejected": 1}


def test_judge_notes_checks_each_note_with_the_rules() -> None:
    """GOOD passes and BAD (LinkedIn's default text) fails under any rules worth the name."""
    notes = [note("send"), note("reject", "boilerplate", BAD), note("edit", "vague")]
    figures = judge_notes(notes, Guardrails.load())
    assert (figures.notes, figures.passed, figures.send, figures.send_passed) == (3, 2, 1, 1)
    assert (figures.pass_precision, figures.pass_recall) == (0.5, 1.0)
    assert list(figures.by_class) == [ClassPasses("vague", 1, 0, 1),
                                      ClassPasses("boilerplate", 1, 0, 0)]  # fmt: skip
    assert [row.send_rejected for row in figures.by_rule] == [0] * len(figures.by_rule)
    assert "boilerplate" in {row.rule for row in figures.by_rule}


# ----------------------------------------------------------------------------- strict loading


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ('{"text": "x", "label": ', "invalid JSON"),
        ('["x"]', "expected a JSON object"),
        ('{"text": "x"}', "label: required field is missing"),
        ('{"text": "x", "label": "maybe"}', "label: Input should be 'send', 'edit' or 'reject'"),
        ('{"text": "x", "label": "reject"}', "failure: a note labelled reject needs a failure"),
        ('{"text": "x", "label": "edit", "failure": ""}', "failure: a note labelled edit needs"),
        ('{"text": "x", "label": "send", "failure": "vague"}', "failure: must be empty"),
        ('{"text": "x", "label": "edit", "failure": "rude"}', "failure: Input should be"),
        ('{"text": "x", "label": "send", "verdict": true}', "verdict: unknown field"),
        ('{"text": 5, "label": "send"}', "text: Input should be a valid string"),
        ('{"id": true, "text": "x", "label": "send"}', "id: must be a string or a whole"),
        ('{"text": "x", "label": "send", "context": {"scenario": "a"}}',
         "context.sender: required field is missing"),
    ],
    ids=[
        "json", "not-an-object", "no-label", "unknown-label", "reject-without-class",
        "edit-with-empty-class", "send-with-class", "unknown-class", "unknown-field",
        "text-type", "boolean-id", "bad-context",
    ],
)  # fmt: skip
def test_a_bad_corpus_line_is_one_error_naming_file_line_and_field(
    tmp_path: Path, bad: str, error: str
) -> None:
    path = write(tmp_path / "drafts.jsonl", [line("send"), "", bad])
    with pytest.raises(InputError) as raised:
        load_corpus(path)
    assert str(raised.value).startswith(f"{path}:3: {error}")


def test_an_empty_corpus_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "drafts.jsonl", [" "])
    with pytest.raises(InputError, match="no labelled notes"):
        load_corpus(path)


# ---------------------------------------------------------------------- check --jsonl, labelled


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    return write(
        tmp_path / "labelled.jsonl",
        [line("send", n=1), line("reject", "boilerplate", BAD, n=2), "",
         line("edit", "vague", n=3), line("reject", "bare_reason", n=4)],
    )  # fmt: skip


@pytest.mark.parametrize("path", ["labelled", "corpus"])
def test_check_prints_the_figures_judged_computes(
    capsys: pytest.CaptureFixture[str], labelled: Path, path: str
) -> None:
    batch = labelled if path == "labelled" else CORPUS
    figures = judge_corpus(batch, Guardrails.load())
    code, out, err = run_check(capsys, "--jsonl", str(batch))
    assert code == (0 if figures.passed == figures.notes else 1)
    assert len(out) == figures.notes
    assert all(set(json.loads(verdict)) >= {"id", "passed"} for verdict in out)
    assert err == [figures.summary_line()]

    code, out, err = run_check(capsys, "--jsonl", str(batch), "--json")
    assert (len(out), err) == (figures.notes + 1, [])
    assert json.loads(out[-1]) == {"summary": figures.as_json()}


def test_the_summary_line_names_both_figures_and_the_counts(
    capsys: pytest.CaptureFixture[str], labelled: Path
) -> None:
    _, _, [summary] = run_check(capsys, "--jsonl", str(labelled))
    assert summary.startswith("judged 4 notes: pass precision 33.3% (1 of 3 passing are send)")
    assert "pass recall 100.0% (1 of 1 send pass)" in summary
    assert re.search(r"false passes: (bare_reason 1, vague 1|vague 1, bare_reason 1);", summary)
    assert summary.endswith("send notes rejected: none")


@pytest.mark.parametrize(
    ("lines", "error"),
    [
        ([line("send"), json.dumps({"text": GOOD})],
         "notes.jsonl:2: label: required field is missing (the first line decides"),
        ([json.dumps({"text": GOOD}), line("send")],
         "notes.jsonl:2: label: unknown field (the first line decides"),
        ([line("send"), line("send", "vague")], "notes.jsonl:2: failure: must be empty"),
    ],
    ids=["unlabelled-after-labelled", "labelled-after-unlabelled", "bad-class"],
)  # fmt: skip
def test_a_labelled_batch_is_labelled_on_every_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str], error: str
) -> None:
    batch = write(tmp_path / "notes.jsonl", lines)
    code, out, err = run_check(capsys, "--jsonl", str(batch))
    assert (code, out) == (2, [])
    [message] = err
    assert message.startswith(f"warmnote: {batch.parent}/{error}")


@pytest.mark.parametrize("as_json", [[], ["--json"]], ids=["text", "json"])
def test_an_unlabelled_batch_gets_no_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: list[str]
) -> None:
    batch = write(tmp_path / "notes.jsonl", [json.dumps({"id": i, "text": GOOD}) for i in (1, 2)])
    code, out, err = run_check(capsys, "--jsonl", str(batch), *as_json)
    assert (code, err) == (0, [])
    assert [json.loads(verdict)["id"] for verdict in out] == [1, 2]


# ------------------------------------------------------------------------------- the corpus


def test_the_bundled_corpus_is_big_varied_and_valid() -> None:
    notes = load_corpus(CORPUS)  # validates every line and every context
    assert len(notes) >= 150
    assert all(item.context is not None for item in notes)
    assert set(Counter(item.label for item in notes)) == {"send", "edit", "reject"}
    assert all(item.failure for item in notes if item.label != "send")
    assert all(item.why.strip() for item in notes)
    ids = [str(item.id) for item in notes]
    assert len(set(ids)) == len(ids)
    assert len({(item.text, str(item.context)) for item in notes}) == len(notes)
    # a later attempt exists only because an earlier one failed the rules when drafted
    assert any(re.fullmatch(r".+/s\d+/a[2-9]", item_id) for item_id in ids)
    assert not all(Guardrails.load().check(n.text, n.context).passed for n in notes)


def test_every_failure_class_is_defined_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert all(f"`{failure}`" in guide for failure in FAILURE_CLASSES)


def test_the_plain_first_reading_covers_every_case_of_its_suites() -> None:
    """Each case of the suites has exactly one plain note and one model note, labelled;
    the second readings of held-out 5 to 13 and 17 have the plain note of the first reading and
    of the later code; held-out 16 and 17 have both again after a look at the reason's reading;
    held-out 23 to 25 have the plain notes of two earlier commits beside them, held-out 26 the
    plain notes of one."""
    from warmnote.evals.suite import load_suite

    rows = [
        json.loads(line)
        for line in CORPUS.with_name("final-notes-plain-first.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert {row["label"] for row in rows} == {"send", "edit", "reject"}
    evals = Path(__file__).parent.parent / "evals"
    suites = {"default": evals / "default.toml"} | {
        name: evals / name / f"{name}.toml"
        for name in ["heldout", *(f"heldout{n}" for n in range(2, 60))]
    }
    readings = {suite: ("plain", "model") for suite in suites}
    # Held-out 13 and 14 were read with their plain notes as the session's first commit wrote them.
    readings["heldout13"] = readings["heldout14"] = ("plain", "plain-43a03a0", "model")
    # Held-out 16 and 17 were also read after a look: each reason retyped once after reading it;
    # held-out 15 again, by a new reader, as typed and after a look.
    readings["heldout16"] = readings["heldout17"] = ("plain", "model", "plain-look", "model-look")
    readings["heldout15-look"] = ("plain", "plain-look")
    # Held-out 23 and 24 were read with the plain notes of the stop before (9696215) and of
    # held-out 17's time (24f2544) beside this stop's: what earlier fixes do on an unseen set.
    readings["heldout23"] = readings["heldout24"] = (
        "plain",
        "model",
        "plain-9696215",
        "plain-24f2544",
    )
    # Held-out 25 likewise, with the stop before (43ab7e9) and held-out 17's time beside it.
    readings["heldout25"] = ("plain", "model", "plain-43ab7e9", "plain-24f2544")
    # Held-out 26 with the stop before (b3e2867) beside stop 36's plain notes (fbb863b).
    readings["heldout26"] = ("plain", "model", "plain-b3e2867")
    # Held-out 27 with the default path's note, the plain note as the model tidied it, beside it.
    for n in range(27, 60):
        readings[f"heldout{n}"] = ("plain", "plain-tidied", "model")
    # Held-out 32 with the stop before's plain note and default path (107a06f) beside them.
    readings["heldout32"] += ("plain-107a06f", "plain-tidied-107a06f")
    # Held-out 33 likewise, with the stop before's (c646789).
    readings["heldout33"] += ("plain-c646789", "plain-tidied-c646789")
    # Held-out 34 likewise, with the stop before's (ecce7cb).
    readings["heldout34"] += ("plain-ecce7cb", "plain-tidied-ecce7cb")
    # Held-out 35 likewise, with the stop before's (aead672).
    readings["heldout35"] += ("plain-aead672", "plain-tidied-aead672")
    # Held-out 38 with the plain note at the commit before its change to jotted notes (00272e6).
    readings["heldout38"] += ("plain-00272e6",)
    # Held-out 39 with the plain note at the stop before's commit (0369cbc).
    readings["heldout39"] += ("plain-0369cbc",)
    suites["heldout15-look"] = suites["heldout15"]
    # A second reading: the plain notes as the first reader saw them (at that commit) and later.
    rereads = {
        **{5: "8bc02c6", 6: "19e9260", 7: "4103add", 8: "719adb4", 9: "2205ebf"},
        **{10: "7dce557", 11: "eab10a9", 12: "4568d5e", 13: "916cb6b", 17: "24f2544"},
    }
    for n, commit in rereads.items():
        readings[f"heldout{n}-reread"] = (f"plain-{commit}", "plain")
        suites[f"heldout{n}-reread"] = suites[f"heldout{n}"]
    for suite, path in suites.items():
        cases = {case.id for case in load_suite(path).cases}
        for pipeline in readings[suite]:
            read = [r["case"] for r in rows if r["suite"] == suite and r["pipeline"] == pipeline]
            assert sorted(read) == sorted(cases), (suite, pipeline)
    # a note, or none at all where the plain note found nothing it could say
    # (held-out 31's model wrote "Hi_thenینہ, …", which its rules passed then; fluency rejects it
    # now)
    assert all(row["note"] is None or row["note"].startswith("Hi") for row in rows)


@pytest.mark.parametrize("suite", ["heldout15", "heldout16", "heldout17"])
def test_the_reasons_retyped_after_a_look_are_those_of_the_frozen_set_where_unchanged(
    suite: str,
) -> None:
    from warmnote.evals.suite import load_suite

    evals = Path(__file__).parent.parent / "evals"
    typed = {
        case.id: case.context.reason for case in load_suite(evals / suite / f"{suite}.toml").cases
    }
    lines = (evals / "judged" / f"{suite}-reasons-after-a-look.jsonl").read_text("utf-8")
    retyped = [json.loads(line) for line in lines.splitlines()]
    assert [row["id"] for row in retyped] == list(typed)
    for row in retyped:
        assert (row["reason"] != typed[row["id"]]) == row["changed"], row["id"]
        assert row["what"].strip(), row["id"]


def test_the_reread_of_changed_plain_notes_holds_each_case_before_and_after() -> None:
    """Every case of the reread has its note before and after, different, both labelled; the
    held-out 23 notes before are the ones its first reader labelled."""
    reread = [
        json.loads(line)
        for line in CORPUS.with_name("plain-changed-reread-2026-12-03.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    cases: dict[tuple[str, str], dict[str, str]] = {}
    for row in reread:
        assert row["label"] in {"send", "edit", "reject"}
        cases.setdefault((row["suite"], row["case"]), {})[row["pipeline"]] = row["note"]
    for (suite, _), notes in cases.items():
        before = "plain-298cc81" if suite == "heldout23" else "plain-9696215"
        assert set(notes) == {before, "plain"} and notes[before] != notes["plain"]
    first = {
        row["case"]: row["note"]
        for row in map(
            json.loads,
            CORPUS.with_name("final-notes-plain-first.jsonl").read_text("utf-8").splitlines(),
        )
        if row["suite"] == "heldout23" and row["pipeline"] == "plain"
    }
    for (suite, case), notes in cases.items():
        if suite == "heldout23":
            assert notes["plain-298cc81"] == first[case]


def test_stop_36s_pair_rereads_hold_each_case_before_and_after() -> None:
    """Each case of a pair reread has one note before and one after, different, both labelled,
    and at most one of them read as the better."""
    rows = [
        json.loads(line)
        for line in CORPUS.with_name("plain-changed-reread-stop36.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    pairs: dict[tuple[str, str, str], list[dict[str, object]]] = {}
    for row in rows:
        assert row["label"] in {"send", "edit", "reject"}
        pairs.setdefault((row["suite"], row["case"], row["reading"]), []).append(row)
    expected = {
        "stop36-pair1": ["plain-b3e2867", "plain-draft1"],
        "stop36-pair2": ["plain-draft1", "plain-draft2"],
        "stop36-pair3": ["plain-draft2", "plain"],
    }
    for (_, _, reading), pair in pairs.items():
        assert [row["pipeline"] for row in pair] == expected[reading]
        assert pair[0]["note"] != pair[1]["note"]
        assert sum(bool(row["better"]) for row in pair) <= 1
    assert len(pairs) == 132 + 23 + 38


def test_stop_36s_reading_names_the_words_at_fault() -> None:
    """Every note read before stop 36's later fixes has a label, and each one not to send names
    its failure class and says why; a span, when given, stands in the note as written."""
    rows = [
        json.loads(line)
        for line in CORPUS.with_name("plain-notes-read-stop36.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert len(rows) == 210
    for row in rows:
        assert row["label"] in {"send", "edit", "reject"}
        if row["label"] != "send":
            assert row["failure"] and row["why"], row["case"]
        assert not row["span"] or row["span"] in (row["note"] or ""), row["case"]
