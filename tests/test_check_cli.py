"""``warmnote check`` as a user runs it: a real process, its output and its exit code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmnote import cli
from warmnote.commands import check
from warmnote.context import MAX_LIMIT, MIN_LIMIT

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


def warmnote_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "check", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


def write_batch(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


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
        ('{"id": 1, "text": "hi \\ud800"}', "notes.jsonl:2: invalid JSON at column 29"),
        (
            '{"text": "x", "context": ' + "[" * 1000 + "]" * 1000 + "}",
            "notes.jsonl:2: invalid JSON at column",
        ),
        ('{"id": 1' + "0" * 5000 + ', "text": "x"}', "notes.jsonl:2: invalid JSON at column"),
        ('{"id": true, "text": "x"}', "notes.jsonl:2: id: must be a string or a whole number"),
        ('{"text": "x"} {"text": "y"}', "notes.jsonl:2: invalid JSON at column 15"),
        ("\u2028", "notes.jsonl:2: invalid JSON at column 1"),
    ],
    ids=[
        "json", "not-an-object", "missing-text", "text-type", "unknown-field", "bad-context",
        "lone-surrogate", "nested-1000-deep", "5000-digits", "boolean-id", "two-objects",
        "line-separator-alone",
    ],
)  # fmt: skip
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
        ([GOOD, "--limit", "0"], "--limit: must be a whole number from 20 to 2000"),
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


LIMIT_ERROR = f"warmnote: --limit: must be a whole number from {MIN_LIMIT} to {MAX_LIMIT}"


@pytest.mark.parametrize(
    "limit",
    [
        str(MIN_LIMIT - 1), str(MAX_LIMIT + 1), "99999999999999999999999", "9" * 5000, "-300",
        "+300", " 300", "300 ", "3_00", "300.0", "١٢٣", "３００", "", "0x12c",
    ],
    ids=[
        "below", "above", "huge", "5000-digits", "negative", "plus-sign", "leading-space",
        "trailing-space", "underscore", "decimal", "arabic-indic-digits", "fullwidth-digits",
        "empty", "hex",
    ],
)  # fmt: skip
def test_limit_is_ascii_digits_in_the_context_range(
    capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    code, out, err = run_in_process(capsys, GOOD, "--limit", limit)
    assert (code, out) == (2, [])
    [line] = err
    assert line.startswith(LIMIT_ERROR)


@pytest.mark.parametrize(
    ("limit", "shown"),
    [(str(MIN_LIMIT), MIN_LIMIT), (str(MAX_LIMIT), MAX_LIMIT), ("0300", 300)],
    ids=["lowest", "highest", "leading-zero"],
)
def test_limit_at_the_ends_of_its_range_is_taken(
    capsys: pytest.CaptureFixture[str], limit: str, shown: int
) -> None:
    _, out, err = run_in_process(capsys, GOOD, "--limit", limit)
    assert err == []
    assert out[0].endswith(f" {len(GOOD)}/{shown}")


def run_bytes_argv(*args: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "check", *args],
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_a_jsonl_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    """A file name is bytes, like the --context name; only text arguments must be UTF-8."""
    name = os.fsencode(tmp_path) + b"/notes-\xff.jsonl"
    Path(os.fsdecode(name)).write_text(json.dumps({"id": 1, "text": GOOD}) + "\n", "utf-8")
    result = run_bytes_argv(b"--jsonl", name)
    assert (result.returncode, result.stderr) == (0, b""), result.stderr
    assert json.loads(result.stdout)["id"] == 1


def test_a_missing_jsonl_file_with_such_a_name_is_one_error_line(tmp_path: Path) -> None:
    result = run_bytes_argv(b"--jsonl", os.fsencode(tmp_path) + b"/none-\xff.jsonl")
    assert (result.returncode, result.stdout) == (2, b"")
    [line] = result.stderr.decode("utf-8").splitlines()
    assert line.startswith("warmnote: ") and line.endswith(".jsonl: file not found")


@pytest.mark.parametrize(
    ("content", "ids"),
    [
        ("{a}\n{b}", ["a", "b"]),
        ("{a}\n{b}\n", ["a", "b"]),
        ("{a}\r\n{b}\r\n", ["a", "b"]),
        ("\n{a}\n \t\n\n{b}\n\n", ["a", "b"]),
        ("", []),
        ("\n", []),
        (" \t\r\n", []),
    ],
    ids=[
        "no-final-newline", "final-newline", "crlf", "blank-lines", "empty", "one-newline",
        "whitespace-only",
    ],
)  # fmt: skip
def test_blank_jsonl_lines_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, ids: list[str]
) -> None:
    a, b = (json.dumps({"id": i, "text": GOOD}) for i in ("a", "b"))
    batch = tmp_path / "notes.jsonl"
    batch.write_bytes(content.format(a=a, b=b).encode())
    code, out, err = run_in_process(capsys, "--jsonl", str(batch))
    assert (code, err) == (0, [])
    assert [json.loads(line)["id"] for line in out] == ids


@pytest.mark.parametrize(
    ("content", "where"),
    [("{a}\n\n[]\n", "notes.jsonl:3: "), ("{a}\n\u00a0\n", "notes.jsonl:2: invalid JSON")],
    ids=["counted-after-a-blank-line", "no-break-space-is-not-blank"],
)
def test_skipped_lines_still_count_for_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, where: str
) -> None:
    batch = tmp_path / "notes.jsonl"
    batch.write_text(content.format(a=json.dumps({"text": GOOD})), encoding="utf-8")
    code, out, err = run_in_process(capsys, "--jsonl", str(batch))
    assert (code, out) == (2, [])
    [line] = err
    assert where in line


def test_the_jsonl_help_says_blank_lines_are_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    assert "blank lines" in " ".join(capsys.readouterr().out.split())


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


# ------------------------------------------------------------------------------ hostile input
def test_jsonl_lines_end_at_a_newline_only(tmp_path: Path) -> None:
    texts = [f"{GOOD}\u2028Really.", f"{GOOD}\u0085", f"Hi\u2029{GOOD}"]
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    result = warmnote("--jsonl", str(write_batch(tmp_path / "notes.jsonl", lines)))
    assert result.returncode in (0, 1), result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.split("\n")[:-1]] == [0, 1, 2]


@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (["-"], b"Hi caf\xe9", "warmnote: <stdin>: not UTF-8 text: byte 0xe9 on line 1"),
        (
            ["--jsonl", "-"],
            b'{"text": "Hi"}\n{"text": "caf\xff"}\n',
            "warmnote: <stdin>: not UTF-8 text: byte 0xff on line 2",
        ),
    ],
    ids=["note", "batch"],
)
def test_standard_input_must_be_utf8(args: list[str], stdin: bytes, error: str) -> None:
    result = warmnote_bytes(*args, stdin=stdin)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == error + "\n"


def test_a_batch_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    batch = tmp_path / "notes.jsonl"
    batch.write_bytes(b'{"text": "Hi"}\n{"text": "Hi"}\n{"text": "\xc3("}\n')
    result = warmnote("--jsonl", str(batch))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"warmnote: {batch}: not UTF-8 text: byte 0xc3 on line 3\n"


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def test_the_text_verdict_shows_controls_as_escapes() -> None:
    note = "Hi [First \x1b]0;pwned\x07 Name], I'd love to hear how you run feature stores."
    result = warmnote(note)
    assert result.returncode == 1
    assert not UNSAFE.search(result.stdout)
    assert "\\x1b" in result.stdout


@pytest.mark.parametrize("flag", ["--json", "--jsonl"])
def test_json_carries_c1_and_bidi_controls_only_as_escapes(tmp_path: Path, flag: str) -> None:
    note = f"Hi [First\u009bName], slides: \u202eved.rofakomas\u202c\u2028{GOOD}"
    if flag == "--json":
        result = warmnote("--json", note)
    else:
        line = json.dumps({"id": "a\u0085\u2066b", "text": note}, ensure_ascii=False)
        result = warmnote("--jsonl", str(write_batch(tmp_path / "notes.jsonl", [line])))
    assert result.returncode == 1, result.stderr
    assert not UNSAFE.search(result.stdout)
    verdict = json.loads(result.stdout)
    quoted = " ".join(v["message"] for v in verdict["violations"])
    assert "\u202e" in quoted and "\u009b" in quoted
    assert verdict.get("id", "a\u0085\u2066b") == "a\u0085\u2066b"


def run_in_process(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str], list[str]]:
    code = cli.main(["check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.mark.parametrize(
    ("cap", "value", "error"),
    [
        ("MAX_LINE_CHARS", 40, "notes.jsonl:2: longer than 40 characters"),
        ("MAX_BATCH_BYTES", 40, "notes.jsonl: larger than 40 bytes"),
    ],
    ids=["line", "batch"],
)
def test_batches_and_their_lines_are_capped(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cap: str,
    value: int,
    error: str,
) -> None:
    monkeypatch.setattr(check, cap, value)
    batch = write_batch(tmp_path / "notes.jsonl", ['{"text": "Hi"}', json.dumps({"text": GOOD})])
    code, out, err = run_in_process(capsys, "--jsonl", str(batch))
    assert (code, out) == (2, [])
    [line] = err
    assert line.startswith(f"warmnote: {tmp_path}/") and error in line


LINE_BREAKS_BUT_NOT_FOR_JSONL = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r"]
NOTE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(LINE_BREAKS_BUT_NOT_FOR_JSONL),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    ),
    max_size=6,
).map("".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(NOTE_TEXT, min_size=1, max_size=5))
def test_every_batch_line_gets_one_verdict_in_order(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    texts: list[str],
) -> None:
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    batch = write_batch(tmp_path_factory.mktemp("batch") / "notes.jsonl", lines)
    code, out, err = run_in_process(capsys, "--jsonl", str(batch))
    assert code in (0, 1) and err == []
    assert [json.loads(line)["id"] for line in out] == list(range(len(texts)))
