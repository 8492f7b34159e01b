"""Every command line entry point, fed hostile text, bytes and files: never a traceback.

The contract under test: exit 0 (passed), 1 (rejected) or 2 (bad input); exit 2 prints exactly
one line on stderr, starting ``warmnote: ``. Commands run in-process through ``cli.main`` so
hypothesis can try many inputs fast; the locale and byte cases run in a real process.

The examples are derandomized so that ``make test`` tries the same inputs every run; to hunt for
new bugs, run with ``--hypothesis-seed=random`` and a larger ``max_examples``. No test loads a
model: WARMNOTE_MODEL points at a missing file, so anything that would draft exits 2 first.
"""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmnote import cli
from warmnote.context import Context
from warmnote.guardrails.verdict import Verdict
from warmnote.history import HistoryStore

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CONTEXT: dict[str, Any] = {
    "id": "ana",
    "scenario": "event_followup",
    "sender": {"name": "Sam Lee"},
    "recipient": {"name": "Ana Souza", "company": "Zalmora", "recent_posts": ["On queues"]},
    "relationship": {"familiarity": "met_once", "where": "PyData Lisbon"},
    "reason": "compare notes on backpressure",
}

SPECIAL_TEXT = [
    "",
    "-",
    "--",
    "\x00",
    "\x1b[2J\x1b[31mred",
    "\x1b]52;c;aGk=\x07",
    "\ud800",
    "caf\udce9",
    "\u202eevil",
    "line\u2028two\x85three",
    "~nobody-such-user/x.json",
    "99999999999999999999",
    "-99999999999999999999",
    "0",
    "nan",
    "default",
    "alumni",
]
HOSTILE_TEXT = st.one_of(
    st.sampled_from(SPECIAL_TEXT),
    st.text(st.characters(exclude_categories=()), max_size=30),  # surrogates included
)
"""Anything a str can hold, and the strings most likely to break something."""

OPTIONS = [
    "--context",
    "--jsonl",
    "--limit",
    "--json",
    "--pack",
    "--seed",
    "--seeds",
    "--attempts",
    "--limit-cases",
    "--model",
    "--out",
    "--baseline",
    "--resume",
    "--search",
    "--undo",
    "--help",
    "list",
    "show",
    "validate",
    "mark-sent",
    "verify",
    "path",
]
"""Option and action names of every command except the ones that write where they are told
(``history export``) or download (``model install``): those get their own, confined tests."""

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
    max_leaves=12,
)
CONTEXT_FIELDS = [
    ("id",),
    ("scenario",),
    ("sender",),
    ("sender", "name"),
    ("recipient", "name"),
    ("recipient", "recent_posts"),
    ("recipient", "nickname"),
    ("relationship", "familiarity"),
    ("relationship", "where"),
    ("reason",),
    ("max_chars",),
]


@st.composite
def odd_contexts(draw: st.DrawFn) -> dict[str, Any]:
    """The sample context with one field set to any JSON value (often a wrong one)."""
    data = copy.deepcopy(CONTEXT)
    *parents, key = draw(st.sampled_from(CONTEXT_FIELDS))
    target = data
    for parent in parents:
        target = target[parent]
    target[key] = draw(JSON_VALUES)
    return data


def encode_json(value: Any, *, ascii_only: bool) -> bytes:
    """JSON bytes; lone surrogates become ``\\ud800`` escapes or, raw, invalid UTF-8."""
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    value = draw(st.one_of(odd_contexts(), JSON_VALUES))
    return encode_json(value, ascii_only=draw(st.booleans()))


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """Lines of batch items or contexts, joined by newlines or by characters that are not."""
    items = draw(
        st.lists(
            st.one_of(
                st.fixed_dictionaries({"id": HOSTILE_TEXT, "text": HOSTILE_TEXT}),
                st.fixed_dictionaries({"text": HOSTILE_TEXT, "context": odd_contexts()}),
                odd_contexts(),
                JSON_VALUES,
            ),
            max_size=4,
        )
    )
    ascii_only = draw(st.booleans())
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\u2028", "\x85"])).encode()
    return separator.join(encode_json(item, ascii_only=ascii_only) for item in items)


