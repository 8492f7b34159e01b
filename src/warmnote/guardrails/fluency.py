"""Fluency: a note must read as something a person wrote, not context fields pasted into a frame.

A small model (or a template) splices the context's fields into sentences verbatim, and the
result passes every rule about content while no person would send it: "Hi Tomás, We talked after
his talk on streaming pipelines caught my eye. Continue our conversation about data contracts."
Each check here looks for one precise, explainable sign of that, and reports the exact span:

- a capital letter after a comma or semicolon that is not a name, "I" or an acronym;
- a sentence that starts with a small letter after a full stop, in a note that capitalises;
- a sentence that is a bare verb phrase copied from the reason ("Continue our conversation…");
- a context field of a few words pasted in where the grammar breaks: a finite verb glued on after
  a clause from the context, two subjects in a row, an article before a pasted verb, or the
  recipient's job title used as something of theirs ("your Head of Data at Brightmart");
- the reason's next verb phrase glued with "and" onto a thanks ("thanks for your reshare and
  swap tips on …"), as if the reader had done it;
- a doubled word, a sentence ending on an article or a conjunction, an unbalanced bracket;
- "a" before a vowel sound ("a ICU nurse", "a engineer") or "an" before a consonant ("an data");
- a sentence that says again what an earlier one said ("We sat next to each other at Tembusu
  Air. We sat next to each other at Tembusu Air!");
- a statement of the writer's with a question mark ("I'm open to a chat?");
- a verb that does not agree with its subject, as a third-person reason turned to "you" leaves
  it ("You barely knows me", "I were hiring"), and a modal after "I'm" ("I'm wont apply");
- shorthand that breaks its sentence: "ask if still open to talking", "so doing that now", "…,
  which is why.", "to reconnect and congrats", "about a not agency role", "I'm so connecting";
- chat shorthand ("would u", "pls");
- a word no person types: a greeting joined on by an underscore ("Hi_then"), or Latin letters
  run together with another script's ("thenینہ").

Word classes come from lemminflect's inflection table (verbs with their past and third-person
forms, nouns with their plurals); names come from the context and from lemminflect's capitalised
entries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import eq
from typing import NamedTuple

import regex

from warmnote import shorthand
from warmnote.guardrails.base import Finding, Rule
from warmnote.guardrails.config import FluencyConfig
from warmnote.guardrails.lexicon import english_words, inflection_table
from warmnote.guardrails.note import WORD_RE, ContextFacts, Note, lazy, stem, stems_of, words_of
from warmnote.text import PEOPLE_NOUNS, RECIPROCAL_AFTER_VERB, SPANS_OF_TIME, fold_key


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SUBJECTS = _word_set("i we you he she they")
_POSSESSIVES = {
    "recipient": _word_set("your his her their"),
    "sender": _word_set("my our"),
}
# Words after which a noun phrase must come, not a verb.
_NOUN_SLOTS = _word_set(
    "a an the my your our his her their its at in on for with about from of by during into"
)
_PREPOSITIONS = _word_set(
    "in at by on during for from to into under over about of through across since after before"
)
_FINITE_AUXILIARIES = _word_set(
    "is are was were has have had does did will would can could should may might must"
)
# "you" is left out: "I told you we should talk" is fine.
_SUBJECT_ONLY = _word_set("i we he she they")
_TWO_SUBJECTS_RE = re.compile(
    r"(?<![^\W_'])(?!(\w+)\s+\1\b)(?:i|we|he|she|they)\s+(?:i|we|he|she|they)(?![^\W_'])"
)
# "I are", "I been", "I would you be": "I" spliced before a verb that is not its own.
_I_VERB_RE = re.compile(
    r"(?<![^\W_'])(?:i\s+(?:are|been|(?:would|could|should)\s+(?:you|we|she|he|they))|"
    r"i'(?:d|ll)\s+(?:you|we|she|he|they))(?![^\W_'])"
)
_I_FORMS = _word_set("i i'd i'll")
# "I'm open to a chat?", "…, and I'd like to offer photos?": the writer's statement, not a
# question (a comma, colon or dash may lead to one: "I'm moving into network operations — is
# anything opening up?").
_STATEMENT_ASKED_RE = re.compile(
    r"(?:^(?:[^,.!?\n]*,\s*)?|(?<=[.!?]\s)|(?<=,\s)(?:and|so|but)\s+)"
    r"(i(?:'m|'d| am| would| want)\b(?! wonder)(?:(?!\s[-—–]\s)[^.!?,:;])*\?)"
)
_STATEMENTS = _word_set("i'm i'd am would want")
# Where a clause's subject stands: the note's start, after a stop, a comma, a dash or an opening
# bracket or quote, or after a word that opens a clause ("that you was" but not "meeting you
# was", where "you" is the object). "and", "but" and "so" open a clause only after a comma: in
# "my cofounder and I were" and "nobody but you knows" the pronoun is part of the subject.
_CLAUSE_LEAD = (
    r"(?:^|(?<=[.!?,;:\n—–(\"“])\s*|(?<=\s[-—–])\s*|(?<=,)\s*(?:and|but|so)\s+|(?<![^\W_'])"
    r"(?:that|because|since|when|while|where|who|if|though)\s+)"
)
_SUBJECT_RE = re.compile(_CLAUSE_LEAD + r"(?P<subject>i|you|we|they)(?![^\W_'])")
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+(?:'t)?)(?![^\W_'])")
_AGREEMENT_SUBJECTS = _word_set("i you we they")
# Words that may stand between a subject and its verb ("you barely know", "we both have").
_VERB_ADVERBS = _word_set(
    """just really also still always never often recently already probably clearly only now
    actually barely hardly both all each first once even simply certainly definitely"""
)
# Third-person and singular forms that only "he", "she" or "it" take; "was" is "I"'s too.
_SINGULAR_FORMS = {
    "is": "are",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "hasn't": "haven't",
    "was": "were",
    "wasn't": "weren't",
}
# "if I were", "as though I were", "I wish that I were": the subjunctive is fine.
_SUBJUNCTIVE_RE = re.compile(r"(?<![^\W_'])(?:if|though|wish|wished)(?:\s+that)?\s+\Z")
# "I'm wont apply", "we're will": a modal or a bare auxiliary cannot follow "I'm" or "we're".
_BE_THEN_MODAL_RE = re.compile(
    r"(?<![^\W_'])(?P<be>i'm|you're|we're|they're)\s+(?:(?:just|really|also|still|not|only)\s+)*"
    r"(?P<word>will|would|can|could|should|shall|must|won't|wont|can't|cant|don't|dont|didn't|"
    r"didnt|doesn't|doesnt|have|has|do|does|did|if|because|unless)(?![^\W_']|-)"
)
# Shorthand from a reason that breaks a sentence (a part missing, a word where none can stand),
# each with what to write instead:
_SHORTHAND_SLIPS = (
    # "ask if still open to talking": "if" needs a subject
    (
        re.compile(
            r"(?<![^\W_'])(?:ask|asking|wonder|wondering|see|seeing|check|checking)\s+"
            r"(?:if|whether)\s+(?:still|open|interested|available|keen|free|up for)(?![^\W_'])"
        ),
        "Rewrite '{}': after 'if' say who, e.g. 'if you're still open to it'.",
    ),
    # "…, so doing that now": a clause with no subject (not "in so doing")
    (
        re.compile(
            r"(?<![^\W_'])(?<!in )so\s+(?:doing|sending|writing|messaging|reaching out|asking)"
            r"(?=\s+(?:that|this|it|now|here|as|to)(?![^\W_'])|\s*[.!?,]|\s*\Z)"
        ),
        "Rewrite '{}': the clause needs a subject, e.g. 'so I'm writing now'.",
    ),
    # "Your hatchery work is famous there, which is why.": why what?
    (
        re.compile(r"(?<![^\W_'])(?:which is|that is|that's) why(?=\s*[.!?]|\s*\Z)"),
        "Finish '{}': say what it is the reason for, or cut it.",
    ),
    # "I'm hoping to reconnect and congrats.": a wish glued onto an infinitive (not "thanks to",
    # "to you and thanks")
    (
        re.compile(
            r"(?<![^\W_'])to\s+(?!(?:you|him|her|them|us|me|it)\s)[^\W\d_]+\s+and\s+"
            r"(?:congrats|congratulations|thanks(?!\s+to\b))(?![^\W_'])"
        ),
        "Rewrite '{}': say the congratulations or thanks in a sentence of its own.",
    ),
    # "I'm reaching out about a not agency role", "about the congrats new role" (not "a not
    # uncommon problem", "a not-for-profit", "the not knowing", "thanks for the congrats on…")
    (
        re.compile(
            r"(?<![^\W_'])(?:a|an|the)\s+(?:not(?=\s+(?!(?:for|so|too|only|just|very|yet)\b|un|in|"
            r"im|[^\W\d_]+ing\b)[^\W\d_])|congrats(?=\s+(?!(?:on|for|to|from|and)\b)[^\W\d_]))"
        ),
        "Rewrite '{}': an article cannot come before that word; say it in a sentence of its own.",
    ),
    # "I stood next to each other at the table": "each other" needs two subjects (not "I
    # introduced you to each other", "my cofounder and I met each other")
    (
        re.compile(r"(?<![^\W_'])(?<!and )(?<!& )i\s+" + RECIPROCAL_AFTER_VERB),
        "Rewrite '{}': 'each other' needs 'we' as its subject, not 'I'.",
    ),
    # "I'd love to please don't imply you sent me": a plea to the writer after "to"
    (
        re.compile(r"(?<![^\W_'])to\s+please\s+(?:don't|do not|dont|never)(?![^\W_'])"),
        "Rewrite '{}': that is an instruction to yourself; leave it out of the note.",
    ),
    # "I'm only whether you'd want details": the verb of the ask is missing
    (
        re.compile(r"(?<![^\W_'])i'm\s+(?:(?:only|just|also)\s+(?:whether|if)|whether)(?![^\W_'])"),
        "Rewrite '{}': say what you are asking, e.g. 'I'm only asking whether…'.",
    ),
    # "I'm so connecting as asked": a note to self ("so adding her") turned to the first person
    (
        re.compile(
            r"(?<![^\W_'])i'm\s+so\s+(?:connecting|adding|sending|messaging|writing|doing)"
            r"(?=\s+(?:as|now|here|that|this|it)(?![^\W_'])|\s*[.!?,]|\s*\Z)"
        ),
        "Rewrite '{}': say plainly what you are doing, e.g. 'so I'm connecting here'.",
    ),
)
_SAME_SENTENCE_WORDS = 3
"""A sentence repeats an earlier one when at least this many of its content words..."""
_SAME_SENTENCE_SHARE = 0.75
"""...and this share of the shorter one's content words are the other's too."""
_SUBJECT_ADVERBS = _word_set("both all also just really never first once")
_ADVERBS = _word_set("really also still just truly always never instantly")
# Words that never start a name: capitalised after a comma they start a sentence by mistake.
_FUNCTION_WORDS = _word_set(
    """i we you he she they it me us him them my your our his her their its the a an this that
    these those and but or so because since as although though while if when at in on for with
    about from to of after before is are was were would could can will should might do did have
    has had it's we're you're that's there's let's we'd we've you'd you've he's she's thanks
    thank congrats congratulations please just really also not sorry great loved hope"""
)
# Verbs whose bare form starts sentences people write ("Thank you", "Let's", "Hope you're well").
_SUBJECTLESS_VERBS = _word_set("thank let please hope be have do get")
# Words no reason's verb phrase starts with: those above, and "people" ("people say…").
_NOT_LEADING_VERBS = _SUBJECTLESS_VERBS | PEOPLE_NOUNS
_ABBREVIATIONS = _word_set("etc vs approx incl cf ca no dr mr mrs")
_NAME_PART = r"[^\W\d_][^\s,.!?;:]*+\.?"
_GREETING_RE = re.compile(
    r"\A[\s\"'(]*(?:(?P<greeting>hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|"
    rf"evening))\b[ \t]*)?(?P<name>{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,3}})?[ \t]*,[ \t]*"
)
# Where a new sentence starts: after end punctuation (or a line break, or an emoji) and space.
_STOP_RE = re.compile(r"(?:[.!?…]+[\"'”’)\]]*[ \t]+|[ \t]*\n\s*)")
_EMOJI = r"[\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d]*"
_EMOJI_BREAK_RE = re.compile(_EMOJI + r"[ \t]+")
# A word where a sentence or a clause may start (a superset of ``_Sentences.starts``).
_START_WORD_RE = re.compile(
    r"(?:\A|[.!?…,;\n]|" + _EMOJI + r")[\s\"'“”‘’()\[\]*_-]*([^\W\d_][^\W_]*)"
)
_WORD_AND_NEXT = r"(?P<word>[^\W\d_][^\W_]*(?:['’][^\W_]+)*)(?P<rest>[ \t]+[^\W_][^\s,.;:!?]*)?"
_AFTER_COMMA_RE = re.compile(r"(?P<mark>[,;])[ \t]+" + _WORD_AND_NEXT)
# A closing quote or bracket right after the stop ends a quotation or an aside, not the sentence:
# "(or won't!) take", "“why?” she asked".
_AFTER_STOP_RE = re.compile(r"(?P<stop>[.!?…]+)[ \t\n]+[\"'“‘(]*" + _WORD_AND_NEXT)
# A full stop that ends a sentence ("with the."), not one inside "a.k.a." or before ".com".
_SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|\Z)")
# "as" unfinished: after an English word, before a full stop ("I'd love to pitch it as."; not a
# question, nor "fuiste un as." in Spanish).
_AS_UNFINISHED_RE = re.compile(r"(?:it|this|that|them|me|you|us|him|her) as\.\Z")
_LAST_WORD_RE = re.compile(r"(?:^|(?<=[\s(\"“]))([^\W\d_]+)[ \t]*\Z")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SENTENCE_RE = re.compile(r"[.!?…\n]+\s*")
_OPENING = "\"'“‘([*_-"
_ARTICLE_RE = re.compile(r"(?<![^\W_'])(a|an|A|An)[ \t]+([^\W\d_][\w'-]*)")
_POSSESSIVE_WORDS = _word_set("our my your their its his")
_ARTICLE_POSSESSIVE_RE = re.compile(
    r"(?<![^\W_'])(?:a|an|the|A|An|The)[ \t]+(our|my|your|their|its|his)(?![\w'’-])"
)
# A possessive with no noun after it: "the question I would put to your is", "their is" of
# "there is" (held-out 49), "Your on linkedin" (held-out 55). Not "your will", "your can", nor a
# modifier that opens with a preposition or "a": "your in vitro work", "your on call rota", "your
# to do list", "your a.m. keynote", "your A-levels", "my in‑laws".
_FIXED_AFTER = {
    "in": "vitro vivo situ silico utero person house home store flight game class depth absentia "
    "camera memoriam progress transit",
    "on": "call air site demand board line time foot loan tap hold leave duty stage screen paper "
    "record premise premises farm campus the",
    "at": "home scale cost risk large sea work desk",
    "to": "do go be date",
    "by": "election product law pass line",
    "from": "scratch home",
    "for": "profit hire sale",
    "a": "priori posteriori cappella capella la propos",
}
_POSSESSIVE_NO_NOUN_RE = re.compile(
    r"(?<![^\W_'])([Yy]our|[Mm]y|[Oo]ur|[Tt]heir)[ \t]+"
    r"(?:(is|are|was|were|am|has|have|had|does|did|would|could|should|the)(?![\w'’/\u2010-\u2015-])"
    r"|(?!(?:"
    + "|".join(f"{word} (?:{'|'.join(after.split())})" for word, after in _FIXED_AFTER.items())
    + r")(?![^\W_]))(on|in|at|with|from|by|into|of|for|to|a)[ \t]+(?=[^\W\d_]))"
)
_OBJECT_OF = {"your": "you", "my": "me", "our": "us", "their": "them"}
# The reader's name, or a note on it, turned into "you": "Oighrig or Ms NicRath" as "you or
# you", "Nesim B." as "You B." (held-out 56).
# Not "you and you alone", "you or you and your co-founder", "forward you J. Okoro's list".
_YOU_FOR_A_NAME_RE = re.compile(
    r"(?<![^\W_'])[Yy]ou (?:or|and|nor) you(?![^\W_'])(?![ \t]+(?:alone|only|and|or|too)\b)"
    r"|(?:^|(?<=[.!?,][ \t]))[Yy]ou [A-Z]\.(?![\w.])"
)
# Note-taking's "=" for "is": "you = my old climbing buddy" (held-out 56); not "F = ma",
# "strict=True", "price = value", "WHERE status = active".
# "You, " opening a sentence, what follows it up to a stop or a comma, and the word after
_YOU_THEN_LABEL_RE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=, ))[Yy]ou, (?P<label>[^,.!?;:()]{2,60}?)"
    r"(?:(?P<stop>[.!?;:]|$)|, (?P<next>[^\W\d_]+))"
)
_VERB_IN_LABEL_RE = re.compile(
    r"\b(?:am|is|are|was|were|be|have|has|had|do|does|did|will|would|can|could|should|may|"
    r"might|must|\w+ed|\w+'(?:re|ve|ll|d)|i|we|they|he|she)\b",
    re.I,
)
# "…, and now that you underwrite hail cover." or "Now that you run claims." with no main clause
_NOW_THAT_ALONE_RE = re.compile(
    r"(?:(?<=, and )now|(?:^|(?<=[.!?] ))Now) that (?:i|you|we|he|she|they|it)\b[^,.!?;:–—-]*"
    r"(?=[.!?]|$)"
)
# "…, but I would first." of "…but I would first like to understand…": an auxiliary and an
# adverb, then the sentence's end
_AUXILIARY_LAST_RE = re.compile(
    r"\b(?:would|could|should|will|can|might|must|may)\s+(?:first|really|also|just|still|"
    r"definitely|rather|truly)(?=\s*[.!?]|\s*$)",
    re.I,
)
_EQUALS_RE = re.compile(
    r"(?<![^\W_'])(?:[Yy]ou|[Ss]he|[Hh]e|[Tt]hey|[Ii]t|[Tt]his|[Tt]hat|I|[Ww]e)[ \t]+=(?=[ \t])"
    r"|(?<=[ \t])=(?=[ \t]+(?:my|your|her|his|our|their|a|an|the)[ \t])"
)
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
"""Capitals whose names start with a vowel sound: "an SRE", "an MBA", "an FAQ"."""
_CONSONANT_SOUND_STARTS = (
    "one", "once", "eu", "ewe", "univers", "unique", "unit", "union", "uniform", "use", "usu",
    "uti", "ura", "uro", "usa", "ubiq", "uk", "ukr",
)  # fmt: skip
_SAID_AS_WORDS = frozenset(["SQL", "FAQ", "GIF", "JPEG", "SaaS"])
_SILENT_H_STARTS = ("hour", "honest", "honou", "honor", "heir")


def _part_of_a_name(text: str, start: int, word: str) -> bool:
    """A capital "A" or "An" inside a sentence after a word, "&" or "/" ("Series A", "Q&A"), or
    before a name ("An Pham"): a letter or a name, not an article."""
    before = text[max(0, start - 2) : start].rstrip()
    if not before or before[-1] in ".!?…:\n":
        return False
    if before[-1].isalnum() or before[-1] in "&/+":
        return True
    return word[0].isupper() and not word[:2].isupper()


def _read_as_a_word(initialism: str) -> bool:
    """Capitals that may be said as a word rather than letter by letter: four or more with a
    vowel among them ("NASA", "FOSDEM"), or one of the few short ones said so ("SQL")."""
    letters = initialism.rstrip("s")
    return letters in _SAID_AS_WORDS or (
        len(letters) >= 4 and any(c in "AEIOU" for c in letters[1:])
    )


def wants_an(word: str) -> bool | None:
    """Whether ``word`` takes "an"; None when that can't be told (an initialism starting with
    "U", a "uni…" word, a word in another script)."""
    if len(word) == 1 and word.isupper() and word.isascii():
        return None if word == "U" else word in _VOWEL_SOUND_LETTERS  # "an M&E course", "an X-ray"
    if len(word) > 1 and word[:2].isupper() and word.isascii():
        if word[0] == "U" or _read_as_a_word(word):
            return None  # "a NASA mission", "a NATO workshop", "a SQL database" (a sequel)
        return word[0] in _VOWEL_SOUND_LETTERS  # spelled out: "an ICU", "an SRE", "a UX"
    lower = word.lower()
    if not lower.isascii():
        return None
    if lower.startswith(_CONSONANT_SOUND_STARTS):
        return False
    if lower.startswith("uni"):
        return None  # "a unicorn" but "an uninformed guess"
    if lower.startswith(_SILENT_H_STARTS):
        return True
    return lower[0] in "aeiou"


_THANKS = _word_set("thanks thank appreciate appreciated grateful")
# "thanks for your reshare and swap …": a thanks, up to eight words of what for, "and" and a word
_THANKS_AND_RE = re.compile(
    r"(?<![^\W_'])(?:thanks|thank you|appreciate|appreciated|grateful)"
    r"(?: (?:so|very) much| a lot)?(?: for)?(?: [^\W_][^ .,;:!?]*){1,8}? and (?P<verb>[^\W\d_]+)"
)
_INTENDED_RE = re.compile(r"(?<![^\W_'])(?:to|i'd|i'll|would|will) \Z")
"""Before "thank you for X and swap tips": the thanks is still to come, so both verbs are plans
("I'd like to thank you for the reshare and swap tips" is the reason said whole)."""
_CLAUSE_END_RE = re.compile(r"[.!?;:,\n]")
_DOUBLED_RE = re.compile(r"(?<![^\W_'])([^\W_]+(?:'[^\W_]+)*)\s+\1(?![^\W_])")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
_BRACKET_CHARS = re.compile(r"[()\[\]{}“”«»\"]")
_FACE_RE = re.compile(r"[:;=][-'^o]?\Z")
_LIST_MARK_RE = re.compile(r"(?<![^\s(])[^\W_]\Z")


@dataclass(frozen=True)
class _Grammar:
    """Word classes from lemminflect's inflection table, folded to small letters."""

    base_verbs: frozenset[str]
    finite_verbs: frozenset[str]  # past and third-person forms that are never nouns
    third_person: dict[str, str]  # "knows" -> "know", "leads" -> "lead"
    participles_only: frozenset[str]  # "known", "taken": never a past or a present form
    verb_forms: frozenset[str]  # every base, past and third-person form ("spoke", "talks")
    participles: frozenset[str]  # forms that can also be a past participle ("covered in")
    nouns: frozenset[str]
    # Past and -ing forms, and adjectives that are neither nouns nor verbs: words that start a
    # clause ("Loved your talk", "Fellow alum here") but rarely a product's or a person's name.
    openers: frozenset[str]


