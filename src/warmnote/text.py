"""Measuring notes the way LinkedIn does, and folding text so rules match what a reader sees.

Rules never match raw text: a model (or a person) can write the same words with curly quotes,
zero-width characters, Cyrillic look-alike letters, a right-to-left override that shows reversed
text in reading order, or "I would" for "I'd". ``fold`` maps all of those to one plain,
lower-case form and keeps an index map, so a match found in the folded text is reported as a span
of the original. ``edit``, ``rewrite`` and ``squeeze`` build further views of folded text the
same way.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from confusable_homoglyphs.confusables import confusables_data

MONTH_NAMES = tuple(
    (full, full[:3], *(["sept"] if full == "september" else []))
    for full in ("january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december")
)  # fmt: skip
"""Each month's names in small letters, in the year's order: ("september", "sep", "sept"); the
one table of them."""
MONTHS = frozenset(name for names in MONTH_NAMES for name in names)
"""Month names and their abbreviations, in small letters."""
ARTICLES = frozenset(["a", "an", "the"])
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
"""Small counts written as words ("ask her two questions", "three weeks ago")."""
SPANS_OF_TIME = frozenset(
    ["year", "month", "week", "day", "weekend", "night", "morning", "spring", "summer",
     "autumn", "fall", "winter", "season", "semester", "term", "time"]
)  # fmt: skip
"""What "last" or "this" before it makes a time of ("last week you explained…")."""
# Words after "her" that make it the object ("ask her how", "thank her for"), not "your".
AFTER_OBJECT = frozenset([
    "about", "above", "across", "after", "against", "along", "among", "around", "as", "at",
    "before", "behind", "below", "beside", "between", "beyond", "by", "during", "for", "from",
    "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside",
    "over", "past", "since", "through", "to", "toward", "towards", "under", "until", "up",
    "upon", "via", "with", "within", "without", "a", "an", "the", "this", "that", "these",
    "those", "some", "any", "every", "each", "all", "both", "no", "my", "our", "your", "his",
    "its", "their", "and", "or", "but", "so", "if", "whether", "how", "what", "why", "when",
    "where", "who", "whom", "which", "i", "me", "we", "us", "you", "it", "them", "him",
    "myself", "yourself", "again", "too", "directly", "personally", "soon", "back", "now",
    "today", "once", "well", "instead", "first", "though", "yet", "anything", "something",
    "everything", "nothing"
])  # fmt: skip
# Words that join a clause to the one before: "she posted that over-drying cost them" ends her
# clause at "that", so "them" is not hers to be the object of.
CLAUSE_LINKS = frozenset(
    ["that", "which", "who", "if", "whether", "because", "when", "while", "and", "but", "or", "so"]
)
SHE_HE_SUBJECTS = frozenset(["she", "he", "she'd", "he'd", "she'll", "he'll", "she's", "he's"])
"""The reader's "she" or "he" as a subject: a "them" or "her" after it in its clause is not
them ("how she cleans them", "she'd send her list"; the reader would be "herself")."""
THEY_SUBJECTS = frozenset(["they", "they'd", "they'll", "they're", "they've"])
"""The reader's "they" as a subject: a "them" after it in its clause, before anything they
report, is most likely something else ("how they got cutters to wear them": the harnesses)."""
WRITER_AGENTS = frozenset(["i", "me", "we", "us", "you", "i'd", "i'll", "we'd", "we'll"])
"""The writer (or the reader) acting after "she": "she asked me to send her", "she wants us to
clean them"; the pronoun after them is not the subject's own."""
PEOPLE_NOUNS = frozenset(["people", "folks", "everyone", "everybody", "colleagues"])
"""Words for people that start a clause as its subject ("people at the association say…"), never
as a verb of the writer's, though "people" is one in the dictionary."""
ORGANISATION_NOUNS = frozenset(
    ["client", "clients", "firm", "company", "employer", "startup", "agency", "utility",
     "customer", "customers", "buyer", "buyers", "investor", "investors", "fund", "ministry",
     "council", "charity", "ngo", "brand", "manufacturer", "retailer", "distributor"]
)  # fmt: skip
_BEFORE_A_SUBJECT = frozenset(["the", "a", "an", "our", "my", "this", "one"])


