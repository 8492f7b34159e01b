"""Claims about shared history and third parties: each kind needs support in the context.

A small model writes "it's been a while" to a stranger, "Marek suggested we connect" when Marek
is only a mutual connection, or "I read the runbook you mentioned" when reading it is the plan.
Each rule here is one kind of claim (guardrails/claims.toml): the phrases that make it, and the
familiarity levels or context fields that support it. Without a context they don't run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import ClassVar, NamedTuple

from warmnote import perspective  # a module: perspective uses the guardrails' lexicon
from warmnote.context import Familiarity
from warmnote.guardrails.base import Finding, PhraseList, Rule
from warmnote.guardrails.config import (
    ClaimConfig,
    IntentionDoneConfig,
    IntermediaryConfig,
    NeverMetConfig,
    RecipientSaidConfig,
    StudiedTogetherConfig,
)
from warmnote.guardrails.lexicon import VerbForms, verb_forms
from warmnote.guardrails.note import WORD_RE, ContextFacts, Note, shorten, stem, words_of
from warmnote.guardrails.people import People, Word, sentence_at, sentence_words
from warmnote.text import fold_key, fold_text


class Support:
    """Whether a context supports a claim: a familiarity level, or a field that is set (and says
    one of the support words, when there are any). Worked out once per context."""

    def __init__(
        self,
        key: str,
        familiarity: Iterable[Familiarity],
        fields: Iterable[str],
        words: Iterable[str],
    ) -> None:
        self.key = f"support:{key}"
        self.familiarity = frozenset(familiarity)
        self.fields = tuple(dict.fromkeys(fields))
        words = list(words)
        self.words = PhraseList(words) if words else None

    @classmethod
    def of(cls, key: str, config: ClaimConfig) -> Support:
        return cls(key, config.familiarity, config.support_fields, config.support_words)

    def holds(self, ctx: ContextFacts) -> bool:
        found: bool | None = ctx.derived.get(self.key)
        if found is None:
            found = ctx.derived[self.key] = self._holds(ctx)
        return found

    def by_familiarity(self, ctx: ContextFacts) -> bool:
        return ctx.familiarity in self.familiarity

    def field(self, ctx: ContextFacts) -> str | None:
        """The first of the fields that supports the claim, if any: a message names it. A
        support word denied in its clause supports nothing: "tiina has said nothing of me to
        her, so no claiming an intro" supports no "Tiina suggested I get in touch" (held-out
        48), nor "we never worked together" a "when we worked together"."""
        for field in self.fields:
            if self.words is None:
                if ctx.field_text(field):
                    return field
                continue
            note = ctx.field_note(field)
            if (
                note is not None
                and self.words.found(note)
                and any(self._counts_at(note.text, at, ctx) for at, _ in self.words.spans(note))
            ):
                return field
        return None

    def _counts_at(self, text: str, at: int, ctx: ContextFacts) -> bool:
        """Whether the support word at ``at`` of a field's ``text`` supports the claim."""
        return not _denied_before(text, at)

    def _holds(self, ctx: ContextFacts) -> bool:
        return self.by_familiarity(ctx) or self.field(ctx) is not None


class ClaimRule(Rule):
    """A claim made by fixed phrases, allowed when the context supports it."""

    message: ClassVar[str]
    """Says what to remove and why; formatted with the quote, the name and the familiarity."""
    phrase_end: ClassVar[str] = ""
    """A regex the folded text must match right after a phrase for it to count."""
    support_kind: ClassVar[type[Support]] = Support

    def __init__(self, config: ClaimConfig) -> None:
        self.phrases = PhraseList(config.all_phrases, then=self.phrase_end)
        self.support = self.support_kind.of(self.id, config)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        # A plain function, not a generator: most notes leave at the first test, and a
        # generator object per rule and note is measurable on every keystroke.
        if ctx is None or self.phrases.words.isdisjoint(note.word_set):
            return ()
        text = note.folded.text
        spans = [s for s in self.phrases.folded_spans(note) if self.counts(text, *s)]
        if not spans or self.supported(ctx):
            return ()
        return [self.finding(note, ctx, *note.folded.span(start, end)) for start, end in spans]

    def supported(self, ctx: ContextFacts) -> bool:
        """Whether the context supports the claim."""
        return self.support.holds(ctx)

    def counts(self, folded: str, start: int, end: int) -> bool:
        """Whether the phrase found at ``start:end`` of the folded note makes the claim."""
        return True

    def finding(self, note: Note, ctx: ContextFacts, start: int, end: int) -> Finding:
        message = self.message.format(
            quote=note.quote(start, end), name=ctx.name, familiarity=ctx.familiarity.value
        )
        return Finding(message, start, end)


class MetBeforeRule(ClaimRule):
    """Having met or talked. "I haven't met you" says the opposite: that is `never_met`'s."""

    id = "met_before"
    message = (
        "Remove '{quote}': the context gives no earlier contact with {name} (familiarity: "
        "{familiarity}, no how_we_met or where), so don't claim you have met or talked."
    )

    def counts(self, folded: str, start: int, end: int) -> bool:
        return not _NEGATED_RE.search(folded, max(0, start - 32), start)


# "we haven't met", "I don't think we've met", "I'm not sure if we've met"
_NEGATED_RE = re.compile(
    r"(?:n't|(?<![^\W_])not|(?<![^\W_])never) (?:(?:yet|ever|really|actually|properly) )?"
    r"(?:(?:think|sure|believe|remember)(?: if| whether)? )?$"
)


class WorkedTogetherRule(ClaimRule):
    id = "worked_together"
    message = (
        "Remove '{quote}': the context doesn't say you worked with {name} (familiarity: "
        "{familiarity}), so don't claim shared work."
    )


