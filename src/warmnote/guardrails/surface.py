"""Rules about the note's surface: length, template leftovers, links, formatting and shouting."""

from __future__ import annotations

import re
from collections.abc import Iterator

from warmnote.guardrails.base import Finding, PhraseList, Rule, phrase_alternation, recipient
from warmnote.guardrails.config import (
    FormatConfig,
    LengthConfig,
    LinksConfig,
    PhraseRuleConfig,
    PushyConfig,
)
from warmnote.guardrails.note import ContextFacts, Note, words_of
from warmnote.text import fold_key, utf16_len


def _has_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


class LengthRule(Rule):
    id = "length"

    def __init__(self, config: LengthConfig) -> None:
        self.min_chars = config.min_chars

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        n = utf16_len(note.trimmed)
        if n > note.limit:
            yield Finding(
                f"Cut {n - note.limit} characters: the note is {n}/{note.limit}.",
                note.start,
                note.end,
            )
        elif n < self.min_chars:
            yield Finding(
                f"Too short to say anything ({n} characters): say how you know "
                f"{recipient(ctx)} and why you want to connect.",
                note.start,
                note.end,
            )


_FIELD = r"\s*[^\W\d_][^{bad}\n]{{0,39}}"
_PLACEHOLDER_RE = re.compile(
    "|".join(
        [
            r"\[" + _FIELD.format(bad=r"\[\]") + r"\]",
            r"\{\{?" + _FIELD.format(bad=r"{}") + r"\}?\}",
            r"<" + _FIELD.format(bad=r"<>") + r">",
            r"\$\{?[A-Za-z_]\w*\}?",
            r"_{3,}",
            r"(?<![A-Za-z])X{3,}(?![A-Za-z])",
        ]
    )
)


class PlaceholderRule(Rule):
    id = "placeholder"

    def __init__(self, config: PhraseRuleConfig) -> None:
        self.phrases = PhraseList(config.all_phrases)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if _has_any(note.text, "[{<$") or "___" in note.text or "XXX" in note.text:
            for match in _PLACEHOLDER_RE.finditer(note.text):
                yield self._finding(note, *match.span())
        for start, end in self.phrases.spans(note):
            yield self._finding(note, start, end)

    @staticmethod
    def _finding(note: Note, start: int, end: int) -> Finding:
        return Finding(
            f"Fill in or remove the template leftover '{note.quote(start, end)}'.", start, end
        )


# Quantifiers are bounded so that no input makes a search quadratic.
_URL_RE = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"']{1,500}")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_PHONE_RE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{4,24}\d(?![\w])")
_DOT_LETTER_RE = re.compile(r"\.(?=[^\W\d_])")
_DIGIT_RE = re.compile(r"\d")
_DATE_LIKE_RE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}|\d{4}\s*[-–]\s*\d{2,4}")
_TRAILING_PUNCT = ".,;:!?)]}'\""


class LinksRule(Rule):
    id = "links"

    def __init__(self, config: LinksConfig) -> None:
        tlds = "|".join(sorted({t.lower() for t in config.tlds}, key=len, reverse=True))
        self.domain = re.compile(
            rf"(?<![\w@./-])(?:[^\W_](?:[\w-]{{0,61}}[^\W_])?\.)+(?:{tlds or '(?!x)x'})"
            rf"(?![\w-])(?:/[^\s<>\"']{{0,500}})?"
        )
        self.allow = frozenset(fold_key(a) for a in config.allow)
        self.phone_min_digits = config.phone_min_digits

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        folded = note.folded
        text = folded.text
        taken: list[tuple[int, int]] = []
        kinds = (
            (
                _URL_RE,
                "http" in text or "www." in text,
                "link",
                "LinkedIn notes should not carry links",
            ),
            (_EMAIL_RE, "@" in text, "e-mail address", "share contact details after they accept"),
            (
                self.domain,
                _DOT_LETTER_RE.search(text) is not None,
                "link",
                "LinkedIn notes should not carry links",
            ),
        )
        for pattern, possible, kind, why in kinds:
            if not possible:
                continue
            for match in pattern.finditer(text):
                a, b = match.span()
                while b > a and folded.text[b - 1] in _TRAILING_PUNCT:
                    b -= 1
                if any(a < end and start < b for start, end in taken):
                    continue
                if pattern is self.domain and self._allowed(folded.text[a:b], ctx):
                    continue
                taken.append((a, b))
                start, end = folded.span(a, b)
                yield Finding(f"Remove the {kind} '{note.quote(start, end)}'; {why}.", start, end)
        phones = _PHONE_RE.finditer(note.text) if _DIGIT_RE.search(note.text) else ()
        for match in phones:
            if self._is_phone(match.group()):
                start, end = match.span()
                yield Finding(
                    f"Remove the phone number '{note.quote(start, end)}'; "
                    "share contact details after they accept.",
                    start,
                    end,
                )

    def _allowed(self, domain: str, ctx: ContextFacts | None) -> bool:
        return domain in self.allow or (
            ctx is not None and "/" not in domain and domain in ctx.haystack
        )

    def _is_phone(self, candidate: str) -> bool:
        digits = sum(c.isdigit() for c in candidate)
        return digits >= self.phone_min_digits and not _DATE_LIKE_RE.fullmatch(candidate.strip())