@cache
def _grammar() -> _Grammar:
    """Read once per process (about 0.1 s); only the data file, never lemminflect's code."""
    base: set[str] = set()
    finite: set[str] = set()
    participles: set[str] = set()
    nouns: set[str] = set()
    clause_forms: set[str] = set()
    adjectives: set[str] = set()
    third_person: dict[str, str] = {}
    for row in inflection_table().splitlines():
        lemma, pos, *forms = row.split(",")
        if pos == "noun":
            nouns.add(lemma)
            nouns.update(f for form in forms for f in form.split("/") if f)
        elif pos == "verb" and len(forms) == 4 and lemma.isalpha() and lemma.islower():
            past, participle, gerund, third = (form.split("/") for form in forms)
            base.add(lemma)
            finite.update(past + third)
            participles.update(participle if participle != [""] else past)
            third_person.update((form, lemma) for form in third if form)
            clause_forms.update(past + participle + gerund)
        elif pos == "adj":
            adjectives.add(lemma)
    finite.discard("")
    return _Grammar(
        base_verbs=frozenset(base),
        finite_verbs=frozenset(finite - nouns),
        third_person=third_person,
        participles_only=frozenset(participles - finite - base - {"", "been"}),
        verb_forms=frozenset(finite | base),
        participles=frozenset(participles - {""}),
        nouns=frozenset(nouns),
        openers=frozenset(clause_forms | (adjectives - nouns - base) | {"fellow"}) - {""},
    )