class EarlierContactRule(ClaimRule):
    """Picking up an earlier relationship. "Reconnecting 3 tisza oxbows" reconnects things, not
    people: "reconnect" with an object of its own claims no history."""

    id = "earlier_contact"
    message = (
        "Remove '{quote}': the context gives no earlier relationship with {name} to pick up "
        "again (familiarity: {familiarity}); write it as a first contact."
    )

    def counts(self, folded: str, start: int, end: int) -> bool:
        return not (
            folded.startswith("reconnect", start) and _THING_AFTER_RE.match(folded, end) is not None
        )


_THING_AFTER_RE = re.compile(r"\s+(?:the|a|an|our|their|its|these|those|both|\d+)\b")
"""What follows "reconnect" when it takes a thing: "reconnecting 3 oxbows", "the channels"."""


class ConnectedAlreadyRule(ClaimRule):
    """Thanks for a connection the invitation only asks for. The phrase must end there (or go
    on "with me", "here"): "thanks for connecting the dots" thanks for something else, and "I'd
    appreciate the connection" asks for it."""

    id = "connected_already"
    message = (
        "Remove '{quote}': this note goes with the invitation, so {name} hasn't connected or "
        "accepted anything yet; thank them for something the context gives instead."
    )

    phrase_end = r"(?=\s*(?:$|[.,!?;:)\-–—]|with me\b|here\b|on linkedin\b|and\b|so\b|:\)))"

    def counts(self, folded: str, start: int, end: int) -> bool:
        return not _ASKING_RE.search(folded, max(0, start - 12), start)


_ASKING_RE = re.compile(r"(?:i'd|would|will|i'll)\s+(?:really\s+)?$")


class ReaderPostRule(ClaimRule):
    """ "I saw your post about…" when the context gives no post: a small model reaches for a
    post as its hook whatever the profile holds. Any post of theirs in the context supports it."""

    id = "reader_post"
    message = (
        "Remove '{quote}': the context shows no post, article or thread by {name}; use a fact "
        "the context gives instead."
    )
    phrase_end = r"(?!-)"  # "your post-doc", "your post-mortem"

    def supported(self, ctx: ContextFacts) -> bool:
        recipient = ctx.context.recipient
        profile = f"{recipient.headline or ''} {recipient.about or ''}"
        return (
            bool(recipient.recent_posts)
            or _WRITES_RE.search(profile) is not None
            or super().supported(ctx)
        )

    def counts(self, folded: str, start: int, end: int) -> bool:
        """ "I'd love to follow your posts" looks ahead, claiming none was read."""
        return not _FOLLOWING_RE.search(folded, max(0, start - 24), start)


_WRITES_RE = re.compile(r"(?i)\b(?:writ\w*|blog\w*|newsletter|columnist|author|posts?)\b")
"""A profile that says they write ("Writes about SaaS pricing") makes their posts a given."""
_FOLLOWING_RE = re.compile(r"(?:follow|following|to read|reading|keep up with) $")


class _NewsOfTheReader(Support):
    """News supports news of the reader only when it is not the writer's own: "I started a new
    job", "my son got the summer job" and "we're hiring" give no news of the reader, while "I
    heard she moved", "I saw the news of her promotion" and "I want to say congrats" do."""

    def _counts_at(self, text: str, at: int, ctx: ContextFacts) -> bool:
        return super()._counts_at(text, at, ctx) and not _writers_own(text, at, _reader_names(ctx))


def _reader_names(ctx: ContextFacts) -> frozenset[str]:
    """The reader's names, folded: "Osei" as well as "Nia"."""
    return frozenset(fold_text(ctx.context.recipient.name).split())


class HeardNewsRule(ClaimRule):
    """ "Great to hear you're in Belgium now", "sorry to hear about the controller": a small
    model reports news about the reader that it made up. The context supports it only when the
    reason, how you met or one of their posts gives news (a new role, a move, a launch, a
    loss). Looking ahead ("I'd be glad to hear your take"), seeing or hearing the reader ("great
    to see you at the gym", "great to hear you speak"), their work or view ("great to see your
    post") and good news of one's own ("good to hear we're both on it") are no such claim."""

    id = "heard_news"
    message = (
        "Remove '{quote}': the context gives no news about {name} (no new role, move, launch or "
        "loss in the reason, how you met or their posts), so don't report news you haven't heard."
    )

    support_kind = _NewsOfTheReader

    def supported(self, ctx: ContextFacts) -> bool:
        return super().supported(ctx) or self._in_posts(ctx)

    def _in_posts(self, ctx: ContextFacts) -> bool:
        key = f"{self.id}:posts"
        if key not in ctx.derived:
            posts, words = ctx.context.recipient.recent_posts, self.support.words
            found = bool(posts) and words is not None and words.found(Note(" ".join(posts), 0))
            ctx.derived[key] = found
        said: bool = ctx.derived[key]
        return said

    def counts(self, folded: str, start: int, end: int) -> bool:
        if folded.startswith("congrat", start):
            # "congratulations on the new role at FSA!" greets news; "congrats on leading design
            # at Lale Health" a fact their profile gives, "congrats on your new book" their work
            return (
                _NEW_THING_RE.match(folded, end) is not None
                and _THEIR_WORK_RE.match(folded, end) is None
            )
        if _LOOKING_AHEAD_RE.search(folded, max(0, start - 16), start):
            return False
        if folded.endswith("see", 0, end) and _WHAT_OR_HOW_RE.match(folded, end):
            return False  # "great to see what our cohort built": what they do, not news
        return _NO_NEWS_AFTER_RE.match(folded, end) is None

    def finding(self, note: Note, ctx: ContextFacts, start: int, end: int) -> Finding:
        """The whole clause, so that removing it takes the news with it (a clause of a few
        words: the search stops within ``_CLAUSE_MOST`` characters)."""
        clause = _CLAUSE_END_RE.search(note.text, end, end + _CLAUSE_MOST)
        if clause is not None:
            end = clause.start()
        elif end + _CLAUSE_MOST >= note.end:
            end = note.end
        return super().finding(note, ctx, start, end)