def about_an_organisation(keys: Iterable[str]) -> bool:
    """Whether a sentence whose words (lower-case) are ``keys`` starts with a client, a firm or
    the like as its subject: its "they" is theirs, not the reader's ("client is a geotextile
    firm in rotterdam, they want a production lead"; not "…true for our clients, how they…")."""
    key = next((key for key in keys if key not in _BEFORE_A_SUBJECT), "")
    return key in ORGANISATION_NOUNS


# A verb done to "each other" with nothing but a place word between: "stood next to each other",
# "met each other"; not "saw two speakers interrupt each other", whose "each other" is theirs.
RECIPROCAL_AFTER_VERB = (
    r"[^\W\d_]+(?:\s+(?:next|to|beside|with|near|by|across|from|opposite|behind|in|front|of|"
    r"alongside|against|up))*\s+(?:each other|one another)(?![^\W_'])"
)
URL_HEAD = r"(?<![\w@])(?:https?://|www\.)"
"""Where a link starts, for the links rule and the plain note's reading of the reason alike."""
YOU_FORMS = frozenset(["you", "your", "yours", "yourself", "you'd", "you're", "you've", "you'll"])
"""The reader as typed in the second person: in a sentence that has one, "they" is someone else
("you said people can reuse it if they ask first"), as is "he" or "she" after it or told
"you" ("the export he told you about")."""
_GROUP_WORDS = frozenset(
    ["neither", "either", "both", "none", "one", "each", "all", "some", "any", "most", "few",
     "two", "three", "four", "five", "several", "which", "many"]
)  # fmt: skip


def counted(before: Sequence[str]) -> bool:
    """Whether the words ``before`` a "them" count people ("neither of", "both of"): those are
    never the one reader ("two mutuals, but neither of them set this up")."""
    return len(before) >= 2 and before[-1] == "of" and before[-2] in _GROUP_WORDS


POSSESSIVES = frozenset(["my", "our", "your", "his", "her", "their"])
"""The possessive determiners of people: "her view", "our shop"."""
NEW_SUBJECTS = frozenset(["to", "the", "a", "an", "my", "our", "his", "their", "its"])
"""Words that start someone else who may act before "her": "she said the team would send her
updates". Not for "them", which is most often a thing named before ("she offered to send the
specs - ask for them")."""
# Words that start a clause, which no possessive comes before: "told her I'd reach out".
CLAUSE_STARTS = frozenset([
    "i", "i'd", "i'm", "i'll", "i've", "we", "we'd", "we're", "we'll", "we've", "you", "you'd",
    "you're", "he", "she", "they", "that", "how", "what", "why", "when", "where", "if", "whether"
])  # fmt: skip


def utf16_len(s: str) -> int:
    """JavaScript string length (UTF-16 code units): what LinkedIn's composer counts."""
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


_SINGLE_QUOTES = "'‘’‚‛′‵´ʹʻʼʽˈ＇"
_DOUBLE_QUOTES = '"“”„‟″‶«»＂'
_SPACE = " "


def _latin_skeleton() -> dict[str, str]:
    """Non-ASCII letters that look like one ASCII letter or digit, from Unicode's confusables."""
    table: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        targets = [_strip_marks(h["c"]) for h in homoglyphs]
        plain = [t for t in targets if len(t) == 1 and t.isascii() and t.isalnum()]
        if plain:
            letters = [t for t in plain if t.isalpha()]
            table[char] = (letters or plain)[0].lower()
    return table


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if unicodedata.category(c) != "Mn")


def _fold_one(c: str) -> str:
    """One character of a decomposed, casefolded character."""
    if c in _SINGLE_QUOTES:
        return "'"
    if c in _DOUBLE_QUOTES:
        return '"'
    category = unicodedata.category(c)
    if category in ("Cf", "Mn"):
        return ""
    if c.isspace() or category in ("Zs", "Zl", "Zp", "Cc"):
        return _SPACE
    if category == "Pd":
        return "-"
    return _SKELETON.get(c, c)