@cache
def _words_by_case() -> tuple[frozenset[str], frozenset[str]]:
    """lemminflect's word forms in small letters, and its capitalised entries (names)."""
    words = english_words()
    return (
        frozenset(w for w in words if w[:1].islower()),
        frozenset(w for w in words if w[:1].isupper()),
    )


class _Token(NamedTuple):
    word: str
    start: int
    end: int


class _ReasonVerb(NamedTuple):
    """A verb that starts a verb phrase of the reason, with what the reason says after it."""

    words: list[str]  # the verb and the two words after it
    at: int  # where the verb stands among the reason's words
    last_at: dict[str, int]  # each content stem of the reason: where it last stands

    def followed_by(self, stem: str) -> bool:
        """Whether the reason has ``stem`` after the verb: looked up, not kept per verb, so a
        reason of many verbs is read in linear time."""
        return self.last_at.get(stem, -1) > self.at


_PLACES_KEPT = 32


class _ContextView:
    """What this rule needs from one context, each part derived on first use: most notes need
    only the n-grams, and a context is often checked against a single note."""

    def __init__(
        self, ctx: ContextFacts, min_pasted: int, stopwords: frozenset[str], grammar: _Grammar
    ) -> None:
        self.ctx = ctx
        self.min_pasted = min_pasted
        self.stopwords = stopwords
        self.grammar = grammar
        c = ctx.context
        r, rel = c.recipient, c.relationship
        self.texts: list[tuple[str, str]] = [
            (kind, text)
            for kind, text in [
                ("how_we_met", rel.how_we_met),
                ("where", rel.where),
                ("when", rel.when),
                *(("shared_interest", t) for t in rel.shared_interests),
                *(("recent_post", t) for t in r.recent_posts),
                ("headline", r.headline),
                ("about", r.about),
                *(("school", t) for t in r.schools),
                *(("skill", t) for t in r.skills),
                ("reason", c.reason),
                ("sender_headline", c.sender.headline),
            ]
            if text
        ]

    @lazy
    def fields(self) -> list[list[str]]:
        """The folded words of each field long enough to be pasted (most are a name or two)."""
        n = self.min_pasted
        return [
            words
            for _, text in self.texts
            if sum(map(text.count, " -/")) >= n - 1 and len(words := words_of(fold_key(text))) >= n
        ]

    @lazy
    def gram_set(self) -> frozenset[tuple[str, ...]]:
        """Every run of ``min_pasted_words`` words of a field: enough to rule most notes out."""
        return frozenset(gram for field in self.fields for gram in _ngrams(field, self.min_pasted))

    @lazy
    def grams(self) -> dict[tuple[str, ...], list[tuple[int, int]]]:
        """Each run of ``min_pasted_words`` words of a field: where it is (field, position), at
        most ``_PLACES_KEPT`` places: a note's run is followed from each, and a run a field
        repeats hundreds of times is hostile text, not a paste to find everywhere."""
        n = self.min_pasted
        grams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for index, field in enumerate(self.fields):
            for pos in range(len(field) - n + 1):
                places = grams.setdefault(tuple(field[pos : pos + n]), [])
                if len(places) < _PLACES_KEPT:
                    places.append((index, pos))
        return grams

    @lazy
    def headlines(self) -> list[tuple[str, tuple[str, ...]]]:
        """(whose, folded words) of the headlines long enough to be a job title."""
        c = self.ctx.context
        pairs = (("recipient", c.recipient.headline), ("sender", c.sender.headline))
        return [
            (owner, words)
            for owner, text in pairs
            if text and len(words := tuple(words_of(fold_key(text)))) >= 3
        ]

    @lazy
    def _names(self) -> list[str]:
        c = self.ctx.context
        r, rel = c.recipient, c.relationship
        names = [r.name, c.sender.name, r.company, c.sender.company, rel.where, r.location]
        return WORD_RE.findall("\n".join(t for t in [*names, *r.schools] if t))

    @lazy
    def capitalised(self) -> frozenset[str]:
        """Words the context capitalises as names. Names are capitalised wherever they stand; in
        prose a capital at the start of a sentence says nothing ("We met at PyData" does not make
        "We" a name)."""
        c = self.ctx.context
        listed = WORD_RE.findall(
            "\n".join([*c.recipient.skills, *c.relationship.mutual_connections])
        )
        prose = [t for kind, t in self.texts if kind not in ("where", "school", "skill")]
        words = [*self._names, *listed, *(w for t in prose for w in _inner_words(t))]
        return frozenset(_base(w) for w in words if w[0].isupper())

    @lazy
    def lower_names(self) -> frozenset[str]:
        """Names written in small letters ("tinyloop"), folded."""
        return frozenset(fold_key(_base(w)) for w in self._names if w[0].islower())

    @lazy
    def name_keys(self) -> frozenset[str]:
        """The recipient's given and full name, folded: "Priya," opens a note like "Hi Priya,"."""
        return frozenset([fold_key(self.ctx.name), fold_key(self.ctx.context.recipient.name)])

    @lazy
    def reason_verbs(self) -> dict[str, list[_ReasonVerb]]:
        """The verbs that start the reason's verb phrases: its first word ("continue our
        conversation…"), a verb after a short lead-in ("I'd like to compare notes…") and verbs
        joined on with "and" ("keep in touch and compare notes…")."""
        words = words_of(fold_key(self.ctx.reason))
        if words[:1] == ["to"]:
            words = words[1:]
        base = self.grammar.base_verbs
        starts_with_verb = bool(words) and words[0] in base
        last_at = {stem(w): i for i, w in enumerate(words) if w not in self.stopwords}
        verbs: dict[str, list[_ReasonVerb]] = {}
        for i, word in enumerate(words):
            if word not in base or word in _NOT_LEADING_VERBS:
                continue
            if word == "last" and words[i + 1 : i + 2] and words[i + 1] in SPANS_OF_TIME:
                continue  # "last week you explained…": when, not a verb
            before = words[i - 1] if i else ""
            if i == 0 or (before == "to" and i <= 4) or (before == "and" and starts_with_verb):
                verbs.setdefault(word, []).append(_ReasonVerb(words[i : i + 3], i, last_at))
        return verbs