_LOOKING_AHEAD_RE = re.compile(r"(?<![^\W_])(?:be|would|will|'d|'ll)\s+(?:(?:so|really|very) )?$")
"""\"It would be great to hear\", \"I'd be glad to see\": a wish, not news."""
_NO_NEWS_AFTER_RE = re.compile(
    # seeing or hearing the reader, unless what follows tells news of them
    r" you(?!(?:'re| are) (?!(?:open|up for|interested|keen|happy|willing|free|available|around|"
    r"well|doing well|enjoying|welcome|right|ok|okay)(?![^\W_]))|'ve| have| had| got| just| now|"
    r" moved| joined| started| left| won| landed| made| became| launched| took| switched| changed|"
    r" finished| graduated| retired| published| raised| opened| in (?:a|your) new| as )(?![^\W_])"
    # their work or their view
    r"| your (?:(?:new |latest |recent )?(?:posts?|articles?|talks?|papers?|reports?|work|"
    r"writing|threads?|research|projects?|comments?|newsletters?|podcasts?|videos?|webinars?|"
    r"presentations?|books?|pieces?|thoughts|take|views?|perspective|ideas|advice|feedback|input|"
    r"insights?|question))(?![^\W_])"
    # more of it; news of the writer's own; what someone is doing
    r"| (?:more|back|from|we|we're|i|i'm|i've|my|our|us|what|how you'd)(?![^\W_])"
    # someone or something not the reader; "the news" is news
    r"| (?!the news)(?:a|an|many|so many|other|others|people|someone|somebody|fellow|the|this|"
    r"these|such)(?![^\W_])"
)
"""What after "hear" or "see" makes no news of the reader: "great to see you at the gym",
"great to hear you speak", "happy to hear you're open to it", "great to see your post", "good to
hear we're both on it", "nice to see more people on heat pumps"."""
_WHAT_OR_HOW_RE = re.compile(r" (?:what|how)(?![^\W_])")
_NEW_THING_RE = re.compile(
    r" (?:(?:the|your) )?(?:new|recent|latest|promotion|promo|appointment|move)(?![^\W_])"
)
_THEIR_WORK_RE = re.compile(
    r" (?:(?:the|your) )?(?:new|recent|latest) (?:posts?|articles?|talks?|papers?|reports?|"
    r"books?|podcasts?|episodes?|videos?|keynotes?|series|album|film|show|exhibition|study|"
    r"paper|research|work|year|season|collection)(?![^\W_])"
)
_CLAUSE_MOST = 160
_CLAUSE_END_RE = re.compile(r"[.!?…;:\n]|\s[-–—]\s|,\s+(?:and|but|so|which)\s")


class FirstMeetingRule(ClaimRule):
    """ "Great to meet you" to someone known for years; meeting "in person" is another thing."""

    id = "first_meeting"
    message = (
        "Remove '{quote}': you already know {name} (familiarity: {familiarity}), so this is no "
        "first meeting."
    )

    phrase_end = r"(?!\s+(?:in person|face to face|irl|properly|offline))"


_TIME_SPAN = (
    r"(?:[^ .,;:!?]+ ){0,4}?(?:a while|while|ages|years?|months?|weeks?|days?|decades?|"
    r"long time|so long)"
)
"""A stretch of time after "in", "for" or "over": "two years", "the past few months"."""


class NeverMetRule(ClaimRule):
    """ "We haven't met" is true only of a stranger whose context describes no meeting: to
    someone met at a booth, or known for years, it denies the history the note should use."""

    id = "never_met"
    # "we haven't met in person", "we haven't talked since", "... lately", "... in two years",
    # "we haven't met up" and "we don't know each other well" say something else
    phrase_end = (
        r"(?!\s+(?:yet\s+)?(?:in person|face[ -]to[ -]face|irl|properly|offline|since|again|"
        r"about|much|up|lately|recently|(?:(?:very|that|all that|too|so) )?well|"
        rf"(?:in|for|over) {_TIME_SPAN})(?![^\W_]))"
    )

    def __init__(self, config: NeverMetConfig) -> None:
        super().__init__(config)
        fields, words = config.meeting_fields, config.meeting_words
        self.meeting = Support(f"{self.id}:meeting", (), fields, words)

    def supported(self, ctx: ContextFacts) -> bool:
        return self.support.holds(ctx) and not self.meeting.holds(ctx)

    def counts(self, folded: str, start: int, end: int) -> bool:
        """ "My first time meeting you" is no claim when it tells of a meeting: "PyData was my
        first time meeting you", "... meeting you at PyData"."""
        if not _FIRST_RE.match(folded, start):
            return True
        told = _WAS_RE.search(folded, max(0, start - 12), start) or _AT_A_MEETING_RE.match(
            folded, start
        )
        return told is None

    def finding(self, note: Note, ctx: ContextFacts, start: int, end: int) -> Finding:
        said = [] if self.support.by_familiarity(ctx) else [f"familiarity: {ctx.familiarity.value}"]
        field = self.meeting.field(ctx)
        if field is not None:
            said.append(f"{field}: '{shorten(ctx.field_text(field), 60)}'")
        return Finding(
            f"Don't say '{note.quote(start, end)}': the context says you and {ctx.name} have "
            f"met or know each other ({'; '.join(said)}); don't claim you have never met.",
            start,
            end,
        )


_FIRST_RE = re.compile(r"(?:my )?first ")
_WAS_RE = re.compile(r"(?<![^\W_])was (?:(?:my|our|the) )?$")
_AT_A_MEETING_RE = re.compile(
    r"(?:my )?first (?:[^ .,;:!?]+ ){0,2}?meeting(?: with)?(?: you)? (?:at|in|during|last)"
    r"(?![^\W_])"
)


