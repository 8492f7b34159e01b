"""``warmnote draft`` as a user runs it, in a home with no model installed: by default it prints
the plain note built from the context, which needs no model; asking for the model's draft
without one is one line naming what to do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from terminal_run import warmnote_in_a_terminal

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "event_followup.json"


def warmnote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "draft", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True)
def no_model_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARMNOTE_MODEL", raising=False)


def test_the_default_draft_is_the_plain_note_and_needs_no_model() -> None:
    done = warmnote("--context", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["passed"] is True
    assert result["attempts"] == []
    assert result["provenance"]["origin"] == "plain"
    assert result["text"].startswith("Hi Tomás, ")
    assert "PyData Lisbon" in result["text"]


def test_the_models_draft_without_a_model_is_one_line_with_the_set_up_command() -> None:
    done = warmnote("--context", str(EXAMPLE), "--first-draft", "model")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "model not found" in lines[0]
    assert "warmnote model install" in lines[0]


def test_the_config_chooses_the_first_draft_and_the_flag_beats_it(warmnote_home: Path) -> None:
    config = warmnote_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('first_draft = "model"\n', encoding="utf-8")
    assert warmnote("--context", str(EXAMPLE)).returncode == 2  # the model, which is missing
    done = warmnote("--context", str(EXAMPLE), "--first-draft", "plain")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Hi Tomás, ")


def test_a_bad_first_draft_setting_names_the_file_and_key(warmnote_home: Path) -> None:
    config = warmnote_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('first_draft = "fastest"\n', encoding="utf-8")
    done = warmnote("--context", str(EXAMPLE))
    assert done.returncode == 2
    assert "config.toml" in done.stderr and "first_draft" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("flags", "fragment"),
    [
        (["--attempts", "1"], "model not found"),
        (["--candidates", "2"], "model not found"),
        (["--model", "/nonexistent/model.gguf"], "model not found"),
        (["--base-url", "http://127.0.0.1:9/v1"], "cannot reach the server"),
    ],
    ids=["attempts", "candidates", "model", "base-url"],
)
def test_options_only_the_model_uses_ask_for_its_draft(flags: list[str], fragment: str) -> None:
    done = warmnote("--context", str(EXAMPLE), *flags)
    assert done.returncode == 2, done.stdout
    assert fragment in done.stderr


def test_the_verdict_line_of_a_plain_note_names_no_attempts() -> None:
    # stderr must be a terminal for the verdict line: run under a pseudo-terminal.
    text = warmnote_in_a_terminal("draft", "--context", str(EXAMPLE))
    assert (
        "PASS (plain note from your context, not tidied: no model loaded, or it failed "
        "(warmnote model verify); --first-draft model for the model's)"
    ) in text
    assert "attempt" not in text.split("PASS", 1)[1]


def test_a_batch_gives_each_row_its_plain_note_without_a_model(tmp_path: Path) -> None:
    rows = tmp_path / "people.jsonl"
    context = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    other = {**context, "id": "two", "reason": "compare notes on consumer lag alerts"}
    rows.write_text(
        "\n".join(json.dumps(c) for c in ({**context, "id": "one"}, other)) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "notes.jsonl"
    done = warmnote("--batch", str(rows), "--out", str(out))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["one", "two"]
    assert all(r["passed"] and r["provenance"]["origin"] == "plain" for r in records)
    assert "consumer lag alerts" in records[1]["text"]
