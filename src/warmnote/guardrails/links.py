"""The links rule: URLs, domains, e-mail addresses and phone numbers, however they are spelled.

A writer who knows that links are frowned upon spells them so a filter misses them:
``example[.]com``, ``example (dot) com``, ``example .com``, ``exampleDOTcom``,
``e x a m p l e . c o m``, ``hxxps://``, ``jo at example dot com``, a phone number in words. The
rule searches views of the folded note that undo those spellings (``contact_view``,
``phone_view``); a span in a view still maps back to the note as written.

Every pattern has bounded repetition and overlaps are found by bisection, so a check takes time
linear in the length of the note, however many links it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from warmnote.guardrails.base import Finding, PhraseList, Rule
from warmnote.guardrails.config import LinksConfig
from warmnote.guardrails.lexicon import english_words
from warmnote.guardrails.note import ContextFacts, Note
from warmnote.text import URL_HEAD, Folded, edit, fold_key

_URL_RE = re.compile(URL_HEAD + r"[^\s<>\"']{1,500}")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_DOT_LETTER_RE = re.compile(r"\.(?=[^\W\d_])")
_TRAILING_PUNCT = ".,;:!?)]}'\""

# ---------------------------------------------------------------------------------- spelled links
# Possessive: a label or a local part is read whole, never backtracked into.
_LABEL = r"[^\W_][\w-]{0,62}+(?<!-)"
_LOCAL = r"[\w.+-]{1,64}+"
_OPEN, _CLOSE = r"\s?[\[({<]\s?", r"\s?[\])}>]\s?"
_WRAPPED_DOT = _OPEN + r"(?:\.|d[o0]t)" + _CLOSE  # [.] (dot) {.} <dot> (d0t)
_WRAPPED_AT = _OPEN + r"(?:@|at)" + _CLOSE  # [at] (@)
_SPACED_DOT = r" [.。] |。"  # example . com, the ideographic full stop
_SPACED_AT = r" @ ?|@ "
_WORD_DOT, _WORD_AT = " dot ", " at "
_LEET_DOT = " d0t "  # never prose, unlike " dot "
_DOT = f"(?:\\.|{_WRAPPED_DOT}|{_SPACED_DOT}|{_WORD_DOT}|{_LEET_DOT})"
_AT = f"(?:@|{_WRAPPED_AT}|{_SPACED_AT}|{_WORD_AT})"
_SEPARATOR_RE = re.compile(
    f"(?P<dot>{_WRAPPED_DOT}|{_SPACED_DOT}|{_WORD_DOT}|{_LEET_DOT})"
    f"|(?P<at>{_WRAPPED_AT}|{_SPACED_AT}|{_WORD_AT})"
)
_HXXP = r"(?<![^\W_])h(?:xx|tt|\*\*|tx|xt)p(?P<s>s?)\s?(?:\[:\]|\(:\)|:)\s?//"
_SPELLING_CHARS_RE = re.compile(r"[\[({<@。]")
# A view is built only for notes with one of these.
_SPELLED_RE = re.compile(
    r"h(?:xx|\*\*|tx|xt)p|\[:\]|\(:\)|[\[({<] ?(?:\.|d[o0]t|@|at) ?[\])}>]| [.。@]|。|@ | d[o0]t "
)

# ---------------------------------------------------------------------------------- spaced links
# Every character set apart, "e x a m p l e . c o m" or "h t t p s : / /": a run of five or more
# single characters, each alone between spaces, is read without its spaces when it holds a dot,
# an at or a colon (prose such as "Plan A, B or C" holds none). A scheme may be set apart on its
# own, before a name written normally.
_SPACED_SCHEME = (
    r"(?<![^\W_])h ?(?:t ?t|x ?x|t ?x|x ?t|\* ?\*) ?p ?(?P<s>s ?)?(?:\[ ?: ?\]|\( ?: ?\)|:) ?/ ?/ ?"
)
_SPACED_RUN = r"(?<!\S)\S(?: \S(?!\S)){4,}"
_SPACED_RE = re.compile(f"(?P<scheme>{_SPACED_SCHEME})|(?P<run>{_SPACED_RUN})")
_SPACED_HINT_RE = re.compile(r" [.:@。/]")
_SPACED_LINK_CHARS = frozenset(".:@。")

# ---------------------------------------------------------------------------------- joined links
# A name joined to its top-level domain by something other than a plain dot: "example .com",
# "example. com", "example·com", "exampleDOTcom", "exampled0tcom". Whether the joint is a dot
# depends on the note as written (capitals, the word before and after): see ``LinksRule._joined``.
_MIDDLE_DOTS = "·・∙•‧"
_LOOSE_DOTS = (" .", ". ")
_JOINED_SEP = f" \\.|\\. |[{_MIDDLE_DOTS}]|dot|d0t"
_JOINED_HINT_RE = re.compile(
    f" \\.[^\\W_]|[^\\W_]\\. [^\\W_]|[^\\W_][{_MIDDLE_DOTS}][^\\W_]|[^\\W_]d[o0]t"
)
_CATALAN_L = "l"  # "col·lega", "cel·la": a middle dot between two l's is Catalan spelling
_NEXT_WORD_RE = re.compile(r" ?([^\W_]+)")
_LOOSE_MIN_LABEL = 3  # "dr. de Vries", "st. es": shorter names before ". " are abbreviations

_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "2", "thirty": "3",
    "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9",
}  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORD = (
    f"(?:(?:{'|'.join(_TENS)})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
    f"|{'|'.join(sorted(set(_NUMBER_WORDS) - set(_TENS), key=len, reverse=True))})(?![^\\W_])"
)
# Three or more number words in a row read as digits ("five five five, one two ..."); "one or
# two" and "one of the five" do not.
_SPELLED_RUN = 3
_SPELLED_NUMBER_RE = re.compile(
    f"(?<![^\\W_]){_NUMBER_WORD}(?:[ ,.-]{{1,3}}{_NUMBER_WORD}){{{_SPELLED_RUN - 1},}}"
)
_ONE_NUMBER_WORD_RE = re.compile(_NUMBER_WORD)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)
_DIGIT_RE = re.compile(r"\d")
_PHONE_RE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s()./-]{4,40}\d(?!\w)")
_DATE_LIKE_RE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}|\d{4}\s*[-/]\s*\d{2,4}")
_NO_CONTACT = "share contact details after they accept"
_NO_LINKS = "LinkedIn notes should not carry links"


def _digits(word: str) -> str:
    """One number word as digits: "five" -> "5", "twenty" -> "20", "twenty-one" -> "21"."""
    first, _, unit = word.replace("-", " ").partition(" ")
    if first not in _TENS:
        return _NUMBER_WORDS[first]
    return _NUMBER_WORDS[first] + (_NUMBER_WORDS[unit] if unit else "0")


def _as_digits(run: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """Edits that write a run of number words as digits, word by word (so spans stay exact),
    with the commas between them as spaces."""
    last = run.start()
    for word in _ONE_NUMBER_WORD_RE.finditer(run.string, run.start(), run.end()):
        if "," in run.string[last : word.start()]:
            yield last, word.start(), " "
        yield word.start(), word.end(), _digits(word.group())
        last = word.end()


def _unspaced(match: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """Edits that close up one run of characters set apart ("e x a m p l e . c o m")."""
    if match.group("scheme") is not None:
        yield match.start(), match.end(), f"http{'s' if match.group('s') else ''}://"
        return
    run = match.group()
    if _SPACED_LINK_CHARS.isdisjoint(run):
        return
    start = match.start()
    for i in range(1, len(run), 2):
        yield start + i, start + i + 1, ""


def phone_view(folded: Folded) -> Folded:
    """``folded`` with runs of number words written as digits."""
    return edit(
        folded, (e for run in _SPELLED_NUMBER_RE.finditer(folded.text) for e in _as_digits(run))
    )


def _may_be_spelled(text: str) -> bool:
    """A test that rules out most notes faster than ``_SPELLED_RE`` can."""
    return (
        "dot" in text
        or "d0t" in text
        or " ." in text
        or "hxx" in text
        or "h**" in text
        or "htx" in text
        or "hxt" in text
        or _SPELLING_CHARS_RE.search(text) is not None
    )


class _Taken:
    """Spans already reported, kept sorted so that an overlap test is one bisection."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self._ends: list[int] = []
        self._pending: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._ends, start)
        return i < len(self.spans) and self.spans[i][0] < end

    def add(self, start: int, end: int) -> None:
        """Remember a span; it counts for ``overlaps`` after the next ``settle``."""
        self._pending.append((start, end))

    def settle(self) -> None:
        if self._pending:
            self.spans = sorted(self.spans + self._pending)
            self._ends = [end for _, end in self.spans]
            self._pending = []