TOML_CHARACTERS = [*"[]{}=\".,'\n #ab1\\u-", "\ud800", "é"]
TOMLISH = st.text(st.sampled_from(TOML_CHARACTERS), max_size=80)
FILE_BYTES = st.one_of(
    st.binary(max_size=200),
    json_files(),
    jsonl_files(),
    TOMLISH.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.just(b"[" * 5000),
    st.just(b"a = " + b"[" * 5000),
    st.just(b"a" + b".a" * 5000 + b" = 1"),
    st.just(b'{"scenario": 1' + b"0" * 5000 + b"}"),
)
"""Random bytes, and the JSON, JSON Lines and TOML-like texts that reach deeper code."""


@dataclass(frozen=True)
class Outcome:
    code: int | str | None
    out: str
    err: str


def invoke(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: bytes = b"",
) -> Outcome:
    """``warmnote ARGV`` in-process, standard input holding ``stdin`` (decoded strictly)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    capsys.readouterr()
    try:
        code: int | str | None = cli.main(argv)
    except SystemExit as exit_:  # argparse: --help and usage errors
        code = exit_.code
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def assert_keeps_the_contract(outcome: Outcome, *, errors_at_most: int = 1) -> None:
    """Exit 0, 1 or 2; on exit 2 one line per error (one error, but for ``packs validate``)."""
    assert outcome.code in (0, 1, 2), outcome
    assert "Traceback" not in outcome.err, outcome
    assert "\x1b" not in outcome.err, outcome
    if outcome.code == 2:
        *lines, end = outcome.err.split("\n")
        assert end == "" and 1 <= len(lines) <= errors_at_most, outcome
        assert all(line.startswith("warmnote: ") for line in lines), outcome


@pytest.fixture(autouse=True)
def confined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relative paths land in a temp dir; anything that would load a model finds none."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARMNOTE_MODEL", str(tmp_path / "no-such-model.gguf"))
    monkeypatch.delenv("WARMNOTE_DEBUG", raising=False)
    return tmp_path


@pytest.fixture
def saved_drafts() -> None:
    """Two saved drafts with hostile names, so history commands have rows to show and mark."""
    with HistoryStore() as store:
        for name, text in (
            ("Ana \x1b]0;pwned\x07Souza", "Hi Ana,\x1b[2J great talk on queues."),
            ('=HYPERLINK("x")', "Hi Ben, \u202eevil\u202c reversed words."),
        ):
            context = Context.model_validate({**CONTEXT, "recipient": {"name": name}})
            verdict = Verdict(passed=True, length=len(text), limit=300, violations=[])
            store.save(context, text, verdict)


@FUZZ
@given(
    text=HOSTILE_TEXT,
    flags=st.one_of(
        st.just([]),
        st.just(["--json"]),
        st.tuples(st.just("--limit"), HOSTILE_TEXT).map(list),
    ),
)
def test_check_takes_any_text(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    flags: list[str],
) -> None:
    argv = ["check", *flags, "--", text]
    assert_keeps_the_contract(invoke(capsys, monkeypatch, argv))


@FUZZ
@given(
    command=st.sampled_from(["check", "draft", "packs", "eval", "history", "model"]),
    args=st.lists(st.one_of(st.sampled_from(OPTIONS), HOSTILE_TEXT), max_size=6),
    stdin=st.binary(max_size=40),
)
def test_every_command_takes_any_arguments(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    args: list[str],
    stdin: bytes,
) -> None:
    outcome = invoke(capsys, monkeypatch, [command, *args], stdin)
    validating = command == "packs" and "validate" in args  # one line per bad pack file
    assert_keeps_the_contract(outcome, errors_at_most=len(args) if validating else 1)


FILE_COMMANDS = [
    pytest.param(
        ["check", "Hi Ana, I enjoyed your PyData Lisbon talk.", "--context"],
        ".json",
        id="check-context",
    ),
    pytest.param(["check", "Hi Ana", "--context"], ".toml", id="check-context-toml"),
    pytest.param(["check", "--jsonl"], ".jsonl", id="check-jsonl"),
    pytest.param(["draft", "--context"], ".json", id="draft-context"),
    pytest.param(["draft", "--context"], ".toml", id="draft-context-toml"),
    pytest.param(["eval"], ".toml", id="eval-suite-toml"),
    pytest.param(["eval"], ".json", id="eval-suite-json"),
    pytest.param(["packs", "validate"], ".toml", id="packs-validate"),
    pytest.param(["model", "verify"], ".gguf", id="model-verify"),
]


@pytest.mark.parametrize(("argv", "suffix"), FILE_COMMANDS)
@FUZZ
@given(data=FILE_BYTES)
def test_every_file_argument_takes_any_bytes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    confined: Path,
    argv: list[str],
    suffix: str,
    data: bytes,
) -> None:
    path = confined / f"alumni{suffix}"
    path.write_bytes(data)
    assert_keeps_the_contract(invoke(capsys, monkeypatch, [*argv, str(path)]))


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["check", "-"], id="text"),
        pytest.param(["check", "--jsonl", "-"], id="jsonl"),
    ],
)
@FUZZ
@given(data=FILE_BYTES)
def test_standard_input_takes_any_bytes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    data: bytes,
) -> None:
    assert_keeps_the_contract(invoke(capsys, monkeypatch, argv, data))


@FUZZ
@given(contexts=jsonl_files(), cases=st.lists(HOSTILE_TEXT, max_size=3))
def test_an_eval_suite_takes_any_contexts_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    confined: Path,
    contexts: bytes,
    cases: list[str],
) -> None:
    listed = "".join(f"[[cases]]\nid = {json.dumps(case)}\n" for case in cases)
    suite = confined / "suite.toml"
    suite.write_text(f'contexts = "contexts.jsonl"\n{listed}', "utf-8", "surrogatepass")
    (confined / "contexts.jsonl").write_bytes(contexts)
    assert_keeps_the_contract(invoke(capsys, monkeypatch, ["eval", str(suite)]))


@pytest.mark.usefixtures("saved_drafts")
@FUZZ
@given(
    argv=st.one_of(
        st.tuples(st.just("list"), st.just("--search"), HOSTILE_TEXT),
        st.tuples(st.just("list"), st.just("--limit"), st.integers().map(str)),
        st.tuples(st.just("mark-sent"), st.integers().map(str)),
        st.tuples(st.just("mark-sent"), st.integers(min_value=-3, max_value=3).map(str)),
        st.tuples(st.just("export"), st.sampled_from(["--csv", "--json"]), HOSTILE_TEXT),
    )
)
def test_history_takes_odd_arguments(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
) -> None:
    *action, last = argv
    if action[0] == "export":  # write only inside the test's folder, whatever the name
        last = "out-" + last.replace("/", "_")
    assert_keeps_the_contract(invoke(capsys, monkeypatch, ["history", *action, last]))


HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["draft", "--context", "c.json", "--seed", HUGE], "--seed: must be between 0 and"),
        (["draft", "--context", "c.json", "--attempts", HUGE], "--attempts: must be between"),
        (["draft", "--context", "c.json", "--limit", HUGE], "--limit: must be between 20 and"),
        (["draft", "--context", "c.json", "--limit", "-" + HUGE], "--limit: must be between"),
        (["eval", "default", "--seeds", HUGE], "--seeds: must be at most 1000"),
        (["eval", "default", "--attempts", HUGE], "--attempts: must be at most 10"),
        (["eval", "default", "--limit-cases", HUGE], "--limit-cases: must be at most"),
        (["history", "list", "--limit", HUGE], "--limit"),
        (["history", "mark-sent", HUGE], "ID"),
    ],
    ids=[
        "draft-seed",
        "draft-attempts",
        "draft-limit",
        "draft-limit-negative",
        "eval-seeds",
        "eval-attempts",
        "eval-limit-cases",
        "history-limit",
        "history-mark-sent",
    ],
)
def test_huge_numbers_are_refused_naming_the_option(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    named: str,
) -> None:
    outcome = invoke(capsys, monkeypatch, argv)
    assert_keeps_the_contract(outcome)
    assert outcome.code == 2
    assert named in outcome.err, outcome


@pytest.mark.parametrize("out", ["taken", "taken/inside"], ids=["a-file", "under-a-file"])
def test_an_eval_output_folder_that_cannot_be_made_is_named(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    confined: Path,
    out: str,
) -> None:
    (confined / "taken").write_text("a file, not a folder")
    monkeypatch.setattr(
        "warmnote.commands.eval.model_loader", lambda models, settings, guardrails: None
    )
    outcome = invoke(capsys, monkeypatch, ["eval", "default", "--limit-cases", "1", "--out", out])
    assert_keeps_the_contract(outcome)
    assert outcome.err.startswith(f"warmnote: {out}: cannot create this folder: ")


def test_an_unexpected_exception_is_an_internal_error_not_a_rejection(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise ValueError("bug\nwith a second line")

    monkeypatch.setattr("warmnote.commands.model.run", broken)
    outcome = invoke(capsys, monkeypatch, ["model", "path"])
    assert outcome.code == cli.INTERNAL_ERROR not in (0, 1, 2)
    assert outcome.err == (
        "warmnote: internal error: ValueError: bug\\x0awith a second line; "
        "run with WARMNOTE_DEBUG=1 for the traceback\n"
    )
    monkeypatch.setenv("WARMNOTE_DEBUG", "1")
    debug = invoke(capsys, monkeypatch, ["model", "path"])
    assert debug.code == cli.INTERNAL_ERROR
    assert debug.err.startswith("Traceback") and debug.err.endswith(outcome.err)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "caf\udce9"], "warmnote: TEXT: not valid UTF-8 text\n"),
        (["check", "\ud800"], "warmnote: TEXT: not valid UTF-8 text\n"),
        (["check", "a\x00b"], "warmnote: TEXT: text cannot hold a NUL character\n"),
        (["history", "list", "--search", "\udcff"], "warmnote: --search: not valid UTF-8 text\n"),
        (["eval", "default", "--pack", "\udcff"], "warmnote: --pack: not valid UTF-8 text\n"),
        (
            ["check", "Hi", "--context", "a\x00b"],
            "warmnote: --context: a file name cannot hold a NUL character\n",
        ),
        (["nonsense\x1b[2J"], "warmnote: argument COMMAND: invalid choice: 'nonsense\\x1b[2J'"),
    ],
    ids=["undecodable", "lone-surrogate", "nul", "search", "pack", "nul-file", "escape"],
)
def test_arguments_that_are_not_text_are_named(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    outcome = invoke(capsys, monkeypatch, argv)
    assert_keeps_the_contract(outcome)
    assert outcome.code == 2
    assert outcome.err.startswith(message)


NO_SUCH_USER = "~no-such-user-here/x"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["eval", NO_SUCH_USER], "warmnote: SUITE: cannot expand", id="eval-suite"),
        pytest.param(
            ["eval", "default", "--model", NO_SUCH_USER],
            "warmnote: --model: cannot expand",
            id="eval-model",
        ),
        pytest.param(
            ["model", "verify", NO_SUCH_USER],
            "warmnote: model path: cannot expand",
            id="model-verify",
        ),
    ],
)
def test_a_path_under_an_unknown_users_home_is_named(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    test_arguments_that_are_not_text_are_named(capsys, monkeypatch, argv, message)


def test_undecoded_utf8_in_an_argument_is_read_as_utf8(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under an ASCII locale Python keeps the bytes of "é" as two surrogates; they are UTF-8."""
    as_ascii_locale_decodes = os.fsdecode("Tomás".encode())
    outcome = invoke(capsys, monkeypatch, ["check", "--json", "--", as_ascii_locale_decodes])
    assert outcome.code in (0, 1)
    assert json.loads(outcome.out)["length"] == len("Tomás")