def _alternation(phrases: Iterable[str]) -> str:
    keys = sorted({fold_key(p) for p in phrases if fold_key(p)}, key=len, reverse=True)
    return "|".join(r"[ -]".join(map(re.escape, key.split())) for key in keys) or r"(?!x)x"


class StudiedTogetherRule(ClaimRule):
    """Studying together needs a classmate; a shared school needs the school in the context."""

    id = "studied_together"
    message = (
        "Remove '{quote}': the context doesn't say you studied with {name} (familiarity: "
        "{familiarity}); you may name a school you both attended only if the context lists it."
    )

    def __init__(self, config: StudiedTogetherConfig) -> None:
        super().__init__(config)
        self.school_after = PhraseList(config.school_after)
        nouns = _alternation(config.school_nouns)
        self.school_nouns = frozenset(w for n in config.school_nouns for w in words_of(fold_key(n)))
        self.school_lead_ins = frozenset(fold_key(w) for w in config.school_lead_ins)
        self.around = re.compile(
            rf"(?<![^\W_])(?:{_alternation(config.school_lead_ins)})"
            rf"((?: [^\W_][^ ]*?){{1,5}}?) (?:{nouns})(?![^\W_])"
        )
        self.generic = frozenset(fold_key(w) for w in config.school_generic_words)
        self.school_words = self.school_after.words | self.school_lead_ins

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        if ctx is None:
            return ()
        findings = list(super().check(note, ctx))
        if not self.school_words.isdisjoint(note.word_set):
            findings += self._unlisted_schools(note, ctx)
        return findings

    def _unlisted_schools(self, note: Note, ctx: ContextFacts) -> Iterator[Finding]:
        for start, end, (a, b) in self._school_claims(note):
            names = set(words_of(note.folded.text[a:b])) - self.generic
            if not names or names & ctx.school_keys:
                continue
            schools = "; ".join(ctx.context.recipient.schools) or "none"
            quote = note.quote(start, end)
            school = note.quote(*note.folded.span(a, b), width=40)
            yield Finding(
                f"Remove '{quote}': the context doesn't list '{school}' among "
                f"{ctx.name}'s schools ({shorten(schools, 80)}); name only a school it gives.",
                start,
                end,
            )

    def _school_claims(self, note: Note) -> Iterator[tuple[int, int, tuple[int, int]]]:
        """Spans of "we both studied at X" and "fellow X alum", with the span of X in the
        folded text."""
        text = note.folded.text
        for a, b in self.school_after.folded_spans(note):
            m = _SCHOOL_AFTER_RE.match(text, b)
            if m and m.group("school"):
                school = m.start("school") + 1, m.end("school")  # after its leading space
                yield (*note.folded.span(a, m.end("school")), school)
        words = note.word_set
        if self.school_lead_ins.isdisjoint(words) or self.school_nouns.isdisjoint(words):
            return
        for m in self.around.finditer(text):
            yield (*note.folded.span(*m.span()), (m.start(1) + 1, m.end(1)))


# After "we both studied": up to four words and "at", "from" or "in", then the school's name up
# to punctuation or a word that ends it.
_SCHOOL_AFTER_RE = re.compile(
    r"(?:(?: [^ .,;:!?]+){0,4}? (?:at|from|in))?"
    r"(?P<school>(?: (?!(?:and|but|so|where|which|who|while|when|in|during|before|after|back|"
    r"too|as|with|for|together|a|an|some|years|decades?)(?![^\W_]))[^ .,;:!?()]+){1,6})"
)


