"""The rule configuration: built-in ``guardrails/*.toml`` with the user's files merged over them.

Files are merged in order: the built-in files (alphabetical), then the user's (alphabetical).
Tables merge key by key; any other value (number, string, list) replaces the earlier one, so a
user's ``phrases`` list replaces the built-in list while ``extra_phrases`` adds to it. Each file
is validated on its own first, so an error names the file and the key that is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from warmnote import locations
from warmnote.errors import InputError
from warmnote.files import read_data, validate
from warmnote.guardrails.verdict import Severity

Phrase = Annotated[str, Field(min_length=1)]
Score = Annotated[float, Field(strict=True, ge=0, le=100)]
Count = Annotated[int, Field(strict=True, ge=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleConfig(_Strict):
    enabled: Annotated[bool, Field(strict=True)] = True
    severity: Severity = Severity.ERROR


class PhraseRuleConfig(RuleConfig):
    phrases: list[Phrase] = Field(default_factory=list)
    extra_phrases: list[Phrase] = Field(default_factory=list)

    @property
    def all_phrases(self) -> list[str]:
        return [*self.phrases, *self.extra_phrases]


class LengthConfig(RuleConfig):
    default_limit: Annotated[int, Field(strict=True, ge=1)] = 300
    min_chars: Count = 40


class ReasonConfig(PhraseRuleConfig):
    lead_ins: list[Phrase] = Field(default_factory=list)
    empty_objects: list[Phrase] = Field(default_factory=list)
    min_overlap: Annotated[int, Field(strict=True, ge=1)] = 2


class BoilerplateConfig(PhraseRuleConfig):
    score_cutoff: Score = 87
    min_shared_words: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.5


class PersonalizationConfig(RuleConfig):
    generic_words: list[Phrase] = Field(default_factory=list)


class GroundingConfig(RuleConfig):
    allow: list[Phrase] = Field(default_factory=list)
    sentence_words: list[Phrase] = Field(default_factory=list)
    fuzzy_cutoff: Score = 88
    fuzzy_min_length: Count = 6
    uncased_max_length: Count = 6


class PlaceholderConfig(PhraseRuleConfig):
    fields: list[Phrase] = Field(default_factory=list)


class LinksConfig(RuleConfig):
    tlds: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2,24}$")]] = Field(default_factory=list)
    allow: list[Phrase] = Field(default_factory=list)
    domain_words: list[Phrase] = Field(default_factory=list)
    phone_min_digits: Annotated[int, Field(strict=True, ge=5)] = 7


class FormatConfig(RuleConfig):
    sign_offs: list[Phrase] = Field(default_factory=list)
    formal_sign_offs: list[Phrase] = Field(default_factory=list)
    casual_sign_offs: list[Phrase] = Field(default_factory=list)
    chatter: list[Phrase] = Field(default_factory=list)


class PushyConfig(PhraseRuleConfig):
    acronyms: list[Phrase] = Field(default_factory=list)
    max_exclamations: Annotated[int, Field(strict=True, ge=1)] = 1


class Rules(_Strict):
    """One table per rule id; the order here is the order violations are reported in."""

    length: LengthConfig = Field(default_factory=LengthConfig)
    reason: ReasonConfig = Field(default_factory=ReasonConfig)
    boilerplate: BoilerplateConfig = Field(default_factory=BoilerplateConfig)
    personalization: PersonalizationConfig = Field(default_factory=PersonalizationConfig)
    grounding: GroundingConfig = Field(default_factory=GroundingConfig)
    relationship: PhraseRuleConfig = Field(default_factory=PhraseRuleConfig)
    placeholder: PlaceholderConfig = Field(default_factory=PlaceholderConfig)
    links: LinksConfig = Field(default_factory=LinksConfig)
    format: FormatConfig = Field(default_factory=FormatConfig)
    pushy: PushyConfig = Field(default_factory=PushyConfig)


class Vocabulary(_Strict):
    stopwords: list[Phrase] = Field(default_factory=list)


class GuardrailsConfig(_Strict):
    rules: Rules = Field(default_factory=Rules)
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` into a copy of ``base``: tables merge, other values replace."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def rule_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.toml")) if directory.is_dir() else []


def load_config(user_dir: Path | None = None) -> GuardrailsConfig:
    """The built-in rule files with the user's files (default: the config directory) over them."""
    builtin = locations.builtin_dir("guardrails")
    builtin_files = rule_files(builtin)
    if not builtin_files:
        raise InputError("no built-in rule files (*.toml) found", file=builtin)
    users = locations.user_guardrails_dir() if user_dir is None else user_dir
    merged: dict[str, Any] = {}
    for path in [*builtin_files, *rule_files(users)]:
        data = read_data(path)
        validate(GuardrailsConfig, data, file=path)
        merged = merge(merged, data)
    return validate(GuardrailsConfig, merged, file=users)