def run_process(
    args: list[bytes], env: dict[str, str], stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


STRICT_LOCALES = {
    "utf8": {},
    "c-locale": {"LC_ALL": "C", "PYTHONUTF8": "0"},
    "ascii-output": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"},
}


@pytest.mark.parametrize("env", STRICT_LOCALES.values(), ids=STRICT_LOCALES.keys())
@pytest.mark.parametrize(
    ("args", "stdin", "stderr"),
    [
        pytest.param(
            [b"check", b"caf\xe9"], b"", b"warmnote: TEXT: not valid UTF-8 text\n", id="argument"
        ),
        pytest.param(
            [b"check", b"-"],
            b"caf\xff",
            b"warmnote: <stdin>: not UTF-8 text: byte 0xff on line 1\n",
            id="stdin",
        ),
        pytest.param(
            [b"check", b"--jsonl", b"-"],
            b'{"text": "Hi"}\n\xff\n',
            b"warmnote: <stdin>: not UTF-8 text: byte 0xff on line 2\n",
            id="jsonl-stdin",
        ),
        pytest.param(
            [b"history", b"list", b"--search", b"\xff"],
            b"",
            b"warmnote: --search: not valid UTF-8 text\n",
            id="search",
        ),
    ],
)
def test_bytes_that_are_not_utf8_are_one_line_in_any_locale(
    env: dict[str, str], args: list[bytes], stdin: bytes, stderr: bytes
) -> None:
    done = run_process(args, env, stdin)
    assert (done.returncode, done.stderr) == (2, stderr)


@pytest.mark.parametrize("env", STRICT_LOCALES.values(), ids=STRICT_LOCALES.keys())
def test_output_the_terminal_cannot_encode_never_crashes(env: dict[str, str]) -> None:
    with HistoryStore() as store:
        context = Context.model_validate({**CONTEXT, "recipient": {"name": "Tomás Ñúñez"}})
        verdict = Verdict(passed=True, length=14, limit=300, violations=[])
        store.save(context, "Hi Tomás, olá!", verdict)
    listed = run_process([b"history", b"list"], env)
    assert (listed.returncode, listed.stderr) == (0, b"")
    assert b"Tom" in listed.stdout
    missing = run_process([b"check", b"Hi", b"--context", "Tomás/ñ.json".encode()], env)
    assert missing.returncode == 2
    assert missing.stderr.startswith(b"warmnote: Tom") and missing.stderr.count(b"\n") == 1


@pytest.mark.parametrize("env", STRICT_LOCALES.values(), ids=STRICT_LOCALES.keys())
def test_a_file_name_that_is_not_utf8_is_still_a_file_name(
    env: dict[str, str], confined: Path
) -> None:
    """File names are bytes: only text arguments have to be UTF-8."""
    name = os.fsencode(confined) + b"/caf\xe9.json"
    Path(os.fsdecode(name)).write_text(json.dumps(CONTEXT), "utf-8")
    note = b"Hi Ana, I enjoyed your PyData Lisbon talk on backpressure. Shall we compare notes?"
    done = run_process([b"check", note, b"--context", name], env)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == b""
    missing = run_process([b"check", note, b"--context", name + b"x"], env)
    assert missing.returncode == 2
    assert missing.stderr.endswith(b".jsonx: file not found\n")