_OPENER = r"(?:sure|certainly|absolutely|of course|okay|ok|got it)\s*[!.,:]"
_PREAMBLE_RE = re.compile(
    rf"\A\s*(?:(?:{_OPENER}\s*)?(?:here(?:'s|’s| is| are)|below is)\b[^\n]{{0,80}}?"
    r"\b(?:note|message|draft|request|version|invitation|invite)s?\b[^\n]{0,40}?(?::|\n)"
    rf"|{_OPENER}"
    r"|(?:(?:linkedin|connection|personali[sz]ed)\s+)*(?:note|message|draft|request)\s*:)",
    re.IGNORECASE,
)
_SUBJECT_RE = re.compile(r"^[ \t]*(?:subject|re|title)[ \t]*:[^\n]*", re.IGNORECASE | re.M)
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*")
_MARKDOWN_RE = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|\[[^\]\n]{1,100}\]\([^)\n]{0,500}\)"
    r"|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])"
    r"|^[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t]+|^[ \t]*#{1,6}[ \t]+",
    re.M,
)
_HASHTAG_RE = re.compile(r"(?<![\w&#])#[^\W\d_]\w*")
_QUOTES = "\"“”„«»'‘’"
_SIGN_OFF_REACH = 120  # a sign-off and a name fit in this many characters at the end
_NAME = r"[^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){0,2}"


def _may_have_markdown(note: Note) -> bool:
    return (
        _has_any(note.text, "*_`#•")
        or "](" in note.text
        or "\n" in note.trimmed
        or note.trimmed[:1] in ("-", "+")
        or note.trimmed[:1].isdigit()
    )


