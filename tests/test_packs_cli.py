"""``warmnote packs list|show|validate`` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from warmnote import locations

BUILTIN_PACKS = [
    "alumni",
    "content_engagement",
    "event_followup",
    "former_colleague",
    "friend_to_professional",
    "job_seeker",
    "mutual_connection",
    "recruiter_outreach",
    "sales_prospect",
    "strategic",
]


def warmnote(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "packs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def builtin_path(name: str) -> Path:
    return locations.builtin_dir("prompts") / f"{name}.toml"


def user_pack(name: str, text: str) -> Path:
    folder = locations.user_prompts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("warmnote: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_list_shows_every_pack_with_its_prompt_size() -> None:
    result = warmnote("list")

    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:5] == ["NAME", "VERSION", "SOURCE", "TOKENS", "DESCRIPTION"]
    assert [row.split()[0] for row in rows] == BUILTIN_PACKS
    for row in rows:
        _, version, source, tokens, *_ = row.split()
        assert version == "1.0.0"
        assert source == "builtin"
        assert 100 < int(tokens) < 1000


def test_list_marks_a_user_override() -> None:
    text = builtin_path("alumni").read_text(encoding="utf-8")
    user_pack("alumni", text.replace('version = "1.0.0"', 'version = "2.0.0"'))

    result = warmnote("list")

    (row,) = [row for row in result.stdout.splitlines() if row.startswith("alumni ")]
    assert row.split()[1:3] == ["2.0.0", "user"]


def test_show_prints_settings_sizes_variables_and_the_rendered_prompt() -> None:
    result = warmnote("show", "alumni")

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("alumni 1.0.0  (builtin: ")
    assert "requires:  recipient.schools" in out
    assert "sampling:  temperature=0.7, max_tokens=100" in out
    assert "prompt tokens for the first example: system " in out
    for variable in ("$first_name", "$recipient_about", "$max_chars", "$how_we_met"):
        assert variable in out
    assert out.count("--- system ---") == 1
    assert out.count("--- assistant ---") == 2
    assert "<<<PROFILE" in out and "PROFILE>>>" in out


def test_unknown_pack_lists_the_packs_that_exist() -> None:
    result = warmnote("show", "cold_call")

    assert_one_line_error(result, "unknown pack 'cold_call'", ", ".join(BUILTIN_PACKS))


def test_validate_without_files_checks_builtin_and_user_packs() -> None:
    path = user_pack("tiny", builtin_path("alumni").read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace('"alumni"', '"tiny"'), "utf-8")

    result = warmnote("validate")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[: len(BUILTIN_PACKS)] == [
        f"ok  {name}  ({builtin_path(name)})" for name in BUILTIN_PACKS
    ]
    assert lines[len(BUILTIN_PACKS) :] == [f"ok  tiny  ({path})"]


def test_validate_reports_one_line_per_bad_file(tmp_path: Path) -> None:
    good = builtin_path("strategic")
    extra = tmp_path / "strategic.toml"
    extra.write_text('mood = "sunny"\n' + good.read_text(encoding="utf-8"), encoding="utf-8")
    malformed = tmp_path / "broken.toml"
    malformed.write_text('name = "broken"\nsystem = """never closed\n', encoding="utf-8")

    result = warmnote("validate", good, extra, malformed)

    assert result.returncode == 2
    assert result.stdout.splitlines() == [f"ok  strategic  ({good})"]
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0] == f"warmnote: {extra}: mood: unknown field"
    assert errors[1].startswith(f"warmnote: {malformed}: invalid TOML")


def test_a_broken_user_pack_is_named_by_list_and_validate() -> None:
    path = user_pack("alumni", 'name = "alumni"\n')

    listed = warmnote("list")
    validated = warmnote("validate")

    assert_one_line_error(listed, str(path), "description: required field is missing")
    assert validated.returncode == 2
    assert validated.stderr.splitlines() == [
        f"warmnote: {path}: description: required field is missing"
    ]
    assert len(validated.stdout.splitlines()) == len(BUILTIN_PACKS)


def test_packs_needs_an_action() -> None:
    result = warmnote()

    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr
