"""The guardrail engine: runs the enabled rules over a note and returns a verdict."""

from __future__ import annotations

from pathlib import Path

from warmnote.context import Context
from warmnote.guardrails.addressing import AddressingRule
from warmnote.guardrails.base import Rule
from warmnote.guardrails.claims import (
    ConnectedAlreadyRule,
    EarlierContactRule,
    FirstMeetingRule,
    HeardNewsRule,
    IntentionDoneRule,
    IntermediaryRule,
    MetBeforeRule,
    NeverMetRule,
    ReaderPostRule,
    RecipientSaidRule,
    RelayedRule,
    StudiedTogetherRule,
    WorkedTogetherRule,
)
from warmnote.guardrails.config import GuardrailsConfig, RuleConfig, load_config
from warmnote.guardrails.facts import GroundingRule, PersonalizationRule
from warmnote.guardrails.fluency import FluencyRule
from warmnote.guardrails.links import LinksRule
from warmnote.guardrails.note import ContextCache, Note, Vocab, stem
from warmnote.guardrails.people import People
from warmnote.guardrails.phrasing import (
    BoilerplateRule,
    NotesToSelfRule,
    ReasonKeptRule,
    ReasonRule,
)
from warmnote.guardrails.repeats import RepeatsRule
from warmnote.guardrails.roles import RolesRule
from warmnote.guardrails.surface import (
    FillerRule,
    FormatRule,
    LengthRule,
    PlaceholderRule,
    PushyRule,
)
from warmnote.guardrails.verdict import Severity, Verdict, Violation
from warmnote.text import fold_key, utf16_len


def _build_rules(config: GuardrailsConfig, vocab: Vocab) -> list[tuple[Rule, Severity]]:
    """The enabled rules, in the order their violations are reported."""
    r, stop, nouns = config.rules, vocab.stopwords, vocab.person_nouns
    ordinary = stop | {fold_key(w) for w in r.grounding.sentence_words}
    people = People(ordinary, frozenset(fold_key(t).rstrip(".") for t in r.addressing.titles))
    rules: list[tuple[Rule, RuleConfig]] = [
        (LengthRule(r.length), r.length),
        (ReasonRule(r.reason, stop), r.reason),
        (ReasonKeptRule(r.reason_kept, stop), r.reason_kept),
        (NotesToSelfRule(r.notes_to_self, stop), r.notes_to_self),
        (BoilerplateRule(r.boilerplate), r.boilerplate),
        (PersonalizationRule(stop), r.personalization),
        (GroundingRule(r.grounding, stop), r.grounding),
        (MetBeforeRule(r.met_before), r.met_before),
        (WorkedTogetherRule(r.worked_together), r.worked_together),
        (StudiedTogetherRule(r.studied_together), r.studied_together),
        (EarlierContactRule(r.earlier_contact), r.earlier_contact),
        (FirstMeetingRule(r.first_meeting), r.first_meeting),
        (NeverMetRule(r.never_met), r.never_met),
        (ConnectedAlreadyRule(r.connected_already), r.connected_already),
        (ReaderPostRule(r.reader_post), r.reader_post),
        (HeardNewsRule(r.heard_news), r.heard_news),
        (IntermediaryRule(r.intermediary, people, nouns), r.intermediary),
        (RelayedRule(r.relayed, people, nouns), r.relayed),
        (RecipientSaidRule(r.recipient_said, stop), r.recipient_said),
        (IntentionDoneRule(r.intention_done, stop), r.intention_done),
        (AddressingRule(r.addressing, people, nouns), r.addressing),
        (RolesRule(r.roles, stop), r.roles),
        (PlaceholderRule(r.placeholder), r.placeholder),
        (LinksRule(r.links, stop), r.links),
        (FormatRule(r.format), r.format),
        (PushyRule(r.pushy), r.pushy),
        (FillerRule(r.filler), r.filler),
        (FluencyRule(r.fluency, stop), r.fluency),
        (RepeatsRule(r.repeats, stop), r.repeats),
    ]
    return [(rule, settings.severity) for rule, settings in rules if settings.enabled]


class Guardrails:
    """Deterministic checks of a note, optionally against the context it was written from.

    What a rule needs from a context is derived once per context object and kept for the most
    recent contexts, so don't change a context in place between checks: pass a new one.
    """

    def __init__(self, config: GuardrailsConfig) -> None:
        self.config = config
        vocab = Vocab(
            stopwords=frozenset(fold_key(w) for w in config.vocabulary.stopwords),
            generic=frozenset(
                stem(fold_key(w)) for w in config.rules.personalization.generic_words
            ),
            person_nouns=frozenset(fold_key(w) for w in config.vocabulary.person_nouns),
        )
        self._rules = _build_rules(config, vocab)
        self._format = FormatRule(config.rules.format)
        self._contexts = ContextCache(vocab)

    @classmethod
    def load(cls, user_dir: Path | None = None) -> Guardrails:
        """Built-in rules with the user's rule files (default: the config directory) over them."""
        return cls(load_config(user_dir))

    def limit_for(self, context: Context | None = None, limit: int | None = None) -> int:
        """The character limit: explicit, else the context's, else the configured default."""
        if limit is not None:
            return limit
        if context is not None:
            return context.max_chars
        return self.config.rules.length.default_limit

    def clutter(self, text: str, context: Context | None = None) -> list[tuple[str, int, int]]:
        """(kind, start, end) of the letter furniture the format rule finds: what clean-up cuts."""
        note = Note(text, self.limit_for(context))
        ctx = self._contexts.get(context) if context is not None else None
        return self._format.clutter(note, ctx)

    def check(self, text: str, context: Context | None = None, limit: int | None = None) -> Verdict:
        """The verdict on ``text``; never raises, whatever the string."""
        note = Note(text, self.limit_for(context, limit))
        ctx = self._contexts.get(context) if context is not None else None
        # Validating constructors: with pydantic-core they are faster than model_construct.
        violations = [
            Violation(
                rule=rule.id,
                severity=severity,
                message=finding.message,
                start=finding.start,
                end=finding.end,
            )
            for rule, severity in self._rules
            for finding in rule.check(note, ctx)
        ]
        return Verdict(
            passed=not any(v.severity is Severity.ERROR for v in violations),
            length=utf16_len(note.trimmed),
            limit=note.limit,
            violations=violations,
        )