class FormatRule(Rule):
    id = "format"

    def __init__(self, config: FormatConfig) -> None:
        self.sign_off = re.compile(
            rf"(?:\A|(?<=[.!?\n]))[ \t]*(?P<word>(?i:{phrase_alternation(config.sign_offs)}))"
            rf"(?P<sep>[ \t]*[,.!:;\n—–-][ \t]*\n?|[ \t]+)?[ \t]*(?P<name>{_NAME})?[ \t]*[.!]?\s*\Z"
        )
        self.dash_name = re.compile(
            rf"(?:\n|[.!?][ \t]+)[ \t]*(?P<dash>[—–-]+)[ \t]*(?P<name>{_NAME})\s*\Z"
        )
        self.sign_off_words = frozenset(w for s in config.sign_offs for w in words_of(fold_key(s)))
        self.formal = frozenset(fold_key(s) for s in config.formal_sign_offs)
        self.casual = frozenset(fold_key(s) for s in config.casual_sign_offs)
        self.chatter = PhraseList(config.chatter)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        text = note.text
        if m := _PREAMBLE_RE.match(text):
            yield self._at(
                note, m.start(), m.end(), "Remove the preamble '{}'; output only the note."
            )
        for m in _SUBJECT_RE.finditer(text) if ":" in text else ():
            yield self._at(note, *m.span(), "Remove the subject line '{}'; notes have none.")
        if m := _PARAGRAPH_RE.search(note.trimmed):
            start = note.start + m.start()
            yield Finding(
                "Write one short paragraph: remove the blank line between paragraphs.",
                start,
                note.start + m.end(),
            )
        if sign_off := self._sign_off(note, ctx):
            yield self._at(note, *sign_off, "Remove the sign-off '{}'; LinkedIn shows your name.")
        for m in _MARKDOWN_RE.finditer(text) if _may_have_markdown(note) else ():
            yield self._at(note, *m.span(), "Remove the markdown '{}'; notes are plain text.")
        for m in _HASHTAG_RE.finditer(text) if "#" in text else ():
            yield self._at(note, *m.span(), "Remove the hashtag '{}'.")
        if self._wrapped_in_quotes(note.trimmed):
            yield Finding("Remove the quotation marks around the note.", note.start, note.end)
        for start, end in self.chatter.spans(note):
            yield self._at(note, start, end, "Remove '{}': write only the note itself.")

    @staticmethod
    def _at(note: Note, start: int, end: int, template: str) -> Finding:
        return Finding(template.format(note.quote(start, end)), start, end)

    def _sign_off(self, note: Note, ctx: ContextFacts | None) -> tuple[int, int] | None:
        """A closing word with a name after it, or on a line of its own, ends a letter."""
        text = note.text[: note.end]
        tail = max(0, len(text) - _SIGN_OFF_REACH)
        if self.sign_off_words.isdisjoint(note.word_set):
            m = None
        else:
            m = self.sign_off.search(text, tail)
        if m:
            word = fold_key(m.group("word"))
            sep = m.group("sep") or ""
            name = m.group("name") or ""
            named = bool(name) and name[0].isupper()
            own_line = text[: m.start("word")].rstrip(" \t").endswith("\n")
            own_name = ctx is not None and fold_key(name) in ctx.sender_name_keys
            if word in self.casual:
                closing = own_name or ("\n" in sep and named)
            else:
                closing = word in self.formal or named or own_line or sep.strip() == ","
            if closing:
                return m.start("word"), note.end
        if _has_any(text[tail:], "—–-") and (m := self.dash_name.search(text, tail)):
            name = m.group("name")
            if name[0].isupper() and (ctx is None or fold_key(name) in ctx.sender_name_keys):
                return m.start("dash"), note.end
        return None

    @staticmethod
    def _wrapped_in_quotes(trimmed: str) -> bool:
        if len(trimmed) > 2 and trimmed[-1] in ".!?" and trimmed[-2] in _QUOTES:
            trimmed = trimmed[:-1]
        if len(trimmed) < 2 or trimmed[0] not in _QUOTES or trimmed[-1] not in _QUOTES:
            return False
        return not any(c in _QUOTES[:6] for c in trimmed[1:-1])


_MINUTE_CALL_RE = re.compile(
    r"(?<!\w)\d+ ?-? ?min(?:ute)?s?(?: [a-z]+)? (?:call|chat|meeting|demo|slot|zoom)(?!\w)"
)
_MINUTE_WORDS = frozenset({"min", "mins", "minute", "minutes"})


class PushyRule(Rule):
    id = "pushy"

    def __init__(self, config: PushyConfig) -> None:
        self.acronyms = frozenset(config.acronyms)
        self.too_many = "!" * (config.max_exclamations + 1)
        self.shouting = re.compile(self.too_many + "+")
        self.phrases = PhraseList(config.all_phrases)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        for word, start, end in note.capitalised:
            if (
                len(word) > 1
                and word.isupper()
                and word.replace("'", "").replace("’", "").isalpha()
                and word not in self.acronyms
                and (ctx is None or word not in ctx.caps_words)
            ):
                yield Finding(f"Don't shout: write '{word}' in normal case.", start, end)
        for m in self.shouting.finditer(note.text) if self.too_many in note.text else ():
            yield Finding(f"Use one '!' at most, not '{m.group()}'.", m.start(), m.end())
        asks = self.phrases.spans(note)
        if not _MINUTE_WORDS.isdisjoint(note.word_set):
            folded = note.folded
            asks += [folded.span(*m.span()) for m in _MINUTE_CALL_RE.finditer(folded.text)]
        for start, end in asks:
            yield Finding(
                f"Drop the sales ask '{note.quote(start, end)}'; a first note should not sell.",
                start,
                end,
            )