# Phrasings no person writes, each found by a pattern once the note holds one of its words:
# (words, pattern, the pattern's group to quote, message).
# "I'm same vet faculty at upm", "are same question": shorthand's "same" without its "the".
_SAME_WITHOUT_THE_RE = re.compile(
    r"(?<![^\W_'])(?:i'm|i am|we're|we are|you're|you are|they're|they are|it's|it is|is|are"
    r"|was|were) same(?![^\W_'])"
)
# "You are fine in English.", "Latin you are fine" (held-out 51 and 58): a note on how their
# name may be written ("Sahana is fine in english"), its name read as "you".
_NAME_NOTE_AS_YOU_RE = re.compile(
    r"(?<![^\W_'])(?<!in )latin:? you(?:'re| are) (?:fine|ok|okay|right|correct)(?![^\W_'])"
    r"|(?<![^\W_'])you(?:'re| are) (?:fine|ok|okay|right|correct) in (?:english|latin"
    r"(?: letters| script)?)(?=\W*(?:[.,;!?]|$))"
)  # not "I hope you are fine.", "you are right in English law", "in Latin you are correct"
_PHRASINGS = (
    (
        _word_set("fine ok okay right correct"),
        _NAME_NOTE_AS_YOU_RE,
        0,
        "Remove '{}': it is a note on how their name may be written, not a sentence to them.",
    ),
    (
        _word_set("same"),
        _SAME_WITHOUT_THE_RE,
        0,
        "Rewrite '{}': 'same' needs 'the' before it, or say it another way.",
    ),
    # "I are you hiring", "I been using", "I would you be up for": "I" pasted in front of a
    # question or a fragment, before a verb form that is not its own.
    (_I_FORMS, _I_VERB_RE, 0, "Rewrite '{}': that verb does not go with 'I'."),
    (
        _STATEMENTS,
        _STATEMENT_ASKED_RE,
        1,
        "Rewrite '{}': it says what you want, so it ends with a full stop; or ask it as a "
        "question.",
    ),
)


def _phrasings(note: Note) -> Iterator[Finding]:
    folded = note.folded
    for words, pattern, group, message in _PHRASINGS:
        if note.word_set.isdisjoint(words):
            continue
        for m in pattern.finditer(folded.text):
            start, end = folded.span(*m.span(group))
            yield Finding(message.format(note.text[start:end]), start, end)


def _shorthand(note: Note, names: frozenset[str]) -> Iterator[Finding]:
    """ "would u", "pls": matched in the note as written, so "U Thant" and "UR" are left alone,
    and never a word of the reader's or the writer's name ("Hi Yr,")."""
    if note.word_set.isdisjoint(shorthand.WORDS) and "/" not in note.text:
        return
    for m in shorthand.shorthand_in(note.text):
        if fold_key(m.group()) in names:
            continue
        yield Finding(
            f"Write '{m.group()}' out: chat shorthand reads as careless in a first note.",
            m.start(),
            m.end(),
        )


