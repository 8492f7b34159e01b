"""``warmnote check`` as a user runs it: a real process, its output and its exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = (
    "Hi Priya, I enjoyed your talk on feature stores at PyData Berlin. I'd love to keep "
    "comparing notes on MLOps tooling."
)
BAD = "I'd like to add you to my professional network on LinkedIn."
CONTEXT = {
    "scenario": "event_followup",
    "sender": {"name": "Sam Okafor"},
    "recipient": {"name": "Priya Raman", "company": "Zalmora"},
    "relationship": {"familiarity": "met_once", "where": "PyData Berlin"},
    "reason": "keep comparing notes on MLOps tooling",
    "max_chars": 200,
}


def warmnote(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def context_file(tmp_path: Path) -> Path:
    path = tmp_path / "context.json"
    path.write_text(json.dumps(CONTEXT), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "code", "first_line"),
    [
        ([GOOD], 0, f"PASS {len(GOOD)}/300"),
        ([BAD], 1, f"REJECTED {len(BAD)}/300"),
        ([GOOD, "--limit", "100"], 1, f"REJECTED {len(GOOD)}/100"),
    ],
    ids=["pass", "rejected", "limit"],
)
def test_human_verdict_and_exit_code(args: list[str], code: int, first_line: str) -> None:
    result = warmnote(*args)
    assert result.returncode == code, result.stderr
    assert result.stdout.splitlines()[0] == first_line
    assert result.stderr == ""


def test_each_violation_gets_a_line_with_severity_rule_span_and_message() -> None:
    lines = warmnote(BAD).stdout.splitlines()[1:]
    assert lines
    assert any(
        line.split()[:3] == ["error", "boilerplate", "[0:58]"] and "stock phrase" in line
        for line in lines
    ), lines


def test_json_shape(context_file: Path) -> None:
    result = warmnote(BAD, "--context", str(context_file), "--json")
    assert result.returncode == 1
    verdict = json.loads(result.stdout)
    assert set(verdict) == {"passed", "length", "limit", "violations"}
    assert (verdict["passed"], verdict["length"], verdict["limit"]) == (False, len(BAD), 200)
    for violation in verdict["violations"]:
        assert set(violation) == {"rule", "severity", "message", "start", "end"}
    assert "boilerplate" in {v["rule"] for v in verdict["violations"]}


def test_text_from_stdin(context_file: Path) -> None:
    result = warmnote("-", "--context", str(context_file), "--json", stdin=GOOD + "\n")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["length"] == len(GOOD)


def test_jsonl_keeps_input_order_and_ids(tmp_path: Path) -> None:
    lines = [
        {"id": "first", "text": BAD},
        {"id": 2, "text": GOOD, "context": CONTEXT},
        {"id": "third", "text": GOOD},
    ]
    batch = tmp_path / "notes.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    result = warmnote("--jsonl", str(batch))
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["passed"]) for o in out] == [("first", False), (2, True), ("third", True)]
    assert out[1]["limit"] == 200
    assert set(out[0]) == {"id", "passed", "length", "limit", "violations"}


def test_jsonl_from_stdin_all_passing() -> None:
    stdin = json.dumps({"id": "a", "text": GOOD}) + "\n"
    result = warmnote("--jsonl", "-", stdin=stdin)
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "a"


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ('{"id": 1, "text": ', "notes.jsonl:2: invalid JSON"),
        ('["text"]', "notes.jsonl:2: expected a JSON object"),
        ('{"id": 1}', "notes.jsonl:2: text: required field is missing"),
        ('{"id": 1, "text": 5}', "notes.jsonl:2: text: Input should be a valid string"),
        ('{"id": 1, "text": "x", "colour": 1}', "notes.jsonl:2: colour: unknown field"),
        (
            '{"id": 1, "text": "x", "context": {"scenario": "a"}}',
            "notes.jsonl:2: context.sender: required field is missing",
        ),
    ],
    ids=["json", "not-an-object", "missing-text", "text-type", "unknown-field", "bad-context"],
)
def test_a_bad_jsonl_line_is_one_error_line(tmp_path: Path, line: str, where: str) -> None:
    batch = tmp_path / "notes.jsonl"
    batch.write_text(json.dumps({"id": 0, "text": GOOD}) + "\n" + line + "\n", encoding="utf-8")
    result = warmnote("--jsonl", str(batch))
    assert result.returncode == 2
    assert result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith("warmnote: ") and where in error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--context", "{dir}/missing.json", GOOD], "{dir}/missing.json: file not found"),
        (["--context", "{dir}/bad.json", GOOD], "{dir}/bad.json: recipient.name: required"),
        ([GOOD, "--limit", "0"], "--limit: must be a positive whole number"),
        ([GOOD, "--jsonl", "-"], "not both"),
        ([], "give the note as TEXT"),
        (["--jsonl", "{dir}/none.jsonl"], "{dir}/none.jsonl: file not found"),
    ],
    ids=["missing-context", "invalid-context", "bad-limit", "text-and-jsonl", "nothing", "no-file"],
)
def test_bad_input_is_one_line_without_traceback(
    tmp_path: Path, args: list[str], message: str
) -> None:
    bad = dict(CONTEXT, recipient={"company": "Zalmora"})
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    result = warmnote(*[arg.format(dir=tmp_path) for arg in args])
    assert result.returncode == 2
    [error] = result.stderr.splitlines()
    assert message.format(dir=tmp_path) in error
    assert "Traceback" not in result.stderr


def test_a_toml_context_file_works_too(tmp_path: Path) -> None:
    path = tmp_path / "context.toml"
    path.write_text(
        'scenario = "event_followup"\nreason = "compare notes on MLOps tooling"\n'
        'sender = { name = "Sam Okafor" }\n'
        'recipient = { name = "Priya Raman" }\n'
        'relationship = { familiarity = "met_once", where = "PyData Berlin" }\n',
        encoding="utf-8",
    )
    assert warmnote(GOOD, "--context", str(path)).returncode == 0