class IntermediaryRule(Rule):
    """A claim that someone sent you ("Marek suggested we connect") needs the context to say
    so, naming the same person."""

    id = "intermediary"

    def __init__(self, config: IntermediaryConfig, people: People, nouns: frozenset[str]) -> None:
        self.before = PhraseList(config.all_phrases)
        self.after = PhraseList(config.by_phrases)
        self.support = Support.of(self.id, config)
        self.people = people
        self.nouns = nouns

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        words = note.word_set
        if ctx is None or (
            self.before.words.isdisjoint(words) and self.after.words.isdisjoint(words)
        ):
            return ()
        claims = [(a, b, False) for a, b in self.before.spans(note)]
        claims += [(a, b, True) for a, b in self.after.spans(note)]
        return list(self._findings(note, ctx, claims)) if claims else ()

    def _findings(
        self, note: Note, ctx: ContextFacts, claims: list[tuple[int, int, bool]]
    ) -> Iterator[Finding]:
        taken_until = -1  # claims come in order; one that overlaps the last one taken is the same
        for start, end, person_after in sorted(claims):
            found = self._claim(note, ctx, start, end, person_after)
            if found is None:
                continue
            span_start, span_end, names = found
            if span_start < taken_until:
                continue
            taken_until = span_end
            if not self._supported(ctx, names):
                yield Finding(
                    self._message(note, ctx, span_start, span_end, names), span_start, span_end
                )

    def _claim(
        self, note: Note, ctx: ContextFacts, start: int, end: int, person_after: bool
    ) -> tuple[int, int, list[list[Word]]] | None:
        """The claim's span and the names it gives (groups of words), if a person makes it."""
        words = sentence_words(note, sentence_at(note, start))
        inside = [w for w in words if start <= w.start < end]
        names: list[list[Word]] = []
        for i, word in enumerate(inside):
            if self.people.is_name(word, ctx):
                if i and names and names[-1][-1] is inside[i - 1]:
                    names[-1].append(word)
                else:
                    names.append([word])
        person = bool(names) or any(w.key in self.nouns for w in inside if w.start > start)
        at = end if person_after else start
        chain = _chain(words, note, at, self.people, self.nouns, ctx, forward=person_after)
        if chain is None and not person:
            return None
        span_start, span_end = start, _extend(words, note, end)
        if chain is not None:
            chain_names, chain_start, chain_end = chain
            names += chain_names
            span_start, span_end = min(start, chain_start), max(span_end, chain_end)
        return span_start, span_end, names

    def _supported(self, ctx: ContextFacts, names: list[list[Word]]) -> bool:
        """The familiarity supports it, or the context says someone suggested it and names
        everyone the note names."""
        if self.support.by_familiarity(ctx):
            return True
        if not self.support.holds(ctx):
            return False
        said = _support_words(ctx)
        return all(any(w.key in said for w in group) for group in names)

    def _message(
        self, note: Note, ctx: ContextFacts, start: int, end: int, names: list[list[Word]]
    ) -> str:
        quote = note.quote(start, end)
        said = _support_words(ctx) if self.support.holds(ctx) else frozenset()
        named = [g for g in names if any(w.key in said for w in g)]
        unnamed = [g for g in names if g not in named]
        mutual = [g for g in unnamed if any(w.key in ctx.mutual_keys for w in g)]
        both_know = f"; you may say you both know {_names(mutual)}" if mutual else ""
        if named:
            return (
                f"Remove {_names(unnamed)} from '{quote}': the context says only "
                f"{_names(named)} suggested or introduced you{both_know}."
            )
        if mutual and len(mutual) == len(unnamed):
            return (
                f"Remove '{quote}': the context lists {_names(mutual)} only as a mutual "
                f"connection{both_know}."
            )
        if unnamed:
            return (
                f"Remove '{quote}': the context doesn't say {_names(unnamed)} suggested or "
                f"introduced anything; don't invent who sent you{both_know}."
            )
        listed = ", ".join(ctx.context.relationship.mutual_connections)
        hint = f"; you may say you both know {shorten(listed, 60)}" if listed else ""
        return (
            f"Remove '{quote}': the context doesn't say anyone suggested or introduced you to "
            f"{ctx.name}{hint}."
        )


class RelayedRule(IntermediaryRule):
    """What a named person passed on ("Sofia mentioned you cut wait times at her clinic"): a
    weaker claim than a suggestion, so the context saying Sofia mentioned, said or thought it
    is enough; "Sofia suggested we talk" still needs her suggestion (``intermediary``)."""

    id = "relayed"


def _names(groups: list[list[Word]]) -> str:
    """Names as written, without a possessive: "Omar Haddad and Lin Chen"."""
    return " and ".join(" ".join(_without_possessive(w.text) for w in g) for g in groups)


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


_ADVERBS = frozenset(
    ["also", "kindly", "recently", "once", "originally", "actually", "first", "who", "both",
     "just", "even", "all"]
)  # fmt: skip
_JOINERS = frozenset(["and", "&", "or"])
_DETERMINERS = frozenset(
    ["a", "an", "the", "my", "our", "your", "mutual", "former", "old", "good", "dear", "one",
     "another", "two", "some", "common", "shared"]
)  # fmt: skip
_MODIFIERS = frozenset(["of", "yours", "mine", "ours", "at", "from", "in", "on", "with"])
"""Words between a person and the claim: "a colleague of yours at Zalmora suggested"."""
_PRONOUNS = frozenset(["she", "he", "they", "someone", "somebody"])
_CHAIN_WORDS = 8


def _chain(
    words: list[Word],
    note: Note,
    at: int,
    people: People,
    nouns: frozenset[str],
    ctx: ContextFacts,
    *,
    forward: bool,
) -> tuple[list[list[Word]], int, int] | None:
    """The person next to a claim, read backwards from ``at`` (or forwards after a "by"):
    names joined by "and" or commas ("Omar Haddad and Lin Chen"), a person noun ("our mutual
    friend"), or a pronoun, with the words that describe them ("a colleague of yours at
    Zalmora"). Returns the names in groups and the span the person covers. ``words`` are the
    sentence's."""
    if forward:
        sequence = [w for w in words if w.start >= at]
    else:
        sequence = [w for w in reversed(words) if w.end <= at]
    groups: list[list[Word]] = []
    person_words: list[Word] = []
    previous: Word | None = None
    listed_from: int | None = None  # the first group reached across a comma
    stopped_by: Word | None = None
    for word in sequence[:_CHAIN_WORDS]:
        key = word.key
        if people.is_name(word, ctx):
            apart = previous is not None and "," in _between(note, previous, word)
            if groups and previous is not None and previous in groups[-1] and not apart:
                groups[-1].append(word)
            else:
                if apart and listed_from is None:
                    listed_from = len(groups)
                groups.append([word])
            person_words.append(word)
        elif key in nouns or key in _PRONOUNS:
            person_words.append(word)
            if forward:
                break
        elif key in _DETERMINERS and person_words and not forward:
            person_words.append(word)  # the start of "our mutual friend"
        elif not (
            key in _JOINERS
            or key in _ADVERBS
            or key in _MODIFIERS
            or key in _DETERMINERS
            or people.is_proper(word, ctx)
        ):
            stopped_by = word
            break
        previous = word
    if (
        not forward
        and listed_from is not None
        and stopped_by is not None
        and previous is not None
        and not _between(note, stopped_by, previous).strip()
    ):
        # "we both know Lin Chen, and Omar suggested": the names before the comma belong to
        # another clause, since a word runs straight into them
        kept = groups[:listed_from]
        person_words = [w for w in person_words if any(w in g for g in kept)] or person_words
        groups = kept
    if not person_words:
        return None
    if not forward:
        groups = [group[::-1] for group in reversed(groups)]
    return groups, min(w.start for w in person_words), max(w.end for w in person_words)