# A word no person types: a greeting joined to what follows by an underscore ("Hi_then"), or
# Latin letters run together with another script's ("thenینہ"), as a model's broken decoding
# leaves them. Greek letters are written beside Latin ones ("TNFα", "5μm"), and a word the
# context has ("LINEヤフー") is its own; "snake_case" in a note about code is a word.
_OTHER_SCRIPT = r"[^\p{Latin}\p{Greek}\p{Common}\p{Inherited}\d\W]"
_GARBLED_RE = regex.compile(
    r"^\s*(?:Hi|Hello|Hey|Dear)_[^\s,]*+"
    # each run read once (possessive, from its start): a 200 KB word is read in linear time
    rf"|(?<!\p{{Latin}})\p{{Latin}}++(?={_OTHER_SCRIPT})[\p{{L}}\p{{M}}]*+"
    rf"|(?<!{_OTHER_SCRIPT}){_OTHER_SCRIPT}++(?=\p{{Latin}})[\p{{L}}\p{{M}}]*+"
)


def _garbled_words(note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
    for m in _GARBLED_RE.finditer(note.text):
        if ctx is not None and fold_key(m.group()) in ctx.haystack:
            continue
        yield Finding(
            f"Rewrite '{m.group()}': it runs words or scripts together, which no person types.",
            *m.span(),
        )


def _says_again(words: frozenset[str], earlier: frozenset[str]) -> bool:
    shared = len(words & earlier)
    return shared >= _SAME_SENTENCE_WORDS and shared >= _SAME_SENTENCE_SHARE * min(
        len(words), len(earlier)
    )


def _ngrams(words: list[str], n: int) -> Iterable[tuple[str, ...]]:
    return zip(*(words[i:] for i in range(n)), strict=False)


class FluencyRule(Rule):
    """A note must read as something a person wrote: see the module's docstring."""

    id = "fluency"

    def __init__(self, config: FluencyConfig, stopwords: frozenset[str]) -> None:
        self.min_pasted = config.min_pasted_words
        self.min_reason_words = config.min_reason_words
        self.stopwords = stopwords
        self.proper = frozenset(fold_key(w) for w in config.proper_words)
        self.set_phrases = frozenset(" ".join(words_of(fold_key(p))) for p in config.set_phrases)
        self.repeatable = frozenset(fold_key(w) for w in config.repeatable_words)
        self.dangling_words = frozenset(w.strip().lower() for w in config.dangling_words)
        self.sentence_words = _FUNCTION_WORDS | stopwords
        self.grammar = _grammar()
        self.lower_words, self.capital_words = _words_by_case()
        self._views: dict[int, tuple[ContextFacts, _ContextView]] = {}

    # ------------------------------------------------------------------ per context

    def _view(self, ctx: ContextFacts) -> _ContextView:
        """Derived once per ``ContextFacts`` object, which the engine keeps per context."""
        kept = self._views.get(id(ctx))
        if kept is not None and kept[0] is ctx:
            return kept[1]
        if len(self._views) >= 256:
            self._views.clear()
        view = _ContextView(ctx, self.min_pasted, self.stopwords, self.grammar)
        self._views[id(ctx)] = (ctx, view)
        return view

    # ------------------------------------------------------------------ checks

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        view = self._view(ctx) if ctx is not None else None
        folded = note.folded.text
        greeting = _GREETING_RE.match(folded)
        if greeting and not greeting.group("greeting"):
            name = fold_key(greeting.group("name") or "")
            if view is None or name not in view.name_keys:
                greeting = None
        findings = [
            *self._capital_after_comma(note, view, greeting),
            *self._small_after_stop(note, view),
            *self._doubled(note, ctx),
            *self._dangling(note),
            *self._unbalanced(note),
            *self._two_subjects(note),
            *_phrasings(note),
            *self._agreement(note),
            *self._shorthand_slips(note),
            *self._articles(note),
            *self._article_and_possessive(note),
            *self._possessive_without_noun(note),
            *self._name_as_you(note),
            *self._you_then_label(note),
            *self._clause_without_main(note),
            *self._equals_sign(note),
            *_shorthand(note, frozenset() if ctx is None else ctx.reader_keys | ctx.writer_keys),
            *self._repeated_sentence(note, doc := _Sentences(folded, greeting)),
            *_garbled_words(note, ctx),
        ]
        if view is not None:
            verbs = view.reason_verbs.keys()
            if not verbs.isdisjoint(note.word_set) and not verbs.isdisjoint(
                m.group(1) for m in _START_WORD_RE.finditer(folded)
            ):
                findings += self._copied_reason(note, view, doc)
            if not verbs.isdisjoint(note.word_set) and not _THANKS.isdisjoint(note.word_set):
                findings += self._spliced_thanks(note, view)
            if self._may_be_pasted(note, view):
                findings += self._pasted(note, view, doc)
        yield from sorted(findings, key=lambda f: (f.start, f.end))

    def _capital_after_comma(
        self, note: Note, view: _ContextView | None, greeting: re.Match[str] | None
    ) -> Iterator[Finding]:
        """ "Hi Tomás, We talked": after a comma a capital belongs to a name, "I" or an acronym.
        Function words ("We", "Your", "Thanks") are never names; right after the greeting, nor
        are past and -ing forms and adjectives ("Loved", "Fellow") unless the context or
        lemminflect spells them capitalised. Nouns and bare verbs are left alone there: "Rust",
        "React" and "Excel" are names too."""
        text = note.text
        if "," not in text and ";" not in text:
            return
        greeting_comma = -1
        if greeting is not None:
            comma = note.folded.text.rfind(",", 0, greeting.end())
            greeting_comma = note.folded.span(comma, comma + 1)[0]
        for m in _AFTER_COMMA_RE.finditer(text):
            word = m.group("word")
            if not word[0].isupper():
                continue
            key = fold_key(word)
            at_greeting = m.start() == greeting_comma
            if (
                key in self.sentence_words
                or (at_greeting and key in self.grammar.openers and word not in self.capital_words)
            ) and not self._may_be_capitalised(word, view):
                quoted = word + (m.group("rest") or "")
                mark = "a comma" if m.group("mark") == "," else "a semicolon"
                yield Finding(
                    f"Start '{quoted}' with a small letter: it follows {mark}.",
                    m.start("word"),
                    m.end("word"),
                )

    def _may_be_capitalised(self, word: str, view: _ContextView | None) -> bool:
        if word == "I" or word.startswith(("I'", "I’")):
            return True
        if any(c.isupper() for c in word[1:]):  # an acronym or a name: "SRE", "McKenzie"
            return True
        base = _base(word)
        if view is not None and base in view.capitalised:
            return True
        return fold_key(base) in self.proper

    def _small_after_stop(self, note: Note, view: _ContextView | None) -> Iterator[Finding]:
        """A sentence that starts with a small letter, in a note that capitalises its first
        word: often a context field pasted in as it was written."""
        text = note.text
        first = _LETTER_RE.search(text)
        if first is None or not first.group().isupper():
            return
        for m in _AFTER_STOP_RE.finditer(text):
            word = m.group("word")
            stop = m.group("stop")
            if not word[0].islower() or ".." in stop or "…" in stop:
                continue
            if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
                continue  # inside an aside: "(what's in it for me? what's in it for them?)"
            if any(c.isupper() for c in word) or self._abbreviation_before(text, m.start()):
                continue
            key = fold_key(_base(word))
            if key not in self.lower_words and key not in self.sentence_words:
                continue  # a brand or a code name written in small letters: "dbt", "npm"
            if view is not None and key in view.lower_names:
                continue
            quoted = word + (m.group("rest") or "")
            yield Finding(
                f"Start '{quoted}' with a capital letter: it begins a sentence. If these words "
                "are pasted from the details, rewrite them as a sentence of your own.",
                m.start("word"),
                m.end("word"),
            )

    @staticmethod
    def _abbreviation_before(text: str, stop: int) -> bool:
        before = text[:stop].rsplit(None, 1)
        word = before[-1] if before else ""
        return "." in word or word.lower() in _ABBREVIATIONS

    def _doubled(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        words = note.words
        if not any(map(eq, words, words[1:])):
            return
        folded = note.folded
        for m in _DOUBLED_RE.finditer(folded.text):
            word = m.group(1)
            if word in self.repeatable or word.isdigit():
                continue
            if ctx is not None and fold_key(m.group()) in ctx.haystack:
                continue  # a name such as "Bora Bora"
            start, end = folded.span(*m.span())
            yield Finding(
                f"Remove the repeated word in '{note.quote(start, end)}'.",
                start,
                end,
            )

    def _repeated_sentence(self, note: Note, doc: _Sentences) -> Iterator[Finding]:
        """A sentence whose content words an earlier sentence already says, as when one fact
        is told twice in two forms."""
        tokens = doc.tokens
        offsets = [t.start for t in tokens]
        seen: list[frozenset[str]] = []
        first = 0
        for bound in [*doc.starts[1:], len(doc.folded)]:
            last = bisect_left(offsets, bound, lo=first)
            words = stems_of({t.word for t in tokens[first:last]}) - self.sentence_words
            if len(words) >= _SAME_SENTENCE_WORDS and any(
                _says_again(words, earlier) for earlier in seen
            ):
                start, end = doc.span(note, first, last)
                yield Finding(
                    f"Remove '{note.quote(start, end)}' or the sentence before it that says the "
                    "same: a note says each thing once.",
                    start,
                    end,
                )
            seen.append(words)
            first = last

    def _articles(self, note: Note) -> Iterator[Finding]:
        """ "a ICU nurse", "an data analyst": the article that doesn't go with the sound."""
        if "a" not in note.word_set and "an" not in note.word_set:
            return
        text = note.text
        for m in _ARTICLE_RE.finditer(text):
            article, word = m.group(1), m.group(2)
            if word in _POSSESSIVE_WORDS:
                continue  # "a our": no sound to match; _article_and_possessive says what is wrong
            if article[0] == "A" and _part_of_a_name(text, m.start(), word):
                continue  # "Series A and", "Q&A of", "An Pham"
            takes_an = wants_an(word)
            if takes_an is None or takes_an == (article.lower() == "an"):
                continue
            right = (
                ("an" if takes_an else "a") if article.islower() else ("An" if takes_an else "A")
            )
            yield Finding(
                f"Write '{right} {word}', not '{m.group()}'.",
                m.start(),
                m.end(),
            )

    @staticmethod
    def _article_and_possessive(note: Note) -> Iterator[Finding]:
        """ "about the our own opening": an article before a possessive, as a lead-in meets a
        reason that has its own ("the Our Planet series", a title, passes)."""
        if not note.word_set & _POSSESSIVE_WORDS:
            return
        for m in _ARTICLE_POSSESSIVE_RE.finditer(note.text):
            yield Finding(
                f"Rewrite '{m.group()}': keep the article or '{m.group(1)}', not both.",
                m.start(),
                m.end(),
            )

    @staticmethod
    def _possessive_without_noun(note: Note) -> Iterator[Finding]:
        """ "the question I would put to your is…": "her" turned into "your" where it was "you"
        to the reader, or a possessive with a verb, an article or a preposition after it, where a
        noun must be."""
        if not note.word_set & _POSSESSIVE_WORDS:
            return
        for m in _POSSESSIVE_NO_NOUN_RE.finditer(note.text):
            owner, after = m.group(1).lower(), m.group(2) or m.group(3)
            said = f"{m.group(1)} {after}"
            yield Finding(
                f"Rewrite '{said}': '{owner}' needs a noun after it; perhaps you meant "
                f"'{_OBJECT_OF[owner]} {after}'.",
                m.start(),
                m.start() + len(m.group().rstrip()),
            )

    @staticmethod
    def _name_as_you(note: Note) -> Iterator[Finding]:
        """ "you or you", "You B.": a name turned into "you" where it was only named."""
        for m in _YOU_FOR_A_NAME_RE.finditer(note.text):
            yield Finding(
                f"Rewrite '{m.group()}': it reads as the reader's name, or a note on it, turned "
                "into 'you'.",
                m.start(),
                m.end(),
            )

    def _you_then_label(self, note: Note) -> Iterator[Finding]:
        """ "You, panel-mate at the Sibiu forum.", "You, tech on the valley lines, posts…", "You,
        been following…": a jotted line that opened on the reader's name, with the name turned
        into "you"; not "You, of all people, will know"."""
        if "ou, " not in note.text:
            return
        for m in _YOU_THEN_LABEL_RE.finditer(note.text):
            label, after = m["label"], m["next"]
            if re.search(r"^(?:and|or)\b| and ", label) or after in ("and", "or"):
                continue  # "you, Marta and Ilse ran…", "Marta, you, and Ilse": a list
            if label.split()[0].lower() == "been":
                broken, end = True, m.end("label")
            elif after is not None:
                broken = self._agreeing_verb("you", after.lower(), False) is not None
                end = m.end("next")
            else:
                broken = not (
                    _VERB_IN_LABEL_RE.search(label) or label.lower() in ("too", "also", "as well")
                )
                end = m.end("label")
            if broken:
                yield Finding(
                    f"Rewrite '{note.text[m.start() : end]}': it reads as a jotted label, with "
                    "'you' where a name was.",
                    m.start(),
                    end,
                )

    @staticmethod
    def _clause_without_main(note: Note) -> Iterator[Finding]:
        """ "…since our dormitory years, and now that you underwrite hail cover.", "…, but I would
        first.": a clause that waits for its main clause, or a verb for its auxiliary, cut off at
        the sentence's end (held-out 57)."""
        for m in _AUXILIARY_LAST_RE.finditer(note.text):
            yield Finding(
                f"Finish the sentence that ends on '{m.group()}': its verb was cut off.",
                m.start(),
                m.end(),
            )
        if "ow that" not in note.text:
            return
        for m in _NOW_THAT_ALONE_RE.finditer(note.text):
            yield Finding(
                f"Finish the sentence '{m.group().strip()}': 'now that' needs what follows "
                "from it.",
                m.start(),
                m.end(),
            )

    @staticmethod
    def _equals_sign(note: Note) -> Iterator[Finding]:
        """ "you = my contact": "=" is note-taking, which a person writes out in a note."""
        for m in _EQUALS_RE.finditer(note.text):
            yield Finding(
                "Write '=' out as words: it is note-taking shorthand.", m.start(), m.end()
            )

    def _two_subjects(self, note: Note) -> Iterator[Finding]:
        """ "I we talked": a subject pronoun pasted in front of a field that has its own."""
        if len(_SUBJECT_ONLY & note.word_set) < 2:
            return
        folded = note.folded
        for m in _TWO_SUBJECTS_RE.finditer(folded.text):
            start, end = folded.span(*m.span())
            yield Finding(
                f"Rewrite '{note.text[start:end]}': a clause needs one subject, not two.",
                start,
                end,
            )

    def _agreement(self, note: Note) -> Iterator[Finding]:
        """ "You barely knows me", "I were hiring", "I'm wont apply": what a third-person reason
        leaves when "she" becomes "you" and its verb stays as it was, or a participle with no
        "have" ("I known you forever")."""
        if note.word_set.isdisjoint(_AGREEMENT_SUBJECTS) and "'" not in note.folded.text:
            return
        folded = note.folded
        text = folded.text
        for m in _SUBJECT_RE.finditer(text):
            at, verb = m.end(), ""
            for _ in range(3):  # the subject, up to two adverbs, the verb
                word = _NEXT_WORD_RE.match(text, at)
                if word is None:
                    break
                at, verb = word.end(), word.group(1)
                if verb not in _VERB_ADVERBS:
                    break
            subject = m.group("subject")
            subjunctive = _SUBJUNCTIVE_RE.search(
                text, max(0, m.start("subject") - 16), m.start("subject")
            )
            right = self._agreeing_verb(subject, verb, subjunctive is not None)
            if right is None:
                continue
            # "we engineers have" is a plural noun; "you leads the work" is a verb.
            after = _NEXT_WORD_RE.match(text, at)
            if (
                verb in self.grammar.nouns
                and verb in self.grammar.third_person
                and (after is None or after.group(1) not in _NOUN_SLOTS)
            ):
                continue
            start, end = folded.span(m.start("subject"), at)
            yield Finding(
                f"Rewrite '{note.text[start:end]}': with '{subject if subject != 'i' else 'I'}' "
                f"the verb is '{right}', not '{verb}'.",
                start,
                end,
            )
        for m in _BE_THEN_MODAL_RE.finditer(text):
            start, end = folded.span(*m.span())
            be = note.text[slice(*folded.span(*m.span("be")))]
            modal = note.text[slice(*folded.span(*m.span("word")))]
            yield Finding(
                f"Rewrite '{note.text[start:end]}': '{modal}' cannot follow '{be}'; write the "
                "sentence anew.",
                start,
                end,
            )

    @staticmethod
    def _shorthand_slips(note: Note) -> Iterator[Finding]:
        """ "ask if still open", "so doing that now", "…, which is why.", "a not agency role":
        shorthand from the reason that breaks the sentence it was put in."""
        folded = note.folded
        for pattern, message in _SHORTHAND_SLIPS:
            for m in pattern.finditer(folded.text):
                start, end = folded.span(*m.span())
                yield Finding(message.format(note.text[start:end]), start, end)

    def _agreeing_verb(self, subject: str, verb: str, subjunctive: bool) -> str | None:
        """The form ``subject`` takes where ``verb`` does not agree with it, else None."""
        if subject == "i":
            if verb in ("were", "weren't") and not subjunctive:
                return "was" if verb == "were" else "wasn't"
            if verb in ("was", "wasn't"):
                return None
            if verb in ("is", "isn't"):
                return "am" if verb == "is" else "am not"
        right = _SINGULAR_FORMS.get(verb)
        if right is not None:
            return right
        if verb in self.grammar.participles_only:  # "I known you forever"
            return f"have {verb}"
        return self.grammar.third_person.get(verb)

    def _dangling(self, note: Note) -> Iterator[Finding]:
        if self.dangling_words.isdisjoint(note.word_set):
            return
        text = note.text[: note.end]
        ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        for end in [*ends, len(text)]:
            # The lookbehind sees before the window, so a word cut by it does not match.
            m = _LAST_WORD_RE.search(text, max(0, end - 20), end)
            if m is None or m.group(1) not in self.dangling_words:
                continue
            word = m.group(1)
            if word == "as" and not _AS_UNFINISHED_RE.search(text, m.start() - 6, end + 1):
                continue  # "What title should I address you as?", "Your talk was sweet as!"
            lead = " ".join(text[note.start : m.start(1)].split()[-3:])
            yield Finding(
                f"Finish the sentence that ends on '{word}' ('…{lead} {word}'), or cut that word."
                if lead
                else f"Finish the sentence that ends on '{word}', or cut that word.",
                m.start(1),
                m.end(1),
            )

    def _unbalanced(self, note: Note) -> Iterator[Finding]:
        text = note.text
        if _BRACKET_CHARS.search(text) is None:
            return
        open_at: list[int] = []
        straight: list[int] = []
        for m in _BRACKET_CHARS.finditer(text):
            i, char = m.start(), m.group()
            if char == '"':
                straight.append(i)
            elif char in _BRACKETS:
                if char == "(" and i and text[i - 1] in ":;=":
                    continue  # ":(" is a face
                open_at.append(i)
            elif char == ")" and _FACE_RE.search(text, max(0, i - 2), i):
                continue  # ":)", ";-)"
            elif open_at and text[open_at[-1]] == _CLOSERS[char]:
                open_at.pop()
            elif not (char == ")" and _LIST_MARK_RE.search(text, 0, i)):  # "1)", "a)"
                yield Finding(
                    f"Remove the unmatched '{char}' or add its opening '{_CLOSERS[char]}'.",
                    i,
                    i + 1,
                )
        for i in open_at:
            closer = _BRACKETS[text[i]]
            yield Finding(
                f"Close the '{text[i]}' in '{note.quote(i, min(len(text), i + 40))}' with "
                f"'{closer}', or remove it.",
                i,
                i + 1,
            )
        if len(straight) % 2:
            i = straight[-1]
            yield Finding("Remove the unmatched '\"' or add the other quotation mark.", i, i + 1)

    def _copied_reason(self, note: Note, view: _ContextView, doc: _Sentences) -> Iterator[Finding]:
        """A sentence that starts with the reason's verb in its bare form and goes on with the
        reason's words has no subject: it reads as the instruction it was copied from."""
        folded, tokens, starts = note.folded, doc.tokens, doc.starts
        index = {t.start: i for i, t in enumerate(tokens)}
        token_starts = [t.start for t in tokens]
        for n, start in enumerate(starts):
            i = index.get(start)
            if i is None or tokens[i].word not in view.reason_verbs:
                continue
            end = starts[n + 1] if n + 1 < len(starts) else len(folded.text)
            sentence = [t.word for t in tokens[i : bisect_left(token_starts, end, i)]]
            if " ".join(sentence) in self.set_phrases or sentence[1:2] in (["me"], ["us"]):
                continue  # a set phrase, or a request to the reader: "Send me the figures"
            if not any(self._repeats(sentence, v) for v in view.reason_verbs[tokens[i].word]):
                continue
            a, b = folded.span(start, len(folded.text[:end].rstrip()))
            verb = note.text[a : folded.span(tokens[i].start, tokens[i].end)[1]]
            last = tokens[i + min(len(sentence), 6) - 1]
            gist = note.text[a : folded.span(last.start, last.end)[1]]
            gist = gist[:1].lower() + gist[1:] + ("…" if len(sentence) > 6 else "")
            yield Finding(
                f"Rewrite '{note.quote(a, b, 50)}' as a full sentence with a subject, e.g. "
                f"'I'd like to {gist}': a bare '{verb} …' reads like an instruction copied "
                "from your reason.",
                a,
                b,
            )

    def _spliced_thanks(self, note: Note, view: _ContextView) -> Iterator[Finding]:
        """ "Thanks for your reshare and swap tips on …": the reason's next verb phrase glued
        with "and" onto what the reader is thanked for, as if they had done that too."""
        folded = note.folded
        for m in _THANKS_AND_RE.finditer(folded.text):
            verb = m.group("verb")
            if verb not in view.reason_verbs or _INTENDED_RE.search(folded.text, 0, m.start()):
                continue
            clause = _CLAUSE_END_RE.split(folded.text[m.start("verb") :], maxsplit=1)[0]
            tokens = list(WORD_RE.finditer(clause))
            words = [t.group() for t in tokens]
            if not any(self._continues(words, v) for v in view.reason_verbs[verb]):
                continue
            at = m.start("verb")
            a, b = folded.span(m.start(), at + tokens[1].end())
            verb_start, gist_end = folded.span(at, at + tokens[min(len(tokens), 6) - 1].end())
            gist = note.text[verb_start:gist_end] + ("…" if len(tokens) > 6 else "")
            phrase = note.text[verb_start:b]
            yield Finding(
                f"Rewrite '{note.quote(a, b)}': don't glue '{phrase}' from your reason onto the "
                f"thanks with 'and'; it reads as something {view.ctx.name} did. Thank them, then "
                f"say what you'd like in a sentence of its own, e.g. 'I'd like to {gist}'.",
                a,
                b,
            )

    def _continues(self, words: list[str], verb: _ReasonVerb) -> bool:
        """Whether ``words`` (from a verb on) go on as the reason does after that verb: its
        next content word, or enough of its words."""
        if len(words) >= 2 and words[:2] == verb.words[:2] and words[1] not in self.stopwords:
            return True
        return self._repeats(words, verb)

    def _repeats(self, sentence: list[str], verb: _ReasonVerb) -> bool:
        if len(verb.words) >= 3 and sentence[:3] == verb.words[:3]:
            return True
        shared = {
            s for w in sentence[1:] if w not in self.stopwords and verb.followed_by(s := stem(w))
        }
        return len(shared) >= self.min_reason_words

    # Splices are looked for in two passes: the note's words alone (cheap, and enough to rule
    # most notes out), then, only if that finds something, the words with their offsets.

    def _may_be_pasted(self, note: Note, view: _ContextView) -> bool:
        words = note.words
        if view.gram_set:
            note_grams = list(_ngrams(words, self.min_pasted))
            if not view.gram_set.isdisjoint(note_grams):
                for start, end in self._runs(note_grams, words, view):
                    if self._glued_verb(words, start, end) or self._verb_in_noun_slot(words, start):
                        return True
        return next(self._headlines_as_things(words, note.word_set, view), None) is not None

    def _pasted(self, note: Note, view: _ContextView, doc: _Sentences) -> Iterator[Finding]:
        words = doc.words
        for start, end in self._runs(list(_ngrams(words, self.min_pasted)), words, view):
            yield from self._glued_clause(note, doc, start, end)
            if self._verb_in_noun_slot(words, start) and doc.joined(start - 1, start):
                a, b = doc.span(note, start - 1, start + 1)
                run = note.quote(*doc.span(note, start, end), width=40)
                yield Finding(
                    f"Rewrite '{note.quote(a, b)}': after '{words[start - 1]}' a noun is "
                    f"expected, but the pasted details '{run}' start with the verb "
                    f"'{words[start]}'.",
                    a,
                    b,
                )
        yield from self._headline_findings(note, view, doc)

    def _runs(
        self, note_grams: list[tuple[str, ...]], words: list[str], view: _ContextView
    ) -> Iterator[tuple[int, int]]:
        """Longest stretches of the note's words (and its n-grams) that a context field has
        verbatim."""
        n = self.min_pasted
        i = 0
        while i < len(note_grams):
            hits = view.grams.get(note_grams[i])
            if not hits:
                i += 1
                continue
            best_length = 0
            for field_index, pos in hits:
                field = view.fields[field_index]
                k = n
                while (
                    i + k < len(words) and pos + k < len(field) and words[i + k] == field[pos + k]
                ):
                    k += 1
                best_length = max(best_length, k)
            yield i, i + best_length
            i += best_length

    def _verb_in_noun_slot(self, words: list[str], start: int) -> bool:
        """ "thanks for our talked after…": an article or a preposition, then a pasted verb; not
        a participle before its noun ("a retained search"), or before a word the table does not
        know and its noun ("your refined carnaúba flakes")."""
        after = words[start + 1 : start + 3]
        return (
            start > 0
            and words[start - 1] in _NOUN_SLOTS
            and words[start] in self.grammar.finite_verbs
            and not (
                words[start] in self.grammar.participles
                and after
                and (
                    self._noun_like(after[0])
                    or (len(after) == 2 and self._unknown(after[0]) and self._noun_like(after[1]))
                )
            )
        )

    def _unknown(self, word: str) -> bool:
        """A word no English word list has: most often a trade's or a place's ("carnaúba"), not
        "my" of "the answered my question"."""
        g = self.grammar
        known = (english_words(), self.stopwords, g.nouns, g.verb_forms, g.participles, g.openers)
        return word.isalpha() and not any(word in words for words in known)

    def _noun_like(self, word: str) -> bool:
        """A noun, or a plural the word table does not know ("emitters" of "clogged emitters"):
        a trade's word is most often a thing."""
        g = self.grammar
        return word in g.nouns or (
            len(word) > 3
            and word.isalpha()
            and word.endswith("s")
            and not {word, word[:-1]} & (g.verb_forms | g.participles | g.openers)
        )

    def _glued_verb(self, words: list[str], start: int, end: int) -> tuple[int, int] | None:
        """The finite verb of a pasted clause and the finite verb glued on right after it."""
        verb = next((k for k in range(start, end) if self._is_finite(words, k)), None)
        glued = end
        if verb is None or glued >= len(words):
            return None
        if words[glued] in _ADVERBS or (words[glued].endswith("ly") and len(words[glued]) > 4):
            glued += 1
        if glued >= len(words):
            return None
        word = words[glued]
        if word not in _FINITE_AUXILIARIES and word not in self.grammar.finite_verbs:
            return None
        after = words[glued + 1] if glued + 1 < len(words) else ""
        if word in self.grammar.participles and after in _PREPOSITIONS:
            return None  # "pipelines covered in your talk": a participle, not a second verb
        return verb, glued

    def _glued_clause(self, note: Note, doc: _Sentences, start: int, end: int) -> Iterator[Finding]:
        """ "We talked after his talk on streaming pipelines caught my eye": a clause pasted from
        the details, then straight away another finite verb with no "and" or "which" between."""
        words = doc.words
        found = self._glued_verb(words, start, end)
        if found is None or not doc.joined(end - 1, found[1]):
            return
        verb, glued = found
        sentence_start = doc.sentence_start(start)
        lead = words[sentence_start:verb]
        if lead and not (
            lead[0] in _SUBJECTS
            and (len(lead) == 1 or (len(lead) == 2 and lead[1] in _SUBJECT_ADVERBS))
        ):
            return  # "How you answered my question… stayed with me": a clause as the subject
        a, b = doc.span(note, min(start, sentence_start if lead else start), glued + 1)
        run = note.quote(*doc.span(note, start, end), width=40)
        yield Finding(
            f"Rewrite '{note.quote(a, b)}': the details' words '{run}' are pasted in and run "
            f"straight into '{words[glued]}', gluing two sentences together. Split them, or say "
            "it in your own words.",
            a,
            b,
        )

    def _is_finite(self, words: list[str], k: int) -> bool:
        """A finite verb: a form that is never a noun, or any form right after a subject
        ("we keep", "we both spoke")."""
        word = words[k]
        if word in self.grammar.finite_verbs or word in _FINITE_AUXILIARIES:
            return True
        if word not in self.grammar.verb_forms or k == 0:
            return False
        before = words[k - 1] if words[k - 1] not in _SUBJECT_ADVERBS or k == 1 else words[k - 2]
        return before in _SUBJECTS

    def _headlines_as_things(
        self, words: list[str], present: frozenset[str], view: _ContextView
    ) -> Iterator[tuple[str, int, int]]:
        """Where a possessive stands before a whole headline: (whose, start, end)."""
        for owner, headline in view.headlines:
            if not present.issuperset(headline):
                continue
            size = len(headline)
            for i in range(1, len(words) - size + 1):
                if (
                    words[i] == headline[0]
                    and tuple(words[i : i + size]) == headline
                    and words[i - 1] in _POSSESSIVES[owner]
                ):
                    yield owner, i, i + size

    def _headline_findings(
        self, note: Note, view: _ContextView, doc: _Sentences
    ) -> Iterator[Finding]:
        """ "I saw your Head of Data at Brightmart and loved it": a job title is not a thing of
        theirs; "your work as Head of Data" is."""
        words = doc.words
        for owner, start, end in self._headlines_as_things(words, frozenset(words), view):
            if end < len(words) and doc.joined(end - 1, end) and words[end] in self.grammar.nouns:
                continue  # "your Head of Data at Brightmart role"
            a, b = doc.span(note, start - 1, end)
            role = note.text[doc.span(note, start, end)[0] : b]
            yield Finding(
                f"Rewrite '{note.quote(a, b)}': '{role}' is a job title, not something "
                f"{'theirs' if owner == 'recipient' else 'of yours'}; say e.g. "
                f"'{words[start - 1]} work as {role}'.",
                a,
                b,
            )


class _Sentences:
    """The folded note's words with their offsets, and where its sentences start; made only
    when a check needs them."""

    def __init__(self, folded: str, greeting: re.Match[str] | None) -> None:
        self.folded = folded
        self.greeting = greeting

    @lazy
    def tokens(self) -> list[_Token]:
        return [_Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(self.folded)]

    @lazy
    def words(self) -> list[str]:
        return [t.word for t in self.tokens]

    @lazy
    def starts(self) -> list[int]:
        """Offsets where a sentence (or the clause after the greeting) starts."""
        folded = self.folded
        starts = {0}
        if self.greeting is not None:
            starts.add(self.greeting.end())
        for pattern in (_STOP_RE, _EMOJI_BREAK_RE):
            starts.update(m.end() for m in pattern.finditer(folded))
        return sorted({_skip_opening(folded, i) for i in starts})

    def sentence_start(self, word: int) -> int:
        """The index of the first word of the sentence that word ``word`` is in."""
        offset = self.starts[bisect_right(self.starts, self.tokens[word].start) - 1]
        return bisect_left([t.start for t in self.tokens], offset)

    def joined(self, left: int, right: int) -> bool:
        """Whether only spaces stand between words ``left`` and ``right`` (no punctuation)."""
        tokens = self.tokens
        return all(
            self.folded[tokens[k - 1].end : tokens[k].start].isspace()
            for k in range(left + 1, right + 1)
        )

    def span(self, note: Note, first: int, last: int) -> tuple[int, int]:
        """The original span of words ``first`` up to (not including) ``last``."""
        return note.folded.span(self.tokens[first].start, self.tokens[last - 1].end)


def _skip_opening(folded: str, i: int) -> int:
    """The offset after spaces, opening quotes and brackets at ``i``."""
    while i < len(folded) and (folded[i].isspace() or folded[i] in _OPENING):
        i += 1
    return i


def _inner_words(text: str) -> list[str]:
    """The words of prose that don't start a sentence."""
    return [w for sentence in _SENTENCE_RE.split(text) for w in WORD_RE.findall(sentence)[1:]]


def _base(word: str) -> str:
    """A word without its possessive ending: "Zalmora's" -> "Zalmora"."""
    if "'" not in word and "’" not in word:
        return word
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word