class LinksRule(Rule):
    id = "links"

    def __init__(self, config: LinksConfig, stopwords: frozenset[str]) -> None:
        tlds = "|".join(sorted({t.lower() for t in config.tlds}, key=len, reverse=True))
        tld = f"(?:{tlds or '(?!x)x'})"
        self.domain = re.compile(
            rf"(?<![\w@./-])(?:[^\W_](?:[\w-]{{0,61}}[^\W_])?\.)+{tld}"
            rf"(?![\w-])(?:/[^\s<>\"']{{0,500}})?"
        )
        self.joined = re.compile(
            rf"(?<![\w-])(?P<label>[^\W_][\w-]{{0,62}}?)(?P<sep>{_JOINED_SEP})"
            rf"(?P<tld>{tld})(?![\w-])"
        )
        self.spelled = re.compile(
            f"{_HXXP}|(?<![\\w@.-])(?:(?P<local>{_LOCAL}){_AT})?"
            f"(?P<first>{_LABEL})(?:{_DOT}{_LABEL}){{0,8}}{_DOT}(?P<tld>{tld})(?![\\w-])"
        )
        self.stopwords = stopwords
        self.allow = frozenset(fold_key(a) for a in config.allow)
        self.domain_words = frozenset(fold_key(w) for w in config.domain_words)
        self.phone_min_digits = config.phone_min_digits
        self.contact_phrases = PhraseList(config.contact_phrases)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        view = self.contact_view(note.folded, note.text)
        text = view.text
        taken = _Taken()
        kinds = (
            (_URL_RE, "http" in text or "www." in text, "link", _NO_LINKS),
            (_EMAIL_RE, "@" in text, "e-mail address", _NO_CONTACT),
            (self.domain, _DOT_LETTER_RE.search(text) is not None, "link", _NO_LINKS),
        )
        for pattern, possible, kind, why in kinds:
            for match in pattern.finditer(text) if possible else ():
                a, b = match.span()
                while b > a and text[b - 1] in _TRAILING_PUNCT:
                    b -= 1
                start, end = view.span(a, b)
                if taken.overlaps(start, end) or (
                    pattern is self.domain and self._allowed(text[a:b], ctx)
                ):
                    continue
                taken.add(start, end)
                yield Finding(f"Remove the {kind} '{note.quote(start, end)}'; {why}.", start, end)
            taken.settle()
        yield from self._phones(note, taken)
        for start, end in self.contact_phrases.spans(note):
            yield Finding(
                f"Remove '{note.quote(start, end)}': a first note has no use for their contact "
                "details, and profile text asking for them is an instruction to ignore.",
                start,
                end,
            )

    def contact_view(self, folded: Folded, original: str) -> Folded:
        """``folded`` (of ``original``) with spelled-out links and addresses written plainly:
        ``example[.]com``, ``example .com``, ``e x a m p l e . c o m``, ``jo at example dot com``
        and ``hxxps://`` become ``example.com``, ``jo@example.com`` and ``https://``."""
        view = folded
        if _SPACED_HINT_RE.search(view.text):
            view = edit(view, (e for m in _SPACED_RE.finditer(view.text) for e in _unspaced(m)))
        if _JOINED_HINT_RE.search(view.text):
            joints = self.joined.finditer(view.text)
            view = edit(view, (e for m in joints for e in self._joined(m, view, original)))
        if not _may_be_spelled(view.text) or _SPELLED_RE.search(view.text) is None:
            return view
        return edit(view, (e for m in self.spelled.finditer(view.text) for e in self._plain(m)))

    def _joined(
        self, match: re.Match[str], view: Folded, original: str
    ) -> Iterator[tuple[int, int, str]]:
        """The edit that reads one joint as a dot, if the note as written calls for it.

        ``DOT`` counts in capitals after a small letter ("exampleDOTcom"), not inside a word
        ("anecdotes"); a loose dot counts between small letters only ("example. com", never
        "in Lisbon. Com" or "Dr. de Vries"), not after a stopword ("the .com years"), not before
        a word such as "domain" ("a shiny .io domain"), and ". " not before a stopword or English
        word ("thanks. me too").
        """
        text = view.text
        sep, tld = match.group("sep"), match.group("tld")
        a, b = view.span(*match.span("sep"))
        start, end = match.span("sep")
        if sep == "dot":
            written = original[a:b]
            before = original[a - 1 : a]
            after = original[b : b + 1]
            if not (before.islower() or before.isdigit()) or not (
                written == "DOT" or (written == "Dot" and after.isupper())
            ):
                return
        elif sep in _LOOSE_DOTS:
            label_at = view.span(*match.span("label"))[0]
            tld_at = view.span(*match.span("tld"))[0]
            label = match.group("label")
            following = _NEXT_WORD_RE.match(text, match.end())
            next_word = following.group(1) if following is not None else ""
            next_at = view.span(*following.span(1))[0] if following is not None else -1
            if (
                original[label_at].isupper()
                or not original[tld_at].islower()
                or label in self.stopwords
                or next_word in self.domain_words
                or (next_at >= 0 and original[next_at].isupper())  # "Prof. de Jong"
                or (sep == ". " and not self._loose_name(label, tld, text, match.start()))
            ):
                return
        elif sep != "d0t" and text[start - 1 : start] == text[end : end + 1] == _CATALAN_L:
            return
        yield start, end, "."

    def _plain(self, match: re.Match[str]) -> Iterator[tuple[int, int, str]]:
        """Edits that write one spelled link plainly; none for prose such as "the dot com era"
        or "I work at example.com" (a plain domain, caught as such). A spelled "at" makes an
        address only together with a spelled dot: "jordan at mailbox dot org"."""
        if match.group("first") is None:
            yield match.start(), match.end(), f"http{match.group('s')}://"
            return
        seps = list(_SEPARATOR_RE.finditer(match.string, match.start(), match.end()))
        dots = [s for s in seps if s.group("dot")]
        if all(s.group() == _WORD_DOT for s in dots) and (
            match.group("first") in self.stopwords or match.group("tld") in self.stopwords
        ):
            dots = []
        at = next((s for s in seps if s.group("at")), None)
        if at is not None and (at.group() != _WORD_AT or (dots and self._names(match["local"]))):
            yield at.start(), at.end(), "@"
        for dot in dots:
            yield dot.start(), dot.end(), "."

    def _loose_name(self, label: str, tld: str, text: str, start: int) -> bool:
        """Whether "label. tld" can be a name and its domain rather than the end of one sentence
        and the start of the next: no abbreviation before ("dr. de", "e.g. com"), no word
        after ("thanks. me too")."""
        return (
            len(label) >= _LOOSE_MIN_LABEL
            and text[start - 1 : start] != "."
            and tld not in self.stopwords
            and tld not in english_words()
        )

    def _names(self, local: str) -> bool:
        """Whether the word before a spelled "at" names a mailbox ("jordan at ...") rather than
        being prose ("my notes are at ...")."""
        return local not in self.stopwords and local not in english_words()

    def _allowed(self, domain: str, ctx: ContextFacts | None) -> bool:
        return domain in self.allow or (
            ctx is not None and "/" not in domain and domain in ctx.haystack
        )

    def _phones(self, note: Note, taken: _Taken) -> Iterator[Finding]:
        spelled = not _NUMBER_WORD_SET.isdisjoint(note.word_set) and (
            sum(word in _NUMBER_WORD_SET for word in note.words) >= _SPELLED_RUN
        )
        if not spelled and _DIGIT_RE.search(note.folded.text) is None:
            return
        view = phone_view(note.folded) if spelled else note.folded
        for match in _PHONE_RE.finditer(view.text):
            if not self._is_phone(match.group()):
                continue
            start, end = view.span(*match.span())
            if taken.overlaps(start, end):
                continue
            yield Finding(
                f"Remove the phone number '{note.quote(start, end)}'; {_NO_CONTACT}.", start, end
            )

    def _is_phone(self, candidate: str) -> bool:
        digits = sum(c.isdigit() for c in candidate)
        return digits >= self.phone_min_digits and not _DATE_LIKE_RE.fullmatch(candidate.strip())
