"""What of the reason a note leaves out is shown beside it: the notes to self it read as
instructions, the parts it could make no sentence of, and the sentences cut to fit. A user who
trusts the note sees what was dropped before they send it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from example_notes import BOILERPLATE, EXAMPLE, GOOD, TOO_LONG
from terminal_run import warmnote_in_a_terminal
from warmnote.context import Context, load_context
from warmnote.drafter import ScriptedDrafter
from warmnote.guardrails import Guardrails
from warmnote.notes_to_self import split_notes_to_self, without_notes_to_self
from warmnote.packs import get_pack, render_messages
from warmnote.pipeline import DraftRequest, draft_note, plain_first
from warmnote.plain_note import plain_note, reason_left_out, reason_reading, still_left_out
from warmnote.results import LeftOut

ROOT = Path(__file__).parent.parent
ASK = "ask how your team handles backpressure"


def example(reason: str, limit: int = 300) -> Context:
    return load_context(EXAMPLE).model_copy(update={"reason": reason, "max_chars": limit})


@pytest.mark.parametrize(
    ("text", "kept", "notes"),
    [
        ("ask about X, keep it short", "ask about X", ["keep it short"]),
        (
            "ask about X, no pitch. don't mention pay",
            "ask about X.",
            ["no pitch", "don't mention pay"],
        ),
        ("I'd love a chat and keep it casual", "I'd love a chat", ["keep it casual"]),
        ("ask about X (keep it light)", "ask about X", ["keep it light"]),
        (
            "ask about X (she teaches there, keep it short)",
            "ask about X (she teaches there)",
            ["keep it short"],
        ),
        ("ask about X", "ask about X", []),
        ("ask about their pricing process", "ask about their pricing process", []),
    ],
    ids=["after-comma", "two", "after-and", "brackets", "in-brackets", "none", "their"],
)
def test_notes_to_self_are_returned_beside_the_text_without_them(
    text: str, kept: str, notes: list[str]
) -> None:
    assert split_notes_to_self(text) == (kept, notes)
    assert without_notes_to_self(text) == kept


@given(st.text(alphabet=st.sampled_from("abc ,.;()-keepitshortnopitch"), max_size=60))
def test_each_note_to_self_left_out_is_a_piece_of_the_text(text: str) -> None:
    kept, notes = split_notes_to_self(text)
    assert all(note and note in text for note in notes)
    assert len(kept) <= len(text)


@pytest.mark.parametrize(
    ("reason", "limit", "expected"),
    [
        (f"{ASK}, keep it short", 300, [("note_to_self", "keep it short")]),
        (
            f"{ASK}. mutuals Ana + Ben but nobody suggested anything",
            300,
            [("unread", "mutuals Ana and Ben but nobody suggested anything")],
        ),
        (
            f"{ASK} in Kafka consumers. I'd also like to hear how you test consumer lag alerts "
            "before a release",
            200,
            [("cut", "I'd also like to hear how you test consumer lag alerts before a release")],
        ),
        (ASK, 300, []),
    ],
    ids=["note-to-self", "unread", "cut-to-fit", "nothing"],
)
def test_the_plain_note_says_what_of_the_reason_it_left_out_and_why(
    guardrails: Guardrails, reason: str, limit: int, expected: list[tuple[str, str]]
) -> None:
    context = example(reason, limit)
    note = plain_note(context, guardrails)
    assert note is not None
    assert [(item.why, item.text) for item in reason_left_out(context, note)] == expected
    for why, text in expected:
        if why != "note_to_self":
            assert text not in note


def test_without_the_note_only_the_notes_to_self_are_told() -> None:
    context = example(f"{ASK} in Kafka consumers. and compare notes on retries, keep it short")
    assert [(i.why, i.text) for i in reason_left_out(context)] == [
        ("note_to_self", "keep it short")
    ]


def test_a_sentence_the_user_edits_back_in_is_no_longer_left_out() -> None:
    left = [
        LeftOut(why="note_to_self", text="keep it short"),
        LeftOut(why="cut", text="ask how your team handles backpressure"),
        LeftOut(why="unread", text="compare notes on retries"),
    ]
    edited = "Hi Tomás, how does your team handle backpressure? We could compare notes on retries."
    assert still_left_out(left, edited) == [left[0]]
    assert still_left_out(left, "Hi Tomás, hello.") == left


@pytest.mark.parametrize(
    ("why", "message"),
    [
        ("note_to_self", "Left out as a note to yourself: “no pitch”"),
        ("kept_out", "Left out, as your reason keeps money out of the note: “no pitch”"),
        ("unread", "Left out, as no sentence could be made of it: “no pitch”"),
        ("cut", "Left out to fit the limit and the rules: “no pitch”"),
        (
            "link",
            "Left out, as a first note carries no links (send it once they accept): “no pitch”",
        ),
    ],
)
def test_each_kind_says_why_it_was_left_out(why: str, message: str) -> None:
    assert LeftOut.model_validate({"why": why, "text": "no pitch"}).message == message


def test_the_plain_first_draft_carries_what_it_left_out(guardrails: Guardrails) -> None:
    context = example(f"{ASK}, keep it short")
    result = plain_first(DraftRequest(context=context, pack=get_pack("event_followup")), guardrails)
    assert result is not None
    assert [i.text for i in result.left_out] == ["keep it short"]


def test_a_plain_fallback_carries_what_it_left_out_and_a_models_draft_its_notes_to_self(
    guardrails: Guardrails,
) -> None:
    context = example(f"{ASK}, keep it short")
    pack = get_pack("event_followup")
    failing = ScriptedDrafter([BOILERPLATE, TOO_LONG, BOILERPLATE])
    fallback = draft_note(DraftRequest(context=context, pack=pack), failing, guardrails)
    assert fallback.provenance.origin == "plain"
    assert [i.why for i in fallback.left_out] == ["note_to_self"]
    # The model's prompt never held the note to self either; nothing else is claimed of it.
    passing = draft_note(
        DraftRequest(context=context, pack=pack), ScriptedDrafter([GOOD]), guardrails
    )
    assert passing.provenance.origin == "model"
    assert [(i.why, i.text) for i in passing.left_out] == [("note_to_self", "keep it short")]


def _context_file(tmp_path: Path, reason: str) -> Path:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8")) | {"reason": reason}
    path = tmp_path / "context.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_draft_json_lists_what_was_left_out(tmp_path: Path) -> None:
    path = _context_file(tmp_path, f"{ASK}, keep it short")
    done = subprocess.run(
        [sys.executable, "-m", "warmnote", "draft", "--context", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["left_out"] == [{"why": "note_to_self", "text": "keep it short"}]


def test_draft_in_a_terminal_prints_what_was_left_out_under_the_verdict(tmp_path: Path) -> None:
    path = _context_file(tmp_path, f"{ASK}, keep it short")
    # stderr must be a terminal for the verdict lines
    after = warmnote_in_a_terminal("draft", "--context", str(path)).split("PASS", 1)[1]
    assert "info    note_to_self    Left out as a note to yourself: “keep it short”" in after


def test_a_batch_csv_has_a_left_out_column(tmp_path: Path) -> None:
    rows = tmp_path / "people.jsonl"
    context = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    rows.write_text(
        json.dumps({**context, "id": "one", "reason": f"{ASK}, keep it short"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "notes.csv"
    done = subprocess.run(
        [sys.executable, "-m", "warmnote", "draft", "--batch", str(rows), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    assert row["left_out"] == "Left out as a note to yourself: “keep it short”"


def test_the_reading_tells_what_the_note_can_say_and_each_part_it_leaves_out() -> None:
    reading = reason_reading(
        example(f"{ASK}. mutuals Ana + Ben but nobody suggested anything. dont mention pay")
    )
    lines = reading.lines()
    assert lines[0].startswith("From your reason, the note can say: ")
    assert "how your team handles backpressure" in lines[0]
    assert "Left out as a note to yourself: “don't mention pay”" in lines
    assert any(
        line.startswith("Left out, as no sentence could be made of it: “mutuals") for line in lines
    )
    assert lines[-1] == "Say a part as you would to them, and the note can use it."


HIRING = "we're hiring a GIS analyst for our flood team in Kathmandu"


@pytest.mark.parametrize(
    ("reason", "said", "kept_out"),
    [
        (
            f"{HIRING}. band is approx $2k/mo over local rates. no money in the invite",
            [f"{HIRING[0].upper()}{HIRING[1:]}."],
            ["band is about $2k/mo over local rates"],  # "approx" written out (held-out 58)
        ),
        # only the piece that speaks of money, after a comma, a dash or inside brackets
        (
            f"{HIRING}, remote ok, comp ~$140k. don't put comp in the note obv",
            [f"{HIRING[0].upper()}{HIRING[1:]}, remote ok."],
            ["comp ~$140k"],
        ),
        (
            f"{HIRING} (hybrid, ~₹45L). don't put salary in note",
            [f"{HIRING[0].upper()}{HIRING[1:]} (hybrid)."],
            ["~₹45L"],
        ),
        # without a note to self that keeps it out, money is said like the rest
        (
            f"{HIRING}, comp ~$140k",
            [f"{HIRING[0].upper()}{HIRING[1:]}, comp ~$140k."],
            [],
        ),
        # paying and payments are no amount
        (
            f"{HIRING} for offline-first payments. no salary talk",
            [f"{HIRING[0].upper()}{HIRING[1:]} for offline-first payments."],
            [],
        ),
        (
            f"{HIRING}: salary $2k/mo, remote. no salary talk",
            [f"{HIRING[0].upper()}{HIRING[1:]}: remote."],
            ["salary $2k/mo"],
        ),
        # what would be left is no sentence, or points back at the money: the part goes whole
        (
            f"{HIRING}. salary $2k/mo, remote. no salary talk",
            [f"{HIRING[0].upper()}{HIRING[1:]}."],
            ["salary $2k/mo, remote"],
        ),
        (
            f"{HIRING}. you earn ~$90k now at Himal Geo, we can beat it. no money in the invite",
            [f"{HIRING[0].upper()}{HIRING[1:]}."],
            ["you earn ~$90k now at Himal Geo, we can beat it"],
        ),
        # brackets in brackets are not split
        (
            f"{HIRING} (remote ok, $2k/mo (net)). no money in the invite",
            [],
            [f"{HIRING} (remote ok, $2k/mo (net))"],
        ),
    ],
)
def test_money_a_note_to_self_keeps_out_is_left_out_by_itself(
    reason: str, said: list[str], kept_out: list[str]
) -> None:
    reading = reason_reading(example(reason))
    assert list(reading.said) == said
    assert [item.text for item in reading.left_out if item.why == "kept_out"] == kept_out


def test_a_reason_read_whole_asks_for_nothing_more() -> None:
    lines = reason_reading(example(ASK)).lines()
    assert len(lines) == 1 and lines[0].startswith("From your reason, the note can say: ")


def _read_command(path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "context", "read", str(path), *flags],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_context_read_prints_what_the_app_shows_under_the_reason(tmp_path: Path) -> None:
    reason = f"{ASK}. mutuals Ana + Ben but nobody suggested anything. keep it short"
    done = _read_command(_context_file(tmp_path, reason))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == reason_reading(example(reason)).lines()


def test_context_read_json_gives_the_sentences_and_the_parts_left_out(tmp_path: Path) -> None:
    done = _read_command(_context_file(tmp_path, f"{ASK}, keep it short"), "--json")
    assert done.returncode == 0, done.stderr
    reading = json.loads(done.stdout)
    assert reading["left_out"] == [{"why": "note_to_self", "text": "keep it short"}]
    assert [s.endswith("how your team handles backpressure.") for s in reading["said"]] == [True]
    assert reading["greets"] is None
    said = " ".join(reading["said"])
    assert said[slice(*reading["ours"][0])] == said.split()[0]  # the lead-in is warmnote's


@pytest.mark.parametrize(
    ("reason", "marked", "unmarked"),
    [
        # the reader's pronoun is warmnote's word
        ("keep learning from how his team handles backpressure", ["your"], ["team", "handles"]),
        # "shes" is read as "you're": the mark shows where to look
        ("just ask if shes up for a talk", ["you're"], ["ask", "up", "talk"]),
        # "theyre" (the client) is read as "you're", even where "you're" stands later too
        (
            "client role not ours -> hiring a charge nurse, exactly what theyre after. you're "
            "the one",
            ["you're"],
            ["client", "role", "charge", "nurse", "exactly", "one"],
        ),
        ("ask how his team handles backpressure, saw your post on it", ["your"], ["post"]),
        # shorthand written out, other forms of a word and capitals are the user's own
        ("Ask how your team tests w/ lag alerts", [], ["your", "tests", "with", "Ask", "ask"]),
        # as are words typed apart ("I have", not "I've") and a word with an invisible character
        ("ask how his team handles backpressure, I have notes", [], ["I", "have", "notes"]),
        ("ask how his team handles back\u200bpressure", [], ["back\u200bpressure", "back"]),
    ],
)
def test_the_words_warmnote_wrote_into_the_reading_are_marked(
    reason: str, marked: list[str], unmarked: list[str]
) -> None:
    reading = reason_reading(example(reason))
    said = " ".join(reading.said)
    ours = [said[a:b] for a, b in reading.ours]
    assert said.split()[0] in ours  # the lead-in: "I'd", "I'm", "Could"…
    assert all(word in ours for word in marked), ours
    assert not set(unmarked) & set(ours), ours


def test_the_reading_says_whom_the_note_greets_when_the_reason_names_them(tmp_path: Path) -> None:
    reason = f"{ASK}. she prefers Ksenia"
    assert (
        reason_reading(example(reason)).lines()[-1] == "Greets them as Ksenia, as your reason asks."
    )
    done = _read_command(_context_file(tmp_path, reason), "--json")
    assert json.loads(done.stdout)["greets"] == "Ksenia"


@pytest.mark.parametrize(
    ("reason", "line"),
    [
        ("  ", "No reason given: the note can say only what the other fields give."),
        ("lol 🔥🔥", "Nothing in your reason the note can say: say why, as you would to them."),
    ],
)
def test_context_read_of_a_reason_with_nothing_to_say_says_so(
    tmp_path: Path, reason: str, line: str
) -> None:
    done = _read_command(_context_file(tmp_path, reason))
    assert (done.returncode, done.stdout, done.stderr) == (0, line + "\n", "")


def test_context_read_of_a_broken_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "context.json"
    path.write_text('{"scenario": "event_followup"', encoding="utf-8")
    done = _read_command(path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and str(path) in done.stderr


def test_a_link_in_the_reason_is_left_out_of_both_notes_and_named() -> None:
    link = "https://example.org/jobs/42"
    context = example(f"{ASK}: {link}. keep it short")
    assert reason_reading(context).left_out == (
        LeftOut(why="link", text=link),
        LeftOut(why="note_to_self", text="keep it short"),
    )
    assert reason_left_out(context) == [
        LeftOut(why="link", text=link),
        LeftOut(why="note_to_self", text="keep it short"),
    ], "a model's draft never had it in its prompt either"
    assert link not in render_messages(get_pack("event_followup"), context)[-1].content


@pytest.mark.parametrize(
    ("reason", "hint"),
    [
        (f"{ASK}. mention our varroa counts but briefly", True),  # what it names is not said
        (f"{ASK} (mention the barriers), keep it short", True),
        (f"{ASK}. Mention Breda + barriers", True),
        (f"{ASK}. dont mention pay", False),  # an instruction not to say something
        (f"{ASK}, keep it short", False),
    ],
)
def test_a_note_to_self_that_asks_for_something_said_asks_the_user_to_say_it(
    reason: str, hint: bool
) -> None:
    lines = reason_reading(example(reason)).lines()
    assert any(line.startswith("Left out as a note to yourself") for line in lines)
    assert (lines[-1] == "Say a part as you would to them, and the note can use it.") is hint


def test_what_comes_before_a_comma_is_never_dropped_unsaid() -> None:
    """ "same uni diff yrs, she finished…" was read as what followed the comma, and the part
    before it vanished with no line to say so."""
    reading = reason_reading(example("same uni diff yrs, she finished about 8 yrs before me"))
    assert reading.said == ("You finished about 8 years before me.",)
    assert reading.left_out == (LeftOut(why="unread", text="same uni diff years"),)
