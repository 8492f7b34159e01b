"""Rules about the note's surface: length, template leftovers, links, formatting and shouting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from warmnote.guardrails.base import Finding, PhraseList, Rule, phrase_alternation, recipient
from warmnote.guardrails.config import (
    FillerConfig,
    FormatConfig,
    LengthConfig,
    PlaceholderConfig,
    PushyConfig,
)
from warmnote.guardrails.note import ContextFacts, Note, words_of
from warmnote.text import fold_key, utf16_len


def _any_of(chars: str) -> re.Pattern[str]:
    """A fast test (``search``) for whether a text holds any of ``chars``."""
    return re.compile(f"[{re.escape(chars)}]")


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
            r"%[^\W\d][\w.-]{0,39}%",
            r"_{3,}",
            r"(?<![A-Za-z])X{3,}(?![A-Za-z])",
        ]
    )
)
_TEMPLATE_CHARS = _any_of("[{<$%")
_OPENERS = _any_of("([{<‹【_")
_OPEN_FIELD = r"(?:\(\(?|\[\[?|\{\{?|<<?|‹|【|__) ?"
_CLOSE_FIELD = r" ?(?:\)\)?|\]\]?|\}\}?|>>?|›|】|__)"


def _either(alternatives: Iterable[str]) -> str:
    """A regex alternation, or one that never matches when there is nothing to match."""
    joined = "|".join(alternatives)
    return f"(?:{joined})" if joined else "(?!x)x"


def _whole_word(alternatives: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){_either(alternatives)}(?![^\W_])")


class PlaceholderRule(Rule):
    """Template leftovers: bracketed fields of any kind (``[First Name]``, ``{company}``,
    ``%first_name%``), field names in brackets or joined as one word (``(name)``, ``firstname``,
    ``FIRST_NAME``), and phrases such as "Dear Sir/Madam"."""

    id = "placeholder"

    def __init__(self, config: PlaceholderConfig) -> None:
        self.phrases = PhraseList(config.all_phrases)
        keys = {fold_key(f).replace("_", " ").replace("-", " ") for f in config.fields}
        fields = [key.split() for key in sorted(keys, key=len, reverse=True) if key.strip()]
        spelled = _either(r"[ _-]?".join(map(re.escape, words)) for words in fields)
        self.bracketed = re.compile(f"{_OPEN_FIELD}{spelled}{_CLOSE_FIELD}")
        # "first name" is prose; "firstname" and "first_name" are a template's field.
        joined = [words for words in fields if len(words) > 1]
        self.joined = _whole_word("_?".join(map(re.escape, words)) for words in joined)
        self.joined_words = frozenset(w for words in joined for w in ("".join(words), words[0]))
        self.shouted = _whole_word(
            r"[ _]?".join(re.escape(word.upper()) for word in words) for words in fields
        )
        self.shouted_words = frozenset(words[0].upper() for words in fields)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        spans = self.phrases.spans(note)
        text, folded = note.text, note.folded
        if _TEMPLATE_CHARS.search(text) or "___" in text or "XXX" in text:
            spans += [m.span() for m in _PLACEHOLDER_RE.finditer(text)]
        if _OPENERS.search(folded.text):
            spans += [folded.span(*m.span()) for m in self.bracketed.finditer(folded.text)]
        if not self.joined_words.isdisjoint(note.word_set):
            spans += [folded.span(*m.span()) for m in self.joined.finditer(folded.text)]
        if not self.shouted_words.isdisjoint(note.capital_words):
            spans += [m.span() for m in self.shouted.finditer(text)]
        end = -1
        for start, stop in sorted(spans, key=lambda s: (s[0], -s[1])) if spans else ():
            if start >= end:
                end = stop
                yield Finding(
                    f"Fill in or remove the template leftover '{note.quote(start, stop)}'.",
                    start,
                    stop,
                )


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
_BRACKETED = r"[\[{<(][^\]}>)\n]{1,40}[\]}>)]"
"""A name left as a placeholder after a sign-off: "[Your Name]", "{sender}"."""
_NAME = r"[^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){0,2}"


# C0 controls but tab and newline (and the CR of a CRLF), DEL, C1 controls, the bidi
# embeddings, overrides and isolates that reorder what the reader sees, and characters that show
# nothing yet can carry or split text: tag characters (U+E0000-U+E007F, invisible ASCII), the line
# and paragraph separators U+2028 and U+2029, the zero-width space U+200B, the word joiner and
# invisible operators U+2060-U+2064, and U+FEFF anywhere but at the very start (a byte order
# mark). Bidi marks (LRM, RLM, ALM) are left alone: mixed-direction names need them and they
# reorder nothing on their own; so are ZWJ and ZWNJ, which scripts and emoji need.
_CONTROL_RE = re.compile(
    "(?:[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\U000e0000-\U000e007f]|\r(?!\n)|(?!\\A)\ufeff)+"
)
_CONTROLS_NAMED = 3


def _control_message(run: str) -> str:
    codes = [f"U+{ord(c):04X}" for c in dict.fromkeys(run)]
    named = ", ".join(codes[:_CONTROLS_NAMED]) + (", ..." if len(codes) > _CONTROLS_NAMED else "")
    plural = "s" if len(run) > 1 else ""
    return (
        f"Remove the invisible character{plural} {named}: a note is plain text, and these can "
        "hide, reorder or garble what the reader sees."
    )


_MARKDOWN_CHARS = _any_of("*_`#•")
_DASHES = _any_of("—–-")


def _may_have_markdown(note: Note) -> bool:
    return (
        _MARKDOWN_CHARS.search(note.text) is not None
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
            rf"(?P<sep>[ \t]*[,.!:;\n—–-][ \t]*\n?|[ \t]+)?[ \t]*(?P<name>{_NAME}|{_BRACKETED})?"
            r"[ \t]*[.!]?\s*\Z"
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
        for control in _CONTROL_RE.finditer(text) if not text.isprintable() else ():
            yield Finding(_control_message(control.group()), *control.span())
        clutter = self.clutter(note, ctx)
        for kind, start, end in clutter:
            if kind == "preamble":
                yield self._at(note, start, end, "Remove the preamble '{}'; output only the note.")
        for subject in _SUBJECT_RE.finditer(text) if ":" in text else ():
            yield self._at(note, *subject.span(), "Remove the subject line '{}'; notes have none.")
        if m := _PARAGRAPH_RE.search(note.trimmed):
            start = note.start + m.start()
            yield Finding(
                "Write one short paragraph: remove the blank line between paragraphs.",
                start,
                note.start + m.end(),
            )
        for kind, start, end in clutter:
            if kind in ("sign-off", "signature"):
                yield self._at(
                    note, start, end, "Remove the sign-off '{}'; LinkedIn shows your name."
                )
        for m in _MARKDOWN_RE.finditer(text) if _may_have_markdown(note) else ():
            yield self._at(note, *m.span(), "Remove the markdown '{}'; notes are plain text.")
        for m in _HASHTAG_RE.finditer(text) if "#" in text else ():
            yield self._at(note, *m.span(), "Remove the hashtag '{}'.")
        if self._wrapped_in_quotes(note.trimmed):
            yield Finding("Remove the quotation marks around the note.", note.start, note.end)
        for start, end in self.chatter.spans(note):
            yield self._at(note, start, end, "Remove '{}': write only the note itself.")

    def clutter(self, note: Note, ctx: ContextFacts | None) -> list[tuple[str, int, int]]:
        """Letter furniture around the note: a preamble, subject lines, a sign-off or signature.

        The clean-up cuts exactly these spans from model output, so whatever this rule flags as
        furniture is also what gets stripped (the patterns live here and in phrases.toml only).
        """
        text = note.text
        found: list[tuple[str, int, int]] = []
        if m := _PREAMBLE_RE.match(text):
            found.append(("preamble", m.start(), m.end()))
        for m in _SUBJECT_RE.finditer(text) if ":" in text else ():
            before = text[found[0][2] if found else 0 : m.start()]
            if not before.strip():  # the first line only: "Re: your talk" later is the note's
                found.append(("subject", *m.span()))
        if sign_off := self._sign_off(note, ctx):
            found.append(sign_off)
        return found

    @staticmethod
    def _at(note: Note, start: int, end: int, template: str) -> Finding:
        return Finding(template.format(note.quote(start, end)), start, end)

    def _sign_off(self, note: Note, ctx: ContextFacts | None) -> tuple[str, int, int] | None:
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
                return "sign-off", m.start("word"), note.end
        if _DASHES.search(text, tail) and (m := self.dash_name.search(text, tail)):
            name = m.group("name")
            if name[0].isupper() and (ctx is None or fold_key(name) in ctx.sender_name_keys):
                return "signature", m.start("dash"), note.end
        return None

    @staticmethod
    def _wrapped_in_quotes(trimmed: str) -> bool:
        if len(trimmed) > 2 and trimmed[-1] in ".!?" and trimmed[-2] in _QUOTES:
            trimmed = trimmed[:-1]
        if len(trimmed) < 2 or trimmed[0] not in _QUOTES or trimmed[-1] not in _QUOTES:
            return False
        return not any(c in _QUOTES[:6] for c in trimmed[1:-1])


_MINUTE_CALL_RE = re.compile(
    r"(?<!\w)(?:\d+|five|ten|fifteen|twenty|thirty|a few) ?-? ?min(?:ute)?s?(?: [a-z]+)? "
    r"(?:call|chat|meeting|demo|slot|zoom)(?!\w)"
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


class FillerRule(Rule):
    """A sentence that only finds something interesting ("It's fascinating to see how design
    teams approach healthcare UX.", "It's always exciting to learn from people who…"), and stock
    lines ("a challenging but rewarding experience", "Let me know if there's anything else I can
    help with."). A small model pads a note with them: they tell the reader nothing of the
    writer or what they want, and read as generated. A warm word ("great") before a clause that
    speaks of the reader or the writer ("it was great to learn from your talk", "…to discover we
    both use Feast") says something, and a sentence the writer put in the reason is theirs."""

    id = "filler"

    def __init__(self, config: FillerConfig) -> None:
        adjectives = [*config.adjectives, *config.warm_adjectives]
        self.warm = frozenset(fold_key(a) for a in config.warm_adjectives)
        self.sentence = re.compile(
            r"(?:^|(?<=[.!?…] )|(?<=[.!?…]\n)|(?<=[,:;] )|(?<= [-–—] ))"
            r"it(?:'s| is| was|'s been| has been) "
            r"(?:(?:always|really|so|very|truly|quite|just|also|particularly|incredibly) ){0,2}"
            rf"(?P<opening>(?P<adjective>{phrase_alternation(adjectives)}) "
            rf"(?:how|to (?:{phrase_alternation(config.verbs)})))(?![^\W_])"
            r"(?P<rest>(?:(?!,\s+(?:and|but|so)\s|\s[-–—]\s)[^.!?…\n;])*)"
        )
        self.phrases = PhraseList(config.all_phrases)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        name = recipient(ctx)
        folded = note.folded.text
        its = not _IT.isdisjoint(note.word_set)
        told = ctx.field_note("reason") if ctx is not None and its else None
        reason = told.folded.text if told is not None else ""  # folded once per context
        for m in self.sentence.finditer(folded) if its else ():
            if reason and m["opening"] in reason:  # "fascinating how", "exciting to learn"
                continue
            if m["adjective"] in self.warm and not _PERSONAL.isdisjoint(words_of(m["rest"])):
                continue  # "it was great to learn from your talk": about the reader or writer
            start, end = note.folded.span(m.start(), m.end())
            yield Finding(
                f"Cut '{note.quote(start, end)}': it only finds something interesting and "
                f"tells {name} nothing; say what you want to ask or offer instead.",
                start,
                end,
            )
        for start, end in self.phrases.spans(note):
            yield Finding(
                f"Cut '{note.quote(start, end)}': a stock line says nothing about {name} or why "
                "you write.",
                start,
                end,
            )


_IT = frozenset(["it", "it's"])
_PERSONAL = frozenset(
    ["i", "i'm", "i've", "i'd", "me", "my", "we", "we're", "we've", "we'd", "us", "our", "you",
     "you're", "you've", "you'd", "your", "yours"]
)  # fmt: skip