def _between(note: Note, a: Word, b: Word) -> str:
    first, second = (a, b) if a.start < b.start else (b, a)
    return note.text[first.end : second.start]


# A denial earlier in the same clause: "no claiming an intro", "she never introduced us",
# "hasn't referred anyone".
_NEGATED_BEFORE_RE = re.compile(
    r"\b(?:no|not|never|nothing|nobody|neither|nor|hasn't|hasnt|hadn't|hadnt|didn't|didnt|"
    r"doesn't|doesnt|isn't|isnt|wasn't|wasnt|won't|wont|cannot|can't|cant)\b",
    re.IGNORECASE,
)
# Where a clause ends, for a denial: at a stop, "but", a word that starts a clause of its own
# ("…after we worked together", "I'll never forget how we…") and a subject ("I didn't know
# she'd joined", "nobody introduced us, i just keep seeing her posts").
_CLAUSE_BREAK_RE = re.compile(
    r"[.;:!?]|\bbut\b|\b(?:and|though|although|since|after|before|until|when|because|how|while)"
    r"\b|\b(?:i|we|she|he|they|you)(?:['’](?:d|s|re|ve|ll|m))?(?=\s)",
    re.IGNORECASE,
)
# "tiina never, i think, suggested…": an aside that is no clause of its own.
_ASIDE_RE = re.compile(
    r",\s*(?:i|we)\s+(?:think|believe|guess|suppose|reckon|gather|hear)\s*,", re.IGNORECASE
)
_DENIAL_REACH = 4
"""How many words before a support word a denial of it may stand: "we were not in the same
cohort"; not "can't stop thinking about her post"."""


def _denied_before(text: str, start: int) -> bool:
    """Whether a denial comes before ``start`` in its clause, a few words before it."""
    clause = _CLAUSE_BREAK_RE.split(_ASIDE_RE.sub(" ", text[max(0, start - 80) : start]))[-1]
    return _NEGATED_BEFORE_RE.search(" ".join(clause.split()[-_DENIAL_REACH:])) is not None


# The writer's own side at the head of a clause: "I", "we", "my son", "our team".
_WRITER_SUBJECT_RE = re.compile(r"^\s*(?:(?:i|we)(?:['’](?:d|s|re|ve|ll|m))?|my|our)$", re.I)
# A break that starts no clause of its own when no subject follows it: "I joined Lumen and was
# promoted" is still the writer's.
_JOINING_BREAK_RE = re.compile(
    r"^(?:and|though|although|since|after|before|until|when|because|while)$", re.I
)
# Between the writer's subject and the news, a word that makes it someone else's: the reader or
# a third party ("I heard she moved", "the news of her promotion"), or hearing, seeing or learning
# of it ("I read about the launch"), or applying for it ("I am applying for the opening").
_NEWS_OF_OTHERS_RE = re.compile(
    r"\b(?:she|he|they|her|his|their|them|him|you|your|both|hear|heard|hearing|see|saw|seen|"
    r"seeing|read|reading|notic\w*|spott\w*|learn\w*|know|knew|gather|tell|told|mention\w*|"
    r"appl(?:y|ying|ied)|interview\w*|attend\w*|came across|come across)\b",
    re.IGNORECASE,
)
# Just after the news, whose it is: "the launch of Nia's book", "the opening on her team".
_WHOSE_AFTER_RE = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,2}?(?:of|on|at|in|for|from|with)\s+(?:her|his|their|your|you|the "
    r"reader)\b",
    re.IGNORECASE,
)
_CONGRATULATING_RE = re.compile(r"congrat", re.IGNORECASE)
_CLAUSE_REACH = 300
"""How far back a clause's subject is looked for: a sentence or two."""


def _writers_own(text: str, start: int, names: frozenset[str]) -> bool:
    """Whether the news at ``start`` is the writer's own: its clause starts with "I", "we",
    "my …" or "our …" (or "she and I"), and nothing around it makes it anyone else's. A
    congratulation always greets the reader's news."""
    after = text[start : start + 60]
    if _CONGRATULATING_RE.match(after) or _WHOSE_AFTER_RE.match(after.split(None, 1)[-1]):
        return False
    before = _ASIDE_RE.sub(" ", text[max(0, start - _CLAUSE_REACH) : start])
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    while breaks and _JOINING_BREAK_RE.match(breaks[-1].group()):
        following = before[breaks[-1].end() :].split()
        if following and _WRITER_SUBJECT_RE.match(following[0]):
            break
        breaks.pop()  # "…and was promoted": the subject is the clause's before
    if breaks:
        subject, rest = breaks[-1].group(), before[breaks[-1].start() :]
        lead = before[max(0, breaks[-1].start() - 30) : breaks[-1].start()]
    elif start <= _CLAUSE_REACH:
        subject, rest, lead = before.strip().partition(" ")[0], before, ""
    else:
        return False
    said = rest[len(subject) :] if breaks else rest  # what follows the break, if any
    if not _WRITER_SUBJECT_RE.match(subject):
        first = said.split()[:1]
        if not first or first[0].lower() not in ("my", "our"):
            return False
    words = set(fold_text(f"{lead} {rest}").split())
    if names & words or re.search(r"\band\s*$", lead):  # "Nia and I were both promoted"
        return False
    return _NEWS_OF_OTHERS_RE.search(said) is None


def _support_words(ctx: ContextFacts) -> frozenset[str]:
    """Folded words of how_we_met and the reason, possessives dropped."""
    key = "intermediary:words"
    found: frozenset[str] | None = ctx.derived.get(key)
    if found is None:
        notes = [ctx.field_note("how_we_met"), ctx.field_note("reason")]
        words = [w for n in notes if n is not None for w in n.words]
        found = ctx.derived[key] = frozenset(w.removesuffix("'s") for w in words)
    return found


