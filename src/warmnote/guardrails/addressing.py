"""How the note addresses its reader: "you", not "she" or their own name ("Mehrnoush replied");
"Hi Sven" or "Hi Dr. Lund", not "Dr. Sven"; "Hi 愛子", not the family name alone ("Hi 田中") where
the name is known to put it first.

Contexts are written about the recipient ("share a checklist she asked about"), and a small
model splices those words into a note addressed to them. Third-person pronouns are therefore
rejected unless someone else is named (or called a friend, colleague...) just before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from warmnote.guardrails.base import Finding, Rule
from warmnote.guardrails.config import AddressingConfig
from warmnote.guardrails.lexicon import english_words
from warmnote.guardrails.note import ContextFacts, Note, words_of
from warmnote.guardrails.people import (
    GREETINGS,
    People,
    Word,
    note_words,
    sentence_at,
    sentence_words,
)
from warmnote.names import (
    CJK_RE,
    DOTTED_TITLES,
    SPOKEN_TITLES,
    TITLES,
    TITLES_AFTER_NAME,
    TITLES_BEFORE_TWO,
    asked_title,
    family_first_language,
    family_name,
    given_name,
    given_named,
    korean_family_name_in_latin,
    name_parts,
    nicknames,
    own_script_allowed,
    preferred_name,
    spelled_in_latin,
)
from warmnote.places import is_place_name
from warmnote.text import (
    CLAUSE_LINKS,
    CLAUSE_STARTS,
    SHE_HE_SUBJECTS,
    THEY_SUBJECTS,
    WRITER_AGENTS,
    YOU_FORMS,
    about_an_organisation,
    counted,
    fold_key,
)

# Third-person forms and what to write instead when speaking to the reader.
_SHE_HE = {
    "she": "you",
    "he": "you",
    "him": "you",
    "his": "your",
    "hers": "yours",
    "herself": "yourself",
    "himself": "yourself",
    "she's": "you're",
    "he's": "you're",
    "she'd": "you'd",
    "he'd": "you'd",
    "she'll": "you'll",
    "he'll": "you'll",
    "her": "your",
}
_THEY = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourself",
    "they're": "you're",
    "they've": "you've",
    "they'd": "you'd",
    "they'll": "you'll",
}
_PRONOUN_RE = re.compile(
    r"(?<![^\W_'])(?:"
    + "|".join(sorted({*_SHE_HE, *_THEY}, key=len, reverse=True))
    + r")(?![^\W_'])"
)
_WINDOW = 3
"""Words around a pronoun compared with a context field to tell whether they were spliced."""


class AddressingRule(Rule):
    """The reader is "you", and a title goes with their family name (see addressing.toml)."""

    id = "addressing"

    def __init__(
        self, config: AddressingConfig, people: People, person_nouns: frozenset[str]
    ) -> None:
        self.people = people
        self.person_nouns = person_nouns
        self.titles = frozenset(fold_key(t).rstrip(".") for t in config.titles)
        self.title_keys = self.titles | _DOTTED_NAME_TITLES
        """Words that may be a title, with its dot or without: where to look for one."""
        self.family_first = frozenset(fold_key(n) for n in config.family_name_first)

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        words = note.word_set
        findings: list[Finding] = []
        if not words.isdisjoint(_SHE_HE) or (ctx is not None and not words.isdisjoint(_THEY)):
            findings += self._pronouns(note, ctx)
        if ctx is not None and not words.isdisjoint(self.title_keys):
            findings += self._titles(note, ctx)
        if ctx is not None:
            findings += _family_name_greeting(note, ctx)
            findings += _cut_name_greeting(note, ctx)
            findings += _not_the_name_asked(note, ctx)
            findings += _nameless_greeting(note, ctx, self.titles | _NAME_TITLES)
            named = list(_reader_named(note, ctx))
            findings += named
            findings += (
                f
                for f in _named_before_you(note, ctx)
                if not any(f.start < n.end and n.start < f.end for n in named)
            )
            findings += _greeted_twice(note, ctx)
            findings += _title_not_used(note, ctx)
        return findings

    # ------------------------------------------------------------------------------ pronouns
    def _pronouns(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        text = note.folded.text
        reader = ctx.name if ctx is not None else _greeted_name(note)
        greeted = People.greeted(note) if ctx is None else frozenset()
        quotes, counted = 0, 0
        first_mention: dict[int, int | None] = {}
        greeted_at = _greeted_span(note)
        for m in _PRONOUN_RE.finditer(text):
            pronoun = m.group()
            quotes, counted = quotes + text.count('"', counted, m.start()), m.start()
            if quotes % 2:
                continue  # inside a quotation
            if note.folded.span(*m.span()) == greeted_at:
                continue  # "Hi He," greets a reader named He (何): a name, not a pronoun
            window = _window(text, m.start(), m.end())
            if ctx is not None and _spliced(window, ctx.own_texts):
                continue  # the reader's own words, from their posts or about text
            if pronoun in _THEY:
                if ctx is None or not self._spliced_about_reader(window, ctx, pronoun):
                    continue
            elif not (
                _asked_by_me(text, m.start())
                and not (pronoun == "her" and _owns_next_word(text, m.end()))
            ) and self._someone_else_before(note, ctx, greeted, m.start(), first_mention):
                continue
            start, end = note.folded.span(*m.span())
            instead = _THEY.get(pronoun) or _SHE_HE[pronoun]
            if pronoun == "her" and not _owns_next_word(text, m.end()):
                instead = "you"
            where = f" in '{_quote_window(note, m.start(), m.end())}'"
            yield Finding(
                f"Speak to {reader} directly: replace '{note.text[start:end]}'{where} with "
                f"'{instead}'; the note is addressed to {reader}, so the third person reads as "
                "someone else.",
                start,
                end,
            )

    def _someone_else_before(
        self,
        note: Note,
        ctx: ContextFacts | None,
        greeted: frozenset[str],
        folded_at: int,
        first_mention: dict[int, int | None],
    ) -> bool:
        """A person other than the reader named (or a friend, colleague...) earlier in the same
        sentence or in the one before. ``first_mention`` keeps, per sentence, where the first
        such person is, so many pronouns in one sentence don't make the rule quadratic."""
        at = note.folded.span(folded_at, folded_at)[0]
        sentence = sentence_at(note, at)
        for index in (sentence - 1, sentence):
            if index not in first_mention:
                first_mention[index] = next(
                    (
                        w.start
                        for w in sentence_words(note, index)
                        if w.key in self.person_nouns
                        or (w.key not in greeted and self.people.is_name(w, ctx))
                    ),
                    None,
                )
            mention = first_mention[index]
            if mention is not None and mention < at:
                return True
        return False

    def _spliced_about_reader(self, window: str, ctx: ContextFacts, pronoun: str) -> bool:
        """The words around "their" come from the reason or how_we_met, where "their" had no
        one named before it, so it meant the reader; "them" after the reader's "she" or "he"
        in its clause ("how she cleans them") did not."""
        # The reading of the reason imports the guardrails' word table: imported here.
        from warmnote.perspective import (
            anyone_before,
            hiring,
            of_my_people_before,
            of_the_subject_before,
            things_as_subject,
            things_joined,
            things_worth,
        )

        # the window may start before the pronoun ("while they dried" near a sentence's end):
        # what comes before and after is read from the pronoun itself
        offset = re.search(rf"(?<![^\W_']){re.escape(pronoun)}(?![^\W_'])", window)
        shift = offset.start() if offset else 0
        for field in ("reason", "how_we_met"):
            source = ctx.field_note(field)
            if source is None:
                continue
            # a field that calls someone "she" or "he" does not call the reader "they" as well
            she_or_he = not source.word_set.isdisjoint(_SHE_HE)
            for m in re.finditer(
                rf"(?<![^\W_']){re.escape(window)}(?![^\W_'])", source.folded.text
            ):
                at = source.folded.span(m.start() + shift, m.start() + shift)[0]
                sentence = _sentence_of(source, at)
                before = [w for w in sentence if w.start < at]
                if any(self.people.is_proper(w, ctx) for w in before):
                    continue
                keys = [w.key for w in before]
                if about_an_organisation(keys):
                    continue  # "client is a firm in rotterdam, they want…": the client's
                if any(w.key in YOU_FORMS for w in sentence) or counted(keys):
                    continue  # "…the dataset if they ask first", said to "you"; "neither of them"
                if pronoun == "them" and _subject_of_clause(before):
                    continue
                if pronoun == "them" and _hers_in_clause(before):
                    continue  # "want her eye on them": the borders, not her
                after = [w.key for w in sentence if w.start > at][:2]
                next_word = "".join(after[:1])
                if pronoun == "they" and things_joined(keys, next_word, she_or_he=she_or_he):
                    continue  # "how you grade the tears before they go off"
                if pronoun == "they" and she_or_he and hiring(after):
                    continue  # "…14 cities, and they need a stage manager": the side that hires
                if things_worth([w.key for w in sentence if w.start >= at][:4]):
                    continue  # "whether they're worth doing properly", of clock cases
                if (
                    pronoun in ("their", "themselves")
                    and she_or_he
                    and of_the_subject_before(
                        [w.key for w in before[-3:-1] if pronoun == "themselves"] or keys[-2:]
                    )
                ):
                    continue  # "while the athletes swing their wooden clubs", of a "he";
                    # "scripts that women kept for themselves"
                if pronoun == "their" and she_or_he and anyone_before(keys, next_word):
                    continue  # "so that nobody in the upper boxes has to crane their neck"
                if pronoun == "their" and she_or_he and of_my_people_before(keys):
                    continue  # "my clients keep asking who can service their bikes"
                if she_or_he and things_as_subject(keys):
                    continue  # "why some sticks split in their first wet month… her trials"
                return True
        return False

    # ------------------------------------------------------------------------------ titles
    def _is_title(self, note: Note, word: Word) -> bool:
        """A title of the rule file, or one that is a title only with its dot ("Doç.", "Ing.")."""
        return word.key in self.titles or (
            note.text[word.end : word.end + 1] == "." and word.text.casefold() in DOTTED_TITLES
        )

    def _titles(self, note: Note, ctx: ContextFacts) -> Iterator[Finding]:
        name, location = ctx.context.recipient.name, ctx.context.recipient.location
        parts = name_parts(name)
        given = words_of(fold_key(given_name(name, location)))
        known_family = family_name(name, location)
        family = words_of(fold_key(known_family or parts[-1]))
        # Where only the location tells the order ("Guo Yufei" of Ningbo), a title goes with the
        # family name; Vietnamese custom puts it before the given name ("Ms. Thanh").
        located = known_family is not None and family_name(name) is None
        order_unknown = not located or family_first_language(location) == "vietnamese"
        if (
            len(parts) < 2
            or not given
            or given == family
            or (fold_key(parts[0]) in self.family_first and order_unknown)
        ):
            return
        # A given name of two written first ("Ana Sofía Olvera Saucedo") is also called by its
        # first word: "Dra. Ana" as well as "Dra. Ana Sofía".
        sizes = (len(given), 1) if _given_names_first(name, location) else (len(given),)
        words = note_words(note)
        i = 0
        while i < len(words):
            if not self._is_title(note, words[i]):
                i += 1
                continue
            first = i
            while i < len(words) and self._is_title(note, words[i]) and _close(note, words, i):
                i += 1
            for size in sizes:
                named = [w.key for w in words[i : i + size]]
                rest = words[i + size : i + size + 1]
                if (
                    named == given[:size]
                    and _close(note, words, i - 1)
                    and not (rest and rest[0].capitalised and _close(note, words, i + size - 1))
                ):
                    start, end = words[first].start, words[i + size - 1].end
                    title = note.text[words[first].start : words[i - 1].end + 1].rstrip(" ,")
                    surname = known_family or _family_name(parts)
                    hi = given_name(name, location)
                    yield Finding(
                        f"Write 'Hi {hi}' or '{title} {surname}': a title goes with the family "
                        f"name, not the given name ('{note.quote(start, end)}').",
                        start,
                        end,
                    )
                    break
            i = max(i, first + 1)


