"""Rule files: the built-in ones, the user's overrides, and errors that name the file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from warmnote import locations
from warmnote.errors import InputError
from warmnote.guardrails import Guardrails, Severity
from warmnote.guardrails.config import GuardrailsConfig, load_config

RULE_IDS = [
    "length", "reason", "reason_kept", "notes_to_self", "boilerplate", "personalization",
    "grounding", "met_before", "worked_together", "studied_together", "earlier_contact",
    "first_meeting", "never_met", "connected_already", "reader_post", "heard_news", "intermediary",
    "relayed", "recipient_said", "intention_done", "addressing", "roles", "placeholder", "links",
    "format", "pushy", "filler", "fluency", "repeats",
]  # fmt: skip
PUSHY = "Hi Priya, I'd love to hear how you run feature stores. Can we book a demo this week?"


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


WARNINGS = {"reason_kept", "repeats"}
"""Built-in rules that warn: a note they find still passes."""


def test_builtin_rules_are_all_enabled_errors_but_the_warnings_in_report_order() -> None:
    config = load_config()
    fields = type(config.rules).model_fields
    assert [name for name, field in fields.items() if not field.exclude] == RULE_IDS
    for rule_id in RULE_IDS:
        rule = getattr(config.rules, rule_id)
        assert rule.enabled, rule_id
        expected = Severity.WARNING if rule_id in WARNINGS else Severity.ERROR
        assert rule.severity is expected, rule_id


def test_linkedin_default_text_comes_first_in_the_boilerplate_list() -> None:
    builtin = locations.builtin_dir("guardrails") / "boilerplate.toml"
    phrases = tomllib.loads(builtin.read_text("utf-8"))["rules"]["boilerplate"]["phrases"]
    assert phrases[0] == "I'd like to add you to my professional network on LinkedIn."


@pytest.mark.parametrize(
    ("name", "text", "field", "message"),
    [
        ("rules.toml", "[rules.pushy\nseverity = 1", None, "invalid TOML"),
        ("rules.toml", "[rules.pushy]\ncolour = 'red'", "rules.pushy.colour", "unknown field"),
        (
            "rules.toml",
            "[rules.pushy]\nseverity = 'fatal'",
            "rules.pushy.severity",
            "Input should be 'error' or 'warning'",
        ),
        ("rules.toml", "[rules.spelling]\nenabled = true", "rules.spelling", "unknown field"),
        (
            "rules.toml",
            "[rules.length]\nmin_chars = 'forty'",
            "rules.length.min_chars",
            "Input should be a valid integer",
        ),
        (
            "mine.toml",
            "[rules.links]\nenabled = 'yes'",
            "rules.links.enabled",
            "Input should be a valid boolean",
        ),
        (
            "boilerplate.toml",
            "[rules.boilerplate]\nphrases = ['fine', '']",
            "rules.boilerplate.phrases[1]",
            "at least 1 character",
        ),
        (
            "rules.toml",
            "[rules.boilerplate]\nscore_cutoff = 120",
            "rules.boilerplate.score_cutoff",
            "less than or equal to 100",
        ),
        ("words.toml", "stopwords = ['a']", "stopwords", "unknown field"),
        (
            "phrases.toml",
            "[rules.placeholder]\nfields = ['name', '']",
            "rules.placeholder.fields[1]",
            "at least 1 character",
        ),
        (
            "phrases.toml",
            "[rules.relationship]\nextra_phrases = ['we go way back']",
            "rules.relationship",
            "split into claim rules: put its phrases in [rules.met_before]",
        ),
        (
            "claims.toml",
            "[rules.met_before]\nfamiliarity = ['stranger', 'bestie']",
            "rules.met_before.familiarity[1]",
            "Input should be 'stranger'",
        ),
        (
            "claims.toml",
            "[rules.intermediary]\nsupport_fields = ['headline']",
            "rules.intermediary.support_fields[0]",
            "Input should be 'how_we_met', 'where', 'when' or 'reason'",
        ),
        (
            "addressing.toml",
            "[rules.addressing]\nhonorifics = ['Dr']",
            "rules.addressing.honorifics",
            "unknown field",
        ),
    ],
    ids=[
        "bad-toml", "unknown-key", "bad-severity", "unknown-rule", "wrong-type", "string-for-bool",
        "empty-phrase", "score-out-of-range", "key-outside-its-table", "empty-field-name",
        "retired-relationship-rule", "unknown-familiarity", "unknown-support-field",
        "unknown-addressing-key",
    ],
)  # fmt: skip
def test_a_broken_user_file_names_the_file_and_key(
    tmp_path: Path, name: str, text: str, field: str | None, message: str
) -> None:
    path = write(tmp_path / "guardrails", name, text)
    with pytest.raises(InputError) as error:
        Guardrails.load(user_dir=tmp_path / "guardrails")
    assert error.value.file == str(path)
    assert error.value.field == field
    assert message in str(error.value)
    assert str(error.value).startswith(f"{path}: ")


def test_user_files_come_from_the_config_directory_by_default() -> None:
    write(locations.user_guardrails_dir(), "rules.toml", "[rules.pushy]\nenabled = false")
    assert not Guardrails.load().config.rules.pushy.enabled


def test_a_missing_user_directory_means_the_builtins() -> None:
    assert not locations.user_guardrails_dir().exists()
    assert Guardrails.load().config == load_config(user_dir=Path("/nonexistent/warmnote"))


def test_disabling_a_rule(tmp_path: Path) -> None:
    assert not Guardrails.load(user_dir=tmp_path).check(PUSHY).passed
    write(tmp_path, "rules.toml", "[rules.pushy]\nenabled = false")
    assert Guardrails.load(user_dir=tmp_path).check(PUSHY).passed


def test_changing_a_severity_keeps_the_rest_of_the_rule(tmp_path: Path) -> None:
    write(tmp_path, "rules.toml", "[rules.pushy]\nseverity = 'warning'")
    guardrails = Guardrails.load(user_dir=tmp_path)
    verdict = guardrails.check(PUSHY)
    assert verdict.passed
    assert [(v.rule, v.severity) for v in verdict.violations] == [("pushy", Severity.WARNING)]
    assert guardrails.config.rules.pushy.phrases == load_config().rules.pushy.phrases


def test_adding_a_boilerplate_phrase(tmp_path: Path) -> None:
    note = "Hi Priya, synergy is my middle name. I'd love to hear how you run feature stores."
    assert Guardrails.load(user_dir=tmp_path).check(note).passed
    write(
        tmp_path,
        "boilerplate.toml",
        "[rules.boilerplate]\nextra_phrases = ['synergy is my middle name']",
    )
    guardrails = Guardrails.load(user_dir=tmp_path)
    assert "boilerplate" in {v.rule for v in guardrails.check(note).errors}
    builtin = load_config().rules.boilerplate.phrases
    assert guardrails.config.rules.boilerplate.phrases == builtin  # extra_phrases adds


def test_a_phrase_list_in_a_user_file_replaces_the_builtin_one(tmp_path: Path) -> None:
    write(tmp_path, "boilerplate.toml", "[rules.boilerplate]\nphrases = ['synergy']")
    guardrails = Guardrails.load(user_dir=tmp_path)
    assert guardrails.config.rules.boilerplate.phrases == ["synergy"]
    assert "boilerplate" not in {
        v.rule for v in guardrails.check("I'd like to add you to my professional network.").errors
    }


def test_a_parameter_override(tmp_path: Path) -> None:
    write(tmp_path, "rules.toml", "[rules.length]\nmin_chars = 5\ndefault_limit = 200")
    verdict = Guardrails.load(user_dir=tmp_path).check("Hi Priya, let's hear how!")
    assert verdict.limit == 200
    assert "length" not in {v.rule for v in verdict.errors}


def test_other_files_in_the_user_directory_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "not a rule file [")
    assert Guardrails.load(user_dir=tmp_path).config == load_config()


def test_every_builtin_file_is_valid_on_its_own() -> None:
    for path in sorted(locations.builtin_dir("guardrails").glob("*.toml")):
        GuardrailsConfig.model_validate(tomllib.loads(path.read_text("utf-8")))
