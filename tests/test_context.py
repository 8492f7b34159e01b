"""The context schema: strict, with one-line errors naming the file and the field."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from warmnote.context import Context, Familiarity, load_context
from warmnote.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def minimal() -> dict[str, Any]:
    return {
        "scenario": "alumni",
        "sender": {"name": "Ana Souza"},
        "recipient": {"name": "Ben Okafor"},
        "relationship": {"familiarity": "stranger"},
        "reason": "",
    }


def test_minimal_context_gets_defaults() -> None:
    context = Context.model_validate(minimal())
    assert context.max_chars == 300
    assert context.recipient.recent_posts == []
    assert context.relationship.familiarity is Familiarity.STRANGER
    assert not context.relationship.has_met


def test_text_is_composed_as_the_lists_of_names_know_it() -> None:
    """Pasted with its accents as separate marks, as some systems copy it: one form (NFC)."""
    raw = minimal()
    raw["recipient"] = {"name": unicodedata.normalize("NFD", "Nguyễn Thị Hằng"), "schools": []}
    raw["recipient"]["schools"] = [unicodedata.normalize("NFD", "Đại học Huế")]
    raw["reason"] = unicodedata.normalize("NFD", "hỏi về Huế")
    context = Context.model_validate(raw)
    assert context.recipient.name == "Nguyễn Thị Hằng"
    assert context.recipient.schools == ["Đại học Huế"]
    assert context.reason == "hỏi về Huế"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_bundled_examples_load(path: Path) -> None:
    assert load_context(path).recipient.name


@pytest.mark.parametrize(
    ("mutate", "field", "fragment"),
    [
        (lambda d: d.pop("scenario"), "scenario", "required field is missing"),
        (lambda d: d["recipient"].update(nickname="B"), "recipient.nickname", "unknown field"),
        (
            lambda d: d["relationship"].update(familiarity="bestie"),
            "relationship.familiarity",
            "Input should be",
        ),
        (lambda d: d.update(max_chars="lots"), "max_chars", "valid integer"),
        (lambda d: d["recipient"].update(skills="python"), "recipient.skills", "valid list"),
        (
            lambda d: d["recipient"].update(recent_posts=["ok", 3]),
            "recipient.recent_posts[1]",
            "valid string",
        ),
        (lambda d: d["sender"].update(name=""), "sender.name", "at least 1 character"),
    ],
    ids=["missing", "extra", "enum", "int", "list", "list-item", "empty-name"],
)
def test_invalid_context_names_file_and_field(
    tmp_path: Path, mutate: Any, field: str, fragment: str
) -> None:
    data = minimal()
    mutate(data)
    path = tmp_path / "ctx.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError) as caught:
        load_context(path)
    line = str(caught.value)
    assert line.startswith(f"{path}: {field}: ")
    assert fragment in line
    assert "\n" not in line


@pytest.mark.parametrize(
    ("content", "suffix", "fragment"),
    [
        ("{not json", ".json", "invalid JSON at line 1"),
        ("scenario = ", ".toml", "invalid TOML"),
        (b"\xff\xfe\x00", ".json", "not UTF-8"),
        ("[" * 1000, ".json", "nested deeper than 64 levels"),
        ("a = " + "{b = " * 1000, ".toml", "nested deeper than 64 levels"),
        ('{"scenario": "\\ud800"}', ".json", "scenario: lone surrogate \\\\ud800 is not text"),
        (b"\0" * ((1 << 20) + 1), ".json", "larger than 1048576 bytes"),
    ],
    ids=["json", "toml", "encoding", "json-deep", "toml-deep", "lone-surrogate", "too-large"],
)
def test_unparseable_files_name_the_file(
    tmp_path: Path, content: str | bytes, suffix: str, fragment: str
) -> None:
    path = tmp_path / f"ctx{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(InputError, match=fragment):
        load_context(path)


def test_missing_file_is_one_line_on_the_command_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    proc = subprocess.run(
        [sys.executable, "-m", "warmnote", "check", "Hi", "--context", str(missing)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"warmnote: {missing}: file not found"


@pytest.mark.parametrize(
    ("name", "familiarity", "greeting"),
    [
        ("Rumbidzai “Rumbi” Nyathi-Mpofu", "friend", "Rumbi"),  # a friend goes by the nickname
        ("Ma. Liwayway [Waying] Dimaano, CPA", "friend", "Waying"),
        ("Rumbidzai “Rumbi” Nyathi-Mpofu", "stranger", "Rumbidzai"),
        ("Rumbidzai “Rumbi” Nyathi-Mpofu", "former_colleague", "Rumbidzai"),
        ("Rumbidzai Nyathi-Mpofu", "friend", "Rumbidzai"),
        ('Jesús "Chuy" Villaseñor', "friend", "Chuy"),  # in quotes: what the owner goes by
        # in brackets only what shares letters with the given name: not a maiden name, a status
        # or a place (found in review)
        ("Anna Schmidt (Müller)", "friend", "Anna"),
        ("Ana Silva [Remote]", "friend", "Ana"),
        ("Tom Baker (Retired)", "friend", "Tom"),
    ],
)
def test_the_greeting_is_the_nickname_only_between_friends(
    name: str, familiarity: str, greeting: str
) -> None:
    context = Context.model_validate(
        {
            "scenario": "friend_to_professional",
            "sender": {"name": "Chiedza Moyo"},
            "recipient": {"name": name},
            "relationship": {"familiarity": familiarity},
            "reason": "advice on a non-compete",
        }
    )
    assert context.greeting == greeting