def _fold_char(char: str) -> str:
    """The folded form of one character ('' drops it)."""
    if char in _SINGLE_QUOTES or char in _DOUBLE_QUOTES or unicodedata.category(char) == "Cf":
        return _fold_one(char)
    folded = "".join(_fold_one(c) for c in _strip_marks(char).casefold())
    lowered = folded.lower()  # casefold leaves a few scripts (Cherokee) upper case
    if lowered != folded:
        folded = "".join(_fold_one(c) for c in _strip_marks(lowered))
    return folded


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first use of each code point.

    ``uneven`` collects the characters that do not fold to exactly one character (they shift
    offsets); ``str.translate`` fills the table before anyone asks.
    """

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            self.uneven.add(chr(code))
        return folded

    def fill(self, codes: Iterable[int]) -> None:
        for code in codes:
            self.__missing__(code)


_SKELETON = _latin_skeleton()
_TABLE = _FoldTable()
_TABLE.fill(range(128))

_CONTRACTIONS = {
    "i am": "i'm",
    "i would": "i'd",
    "you would": "you'd",
    "we would": "we'd",
    "they would": "they'd",
    "it would": "it'd",
    "that would": "that'd",
    "i will": "i'll",
    "you will": "you'll",
    "we will": "we'll",
    "they will": "they'll",
    "it will": "it'll",
    "i have": "i've",
    "you have": "you've",
    "we have": "we've",
    "they have": "they've",
    "you are": "you're",
    "we are": "we're",
    "they are": "they're",
    "it is": "it's",
    "that is": "that's",
    "there is": "there's",
    "what is": "what's",
    "he is": "he's",
    "she is": "she's",
    "let us": "let's",
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "are not": "aren't",
    "was not": "wasn't",
    "have not": "haven't",
    "would not": "wouldn't",
    "could not": "couldn't",
    "should not": "shouldn't",
    "will not": "won't",
    "can not": "can't",
    "cannot": "can't",
}
_CONTRACTION_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted({k.split()[0] for k in _CONTRACTIONS if " " in k}, key=len, reverse=True))
    + r") (?:"
    + "|".join(sorted({k.split()[1] for k in _CONTRACTIONS if " " in k}, key=len, reverse=True))
    + r")\b|\bcannot\b"
)
_SPACE_RUN_RE = re.compile(r" {2,}")


@dataclass(frozen=True, slots=True)
class _Edits:
    """Replacements that turned a parent text into this one, to map offsets back."""

    parent_spans: tuple[tuple[int, int], ...]
    child_starts: tuple[int, ...]
    child_ends: tuple[int, ...]

    def start(self, pos: int) -> int:
        i = bisect_right(self.child_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.child_ends[i]:
            return self.parent_spans[i][0]
        return pos - self.child_ends[i] + self.parent_spans[i][1]

    def end(self, pos: int) -> int:
        """Map an exclusive end offset."""
        if pos <= 0:
            return self.start(pos)
        last = pos - 1
        i = bisect_right(self.child_starts, last) - 1
        if i < 0:
            return pos
        if last < self.child_ends[i]:
            return self.parent_spans[i][1]
        return pos - self.child_ends[i] + self.parent_spans[i][1]


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text that can map its offsets back to the original text."""

    text: str
    edits: _Edits | None = None
    parent: Folded | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the original text."""
        if self.edits is not None:
            a = self.edits.start(start)
            b = self.edits.end(end) if end > start else a
            start, end = a, max(a, b)
        if self.parent is not None:
            return self.parent.span(start, end)
        return start, end


def _edited(text: str, parent: Folded | None, edits: list[tuple[int, int, int, int]]) -> Folded:
    return Folded(
        text,
        _Edits(
            tuple((a, b) for a, b, _, _ in edits),
            tuple(c for _, _, c, _ in edits),
            tuple(d for _, _, _, d in edits),
        ),
        parent,
    )


def rewrite(
    folded: Folded, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> Folded:
    """Apply a substitution to folded text, keeping the way back to the original.

    ``replace`` may return the match unchanged to leave it alone.
    """
    return edit(folded, ((*m.span(), replace(m)) for m in pattern.finditer(folded.text)))


def edit(folded: Folded, changes: Iterable[tuple[int, int, str]]) -> Folded:
    """Replace spans of folded text, given in order and not overlapping, keeping the way back to
    the original: an offset inside a replacement maps to the replaced span."""
    text = folded.text
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    last = 0
    size = 0
    for a, b, repl in changes:
        if text[a:b] == repl:
            continue
        pieces.append(text[last:a])
        size += a - last
        pieces.append(repl)
        edits.append((a, b, size, size + len(repl)))
        size += len(repl)
        last = b
    if not edits:
        return folded
    pieces.append(text[last:])
    return _edited("".join(pieces), folded, edits)


_NOT_ALNUM_RE = re.compile(r"[\W_]+")


def squeeze(folded: Folded) -> Folded:
    """Only the letters and digits of a folded text, mapping back to the text itself.

    Spans of the result map to the folded text (not past it), so "a d d  y o u" and "add you"
    both read "addyou" and a match can be checked against other spans of the folded text.
    """
    return rewrite(Folded(folded.text), _NOT_ALNUM_RE, lambda m: "")


@lru_cache(maxsize=4096)
def _class_of(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_FEW_NON_ASCII_BYTES = 48  # below this, mapping just the non-ASCII characters beats translate()


def _fold_non_ascii(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, faster for the usual note: ASCII with a few curly quotes."""
    if text.isascii():
        return text.lower() if text.isprintable() else text.translate(_TABLE)
    if len(text.encode("utf-8", "surrogatepass")) - len(text) > _FEW_NON_ASCII_BYTES:
        return text.translate(_TABLE)
    folded = _NON_ASCII_RE.sub(_fold_non_ascii, text).lower()
    return folded if folded.isprintable() else _CONTROL_RE.sub(_SPACE, folded)


