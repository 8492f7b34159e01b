"""The rule configuration: built-in ``guardrails/*.toml`` with the user's files merged over them.

Files are merged in order: the built-in files (alphabetical), then the user's (alphabetical).
Tables merge key by key; any other value (number, string, list) replaces the earlier one, so a
user's ``phrases`` list replaces the built-in list while ``extra_phrases`` adds to it. Each file
is validated on its own first, so an error names the file and the key that is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from warmnote import locations
from warmnote.context import Familiarity
from warmnote.errors import InputError
from warmnote.files import read_data, validate
from warmnote.guardrails.verdict import Severity
from warmnote.names import FAMILY_NAMES_FIRST

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


class ReasonKeptConfig(RuleConfig):
    severity: Severity = Severity.WARNING
    max_left_out: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.5
    min_left_out: Annotated[int, Field(strict=True, ge=1)] = 5
    max_reason_words: Annotated[int, Field(strict=True, ge=1)] = 20


class NotesToSelfConfig(RuleConfig):
    min_run: Annotated[int, Field(strict=True, ge=2, le=3)] = 3
    min_share: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.67
    may_say: list[Phrase] = Field(default_factory=list)


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
    contact_phrases: list[Phrase] = Field(default_factory=list)


class FormatConfig(RuleConfig):
    sign_offs: list[Phrase] = Field(default_factory=list)
    formal_sign_offs: list[Phrase] = Field(default_factory=list)
    casual_sign_offs: list[Phrase] = Field(default_factory=list)
    chatter: list[Phrase] = Field(default_factory=list)


SupportField = Literal["how_we_met", "where", "when", "reason"]


class ClaimConfig(PhraseRuleConfig):
    """A claim about shared history: the phrases that make it, and what in the context supports
    it (any of the familiarity levels, or a field that is set and, if ``support_words`` is not
    empty, says one of them)."""

    familiarity: list[Familiarity] = Field(default_factory=list)
    support_fields: list[SupportField] = Field(default_factory=list)
    support_words: list[Phrase] = Field(default_factory=list)


class StudiedTogetherConfig(ClaimConfig):
    """Also the grammar of a shared school ("we both studied at X", "fellow X alum"), which is no
    shared history and needs X among the recipient's schools instead."""

    school_after: list[Phrase] = Field(default_factory=list)
    school_lead_ins: list[Phrase] = Field(default_factory=list)
    school_nouns: list[Phrase] = Field(default_factory=list)
    school_generic_words: list[Phrase] = Field(default_factory=list)


class NeverMetConfig(ClaimConfig):
    """Never having met, supported like any claim, is still wrong when one of ``meeting_fields``
    says one of ``meeting_words`` (describes a meeting)."""

    meeting_fields: list[SupportField] = Field(default_factory=list)
    meeting_words: list[Phrase] = Field(default_factory=list)


class IntermediaryConfig(ClaimConfig):
    """``phrases`` have the person before them ("Marek suggested"), ``by_phrases`` after them
    ("referred by Marek"); the support must also name the same person."""

    by_phrases: list[Phrase] = Field(default_factory=list)


class RecipientSaidConfig(ClaimConfig):
    """``support_words`` count after "she", "he", "they" or the recipient's name; what the reader
    said in one of ``public_words`` (a post, a talk) needs no support."""

    public_words: list[Phrase] = Field(default_factory=list)


class IntentionDoneConfig(RuleConfig):
    """How the reason's verb is found (after ``lead_ins``, unless ignored) and reported done."""

    lead_ins: list[Phrase] = Field(default_factory=list)
    ignored_verbs: list[Phrase] = Field(default_factory=list)
    adverbs: list[Phrase] = Field(default_factory=list)


class AddressingConfig(RuleConfig):
    """Titles that go with a family name, and family names written first (where a title before
    either word of the name is accepted)."""

    titles: list[Phrase] = Field(default_factory=list)
    family_name_first: list[Phrase] = Field(
        default_factory=lambda: sorted(set().union(*FAMILY_NAMES_FIRST.values()))
    )


class RolesConfig(RuleConfig):
    """What tells a role ("analyst", "lead") from other nouns, and words that need no support."""

    # Nouns after "my"/"your" that belong to anyone ("my work", "your time"): never compared.
    generic_heads: list[Phrase] = Field(default_factory=list)
    # A noun ending so is a role ("engineer", "analyst", "technician"), unless in `not_roles`.
    role_suffixes: list[Phrase] = Field(default_factory=list)
    role_nouns: list[Phrase] = Field(default_factory=list)
    not_roles: list[Phrase] = Field(default_factory=list)
    # Words in "I'm a new ... lead" that the context need not say.
    free_modifiers: list[Phrase] = Field(default_factory=list)
    # Groups of words that describe the same role ("student" for an "MBA candidate").
    role_synonyms: list[list[Phrase]] = Field(default_factory=list)
    # Who is hiring: the writer in these scenarios or with a reason that says one of the
    # phrases; the reader (the writer seeks a job) likewise.
    hiring_scenarios: list[Phrase] = Field(default_factory=list)
    hiring_reasons: list[Phrase] = Field(default_factory=list)
    seeking_scenarios: list[Phrase] = Field(default_factory=list)
    seeking_reasons: list[Phrase] = Field(default_factory=list)
    # The writer asking for a job (wrong where the writer hires) and hiring (wrong where the
    # writer seeks one); "I'm interested in your/the ... <opening noun>" asks for a job too.
    seeker_phrases: list[Phrase] = Field(default_factory=list)
    hirer_phrases: list[Phrase] = Field(default_factory=list)
    opening_nouns: list[Phrase] = Field(default_factory=list)