_STOP_EXTENDING = frozenset(
    ["about", "on", "with", "since", "because", "and", "as", "for", "so", "but", "in", "at",
     "over", "when", "after", "if", "to", "that", "this", "who", "which", "while", "by"]
)  # fmt: skip
_EXTEND_AFTER = frozenset(["i", "we", "me", "us", "you", "that", "to", "should"])


def _extend(words: list[Word], note: Note, end: int) -> int:
    """Carry a span ending in "we" or "I" over the next two words of its sentence (``words``):
    "suggested we compare notes"."""
    last = next((w for w in reversed(words) if w.end <= end), None)
    if last is None or last.key not in _EXTEND_AFTER:
        return end
    for word in [w for w in words if w.start >= end][:2]:
        if word.key in _STOP_EXTENDING or note.text[end : word.start].strip():
            break
        end = word.end
    return end


class RecipientSaidRule(Rule):
    """A claim that the reader asked, told or mentioned something ("as you asked") needs the
    context to say so."""

    id = "recipient_said"

    def __init__(self, config: RecipientSaidConfig, stopwords: frozenset[str]) -> None:
        self.phrases = PhraseList(config.all_phrases)
        self.stopwords = stopwords
        self.familiarity = frozenset(config.familiarity)
        self.fields = tuple(dict.fromkeys(config.support_fields))
        self.support_words = _alternation(config.support_words)
        # "You said…" starting a clause, not "if you wanted" or "what you said"
        self.you_said = re.compile(
            r"(?:^|[.!?;:,(]\s*|\b(?:and|but|so)\s+)"
            rf"you(?:'d| had| have| once| just| also)? (?:{self.support_words})\b"
        )
        self.public = frozenset(w for p in config.public_words for w in words_of(fold_key(p)))

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        if ctx is None or self.phrases.words.isdisjoint(note.word_set):
            return ()
        spans = self.phrases.folded_spans(note)
        if not spans or self._supported(ctx):
            return ()
        return list(self._findings(note, ctx, spans))

    def _findings(
        self, note: Note, ctx: ContextFacts, spans: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        text = note.folded.text
        for a, b in spans:
            if self._in_public(text, b) or (
                not _STATEMENTS.isdisjoint(words_of(text[a:b])) and self._quotes(text, b, ctx)
            ):
                continue
            start, end = note.folded.span(a, b)
            yield Finding(
                f"Remove '{note.quote(start, end)}': the context doesn't say {ctx.name} asked, "
                "told or mentioned anything to you; say what you'd like to share or ask instead.",
                start,
                end,
            )

    def _in_public(self, text: str, end: int) -> bool:
        """Said in public: followed closely by "in your post", "during the panel" and the like."""
        after = _words_after(text, end)
        for i, word in enumerate(after):
            if word in _PUBLIC_PREPOSITIONS and not self.public.isdisjoint(after[i + 1 : i + 5]):
                return True
        return False

    def _quotes(self, text: str, end: int, ctx: ContextFacts) -> bool:
        """What follows "you said" comes from the reader's own posts, headline or about text
        ("you said usage-based pricing needs a cap")."""
        quoted = set(_words_after(text, end)) - self.stopwords
        return len(quoted & ctx.own_words) >= _QUOTED_WORDS

    def _supported(self, ctx: ContextFacts) -> bool:
        key = "support:recipient_said"
        found: bool | None = ctx.derived.get(key)
        if found is None:
            found = ctx.familiarity in self.familiarity or self._says_the_reader_did(ctx)
            ctx.derived[key] = found
        return found

    def _says_the_reader_did(self, ctx: ContextFacts) -> bool:
        """A support word right after "she", "he", "they", "her"... or the reader's name."""
        reader = _alternation(["she", "he", "they", "her", "his", "their", *ctx.reader_keys])
        pattern = re.compile(
            rf"(?<![^\W_])(?:{reader})(?:'d| had| has| have| once| kindly| just| also)?"
            rf" (?:{self.support_words})(?![^\W_])"
        )
        for field in self.fields:
            note = ctx.field_note(field)
            if note is not None and pattern.search(note.folded.text):
                return True
        # The reader by a name the form does not give ("Ganaa said ping him" of Ганзориг), as the
        # plain note reads the reason: "You said to ping you"; a "you" that starts a clause, not
        # one in a condition or a question ("if you wanted", "what you said").
        reason = ctx.context.reason
        if "reason" in self.fields and reason:
            said = fold_text(perspective.to_reader(reason, ctx.context, they_is_reader=True))
            return self.you_said.search(said) is not None
        return False


_PUBLIC_PREPOSITIONS = frozenset(["in", "on", "at", "during", "under", "from", "through"])
_QUOTED_WORDS = 3
"""Words after "you said" from the reader's own texts that make it a quote of their writing."""
_STATEMENTS = frozenset(["said", "mentioned", "wrote", "noted", "argued"])
"""The verbs of a phrase that can quote public writing; "you asked me" or "you promised" can't."""


def _words_after(text: str, end: int) -> list[str]:
    """Up to eight words after ``end`` in the same sentence."""
    return words_of(re.split(r"[.!?;]", text[end : end + 80], maxsplit=1)[0])[:8]


class IntentionDoneRule(Rule):
    """The reason's plans are not reported as done. Each verb that starts the reason or one of
    its clauses ("read the runbook she mentioned", "thank her for the reshare and swap tips")
    is a plan: "I read the runbook", "we swapped tips" and "I've been following your work" (for
    "follow her work") report it done."""

    id = "intention_done"

    def __init__(self, config: IntentionDoneConfig, stopwords: frozenset[str]) -> None:
        lead_ins = _alternation(config.lead_ins)
        self.lead_ins = re.compile(rf"(?:(?:{lead_ins}) )+")
        self.ignored = frozenset(fold_key(v) for v in config.ignored_verbs)
        self.adverbs = _alternation(config.adverbs)
        self.stopwords = stopwords
        self.done: dict[str, re.Pattern[str]] = {}

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        if ctx is None or _SUBJECTS.isdisjoint(note.word_set):
            return ()
        plans = [p for p in self._plans(ctx) if not p.words.isdisjoint(note.word_set)]
        return [f for plan in plans for f in self._findings(note, ctx, plan)] if plans else ()

    def _findings(self, note: Note, ctx: ContextFacts, plan: _Plan) -> Iterator[Finding]:
        text = note.folded.text
        for m in plan.regex.finditer(text):
            following = list(islice(WORD_RE.finditer(text, m.end(), m.end() + 80), 4))
            end = next((w.end() for w in following if stem(w.group()) == plan.object_stem), None)
            if end is None or (m.group("and") and _planned(text[m.start() : m.start("and")])):
                continue
            start, stop = note.folded.span(m.start("and") if m.group("and") else m.start(), end)
            rest = note.text[slice(*note.folded.span(m.end(), end))]
            yield Finding(
                f"Don't report '{note.quote(start, stop)}' as done: the context gives it as "
                f"what you want to do ('{shorten(ctx.reason, 60)}'). Say you'd like to "
                f"{plan.verb}{rest} instead.",
                start,
                stop,
            )

    def _plans(self, ctx: ContextFacts) -> list[_Plan]:
        key = "intention_done:plans"
        if key not in ctx.derived:
            ctx.derived[key] = self._make_plans(ctx)
        plans: list[_Plan] = ctx.derived[key]
        return plans

    def _make_plans(self, ctx: ContextFacts) -> list[_Plan]:
        clauses = _CLAUSE_RE.split(fold_text(ctx.reason))
        plans = (
            self._plan(clause)
            for clause, then in zip(clauses, [*clauses[1:], ""], strict=True)
            if not _starts_past(then)  # "read her post and loved it": the reading happened
        )
        return [p for p in plans if p is not None]

    def _plan(self, clause: str) -> _Plan | None:
        """The plan in one clause of the reason: its verb, if it starts the clause (after a
        lead-in), and the first word of its object."""
        text = clause.strip()
        lead = self.lead_ins.match(text)
        if lead:
            text = text[lead.end() :]
        words = words_of(text)
        if not words or words[0] in self.ignored:
            return None
        forms = verb_forms().get(words[0])
        if forms is None:
            return None
        objects = [w for w in words[1:] if w not in self.stopwords and w not in _PARTICLES]
        if not objects:
            return None
        verb = words[0]
        return _Plan(verb, forms.past | forms.ing, stem(objects[0]), self._done(verb, forms))

    def _done(self, verb: str, forms: VerbForms) -> re.Pattern[str]:
        """A past form of ``verb`` after "I" or "we" (with "'ve" or "had" and a few adverbs), or
        its -ing form after "I've been"; the subject may come earlier in the sentence, before
        "and" ("I'm a student and just followed up on ..."), unless a word between them makes
        the sentence a plan ("I'm hoping to compare notes and read the runbook")."""
        regex = self.done.get(verb)
        if regex is None:
            past = "|".join(map(re.escape, sorted(forms.past, key=len, reverse=True)))
            ing = "|".join(map(re.escape, sorted(forms.ing, key=len, reverse=True)))
            done = f"{past}|been (?:{ing})" if ing else past
            regex = self.done[verb] = re.compile(
                rf"(?<![^\W_'])(?:i've|we've|i had|we had|i|we"
                rf"|(?:i|i'm|i've|we|we're|we've)(?: [^ .!?;]+){{1,8}}? (?P<and>and))"
                rf"(?: (?:{self.adverbs}))* (?:{done})(?![^\W_'])"
            )
        return regex


_SUBJECTS = frozenset(["i", "i've", "we", "we've", "i'm", "we're"])
_PLANNING = frozenset(
    ["will", "would", "can", "could", "should", "might", "may", "must", "want", "wants", "hope",
     "hopes", "hoping", "plan", "plans", "planning", "like", "love"]
)  # fmt: skip
"""Words between a subject and "and" that make what follows a plan, not a report: "I want to
connect and read", "we should meet and read"; so do "I'd", "we'll" and "to" before a verb ("I'm
hoping to compare notes and read"), but not "to" before a noun ("I'm new to SRE and read")."""


def _planned(words_before_and: str) -> bool:
    """Whether the words from the subject up to "and" make a plan (see ``_PLANNING``)."""
    words = words_of(words_before_and)
    return any(
        word in _PLANNING
        or word.endswith(("'d", "'ll"))
        or (word == "to" and following in verb_forms())
        for word, following in zip(words, [*words[1:], ""], strict=True)
    )


_PARTICLES = frozenset(["out", "up", "through", "over", "into", "in", "on", "off", "back"])
_CLAUSE_RE = re.compile(r"[,;]|(?<![^\W_])(?:and|then)(?![^\W_])")
"""Where a clause of the reason starts: "read the runbook she mentioned and compare ..."."""


def _starts_past(clause: str) -> bool:
    """Whether ``clause`` starts with a verb in a past form that is not also a verb's base
    ("loved", "liked"; not "read", "put" or "found")."""
    words = words_of(clause)
    return bool(words) and words[0] in _past_only_forms()


@cache
def _past_only_forms() -> frozenset[str]:
    forms = verb_forms()
    return frozenset(w for f in forms.values() for w in f.past if w not in forms)


class _Plan(NamedTuple):
    """What the reason plans to do: its verb, the forms that report it done, the object's stem,
    and the regex that finds it done."""

    verb: str
    words: frozenset[str]
    object_stem: str
    regex: re.Pattern[str]