def _title_not_used(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Hi Adérónkẹ́," where the reason says "use Prof., not her first name": the given name
    greets, and the title asked for is gone."""
    c = ctx.context
    given = c.recipient.first_name
    if asked_title(c.reason, c.recipient.name) is None or c.greeting == given:
        return
    words = sentence_words(note, 0)
    if len(words) < 2 or words[0].key not in GREETINGS:
        return
    if fold_key(words[1].text) == fold_key(given.split()[0]):
        yield Finding(
            f"Greet them as '{c.greeting}': your reason asks for the title.",
            words[1].start,
            words[1].end,
        )


def _family_name_greeting(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Hi 田中," to 田中 愛子: the family name alone, without a title or the given name."""
    name, location = ctx.context.recipient.name, ctx.context.recipient.location
    families = _family_names(name, location, note)
    named = _named_given(ctx)
    if named is not None and len(parts := name_parts(name)) == 2:
        # "Kónya Sarolta's surname, Kónya, leads": the other part is the family name
        families |= {fold_key(part) for part in parts if part != named}
    if not families:
        return
    words = sentence_words(note, 0)
    if not words:
        return
    given = named or given_name(name, location)
    at = 1 if words[0].key in GREETINGS else 0
    if at == 0 and not re.match(r"\s*[,!:—–-]", note.text[words[0].end : words[0].end + 3]):
        return  # a family name opens the note only as a greeting: "田中, thanks for…"
    if len(words) <= at:
        return
    greeted = words[at]
    following = words[at + 1] if len(words) > at + 1 else None
    if greeted.text in (_asked_name(ctx), _named_given(ctx)):
        return  # "greet her as srilatha, never kondapalli": the reason knows the order
    if greeted.key not in families or (
        following is not None
        and (
            following.text in name_parts(name)
            or note.text[greeted.end :].lstrip().startswith(given)  # "Hi Kim Min-jun,"
        )
    ):
        return
    yield Finding(
        f"Greet {given} by the given name: write 'Hi {given},' ('{greeted.text}' is the family "
        "name, which alone reads as a mistake).",
        greeted.start,
        greeted.end,
    )


def _not_the_name_asked(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Hi కొండపల్లి," where the reason says "greet her as srilatha, never kondapalli": another
    part of their name than the one the reason asks for (its longer form is fine: "Hi
    Somtochukwu," to one who signs as Somto)."""
    name = ctx.context.recipient.name
    asked = _asked_name(ctx)
    words = sentence_words(note, 0)
    at = 1 if words and words[0].key in GREETINGS else 0
    if asked is None or len(words) <= at or at == 0:
        return
    greeted = words[at]
    parts = {fold_key(part) for part in name_parts(name)}
    named = {w.key for w in words[at : at + 3]}  # "Hi Mary Rose," to one who goes by Rose
    if (
        greeted.key in parts
        and not greeted.key.startswith(fold_key(asked))
        and fold_key(asked) not in named
        # "Hi සිතුමිණි," where "latin spelling sithumini is fine": the name as it is written
        and not own_script_allowed(ctx.context.reason, name, asked, greeted.text)
    ):
        yield Finding(
            f"Greet them as your reason asks: write 'Hi {asked},' ('{greeted.text}' is not the "
            "name it says they go by).",
            greeted.start,
            greeted.end,
        )


def _asked_name(ctx: ContextFacts) -> str | None:
    """The name the reason says to greet them by, read once per context."""
    if "asked_name" not in ctx.derived:
        ctx.derived["asked_name"] = preferred_name(ctx.context.reason, ctx.context.recipient.name)
    asked: str | None = ctx.derived["asked_name"]
    return asked


def _named_given(ctx: ContextFacts) -> str | None:
    """The part of their name the reason shows to be the given one, read once per context."""
    if "named_given" not in ctx.derived:
        reason, name = ctx.context.reason, ctx.context.recipient.name
        ctx.derived["named_given"] = given_named(reason, name)
    named: str | None = ctx.derived["named_given"]
    return named


def _cut_name_greeting(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Hi పొట్ల…,": the start of their name cut off with an ellipsis, as a model copies a name
    that reached it cut."""
    words = sentence_words(note, 0)
    if len(words) < 2 or words[0].key not in GREETINGS:
        return
    name = words[1]
    if not note.text[name.end :].startswith(("…", "...")):
        return
    if any(key.startswith(name.key) and key != name.key for key in ctx.reader_keys):
        yield Finding(f"Write their name whole: start with 'Hi {ctx.name},'.", name.start, name.end)


def _reader_named(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Mehrnoush replied with a thumbs up", "I'd like to thank Mehrnoush", "Kincső's posts":
    the reader named in the third person, as a reason about them is pasted in. Saying the name
    to them ("Thanks, Ana.", "Ana, would you…", "Congrats Ana!") is fine; a given name that is an
    English word, or another person's, place's or company's too, is not looked for."""
    given = _reader_given_names(ctx)
    family = _reader_family_names(ctx)
    names = given | family
    text = note.folded.text
    if not any(n in text for n in names):
        return
    body = _after_greeting(text)
    quoted = [q.span() for q in _QUOTED_RE.finditer(text)]
    found_to = -1  # where the last name found ends: "Pema Tsewang" is found once
    for m in re.finditer(r"(?<![\w'])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])", text):
        if (
            m.start() < body
            or (found_to >= 0 and not text[found_to : m.start()].strip())
            or any(a < m.start() < b for a, b in quoted)  # someone else's words, quoted
            or (
                m.group() in given
                and _VOCATIVE_BEFORE_RE.search(text, max(0, m.start() - 32), m.start())
            )
            or _PLACE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue
        after = text[m.end() : m.end() + 2]
        start, end = note.folded.span(m.start(), m.end())
        if (
            not after.startswith(("'s", "’s", "' ", "’ "))
            and not re.match(r"[ \t]+[^\W\d_]", after)
            and (
                m.group() in given or _SAID_TO_BEFORE_RE.search(note.text, max(0, start - 8), start)
            )
        ):
            continue  # "…, Ana." "…, Ana!" "…, Dr. Nowak." said to them ("learn from Nwosu." not)
        if m.group() not in given and (
            _FAMILY_OWNS_RE.search(note.text, max(0, start - 40), start)
            or _relative_titled(note.text, start, ctx.context.recipient.name)
        ):
            continue  # "the Weber bakery", "Cera Bezerra", "Tesfaye & Wolde", "a Mrs. Nowak"
        following = _NEXT_NAME_RE.match(note.text, end)
        if (
            following
            and fold_key(following["word"]) not in ctx.reader_keys | names
            and not spelled_in_latin(following["word"], ctx.context.recipient.name)
        ):
            continue  # "Priya Nair introduced us" to Priya Raman: someone else ("Sakina Luhar
            # shapes…" to સકીના લુહાર is the reader, whose company is Luhar Bells)
        name, found_to = note.text[start:end], m.end()
        yield Finding(
            f"Speak to {name} directly: '{_quote_window(note, m.start(), m.end())}' names {name}, "
            f"who reads this note, as someone else; say 'you' or 'your'.",
            start,
            end,
        )


# Before a family name that names a thing, not the reader: "the Weber bakery", "Cera Bezerra",
# "Tesfaye & Wolde".
_FAMILY_OWNS_RE = re.compile(r"(?:(?<![\w'’])(?:[Tt]he|&|and)|[A-Z][\w'’-]*)[ \t]+$")
# Before a family name that ends a sentence, said to them: "…, Nowak." "…, Dr. Nowak."
_SAID_TO_BEFORE_RE = re.compile(r"(?:,|(?<![\w'’])[A-Z][a-z]{1,4}\.?)[ \t]+$")
_TITLE_BEFORE_RE = re.compile(r"(?<![\w'’])(?P<title>[A-Z][a-z]{1,4})\.?[ \t]+$")


def _relative_titled(text: str, start: int, name: str) -> bool:
    """Whether a title their name does not carry stands before the family name at ``start``:
    "I studied under Prof. Nowak" or "a Mrs. Nowak" to Dr. Marta Nowak is a relative or a
    namesake ("Ing. Hrdličková rebuilt…" to Ing. Radka Hrdličková is the reader)."""
    title = _TITLE_BEFORE_RE.search(text, max(0, start - 8), start)
    return (
        title is not None
        and fold_key(title["title"]) in TITLES
        and fold_key(title["title"]) not in {fold_key(w).rstrip(".") for w in name.split()}
    )


_QUOTED_RE = re.compile(r'"[^"\n]*"')  # on folded text, where every double quote is '"'
# "Thanks, Ana", "Congrats Ana on…", "thank you so much Ana for…", "Great to see you Ana": the
# name said to them.
_VOCATIVE_BEFORE_RE = re.compile(
    r"(?<![\w'])(?:thanks|thank you|congrats|congratulations|cheers|you|hi|hello|hey|dear|"
    r"welcome|well done|good luck|so)(?:[ \t]+(?:again|so much|very much|a lot|once more))?"
    r"[ \t]+$"
)
# "I moved to Austin", "I'm from Florence": a place of that name ("learn from Amara" is not).
_PLACE_BEFORE_RE = re.compile(
    r"(?<![\w'])(?:in|at|near|moved to|move to|moving to|based in|i'm from|am from|come from)"
    r"[ \t]+$"
)
_NEXT_NAME_RE = re.compile(r"[ \t]+(?P<word>[A-Z][\w'’-]+)")


_NAME_AND_I_RE = re.compile(r"(?<![\w'])([A-Z][a-z]{2,}) and (?:I|me)\b")
_CAPITALISED_RE = re.compile(r"(?<![\w'])[A-Z][a-z]{2,}(?![\w'])")
_NAME_AND_FAMILY_RE = re.compile(
    r"(?<![\w'])(?P<name>[A-Z][\w'’-]+)[ \t]+(?P<family>[A-Z][\w'’-]+)"
)


def _after_greeting(text: str) -> int:
    """Where the body starts: after "Hi Ana María," or "Dear Dr. Lund," (0 if there is none)."""
    m = re.match(r"\s*(?:hi|hello|hey|dear|hiya|greetings)\b[^,!\n]{0,60}[,!\n]", text)
    return m.end() if m else 0


def _reader_given_names(ctx: ContextFacts) -> frozenset[str]:
    """The reader's given name, nicknames, and the Latin spelling the reason or how they met uses
    for a name in another script ("Tamta" of თამთა), folded, each when it names no one and
    nothing else in the context and is no English word."""
    key = "addressing:reader_given"
    if key not in ctx.derived:
        # The reading of the reason imports the guardrails' word table: imported here, not at
        # the top, so that loading either package first works.
        from warmnote.perspective import reader_named_in_latin

        c = ctx.context
        r = c.recipient
        told = f"{c.reason} {c.relationship.how_we_met or ''}"
        # "Navroop audits…" about ਨਵਰੂਪ: a Latin name the reading of the reason takes as the
        # reader's ("Pema Tsewang buys…" of པདྨ་ཚེ་དབང, each word)
        in_latin = {
            *map(fold_key, reader_named_in_latin(c.reason, c)),
            *map(fold_key, reader_named_in_latin(c.relationship.how_we_met or "", c)),
        }
        found = {
            fold_key(given_name(r.name, r.location)),
            fold_key(c.greeting),
            *map(fold_key, nicknames(r.name)),
            # "Tamta" in a reason about თამთა
            *(fold_key(w) for w in _CAPITALISED_RE.findall(told) if spelled_in_latin(w, r.name)),
            *in_latin,
            # "Aminah and I shared a studio" about Siti Aminah: a part of the name the reason
            # calls them by, beside the writer (not "the Weber bakery" to Lina Weber)
            *(fold_key(m[1]) for m in _NAME_AND_I_RE.finditer(told) if m[1] in name_parts(r.name)),
        }
        # a namesake in how they met or the reason: "Priya Nair introduced us" to Priya Raman
        namesakes = {
            fold_key(m["name"])
            for m in _NAME_AND_FAMILY_RE.finditer(told)
            if fold_key(m["family"]) not in ctx.reader_keys | in_latin
            # "Sakina Luhar shapes iron bells" about સકીના લુહાર: both words spell theirs
            and not spelled_in_latin(m["family"], r.name)
        }
        ctx.derived[key] = frozenset(
            n for n in found - namesakes if len(n) > 1 and " " not in n and _only_theirs(n, ctx)
        )
    names: frozenset[str] = ctx.derived[key]
    return names


def _only_theirs(name: str, ctx: ContextFacts) -> bool:
    """Whether ``name`` (folded) is a word of letters that is no English word and names no one
    and nothing else in the context: only then is it looked for as the reader's."""
    return (
        name.replace("-", "").isalpha()
        and name not in english_words()
        and not re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", ctx.names_besides("reader"))
    )


def _named_before_you(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Pak you posted", "Ko you post", "Mamani you wrote": a title or a part of the reader's
    name left before the "you" that replaced the rest of it."""
    name = ctx.context.recipient.name
    own = _reader_given_names(ctx) | _reader_family_names(ctx)
    for m in _NAMED_BEFORE_YOU_RE.finditer(note.text):
        word = m["word"]
        key = fold_key(word).rstrip(".")
        if (
            key in own
            or key in TITLES
            or key in SPOKEN_TITLES
            or korean_family_name_in_latin(word, name)
        ):
            yield Finding(
                f"'{m.group()}' leaves '{word}' before 'you': write 'you' alone.",
                m.start("word"),
                m.end(),
            )


# A word that is no small Latin one right before "you" and a word: "Pak you posted", "Ko you
# post", "Кузнецова you run".
_NAMED_BEFORE_YOU_RE = re.compile(
    r"(?<![\w'’])(?P<word>[^\W\d_a-z][\w'’-]*\.?) you(?:['’](?:ve|re|d|ll))?(?= [a-z])"
)


def _greeted_twice(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """ "Hi Ataahua, Ata, we paddled…": a reason that opens by saying the reader's name, pasted
    after the greeting, greets them twice."""
    greeted = _greeted_span(note)
    if greeted is None:
        return
    m = _SECOND_NAME_RE.match(note.text, greeted[1])
    if (
        m is None
        or m["name"][0].islower()
        or fold_key(m["name"]) in english_words() | ctx.thing_keys | _INTERJECTIONS
        or fold_key(m["name"]) in ctx.mutual_keys | ctx.writer_keys
        or is_place_name(m["name"])
        or (
            m["i"]  # "Hi Ataahua, Ata, I paddled…": only their own name before "I"
            and fold_key(m["name"]) not in ctx.reader_keys
            and not (len(m["name"]) >= 3 and fold_key(ctx.name).startswith(fold_key(m["name"])))
        )
    ):
        return  # "Hi Ana, thanks, …", "Hi Ana, Congrats, …", "Hi Ana, Lisbon, …", "…, Jonas, …"
    yield Finding(
        f"'{note.text[: m.end('name') + 1].strip()}' greets the reader twice: keep one name.",
        m.start("name"),
        m.end("name"),
    )


# One word and a comma right after the greeting: "Hi Ataahua, Ata, we…", "…, Ata, I paddled".
_SECOND_NAME_RE = re.compile(r"[,!][ \t]*(?P<name>[^\W\d_][\w'’-]*),[ \t]+(?:[a-z]|(?P<i>I\b))")
# Said as one says a name, after a greeting, and no English word: "Hi Ana, Congrats, …".
_INTERJECTIONS = frozenset(["congrats", "parabens", "felicidades", "felicitaciones", "gratulacje"])


def _reader_family_names(ctx: ContextFacts) -> frozenset[str]:
    """The parts of the reader's name that are not the one greeted ("Hrdličková" of Ing. Radka
    Hrdličková, "Mamani" of Yolanda Mamani), folded, each where the reason or how they met names
    them by it, and it names no one and nothing else in the context and is no English word: a
    note that says "Hrdličková rebuilt the sluices" to her speaks of her as someone else."""
    key = "addressing:reader_family"
    if key not in ctx.derived:
        c = ctx.context
        greeted = {
            fold_key(w)
            for n in (c.greeting, given_name(c.recipient.name, c.recipient.location))
            for w in n.split()
        }
        told = fold_key(f"{c.reason} {c.relationship.how_we_met or ''}")
        ctx.derived[key] = frozenset(
            n
            for n in map(fold_key, name_parts(c.recipient.name))
            if n not in greeted
            # pasted from what the writer typed ("Ing. Hrdličková rebuilt…"); elsewhere the name
            # is likely a namesake's or a brand's ("a Ferrari gearbox" to Mateo Ferrari)
            and re.search(rf"(?<![\w']){re.escape(n)}(?!\w)", told)
            and len(n) > 2
            and _only_theirs(n, ctx)
        )
    names: frozenset[str] = ctx.derived[key]
    return names


def _nameless_greeting(note: Note, ctx: ContextFacts, titles: frozenset[str]) -> Iterator[Finding]:
    """ "Hi, I saw your post…" or "Hi there,": a greeting with no name reads as a mass message
    (a model asked again after a misspelt name sometimes drops the name instead), and "Hi Dra.,"
    a title or an initial alone ("Hi J.,"). "Hello, Tomás," and "Hi, Dr. Lund" name them after the
    comma; a nickname after "Hi" is left alone."""
    words = sentence_words(note, 0)
    if not words or words[0].key not in GREETINGS:
        return
    if len(words) > 1 and _slashed_title_alone(note.text, words[1].start):  # "Hi ዶ/ር,"
        yield Finding(
            f"Greet them by name: start with 'Hi {ctx.name},'.", words[0].start, words[0].end
        )
        return
    following = words[1].key if len(words) > 1 else ""
    dotted = len(words) > 1 and note.text[words[1].end : words[1].end + 1] == "."
    title = following.rstrip(".")
    initial = dotted and len(title) == 1 and words[1].text[:1].isupper()  # "Hi J.,"
    after_name = following in _AFTER_NAME_TITLES  # "Hi 박사," of "정하윤 박사"
    # "Hi Syeda," of "Syeda Zarnigar Tirmizi": a lineage's title, where a given name follows it
    lineage = following in _BEFORE_TWO_TITLES and following != fold_key(ctx.name)
    if following in ctx.reader_keys and not (initial or after_name or lineage):
        return
    if (
        title in titles
        or (dotted and title in _DOTTED_NAME_TITLES)
        or initial
        or after_name
        or lineage
    ):
        if not _ends_greeting(note.text, words[1].end):
            return
    elif note.text[words[0].end : words[0].end + 1] not in _AFTER_GREETING and (
        following not in _NO_NAME
    ):
        return
    yield Finding(f"Greet them by name: start with 'Hi {ctx.name},'.", words[0].start, words[0].end)


# "Rahul suggested I ask her…", "told me to contact him": whom the writer asks is the reader.
_ASKED_BY_ME_RE = re.compile(
    r"\b(?:i|me) (?:should |could |would |might |can |will |to )?(?:ask|contact|reach out to|"
    r"talk to|talk with|speak to|speak with|connect with)\s+$"
)


def _subject_of_clause(before: list[Word]) -> bool:
    """Whether "she", "he" or "they" is the subject of the clause that the words ``before`` (of
    one sentence) end: the same reading as ``perspective`` gives the reason."""
    return _in_clause(before, SHE_HE_SUBJECTS | THEY_SUBJECTS)


def _hers_in_clause(before: list[Word]) -> bool:
    """Whether "her", "his" or "him" comes before "them" in its clause: the reader is called
    so there, so "them" is other people or things ("want her eye on them")."""
    return _in_clause(before, frozenset(["her", "his", "him"]))


def _in_clause(before: list[Word], keys: frozenset[str]) -> bool:
    """Whether one of ``keys`` stands in the clause that the words ``before`` end, going back
    no further than a word that links clauses, the writer, or a name."""
    for w in reversed(before):
        if w.key in CLAUSE_LINKS | WRITER_AGENTS or (w.capitalised and not w.opens_sentence):
            return False
        if w.key in keys:
            return True
    return False


def _asked_by_me(folded: str, at: int) -> bool:
    """Whether the pronoun at ``at`` is whom "I" ask or contact: the reader, whoever is named."""
    return _ASKED_BY_ME_RE.search(folded[max(0, at - 40) : at]) is not None


def _ends_greeting(text: str, at: int) -> bool:
    """Whether the greeting ends at ``at``: "Hi Dra., I'm…", "Hi Dott.ssa," (the Italian
    feminine ending after the title's dot) and "Hi Dato'," (its apostrophe) name nobody after
    the title."""
    if text[at : at + 4].casefold() == ".ssa":
        at += 4
    return text[at : at + 2].lstrip(".'’")[:1] in (",", ":", "!", "፣", "\n")


def _slashed_title_alone(text: str, at: int) -> bool:
    """A title written with a slash (the Amharic ዶ/ር, ወ/ሮ), which splits into two words, alone
    after the greeting."""
    return any(
        text.startswith(title, at) and _ends_greeting(text, at + len(title))
        for title in _SLASHED_TITLES
    )


_AFTER_GREETING = frozenset(",!:.—–")
_SLASHED_TITLES = tuple(t for t in TITLES if "/" in t)
_NAME_TITLES = frozenset(fold_key(t) for t in TITLES)
"""Every title a name may start with: "Hi Rev.," greets nobody, though "Rev." may go with a
given name; a dotted one ("Hi Ir.,") only with its dot, since "Hi Arch," may greet Archibald."""
_DOTTED_NAME_TITLES = frozenset(fold_key(t) for t in DOTTED_TITLES)
_AFTER_NAME_TITLES = frozenset(fold_key(t) for t in TITLES_AFTER_NAME)
_BEFORE_TWO_TITLES = frozenset(fold_key(t) for t in TITLES_BEFORE_TWO)
_NO_NAME = frozenset(["there", "all", "everyone", "folks", "i", "i'm", "i've", "i'd", "i'll"])


def _family_names(name: str, location: str | None, note: Note) -> frozenset[str]:
    """The family names that alone are no greeting, folded: the first word of a name known to put
    it first ("田中"), or each word after a given name of two written first ("Olvera" and
    "Saucedo" of Ana Sofía Olvera Saucedo in Monterrey, México)."""
    family = family_name(name, location) or _unspaced_family_name(name, note)
    if family is not None:
        return frozenset([fold_key(family)])
    if _given_names_first(name, location):
        return frozenset(fold_key(part) for part in name_parts(name)[2:])
    return frozenset()


def _given_names_first(name: str, location: str | None) -> bool:
    """Whether the given name is the name's first two words ("Ana Sofía")."""
    given = given_name(name, location).split(" ")
    return len(given) == 2 and list(name_parts(name)[:2]) == given


def _unspaced_family_name(name: str, note: Note) -> str | None:
    """The greeted word when it is the start of a name in Chinese or Korean script written as one
    word ("Hi 陈," to 陈静): only the family name comes first."""
    parts = name_parts(name)
    if len(parts) != 1 or not CJK_RE.fullmatch(parts[0]):
        return None
    for word in sentence_words(note, 0)[:2]:
        if word.text != parts[0] and parts[0].startswith(word.text) and CJK_RE.fullmatch(word.text):
            return word.text
    return None


def _close(note: Note, words: list[Word], i: int) -> bool:
    """Word ``i`` and the next are written apart only by spaces and a dot ("Dr. Sven")."""
    if i + 1 >= len(words):
        return False
    gap = note.text[words[i].end : words[i + 1].start]
    return gap.replace(".", "").strip() == "" and len(gap) <= 3


def _family_name(parts: Sequence[str]) -> str:
    """The last word of a name, with the particles before it ("van Beethoven")."""
    start = len(parts) - 1
    while start > 1 and parts[start - 1].islower():
        start -= 1
    return " ".join(parts[start:])


_WINDOW_WORD = r"[^\W_][\w'-]*"
_WORDS_AFTER_RE = re.compile(rf"(?: {_WINDOW_WORD}){{0,{_WINDOW - 1}}}")
_WORDS_BEFORE_RE = re.compile(rf"(?:{_WINDOW_WORD} )*$")
_LOOK_BACK = 80
"""Characters before a pronoun searched for the words before it (keeps the rule linear)."""


def _window(text: str, start: int, end: int) -> str:
    """The pronoun and the words after it (or also before it, near a sentence's end), folded:
    three words written apart by single spaces, as a context field would have them."""
    after = _WORDS_AFTER_RE.match(text, end)
    taken = after.group() if after else ""
    missing = _WINDOW - 1 - len(taken.split())
    if missing <= 0:
        return text[start:end] + taken
    before = _WORDS_BEFORE_RE.search(text, max(0, start - _LOOK_BACK), start)
    words = before.group().split()[-missing:] if before else []
    return " ".join([*words, text[start:end]]) + taken


def _spliced(window: str, sources: list[str]) -> bool:
    if len(window.split()) < _WINDOW:
        return False
    pattern = re.compile(rf"(?<![^\W_']){re.escape(window)}(?![^\W_'])")
    return any(pattern.search(source) for source in sources)


def _sentence_of(note: Note, at: int) -> list[Word]:
    return sentence_words(note, sentence_at(note, at))


def _owns_next_word(text: str, end: int) -> bool:
    """Whether "her" ending at ``end`` in folded text is "your", not "you": "her team" and "her
    first talk", not "ask her about…" or "told her I'd…"."""
    after = _NEXT_WORD_RE.match(text, end)
    return after is not None and after.group(1) not in _AFTER_OBJECT_HER


_AFTER_OBJECT_HER = CLAUSE_STARTS | frozenset(
    ["about", "for", "to", "on", "in", "at", "with", "from", "by", "into", "again", "directly",
     "too", "and", "or", "but", "so", "today", "soon", "now", "once", "though", "yet", "the",
     "a", "an", "this", "some", "any", "my", "our"]
)  # fmt: skip
"""Words after which "her" is the one spoken to or about, not her own: fewer than
``perspective``'s list, since "her first talk" and "her past work" are hers."""


_NEXT_WORD_RE = re.compile(r" ([^\W\d_][\w'’]*)")
_THREE_WORDS_RE = re.compile(r"[^\W_][\w'’-]*(?:[ \t]+[^\W_][\w'’-]*){0,2}")


def _quote_window(note: Note, start: int, end: int) -> str:
    """The pronoun as written and up to two words after it: "her team shortened"."""
    a, b = note.folded.span(start, end)
    words = _THREE_WORDS_RE.match(note.text, a, a + 80)
    return note.quote(a, max(b, words.end() if words else b), width=40)


def _greeted_span(note: Note) -> tuple[int, int] | None:
    """Where the name after the greeting word stands ("He" of "Hi He,"), if one does."""
    words = sentence_words(note, 0)
    if len(words) < 2 or words[0].key not in GREETINGS:
        return None
    if note.text[words[1].end : words[1].end + 1] not in _AFTER_GREETING:
        return None
    return words[1].start, words[1].end


def _greeted_name(note: Note) -> str:
    greeted = People.greeted(note)
    words = [w.text for w in note_words(note) if w.key in greeted]
    return " ".join(words[:1]) or "the reader"
