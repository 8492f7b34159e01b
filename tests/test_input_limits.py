"""Input caps: every file or stream warmnote reads is bounded in size and in nesting.

A context, suite, settings or batch file is a few kilobytes; ``/dev/zero``, a FIFO fed forever,
JSON nested a thousand deep or a ``"\\ud800"`` escape must end in one line naming the file,
never in a MemoryError, a RecursionError or a crash later on.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warmnote import cli, locations
from warmnote.errors import InputError
from warmnote.files import (
    MAX_INPUT_BYTES,
    MAX_NESTING,
    SURROGATE_RE,
    expand_user,
    parse_json,
    parse_toml,
    read_data,
    read_text_bounded,
)

DEEP = MAX_NESTING + 1


def nested_json(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


def written(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    at_cap = written(tmp_path, "at.json", b"x" * 100)
    assert read_text_bounded(at_cap, limit=100) == "x" * 100
    over = written(tmp_path, "over.json", b"x" * 101)
    with pytest.raises(InputError) as caught:
        read_text_bounded(over, limit=100)
    assert str(caught.value) == f"{over}: larger than 100 bytes, the most warmnote reads"


def test_the_default_cap_is_one_mebibyte() -> None:
    with pytest.raises(InputError, match=f"^/dev/zero: larger than {MAX_INPUT_BYTES} bytes"):
        read_text_bounded("/dev/zero")
    assert MAX_INPUT_BYTES == 1024 * 1024


def test_a_fifo_fed_forever_stops_at_the_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb", buffering=0) as out:
            while True:
                out.write(b" " * 4096)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(InputError, match="larger than 10000 bytes"):
        read_text_bounded(fifo, limit=10_000)
    writer.join()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"a": 1}\n\xff', "not UTF-8 text: byte 0xff on line 2"),
        (b"\xed\xa0\x80", "not UTF-8 text: byte 0xed on line 1"),  # an encoded surrogate
        (None, "cannot read: Is a directory"),
    ],
    ids=["bad-byte", "encoded-surrogate", "directory"],
)
def test_unreadable_files_are_named(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "input.json"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_text_bounded(path)
    assert str(caught.value) == f"{path}: {message}"


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = written(tmp_path, "bom.json", b'\xef\xbb\xbf{"a": 1}')
    assert read_data(path) == {"a": 1}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello", "hello"),
        (b"x" * 51, InputError("larger than 50 bytes, the most warmnote reads", file="<stdin>")),
        (b"caf\xe9", InputError("not UTF-8 text: byte 0xe9 on line 1", file="<stdin>")),
    ],
    ids=["text", "too-large", "not-utf8"],
)
def test_standard_input_is_bounded_and_decoded_as_utf8(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: str | InputError
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    if isinstance(expected, str):
        assert read_text_bounded("-", limit=50) == expected
    else:
        with pytest.raises(InputError) as caught:
            read_text_bounded("-", limit=50)
        assert str(caught.value) == str(expected)


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        (nested_json(DEEP), ".json"),
        ('{"a": ' * DEEP + "1" + "}" * DEEP, ".json"),
        (nested_json(1000), ".json"),
        (nested_json(100_000), ".json"),
        ("a = " + nested_json(DEEP), ".toml"),
        ("a = " + nested_json(1000), ".toml"),
        ("a = " + "{b = " * DEEP + "1" + "}" * DEEP, ".toml"),
        (".".join(["a"] * (DEEP + 1)) + " = 1", ".toml"),
        ("[" + ".".join(["a"] * DEEP) + "]\nb = 1", ".toml"),
        ("a" + ".a" * 5000 + " = 1", ".toml"),
    ],
    ids=[
        "json-arrays",
        "json-objects",
        "json-1000",
        "json-100000",
        "toml-arrays",
        "toml-1000",
        "toml-inline-tables",
        "toml-dotted-key",
        "toml-table-header",
        "toml-dotted-5000",
    ],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str, suffix: str) -> None:
    path = written(tmp_path, f"deep{suffix}", text)
    with pytest.raises(InputError) as caught:
        read_data(path)
    assert str(caught.value) == f"{path}: nested deeper than {MAX_NESTING} levels"


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        (nested_json(MAX_NESTING), ".json"),
        ("a = " + nested_json(MAX_NESTING - 1), ".toml"),
        (".".join(["a"] * MAX_NESTING) + " = 1", ".toml"),
    ],
    ids=["json", "toml-arrays", "toml-dotted-key"],
)
def test_nesting_up_to_the_cap_is_read(tmp_path: Path, text: str, suffix: str) -> None:
    read_data(written(tmp_path, f"ok{suffix}", text))


@pytest.mark.parametrize(
    ("text", "field", "surrogate"),
    [
        ('{"scenario": "x\\ud800"}', "scenario", "\\ud800"),
        ('{"recipient": {"skills": ["ok", "\\udfff"]}}', "recipient.skills[1]", "\\udfff"),
        ('{"a\\udc80b": 1}', "a\\udc80b", "\\udc80"),
        ('["\\ude00\\ud83d"]', "[0]", "\\ude00"),
    ],
    ids=["value", "list-item", "key", "reversed-pair"],
)
def test_lone_surrogates_are_refused_naming_the_field(
    tmp_path: Path, text: str, field: str, surrogate: str
) -> None:
    path = written(tmp_path, "s.json", text)
    with pytest.raises(InputError) as caught:
        read_data(path)
    assert str(caught.value) == f"{path}: {field}: lone surrogate {surrogate} is not text"


def test_a_surrogate_pair_escape_is_an_ordinary_character() -> None:
    assert parse_json('{"note": "hi \\ud83d\\ude00"}', file="x.json") == {"note": "hi 😀"}


def test_a_json_lines_line_names_the_line_and_only_the_column() -> None:
    with pytest.raises(InputError) as caught:
        parse_json('{"a": "\\ud800"}', file="b.jsonl", field="line 3")
    assert str(caught.value) == "b.jsonl: line 3: a: lone surrogate \\ud800 is not text"
    with pytest.raises(InputError) as caught:
        parse_json("{oops", file="b.jsonl", field="line 4")
    assert str(caught.value).startswith("b.jsonl: line 4: invalid JSON at column 2: ")


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [
        ('{"max_chars": 1' + "0" * 5000 + "}", ".json", "invalid JSON: a number has too many"),
        ("max_chars = 1" + "0" * 5000, ".toml", "invalid TOML: a number has too many digits"),
        ('a = "\\ud800"', ".toml", "invalid TOML: "),
    ],
    ids=["json-digits", "toml-digits", "toml-surrogate-escape"],
)
def test_what_parsers_raise_besides_syntax_errors_is_one_line(
    tmp_path: Path, text: str, suffix: str, message: str
) -> None:
    path = written(tmp_path, f"f{suffix}", text)
    with pytest.raises(InputError) as caught:
        read_data(path)
    assert str(caught.value).startswith(f"{path}: {message}")


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
JSON_TREES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=30,
)


def depth(value: Any) -> int:
    """Containers inside each other: 0 for a scalar, 1 for ``[]``."""
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(value=JSON_TREES)
def test_any_shallow_json_reads_back_unchanged(value: Any) -> None:
    assert depth(value) <= MAX_NESTING
    assert parse_json(json.dumps(value), file="x.json") == value


@settings(max_examples=50, deadline=None, derandomize=True, database=None)
@given(levels=st.lists(st.booleans(), min_size=DEEP, max_size=400), leaf=JSON_LEAVES)
def test_any_nesting_over_the_cap_is_refused(levels: list[bool], leaf: Any) -> None:
    value = leaf
    for as_list in levels:
        value = [value] if as_list else {"k": value}
    with pytest.raises(InputError, match="nested deeper than"):
        parse_json(json.dumps(value), file="x.json")
    tables = "".join("[" if as_list else "{k = " for as_list in levels)
    closing = "".join("]" if as_list else "}" for as_list in reversed(levels))
    with pytest.raises(InputError, match="nested deeper than"):
        parse_toml(f"a = {tables}1{closing}", file="x.toml")


ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=6)  # surrogates included
TREES_WITH_SURROGATES = st.recursive(
    st.integers() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=10,
)


def strings(value: Any) -> list[str]:
    """Every string in a parsed value, keys included."""
    if isinstance(value, dict):
        return [*value, *(s for item in value.values() for s in strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(value=TREES_WITH_SURROGATES, ascii_only=st.booleans())
def test_parsed_json_never_holds_a_lone_surrogate(value: Any, ascii_only: bool) -> None:
    """Escaped or raw, a lone surrogate is refused; the quick pre-check never lets one by."""
    try:
        parsed = parse_json(json.dumps(value, ensure_ascii=ascii_only), file="x.json")
    except InputError as error:
        assert "lone surrogate" in str(error)
        assert any(SURROGATE_RE.search(s) for s in strings(value))
    else:
        assert not any(SURROGATE_RE.search(s) for s in strings(parsed))


def test_an_unknown_user_in_a_path_is_named() -> None:
    with pytest.raises(InputError) as caught:
        expand_user(Path("~no-such-user-here/m.gguf"), field="--model")
    assert str(caught.value) == "--model: cannot expand ~no-such-user-here: no such user"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "Hi", "--context", "/dev/zero"], "/dev/zero: larger than 1048576 bytes"),
        (["draft", "--context", "/dev/zero"], "/dev/zero: larger than 1048576 bytes"),
        (["check", "Hi", "--context", "{deep}"], "{deep}: nested deeper than 64 levels"),
        (["check", "Hi", "--context", "{lone}"], "{lone}: recipient.name: lone surrogate"),
        (["eval", "{deep}"], "{deep}: nested deeper than 64 levels"),
        (["packs", "validate", "{deep}"], "{deep}: nested deeper than 64 levels"),
        (["eval", "~no-such-user-here/s.toml"], "SUITE: cannot expand ~no-such-user-here"),
        (["draft", "--context", "{ok}", "--model", "~no-such-user-here/m"], "--model: cannot"),
    ],
    ids=[
        "check-zero",
        "draft-zero",
        "check-deep",
        "check-surrogate",
        "eval-deep",
        "packs-deep",
        "eval-user",
        "draft-user",
    ],
)
def test_capped_inputs_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    files = {
        "deep": written(tmp_path, "deep.json", nested_json(1000)),
        "lone": written(tmp_path, "lone.json", '{"recipient": {"name": "\\udc00"}}'),
        "ok": Path(__file__).parents[1] / "examples" / "event_followup.json",
    }
    argv = [arg.format(**files) for arg in argv]
    code, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(f"warmnote: {message.format(**files)}")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("threads = " + nested_json(1000), "nested deeper than 64 levels"),
        ("x" * (MAX_INPUT_BYTES + 1), "larger than 1048576 bytes"),
        ('model_path = "~no-such-user-here/m.gguf"', "model_path: cannot expand"),
    ],
    ids=["deep", "large", "unknown-user"],
)
def test_a_bad_settings_file_is_one_line(
    capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config, encoding="utf-8")
    code, err = run(capsys, "model", "verify")
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_an_unknown_user_in_warmnote_model_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARMNOTE_MODEL", "~no-such-user-here/m.gguf")
    example = Path(__file__).parents[1] / "examples" / "event_followup.json"
    code, err = run(capsys, "draft", "--context", str(example))
    assert code == 2
    assert err == "warmnote: WARMNOTE_MODEL: cannot expand ~no-such-user-here: no such user\n"