def _fold_chars(text: str, parent: Folded | None = None) -> Folded:
    folded = _translate(text)
    if text.isascii():
        return Folded(folded, None, parent)
    uneven = frozenset(_TABLE.uneven.intersection(text))
    if not uneven:
        return Folded(folded, None, parent)
    edits: list[tuple[int, int, int, int]] = []
    shift = 0
    for match in _class_of(uneven).finditer(text):
        i = match.start()
        size = len(_TABLE[ord(match.group())])
        edits.append((i, i + 1, i + shift, i + shift + size))
        shift += size - 1
    return _edited(folded, parent, edits)


def _contract(match: re.Match[str]) -> str:
    return _CONTRACTIONS.get(match.group(), match.group())


_RLO = "\u202e"
# A right-to-left override shows the characters after it in reverse order, up to a pop (PDF),
# the end of an isolate (PDI) or the end of the paragraph.
_OVERRIDDEN_RE = re.compile(_RLO + "[^\u202c\u2069\n\r\u2029]*")


def _as_shown(text: str) -> Folded | None:
    """``text`` in the order a reader sees it, if a right-to-left override reverses part of it."""
    if _RLO not in text:
        return None
    shown = rewrite(Folded(text), _OVERRIDDEN_RE, lambda m: m.group()[::-1])
    return shown if shown.text != text else None


def fold(text: str) -> Folded:
    """Fold ``text`` for matching: text reversed by a right-to-left override put in reading order,
    NFKC, casefold, plain quotes and dashes, no format characters, Latin look-alikes, accents
    removed, single spaces, and contractions ("I would" -> "i'd")."""
    shown = _as_shown(text)
    folded = _fold_chars(text) if shown is None else _fold_chars(shown.text, shown)
    if "  " in folded.text:
        folded = rewrite(folded, _SPACE_RUN_RE, lambda m: _SPACE)
    return rewrite(folded, _CONTRACTION_RE, _contract)


def fold_chars(text: str) -> str:
    """Only the per-character part of ``fold``: enough to look words up, and faster."""
    return _translate(text)


def fold_text(text: str) -> str:
    """``fold(text).text`` without the way back to the original: for text that is only searched."""
    shown = _as_shown(text)
    folded = _SPACE_RUN_RE.sub(_SPACE, _translate(text if shown is None else shown.text))
    return _CONTRACTION_RE.sub(_contract, folded)


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """``fold`` for short strings compared as keys (phrases, words); cached."""
    return fold_text(text).strip()


def without_accents(text: str) -> str:
    """``text`` without its accents, in its own case ("Kakinada" of Kākināda)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
