"""``warmnote context from-profile``: a profile paste or PDF in, a context for ``draft`` out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from warmnote import cli, locations
from warmnote.autosave import save_sender
from warmnote.context import Context, Sender, load_context

PROFILES = Path(__file__).parent / "data" / "profiles"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event_followup.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["context", "from-profile", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_a_context_draft_can_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, str(PROFILES / "en_streaming_engineer.txt"), "--sender", "Sam Lee")
    assert (code, err) == (0, "")
    path = tmp_path / "ctx.json"
    path.write_text(out, encoding="utf-8")
    context = load_context(path)
    assert context.recipient.name == "Tomás Herrera"
    assert context.recipient.company == "Corvid Systems"
    assert context.sender.name == "Sam Lee"
    assert context.relationship.familiarity == "stranger"
    assert context.scenario == "strategic"


def test_the_remembered_sender_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    save_sender(Sender(name="Priya Raman", company="Lumen Analytics"))
    code, out, _ = run(capsys, str(PROFILES / "en_recruiter.txt"), "--scenario", "job_seeker")
    context = Context.model_validate(json.loads(out))
    assert code == 0
    assert context.sender == Sender(name="Priya Raman", company="Lumen Analytics")
    assert context.scenario == "job_seeker"


def test_no_sender_at_all_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(PROFILES / "en_recruiter.txt"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--sender" in err


def test_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (PROFILES / "de_data_scientist.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-", "--sender", "Sam")
    assert code == 0
    assert json.loads(out)["recipient"]["name"] == "Katharina Brandt"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dear Sam, see you at the conference.", "does not look like a LinkedIn profile"),
        (b"\xff\xfe\x00junk", "not UTF-8"),
        (b"%PDF-1.4 broken", "not a readable PDF"),
    ],
)
def test_not_a_profile_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, str(path), "--sender", "Sam")
    assert (code, out) == (2, "")
    assert message in err and str(path) in err and err.count("\n") == 1


def test_into_puts_the_recipient_into_a_context_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "ctx.json"
    target.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = load_context(target)
    code, out, err = run(capsys, str(PROFILES / "en_recruiter.txt"), "--into", str(target))
    after = load_context(target)
    assert (code, out) == (0, "")
    assert "Sofia Álvarez" in err
    assert after.recipient.name == "Sofia Álvarez"
    assert after.recipient.about != before.recipient.about
    assert (after.sender, after.relationship, after.reason, after.id) == (
        before.sender,
        before.relationship,
        before.reason,
        before.id,
    )


@pytest.mark.parametrize(
    "recipient",
    [
        {"name": "Sofia Alvarez", "headline": "Recruiter"},  # the same person
        {"name": "Someone Else", "headline": "Chef at Tasca", "schools": ["Le Cordon Bleu"]},
    ],
)
def test_into_writes_back_only_what_the_file_set(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, recipient: dict[str, Any]
) -> None:
    original = {
        "scenario": "strategic",
        "sender": {"name": "Priya Raman"},
        "recipient": recipient,
        "relationship": {"familiarity": "stranger"},
        "reason": "compare notes on hiring data engineers",
    }
    target = tmp_path / "ctx.json"
    target.write_text(json.dumps(original), encoding="utf-8")
    code, _, _ = run(capsys, str(PROFILES / "en_recruiter.txt"), "--into", str(target))
    written = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0
    written_recipient = written.pop("recipient")
    del original["recipient"]
    assert written == original  # no "max_chars": 300 that would beat the free account's 200
    expected = json.loads((PROFILES / "en_recruiter.json").read_text(encoding="utf-8"))
    expected.pop("role")  # a profile field with no field of its own in a context
    assert written_recipient == expected


def test_into_a_file_it_cannot_write_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ctx.json"
    target.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    def read_only(path: Path, data: str | bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(locations, "write_private", read_only)
    code, out, err = run(capsys, str(PROFILES / "en_recruiter.txt"), "--into", str(target))
    assert (code, out) == (2, "")
    assert f"{target}: cannot write: Permission denied" in err and err.count("\n") == 1


@pytest.mark.parametrize("suffix", [".toml", ""])
def test_into_writes_only_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"ctx{suffix}"
    target.write_text("untouched", encoding="utf-8")
    code, _, err = run(capsys, str(PROFILES / "en_recruiter.txt"), "--into", str(target))
    assert code == 2 and "--into" in err
    assert target.read_text(encoding="utf-8") == "untouched"


def test_into_a_broken_context_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "ctx.json"
    target.write_text('{"scenario": "strategic"}', encoding="utf-8")
    code, _, err = run(capsys, str(PROFILES / "en_recruiter.txt"), "--into", str(target))
    assert code == 2 and "sender" in err
    assert target.read_text(encoding="utf-8") == '{"scenario": "strategic"}'