def _relationship_was_split(value: object) -> None:
    raise ValueError(
        "the relationship rule was split into claim rules: put its phrases in "
        "[rules.met_before] or [rules.earlier_contact] (see the built-in claims.toml)"
    )


RetiredRule = Annotated[None, BeforeValidator(_relationship_was_split)]


class PushyConfig(PhraseRuleConfig):
    acronyms: list[Phrase] = Field(default_factory=list)
    max_exclamations: Annotated[int, Field(strict=True, ge=1)] = 1


class FillerConfig(PhraseRuleConfig):
    """A sentence that only finds something interesting: "It" and a form of "be", one of
    ``adjectives`` (or of ``warm_adjectives``, in a clause that names neither person), then
    "how" or "to" and one of ``verbs``; ``phrases`` are stock lines."""

    adjectives: list[Phrase] = Field(default_factory=list)
    warm_adjectives: list[Phrase] = Field(default_factory=list)
    verbs: list[Phrase] = Field(default_factory=list)


class RepeatsConfig(RuleConfig):
    """Two sentences say the same thing when they share at least ``min_words`` content words (by
    stem), at least ``min_share_of_shorter`` of the shorter one's, and the later one adds no more
    than half as much again as it repeats."""

    min_words: Annotated[int, Field(strict=True, ge=2)] = 3
    min_share_of_shorter: Annotated[float, Field(strict=True, gt=0, le=1)] = 0.5


class FluencyConfig(RuleConfig):
    """Settings of the fluency rule (``[rules.fluency]``)."""

    # A stretch of at least this many words taken verbatim from a context field is "pasted".
    min_pasted_words: Annotated[int, Field(strict=True, ge=3, le=12)] = 4
    # A sentence starting with the reason's verb is a copied reason when it shares at least this
    # many other content words with the reason (or repeats its first three words).
    min_reason_words: Annotated[int, Field(strict=True, ge=1)] = 2
    # Capitalised words that are right anywhere, compared ignoring case: titles and the like.
    # Names from the context and lemminflect's capitalised words ("Austin", "May") count anyway.
    proper_words: list[Phrase] = Field(
        default_factory=lambda: ["Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St"]
    )
    # Subjectless sentences people write, allowed even when they repeat the reason.
    set_phrases: list[Phrase] = Field(
        default_factory=lambda: [
            "stay in touch",
            "keep in touch",
            "keep up the great work",
            "keep up the good work",
            "keep it up",
            "talk soon",
            "speak soon",
            "take care",
        ]
    )
    # Words a person may write twice in a row ("that that", "had had").
    repeatable_words: list[Phrase] = Field(
        default_factory=lambda: ["that", "had", "ha", "haha", "bye", "very", "so", "no"]
    )
    # A sentence never ends on these (compared as written, in small letters).
    dangling_words: list[Phrase] = Field(
        default_factory=lambda: [
            "a",
            "an",
            "the",
            "my",
            "your",
            "our",
            "their",
            "and",
            "or",
            "but",
            "nor",
            "as",  # "I'd love to pitch it as." (held-out 50); before a full stop only
        ]
    )


class Rules(_Strict):
    """One table per rule id; the order here is the order violations are reported in."""

    length: LengthConfig = Field(default_factory=LengthConfig)
    reason: ReasonConfig = Field(default_factory=ReasonConfig)
    reason_kept: ReasonKeptConfig = Field(default_factory=ReasonKeptConfig)
    notes_to_self: NotesToSelfConfig = Field(default_factory=NotesToSelfConfig)
    boilerplate: BoilerplateConfig = Field(default_factory=BoilerplateConfig)
    personalization: PersonalizationConfig = Field(default_factory=PersonalizationConfig)
    grounding: GroundingConfig = Field(default_factory=GroundingConfig)
    met_before: ClaimConfig = Field(default_factory=ClaimConfig)
    worked_together: ClaimConfig = Field(default_factory=ClaimConfig)
    studied_together: StudiedTogetherConfig = Field(default_factory=StudiedTogetherConfig)
    earlier_contact: ClaimConfig = Field(default_factory=ClaimConfig)
    first_meeting: ClaimConfig = Field(default_factory=ClaimConfig)
    never_met: NeverMetConfig = Field(default_factory=NeverMetConfig)
    connected_already: ClaimConfig = Field(default_factory=ClaimConfig)
    reader_post: ClaimConfig = Field(default_factory=ClaimConfig)
    heard_news: ClaimConfig = Field(default_factory=ClaimConfig)
    intermediary: IntermediaryConfig = Field(default_factory=IntermediaryConfig)
    relayed: IntermediaryConfig = Field(default_factory=IntermediaryConfig)
    recipient_said: RecipientSaidConfig = Field(default_factory=RecipientSaidConfig)
    intention_done: IntentionDoneConfig = Field(default_factory=IntentionDoneConfig)
    addressing: AddressingConfig = Field(default_factory=AddressingConfig)
    roles: RolesConfig = Field(default_factory=RolesConfig)
    placeholder: PlaceholderConfig = Field(default_factory=PlaceholderConfig)
    links: LinksConfig = Field(default_factory=LinksConfig)
    format: FormatConfig = Field(default_factory=FormatConfig)
    pushy: PushyConfig = Field(default_factory=PushyConfig)
    filler: FillerConfig = Field(default_factory=FillerConfig)
    fluency: FluencyConfig = Field(default_factory=FluencyConfig)
    repeats: RepeatsConfig = Field(default_factory=RepeatsConfig)
    relationship: RetiredRule = Field(default=None, exclude=True)
    """Replaced by the claim rules above; a file that still has it gets an error saying so."""


class Vocabulary(_Strict):
    stopwords: list[Phrase] = Field(default_factory=list)
    """Words that carry no fact."""
    person_nouns: list[Phrase] = Field(default_factory=list)


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
