"""A plain note built only from the context's own facts, for when no drafted attempt passes.

The user should never be left with only a failing draft. This note says nothing the context does
not: how the two met (only when the context says they did), a mutual connection, a shared school
or interest, and the user's own reason turned into a first-person sentence addressed to the
reader. Sentences come from a few templates per scenario, picked deterministically; when one is
too long its optional clauses go first, then the reason is shortened. Every candidate is checked
with the guardrails, so a returned note passes them (one they warn about only when no passing
candidate is free of warnings); ``None`` means nothing the context gives makes a passing note (no
reason and no facts).
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, auto
from itertools import pairwise
from typing import NamedTuple

import regex
from anyascii import anyascii

from warmnote.context import Context, Familiarity
from warmnote.guardrails import Guardrails
from warmnote.guardrails.fluency import wants_an
from warmnote.guardrails.note import stem, stems_of
from warmnote.names import (
    TITLES,
    consonants_alike,
    given_name,
    nicknames,
    preferred_name,
    spelled_in_latin,
    titled_call,
    words_of_name,
)
from warmnote.notes_to_self import (
    BRACKETED_RE,
    asks_nothing,
    asks_to_say,
    is_wish,
    keeps_money_out,
    languages_capitalised,
    money_spans,
    says_how_the_name_is_written,
    split_notes_to_self,
    typed_as_notes,
    without_closing_aside,
)
from warmnote.perspective import (
    reader_named_in_latin,
    third_person_lemma,
    to_reader,
    to_second_person,
    word_classes,
)
from warmnote.places import is_place_name, spelt_as_places
from warmnote.results import LeftOut
from warmnote.shorthand import FILLERS, typos_fixed, written_out
from warmnote.text import (
    ARTICLES,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    POSSESSIVES,
    RECIPROCAL_AFTER_VERB,
    SPANS_OF_TIME,
    URL_HEAD,
    WEEKDAYS,
    fold_chars,
    utf16_len,
)

_SUBJECT_STARTS = frozenset([
    "i", "i'd", "i'm", "i've", "i'll", "we", "we're", "we've", "we'd", "we'll", "you",
    "you're", "you've", "you'd", "you'll", "it", "it's"
])  # fmt: skip
_SMALL_AFTER_COMMA = _SUBJECT_STARTS - {"i", "i'd", "i'm", "i've", "i'll"} | frozenset([
    "your", "our", "my", "as", "since", "now", "for", "the", "a", "an", "this", "that",
    "these", "those", "after", "before", "while", "thank", "thanks", "congratulations", "congrats",
    "would", "at", "in", "on", "during", "last", "when", "if", "over", "from", "with", "through",
    "because", "until", "once", "both", "there", "here", "just", "so", "back", "earlier",
    "recently", "yesterday", "today", "every", "each", "all", "what", "how", "not"
])  # fmt: skip
# "open to a chat?" asks whether the reader would be.
_AVAILABLE = frozenset(["open", "free", "keen", "interested", "available", "around", "up"])
# "maybe ask if…" is the writer's to do; "maybe swap dashboards" theirs together.
_MINE = frozenset(["ask", "offer", "send", "introduce", "show", "pitch", "help", "bring"])
# "keen to", "curious what": an adjective that is also a verb ("to keen") reads as one here.
_AFTER_ADJECTIVE = frozenset(
    ["to", "about", "what", "how", "whether", "if", "in", "for", "why", "on", "that", "with"]
)
# A reason that asks the reader a question: "would she be up for a chat?", "are you hiring PMs?"
_QUESTION_VERBS = frozenset([
    "would", "could", "can", "will", "do", "does", "did", "are", "is", "have", "has", "should",
    "may", "might"
])  # fmt: skip
# "how does she size…" said to her: "how do you size…".
_WH_WORDS = frozenset(["how", "what", "why", "when", "where", "who", "which"])
_QUESTION_SUBJECTS = frozenset(["you", "i", "we", "it", "your", "there", "this", "that"])
_POSSESSIVE_STARTS = frozenset(["your", "our", "my"])
_NOUN_PHRASE_STARTS = frozenset(["a", "an", "the", "this", "that", "these", "those"])
_RELATIVES = frozenset(["which", "who", "whom", "whose"])
# What follows "haven't spoken" when it is the two of them, not an object ("met her cofounder").
_AFTER_DONE_TOGETHER = frozenset(
    ["", "since", "in", "for", "at", "properly", "yet", "much", "again"]
)
_DONE_TOGETHER = frozenset(["spoken", "talked", "met", "caught", "chatted", "seen", "worked"])
_DESIRE_VERBS = frozenset(["want", "wanted", "hope", "hoped", "wish", "plan", "need", "would"])
_DEGREE_ADVERBS = frozenset(["really", "also", "definitely", "probably", "even", "actually"])
_BEFORE_A_WISH = frozenset(
    ["just", "definitely", "really", "totally", "genuinely", "honestly", "seriously"]
)
_AUXILIARIES = frozenset([
    "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
    "should", "may", "might", "must", "does", "did", "isn't", "aren't", "wasn't", "weren't",
    "hasn't", "haven't", "doesn't", "didn't", "can't", "won't"
])  # fmt: skip
_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from",
    "by", "as", "how", "what", "why", "when", "where", "who", "which", "whether", "that",
    "this", "your", "my", "our", "their", "his", "her", "its", "you", "i", "me", "we", "us",
    "it", "is", "are", "was", "were", "be", "if", "so", "than", "then", "about", "into", "over"
])  # fmt: skip
_CUT_BEFORE = frozenset([
    "on", "about", "at", "in", "for", "with", "from", "into", "across", "over", "during",
    "through", "since", "like", "so"
])  # fmt: skip
_REPORTING = (
    "suggested|recommended|mentioned|said|says|thought|thinks|told me|felt|feels|figured|"
    "believes|noted|pointed out"
)
_ATTRIBUTION_RE = re.compile(
    rf"^(?P<who>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){{0,3}})(?:, [^,]{{1,60}},)? "
    rf"(?P<verb>{_REPORTING})(?: that)? (?P<rest>.+)$"
)
_SUGGESTED_ACTION_RE = re.compile(r"^(?:I|we|me to) (?P<action>.+)$")
_WRITING_RE = re.compile(
    r"(?:reach out|write|connect|contact|message|get in touch|say hi|drop (?:her|him|them) a)\b"
)
_TOLD_TO_RE = re.compile(
    r"^to (?P<action>[^,.;]+)(?:[,;]\s*(?:and\s+)?(?:(?:he|she|they)\s+)?(?:says|said)\s+"
    r"(?:that\s+)?(?P<said>[^.;]+))?(?P<after>[,.;].*)?$",
    re.DOTALL,
)
_LEADING_ADVERBIAL_RE = re.compile(
    r"^(?:(?P<lead>(?:as an?|as the|now that|since|after|before|while|given that) [^,]{2,80}),\s+"
    # "For the EU passport we need…": what it is for, up to the subject, without a comma
    r"|(?P<purpose>for (?:the|our|my|this|a|an) [^,]{2,60}?)\s+(?=(?:we|i) [a-z]))"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
# "thank you for the comments and keep the discussion going": the thanks is said, not wished
# ("I'd like to thank you for..." reads stiff), and what follows it is a sentence of its own.
_GRATITUDE_RE = re.compile(
    r"^(?P<verb>thank you|thanks|congratulate you|congratulate|congratulations|congrats) "
    r"(?P<prep>for|on) "
    r"(?P<what>.+?)(?:(?:,? and |, (?=I['’ ]))(?P<rest>(?P<next>[^\W\d_]+)\S* .+))?$",
    re.IGNORECASE,
)
_GRATITUDE = {
    "thank you": "Thank you for",
    "thanks": "Thanks for",
    "congratulate you": "Congratulations on",
    "congratulate": "Congratulations on",
    "congratulations": "Congratulations on",
    "congrats": "Congratulations on",
}
# What the thanks is for, up to its head noun: "Thank you for the thoughtful comments and...".
_THANKED_RE = re.compile(
    r"^(?:thank you|thanks|congratulations) (?:for|on) (?P<what>[^.,]+?)"
    r"(?= and | on | about | in | at | with | to | from |[.,])",
    re.IGNORECASE,
)
# A reason's parts that are whole as they are: "congratulations!", "no pressure".
_BARE_RE = re.compile(
    r"^(congratulations|congrats|congratulate(?: you)?|thank you|thanks|no pressure|no rush)"
    r"(?: first)?\s*[!.]*$",  # "congrats first; then ask…"
    re.IGNORECASE,
)
_CHEER_THEN_RE = re.compile(r"^(?:congrats|congratulations)!? and (?P<rest>\w.+)$", re.I)
_DASH_RE = re.compile(r"\s[-–—]\s")
# What follows an -ing word that is also a noun when it is the writer doing something
# ("training them", "opening up"), not a noun ("evening course", "opening for a PM").
_AFTER_GERUND = frozenset(
    ["it", "them", "you", "a", "an", "the", "this", "that", "my", "our", "your", "over", "out",
     "up", "back", "forward", "through"]
)  # fmt: skip
_SINGULAR = frozenset(["course", "class", "seminar", "module"])
_OPENINGS = frozenset(["posting", "opening", "role", "job", "position", "vacancy", "req"])
_CONNECTIVES = frozenset(["now", "also", "plus", "anyway", "btw"])
_EXISTENTIAL = frozenset(["there's", "there're", "that's", "here's"])
_LATER_LEADS = frozenset(["later", "soon", "eventually", "afterwards", "then"])
_LATER_LEAD_RE = re.compile(r"^\S+\s*(?:\([^()]*\)\s*)?,?\s*")
"""The time word that leads a clause, and an aside after it: "later (maybe spring), "."""
_NEGATIONS = frozenset(["didn't", "don't", "couldn't", "can't", "haven't", "won't", "wasn't"])
_BARE = {
    "congratulations": "Congratulations!",
    "congrats": "Congratulations!",
    "congratulate": "Congratulations!",
    "congratulate you": "Congratulations!",
    "thank you": "Thank you!",
    "thanks": "Thank you!",
    "no pressure": "No pressure.",
    "no rush": "No rush.",
}
_ASK_MARKERS = (
    "i'd ", "i want", "i would", "i hope", "would value", "could you", "could use", "would love",
    "'d value", "'d love", "'d welcome", "'d appreciate", "just want", "stay in touch",
    "keep in touch", "would like to", "'d like to", "to see whether i ", "to see if i ",
    "to see whether you", "to see if you", "whether i may", "whether i could",
    # "I record village choirs and would be glad to hear more of your singing"; not "my
    # grandmother would be glad to know"
    "i would be glad to", "i would be happy to", "i would be grateful", "and would be glad to",
    "and would be happy to", "and would be grateful",
    # held-out 46: "I am curating an exhibition… and would be glad of your advice"
    "i would be glad of", "and would be glad of", "i would be grateful for",
    "and would be grateful for",
    # held-out 47: "I'm starting paid workshops and mean to ask you, properly, whether…"; "your
    # eye on how that grain behaves would help a great deal", "your view… would mean a lot"
    "i mean to ask", "and mean to ask", "i'm curious how", "i'm just curious how",
    "i'm curious whether", "i'm curious what",
    # held-out 48: "I am asking her whether she would build…", "and want her notes on vent size"
    "i am asking you", "i'm asking you", "and want your", "and need your", "i need your"
)  # fmt: skip
# Held-out 48: the writer wondering or keen to learn something of the reader's: "I make costumes
# for opera, and I keep wondering how many beatings…", "am keen to understand how your workshop
# keeps detail that fine", "I'm dying to find out how…"; not "it's a wonder how she…", "her
# students are keen to learn it young", "I'm keen to move to Ghana".
_WRITER_WONDERS_RE = re.compile(
    r"\b(?:i(?:'m| am| keep| have been|'ve been)?|and(?: i(?:'m| am| keep))?) "
    r"(?:wonder|wondering) (?:how|whether|if)\b"
    r"|\b(?:i'm|i am|am|and) (?:keen|dying|eager|itching) to (?:understand|learn|hear|know|ask|"
    r"check|find out|watch|see how)\b"
)
# Held-out 54: what the writer is after, named as a thing: "the thing that matters most to us is
# how she sizes a cistern", "my real interest is the way she bends culms", "your next projects
# are ones I mean to watch", "I mean to read whatever you publish next"; not "the thing that
# matters most is the weather", "my interest is in soil", "I mean to open a studio".
_WRITER_AFTER_RE = re.compile(
    r"\b(?:my|our) (?:real |main |chief |one |only |first )?(?:interest|question|curiosity) "
    r"(?:here |now )?is (?:how|what|whether|which|where|why|the way|in how|in the way)\b"
    r"|\bthe (?:one )?(?:thing|question|part) (?:that )?(?:matters|interests (?:me|us))(?: most)?"
    r"(?: to (?:me|us))? is (?:how|what|whether|which|where|why|the way)\b"
    r"|\bi mean to (?:watch|follow|read|learn|hear|study)\b"
)
# "your eye on how that grain behaves would help a great deal", "I'm hoping to book your choir":
# what asks of the reader, not "the yarn donations would help a great deal", "I'm hoping to open
# my own studio". Held-out 49: "hearing how you tested it would help me greatly", "your numbers
# would tell me whether my model is close", "your sense of which stretch is riskiest is what I
# am after", "your experience… is exactly the knowledge we lack".
_WOULD_HELP_RE = re.compile(
    r"\bwould (?:really )?(?:help(?: me| us)? (?:a great deal|a lot|greatly|enormously|hugely|"
    r"immensely)|be a (?:great|huge|real) help|mean a (?:lot|great deal)|"
    r"tell (?:me|us) (?:whether|if|how|what|which|where|when))\b(?! of\b)"
)
# not a recruiter's "your talk is exactly what we need / we're looking for", which offers
_IS_WHAT_I_LACK_RE = re.compile(
    r"\bis (?:exactly |just |precisely )?(?:what (?:i'm|i am) (?:after|looking for|missing)|"
    r"the (?:\w+ ){1,2}(?:i|we) (?:lack|am missing|are missing))\b"
)
_HOPING_FOR_THEM_RE = re.compile(r"\bi'm hoping to \w+ (?:you|your)\b")
_YOUR_RE = re.compile(r"\byour\b")


def _asks_of_them(lower: str, *, you: bool = False) -> bool:
    """Whether ``lower`` (small letters) asks of the reader by what something of theirs would
    do for the writer ("your eye on it would help a great deal"); with ``you``, something they
    would do too ("hearing how you tested it would help me greatly"), which is only asked where
    the doing is the sentence's subject: "you mentioned that a second kiln would help a lot" is
    no ask. Each sentence is read once from its first "your": a pattern that ran from every one
    of them took quadratic time."""
    if _HOPING_FOR_THEM_RE.search(lower):
        return True
    for sentence in re.split(r"[.!?]", lower):
        first = (_YOU_RE if you else _YOUR_RE).search(sentence)
        if first is None:
            continue
        if _WOULD_HELP_RE.search(sentence, first.start()) or _IS_WHAT_I_LACK_RE.search(
            sentence, first.end()
        ):
            return True
    return False


# "I test natural-fibre ropes for old sailing ships and want to learn how…": the writer's wish to
# learn from the reader; not "my students… and want to try", "…and hope to open a studio".
_WISH_AFTER_AND_RE = re.compile(
    r"\band (?:want|hope) to (?:learn|ask|know|hear|understand|talk|chat|compare|swap|meet|"
    r"connect|find out|see how|use|invite|hire|book|visit|feature|interview|record)\b"
)
_WRITER_RE = re.compile(r"\b(?:i|i'm|i am|we|we're|we are)\b")
# "Retained search: reservoir engineering manager…": a short noun phrase as a heading.
_HEADING_RE = re.compile(r"^(?P<head>[^\W\d_][\w'’-]*(?: [\w'’-]+){0,2}):\s+\S")
# "he said send the samples -> do that": an arrow between spaces ends what comes before it, or
# after "from" says "to" ("switching from lab tech -> RSE").
_ARROW_RE = re.compile(r"\s+(?:->|=>|→|>>)\s+")
# "gonna ask how she warms up // could really help my older singers": a break between thoughts.
_SLASHES_RE = re.compile(r"(?<=[^\W\d_]{2})\s+//+\s+(?=[^\W\d_]{2})")  # not "a // b"
# "…most January mornings • her post on… • our tester stays for later •…", "…in passing | no
# intro offered, so… | want to learn…": bullets or pipes between thoughts, where the reason is
# jotted as a run of them; not a name, a title or a list ("Rust | Go interop", "Teacher | Maker |
# Dad", "Lisbon • Porto • Faro", "pass | fail checks").
_JOTTED_MARK_RE = re.compile(r"\s+([•|])\s+")
_JOTTED_MARKS = 3  # of one kind, at least
_JOTTED_WORDS = 3  # between two marks, at least
# "re: grafting calendar", "Q re: madder colourfastness": what the note is about.
# "re the role, is it still open?" too, with no colon, before what it is about.
_RE_RE = re.compile(
    r"(?:(?<=^)|(?<=[.!?;] ))(?P<q>(?:q|qs|question|questions) )?re(?::\s|\s(?=(?:the|your|his|"
    r"her|their|our|my|a|an)\s))"
    r"(?!(?:the |her |his |their )?name\b)",  # "re: name, …" heads a note on the name
    re.I,
)
# "hey!", "yo anurag -": the greeting the note has already.
_GREETING_RE = re.compile(
    r"^(?:hey|hi|hello|yo)(?![\w-])(?:\s+[^\s.!?,:;–—-]+){0,2}\s*[!,:–—-]+\s*", re.IGNORECASE
)
# "unreal its been 13 years", "wow, she runs it now": an exclamation before what it is about.
_INTERJECTION_RE = re.compile(
    r"(?:(?<=^)|(?<=[.!?] ))(?:wow|unreal|omg|whoa|woah|gosh|geez|jeez|man|dang|damn)"
    r"[,!.]*\s+(?=(?:it'?s|that'?s|you|she|he|they)\b)",
    re.IGNORECASE,
)
# What a note has no place for: a laugh, and the chat fillers "tbh", "imo", "ngl", "btw", "fyi"
# ("fyi he prefers Spanish" is a note to self, whole).
_LAUGH_RE = re.compile(
    rf"\s*\b(?:lol|haha|lmao|{'|'.join(f for f in FILLERS if f != 'fyi')})\b[,:]?"
    r"|\s*\bfyi\b(?!,? (?:he|she|they|hes|shes|theyre)\b)[,:]?"
    # "for like 20 min", "commented on like 6 of my posts"; not "I'd like 20 min", "feels like"
    r"|(?:(?<=\bfor)|(?<=\bon)|(?<=\bin)|(?<=\bto)|(?<=\bover)|(?<=\babout)|(?<=\bwith)"
    r"|(?<=\bafter)|(?<=ed)|(?<=\bleft)|(?<=\bmade)|(?<=\bsent)|(?<=\bgot)|(?<=\btook)"
    r"|(?<=\bspent)|(?<=\bwrote)|(?<=\bran)) like(?=\s+~?\d)",
    re.IGNORECASE,
)
# "I would like to ask whether the losses stayed under 10%?": what the writer wants is said, and
# the question inside it is indirect, so it ends with a full stop ("…, is anything open?" after
# a comma or a dash asks one of its own, and "so could we meet?" is no indirect question).
_STATEMENT_ASKED_RE = re.compile(
    r"I(?:'d|’d| would)? (?:like|love|want) to (?:ask|know|find out|learn|hear|check|see) "
    r"(?:if|whether|how|what|why|when|where|who|which)\b[^.!?,:;]*\?$"
)
# "ask if open to a chat": whom the writer asks, the reader, is who would be open.
_ASK_IF_OPEN_RE = re.compile(
    r"\b((?:ask|asking) (?:if|whether)) (?=(?:open to|interested in|free to|free for|available "
    r"(?:to|for)|keen to|keen on|up for)\b)",
    re.I,
)
# "ask if any RA spots for 2027": a question with no verb of its own asks whether there are any.
_ASK_IF_ANY_RE = re.compile(
    r"\b((?:ask|asking) (?:if|whether)) (?=any (?!of\b)(?:[\w-]+ ){0,2}[\w-]+s "
    r"(?:for|in|at|this|next|left|open|going)\b)",
    re.I,
)
# "she said send her a note": what someone asked for, reported, takes "to".
_REPORTED_ASK_RE = re.compile(
    r"\b(said|says|told me|asked me)\s+(?=(?:send|email|ping|message|text|call|drop|write|"
    r"contact) (?:her|him|them|me|us|you|the|a|an|it|over)\b|reach out\b|get in touch\b)",
    re.I,
)
# "…my CV. + congrats on the promotion": a "+" that starts a sentence adds it, and says nothing.
_LEADING_PLUS_RE = re.compile(r"(?:^|(?<=[.!?;] ))[+&]\s+")
# "just connect + say the post was useful", "just connect off her lung-health post": the
# connecting is what any note does; what to say, or why, is the note.
_JUST_CONNECT = r"(?:(?<=^)|(?<=[.!?;,] ))(?:so |then )?just connect "
_CONNECT_AND_SAY_RE = re.compile(
    rf"{_JUST_CONNECT}(?:\+|and|&) say (?:that )?"
    r"(?P<the>the (?=(?:post|talk|article|video|paper|thread|podcast|episode|webinar|piece)\b))?",
    re.I,
)
_CONNECT_OFF_RE = re.compile(rf"{_JUST_CONNECT}(?:off(?: of)?|b/c of|bc of|because of) ", re.I)
# "she ran M&E for the TB project i think": the hedge goes first, where a person says it.
_HEDGE_LAST_RE = re.compile(
    r"(?:(?<=^)|(?<=[.!?] ))(?P<clause>[A-Za-z][^.!?;,]*?),? (?P<hedge>I (?:think|believe|guess))"
    r"(?=[.!?;,]|$)"
)
# A time between commas after "and", which would split one wish in two: "…your research and,
# some day, ask how you twist the rope".
_TIME_IN_COMMAS_RE = re.compile(
    r"\b(and|then|but), (some ?day|one day|eventually|later|soon|in time|afterwards|next year|"
    r"in the future|down the line), ",
    re.IGNORECASE,
)
# "we did the borehole logging together 2019 to 2021": years typed bare after what was done.
_BARE_YEARS_RE = re.compile(
    r"(?<=together )((?:19|20)\d\d)(?![-–\d])(?=( to (?:19|20)\d\d)?(?:[.,;!?]|\s*$|\s+and\b))"
)


def _years_with_preposition(m: re.Match[str]) -> str:
    return f"{'from' if m[2] else 'in'} {m[1]}"


# "- her team's packs…", "2. mention I'm Cherokee" or "Why: …" on a line of its own: each line
# is a part of the reason, its bullet or number dropped.
_LINE_RE = re.compile(r"[ \t]*(?:\A|\n)\s*(?:(?:[-*•–—]|\d{1,2}[.)])[ \t]+)?")
# "1) Renata put us in touch 2) we have…": a list's markers end its items.
_LIST_MARKER_RE = re.compile(r"(?:^|\s+)\(?(?:[1-9]|[a-eA-E])\)\s+(?=[^\W\d_])")
# A word in capitals for emphasis ("hiring for MY team", "PAID, not a favour"), said plainly.
_EMPHASIS_RE = re.compile(
    r"(?<![\w'’])(?:MY|NOT|PAID|NEVER|ONLY|VERY|REALLY|ALL|OUR|YOUR|THE|AND|BUT|DEFINITELY|"
    r"ACTUALLY|LITERALLY|SO|TOO|ALSO)(?![\w'’])"
)
# "1. …" starts a list only first or after ":", and then "2. …" goes on with it ("floor 4. Loved
# it" is no list).
_DOTTED_LIST_RE = re.compile(r"(?:^|(?<=[:;]))\s*1\.\s+(?=[^\W\d_])")
_DOTTED_ITEM_RE = re.compile(r"\s+[2-9]\.\s+(?=[^\W\d_])")
# "…keep asking for 🐐 want to learn…": an emoji between words ends a sentence.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_EMOJI_BREAK_RE = re.compile(
    rf"\s*[{_EMOJI}]+\uFE0F?\s+(?=[A-Z]|(?:i|we|you|my|our|want|would|could|can|will|hope|need|"
    r"love|thanks?|dont|don't|do|no|not|just|keep|pls|please|maybe|havent|haven't|never|still|"
    r"looking|hoping|trying|planning|wondering|also)\b)"
)
# A face typed in signs, read as the emoji it stands for: "my ochre ran into her sky :( looking…"
_EMOTICON_RE = re.compile(
    r"(?<!\S)(?:[:;=][-'^]?[()\[\]DPp/|*]+|\^_*\^)(?=\s+[^\W\d]|\s*$)"
)  # not "<3 weeks" (under three) nor "2 :/ 3"
_AN_EMOJI = "\u263a"
_AND_I_RE = re.compile(
    r",? and (?=I(?:'d|’d|'m|’m| want| would| hope| now)\b|(?:thank|congratulat)\w* "
    # "the grit problem rings true for us and ask how they wash the roots": the ask after a
    # statement of the writer's is a sentence of its own
    r"|ask (?:how|what|why|when|where|whether|if|which|who)\b"
    # "…since our dormitory years, and now that you underwrite hail cover…, I want us connected":
    # a "now that" with a wish of the writer's after it (held-out 57)
    r"|now that\b[^,.;!?]+, I(?:'d|’d| want| would| hope)\b)",
    re.IGNORECASE,
)
# A statement with a subject of its own, which an "and ask…" after it does not continue ("the
# grit problem rings true for us"); "I'd love to connect and ask…" and "read her post and
# ask…" are one wish.
_STATED_RE = re.compile(
    r"(?i:the|your|our|my|this|that|it|its|it's|we|we're|they|you|you're)\b(?!.*\bto\b)"
)
# "..., happy to pay": an aside after the ask is a sentence of its own ("I'm happy to pay.").
_ASIDE_RE = re.compile(
    r",\s+(?=(?:happy|glad|keen|willing|open|eager|free) to\b|no pressure|no rush|maybe |"
    r"would love (?:to|a|an) |"
    # "there is (the rocker-sole one), offer the spec sheet": what to offer, after a statement,
    # is a sentence of its own; not "we run the trial, offer the data and…", one subject's doing
    r"offer (?:him |her |them )?(?:the|my|our) (?![^.!?]*(?:\?|\band\b)))"
    # "…next season - ask him which block", "…opens 6 Jan — want her to have the heads-up"
    r"|\s[-–—]\s+(?=(?:ask|offer|send|share|introduce|want|wanted|hope|would|congrats|"
    r"congratulations|didn't|did not|couldn't|sending|bringing|happy to)\b)",
    re.IGNORECASE,
)
# "we've said hello at a few swaps; this time we talked about beehives": the later clause is
# the meeting; "...and never worked on anything together" is no fact to open with.
_LATER_RE = re.compile(r"^(?:this time|last time|most recently|recently|and then|then),?\s+", re.I)
# "introduced us over email and said we should compare notes": the reason tells what was said.
_SAID_AFTER_RE = re.compile(
    r",? and (?:said|suggested|thought|mentioned|told me|recommended)\b.*$", re.IGNORECASE
)
# What happened over time, not on the day the context names: "for about a year", "every week".
_HABITUAL_RE = re.compile(
    r"\b(?:for (?:about |almost |over |nearly |the last |the past )?(?:a|an|one|two|three|four|"
    r"five|six|several|many|a few|\d+) (?:years?|months?|summers?|seasons?|weeks?)|for years|"
    r"since|every|most (?:weekends|days|weeks|mornings|evenings|saturdays|sundays))\b",
    re.IGNORECASE,
)
# "at Harrowgate Mutual 2019-2021" -> "at Harrowgate Mutual from 2019 to 2021".
# Two clauses joined by a comma alone, the second the writer's or their client's: "…is hiring,
# I'm applying", "my client is a firm in Rotterdam, they want a production lead".
_SPLICE_RE = re.compile(
    r",\s+(?=(?:I'm|I’m|I've|I’ve|I'll|I’ll|I want|I'd|I’d|I can|we're|we’re|we've|we’ve"
    r"|they(?:'re|’re| want| need| are| plan| hope)"
    # "you run the farm near nadudvar, your sausage took first prize"
    r"|your [\w-]+ (?:took|won|got|sold|made|went|has|is|was))\s)"
)
_QUESTION_SPLICE_RE = re.compile(
    r",\s+(are|do|did|will|would|can|could|is) (?=(?:you|it|there)\b[^.!?]*\??$)", re.IGNORECASE
)  # "…, would you be open to a chat", typed without its "?", is asked too
# "keen for her view: could my cadets read maps like that from a bridge", asked without its "?"
# (held-out 49)
_COLON_QUESTION_RE = re.compile(
    r":\s+(?:are|do|does|did|will|would|can|could|is|should)\s+(?:you|it|there|we|i|they|he|"
    r"she|my|your|our|their|his|her|the|a|an)\b[^.!?:]*$",
    re.IGNORECASE,
)
_WISH_SPLICE_RE = re.compile(
    r",\s+(?=(?:want|wanted|hope|would love)(?: (?:him|her|them|you))? to\b"
    # "…for 5 years, want your honest take", "…a PV lead role, would love your view"
    r"|(?:want|would love) (?:your|his|her|their) [\w-]+)"
)
"""A wish spliced on without its "I": "…an opening in Colombo, want to tell you about it"."""
_WISH_LEAD_RE = re.compile(r"I(?:'d| would) (?:like|love) to |I want to ")
_SEEN_SPLICE_RE = re.compile(
    r",\s+(?=(?:saw|read|heard|noticed|watched|caught|loved) (?:your|you)\b"
    r"|(?:found|spotted) you (?:through|thru|via|on|at|in)\b)"
)
"""What the writer saw, spliced on without its "I": "…outside Luang Prabang, saw your video",
"…at a lodge near Ranomafana, found you through the label on the box"."""
_ASK_SPLICE_RE = re.compile(
    r"(?<!later on)(?<!later)(?<!then)(?<!first)(?<!also)(?<!maybe),\s+"
    r"(?=ask (?:if|whether|how|what|about|for)\b)"
)
"""An ask spliced on as a bare verb: "…sorting by peel blemish, ask if he'd chat"."""
_MISSED_SPLICE_RE = re.compile(
    r",\s+(?=(?:didn't|did not|couldn't|could not|never) (?:get to|got to|managed to|"
    r"manage to|stay|make it|catch)\b)"
)
"""What the writer missed, spliced on: "I watched your demo, didn't get to talk after"."""
_WHY_MISSED_RE = re.compile(
    r",\s+(?=the [\w-]+ (?:was|were) (?:\w+ )?(?:huge|packed|full|long|massive|crazy|mad|insane|"
    r"busy|chaos|chaotic|rammed)\b[^,;]*$)"
)
"""Why they missed it, spliced on after: "…, the queue was huge"."""
_NEW_SUBJECT_SPLICE_RE = re.compile(
    r",\s+(?=(?:you've|you’ve|you're|you’re|you have|you are)\s"
    r"|[A-Z][\w'’-]+(?: [A-Za-z][\w'’-]+)? (?:said|says|told me|mentioned)\b)"
)
"""A sentence of its own spliced on: "…for my solar grant, you've put panels on 40 schools",
"…at our clinic, Botond said you're the one to ask"."""
_SUBORDINATORS = frozenset(
    ["since", "as", "because", "when", "if", "after", "before", "while", "once", "though",
     "although", "until", "whenever", "now"]
)  # fmt: skip
_WE_DID_RE = re.compile(
    r"we(?:'ve been| have been| (?:both )?(?:worked|met|studied|were|talked|sat|served|played|"
    r"shared|ran))\b",
    re.I,
)
# "we did the borehole logging together…", told first: what both of them did, in their words.
_WE_DID_TOGETHER_RE = re.compile(
    r"we (?:both |once |all )?(?P<past>[a-z]+)\b[^.!?]*\btogether\b", re.I
)
_YEARS_RE = re.compile(r"(?<!from )\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_YOUR_GROUP_RE = re.compile(r"\byour (?:team|group|lab|department|company|org)\b(?!['’])")
# Forms of a verb that are not its past: "are you hiring", "been using", "am", "has".
_NOT_PAST = frozenset(
    ["am", "are", "is", "be", "been", "being", "has", "have", "does", "do", "done", "gone"]
)
# An amount with its unit, or of three digits or more: "2 years", "5%", "500".
_AMOUNT = (
    r"\d+(?:[.,]\d+)?\s?(?:%|years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|mins?|minutes?|"
    r"k\b|m\b|kg|km|ha\b|t\b)|\d{3,}"
)
# Symbols typed for words: " & " and " + " between words, "~3 weeks"; "R&D" and "C++" stay.
_SYMBOLS_FOR_WORDS = (
    (re.compile(r"(?<=\w) [&+] (?=\w)"), " and "),
    # "her idea basically = what our data says": "is basically"
    (
        re.compile(
            r"(?<=\S) (basically|literally|essentially|exactly|pretty much|practically|"
            r"almost|nearly|roughly) = (?=[^\W\d_])"
        ),
        r" is \1 ",
    ),
    # "her pilot = exactly what we need"; "her maps = gorgeous" are
    # "… = private" stays as typed: the note to self it marks is read as one
    (
        re.compile(r"(?<=[^\W\d_]) = (?=[^\W\d_])(?!(?:private|confidential)\b)"),
        lambda m: f" {_be_after(m)} ",
    ),
    (re.compile(r"(?<=\w) @ (?=\w)"), " at "),  # "same team @ Norrfors"
    # "talked ~15 min" is "talked for about 15 min"; "flag wear ~3 wks early" "about 3 weeks"
    (
        re.compile(r"\b(talked|chatted|spoke|waited) ~(?=\d+ ?(?:min|mins|minutes|hours?)\b)"),
        r"\1 for about ",
    ),
    (re.compile(r"(?<!\S)~(?=\d|an? |half\b)"), "about "),  # "for ~a year"
    # "in <2 years", ">500 farms"; not "<3"
    (re.compile(rf"(?<!\S)< ?(?={_AMOUNT})"), "under "),
    (re.compile(rf"(?<!\S)> ?(?={_AMOUNT})"), "over "),
    (re.compile(r"(?<!\S)re:\s+", re.IGNORECASE), "about "),  # "keep in touch re: calibration"
    (re.compile(r"\b([^\W\d_]+ed)/(?=[^\W\d_]+ed\b)"), r"\1 and "),  # "liked/commented on"
    # "NOT selling yet, only want to connect + learn…": the wish without "only" ("I only want
    # to connect" and "we don't only want to sell" keep it)
    (re.compile(r"(?<!\bI )(?<!n't )(?<!not )(?<![\w'])only (?=want to\b)", re.IGNORECASE), ""),
    # "wrote my reference, owe her one": the writer owes it
    (re.compile(r"(?<![^\W\d_] )\bowe (?=(?:you|him|her|them) (?:one|big)\b)"), "I owe "),
)
# "every sunday", "on tuesdays": a weekday in small letters, whole (not "sun" or "wed").
_SMALL_WEEKDAY_RE = re.compile(rf"(?<![\w@/.-])(?:{'|'.join(sorted(WEEKDAYS))})s?(?![\w@/-])")
# "in feb", "since sept": a month typed short in small letters, after a word that says when
# (written "Feb": the facts rule knows a date by the word the context has).
_SMALL_MONTH_RE = re.compile(
    r"\b((?:in|by|from|since|until|till|next|this|last|early|late|mid)[ -])"
    rf"({'|'.join(sorted(MONTHS - {'may', 'mar', 'march'}, key=len, reverse=True))})\b(?!\.\w)"
    # "finish my MSc in march"; not "this march" or "last march", which may be one walked
    r"|\b((?:in|by|from|since|until|till|early|late|mid)[ -])(march)\b(?![ -]on\b)"
    # "cc'd us both in may."; not "in may be" or "since may want"
    r"|\b((?:in|by|from|since|until|till|early|late|mid)[ -])(may)\b(?=[.,;:!?)]|$| \d| and\b)"
)
# "i'm moving", "i've seen": the writer's "I" typed in lower case; not the "i" of "ao po'i".
_LOWER_I_RE = re.compile(r"(?<![^\W_'’])(?<![^\W\d_]['’])i(?=(?:['’](?:m|d|ve|ll))?(?![^\W_'’]))")
# Verbs of coming to the writer: "came by our booth", "stopped at my stand", "asked about our…".
_VISITING_VERBS = frozenset(["come", "stop", "visit", "ask", "drop", "swing", "attend", "walk"])
_NOT_ABBREVIATED = frozenset(["MA"])
"""Abbreviations' letters in capitals that are a word of their own: "my MA." is the degree, and
ends its sentence; "Ma. Cristina" is the name ("DR.", "ST." and "INC." stay abbreviations)."""
_ABBREVIATIONS = frozenset([
    "st", "mt", "no", "vs", "co", "jr", "sr", "ma", "inc", "ltd", "etc", "ft", "ave", "dept",
    "ep", "vol", "ch", "fig", "approx",
    # titles only with a dot: "not sure the lic. belongs in a note"
    "lic", "ing", "mgr", "engr", "dipl", "dott"
])  # fmt: skip
_EMPLOYERS = frozenset(["company", "firm", "organisation", "organization", "employer", "agency"])
_SAME_EMPLOYER_RE = re.compile(rf"same (?:{'|'.join(_EMPLOYERS)})\b", re.IGNORECASE)
_NEGATION = (
    r"(?:never|didn't|did not|haven't|have not|hadn't|had not|weren't|were not|wasn't|was not|"
    r"don't|do not|not)\b"
)
_DENIAL_RE = re.compile(rf",?\s+(?:and|but)\s+{_NEGATION}.*$", re.IGNORECASE)
_DENIAL_START_RE = re.compile(rf"(?:we\s+|i\s+)?{_NEGATION}", re.IGNORECASE)
_PERSON_NOUNS = frozenset([
    "roommates", "flatmates", "housemates", "partners", "neighbours", "neighbors",
    "classmates", "colleagues", "coworkers", "co-workers", "teammates", "friends", "mates",
    "buddies", "cohort-mates", "peers"
])  # fmt: skip
_TALK_NOUNS = frozenset([
    "chat", "conversation", "discussion", "call", "coffee", "lunch", "dinner", "exchange",
    "session", "talk"
])  # fmt: skip
_CLASS_NOUNS = frozenset(
    ["class", "classes", "course", "courses", "lectures", "seminar", "seminars", "module"]
)
_JOINT_VERBS = frozenset([
    "talk", "chat", "meet", "work", "sit", "ship", "build", "rebuild", "play", "study",
    "speak", "collaborate", "sing", "run", "share", "partner", "team", "present", "organize",
    "organise", "launch", "co-found", "cofound", "co-write", "co-author", "coauthor",
    "volunteer", "serve", "train", "travel", "compete", "room", "live", "mentor", "pair"
])  # fmt: skip
# What two people trade with each other: "traded answers", not "traded my car in".
_SWAPPED_RE = re.compile(
    r"(?:traded|swapped|exchanged) (?:a few |some |lots of |many )?(?:answers|notes|tips|"
    r"messages|emails|e-mails|ideas|stories|recipes|contacts|cards|books|seeds|letters|questions|"
    r"comments|dms|views|thoughts|war stories)\b",
    re.I,
)
_SIDE_BY_SIDE_RE = re.compile(r"\b(?:side by side|shoulder to shoulder)\b", re.I)
_TOGETHER = frozenset(["compare", "swap", "meet", "chat", "catch", "grab", "talk", "trade"])
"""What a question asks them to do together: "compare methods before Q1?" -> "could we…"."""
_PASSIVE_VERBS = frozenset(["introduce", "match", "seat", "group", "connect", "assign", "place"])
_PAST_SAME_AS_BASE = frozenset(["read", "met", "sat", "ran", "put", "set", "cut", "hit", "shut"])
_PLACE_NOUNS = frozenset([
    "workshop", "meetup", "conference", "summit", "fair", "panel", "webinar", "booth", "stand",
    "forum", "hackathon", "festival", "expo", "bootcamp", "course", "program", "programme",
    "meeting", "session", "event", "dinner", "party", "class", "camp", "retreat", "symposium",
    "congress", "convention", "day", "days", "week", "lab", "breakfast", "lunch", "talk", "gym",
    "swap", "gathering", "seminar", "colloquium",
    # held-out 48: "at the Wikwemikong powwow", as at a fair
    "powwow", "regatta", "bazaar", "mela", "fiesta", "carnival", "parade", "feast", "ceremony",
    "gala", "tournament", "concert", "recital", "exhibition"
])  # fmt: skip
# An interest named after a group ("KAIST robotics lab alumni") is not a topic to share.
_GROUP_NOUNS = frozenset(
    ["alumni", "alum", "network", "group", "community", "club", "members", "people"]
)
_INSTITUTIONS = ("university of", "college of", "institute of", "school of")
# Organisations named for what they are take "the": "the Nairobi Cycling Data Project".
_ORG_NOUNS = frozenset([
    "project", "foundation", "trust", "initiative", "society", "association", "alliance",
    "council", "agency", "commission", "authority", "museum", "library", "hospital", "centre",
    "center", "institute", "collective", "federation", "observatory", "archive", "consortium",
    "unit", "department", "ministry", "laboratory", "programme", "program", "station", "survey",
    "bureau", "directorate", "secretariat"
])  # fmt: skip
_WEEKDAY_ABBREVIATIONS = frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)
_MAX_FACT_WORDS = 8
_AGO_RE = re.compile(
    rf"(?:a|an|a few|a couple of|several|\d+|{'|'.join(sorted(NUMBER_WORDS))}) "
    r"(?:day|week|month|year)s? ago$"
)
_NO_EMPLOYER = frozenset(
    ["self-employed", "self employed", "freelance", "freelancer", "independent", "retired",
     "stealth", "stealth startup", "n/a", "none", "unemployed", "open to work"]
)  # fmt: skip
_SCHOOL_WORDS = frozenset(
    ["university", "college", "institute", "school", "technology", "engineering", "science",
     "sciences", "business", "state", "national", "polytechnic", "academy", "with", "from"]
)  # fmt: skip
_STUDENT_RE = re.compile(
    r"\b(?:student|candidate|final[- ]year|undergrad(?:uate)?|studying)\b", re.IGNORECASE
)
# A reason that says the writer left before the end: "alumni" would claim a degree.
_NOT_GRADUATED_RE = re.compile(
    r"\b(?:dropped out|left (?:\w+ )?(?:after|before|in) (?:my |the |only )?(?:first|second|"
    r"third|final|last|1st|2nd|3rd|one|two|a) (?:year|yr|term|semester)|"
    r"(?:didn'?t|did not|never) (?:finish|graduate)|"
    r"(?:make out|say|imply|pretend|claim)(?: that)? i graduated)",
    re.IGNORECASE,
)
_MAX_DETAIL_WORDS = 4
_LEANS_RE = re.compile(r"\b(?:it|that|this|them|there)\b", re.IGNORECASE)
# "…head of fish passage, and I'd like to tell him about it": an ask about what went before,
# however long, which alone would tell about nothing.
_ENDS_LEANING_RE = re.compile(
    r"\b(?:about|on|with|into|for|of|over|through)\s+(?:it|that|this|them)\W*$", re.IGNORECASE
)
# A clause that starts on its subject, which the note reads whole with an ask after it.
_PRONOUN_FIRST_RE = re.compile(r"\s*(?:we|i|you|he|she|they|our|my|your)\b", re.IGNORECASE)
# A headline names a role when its head noun is a person's: "ICU nurse moving into SRE",
# "Design recruiter at Atelier Talent", but not "Partnerships at Fold & Ship".
_ROLE_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ee", "ive", "ect", "ate")
_ROLE_NOUNS = frozenset([
    "lead", "head", "founder", "co-founder", "cofounder", "nurse", "student", "scout", "chief",
    "vp", "ceo", "cto", "cfo", "coo", "partner", "artist", "economist", "analyst", "intern",
    "fellow", "specialist", "scientist", "architect", "advocate", "graduate", "associate",
    "executive", "principal", "director", "engineer", "candidate", "practitioner", "chef"
])  # fmt: skip
_ROLE_ENDS = frozenset(["at", "of", "in", "for", "with", "on", "into", "and", "&"])
# Names that start headlines ("Rust engineer", "Python developer") and are also English words.
_PROPER_ROLE_WORDS = frozenset([
    "python", "rust", "java", "go", "swift", "ruby", "scala", "android", "linux", "excel",
    "oracle", "azure", "google", "apple", "windows", "julia", "dart", "flutter", "react",
    "angular", "node", "django", "rails", "spring", "elixir", "unity", "unreal", "shopify"
])  # fmt: skip
_ORDINARY_SUFFIXES = ("ity", "tion", "sion", "ment", "ness", "ance", "ence", "ism", "ics", "ing")
# Ordinary headline words the word list lacks.
_COINED = frozenset(["indie", "fullstack", "devops", "nocode", "lowcode", "tech"])
_NO_ARTICLE_ROLES = frozenset(["CEO", "CTO", "CFO", "COO", "VP", "ceo", "cto", "cfo", "coo"])
_NO_ARTICLE = frozenset(["head", "chief", "vp", "ceo", "cto", "cfo", "coo"])
# "is _exactly_ the profile", "*so* good" (held-out 57): a chat's emphasis marks, which a note
# does not show; not "snake_case" nor "2*3"
_MARKED_EMPHASIS_RE = re.compile(r"(?<=\w )([*_]{1,2})([^\W_][^*_\n]{0,40}?)\1(?![\w*_])")
# Emoji and pictographs in a headline ("Recruiter 🚀 | Hiring"), not its letters or punctuation.
_SYMBOLS_RE = re.compile(rf"[{_EMOJI}\uFE0F\u200D]+")
# The space an emoji leaves before a closing bracket: "prices )." -> "prices).".
_SPACE_BEFORE_CLOSE_RE = re.compile(r"(?<=\w)\s+(?=[)\]])")
_ROLE_BREAK = re.compile(r"\s*(?:[,|·•/(]|\s-\s|\s–\s)")
# "Career changer: retail store manager → healthcare operations", "Teacher -> UX designer".
_CHANGES = (
    re.compile(
        r"^(?:career (?:changer|switcher)\s*:\s*)?(?P<before>[^:→|]+?)\s*(?:→|->|⇒)\s*"
        r"(?P<after>[^|·•,(]+)",
        re.IGNORECASE,
    ),
    re.compile(r"^career (?:changer|switcher)\s*:\s*(?P<before>.+?) to (?P<after>.+)$", re.I),
)
_NOT_ROLES = frozenset(
    ["father", "mother", "daughter", "sister", "brother", "lover", "dreamer", "believer"]
)
_THINGS = frozenset(
    ["cover", "filter", "water", "paper", "power", "order", "answer", "shelter", "transfer",
     "letter", "matter", "border", "number", "tower", "poster", "folder", "timber", "rubber",
     "silver", "copper", "powder", "corner", "center", "winter", "summer", "chapter", "cluster",
     "banner", "barrier", "ledger", "container", "trailer", "sticker"]
)  # fmt: skip
"""Things an "-er" names, which head no role where they end it: "Health cover for displaced
families" (held-out 57) is no "I'm a health cover"; "Transfer pricing manager" is."""

_CONTACT = frozenset(Familiarity) - {Familiarity.STRANGER}
_CLOSE = frozenset(
    {Familiarity.FORMER_COLLEAGUE, Familiarity.CLASSMATE, Familiarity.FRIEND, Familiarity.COLLEAGUE}
)

# What the note asks for when the reason itself only states something ("your report matters for
# our roadmap"), and what it says when the context gives no usable reason at all.
_GLAD_TO_CONNECT = "I'd be glad to connect."
_CLOSERS = {
    "recruiter_outreach": "Would you be open to hearing more?",
    "job_seeker": "I'd value your advice.",
    "sales_prospect": _GLAD_TO_CONNECT,  # not "I'd welcome your thoughts" on a pitch
    "strategic": "I'd welcome your thoughts.",
    "mutual_connection": "I'd welcome your thoughts.",
    "content_engagement": "I'd like to follow your work.",  # a podcast or a talk, not only writing
}
_STAY_IN_TOUCH = "I'd like to stay in touch."
_CLOSINGS = frozenset([_GLAD_TO_CONNECT, _STAY_IN_TOUCH])
"""The closing asks a reason can have said already (``_closes_already``)."""
_UP_FOR_IT = "Would you be up for it?"
_STOCK_ASKS = (*_CLOSERS.values(), _STAY_IN_TOUCH, _UP_FOR_IT)
"""The asks a note closes with that are not the writer's own words."""
_CLOSERS_OF_THEIR_OWN = ("recruiter_outreach", "job_seeker", "sales_prospect")
# A need a friend can meet, told with no ask, which the closing ask offers them: "we need FSL
# interpretation for 8 videos, paid of course".
_NEED_RE = re.compile(
    r"\b(?:we|I) (?:really |urgently )?need (?!to\b).*\b(?:paid|pay|fee|favour|favor|help)\b", re.I
)
_LEAD_INS = ("I'd like to", "I'd love to")
"""How a bare verb phrase is led in, by the context's seed. Not "I'm hoping to": readers
called it clumsy, and of the plain notes read with it 21% were to send, against 28% and 33%."""
_DONE_NOT_STATE = frozenset(["applied", "registered"])
"""Past verbs a word list also has as adjectives, which say what the writer did before "to"."""


def plain_note(context: Context, guardrails: Guardrails) -> str | None:
    """The first candidate note that fits the limit and passes ``guardrails`` with nothing to
    warn about (a warning is most often a reason cut until its point is gone); else the first
    that passes; else None.

    Except where that note puts a stock ask in place of the writer's own: then the first note
    that keeps the writer's ask, and is only warned that the reason was cut, comes first. Readers
    rejected "…in under ten minutes. I'd value your advice." where the reason asked to join the
    reader's workshop; a cut that loses how they met they marked for an edit at worst."""
    lead = _lead(context)
    reason = _reason(context, lead)
    passing: str | None = None
    asking: str | None = None  # the first that keeps the writer's own ask, warned of a cut only
    for candidate in _candidates(context, lead, reason):
        # "in zomba" -> "in Zomba", "in punjabi" -> "in Punjabi", once the note is read
        note = languages_capitalised(spelt_as_places(candidate))
        if utf16_len(note) > context.max_chars:
            continue
        verdict = guardrails.check(note, context)
        if not verdict.passed:
            continue
        if not verdict.violations:
            if asking is not None and reason is not None and note.endswith(_STOCK_ASKS):
                return note if _keeps_ask(note, reason) else asking
            return note
        if passing is None:
            passing = note
        if (
            asking is None
            and reason is not None
            and {v.rule for v in verdict.violations} == {"reason_kept"}
            and _keeps_ask(note, reason)
        ):
            asking = note
    return passing


def _keeps_ask(note: str, reason: _Reason) -> bool:
    """Whether ``note`` says one of the reason's own asks, whole or in a shorter form, that
    stands on its own there: not "…see your first blankets come off it", nor "how the villages
    agreed on the closures" where nothing before it says which closures."""
    for ask in reason.own_asks:
        at = note.find(ask[1:])
        if at < 0:
            continue
        said = note[at:]  # to the note's end, which a sentence that asks runs on to
        if _ASK_LEANS_RE.search(said) or _POINTS_AT_RE.search(said):
            continue
        before = {w.lower() for w in _CONTENT_WORD_RE.findall(note[:at])}
        if all(m[1].lower() in before for m in _THE_THING_RE.finditer(said)):
            return True
    return False


# "visit there one day", "see that loom working": a place or thing the cut may have left out
_POINTS_AT_RE = re.compile(
    r"\bthere\b(?! (?:is|are|was|were|could|might|may|will|would|'s)\b)"
    r"|\b(?:that|this|those|these) (?!(?:you|I|we|he|she|they|it|the|a|an|my|your|our|his|her|"
    r"their|there|is|was|would|could|will|time|week|month|year|season|spring|summer|autumn|"
    r"winter|weekend|morning|evening)\b)[a-z]+",  # not "this time", "this spring"
    re.I,
)
# "the loom", which the note must have named; not "the question I would bring you", which a
# clause of its own says (held-out 49)
_THE_THING_RE = regex.compile(r"\bthe\s+([^\W_]+)\b(?!\s+(?:I|we|you|that|which|who)\b)", regex.I)


# A slot of a note: its variants, best first; "" drops an optional one.
_Slot = tuple[str, ...]
# How slots become the note's body.
_Shape = Callable[[Sequence[str]], str]


@dataclass(frozen=True)
class _Hook:
    """An opening fact."""

    variants: _Slot
    """The fact as sentences, fullest first."""
    fact: str | None
    """What it rests on, to tell whether the reason says it already (None: how they met)."""
    shared: bool = True
    """Whether it is a fact of both of them, not only the recipient's own."""
    yields: bool = False
    """Whether it gives way before the reason is cut (who the writer is, to a stranger): the
    whole reason alone comes before it with a part of the reason."""
    where: str = ""
    """Where they met, as the context gives it."""
    place: str = ""
    """Where they met as the variants that have it say it ("at the seafood expo in Barcelona")."""
    told: str = ""
    """The fact with where and when after it, where the variants put them first: what is
    compared with the reason ("you let me hold the syringe… at the forum in September")."""
    place_only: bool = False
    """Whether it says only where they met ("we met in Bluefields."), of no how."""

    @property
    def said(self) -> str:
        """The fullest variant, as a clause to compare with what the reason says."""
        return self.told or self.variants[0]


class _Sentence(NamedTuple):
    """One sentence made from a part of the reason."""

    text: str
    asks: bool
    shorter: list[str]


@dataclass(frozen=True)
class _Reason:
    variants: tuple[str, ...]
    """The reason as one or more sentences, fullest first, then shorter."""
    asks: bool
    """Whether it already asks for something ("I'd like to..."), so no closing ask is added."""
    set_aside: tuple[str, ...]
    """Its notes to self, as typed: what the sender set aside."""
    asking: frozenset[str] = frozenset()
    """The variants that ask for something; one that left the ask out needs a closing ask."""
    whole: str = ""
    """All of it, asides in brackets too: what the model is given."""
    openings: Mapping[str, str] = field(default_factory=dict)
    """The variants cut down to the first sentence and the ask, each with that sentence: one
    that tells a hook again goes without it."""
    own_asks: tuple[str, ...] = ()
    """The sentences of the reason that ask for something, whole and shorter."""


def _candidates(context: Context, lead: str, reason: _Reason | None) -> Iterator[str]:
    """Candidate notes, best first: a shared fact and the reason, the reason alone, the
    recipient's own facts and the reason, then facts with a plain purpose of their own."""
    # "Hello Hi," to a reader named Hi: "Hi Hi," reads as a stutter
    hello = "Hello" if context.greeting.casefold() == "hi" else "Hi"
    greeting = f"{hello} {context.greeting},"
    seed = _seed(context)
    hooks = _hooks(context)
    seen: set[str] = set()

    def notes(
        slots: list[_Slot], shapes: Sequence[_Shape] = (_sentences,), keeping: _Slot = ()
    ) -> Iterator[str]:
        """The notes ``slots`` make, each once; only those that say one of ``keeping`` whole,
        where it is given."""
        for shape in shapes:
            for built in _degrade(greeting, _unrepeated(shape), slots):
                said = _without_retelling(_without_echo(built), greeting)
                # the same length: one over the limit is no note to mend
                fits = utf16_len(said) <= context.max_chars
                note = _once_each(_unspliced_note(said, greeting), greeting) if fits else said
                if note not in seen and (not keeping or any(k[1:] in said for k in keeping)):
                    seen.add(note)
                    yield note

    if reason is not None:
        at_length = _asking_at_length(reason)  # before a closing ask is put to each variant
        closer = _closer(context)
        if closer not in (None, _STAY_IN_TOUCH) and asks_nothing(reason.set_aside):
            closer = _GLAD_TO_CONNECT  # "nothing to ask yet, just connect" is not "your thoughts?"
        elif (
            context.relationship.familiarity == Familiarity.FRIEND
            and context.scenario not in _CLOSERS_OF_THEIR_OWN
            and not reason.asks
            and _NEED_RE.search(reason.variants[0])
        ):
            closer = _UP_FOR_IT  # "We need FSL interpretation for 8 videos." asks a friend to help
        if reason.asks and closer is not None:
            # "We lost touch when I moved abroad." kept without the sentence that asked, even
            # where that sentence held the closing ask itself
            variants = tuple(
                v if v in reason.asking or _closes_already(closer, v) else f"{v} {closer}"
                for v in reason.variants
            )
            reason = replace(reason, variants=variants, asking=frozenset(variants))
        tail: _Slot = ("",) if reason.asks or closer is None else (closer, "")
        shapes = _shapes(seed)
        # A hook that repeats the reason ("we both know Ana" before "Ana mentioned...") waits, as
        # does one the sender set aside ("we have 2 mutuals, but neither set this up").
        said = reason.variants[0].lower()
        said_sentences = _SENTENCE_SPLIT_RE.split(said)
        aside = " ".join(reason.set_aside).lower()
        first = [
            h
            for h in hooks
            if h.shared
            and (h.fact is None or h.fact.lower() not in f"{said} {aside}")
            and not _school_named(h, context, said)
            and not _retells(h, reason.variants[0])
            # "we worked together on the Kariba job" is the opening fact; "we talked jute board
            # the whole ride" is not the taxi they shared
            and not (_WE_DID_RE.match(said) and (h.fact is not None or _tells_of(h, said)))
            and not _did_together(said)  # told in their words: any other opening fact waits
            # "Breda introduced us by email on Monday, since…" tells how they met again, and more
            and not (h.fact is None and _tells_meeting(h, said))
            # "…but in Bluefields I finally heard you explain…" tells where they met: not "we
            # met in Bluefields." before it (held-out 57)
            and not (h.place_only and _where_told(h.where, said_sentences[0]))
            # "…caught my eye. I finished my fisheries degree this spring": who writes, told
            and not (h.yields and any(_introduces_me(h, s) for s in said_sentences))
        ]

        def placed(hook: _Hook) -> _Slot:
            return _placed_once(hook, reason.variants[0]).variants

        def beside(variants: _Slot, hook: _Hook) -> _Slot:
            openings = reason.openings
            kept = _beside(
                tuple(
                    v
                    for v in variants
                    if v not in openings or not _tells_hook_again(openings[v], hook)
                ),
                hook,
            )
            # not the closing ask alone, where all the hook left of a variant was that ask
            return tuple(v for v in kept if v != closer)

        if context.relationship.familiarity == Familiarity.FRIEND:
            # a friend knows how they met: telling them reads stiff, so the reason comes alone
            yield from notes([_friendship_untold(reason.variants[:1]), tail])
        for hook in first:
            variants = reason.variants[:1] if hook.yields else reason.variants
            yield from notes(
                [placed(hook), beside(variants, hook), tail],
                shapes,
                keeping=variants if hook.yields else (),  # the whole reason, not a cut of it
            )
        yield from notes([reason.variants[:1], tail])
        yielding = [hook for hook in first if hook.yields]
        if at_length and yielding:
            # who the writer is gives way before what they share and ask does: "You design
            # amphibious houses… I want to learn how your foundations cope with silt."
            for whole in at_length:
                for hook in yielding:
                    slots = [placed(hook), beside((whole,), hook), tail]
                    yield from notes(slots, shapes, keeping=(whole,))
                yield from notes([(whole,), tail], keeping=(whole,))
        for hook in yielding:
            yield from notes([placed(hook), beside(reason.variants, hook), tail], shapes)
        # How they met, which the reason tells in its own words, opens a cut of the reason that
        # leaves those words out: "we shared a bench in the tank lab. I now survey wooden
        # hulls…", not neither (a friend knows it, and is not told)
        retold = [hook for hook in hooks if hook.shared and hook.fact is None and hook not in first]
        if retold and context.relationship.familiarity != Familiarity.FRIEND:
            for variant in reason.variants[1:]:
                for hook in retold:
                    if not _tells_meeting(hook, variant):
                        yield from notes([placed(hook), beside((variant,), hook), tail], shapes)
                yield from notes([(variant,), tail])
        yield from notes([reason.variants, tail])
        # "how your team counts cyclists" says where that team is before "I see you're at…".
        if woven := _at_their_company(reason.variants, context):
            for hook in first:
                yield from notes([placed(hook), beside(woven, hook), tail], shapes)
            yield from notes([woven, tail])
        for hook in hooks:
            if hook not in first:
                yield from notes([placed(hook), beside(reason.variants, hook), tail], shapes)
    # Without a usable reason: a plain purpose after a shared fact, alone, or after their own.
    purposes = _generic_purposes(context, lead)
    for hook in hooks:
        if hook.shared:
            yield from notes([hook.variants, _not_repeating(purposes, hook)])
    yield from notes([purposes])
    for hook in hooks:
        if not hook.shared:
            yield from notes([hook.variants, _not_repeating(purposes, hook)])


_ECHO_RE = re.compile(
    r" (?:that |which )?(?P<said>you (?:asked about|mentioned|shared|recommended|posted))"
    r"(?P<end>[.?!])"
)


def _asking_at_length(reason: _Reason) -> _Slot:
    """The shorter forms of ``reason`` that ask and keep two sentences or more."""
    return tuple(
        v
        for v in reason.variants[1:]
        if v in reason.asking and len(_SENTENCE_SPLIT_RE.split(v.strip())) > 1
    )


def _content(text: str) -> frozenset[str]:
    """The words that carry what ``text`` says, lower-case, without possessive endings."""
    words = (
        w.lower().removesuffix("'s").removesuffix("’s") for w in _CONTENT_WORD_RE.findall(text)
    )
    return frozenset(w for w in words if w not in _FUNCTION_WORDS)


def _says_all(text: str, told: str) -> bool:
    """Whether ``told`` says every word of what ``text`` says (two words at least): a word the
    same by its stem, or one a whole shorter word starts ("intro" of "introduced"; not
    "interviewed" for "interested")."""
    return _said_in(_content(text), _content(told))


def _said_in(words: frozenset[str], said: frozenset[str]) -> bool:
    """``_says_all`` of words already taken out of their texts."""
    stems = stems_of(said)
    return len(words) >= 2 and all(
        stems_of(frozenset([w])) <= stems
        or any(min(len(w), len(t)) >= 5 and (t.startswith(w) or w.startswith(t)) for t in said)
        for w in words
    )


_CONTENT_WORD_RE = regex.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Where a reason's sentences and dashed clauses end, with what separates them.
_SENTENCE_OR_DASH_RE = re.compile(r"((?<=[.!?])\s+|\s[—–-]\s)")


# "Мөнхзул and I have been friends since…", "Hiền & I go way back", said to them after the form
# has told how they met.
_FRIENDSHIP_RETOLD_RE = re.compile(
    r"(?:you (?:and|&) I|we)(?:'ve| have)? (?:been (?:good |old |close )?friends since\b"
    r"|go (?:way |a long way )?back\b)",
    re.I,
)


def _beside(variants: _Slot, hook: _Hook) -> _Slot:
    """The reason's variants without a sentence or dashed clause that only says the hook again:
    "you stopped by our booth at the packaging fair" makes "You stopped by our booth." one too
    many. A variant with nothing else is dropped; () if none is left."""
    told = _content(hook.said)
    out = []
    if hook.said.startswith("I see "):  # not "I see you're at X. I saw you just got…"
        variants = tuple(_SEEN_LEAD_RE.sub("Y", v) for v in variants)
    for variant in variants:
        kept: list[str] = []
        dropped = False
        for piece, end in _pieces(variant):
            if _said_in(_content(piece) - _SAYS_NOTHING_MORE, told) or (
                hook.fact is None and _FRIENDSHIP_RETOLD_RE.match(piece)
            ):
                dropped = True
                continue
            if dropped and piece.strip() and _is_base_verb(piece.split()[0]):
                # "Baraka's intro - follow up…"
                piece = _LEAD_INS[0] + " " + piece[0].lower() + piece[1:]
            kept.append(piece + end)
            dropped = False
        text = "".join(kept).strip(" —–-")
        if text and text not in out:
            out.append(_capitalised(text) if variant[:1].isupper() else text)
    return tuple(out)


# Words that add nothing to what the hook told: "We've never actually talked." after "we … have
# never talked".
_SAYS_NOTHING_MORE = frozenset(
    ["actually", "really", "just", "even", "ever", "still", "yet", "truly", "properly", "we've",
     "we're", "i've", "i'm", "have", "had"]
)  # fmt: skip


def _pieces(variant: str) -> list[tuple[str, str]]:
    """A reason's sentences and dashed clauses, each with what ends it."""
    pieces = _SENTENCE_OR_DASH_RE.split(variant)
    return list(zip(pieces[::2], [*pieces[1::2], ""], strict=True))


_SEEN_LEAD_RE = re.compile(r"(?:(?<=^)|(?<=[.!?] ))I (?:see|saw) y(?=ou\b)")


def _friendship_untold(variants: _Slot) -> _Slot:
    """The reason's variants without "you and I go way back" and the like, said to the friend
    it is about, where the reason says more; as typed where that is all it says."""
    out = []
    for variant in variants:
        kept = [
            piece + end for piece, end in _pieces(variant) if not _FRIENDSHIP_RETOLD_RE.match(piece)
        ]
        text = "".join(kept).strip(" —–-")
        out.append(_capitalised(text) if text else variant)
    return tuple(out)


# A clause of its own after a comma: a pronoun or "my/your… thing" and a verb that tells
# ("…near Nadudvar, your sausage took first prize", "…a paint flake, my hands shook").
_COMMA_SPLICE_RE = re.compile(
    r",\s+(?=(?:(?:(?:my|your|our|his|her|their) [\w'’-]+(?: [\w'’-]+)?|mine|ours) "
    r"(?:[a-z]+(?<!e)ed|took|won|"
    r"got|sold|made|went|has|is|are|was|were|keep|keeps|shook|broke|ran|kept|came)"
    r"|(?:I|we|you|he|she|they) (?:[a-z]+(?<!e)ed|took|won|got|sold|made|went|was|were|shook|"
    r"broke|ran|kept|came|can|will|need|want|have|love|run|make|know))\b)"
)


def _once_each(note: str, greeting: str) -> str:
    """The note with a sentence said twice word for word said once: two parts of a reason
    can each become "I'd like to be connected."."""
    if not note.startswith(greeting):
        return note
    sentences = _note_sentences(note.removeprefix(greeting).strip())
    kept = list(dict.fromkeys(sentences))  # in order, each once
    return note if len(kept) == len(sentences) else " ".join([greeting, *kept])


def _unspliced_note(note: str, greeting: str) -> str:
    """The note with each sentence spliced on after a comma made a sentence of its own: "You
    run the farm near Nadudvar. Your sausage took first prize…". Not after a clause that leans
    on the next ("if you're free, we…"), nor inside a question."""
    if not note.startswith(greeting):
        return note
    body = note.removeprefix(greeting)
    for m in reversed(list(_COMMA_SPLICE_RE.finditer(body))):
        start = max(0, *(body.rfind(end, 0, m.start()) for end in (". ", "? ", "! ")))
        before = body[start : m.start()].strip(" .?").split()
        end = _SENTENCE_END_RE.search(body, m.end())
        clause = body[m.end() : end.start() if end else len(body)].rstrip()
        asked = clause.endswith("?")
        # "At the fair, when you showed me, I…": the clause before leans on the one after
        starts = [0, *(k + 1 for k, w in enumerate(before) if w.endswith(","))]
        leans = any(
            _contracted(before[k]) in _LEANING or _LEANING_START_RE.match(" ".join(before[k:]))
            for k in starts
            if k < len(before)
        )
        finite = _has_finite_verb(before) or any(_contracted(w) in _PRONOUN_FORMS for w in before)
        if asked or not finite or leans:
            continue
        if len(clause.split()) < 3:  # "…, I heard." is an aside, not a sentence
            continue
        rest = body[m.end() :]
        body = f"{body[: m.start()]}. {rest[:1].upper()}{rest[1:]}"
    return greeting + body


_LEANING = (_SUBORDINATORS - {"now"}) | {"unless"}
# A clause that leans on the next without a subordinating word of its own: "now that I moved
# to Accra, …", "the moment I read your post, …", "the way you handled it, …".
_LEANING_START_RE = re.compile(
    r"(?:now that|the (?:moment|minute|second|day|week|year|night|way|first time|last time|"
    r"time)|every time|each time|any time|ever since|as soon as|so that|even though|much as|"
    r"by the time|in case)\b",
    re.I,
)


def _contracted(word: str) -> str:
    return word.lower().replace("’", "'")


def _without_echo(note: str) -> str:
    """ "you asked about pallet shuttles... the figures you asked about." says it once."""
    for m in _ECHO_RE.finditer(note):
        if m.group("said") in note[: m.start()]:
            return note[: m.start()] + m.group("end") + note[m.end() :]
    return note


def _without_retelling(note: str, greeting: str) -> str:
    """The note without a sentence that a fuller one in it tells again.

    The form's fields overlap (a headline and a reason both say "UX researcher", how they met
    and the reason both tell the tasting), and the note takes a sentence from each, so it can say
    one thing twice, which reads pasted. A sentence goes when three or more of its content words,
    and at least 60% of them, stand in one other sentence with at least as many, neither of the
    two asking anything ("we talked after your talk on Kafka consumers" is not told again by "I'd
    love to ask how your team runs Kafka consumers"); or when all of them (two at least) do, in a
    sentence that asks nothing or says them of the writer too ("I'm a UX researcher." and "I'm
    applying for the UX researcher opening, any tips?"; not "I'd like to ask how your team hires
    data engineers"). A sentence that asks or holds a number is kept, so is one that tells how
    they met beside one that does not, and so is the first one where the next would start with
    a capital after the greeting's comma.
    """
    if not note.startswith(greeting):
        return note
    sentences = _note_sentences(note.removeprefix(greeting).strip())
    readings = [_read_sentence(sentence) for sentence in sentences]
    # A sentence typed again word for word is told again by its last copy, so the others go at
    # once: the loop below took them one by one, each after a look at every other sentence (a
    # reason of one sentence typed 2,500 times took 100 s).
    last = {sentence: i for i, sentence in enumerate(sentences)}
    copies = {
        i
        for i, sentence in enumerate(sentences)
        if 0 < i < last[sentence] and _may_be_retold(sentences, readings, i)
    }
    sentences = [s for i, s in enumerate(sentences) if i not in copies]
    readings = [r for i, r in enumerate(readings) if i not in copies]
    told = bool(copies)
    # A sentence at a time, in a loop rather than by recursion: a long note may tell many
    # again. None before the one taken out is told again by those left, but the one just
    # before it is read again: the first depends on the second.
    start = 0
    while len(sentences) >= 2 and (i := _retold(sentences, readings, start)) is not None:
        del sentences[i], readings[i]
        if i == 0:
            sentences[0] = _after_comma(sentences[0])
            readings[0] = _read_sentence(sentences[0])
        start, told = max(i - 1, 0), True
    return " ".join([greeting, *sentences]) if told else note


class _ReadSentence(NamedTuple):
    words: frozenset[str]
    stems: frozenset[str]
    asking: bool
    meeting: bool


def _read_sentence(sentence: str) -> _ReadSentence:
    words = frozenset(_content(sentence) - _PRONOUN_FORMS)
    asking = _asks(sentence) or "?" in sentence or _PROPOSES_RE.search(sentence) is not None
    meeting = _TELLS_A_MEETING_RE.search(sentence) is not None
    return _ReadSentence(words, frozenset(stems_of(words)), asking, meeting)


def _retold(sentences: list[str], readings: list[_ReadSentence], start: int) -> int | None:
    """Where the first sentence from ``start`` on is that another tells again; None when none
    is."""
    for i in range(start, len(sentences)):
        if not _may_be_retold(sentences, readings, i):
            continue
        sentence, told = sentences[i], readings[i]
        for j, other in enumerate(readings):
            if j == i or len(other.stems) < len(told.stems) or (told.meeting and not other.meeting):
                continue
            shared = len(told.stems & other.stems)
            mostly = not other.asking and shared >= 3 and shared >= 0.6 * len(told.stems)
            mine = sentence.startswith("I'm ") and "I'm " in sentences[j]
            if mostly or ((not other.asking or mine) and _said_in(told.words, other.words)):
                return i
    return None


def _may_be_retold(sentences: list[str], readings: list[_ReadSentence], i: int) -> bool:
    """Whether another sentence may tell sentence ``i`` again: not one that asks or holds a
    number."""
    sentence, told = sentences[i], readings[i]
    if told.asking or re.search(r"\d", sentence):
        return False
    if len(told.words) < 2 and len(told.stems) < 3:
        return False  # no sentence can tell it again (see _retold), and a long note has many
    # "Hi Ana, Maybe we could…"
    return not (i == 0 and _ordinary_capitalised(_after_comma(sentences[1]).split(" ", 1)[0]))


def _note_sentences(body: str) -> list[str]:
    """The sentences of a note's body; not split after "St." or "Dr." before a name."""
    sentences: list[str] = []
    for piece in _SENTENCE_END_RE.split(body):
        last = sentences[-1].rsplit(" ", 1)[-1].rstrip(".").lower() if sentences else ""
        if sentences and (last in _ABBREVIATIONS or last in TITLES or len(last) == 1):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


# Where a note's sentences end (a capital or a non-Latin letter starts the next one).
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_a-z])")
_PRONOUN_FORMS = frozenset(
    ["i'm", "i'd", "i've", "i'll", "we're", "we've", "we'd", "you're", "you've", "you'd"]
)
# "Maybe we could compare notes.", "Shall we…": an ask without "I'd like".
_PROPOSES_RE = re.compile(r"\b(?:could|can|shall|should) (?:we|you|i)\b|\blet's\b", re.I)
_TELLS_A_MEETING_RE = re.compile(
    r"\b(?:met|meet|meeting|talked|chatted|spoke|introduced|visit|visited)\b", re.I
)


def _at_their_company(variants: _Slot, context: Context) -> _Slot:
    """The reason with the reader's company after "your team" ("your team at the Nairobi
    Cycling Data Project"), where it names neither; () when it can't."""
    company = _flat(context.recipient.company)
    if not _short(company):
        return ()
    woven = tuple(
        _YOUR_GROUP_RE.sub(lambda m: f"{m.group()} at {_with_article(company)}", v, count=1)
        for v in variants
        if company.lower() not in v.lower()
    )
    return tuple(w for w in woven if w not in variants)


def _retells(hook: _Hook, reason: str) -> bool:
    """Whether ``hook`` tells what ``reason`` thanks for: "you reshared my article" before
    "Thank you for the reshare" says it twice."""
    m = _THANKED_RE.match(reason)
    if m is None:
        return False
    stem = m.group("what").split()[-1].lower()[:6]
    return any(w.lower().startswith(stem) for w in hook.said.split())


def _school_named(hook: _Hook, context: Context, said: str) -> bool:
    """Whether the reason names the school ``hook`` says they share ("both Maynooth geography
    grads" after "we're both Maynooth University alumni" says it twice)."""
    if hook.fact not in context.recipient.schools:
        return False
    if _SAME_SCHOOL_RE.search(said):
        return True  # "we went to the same engineering school"
    words = {w.lower() for w in _CONTENT_WORD_RE.findall(hook.fact) if w[:1].isupper()}
    said_words = set(_CONTENT_WORD_RE.findall(said))
    return bool(said_words & _ALUMNI_WORDS and (words - _SCHOOL_WORDS) & said_words)


_SAME_SCHOOL_RE = re.compile(
    r"\b(?:went to|studied at|were at|attended) the same (?:[\w-]+ ){0,2}"
    r"(?:school|university|uni|college|faculty|programme|program)\b",
    re.I,
)
_ALUMNI_WORDS = frozenset(["both", "alum", "alums", "alumni", "alumna", "grads", "graduates"])


def _unrepeated(shape: _Shape) -> _Shape:
    """``shape`` without a closing ask that the part before it asks already: "this is just to
    connect." needs no "I'd be glad to connect.", but a shorter form without those words does."""

    def shaped(parts: Sequence[str]) -> str:
        if len(parts) > 1 and parts[-1] in _CLOSINGS and _closes_already(parts[-1], parts[-2]):
            parts = [*parts[:-1], ""]
        return shape(parts)

    return shaped


def _closes_already(closer: str, said: str) -> bool:
    """Whether the reason ``said`` asks what ``closer`` would ("…this is just to connect",
    "…and stay in touch"); not "Amara put us in touch"."""
    keys = {_GLAD_TO_CONNECT: ("to connect",), _STAY_IN_TOUCH: ("stay in touch", "keep in touch")}
    return any(key in said.lower() for key in keys.get(closer, ()))


def _tells_again(hook: _Hook, sentence: str, run: int = 4) -> bool:
    """Whether ``sentence`` tells what ``hook`` does, and more: ``run`` words in a row in common,
    one of them a past verb ("introduced us by email"; not "the ice-flow model"), and words of
    its own ("you stopped by our booth" says less than the hook, which stays). Articles don't
    count: "met at an alumni dinner" is told again by "met at the alumni dinner"."""
    told = hook.said
    if _says_all(sentence, told):
        return False
    words = [w for w in map(str.lower, _CONTENT_WORD_RE.findall(told)) if w not in ARTICLES]
    others = [w for w in map(str.lower, _CONTENT_WORD_RE.findall(sentence)) if w not in ARTICLES]
    both = set(words) & set(others)
    if both >= _INTRODUCED_US and both - _INTRODUCED_US:
        return True  # "Shwan introduced us (group chat)" after "Shwan Barzinji introduced us…"
    # "Your cupping notes on our natural samples at the booth were spot on." after "you cupped
    # our natural Wondo samples at our booth and wrote detailed notes": most of it, and its deed
    told_stems, own = stems_of(_content(told)), stems_of(_content(sentence))
    deeds = stems_of(frozenset(w for w in words if _starts_with_past(w)))
    shared_stems = told_stems & own
    if (
        sentence.split(" ", 1)[0].lower() in _POSSESSIVE_STARTS  # of a thing, not who did what
        and len(shared_stems) >= 4
        and 5 * len(shared_stems) >= 3 * len(own)
        and shared_stems & deeds
    ):
        return True
    if _same_deed(told, sentence, shared_stems):
        return True
    # "…, and I bought two of your lidded ones at a bazaar" after "you sold me two lidded
    # kottans at a craft bazaar": a later clause tells it again
    # (not where the meeting names what the sentence does not: "…at a craft bazaar in Chennai")
    named = {w.lower() for w in _CONTENT_WORD_RE.findall(told)[1:] if w[:1].isupper() and w != "I"}
    if not named - {w.lower() for w in _CONTENT_WORD_RE.findall(sentence)}:
        for clause in _LATER_CLAUSE_RE.split(sentence)[1:]:
            if _same_deed(told, clause, told_stems & stems_of(_content(clause))):
                return True
    same = _SAME_WORKPLACE_RE.match(told)
    if same and re.search(rf"\bour {re.escape(same.group(1))}\b", sentence, re.I):
        return True  # "You run the dehairing line at our mill" after "we work at the same mill"
    opening = _CONTENT_WORD_RE.findall(sentence.split(",", 1)[0])
    if (
        words[:1] in (["you"], ["we"])
        and [w.lower() for w in opening[:1]] == words[:1]
        and len(opening) > 1
        and _starts_with_past(opening[1])
        and _same_things(_CONTENT_WORD_RE.findall(told), opening)
    ):
        return True  # "You walked me through the zebu market pens…" after "you took me round
        # the zebu market pens" (held-out 55): the same people, three things the same, at once
    runs = {tuple(others[i : i + run]) for i in range(len(others) - run + 1)}
    return any(
        shared in runs and any(_starts_with_past(w) for w in shared)
        for shared in (tuple(words[i : i + run]) for i in range(len(words) - run + 1))
    )


def _same_things(told: list[str], said: list[str]) -> bool:
    """Whether ``said`` names three things in a row of ``told``'s, in its order ("sled dog
    vaccination tours"), small words aside; things, not a name ("the Oslo salmon expo")."""
    things = [w for w in told if w.lower() not in _FUNCTION_WORDS]
    runs = {
        tuple(w.lower() for w in said_run)
        for said_run in _triples([w for w in said if w.lower() not in _FUNCTION_WORDS])
    }
    return any(run == tuple(w.lower() for w in run) and run in runs for run in _triples(things))


def _triples(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]


_INTRODUCED_US = frozenset(["introduced", "us"])
_SAME_WORKPLACE_RE = re.compile(r"we (?:both )?work (?:at|for|in) the same ([\w-]+)", re.I)


def _same_deed(told: str, sentence: str, shared: frozenset[str]) -> bool:
    """Whether ``sentence`` tells the meeting ``told`` again in other words: who did what, the
    same ("You ran the fermentation tasting on the tour" after "you ran the fermentation box
    tasting on the farm tour"; "We only said a quick hello at the fair" after "we only said
    hello…"), or a seeing again where the hook met ("Good to see you again on the quay" after
    "we have talked on the quay"); with a word of what it was about in common."""
    deed, again = _deed(told), _deed(sentence)
    things = shared - stems_of(frozenset(deed))
    if deed and (deed == again or _CONVERSE_DEEDS.get(deed) == again):
        return bool(things)
    return bool(_SEEN_AGAIN_RE.match(sentence)) and bool(things - _MEETING_WORDS)


# Clauses after the first: ", you let me have a go", ", and I bought two".
_LATER_CLAUSE_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+(?=(?:you|I|we)\b)")
# A deed told from the other side: "you sold me" is "I bought".
_CONVERSE_PAIRS = [("sold", "bought"), ("gave", "got"), ("taught", "learned"), ("lent", "borrowed")]
_CONVERSE_DEEDS: dict[tuple[str, ...], tuple[str, ...]] = {
    **{("you", done): ("i", had) for done, had in _CONVERSE_PAIRS},
    **{("i", had): ("you", done) for done, had in _CONVERSE_PAIRS},
}


def _deed(text: str) -> tuple[str, ...]:
    """Who did what, as a text opens: ("you", "ran") of "You ran the tasting…"."""
    words = [w for w in text.lower().split()[:4] if w not in ("only", "just", "actually", "have")]
    return tuple(words[:2]) if words[:1] in (["we"], ["you"], ["i"]) else ()


_SEEN_AGAIN_RE = re.compile(
    r"(?:it was |it's |so )?(?:good|great|nice|lovely) (?:to see|seeing|to catch|catching|"
    r"to talk (?:with|to)|talking (?:with|to)|to chat with|chatting with) you again\b",
    re.I,
)
_MEETING_WORDS = frozenset(["good", "great", "nice", "see", "seeing", "again", "you", "talk"])


def _introduces_me(hook: _Hook, sentence: str) -> bool:
    """Whether the reason's first ``sentence`` already says who the writer is, in two words of
    the role ``hook`` would say: "I've just finished my master's in marine engineering" after
    "I'm a marine engineering graduate" says it twice."""
    role = _content(hook.said) - {"i'm", "at"}
    if _I_OPENS_RE.match(sentence):
        if role & _STUDENT_WORDS and _DONE_STUDYING_RE.match(sentence):
            return True  # "I'm a recent graduate." before "I've just finished my MPH"
        if role & _TRAINEE_WORDS and _DONE_TRAINING_RE.match(sentence):
            return True  # "I'm an apprentice waller." before "I've just finished my apprenticeship"
        trade = _content(hook.said.split(" at ", 1)[0]) - {"i'm", "at"}  # not the company's
        if _DONE_TRAINING_RE.match(sentence) and stems_of(trade) & stems_of(_content(sentence)):
            return True  # "I'm a woodturner." before "I finished a woodturning apprenticeship"
        return len(role & _content(sentence)) >= 2
    # "I make calfskin vellum" after "I'm a vellum maker": what the writer does, in their words
    doing = _I_DO_RE.match(sentence)
    return (
        doing is not None
        and word_classes(verb := doing["verb"].lower()).get("verb") == verb
        and verb not in _WISHING_VERBS
        # the verb is the role's ("make" of "maker"), not any deed ("I buy vellum")
        and any(word.startswith(verb) for word in role)
        and len(stems_of(role) & stems_of(_content(sentence))) >= 2
    )


_I_DO_RE = re.compile(r"i (?P<verb>[a-z]+)\b", re.I)
# What the writer wants or thinks, not what they do for a living: "I want to learn vellum making".
_WISHING_VERBS = frozenset(
    ["want", "hope", "need", "like", "love", "think", "know", "feel", "believe", "remember",
     "wish", "wonder", "plan", "mean", "guess", "admire", "enjoy", "follow", "read", "see", "saw"]
)  # fmt: skip


_STUDENT_WORDS = frozenset(["graduate", "student", "grad", "postgraduate", "undergraduate"])
_TRAINEE_WORDS = frozenset(["apprentice", "trainee"])
_DONE_TRAINING_RE = re.compile(
    r"i(?:'ve|’ve| have)? (?:just )?(?:finished|completed) (?:my |our )?(?:[\w-]+ ){0,2}"
    r"(?:apprenticeship|traineeship)\b",
    re.I,
)
_DONE_STUDYING_RE = re.compile(
    r"i(?:'ve|’ve| have)? (?:just )?(?:finished|graduated|completed)\b"
    # "I'm finishing my MA"; not "I'm finishing the harvest"
    r"|i(?:'m|’m| am) (?:just )?graduating\b|i(?:'m|’m| am) (?:just )?(?:finishing|completing) "
    r"my (?:\w+ )?(?:ma|msc|mba|phd|degree|diploma|master's|masters|bachelor's|studies|thesis|"
    r"course|programme|program)\b",
    re.I,
)
# A first sentence that says who the writer is: "I'm a…", "I've just finished…", "I work as…".
_I_OPENS_RE = re.compile(
    rf"i(?:'m|’m| am) (?:a|an|the)\b|{_DONE_STUDYING_RE.pattern}|i work as\b",
    re.I,
)


def _tells_meeting(hook: _Hook, text: str) -> bool:
    """Whether ``text`` tells how they met, as ``hook`` does, in words of its own."""
    return _says_all(hook.said, text) or _tells_again(hook, _first_sentence(text))


def _where_told(where: str, said: str) -> bool:
    """Whether ``said`` (a sentence, in small letters) tells that they met at ``where``: the
    place after "in" or "at" ("Bluefields", of "Bluefields, Nicaragua") and the writer meeting,
    seeing or hearing the reader, or the reader telling or showing ("in Bluefields I finally
    heard you explain…"); not "I'm moving to Lisbon" nor "my sister lives in Berlin"."""
    place = where.split(",")[0].strip().lower()
    at = rf"\b(?:in|at)\s+(?:the\s+)?{re.escape(place)}(?!\w)"
    return bool(place) and re.search(at, said) is not None and _MET_YOU_RE.search(said) is not None


_MET_YOU_RE = re.compile(
    r"\b(?:met|saw|heard|watched|listened to|spoke to|talked to|sat with) you\b"
    r"|\byou (?:told|showed|said|explained|walked|taught|gave) me\b"
)


def _first_sentence(text: str) -> str:
    return _SENTENCE_SPLIT_RE.split(text, maxsplit=1)[0]


def _tells_of(hook: _Hook, said: str) -> bool:
    """Whether ``said`` names something of ``hook`` besides what they did together."""
    told = stems_of(_content(hook.said) - _WE_DID_WORDS)
    return bool(told & stems_of(_content(said) - _WE_DID_WORDS))


_WE_DID_WORDS = frozenset(
    ["we", "we've", "both", "been", "have", "worked", "met", "studied", "were", "talked", "sat",
     "served", "played", "shared", "ran", "together"]
)  # fmt: skip


def _not_repeating(purposes: _Slot, hook: _Hook) -> _Slot:
    """The purposes that don't say the hook's fact again."""
    return tuple(p for p in purposes if hook.fact is None or hook.fact not in p)


def _shapes(seed: int) -> list[_Shape]:
    """How a hook and a reason are put together, starting with the one ``seed`` picks."""
    shapes: list[_Shape] = [_sentences, _joined]
    start = seed % len(shapes)
    return shapes[start:] + shapes[:start]


def _sentences(parts: Sequence[str]) -> str:
    """Each part its own sentence; the first follows the greeting's comma."""
    present = [part for part in parts if part]
    return " ".join([*map(_after_comma, present[:1]), *map(_capitalised, present[1:])])


def _joined(parts: Sequence[str]) -> str:
    """The hook and an "I ..." reason as one sentence: "we both know Ana, and I'd like to...";
    separate sentences when the reason is more than one."""
    hook, reason, *rest = parts
    if (
        not reason.startswith("I")
        or reason.startswith(("I see ", "I saw "))  # their news is a sentence of its own
        or "." in reason.rstrip(".")
        or ", and " in reason  # "…alumni, and I see you're…, and I want…" runs on
        or _RUNS_ON_RE.search(hook)
    ):
        return _sentences(parts)
    return _sentences([f"{hook[:-1]}, and {reason}", *rest])


# A hook that joins two clauses or names where and when already: one more ", and" runs on.
_RUNS_ON_RE = re.compile(r"\band\b.*\b(?:at|in|on)\b|,.*,")


def _degrade(greeting: str, shape: _Shape, slots: list[_Slot]) -> Iterator[str]:
    """Notes from ``slots``: all at their best variant, then each slot but the last stepped
    down in turn, the first (the hook) first; at each step the last slot (the optional closing)
    is tried at each of its variants, best first. So a reason shortened to fit gets its closing
    ask back: of the plain notes read, 12% of those with no ask were to send, 31% of the rest."""
    if not all(slots):
        return
    *firsts, last = slots
    chosen = [0] * len(firsts)
    while True:
        for closing in last:
            body = shape([*(slot[i] for slot, i in zip(firsts, chosen, strict=True)), closing])
            if body:
                yield f"{greeting} {body}"
        for k, slot in enumerate(firsts):
            if chosen[k] + 1 < len(slot):
                chosen[k] += 1
                break
        else:
            return


def _small_first(text: str) -> str:
    """``text`` with its first letter small, unless its first word is in capitals ("QA lead")."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _after_comma(sentence: str) -> str:
    """A sentence as it continues after "Hi Ana,": "Your post..." -> "your post..."."""
    first, _, rest = sentence.replace("’", "'").partition(" ")
    # "three winters in that flat…" (held-out 53), not "Ten Tree Labs"
    counted = first.lower() in NUMBER_WORDS and rest[:1].islower()
    small = first.lower() in _SMALL_AFTER_COMMA or counted
    return sentence[:1].lower() + sentence[1:] if small else sentence


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if text.endswith((".", "?", "!")) else text + "."


_MARKS_RE = re.compile(r"([!?])[!?]+")
_CLAUSE_LOOK_BACK = 200
_ASKING_STARTS = frozenset(
    ["do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should",
     "has", "have", "any", "how", "what", "why", "who", "where", "when", "which", "whose"]
)  # fmt: skip


# "I programme the world stage now & hoping to book her demo": the writer's second clause.
_AND_HOPING_RE = re.compile(
    r"((?:^|[.!?;]\s+)I (?!was\b|were\b|had\b|did\b|know\b|think\b|hear\b|heard\b)"
    r"(?:(?!\b(?:she|he|they|you|it|we|was|were|had)\b|\b\w+['’]s\b)[^.!?;])*?\band) "
    r"(hoping|planning|looking|trying) to\b"
)
"""Not "I know she's busy and trying to launch…" (hers), nor "I was in Oaxaca and trying…"."""


def _comma_keen(m: re.Match[str]) -> str:
    feeling, word = (m[2], m[3]) if m[2] else (m[4], m[5])
    return f"{m[1]}, and I'm {feeling} {word} "


# "I design small wooden boats, dying to find out how…": the writer's wish after a comma, whose
# "I'm" was never typed (not "I met her, keen to learn": "I met" tells, and is done).
_COMMA_KEEN_RE = re.compile(
    r"((?:^|[.!?;]\s+)I (?!was\b|were\b|had\b|did\b|met\b|saw\b|know\b|think\b|hear\b|"
    r"heard\b)(?:(?!\b(?:she|he|they|you|it|we|was|were|had)\b|\b\w+['’]s\b)[^.!?;,])*), "
    # what of the reader's: not "I teach teenagers, curious how anything is made" (theirs)
    r"(?:(keen|dying|eager|itching) (to) (?=(?:understand|learn|hear|know|ask|find out|see how)\b)"
    r"|(curious) (how|what|whether|why|if) (?=(?:she|he|they|you|her|his|their|your)\b))"
)


# "following your work from here, and some day hearing how you…, would be a pleasure": a wish
# said of what the writer would do, which the note says as one ("I'd love to follow…").
_GERUND_WISH_RE = re.compile(
    r"(?:(?<=^)|(?<=[.!?;]\s))(?P<what>[a-z]+ing (?=(?:your|her|his|their|the|a|an|how|what|"
    r"about|you|more|from|with|up)\b)[^.!?;]{3,200}?),? would be (?:a (?:real )?"
    r"pleasure|great|lovely|wonderful|brilliant|an honou?r)(?=[.!?]|$)",
    re.I,
)
# Where a deed of such a wish starts: first, or after "and" and a word of when.
_WISHED_DEED_RE = re.compile(
    r"(?:^|(?<=\band )(?P<when>(?:some ?day|one day|also|maybe|perhaps|then) )?)"
    r"(?P<deed>[a-z]+ing)\b(?= (?:your|her|his|their|the|a|an|how|what|about|you|more|from|with"
    r"|up)\b)",
    re.I,
)


def _gerund_wish(m: re.Match[str]) -> str:
    def to_do(deed: re.Match[str]) -> str:
        lemma = word_classes(deed["deed"].lower()).get("verb")
        return f"{deed['when'] or ''}to {lemma}" if lemma else deed.group()

    return "I'd love " + _WISHED_DEED_RE.sub(to_do, m["what"])


# "…and want her to lead a set next spring": asked of the reader, politely.
_AND_WANT_THEM_RE = re.compile(
    r"\band want (?=(?:you|her|him) to (?!know\b|understand\b|see\b|hear\b|reali[sz]e\b))"
)


def _one_mark(m: re.Match[str]) -> str:
    """ "!!" as "!"; "?!" as "!" after something done, told ("mixed the glaze from plant ash
    right there?!" wonders, it does not ask), else "?" ("she still takes apprentices?!",
    "so is the source code public?!")."""
    if "?" not in m.group() or "!" not in m.group():
        return m.group(1)
    # the start of its clause, looked for a little way back only: a text of "?!" is read once
    back = m.string[max(0, m.start() - _CLAUSE_LOOK_BACK) : m.start()]
    words = [w.lower().strip("'\"‘“") for w in re.split(r"[.!?;:(,—–]|\s-\s", back)[-1].split()]
    asking = any(w in _ASKING_STARTS for w in words[:3])
    return "!" if not asking and any(_starts_with_past(w) for w in words) else "?"


def _flat(text: str | None) -> str:
    """A field on one line, its shorthand written out ("w/" -> "with", " & " -> " and "), a
    lower-case "i" as "I", and "!!" as "!"."""
    flat = " ".join((text or "").split()).strip(" .;,")
    flat = _MARKS_RE.sub(_one_mark, flat)
    for pattern, words in _SYMBOLS_FOR_WORDS:
        flat = pattern.sub(words, flat)
    flat = _SMALL_MONTH_RE.sub(_month_capitalised, flat)
    flat = _SMALL_WEEKDAY_RE.sub(lambda m: m.group().capitalize(), flat)  # "every Sunday"
    return _LOWER_I_RE.sub("I", written_out(flat))


def _month_capitalised(m: re.Match[str]) -> str:
    """ "in feb" as "in Feb": the word before the month as typed, the month with a capital."""
    before = next(g for g in m.groups()[::2] if g)
    return before + next(g for g in m.groups()[1::2] if g).capitalize()


# Adverbs before the writer's verb, in a clause typed without its "I": "only know him from
# posts", "barely met her"; before a verb of doing it is an instruction ("just say thanks").
_BEFORE_MY_VERB = frozenset(["only", "just", "barely", "hardly", "still", "really", "actually"])
_BEFORE_MY_PAST = _BEFORE_MY_VERB | {"recently"}  # "recently moved to Tbilisi"
# Past participles that are no past tense: "only seen" needs "I've", never "I'm".
_PARTICIPLES = frozenset(
    ["seen", "been", "done", "gone", "known", "taken", "given", "written", "spoken", "shown",
     "grown", "drawn", "flown", "eaten", "fallen", "forgotten", "driven", "ridden", "begun",
     "sung", "worn", "broken", "chosen"]
)  # fmt: skip
_STATE_VERBS = frozenset(["know", "have", "remember", "recall", "live", "work", "own", "doubt"])
"""Not "use", "need" or "want": "just use Obi", "really need to keep this short" are notes to
self."""


def _is_base_verb(word: str) -> bool:
    return word_classes(word).get("verb") == word.lower()


def _is_finite_verb(word: str, previous: str) -> bool:
    """Whether ``word`` is likely the verb of a clause ("matters", "caught", "is")."""
    lower = word.lower().strip(",")
    if lower in _AUXILIARIES or lower.endswith(("'s", "’s")):
        return lower in _AUXILIARIES
    classes = word_classes(lower)
    verb = classes.get("verb")
    if verb == lower and previous.lower() in _PLURAL_SUBJECTS:
        return True  # "you run the crews"
    if verb is None or verb == lower or lower.endswith("ing"):
        return False
    if lower.endswith("ed") and previous.lower() in _BEFORE_A_PARTICIPLE:
        return False  # "shoes on pressed rag soles", "the knitted cotton": it describes
    if lower.endswith("ed") or "noun" not in classes:
        return True
    if previous.lower() in _BEFORE_A_VERB:
        return True  # "his spreadsheet still saves me" (held-out 54)
    # An -s form that is also a noun ("matters", "bags") is a verb after a noun, not after an
    # adjective or a preposition.
    before = word_classes(previous.lower())
    return "noun" in before and "adj" not in before and previous.lower() not in _FUNCTION_WORDS


_PLURAL_SUBJECTS = frozenset(["i", "you", "we", "they"])
_BEFORE_A_VERB = frozenset(["still", "already", "always", "never", "often", "also", "really"])
"""Adverbs after which an -s form that is also a noun is the verb: "still saves", "often runs"."""
_BEFORE_A_PARTICIPLE = frozenset(
    ["on", "in", "at", "with", "of", "for", "from", "into", "onto", "under", "over", "the", "a",
     "an", "my", "your", "our", "their", "his", "its", "these", "those"]
)  # fmt: skip


def _has_finite_verb(words: list[str]) -> bool:
    return any(
        _is_finite_verb(w, words[i - 1]) and not _describes_after_and(words, i)
        for i, w in enumerate(words)
        if i
    )


def _describes_after_and(words: list[str], i: int) -> bool:
    """Whether the past form at ``i`` describes the plural noun after it in a list: "natural
    process and raised beds" (not "ran and raised funds", two things done)."""
    return (
        1 < i < len(words) - 1
        and words[i - 1].lower() == "and"
        and words[i].lower().endswith("ed")
        and not _starts_with_past(words[i - 2])
        and (noun := word_classes(words[i + 1].lower()).get("noun")) is not None
        and noun != words[i + 1].lower()  # a plural
    )


# --- the reason ---------------------------------------------------------------------------


def reason_in_my_words(context: Context) -> str:
    """The reason as the sender would say it to the reader, for the prompt ("" when none).

    A small model splices a bare verb phrase ("ask whether her team takes juniors") into broken
    sentences and loses track of whose team it is; a whole first-person sentence ("I'd like to
    ask whether your team takes juniors.") it can keep. Unlike the plain note, the reason keeps
    who suggested it: the model sees the whole context and the rules judge what it makes of it.
    """
    text, left = _cleaning(context)
    if not text:
        return ""
    reader = to_reader(text, context, they_is_reader=True)
    reading = _read(context, _LEAD_INS[0])
    # What the reading holds back never reaches the prompt, not even through the whole reason.
    holds_back = any(item.why == "held_back" for item in reading.notes)
    if _attribution(reader) is not None and not holds_back:  # "Mere said you..." is whole
        if _money_kept_out(left):
            reader = " ".join(_without_money([reader], []))
        return spelt_as_places(_capitalised(_sentence(reader))) if reader else ""
    reason = _reason(context, _LEAD_INS[0], reading)
    if reason is None:
        return "" if holds_back else spelt_as_places(_capitalised(_sentence(reader)))
    return spelt_as_places(_capitalised(reason.whole))


def _cleaning(context: Context) -> tuple[str, list[LeftOut]]:
    """The reason typed on the form, on one line, without what a note has no place for: a
    link, a greeting of its own ("hey!"), "lol", emoji (one between two sentences ends the
    first), the sender's notes to self ("keep it light"), and with the context's names spelt its
    way; and the links and notes to self it left out."""
    links: list[str] = []
    text = _SPACE_RUN_RE.sub(_one_space, context.reason)
    text = _EMPTY_PAIR_RE.sub("", _LINK_RE.sub(lambda m: _cut_link(m, links), text))
    text = _TIGHT_COMMA_RE.sub(", ", _APOSTROPHE_LOOKALIKE_RE.sub("'", text))  # not in a link
    text = _FOOTNOTE_MARK_RE.sub("", _SHORTENED_DOT_RE.sub(r"\1", text))
    text = _apostrophe_restored(text, context)
    text, reading_of_name = _without_reading_of_name(text, context)
    why_titled = [m.group().strip(" ,") for m in _WHY_TITLED_RE.finditer(text)]
    text = _WHY_TITLED_RE.sub("", text)
    text = _EMOTICON_RE.sub(_AN_EMOJI, text)
    text = _LAUGH_RE.sub(_without_filler, _ARROW_RE.sub(_arrow, text)).strip()
    text = _SLASHES_RE.sub(". ", _CF_RE.sub(". ", _jotted_thoughts(text)))
    text = _RE_RE.sub(_about, text)
    text = _LINE_RE.sub(_line_break, text)
    text = typos_fixed(_EMPHASIS_RE.sub(lambda m: m.group().lower(), _flat(text)))
    text = _LIST_MARKER_RE.sub("; ", text)
    text = _AND_HOPING_RE.sub(r"\1 I'm \2 to", text)
    text = _COMMA_KEEN_RE.sub(_comma_keen, text)
    text = _AND_WANT_THEM_RE.sub("and would love ", text)
    text = _GERUND_WISH_RE.sub(_gerund_wish, text)
    if _DOTTED_LIST_RE.search(text):
        text = _DOTTED_ITEM_RE.sub("; ", _DOTTED_LIST_RE.sub("; ", text))
    text = text.strip("; ")
    text = _INTERJECTION_RE.sub("", _GREETING_RE.sub("", text))
    text = _MARKED_EMPHASIS_RE.sub(r"\2", text)
    text = _who_did_as_you(_without_vocative(text, context), context)
    text = _named_first_as_pronoun(text, context)
    text = _deed_told_of_reader(text, context)
    text = _their_possessive(text, context)
    text = _REPORTED_ASK_RE.sub(r"\1 to ", text)
    text = _ASK_IF_OPEN_RE.sub(r"\1 you're ", text)
    text = _ASK_IF_ANY_RE.sub(r"\1 there are ", text)
    text = _HEDGE_LAST_RE.sub(_hedge_first, text)
    text = _TIME_IN_COMMAS_RE.sub(r"\1 \2 ", text)  # "and, some day, ask": one clause
    text = _BARE_YEARS_RE.sub(_years_with_preposition, text)
    text = _LEADING_PLUS_RE.sub("", text)
    text = _CONNECT_AND_SAY_RE.sub(lambda m: "your " if m["the"] else "", text)
    text = _CONNECT_OFF_RE.sub("I'm reaching out because of ", text)
    text = " ".join(_SYMBOLS_RE.sub("", _EMOJI_BREAK_RE.sub(". ", text)).split())
    text = _SPACE_BEFORE_CLOSE_RE.sub("", text)  # "(the ragi prices 🔥)." ends a sentence
    # the name as typed in Latin letters too: "lasha (LAH-sha, not lash-a)" of ლაშა
    names = [*words_of_name(context.recipient.name), *reader_named_in_latin(text, context)]
    if (asked := preferred_name(context.reason, context.recipient.name)) is not None:
        names.append(asked)  # "I use Pat." of Patricia: a note on the name it gives
    kept, notes = split_notes_to_self(text, names)
    kept = _as_named(_TRAILING_PS_RE.sub("", kept).strip(" ."), context)
    if typed_as_notes(context.reason):
        kept, closing = without_closing_aside(kept, _as_named(text.strip(" ."), context))
        notes += [closing] if closing else []
    left = [LeftOut(why="link", text=link) for link in links]
    notes = [*reading_of_name, *why_titled, *notes]
    left += [LeftOut(why="note_to_self", text=note) for note in notes]
    return kept, left


# "no head of conservation for 2 yrs. cf. his paper on sturgeon glue": what to look at, said
# as a sentence of its own ("I saw your paper…"), not "…2 years, cf. I saw your paper".
_CF_RE = re.compile(
    r"[,;.]?\s+cf(?:\.\s+|\s+(?=(?:her|his|their|the|my|our|a|an)\b))(?=[^\W\d_])", re.I
)  # not "CF cards", "my son has cf and…"
# "…the living source for it… p.s." where what the postscript said was a note to self.
_TRAILING_PS_RE = re.compile(r"(?:…|\.\.\.)?\s*\bp\.\s?s\.?\W*$", re.I)  # not "lightroom and ps"


# "Mereoni - I'm a USP alum too", "hery 🙂 need a referee": the reason opens on their name, as a
# note to them would; the note has its greeting already. Not before a comma: "Ana, Bruno and I
# ran the pilot" names the reader in what follows.
_VOCATIVE_RE = re.compile(
    # "JF (nobody uses jean-françois) - my old survey partner": an aside on the name goes with it
    rf"^(?P<name>[^\W\d_][\w'’-]*)\s*(?:\([^()]*\)\s*)?(?:[–—:!]+|-+(?!(?!I\b)[^\W\d_])|[{_EMOJI}]+"
    # "Bongi, you know I'm organising…"; not "Ana, Ben and I met…"; "nomvula, been following
    # her baskets" (held-out 36), which the note leads in with "I've"
    r"|,(?=\s*(?:you|your|I|I'm|I'd|I've|we|been (?:following|reading|watching|admiring|"
    r"enjoying|lurking|meaning)\b)\b))\s*",
    re.I,
)


def _without_vocative(text: str, context: Context) -> str:
    if (called := titled_call(text, context.recipient.name)) is not None:
        return text[called.end() :]  # "Dr. Ní Mhurchú, I studied…": the greeting calls them so
    m = _VOCATIVE_RE.match(text) or _NAME_AND_LABEL_RE.match(text)
    if m is None or not (_names_reader(m["name"], context) or _may_call_reader(m["name"], context)):
        return text
    if "label" not in m.groupdict():
        return text[m.end() :]
    words = [m["name"], *m["label"].split()]
    if not _is_label(words, context):
        return text  # "Ana, great talk at the summit, …", "Ana, the lab says…": no label
    after = text[m.end() :]
    if m["end"] != ",":
        # "Ljuba, panel-mate at the Sibiu forum (met once).": who they are to the writer, which
        # the note's opening tells; not "Ana, congrats on the launch."
        return after if _PERSON_LABEL_RE.fullmatch(words[1]) else text
    # "rhodri, signalling tech on the valley lines, posts alot…": the name's own verb follows;
    # not "Ana, big fan of the pod, thanks again"
    verb = after.split(" ", 1)[0].lower()
    lemma = word_classes(verb).get("verb")
    if lemma is None or lemma == verb or not verb.endswith("s") or verb == "thanks":
        return text
    return f"{m['name']} {after}"


def _is_label(words: list[str], context: Context) -> bool:
    """Whether the words after the reader's name say what they are ("signalling tech on the
    valley lines"): no verb, no subject, no praise ("great talk"), and not the writer's own
    ("Sam here")."""
    writer = {w.casefold() for w in context.sender.name.split()}
    return not (
        "adj" in word_classes(words[1].lower())
        or any(w.casefold() in writer or w.lower() == "here" for w in words[1:])
        or any(
            w.lower() in _PLURAL_SUBJECTS | _PRONOUN_SUBJECTS
            or (_is_finite_verb(w, before) and "noun" not in word_classes(w.lower()))
            for before, w in pairwise(words)
        )
    )


# "rhodri, signalling tech on the valley lines, posts alot" (held-out 29), "Ljuba, panel-mate at
# the Sibiu forum (met once, 2 hrs on a stage)." (held-out 56): what the reader is, said after
# their name as one labels a contact; "You, panel-mate at the Sibiu forum." is no sentence.
_NAME_AND_LABEL_RE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’-]*), (?P<label>[^\W\d_][^,.;:!?()]{2,60}?)\s*(?:\([^()]*\)\s*)?"
    r"(?P<end>,|[.;:!](?=\s|$))\s*"
)
_PERSON_LABEL_RE = re.compile(
    r"[\w'’-]*mates?|colleague|co-?worker|neighbou?r|friend|ex-colleague", re.I
)


def _may_call_reader(word: str, context: Context) -> bool:
    """Whether ``word``, which opens the reason as one calls someone ("Balwinder, we have
    worked…"), may be the Latin name of a reader named in another script: its consonants are
    close to theirs, and it is no English word nor a name the context gives someone or something
    else. Only there: elsewhere a name may be anyone's."""
    if word_classes(word.lower()) or is_place_name(word):  # "Almaty, I met you…" calls no one
        return False
    others = " ".join([*context.others(), *context.places()]).casefold().split()
    return word.casefold() not in others and consonants_alike(word, context.recipient.name)


def _names_reader(word: str, context: Context) -> bool:
    """Whether ``word``, typed first in the reason, is the reader's name or what they go by."""
    first = context.recipient.first_name
    initials = "".join(part[:1] for part in re.split(r"[-\s]+", first)) if first else ""
    names = {context.greeting, first, *nicknames(context.recipient.name)}
    if len(initials) > 1:
        names.add(initials)  # "JF - my old survey partner" to Jean-François
    return (
        word.casefold() in {n.casefold() for n in names}
        # "Ata, we paddled…" to Ataahua: the start of their given name
        or (len(word) >= 3 and first.casefold().startswith(word.casefold()))
        # "Rupal, we have cooked…" to રૂપલ કાપડિયા: their name in Latin letters
        or spelled_in_latin(word, context.recipient.name)
    )


def _named_first_as_pronoun(text: str, context: Context) -> str:
    """ "mirzat teaches dolan muqam to kids…" of مىرزات, in notes that call the reader "he": the
    reader's name typed in small Latin letters opens the reason, or a sentence of it ("…yrs
    before me. sivadasan achari builds chundan vallam…"), as the subject of a verb that agrees
    with "he", so it is said as "he" (and so "you teach…"). Only there and only typed small, as
    notes are: "Ana runs the shop" names whoever Ana is."""
    # the last "she" and the last "he" of the text: which of them comes after a name, read once
    last = {"she": -1, "he": -1}
    for p in _PRONOUN_OF_READER_RE.finditer(text):
        last[_gender(p.group())] = p.start()
    for m in _NAMED_FIRST_RE.finditer(text):
        name, verb = (m["name"], m["verb"]) if m["name"] else (m["whole"], m["deed"])
        if third_person_lemma(verb) in (None, "are"):
            continue  # "yadagiri is the scroll painter" tells who they are, not what they do
        sentence = _rest_of_sentence(text, m.end())
        if any(
            third_person_lemma(w) is not None or "verb" in word_classes(w.lower())
            for w in _DEED_AFTER_RE.findall(sentence)
        ):
            continue  # "…in kerman, drums the zarb": a run of deeds, whose verbs may not agree
        genders = {gender for gender, at in last.items() if at >= m.end()}
        # none to go by; or "mirzat teaches my daughter the dutar, she still plays his tunes":
        # two people, and no telling which is the reader
        if len(genders) != 1 or not all(
            _names_reader(part, context) or _may_call_reader(part, context) for part in name.split()
        ):
            continue
        return text[: m.start()] + genders.pop() + text[m.start() + len(name) :]
    return text


def _deed_told_of_reader(text: str, context: Context) -> str:
    """ "sat opposite her 4 yrs. left to blow glass beads in poniklá": a sentence typed without
    its subject, whose first words how they met tells of the reader ("…before she left to blow
    glass beads"), is the reader's deed ("she left…", so "you left…"), not the writer's. Only
    where how they met speaks of no one else ("my uncle… he showed me her loom"), and not of a
    deed the writer shares ("moved to lisbon in 2019 too")."""
    told = context.relationship.how_we_met or ""
    genders = {_gender(p.group()) for p in _PRONOUN_OF_READER_RE.finditer(told)}
    theirs = {w.lower() for w in words_of_name(context.recipient.name)}
    named = {w.lower() for w in _CONTENT_WORD_RE.findall(told)[1:] if w[:1].isupper()}
    if len(genders) > 1 or named - theirs - {"i"}:
        return text  # "my uncle… he showed me her loom", "Tiina introduced us before she left"
    # each deed how they met tells of "she", "he" or "they", by its first three words: read once
    deeds = {m["deed"].lower(): m["who"].lower() for m in _TOLD_DEED_RE.finditer(told)}
    if not deeds:
        return text

    def subject(m: re.Match[str]) -> str:
        who = deeds.get(m.group().lower())
        sentence = _rest_of_sentence(text, m.end())
        if who is None or "verb" not in word_classes(m["first"]) or _ALSO_RE.search(sentence):
            return m.group()
        return f"{who} {m.group()}"

    return _SUBJECTLESS_RE.sub(subject, text)


_TOLD_DEED_RE = re.compile(r"\b(?P<who>she|he|they) (?P<deed>[a-z]+ [a-z]+ [a-z]+)\b", re.I)
_ALSO_RE = re.compile(r"\b(?:too|as well|also)\b", re.I)


# A sentence's first three words, begun in small letters: "left to blow glass beads".
_SUBJECTLESS_RE = re.compile(r"(?:^|(?<=[.!?] ))(?P<first>[a-z]+) [a-z]+ [a-z]+\b")


# The word after a comma or "and" (and an adverb): "…, still roasts the peppers", "and posts…"
_DEED_AFTER_RE = re.compile(
    r"(?:,|\band)\s+(?:(?:still|also|often|now|then|always|just) )?([a-z]+)"
)
# The reader's name opening the reason, or their whole name (given and family) opening a later
# sentence: "kelechi ships…, she's swamped" later in a reason may be anyone's "she".
_NAMED_FIRST_RE = re.compile(
    r"^(?P<name>[^\W\d_A-Z][\w'’-]*) (?P<verb>[a-z]+s)\b"
    r"|(?:^|(?<=[.!?] ))(?P<whole>[^\W\d_A-Z][\w'’-]* [^\W\d_A-Z][\w'’-]*) (?P<deed>[a-z]+s)\b"
)
_PRONOUN_OF_READER_RE = re.compile(r"\b(?:she|her|hers|he|him|his)\b", re.I)
_SENTENCE_STOP_RE = re.compile(r"[.!?;]")


def _gender(pronoun: str) -> str:
    """ "she" of "her" and "hers", "he" of "him" and "his": who a pronoun may be."""
    return "she" if pronoun.lower() in ("she", "her", "hers") else "he"


def _rest_of_sentence(text: str, at: int) -> str:
    """``text`` from ``at`` to the end of its sentence (or clause, at a semicolon)."""
    end = _SENTENCE_STOP_RE.search(text, at)
    return text[at : end.start() if end else len(text)]


def _who_did_as_you(text: str, context: Context) -> str:
    """ "grazietta, the filindeu lady from nuoro who let me try…" as "you let me try…": the
    reader named, then told by what they did."""
    m = _NAMED_WHO_DID_RE.match(text)
    if m is None or not _names_reader(m["name"], context):
        return text
    return "you " + text[m.end() :]


_NAMED_WHO_DID_RE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’-]*), the (?:[\w'-]+ ){1,6}?who (?=(?:let|showed|taught|gave|"
    r"told|helped|took|invited|sold|sent|walked|lent|offered|answered|hosted|fixed)\b)",
    re.IGNORECASE,
)


def _their_possessive(text: str, context: Context) -> str:
    """The reader's name typed small with an "s" and no apostrophe, before a word, as theirs:
    "want chaerins honest take" of 옥채린 is "want chaerin's honest take"; not the plural of a
    word ("research grants for" to Grant Hughes)."""
    from warmnote.guardrails.lexicon import english_words

    name = context.recipient.name
    names = {n.casefold() for n in (context.greeting, *words_of_name(name)) if n}

    def owned(m: regex.Match[str]) -> str:
        word = m.group(1)
        if word in english_words() or not (word in names or spelled_in_latin(word, name)):
            return m.group()
        return f"{word}'s"

    return _NAME_S_RE.sub(owned, text)


_NAME_S_RE = regex.compile(r"(?<![\w'’@./-])(\p{Ll}{3,})s(?= \p{Ll})")


# Runs of spaces and blank lines: one is as good as many to every reading below, and a long run
# would make each pattern that starts with spaces try every start in it (40,000 spaces: 108 s).
_SPACE_RUN_RE = re.compile(r"\s{2,}")


# A comma typed without its space, between words: "met her at the fair,she showed me…" reads
# as one word to every reading below. Not in a figure ("1,200").
_TIGHT_COMMA_RE = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
# "…still cuts, esp. the old family stones" (held-out 59): the dot of "esp." before what it goes
# on with ends no sentence (after "esp. her grandma's voice turns up…" a sentence may start).
_SHORTENED_DOT_RE = re.compile(
    r"(?<![\w.])(esp)\.(?=\s+(?:the|a|an|in|on|at|for|with|when|during|after|before|around|"
    r"[a-z]+ing)\b)"
)  # not "the ESP. In March she…"
# "…for four years†." and "†and she taught me…": a footnote's mark, which a note has no use
# for; not "Prof. Adeyemi †2021", a year of death
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[^\W\d_])[†‡]+(?![\w†‡])|(?:^|(?<=\s))[†‡]+(?=[^\W\d_])")
# An apostrophe typed as a backtick or an acute accent, as some keyboards give it: "I`m",
# "don´t". The note says "I'm"; a backtick in a note reads as markdown.
_APOSTROPHE_LOOKALIKE_RE = re.compile(r"(?<=[^\W\d_])[`´](?=[^\W\d_])")


def _one_space(m: re.Match[str]) -> str:
    return "\n" if "\n" in m.group() else " "


# A link and what leads it in ("role: https://…"), up to a closing quote or bracket or a space;
# a run of spaces is tried from its first only (else every start in it would be tried again).
_LINK_RE = re.compile(
    r"(?<!\s)\s*(?:[:–—-]\s*)?(?P<url>" + URL_HEAD + r"[^\s<>\"'“”‘’\[\]]+)", re.I
)
_AFTER_LINK = ".,;:!?"
_EMPTY_PAIR_RE = re.compile(r" ?(?:\(\s*\)|\[\s*\]|“\s*”|\"\s*\"|‘\s*’|'\s*')")
"""What a link leaves when it was all its brackets or quotes held: "(https://x.org)"."""


def _cut_link(m: re.Match[str], links: list[str]) -> str:
    """A link out of the reason, kept in ``links``; what ended its sentence stays, and so does a
    closing bracket the link did not open ("(see https://x.org/post)." but "…/Kafka_(software)")."""
    url = link = m.group("url")
    while True:
        shorter = link.rstrip(_AFTER_LINK)
        if shorter.endswith(")") and shorter.count("(") < shorter.count(")"):
            shorter = shorter[:-1]
        if shorter == link:
            break
        link = shorter
    links.append(link)
    return url[len(link) :]


def _without_reading_of_name(text: str, context: Context) -> tuple[str, list[str]]:
    """The reason without how the reader's name, written in another script, reads in Latin
    letters, where it opens it ("覃秋菊 -> Qiuju, nixing potter…"): a note to the writer; and
    what was taken out."""
    m = _NAME_READING_RE.match(text)
    name = context.recipient.name
    if m is None or m["name"] not in name or not spelled_in_latin(m["latin"], name):
        return text, []
    end = m.end()
    # and who they are, with no verb, to the sentence's end: "nixing potter in qinzhou."
    label = _LABEL_RE.match(text, end)
    if label and _is_person(label["head"].lower()) and not _has_finite_verb(label["words"].split()):
        end = label.end()
    return text[end:], [text[:end].strip(" ,.;:")]


# Why the reader's name carries its title, told to oneself: "…, which is why the title sits on
# her profile".
_WHY_TITLED_RE = re.compile(
    r",\s*which is (?:why|how come) (?:the|her|his|their) (?:title|titles|doctorate|"
    r"post-?nominals?|letters)\b[^.;!?]*",
    re.I,
)
_LABEL_RE = re.compile(  # a few words: looked at once, however long the reason
    r"(?P<words>(?:[\w'’-]+ ){0,4}?(?P<head>[a-z][\w-]*) (?:in|at|from|of) [^.!?;]{1,60}?)[.;]\s*"
)
_NAME_READING_RE = re.compile(
    r"\s*(?P<name>[^\s,.:;]+(?: [^\s,.:;]+)?)\s*(?:->|=>|→|=)\s*(?P<latin>[A-Za-z][\w'’-]*)"
    r"\s*[,.:;]?\s*"
)


_OF_PLACE = frozenset(["with", "w/", "in", "at", "from", "by", "under", "over"])
_SINGULAR_IN_S = frozenset(
    ["physics", "maths", "mathematics", "economics", "politics", "ethics", "athletics",
     "genetics", "linguistics", "logistics", "statistics", "news", "series", "species", "odds",
     "basics", "analytics", "gymnastics", "aerobics", "mechanics", "dynamics", "robotics"]
)  # fmt: skip


def _be_after(m: re.Match[str]) -> str:
    """ "is", or "are" after a plural noun ("her lidar-first maps = gorgeous")."""
    typed = m.string[max(0, m.start() - _LOOK_BACK) : m.start()].split()
    words = [w.lower() for w in typed]
    word = words[-1]
    plural = (
        # not "your pilot with fish traders = close to ours", "Rhys Banks = the one", "physics ="
        not set(words[-4:-1]) & (_ABOUT | _OF_PLACE)
        and typed[-1].islower()
        and word not in _SINGULAR_IN_S
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and "noun" in word_classes(word[:-1])
    )
    return "are" if plural else "is"


def _arrow(m: re.Match[str]) -> str:
    """ "send the samples -> do that", "apps open -> theyre open now", "-> take her up on it",
    "→ played it for my ward", "=> yes, take it", "-> i'd love that routine": a new clause after
    it; what a role is after one ("a role on my team -> senior ecologist"), or a thing ("… -> a
    referral arrangement"); else "to" ("lab tech -> RSE", "lagos -> accra", "3 -> 5 people")."""
    after = m.string[m.end() : m.end() + _LOOK_BACK].split(" ", 1)[0].lower().strip(",.!")
    before = m.string[max(0, m.start() - _LOOK_BACK) : m.start()].split()
    if _labels_what_follows(before) and (_is_base_verb(after) or after in ARTICLES):
        return ": "  # "goal -> compare notes", "the ask -> an analyst job": a heading
    if after in _AFTER_ARROW or _is_base_verb(after):
        return ". "
    if m.group().strip() == ">>":
        return m.group()  # "your writing >> anything else I've read": better than, as typed
    if "from" in (w.lower() for w in before[-3:]):
        return " to "  # "pivoted from finance -> engineering", "from Jira -> their tool"
    if (
        (after in _ASKING_AFTER_ARROW or after in POSSESSIVES)
        and _ASKED_AFTER_RE.match(m.string, m.end())
        and not (before and before[-1][:1].isdigit())  # "sample size 40 -> how many…?"
    ):
        return ". "  # "i count plasica -> her view on falling catches?", "-> does she take…?"
    if _is_past_or_gerund(after):
        return ". "
    if before and before[-1].lower() in _ROLE_BEFORE_ARROW:
        return ": "
    # "who can service their bikes → a proper referral arrangement": what it leads to
    return ": " if after in ARTICLES else " to "


def _is_past_or_gerund(word: str) -> bool:
    """ "played", "sending": a verb that starts a clause of its own after an arrow."""
    return word.endswith(("ed", "ing")) and "verb" in word_classes(word)


_ASKING_AFTER_ARROW = frozenset(
    ["does", "do", "is", "are", "can", "what", "how", "who", "where", "when", "why", "any"]
)
# What an arrow leads to is a question of its own: it ends at its question mark.
_ASKED_AFTER_RE = re.compile(r"[^.!?;>→,]{1,120}\?")  # not "-> what she does, is a phd needed?"
_AFTER_ARROW = frozenset(
    ["did", "done", "they", "theyre", "they're", "it", "its", "it's", "so", "then", "i", "im",
     "i'm", "i'd", "i've", "i'll", "ive", "we", "we'd", "we've", "we'll", "you", "you're",
     "youre", "she", "he", "she's", "he's", "shes", "hes", "she'll", "he'll", "they'll",
     "now", "yes", "no", "nope", "nah", "ok", "okay", "would", "could", "will", "congrats",
     "congratulations", "thanks"]
)  # fmt: skip
_ROLE_BEFORE_ARROW = frozenset(
    ["role", "team", "opening", "job", "position", "vacancy", "ours", "us", "req"]
)
# What a jotted note heads what follows with, after an arrow as after a colon: "goal -> compare
# notes", "the ask -> an analyst job on his staff", "idea → a demonstration circle…?".
_GOAL_HEADS = frozenset(["goal", "idea", "ask", "aim", "hope"])


def _labels_what_follows(before: list[str]) -> bool:
    """Whether the words before an arrow are a heading of one of ``_GOAL_HEADS`` that starts its
    clause ("goal", "the ask", "my idea")."""
    if not before or before[-1].lower() not in _GOAL_HEADS:
        return False
    if len(before) == 1 or before[-2].endswith((".", ",", ";", "!", "?")):
        return True
    return before[-2].lower() in ("the", "my", "one", "main", "big", "real") and (
        len(before) == 2 or before[-3].endswith((".", ",", ";", "!", "?"))
    )


def _without_filler(m: re.Match[str]) -> str:
    """A laugh or filler gone; its comma stays inside a sentence ("perfect imo, wouldn't be" ->
    "perfect, wouldn't be") and goes at a sentence's start ("tbh, I think" -> "I think")."""
    i = m.start() - 1
    while i >= 0 and m.string[i].isspace():  # the last character before it, without copying
        i -= 1
    return "," if m.group().endswith(",") and i >= 0 and m.string[i] not in ".!?;:,(" else ""


def _about(m: re.Match[str]) -> str:
    """ "re: grafting calendar" -> "I'm reaching out about the grafting calendar"."""
    after = m.string[m.end() : m.end() + _LOOK_BACK].split(" ", 1)[0]
    the = (
        ""
        if not after[:1].islower()
        or after
        in _NOUN_PHRASE_STARTS | _POSSESSIVE_STARTS | {"his", "her", "their", "how", "what"}
        else "the "
    )
    return ("I have a question about " if m["q"] else "I'm reaching out about ") + the


_LOOK_BACK = 40


def _apostrophe_restored(text: str, context: Context) -> str:
    """ "Ewalds restorative work" of Ewald Kocur (held-out 59): their given name with an "s" and
    no apostrophe is theirs, where the two are no English word ("Roses are her passion" of Rose
    stays)."""
    from warmnote.guardrails.lexicon import english_words

    given = given_name(context.recipient.name)
    if not given or given[-1:].lower() in ("s", "x", "z") or f"{given}s".lower() in english_words():
        return text

    def owned(m: re.Match[str]) -> str:
        thing = m["thing"].lower()
        classes = word_classes(thing)
        if (
            thing in _FUNCTION_WORDS
            or not {"noun", "adj"} & classes.keys()
            or classes.get("verb", thing) != thing  # "Elias runs the lab", "Annas spoke"
        ):
            return m[0]  # "Elias and I", "Jens introduced us": another name
        return f"{given}'s {m['thing']}"

    # before a thing of theirs, not after "the" ("the Williams sisters")
    return re.sub(
        rf"(?<!\b[Tt]he )(?<![\w'’-]){re.escape(given)}s (?P<thing>[a-z][\w-]*)", owned, text
    )


def _jotted_thoughts(text: str) -> str:
    """``text`` with its bullets or pipes as sentence breaks, where it uses one of them at least
    ``_JOTTED_MARKS`` times and each run of words between them, from the text's start to its
    end, has ``_JOTTED_WORDS`` words or more."""
    jotted = [
        mark
        for mark in "•|"
        if text.count(mark) >= _JOTTED_MARKS
        and all(len(run.split()) >= _JOTTED_WORDS for run in text.split(mark) if run.strip())
    ]

    def broken(m: re.Match[str]) -> str:
        if m[1] not in jotted:
            return m[0]
        return " " if m.string[m.start() - 1 : m.start()] in (".", "!", "?") else ". "

    return _JOTTED_MARK_RE.sub(broken, text) if jotted else text


def _line_break(m: re.Match[str]) -> str:
    """What a line break and its bullet become: nothing first; a space after a sentence's end
    or before a line that goes on in small letters (a sentence wrapped: "her talk on\nfeature
    stores"); else, before a bullet, a number or a capital, a break between parts."""
    if m.start() == 0:
        return ""
    # The text before ends in a word (the pattern takes the spaces and blank lines around a
    # break), so a short look back finds its last character and word without copying it all.
    before = m.string[max(0, m.start() - _LOOK_BACK) : m.start()]
    marked = m.group().strip() != ""
    after = m.string[m.end() : m.end() + 1]
    last = before.rsplit(None, 1)[-1].lower()
    if before[-1] in ".!?;:," or not (marked or after.isupper()):
        return " "
    if last in _FUNCTION_WORDS | _CUT_BEFORE:
        return " "  # "her post about\n- feature stores": the line goes on with its first item
    return "; "


def _hedge_first(m: re.Match[str]) -> str:
    if m.group().count(",") and m.string[m.end() : m.end() + 1] == ",":
        return m.group()  # "you know a lot, I think, about…": a hedge in commas stays
    clause = m["clause"]
    # "BUT her daughter runs it i think": "I think her daughter runs it", the "but" with no
    # sentence before it to join
    clause = _JOINING_RE.sub("", clause, count=1)
    first = clause.split(" ", 1)[0]
    if first.lower() in _PRONOUN_SUBJECTS | _FUNCTION_WORDS or _ordinary_capitalised(first):
        clause = clause[0].lower() + clause[1:]  # "She ran it I think" -> "I think she ran it"
    return f"{m['hedge']} {clause}"


_JOINING_RE = re.compile(r"^(?:but|and) ", re.IGNORECASE)


_PRONOUN_SUBJECTS = frozenset(["she", "he", "they", "we", "you", "it"])
# Where a part's head ends, when a sentence is made only of what follows it.
_HEAD_RE = re.compile(r",|: ")
_MAX_LABEL_WORDS = 3


_MOST_TO_LEAVE_ONE_OUT = 20
"""How many sentences a reason may have for a note to be tried without each in turn: one left
out of more is still too long for a note, and trying each would take time as their square."""


def _leans_back(text: str) -> bool:
    """Whether ``text`` points at what went before it ("it", "that", "there"): not an "it"
    after a thing it introduces itself ("I have built a better restoration chain and would like
    to offer it")."""
    introduced = _INTRODUCED_RE.search(text)
    return any(
        m.group().lower() != "it" or introduced is None or introduced.start() > m.start()
        for m in _LEANS_RE.finditer(text)
    )


_INTRODUCED_RE = re.compile(r"\b(?:a|an)\s+[^\W\d_]", re.IGNORECASE)
_IT_RE = re.compile(r"\bit\b", re.IGNORECASE)


def _it_leans_back(text: str) -> bool:
    """Whether an "it" of ``text`` is a thing said before it ("consider taking it on"), not one it
    brings in itself ("your work … and I would like to follow it")."""
    named = _NAMED_THING_RE.search(text)
    return any(
        (named is None or named.start() > m.start()) and not _DUMMY_IT_RE.match(text, m.start())
        for m in _IT_RE.finditer(text)
    )


def _done_to_it(text: str) -> bool:
    """Whether ``text`` does something to an "it" before it names any thing: "Nobody has
    explained it more clearly to me", "I loved it"; not "It was great to meet you"."""
    named = _NAMED_THING_RE.search(text)
    return any(
        (named is None or named.start() > m.start()) and "verb" in word_classes(m[1].lower())
        for m in _VERB_IT_RE.finditer(text)
    )


_VERB_IT_RE = re.compile(r"\b([^\W\d_]+) it\b(?!['’])", re.IGNORECASE)


# "Would it be possible…", "it would be great to…": an "it" that stands for nothing said before.
_DUMMY_IT_RE = re.compile(
    r"it (?:(?:would|could|might|will) )?be\b|it makes sense\b"
    r"|it(?:['’]s| is) (?:worth|possible|ok|okay|fine|hard|easy)\b",
    re.IGNORECASE,
)


_NAMED_THING_RE = re.compile(r"\b(?:a|an|the|your|my|our|his|her|their)\s+[^\W\d_]", re.IGNORECASE)


def _points_back_by_such(text: str) -> bool:
    """Whether ``text`` names a thing by "such a" and a noun ("such a post"), which only the
    sentence before it says; "such a narrow loom" says what it is."""
    return any(
        not {"adj", "adv"} & set(word_classes(m[1].lower())) for m in _SUCH_A_RE.finditer(text)
    )


_SUCH_A_RE = re.compile(r"\bsuch an? ([^\W\d_]+)", re.IGNORECASE)


def _reason(context: Context, lead: str, reading: _ReasonParts | None = None) -> _Reason | None:
    """The user's reason as sentences to the reader, or None when it gives no usable sentence;
    from ``reading`` where the caller has read it already."""
    reading = reading or _read(context, lead)
    sentences = [sentence for sentence, _ in reading.sentences]
    if not sentences:
        return None
    if context.scenario in _CLOSERS_OF_THEIR_OWN:
        # "Your background is exactly what I'm after": a recruiter's pitch or a seeker's hope,
        # which their closing ask still follows
        sentences = [s._replace(asks=False) if _only_asks_of_them(s.text) else s for s in sentences]
    # All of it; then without one of three or more (the last first, never the only ask); then
    # the first sentence with the first that asks; then one sentence, asking ones first; then
    # shorter forms of each.
    # a recruiter's offer before praise, where one sentence is all that fits: readers marked
    # "…the plainest treatment of that problem anywhere. Would you be open to hearing more?"
    # vague, with the post it was about cut (held-out 49)
    offers = context.scenario == "recruiter_outreach"
    ordered = sorted(sentences, key=lambda s: (not s.asks, not (offers and _offers(s.text))))
    asks = any(s.asks for s in sentences)
    whole = _said_in_turn(sentences)
    # (variant, whether it asks)
    variants = [(whole, asks)]
    openings: dict[str, str] = {}  # the first sentence of each variant cut to it and the ask
    asking = [s for s in sentences if s.asks]
    # "…needs a keeper for its horns. I'd like to ask if such a post could interest you": what
    # "such a post" is, the sentence before says; without it, it is no post anyone named
    leaning = {
        i
        for i, s in enumerate(sentences)
        if i
        and (
            _points_back_by_such(s.text)
            # "…is short of a maker for its wire workshop. I hope you might consider taking it
            # on.": the ask's "it" is the thing the sentence before brings in
            or (s.asks and _it_leans_back(s.text) and _INTRODUCED_RE.search(sentences[i - 1].text))
            # "…rather than sitting them out. Nobody has explained it more clearly to me.": alone,
            # "it" is nothing (held-out 53)
            or (not s.asks and _done_to_it(s.text))
        )
    }
    without_first: tuple[str, bool] | None = None
    if 2 < len(sentences) <= _MOST_TO_LEAVE_ONE_OUT:
        # a sentence that only announces an ask goes first ("I would now like to ask you
        # something properly professional"): kept without the ask, it promises nothing
        # and a question put to the reader is kept over a wish stated ("I frame oak buildings
        # and want to learn tar making. Would you consider taking an apprentice?")
        order = sorted(
            reversed(range(len(sentences))),
            key=lambda i: (
                not _ANNOUNCES_RE.search(sentences[i].text),
                sentences[i].asks and sentences[i].text.endswith("?"),
            ),
        )
        left_one_out = {
            i: (_said_in_turn(kept), any(s.asks for s in kept))
            for i in order
            if asking != [sentences[i]] and i + 1 not in leaning
            for kept in [sentences[:i] + sentences[i + 1 :]]
        }
        # what of theirs caught the writer's eye ("You told me at the Gävle careers evening
        # that your team still walks every claim on foot…") is cut shorter, with the ask, before
        # it is left out: readers marked held-out 57's note without it for an edit. Not a
        # recruiter's, whose offer comes first.
        speaks_to_them = _YOU_RE.search(sentences[0].text) is not None
        without_first = left_one_out.pop(0, None) if speaks_to_them and not offers else None
        variants += left_one_out.values()
    if (
        len(sentences) > 3
        and asking
        and not sentences[0].asks
        and not _LEANS_RE.search(
            asking[0].text  # "Would you be open to a call about them?" needs what "them" is
        )
    ):
        # "We were on the same design team… I'd like to ask if you'd be up for a call.": the
        # first thing said and the first thing asked, where all of it runs over; after the
        # rest without the first, which says who writes and why (a review: "Your keynote… was
        # the best talk of the week. Would you be open to a short call?")
        if without_first is not None:
            variants.append(without_first)
            without_first = None
        variants.append((_said_in_turn([sentences[0], asking[0]]), True))
    if (
        asking
        and not sentences[0].asks
        and not _leans_back(_HEDGE_RE.sub(" ", asking[0].text))  # not "if open to it"
        and sentences.index(asking[0]) not in leaning - {1}
    ):
        # Cut to the limit, the first thing said and the ask, each whole or shorter, before
        # either alone: "We shared a lab bench at Uppsala. I'd love to reconnect and swap notes
        # on eel ladders." Readers marked notes that kept one sentence of a longer reason vague:
        # 1 of held-out 40's 10 notes of 200 characters was to send.
        asks_kept = [
            ask
            for ask in [asking[0].text, *asking[0].shorter][:_MOST_FORMS]
            # "I work in customer support and hope to move to your team" asks nothing; "which
            # ratio she uses", with the sentences between cut, leaves who she is out
            if (ask == asking[0].text or _asks(ask))
            and not _SHE_OR_HE_RE.search(ask)
            and not _ENDS_LOOSE_RE.search(ask)
        ]
        opening_kept = [
            opening
            for opening in [sentences[0].text, *sentences[0].shorter][:_MOST_FORMS]
            if _opens_alone(opening, context)
            and not _ENDS_LOOSE_RE.search(opening)
            # a cut keeps its verb: not "Marta Kowal, a potter we both know."
            and (opening == sentences[0].text or _has_finite_verb(opening.split()))
        ]
        for ask in asks_kept:
            for opening in opening_kept:
                combined = f"{opening} {_capitalised(ask)}"
                if (opening, ask) != (sentences[0].text, asking[0].text) and (
                    utf16_len(_HEDGE_RE.sub(" ", combined)) < context.max_chars
                ):
                    if without_first is not None and not _first_clause(opening, sentences[0]):
                        # a cut inside a clause may leave a fragment ("Your thesis showed that
                        # cities.") or turn its sense ("…can get a boat loan from a bank.")
                        variants.append(without_first)
                        without_first = None
                    variants.append((combined, True))
                    openings[combined] = opening
    if without_first is not None:
        variants.append(without_first)
    alone = [s for s in ordered if sentences.index(s) not in leaning]
    variants += [(s.text, s.asks) for s in alone] if len(sentences) > 1 else []
    variants += [(cut, s.asks) for s in alone for cut in s.shorter]
    # Each without its asides in brackets first: a bracket reads as the writer's aside pasted in
    # ("(queue was huge)", "(~2008?)"); readers sent 11% of the plain notes that held one, 28% of
    # the rest. Then as typed; then without any bracket, before a sentence is given up: "(free
    # trial session)" may be what a rule refuses, or what overflows the limit.
    forms = [
        (pair, text)
        for text, asked in variants
        for pair in (
            _without_brackets(text, asked),
            (text, asked),
            (BRACKETED_RE.sub("", text).strip(), asked),
            (_HEDGE_RE.sub(" ", BRACKETED_RE.sub("", text).strip()), asked),
        )
        if pair[0]
    ]
    variants = [pair for pair, _ in forms]
    opened = {pair[0]: openings[text] for pair, text in forms if text in openings}
    unique = dict(reversed(variants))  # the first of each text decides whether it asks
    return _Reason(
        tuple(dict.fromkeys(text for text, _ in variants)),
        asks=asks,
        set_aside=tuple(item.text for item in reading.notes if item.why == "note_to_self"),
        asking=frozenset(text for text, asked in unique.items() if asked),
        whole=whole,
        openings=opened,
        own_asks=tuple(
            form for s in asking for form in [s.text, *s.shorter] if form == s.text or _asks(form)
        ),
    )


def _first_clause(opening: str, sentence: _Sentence) -> bool:
    """Whether ``opening`` keeps ``sentence``'s main clause and speaks to the reader: the whole
    sentence, its part before a comma, or any cut of one that opens on "you" and its verb ("You
    told me at the Gävle careers evening that your team still walks every claim on foot." of
    "… on foot with the owner before paying"); not a cut after a subject that may lose its verb
    ("Your thesis showed that cities." of "…cities that plant trees along… keep…")."""
    words = sentence.text.split()
    kept = (
        opening == sentence.text
        or sentence.text.startswith(f"{opening[:-1]}, ")
        or (len(words) > 1 and words[0].lower() == "you" and _is_finite_verb(words[1], words[0]))
    )
    return kept and _YOU_RE.search(opening) is not None


_SHE_OR_HE_RE = re.compile(r"\b(?:she|he|her|him|his|hers)\b", re.IGNORECASE)
# A post on offer: "…needs a relief master for summer 2027", "its plant manager post seems made
# for someone with your record", "is hiring a lead tutor".
_SEEKS_RE = re.compile(r"\b(?:needs?|hiring|looking for|seeks|seeking|recruiting)\b", re.I)
_POST_RE = re.compile(
    r"\b(?:lead|master|manager|head|director|engineer|role|post|position|job|opening|vacancy|"
    r"tutor|curator|officer|chief|specialist|skipper|captain|coordinator|supervisor|technician|"
    r"instructor|trainer|conservator|researcher|scientist|analyst|architect)\b",
    re.I,
)
# Praise of the reader's work, which may name a post ("your article on why every startup needs a
# head of data"), offers none.
_THEIR_WORK_FIRST_RE = re.compile(r"\s*your\b", re.I)
_POST_ITSELF_RE = re.compile(r"\b(?:role|post|position|job|opening|vacancy)\b", re.I)
_MADE_FOR_RE = re.compile(r"\b(?:made for|suits?|would suit|fits?)\b", re.I)


def _offers(sentence: str) -> bool:
    """Whether ``sentence`` offers a post; read once from the first word that seeks one, and
    from the first that names one."""
    if _THEIR_WORK_FIRST_RE.match(sentence):
        return False
    seeks = _SEEKS_RE.search(sentence)
    if seeks is not None and _POST_RE.search(sentence, seeks.end()):
        return True
    post = _POST_ITSELF_RE.search(sentence)
    return post is not None and _MADE_FOR_RE.search(sentence, post.end()) is not None


# A hedge between commas, which a note cut to its limit does without before it gives up a
# sentence: "…would value learning, if you are ever willing, how you choose skins".
_HEDGE = (
    r", (?:if|when|whenever) (?:you(?:'re| are| were|'d be| would be)? |it(?:'s| is)? )?"
    r"(?:ever |at all )*(?:willing|open to (?:it|that)|possible|okay|comfortable|interested|"
    r"up for it|have (?:the |a )?(?:time|moment|minute|chance))"
)
_HEDGE_RE = re.compile(_HEDGE + r", (?=\w)", re.IGNORECASE)
# A cut that ends on the hedge has lost what it hedged: "…and learning, if you are ever willing."
_ENDS_ON_HEDGE_RE = re.compile(_HEDGE + r"[.,]?$", re.IGNORECASE)


_ANNOUNCES_RE = re.compile(
    r"\b(?:ask you|have) (?:something|a (?:quick |small |big )?(?:question|favou?r|request))"
    r"(?: (?!about\b|on\b|in\b|for\b)[\w-]+){0,2}[.!]$",
    re.I,
)


_MOST_FORMS = 6
"""The forms of the first sentence and of the ask paired, each: the longest, so a long hostile
reason makes at most 36 pairs, not one per cut of each."""
# A cut that ends loose: "…and, later on", "…and".
_ENDS_LOOSE_RE = re.compile(r"(?:\b(?:and|or|but|then|later on)|,)\W*$", re.IGNORECASE)


def _opens_alone(opening: str, context: Context) -> bool:
    """Whether the reason's first sentence may open a note cut down to it and the ask: not
    where it names the reader ("Ain and I shared a flat"), which the whole reason says in its
    own order."""
    named = {w.lower() for w in words_of_name(context.recipient.name)}
    named |= {w.lower() for w in reader_named_in_latin(opening, context)}
    return not (_content(opening) & named)


def _tells_hook_again(opening: str, hook: _Hook) -> bool:
    """Whether ``opening`` shares a word with what ``hook`` tells: "You keep leaving thoughtful
    comments." after "you have left comments on several of my posts"."""
    told = _content(hook.said) - _SAYS_NOTHING_MORE - _PRONOUN_FORMS
    return not stems_of(told).isdisjoint(stems_of(_content(opening) - _PRONOUN_FORMS))


def _without_brackets(text: str, asks: bool) -> tuple[str, bool]:
    """``text`` without its asides in brackets, and whether it still asks."""
    bare = BRACKETED_RE.sub(lambda m: "" if _is_aside(m, text) else m.group(), text)
    return bare.strip(), asks and ("?" in bare or _asks(bare) or "?" not in text)


def _is_aside(bracket: re.Match[str], text: str) -> bool:
    """Whether a bracket reads as the writer's aside ("(queue was huge)", "(~2008?)", "(in-house)")
    rather than something said to the reader: not one that asks ("(any chance you'd share the
    slides?)") or exclaims ("(with credit!)"), names someone or something the sentence does not
    name already ("(Ben)", "(Madrid, remote ok)"; not "Miyo raves (not an intro, Miyo only
    mentioned her)"), holds what a question asks about ("protocol (depth, timing, storage)?"),
    or ends a word ("post(s)")."""
    inside = bracket.group(1).strip()
    asked = inside.endswith("?") and len(inside.split()) > 2
    outside = set((text[: bracket.start()] + text[bracket.end() :]).split())
    named = any(
        word[:1].isupper() and not _I_RE.match(word) and word.strip(",.;:") not in outside
        for word in inside.split()
    )
    in_question = text[bracket.end() :].lstrip()[:1] == "?"
    if bracket.group()[:1].isspace() and _DOUBT_RE.search(inside):
        return True  # "(prob not… still worth asking?)": the writer asks themself
    if bracket.group()[:1].isspace() and says_how_the_name_is_written(inside):
        return True  # "(her profile spells it in Lao script)", however many names it holds
    return bool(
        bracket.group()[:1].isspace()
        and inside
        and not (asked or _ASKING_BRACKET_RE.match(inside) or _asks(inside))
        and not inside.endswith("!")
        and not named
        and not in_question
    )


_ASKING_BRACKET_RE = re.compile(r"(?:and |or |to |also )?ask\b", re.IGNORECASE)
# "(prob not… still worth asking?)"; not "(probably not before June)", a condition.
_DOUBT_RE = re.compile(r"\b(?:still |even )?worth (?:asking|a try|a shot)\?", re.IGNORECASE)
_I_RE = re.compile(r"I(?:['’]|$)")


# The most words a part of a reason typed as notes, without a comma, a stop or a dash, may have
# to be read as a sentence: past it, it is notes run together ("sarantuya runs the felt
# programme in tsetserleg and I sit in our berlin office we only know each other from…", 69
# words), which no cut of it says well. The longest such sentence across the suites is 31 words.
_MOST_WORDS_UNBROKEN = 40
_BREAK_RE = re.compile(r"[,;:()–—]|\s-\s")


class _ReasonParts(NamedTuple):
    """The reason as the plain note reads it."""

    sentences: list[tuple[_Sentence, str]]
    """Its parts as sentences to the reader, each with the part it was made of."""
    unread: list[str]
    """The parts no sentence was made of."""
    notes: list[LeftOut]
    """Its links and notes to self, left out before it was read, and the parts of jotted notes
    held back after it was read (``_meant_for_them``)."""


def _read(context: Context, lead: str) -> _ReasonParts:
    text, notes = _cleaning(context)
    if not text:
        return _ReasonParts([], [], notes)
    text = _seen_news(text, to_reader(text, context, they_is_reader=True))
    text = _without_attribution(text, context)
    parts = [
        q.strip(" .")
        for chunk in _chunks(text)
        for p in _split_and_i(chunk)
        for q in _ASIDE_RE.split(p)
    ]
    if _money_kept_out(notes):
        parts = _without_money(parts, notes)
    sentences: list[tuple[_Sentence, str]] = []
    unread: list[str] = []
    as_notes = typed_as_notes(context.reason)
    for part in parts:
        part, tail = _without_afterthought(part)
        if tail:
            unread.append(tail)
        if as_notes and len(part.split()) > _MOST_WORDS_UNBROKEN and not _BREAK_RE.search(part):
            unread.append(part.strip(" ,"))  # notes typed on without a stop: no sentence
            continue
        if (described := _DESCRIBED_FIRST_RE.match(part)) is not None:
            # "my landlady's daughter from the year i rented in pedan, you re-tied my sarong":
            # who they are to the writer, then what they did; the deed is the sentence
            unread.append(described.group(1))
            part = part[described.end() :]
        if (sentence := _part_sentence(part, lead)) is not None:
            head, *after = _HEAD_RE.split(part, maxsplit=1)
            kept = stems_of(_content(head))
            labelled = part[len(head) : len(head) + 1] == ":"
            if labelled and len(head.split()) <= _MAX_LABEL_WORDS:
                pass  # "Update: I got the job", "JD: …": a label, not a part of its own
            elif after and 2 * len(kept & stems_of(_content(sentence.text))) < len(kept):
                # "both TIQXMMI grads, she finished…": the sentence is what followed the comma
                if not labelled and (said := _part_sentence(head, lead)) is not None:
                    sentences.append((said, head.strip(" ,")))
                elif _apposition(sentence.text):
                    # "parisa makes giveh in paveh, the knitted cotton shoes on…": what it
                    # describes is not read, so neither is it
                    unread.append(part.strip(" ,"))
                    continue
                elif (
                    len(head.split()) > 1
                    and not sentence.asks
                    and _ENDS_POINTING_BACK_RE.search(sentence.text)
                ):
                    # "say lei not leialoha, she told everyone that": alone, "that" means nothing
                    # (not "yes, take her up on it", "…, would love her take on it")
                    unread.append(part.strip(" ,"))
                    continue
                else:
                    unread.append(head.strip(" ,"))
            sentences.append((sentence, part.strip(" ,")))
        elif sentences and (said := _with_detail(sentences[-1][0], part)) is not None:
            sentences[-1] = (said, f"{sentences[-1][1]}, {part.strip(' ,')}")
        elif part.strip(" ,"):
            unread.append(part.strip(" ,"))
    if as_notes:
        keeps_back = _keeps_back(notes, parts)
        sentences, held = _meant_for_them(sentences, context, keeps_back=keeps_back)
        notes = [*notes, *(LeftOut(why="held_back", text=part) for part in held)]
    return _ReasonParts(sentences, unread, notes)


# A description of the reader as a person before a comma and what they did, their name perhaps
# first: "tukiyem, my landlady's daughter from…, you re-tied my sarong"; not "my team shipped your
# library, you saved us months".
_DESCRIBED_FIRST_RE = re.compile(
    r"((?:[^\W\d_][\w'’-]*, )?(?:my|our|the) (?:[\w'’-]+ ){0,2}?(?:daughter|son|wife|husband|"
    r"sister|brother|cousin|aunt|uncle|niece|nephew|neighbou?r|landlady|landlord|flatmate|"
    r"roommate|housemate|classmate|friend|teacher|tutor|mentor|lady|guy|woman|man|girl|boy|"
    r"chap|bloke|host|guide)\b(?: (?:from|at|in|of|who|that|with|next|down|across|on|back)\b"
    r"[^,;:()]*)?), (?=you (?!and\b))",
    re.I,
)


def _apposition(text: str) -> bool:
    """Whether ``text`` is a noun phrase alone, with no verb that is nothing else ("the knitted
    cotton shoes on pressed rag soles"; not "the talk on pricing was great")."""
    words = text.rstrip(".!?").split()
    return words[0].lower() in ARTICLES and not any(
        word.lower() in _AUXILIARIES
        or (_is_finite_verb(word, words[i - 1]) and "noun" not in word_classes(word.lower()))
        for i, word in enumerate(words)
        if i
    )


def _keeps_back(notes: list[LeftOut], parts: list[str]) -> bool:
    """Whether jotted notes show the writer keeping things back: a note to self that keeps
    something out ("zip it on that"), or a part that says so ("one awkward thing I'm not
    touching, …"); not a note on style ("keep it short", "no hard sell")."""
    return any(
        note.why == "note_to_self" and _KEEP_OUT_NOTE_RE.search(note.text) for note in notes
    ) or any(_KEPT_BACK_PART_RE.search(part) for part in parts)


def _meant_for_them(
    sentences: list[tuple[_Sentence, str]], context: Context, *, keeps_back: bool
) -> tuple[list[tuple[_Sentence, str]], list[str]]:
    """The sentences of a reason typed as notes that are meant for the reader, and the parts
    held back. Jotted notes mix what to say with what the writer only reminds themselves of
    ("her parents' shop closed with debts, not a topic"), and no list of phrasings names every
    way of keeping a thing back; so once one asks, or the writer ``keeps_back`` something, a
    sentence is said only when something shows it is meant for them (``_shows_it_is_meant``),
    never when it names them (how to say their name), and a misfortune only when the ask is
    about it. With neither there is no telling what is meant, so only misfortunes are held
    back."""
    asks = [_wishes(sentence, part) for sentence, part in sentences]
    strict = any(asks) or keeps_back
    offers = context.scenario == "recruiter_outreach"
    public = stems_of(_content(_public_text(context)))
    name = _content(" ".join(words_of_name(context.recipient.name)))
    said = []
    for index, (sentence, part) in enumerate(sentences):
        after = sentences[index + 1][0] if index + 1 < len(sentences) else None
        leaned_on = after is not None and asks[index + 1] and _ASK_LEANS_RE.search(after.text)
        if not strict:
            meant = not _MISFORTUNE_RE.search(part)
        else:
            meant = bool(
                asks[index]
                or leaned_on  # "his cluster failed over twice. want to ask how he fixed that"
                or (
                    # a recruiter's post to fill: "our orkney ferries need a relief master"
                    (_shows_it_is_meant(sentence.text, public) or (offers and _offers(part)))
                    and not _MISFORTUNE_RE.search(part)
                    and not _KEPT_BACK_PART_RE.search(part)
                    and not name & _content(sentence.text)
                )
            )
        if meant:
            said.append(index)
    held = [part for index, (_, part) in enumerate(sentences) if index not in said]
    return [sentences[index] for index in said], held


def _wishes(sentence: _Sentence, part: str) -> bool:
    """Whether a sentence of jotted notes asks the reader for something: made as an ask with a
    wish in it, or, when it tells no misfortune, a wish of the writer's the notes leave unmade
    ("and want your eyes on it") or a question put to the reader."""
    text = sentence.text
    if (sentence.asks or _asks(text)) and _WISH_WORD_RE.search(text):
        return True
    if _CLIENT_WANTS_RE.match(text):
        return True  # "My client brand wants an artist in residence…": what a recruiter offers
    unmade = _UNMADE_WISH_RE.search(text) or any(
        _YOU_RE.search(question) and not _GUESS_RE.search(question)
        for question in re.split(r"(?<=[.!?])", text)
        if question.endswith("?")
    )
    return bool(unmade) and not _MISFORTUNE_RE.search(part)


def _shows_it_is_meant(text: str, public: frozenset[str]) -> bool:
    """Whether a sentence of jotted notes is one for the reader: a third of its words are what
    the form or the profiles say (a shared word of when shows nothing); or it names public work
    or the role on offer, good news of theirs, or speaks to them or of the two of them, or says
    what the writer's firm does."""
    # a list in brackets details the sentence, it is not what it is about: "…for generations
    # (cut-cloth elephants, parrots, suns, all hand stitched)"
    words = stems_of(_content(_IN_BRACKETS_RE.sub("", text)) - _SAYS_NOTHING_MORE)
    shared = len((words & public) - _TIME_STEMS)
    return bool(
        (shared and 3 * shared >= len(words))
        or _OPEN_WORK_RE.search(text)
        or _GOOD_NEWS_RE.search(text)
        or _TO_THEM_RE.search(text)
    )


# A list in brackets, of things, not of who did what: "(cut-cloth elephants, parrots, suns)".
_IN_BRACKETS_RE = re.compile(
    r"\((?![^()]*\b(?:I|me|my|she|he|her|his|they|them|we|us|you|your)\b)[^(),]*(?:,[^(),]*){2,}\)",
    re.I,
)
# Words of when, which any two texts may share ("my late review" and "Lately: backpressure"):
# sharing one shows nothing.
_TIME_STEMS = stems_of(
    frozenset(
        ["last", "late", "lately", "next", "now", "new", "soon", "ago", "today", "week", "weeks",
         "month", "months", "year", "years"]
    )
)  # fmt: skip


# A wish in a sentence made as an ask: "I'm sorry about your divorce" is made like one, but asks
# for nothing.
_WISH_WORD_RE = re.compile(
    r"\b(?:want|wanna|like|love|ask|hope|would|could|can|keen|curious|interested|open|offer|"
    r"hear|learn|know|see|follow|share|stay|keep|connect|chat|talk|swap|invite|tell|say|thank|"
    r"congrat\w*|need|(?:I'm|I am|we're|we are|I'd be|we'd be) (?:happy|glad) to)\b|\?",
    re.IGNORECASE,
)


# A wish of the writer's, in words a jotted note leaves unmade as an ask: "and want your eyes on
# it", "I've been curious for ages how you…", "looking for a junior spot", "Selin wants me to ask
# you…"; said by the writer (at the start, or after "I", "we", "and"…), not of others ("he's
# looking for a new job", "my brother is applying for asylum").
_UNMADE_WISH_RE = re.compile(
    r"(?:^|\b(?:I|we|I'm|we're|I am|we are|I've been|we've been|been|and|also|so|just|now|"
    r"really|still|but)\s+)"
    r"(?:(?:really|just|also|still|quite|so|very|more)\s+)?"
    r"(?:(?:want(?:ed)?|wanna|hop(?:e|ing)|keen|need) (?:to|you|your|him|his|her|them|their|"
    r"someone|a|an|some|more|on)\b"
    r"|(?:curious|wondering|wonder)(?: \S+){0,3} (?:about|how|what|why|whether|if|who|where|"
    r"when)\b"
    r"|looking (?:for|to)\b|thinking of you for\b|offer(?:ing)? (?:to|you)\b"
    # "i'm after an apprenticeship or any bench work": what the writer is looking for
    r"|after (?:an? |any |some )(?:[\w-]+ ){0,2}(?:apprenticeship|internship|job|role|work|"
    r"position|placement|spot|opening)\b"
    r"|(?:happy|glad) to\b|applying (?:for|to)\b|(?:have )?(?:a|one) (?:question|q) (?:about|on|"
    r"for)\b)"
    r"|\bwants (?:us|me) to\b|\bwants us\b"
    r"|\bask (?:you|if|whether|how|what|about|for)\b",
    re.IGNORECASE,
)
# A guess of the writer's that only looks like a question to the reader ("you were later I
# think?").
_GUESS_RE = re.compile(r"\b(?:I think|I guess|I believe|I reckon|right)\?$", re.IGNORECASE)


# Misfortune, trouble and shame, the reader's, the writer's or someone else's: a first note to a
# near-stranger says none of it, whatever else the sentence holds ("the yard let me go after the
# fire", "her parents' shop closed with debts"). Written from the private matters readers of
# held-out 21 to 36 marked as notes to self, with the senses their clauses to say gave these
# words left out ("lost touch", "rides through fine", "saved us a breakdown").
_MISFORTUNE_RE = re.compile(
    r"\b(?:died|dies|dying|death|dead(?! letter)|passed away|funeral|grief|grieving|widow\w*|sick|"
    r"ill(?!-)|"
    r"illness|cancer|chemo|operation|surgery|hospital\w*|diagnos\w*|burn ?out|burnt out|"
    r"nervous breakdown|had a breakdown|depress\w*|rehab|pregnan\w*|miscarr\w*|divorc\w*|"
    r"separated|split (?:up|from)|(?:they|she|he|we) split|breakup|broke up|affair|"
    r"ex-?(?:wife|husband)|(?:her|his) ex|(?<!tech )(?<!technical )debts?|bankrupt\w*|"
    r"(?:i'm|we're|is|was) broke|owes? (?:me|us)|owed (?:me|us)|loan|fired|laid off|laying off|"
    r"let (?:me|him|her|them|us|you) go\b(?! (?:first|ahead))|"
    r"(?:gets?|got|was|were|be|being) let go|"
    r"layoffs?|sacked|dismiss\w*|redundan\w*|"
    r"(?:a|big|the) fight|fought with|shouting|argument|argued|fell out|falling out|feud|"
    r"blamed?|accus\w*|complain\w*|lawsuit|sued|suing|(?:a|the) fine|fined|scandal|ghosted|"
    r"copied|plagiar\w*|without asking|apolog\w*|mistake|screwed up|messed up|embarrass\w*|"
    r"mortif\w*|ashamed|guilty|awful|cracked|failed(?! over)|rejected|lost(?! touch)|losing|"
    r"rumou?r\w*|"
    r"gossip|let slip|in confidence|hasn'?t told|hadn'?t told|doesn'?t know yet|nobody knows|"
    r"secret)\b",
    re.IGNORECASE,
)
# A note to self that keeps something out: "not a word on who pays us", "zip it on that", "zero
# mention", "leave the merger out" (not "keep it short", "no hard sell", "mention the meetup").
_KEEP_OUT_NOTE_RE = re.compile(
    r"\b(?:not a (?:word|peep)|zip it|(?:zero|no) mention|(?:don'?t|do not|never|not) (?:mention|"
    r"bring|say|touch|go into|raise)|leave (?:\S+ ){0,4}(?:out|alone)|keep (?:\S+ ){0,4}(?:out|"
    r"quiet|private|off)|steer clear|stay(?:s)? (?:out|off|away)|off limits|private|"
    r"not (?:for|in) (?:the|this) (?:note|msg|message)|not (?:touching|mentioning|going there)|"
    r"nothing (?:about|on) (?:that|this|it))\b",
    re.IGNORECASE,
)
# A part that says something in it is kept back: "one awkward thing I'm not touching, …".
_KEPT_BACK_PART_RE = re.compile(
    r"\bnot (?:touching|mentioning|bringing (?:it|that|this) up|going (?:there|into it))\b",
    re.IGNORECASE,
)
# What an ask leans on the sentence before it by: "how he fixed that", "ask about them"; not
# "there could be room" nor "ask that you…".
_ASK_LEANS_RE = re.compile(
    r"\b(?:it|them|those|these)\b|\b(?:that|this)(?=[.!?,;]|$|\s+(?:one|thing|problem|bit|part)\b)",
    re.IGNORECASE,
)
# What a note may name as the reader's public work ("your post on…", "his talk") or as the
# role on offer ("client is a vaccine nonprofit"): the reader knows the world can see it.
_OPEN_WORK_RE = re.compile(
    r"(?<!\bour )(?<!\bmy )\b(?:posts?|talks?|papers?|reports?|articles?|videos?|demos?|photos?|"
    r"newsletters?|thesis|books?|podcasts?|panels?|presentations?|webinars?|threads?|blogs?|study|"
    r"studies|surveys?|keynotes?|interviews?|lectures?|pieces?)\b"
    r"|\b(?:a|an|the|this|that|our) (?:\S+ ){0,4}(?:roles?|jobs?|openings?|vacanc(?:y|ies)|"
    r"positions?)\b|\b(?:posted|posting|hiring|recruiting)\b|\b(?:we're|we are) after an?\b"
    r"|^(?:our |my |the )?client(?:['’]s| is| are| (?:wants|needs) (?:an?|someone|to)| has an?)\b",
    re.IGNORECASE,
)
# Good news of the reader's, which a note may congratulate: "she has her own firm now", "he just
# got his level 3 certificate" (not bad news: "her parents' shop closed with debts").
_GOOD_NEWS_RE = re.compile(
    r"\b(?:congrats|congratulations|congratulate|promoted|promotion|launched|won(?!['’])|"
    r"award(?:ed)?|published|graduated|certificate|certified|(?:a|new) record|milestone|"
    r"anniversary|new (?:role|job)|"
    r"(?:his|her|their|your) own (?:firm|shop|yard|business|studio|workshop|practice|lab))\b",
    re.IGNORECASE,
)


# What is said to the reader, of them or of the two of them: thanks, congratulations and praise
# ("Thank you!", "Your FOC work is spot on"); what the reader did or does ("You asked for the
# dataset", "You run 14 pantries"); who the writer is and what is on offer ("I'm moving from
# teaching into design", "It's a paid gig"); what the two of them did ("We worked together on
# the EHR rollout", "I haven't met your cofounder"); and what the writer's firm does ("we do
# linen rental for hotels").
_TO_THEM_RE = re.compile(
    r"^(?:thank|thanks|congrat)"
    # what the two of them did together: "we shared a flat for a whole year"
    # (not "we made a loss", "we spent our grant": the writer's own side of things)
    r"|^we (?:both |once |even )?(?:shared|worked|studied|cooked|ran|built|taught|played|lived|"
    r"trained|carved|sang|toured|volunteered|founded|organi[sz]ed|wrote|roomed|travel+ed|sailed|"
    r"danced|painted|dug|sewed|stitched|wove|baked|brewed|restored)\b(?! out of\b)"
    r"|\bI (?:love|loved|enjoyed|admire|liked|saw|see|read|watched|heard you(?!['’]))\b"
    r"|\b(?:is|was|are|were|would be|'d be) (?:really |so |very )?(?:spot on|exactly what|"
    r"brilliant|excellent|superb|impressive|good|great|helpful|useful|sharp|clever|the best|"
    r"perfect|ideal|a great fit)\b"
    r"|\brings? true\b"
    r"|\byou (?:asked|offered|said|mentioned|told me|posted|wrote|shared|suggested|recommended|"
    r"invited|run|ran|lead|led|teach|taught|built|started|launched|opened|finally opened|"
    r"explained|showed|presented|demoed|gave)\b"
    r"|\byou(?:'re| are) (?:launching|leading|starting|opening|hiring|at|now at|keen|"
    r"interested|open)\b"
    r"|\byou(?:'ve| have) (?:started|launched|opened|joined|moved|commented|replied|posted|"
    r"shared|written)\b"
    r"|\byour (?:\S+ ){0,3}(?:work|research|project|trials?|drills?|routines?|methods?|"
    r"techniques?|protocols?|frameworks?)\b"
    r"|^I(?:'m| am) (?:moving\b|an? (?!bit\b|little\b|lot\b))|^I (?:just )?moved\b"
    r"|^we(?:'re| are) hiring\b"
    r"|^we (?:do|make|build|sell|design|supply|grow|brew)(?: \S+){1,6} for\b"
    r"|^it(?:'s| is) (?:a )?paid\b|\bopens? \d"
    r"|^(?:we|I) (?:worked|studied|met|did|overlapped|talked|spoke|were|lost touch)\b"
    r"|^I haven't met\b"
    r"|\bhappy for you\b",
    re.IGNORECASE,
)


def _public_text(context: Context) -> str:
    """What the form and the profiles say, which a note may say again."""
    recipient, relationship = context.recipient, context.relationship
    return " ".join(
        filter(
            None,
            [
                context.sender.headline,
                context.sender.company,
                recipient.headline,
                recipient.company,
                recipient.location,
                recipient.about,
                *recipient.recent_posts,
                *recipient.skills,
                *recipient.schools,
                relationship.how_we_met,
                relationship.where,
                relationship.when,
                *relationship.mutual_connections,
                *relationship.shared_interests,
            ],
        )
    )


_TAIL_RE = re.compile(r",\s+(?P<tail>[^,()]+)$")
# "then ask wether…": the order the writer means to say things in, before a bare verb
_FIRST_OF_ALL_RE = re.compile(r"^(?:first|firstly|first of all|to start),? (?=(?:I|I'm|I'd|we)\b)")
_THEN_RE = re.compile(r"^(?:and )?(?:then|after that|afterwards),? ", re.IGNORECASE)
# Verbs that say no wish with "you" after them: those of a note on how to write to the reader
# ("use that or her first name", "greet her as…"), and "like" of a comparison ("like you always
# swore")
_NO_WISH_WITH_YOU = frozenset(
    ["use", "say", "greet", "address", "call", "keep", "write", "talk", "skip", "leave", "drop",
     "hide", "avoid", "sign", "spell", "sound", "make", "be", "go", "mention", "open", "start",
     "lead", "end", "thank", "flatter", "pitch", "push", "remind", "like"]
)  # fmt: skip
# "like he always swore he would": a comparison, not a liking ("love it" is one)
_WHO_COMPARES = frozenset(["i", "we", "you", "he", "she", "they", "you're", "we're", "i've"])
# The reader: "you", "your" or "yours" ("how often do you recalibrate?").
_YOU_RE = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_ENDS_POINTING_BACK_RE = re.compile(r"\b(?:that|this|it|those|these)[.!?]*$", re.IGNORECASE)
_TAIL_STARTS = frozenset(
    ["and", "or", "but", "with", "in", "at", "from", "for", "to", "on", "of", "like", "such",
     "including", "especially", "not", "so", "which", "who", "whom", "where", "when", "if", "as",
     "since", "because", "plus", "then", "both", "even", "than", "by", "into", "about", "via",
     "after", "before", "until", "while", "though", "although", "mostly", "mainly", "all",
     "each", "every", "whether", "how", "what", "why", "any", "some", "no"]
) | _SUBJECT_STARTS  # fmt: skip
# Words of the writer's verdict or feeling: a short tail that holds one and no figure or name is
# said to themselves ("huge work", "always thoughtful", "kinda embarassing"). Over held-out 1 to
# 28, readers sent 9% of the plain notes that ended a sentence on a short, verbless tail after a
# comma, against 29% of all.
_VERDICTS = frozenset(
    ["huge", "impressive", "amazing", "brilliant", "sharp", "thoughtful", "useful", "good",
     "great", "nice", "cool", "awesome", "genuinely", "honestly", "really", "always", "super",
     "kinda", "sorta", "embarrassing", "embarassing", "awkward", "insulting", "coincidence",
     "lol", "haha", "ugh", "sadly", "wow", "incredible", "legend", "fan", "stung", "guilty",
     "nervous", "scared", "weird", "desperate", "tbh", "ngl", "massive", "proud", "serious"]
)  # fmt: skip


def _is_verdict(tail: str) -> bool:
    """A short tail with no figure or name that holds the writer's verdict ("really sharp")."""
    return not any(c.isdigit() or c.isupper() for c in tail) and any(
        w.strip(".!?,").lower() in _VERDICTS for w in tail.split()
    )


def _without_afterthought(part: str) -> tuple[str, str]:
    """``part`` without the writer's verdict after its last comma ("…mapped every crab pen in
    the estuary, huge work"), and that verdict: said to the reader it reads as an aside. Only a
    short, verbless tail after a clause with a verb, after the one comma: not a list's item, nor
    a tail that leans on what went before ("…, with a stop in Ghent", "…, not the data")."""
    m = _TAIL_RE.search(part)
    if m is None or part.count(",") > 1:
        return part, ""
    tail = m.group("tail").strip()
    words = tail.split()
    if (
        not 0 < len(words) <= _MAX_DETAIL_WORDS
        or not _is_verdict(tail)
        or tail.endswith(("!", "?"))  # "…, really proud!", "…, ours keeps tripping?"
        or words[0].lower() in _TAIL_STARTS
        or _has_finite_verb(["", *words])
        or any(w.lower().strip(".!?") in _AUXILIARIES for w in words)
        or not _has_finite_verb(["", *part[: m.start()].split()])
    ):
        return part, ""
    return part[: m.start()], tail


def _seen_news(typed: str, told: str) -> str:
    """``told`` with "I saw" before the reader's news and "I see" before their state, where the
    reason said them of "her" or "him": "You're at the water utility now." tells them their own
    news as a bare fact, which readers marked as a pasted form."""
    typed_sentences = _SENTENCE_SPLIT_RE.split(typed)
    told_sentences = _SENTENCE_SPLIT_RE.split(told)
    if len(typed_sentences) != len(told_sentences):
        return told
    out = []
    for was, now in zip(typed_sentences, told_sentences, strict=True):
        clause = _CLAUSE_RE.split(now, maxsplit=1)[0].rstrip()
        if not was.lower().startswith("you") and not _MINE_RE.search(clause) and clause[-1:] != "?":
            told_small = now[0].lower() + now[1:]
            if _NEWS_RE.match(now):
                now = "I saw " + re.sub(r"^you have just", "you've just", told_small)
            elif _STATE_RE.match(now):
                now = "I see " + told_small
            if now.startswith(("I saw ", "I see ")):
                now = _SEEN_ON_RE.sub("", now)  # "I see you're…, saw it on fb.": seen, once
        out.append(now)
    return "".join(out)


# Where the writer saw the news, after it: "…, saw it on fb", "…, saw that on insta".
_SEEN_ON_RE = re.compile(
    r",\s+(?:i\s+)?saw (?:it|this|that|the post|the news) (?:on|via) (?:[\w-]+ )?[\w-]+"
    r"(?:\.[a-z]{2,})?(?=[.!?]?\s*$)",
    re.IGNORECASE,
)
# Where the sentence's first clause ends: "you're launching it next month; offer photos?".
_CLAUSE_RE = re.compile(r"[;,:]\s|\s[-–—]\s")
# What the writer knows first-hand, not as news: "you joined my team", "you just asked me to…".
_MINE_RE = re.compile(r"\b(?:me|my|us|our|mine|ours)\b", re.IGNORECASE)
# Sentences, with what parts them kept (split keeps the separators, so the join is the text);
# arrows are sentence ends already, written so by the cleaning before this reads the text.
_SENTENCE_SPLIT_RE = re.compile(r"((?<=[.!?])\s+|\s*\n\s*)")
# The reader's news: "you have just been made head of…", "you just got…", "you moved into L&D".
_NEWS_RE = re.compile(
    r"you(?: have|'ve|’ve)? just (?:got|gotten|become|became|started|joined|launched|opened|"
    r"moved|won|finished|published|announced|made|taken|took|been (?:made|named|promoted|"
    r"appointed|elected))\b|you were just (?:named|made|promoted|appointed|elected)\b|"
    r"you (?:moved|switched) (?:to|into)\b|you (?:started|joined) (?:at |as )?(?:the |a |an )?\w+|"
    # "you got the head of animal care job at the new bird park!"
    r"you (?:got|landed|won|secured) (?:the |a |an )?(?:[\w-]+ ){0,6}(?:job|role|position|post|"
    r"promotion|grant|award|prize|contract|funding|tenure|chair|fellowship|seat)\b",
    re.IGNORECASE,
)
# The reader's state as of now: "you're at the water utility now", "you're taking freelance
# work again", "you now do paediatric oncology", "you're hiring for the … team".
_STATE_RE = re.compile(
    r"you(?:'re|’re| are) (?!the |a friend|very |so |too |senior|basically|prob)"
    r"[^.!?,;]*\b(?:now|again|these days)\b|"
    r"you now \w+|"
    r"you(?:'re|’re| are) (?:taking|launching|hiring|sponsoring|moving|starting|running|building"
    r"|looking for)\b",
    re.IGNORECASE,
)


# Where a part of the reason splits into pieces that can go on their own: a comma, a colon or a
# dash outside brackets ("…the hook - comp ~$140k"); inside brackets, their own commas.
_PIECE_RE = re.compile(r"[,:]\s+|\s+[-–—]\s+")
# A piece that points back at what went before it ("…~$90k now, we can beat it") goes with it.
_POINTS_BACK_RE = re.compile(r"\b(?:it|that|this|those|these|which)\b", re.I)
_MIN_PIECE_WORDS = 3
"""Fewer words left of a part than this are no sentence ("salary $2k/mo, remote" -> "remote")."""


def _money_kept_out(left: list[LeftOut]) -> bool:
    """Whether a note to self among ``left`` keeps money out ("no money in the invite")."""
    return any(item.why == "note_to_self" and keeps_money_out(item.text) for item in left)


def _without_money(parts: list[str], notes: list[LeftOut]) -> list[str]:
    """``parts`` without what speaks of money, which a note to self keeps out ("no money in the
    invite"): only the pieces that do where the rest still stands as a sentence, else the whole
    part. What goes is added to ``notes``."""
    kept = []
    for part in parts:
        if not money_spans(part):
            kept.append(part)
            continue
        cut: list[str] = []
        inside = BRACKETED_RE.sub(functools.partial(_bracket_without_money, cut=cut), part)
        rest = _pieces_without_money(inside, cut, _MIN_PIECE_WORDS)
        if rest is None:
            notes.append(LeftOut(why="kept_out", text=part.strip(" ,")))
            continue
        notes += [LeftOut(why="kept_out", text=piece) for piece in cut]
        kept.append(rest)
    return kept


def _bracket_without_money(m: re.Match[str], cut: list[str]) -> str:
    """ " (DSP lead, hybrid, ~₹45L)" -> " (DSP lead, hybrid)"; "" when nothing else is left."""
    inside = _pieces_without_money(m.group(1), cut, 1)
    if inside is None:
        cut.append(m.group(1).strip())
    return f" ({inside})" if inside else ""


def _pieces_without_money(text: str, cut: list[str], min_words: int) -> str | None:
    """``text`` without its pieces that speak of money (added to ``cut``), or None when what is
    left is under ``min_words`` words or points back at a piece left out."""
    if not money_spans(text):
        return text
    depth = list(itertools.accumulate((c == "(") - (c == ")") for c in text))
    pieces, start = [], 0
    for m in _PIECE_RE.finditer(text):
        if depth[m.start()] == 0:  # the separator is outside brackets
            pieces.append((text[start : m.start()], m.group()))
            start = m.end()
    pieces.append((text[start:], ""))
    money = [bool(money_spans(piece)) for piece, _ in pieces]
    after = [any(money[:i]) for i in range(len(pieces))]
    if any(
        not m and a and _POINTS_BACK_RE.search(p)
        for (p, _), m, a in zip(pieces, money, after, strict=True)
    ):
        return None
    rest = "".join(piece + sep for (piece, sep), m in zip(pieces, money, strict=True) if not m)
    rest = rest.strip(" ,-–—")
    if len(rest.split()) < min_words:
        return None
    cut += [piece.strip(" ,") for (piece, _), m in zip(pieces, money, strict=True) if m]
    return rest


SAID_LEAD = "From your reason, the note can say: "
"""Before the reading's sentences, in the app and in ``warmnote context read``."""


@dataclass(frozen=True)
class ReasonReading:
    """How the reason reads to the plain note, shown while the user types it, so a part no
    sentence can be made of is said another way before anything is drafted."""

    said: tuple[str, ...]
    """The reason's sentences as the note could say them (a short limit may cut some)."""
    left_out: tuple[LeftOut, ...]
    """Its links, its notes to self and the parts no sentence could be made of."""
    greets: str | None = None
    """The name the reason says to greet them by ("call her Trang"), which every note uses."""
    ours: tuple[tuple[int, int], ...] = ()
    """Spans in the sentences said (joined by spaces, as ``lines`` shows them) of the words the
    reason does not have: what warmnote wrote in ("I'd like to", "you" for "her"), where a
    misreading hides, so a glance finds them marked."""

    def lines(self) -> list[str]:
        """The reading as the user sees it, in the terminal app and ``warmnote context read``:
        what the note can say, each part left out, the name it greets by when the reason gives
        one, and how to have a part read."""
        lines = [f"{SAID_LEAD}{' '.join(self.said)}"] if self.said else []
        lines += [item.message for item in self.left_out]
        if self.greets is not None:
            lines.append(f"Greets them as {self.greets}, as your reason asks.")
        if any(item.why == "unread" or _asks_to_say(item) for item in self.left_out):
            lines.append("Say a part as you would to them, and the note can use it.")
        return lines


def _asks_to_say(item: LeftOut) -> bool:
    """A note to self that asks for something to be said is left out whole, so what it names
    must be said to them to be in the note."""
    return item.why == "note_to_self" and asks_to_say(item.text)


def reason_reading(context: Context) -> ReasonReading:
    """The reason as the plain note reads it, before any note is built."""
    reading = _read(context, _lead(context))
    said = tuple(_capitalised(sentence.text) for sentence, _ in reading.sentences)
    return ReasonReading(
        said=said,
        left_out=tuple(_left_out(reading)),
        greets=preferred_name(context.reason, context.recipient.name),
        ours=tuple(words_not_in(" ".join(said), context.reason)),
    )


def words_not_in(said: str, typed: str) -> list[tuple[int, int]]:
    """Spans of the words of ``said`` that do not stand in ``typed`` at their place: word by
    word, folded and by stem, with shorthand written out, lined up as a diff lines up lines, so
    a "your" put in for "his" is marked even when "your" stands elsewhere in the reason."""
    said_words = list(_SAID_WORD_RE.finditer(said))
    mine = [_word_key(m.group()) for m in _SAID_WORD_RE.finditer(written_out(typed))]
    if max(len(said_words), len(mine)) > _MAX_MARKED_WORDS:
        return []  # a diff of long texts is slow, and no note has room for them anyway
    theirs = [_word_key(m.group()) for m in said_words]
    kept: set[int] = set()
    matcher = difflib.SequenceMatcher(None, theirs, mine, autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    return [m.span() for i, m in enumerate(said_words) if i not in kept]


def _word_key(word: str) -> str:
    """A word as the marks compare it: folded, each word alone ("I" and "would" stay two), and
    by stem."""
    return stem(fold_chars(word).casefold().replace("’", "'"))


_MAX_MARKED_WORDS = 400
"""The longest reason (in words) whose reading is marked: the app reads 2,000 characters at most."""
# A word, with any invisible character inside it ("back\u200bpressure" is one word).
_SAID_WORD_RE = regex.compile(r"(?:[^\W_]|\p{Cf})+(?:['’](?:[^\W_]|\p{Cf})+)*")


def reason_left_out(context: Context, note: str | None = None) -> list[LeftOut]:
    """What of the reason a note leaves out: with ``note``, the plain note as built, its links
    and notes to self, the parts no sentence was made of and the sentences it does not say;
    without, a model's draft, only the links, notes to self and the money they keep out, which
    its prompt never held (the bundled packs give it ``$reason_sentence``; a pack of one's own
    with ``$reason`` gives it the reason whole)."""
    reading = _read(context, _lead(context))
    if note is None:
        return list(reading.notes)
    said = stems_of(_content(note))

    def says(text: str) -> bool:
        return stems_of(_content(text) - _SAYS_NOTHING_MORE) <= said

    left = list(_left_out(reading))
    for sentence, part in reading.sentences:
        if says(sentence.text):
            continue
        if any(says(f) for f in [_without_brackets(sentence.text, False)[0], *sentence.shorter]):
            brackets = BRACKETED_RE.finditer(sentence.text)
            left += [
                LeftOut(why="aside", text=b.group(1))
                for b in brackets
                if _is_aside(b, sentence.text) and not says(b.group(1))
            ]
        else:
            left.append(LeftOut(why="cut", text=part))
    return left


def notes_to_self_of(context: Context) -> list[str]:
    """The reason's notes to self as its reading finds them, without reading the rest of it."""
    return [item.text for item in _cleaning(context)[1] if item.why == "note_to_self"]


def _left_out(reading: _ReasonParts) -> Iterator[LeftOut]:
    yield from reading.notes
    yield from (LeftOut(why="unread", text=part) for part in reading.unread)


def still_left_out(left: list[LeftOut], note: str) -> list[LeftOut]:
    """``left`` without the parts ``note`` now says, in the user's own words after an edit: half
    of a part's words (by stem) count, as "how do you test lag alerts?" says "I'd also like to
    hear how you test lag alerts"."""
    said = stems_of(_content(note))
    return [
        item
        for item in left
        if item.why == "note_to_self"
        or len((words := stems_of(_content(item.text))) - said) > len(words) // 2
    ]


def _lead(context: Context) -> str:
    """How the context's bare verb phrases are led in ("I'd like to"), the same on every run;
    the other one where the reason says it already ("…would like to hear how it's going")."""
    lead = _LEAD_INS[_seed(context) % len(_LEAD_INS)]
    typed = context.reason.lower()
    return _other_lead(lead) if f" {lead.split()[1]} to " in f" {typed} " else lead


def _seed(context: Context) -> int:
    """The number that picks the context's lead-in and shape, the same on every run."""
    return zlib.crc32(f"{context.scenario}|{context.recipient.name}|{context.reason}".encode())


def _said_in_turn(sentences: list[_Sentence]) -> str:
    return " ".join([sentences[0].text, *(_capitalised(s.text) for s in sentences[1:])])


def _split_and_i(chunk: str) -> list[str]:
    """ "…, and I'd like to…" as a sentence of its own, unless it leans on the clause before it
    ("…reviewers for our guide, and I'd love you on it")."""
    parts = _AND_I_RE.split(chunk)
    out = parts[:1]
    for part in parts[1:]:
        if part.lower().startswith("ask ") and not _STATED_RE.match(out[-1]):
            out[-1] = f"{out[-1]} and {part}"  # "I'd love to connect and ask how…" is one wish
        elif (len(part.split()) <= _MAX_DETAIL_WORDS + 2 and _LEANS_RE.search(part)) or (
            _ENDS_LEANING_RE.search(part) and _PRONOUN_FIRST_RE.match(out[-1])
        ):
            out[-1] = f"{out[-1]}, and {part}"
        else:
            out.append(part)
    return out


def _with_detail(sentence: _Sentence, part: str) -> _Sentence | None:
    """A statement with a short detail that is no sentence of its own after it ("it does;
    down to 8%" -> "It does, down to 8%."); None when ``part`` is more than a detail, or the
    writer's verdict on it ("kinda embarassing"), which is left out."""
    words = part.split()
    if sentence.asks or sentence.text[-1] != "." or not 0 < len(words) <= _MAX_DETAIL_WORDS:
        return None
    if part.endswith("?") or ": " in part:
        # "worth mentioning our grant?": a question, never a detail ("…, worth…?."); nor is a
        # heading ("…in Elmina, demos: later, much later.")
        return None
    if (
        not part[0].islower()
        or _has_finite_verb(words)
        or words[0] in _SUBJECT_STARTS | {"not", "no"}
        or (_is_verdict(part) and sentence.text.count("(") <= sentence.text.count(")"))
    ):
        return None
    return _Sentence(f"{sentence.text[:-1]}, {part}.", False, [])


_LATIN_NAME_RE = regex.compile(r"[\p{Latin}\p{M}\d\s'’.&-]+")


def _as_named(text: str, context: Context) -> str:
    """``text`` with the names the context spells typed in small letters spelt its way: "how
    qvevri pay is going" -> "how Qvevri Pay is going", "gergely" -> "Gergely" of a mutual
    connection, "cebu" -> "Cebu" of "Cebu City", "thornfield" -> "Thornfield" of "Thornfield
    Building Society" (names made of English words only, such as "Open Table", are left as
    typed)."""
    rel, recipient = context.relationship, context.recipient
    fields = [
        recipient.company,
        context.sender.company,
        rel.where,
        recipient.location,
        *recipient.schools,
        *rel.mutual_connections,
    ]
    spelt = [name for field in fields for name in (p.strip() for p in (field or "").split(","))]
    # a person's or a place's own word ("Cebu City"), not a company's ("API Docs")
    words = [
        word
        for field in [recipient.location, *rel.mutual_connections]
        for word in (field or "").replace(",", " ").split()
        if word.lower() not in _FUNCTION_WORDS  # not "The" of The Pas (held-out 54)
    ]
    # and a company's first word when it is a name ("thornfield" of Thornfield Building Society),
    # not a word of the trade the headlines write small ("Tablas Tacuri" of a painter of tablas)
    trade = set(f"{recipient.headline or ''} {context.sender.headline or ''}".split())
    words += [
        first
        for company in (recipient.company, context.sender.company)
        if company
        and len(first := company.split()[0]) > 3
        and not word_classes(first.lower())
        and first.lower() not in trade
    ]
    names = {
        name
        for name in [*spelt, *words]
        if len(name) > 2
        and name != name.lower()
        and not all(word_classes(w.lower()) for w in name.split())
    }  # not "CO" of "Denver, CO", which would make "co-founder" "CO-founder"
    for name in sorted(names, key=len, reverse=True):
        template = name.replace("\\", "\\\\")  # a template: a name's own backslash is escaped
        # as typed without its accents too ("szentgyorgyi" of Szentgyörgyi), a whole name in
        # Latin letters only: not "ostap" for Остап, nor "angel" for Ángel or "cafe" for Café
        bare = anyascii(name).lower() if _LATIN_NAME_RE.fullmatch(name) and " " in name else ""
        if all(word_classes(w) for w in bare.split()):
            bare = ""
        for typed in dict.fromkeys(filter(None, [name.lower(), bare])):
            text = re.sub(rf"(?<![\w-]){re.escape(typed)}(?![\w-])", template, text)
    return text


def _chunks(text: str) -> list[str]:
    """The sentences and ";" parts of a field: "the roles just opened. I applied" is two, "ask
    Dr. Lund" and "at St. Aldric's" one."""
    out: list[str] = []
    for piece in text.split(";"):
        held = ""
        segments = re.split(r"(?<=[.!?])\s+", piece.strip())
        for at, segment in enumerate(segments):
            held = f"{held} {segment}" if held else segment
            # "…for summer 2027 (2027? yes, checked)": a question inside brackets ends no
            # sentence, where the bracket closes later in the piece (held-out 49)
            if segment.count("(") > segment.count(")") and any(
                ")" in later for later in segments[at + 1 : at + 3]
            ):
                continue
            last = (held.rstrip(".!?").split() or [""])[-1].lstrip("([\"'“‘")  # "(ep. 12"
            abbreviation = held.endswith(".") and (
                (last.lower() in TITLES | _ABBREVIATIONS and last not in _NOT_ABBREVIATED)
                or "." in last
            )
            if (
                held.endswith((".", "!", "?"))
                and not abbreviation
                and (len(last) > 1 or last.isdigit())
            ):
                out.append(held)
                held = ""
        if held:
            out.append(held)
    return out


def _without_attribution(text: str, context: Context) -> str:
    """The reason without "X suggested"/"X said" unless how they met says so: a note should not
    put words in a mutual connection's mouth. "Rahul suggested I ask you how..." becomes "ask you
    how...", "Chen thought you could advise..." becomes "I hear you could advise..."; "Sofia
    mentioned you reduced wait times at her clinic" becomes "I hear you reduced wait times at her
    clinic", which the guardrails accept only after "we both know Sofia". Only a suggestion to
    write about something, which is this note, stays theirs: "Meera told me to write to you about
    lippan work" becomes "Meera suggested I write to you about lippan work"."""
    m = _attribution(text)
    if m is None:
        return text
    if m.group("who").lower() in (context.relationship.how_we_met or "").lower():
        return text  # how they met says so
    rest = m.group("rest")
    if m.group("verb") in ("suggested", "recommended"):
        action = _SUGGESTED_ACTION_RE.match(rest)
        if action and _writing_about(action.group("action")):
            return f"{m.group('who')} suggested I {action.group('action')}"
        return action.group("action") if action else rest
    if m.group("verb") == "told me" and (told := _TOLD_TO_RE.match(rest)):
        # "Imtiaz told me to reach out to her, says her panels passed…": what they said is heard;
        # what they told me to do is mine to do, unless it is only to write
        to_do, said, after = told.group("action"), told.group("said"), told.group("after") or ""
        if not said and _writing_about(to_do):
            return f"{m.group('who')} suggested I {to_do}{after}"
        if _WRITING_RE.match(to_do):
            to_do = ""  # only to write (writing about something returned above): this note is that
        heard = f"I hear {said}" if said else ""
        if not (to_do or heard):
            return after.lstrip(", ")  # "…told me to write to katerina, everyone calls her that"
        return ". ".join(filter(None, [to_do, heard])) + after
    return "I hear " + rest


def _writing_about(action: str) -> bool:
    """Whether ``action`` is to write to the reader about something ("write to you about your owl
    boxes"): the reason says who suggested this very note, which the note then says too, as "I'd
    like to write to you about…" alone reads odd inside the note that does it (held-out 31, 32
    and 35)."""
    return bool(_WRITING_RE.match(action)) and " about " in action


def _attribution(text: str) -> re.Match[str] | None:
    """ "Rahul suggested I...": a named person the reason attributes it to, or None."""
    m = _ATTRIBUTION_RE.match(text)
    who = m.group("who").split() if m else []
    if m is None or who[0] in ("I", "We", "You") or any(w[0].islower() for w in who):
        return None
    return m


@dataclass(frozen=True)
class _Part:
    """A part of the reason, ready to be read: its words, and a leading adverbial said first."""

    text: str
    prefix: str
    """ "Last week, " of "last week, saw the posting", said before the sentence."""
    lead: str
    """How a bare verb phrase is led in: "I'd like to"."""
    words: list[str]
    first: str
    second: str

    @property
    def classes(self) -> dict[str, str]:
        return word_classes(self.first)

    def made(self, text: str, shorter: list[str] | None = None, *, asks: bool) -> _Sentence:
        return _made(self.prefix, text, shorter or [], asks=asks)


class _Unread(Enum):
    """What a reading returns for a part of another shape: the next reading is tried."""

    UNREAD = auto()


_UNREAD = _Unread.UNREAD
_Reading = Callable[[_Part], _Sentence | _Unread | None]
"""A reading of a part: its sentence, ``_UNREAD`` for a part of another shape (the next
reading tries it), or None for a part no reading may make a sentence of ("which is…")."""


# What a "want …" asks for when it is a thing: "want your take", "want 15 min" (not "want out of
# banking", "want in on her pilot", "want nothing from her").
_WANTED_THINGS = frozenset(
    ["your", "her", "his", "their", "the", "a", "an", "some", "that", "this", "it"]
)
_NOT_WANTED_THINGS = frozenset(["out", "in", "back", "nothing", "more", "everything", "to"])


def _ask_it(p: _Part, what: str) -> _Sentence:
    """ "I'd like to ask {what}", led in otherwise than the sentence before it."""
    return p.made(f"{_other_lead(p.lead)} ask {what}", asks=True)


def _other_lead(lead: str) -> str:
    """The lead-in after ``lead`` among ``_LEAD_INS``."""
    return _LEAD_INS[(_LEAD_INS.index(lead) + 1) % len(_LEAD_INS) if lead in _LEAD_INS else 0]


def _part_sentence(part: str, lead: str) -> _Sentence | None:
    """One part of the reason as a sentence of the note, by what it starts with: a subject
    ("we are hiring..."), a verb ("compare notes..." -> "I'd like to compare notes..."), an
    adjective ("curious what..." -> "I'm curious what...") or a noun phrase. Each reading
    below takes the shapes it knows, in order; None when one refuses it or none knows it."""
    part = part.strip(" ,")
    if (then := _THEN_RE.match(part)) and _is_base_verb(part[then.end() :].split(" ", 1)[0]):
        part = part[then.end() :]  # "then ask if…", not "then the pandemic hit"
    part = _FIRST_OF_ALL_RE.sub("", part)  # "first I'm just curious how…": the writer's order
    m = _LEADING_ADVERBIAL_RE.match(part)
    prefix = ""
    if m is not None:
        prefix, part = (m.group("lead") or m.group("purpose")) + ", ", m.group("rest")
    words = part.split()
    if not words:
        return None
    if _ordinary_capitalised(words[0]):  # "Compare notes on..." is not a name
        part = part[0].lower() + part[1:]
        words = part.split()
    first = words[0].lower().replace("’", "'")
    second = words[1].lower() if len(words) > 1 else ""
    if (
        first == "you"
        and second in _PLACED
        and not part.endswith("?")
        # "you on board for the pilot", "you at the fair next month": asked without a mark
        and _ASKED_UNMARKED_RE.search(part) is None
        and not _has_finite_verb(words[1:])
    ):
        return None  # "me sorting grapes, him down in the cellar": where they were, no sentence
    p = _Part(part, prefix, lead, words, first, second)
    for reading in _READINGS:
        if (said := reading(p)) is not _UNREAD:
            return said
    return None


# "you down in the cellar": where someone was, said after "you" with no verb
_PLACED = frozenset(["down", "in", "on", "at", "out", "over", "off"])
_ASKED_UNMARKED_RE = re.compile(
    r"\b(?:for|next|tomorrow|tonight|soon|this|coming)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)


def _after_connective(p: _Part) -> _Sentence | _Unread | None:
    """ "also heard…", "now she's running…": the rest, and "Now" kept; "please ask if…" is
    the writer's own ask; a relative clause cut from its sentence ("which is exactly…") none."""
    if (
        p.first in _RELATIVES
        and p.second in ("is", "was", "are", "were", "has", "had")
        and p.words[2:3] != ["the"]
    ):
        return None  # "which is exactly…"; not "which tools…?", "who is the right person…?"
    if p.first == "please" and p.second in ("ask", "say", "mention", "tell"):
        return _part_sentence(p.text.split(" ", 1)[1], p.lead)
    if p.first == "thank" and p.second.rstrip(",") == "you" and len(p.words) > 3:
        # "thank her, ask for 30 min…" thanks, then asks: not "I'd like to thank you and ask…"
        joined = p.words[2] == "and"
        ask = " ".join(p.words[3:] if joined else p.words[2:])
        then = _part_sentence(ask, p.lead) if joined or p.second.endswith(",") else None
        if then is not None and then.asks:
            return _Sentence(f"{p.prefix}{_BARE['thanks']} {_capitalised(then.text)}", True, [])
    if p.first == "say" and p.second in ("thanks", "thank", "congrats", "congratulations"):
        if p.words[2:3] in (["and"], ["then"]) and len(p.words) > 3 and p.words[3] != "say":
            # "say thanks and ask how you time it" -> "Thank you! I'd like to ask how…"
            then = _part_sentence(" ".join(p.words[3:]), p.lead)
            if then is not None:
                opening = _BARE["thanks" if p.second.startswith("thank") else "congrats"]
                return _Sentence(f"{opening} {_capitalised(then.text)}", then.asks, [])
        return _part_sentence(p.text.split(" ", 1)[1], p.lead)  # "say thanks" is the thanks
    if (asked := _ASKED_BY_MY_SIDE_RE.match(p.text)) is not None:
        # "my boss Beom-seok wants me to ask you about…": the ask is the writer's now; "my
        # cofounder wants me to 'open the door'" is the writer's own business
        rest = asked.group("rest")
        asks = rest.split(" ", 1)[0].lower() in _ASKS_FOR_MY_SIDE
        return _part_sentence(rest, p.lead) if asks else None
    if p.first == "that" and p.second in _SAID_AFTER_THAT and len(p.words) > 2:
        # "say congrats and that I'll be following her work": what to say, said
        return _part_sentence(p.text.split(" ", 1)[1], p.lead)
    if p.first not in _CONNECTIVES or len(p.words) < 2:
        return _UNREAD
    rest = _part_sentence(p.text.split(" ", 1)[1], p.lead)
    if rest is None or p.first != "now":
        return rest
    text = rest.text if re.match(r"I\b", rest.text) else _small_first(rest.text)
    return rest._replace(text=f"Now {text}", shorter=[])  # "Now I'm…", not "Now i'm…"


_ASKED_BY_MY_SIDE_RE = re.compile(
    r"(?i:my|our) (?i:boss|manager|cofounder|co-founder|vp|ceo|cto|coo|sales lead|team lead|"
    r"lead|director|supervisor)(?: [A-Z][\w-]*)? wants (?:me|us) to (?P<rest>.+)"
)
# What the writer may ask for their side, said as their own ask: "wants me to ask you about…";
# not "wants me to hit quota by March", which is the writer's business.
_ASKS_FOR_MY_SIDE = frozenset(
    ["ask", "learn", "hear", "find", "compare", "reach", "connect", "talk", "chat", "swap"]
)
# "say congrats and that I'll be following her work": what to say; not "That you kept it short
# is what made it stick".
_SAID_AFTER_THAT = frozenset(["i'll", "i'd", "i'm", "i've", "we'll", "we'd", "we're", "we've"])


def _whole_clause(p: _Part) -> _Sentence | _Unread:
    """A clause with a subject of its own, said as typed: "part 3 on permits was the clearest",
    "there's an analyst opening on her team", "later (maybe spring) I could share…"."""
    part, first = p.text, p.first
    if _noun_subject(p.words):
        return p.made(part, asks=_asks(part) or part.endswith("?"))
    if first in _EXISTENTIAL or (first == "there" and p.second in _AUXILIARIES):
        return p.made(part, _cuts(part, clause=True), asks=_asks(part))
    led = _LATER_LEAD_RE.sub("", part).split()[:1] if first in _LATER_LEADS else []
    if led and led[0].lower() in _SUBJECT_STARTS:
        return p.made(part, asks=_asks(part))
    return _UNREAD


def _set_phrase(p: _Part) -> _Sentence | _Unread:
    """Thanks, congratulations, "no pressure", "not asking for…", "didn't get to…", "maybe
    swap…": phrases with a form of their own."""
    part, first, second = p.text, p.first, p.second
    if first == "not" and _is_gerund(second) and not _DASH_RE.search(part):
        return p.made("I'm " + part, asks=_asks(part))  # "not asking for a referral (yet)"
    if (thanks := _gratitude(p.prefix, part, p.lead)) is not None:
        return thanks
    if (said := _BARE_RE.match(part)) is not None:  # "congratulations!", "no pressure"
        return _Sentence(_sentence(_BARE[said.group(1).lower()]), False, [])
    if (cheer := _CHEER_THEN_RE.match(part)) and (then := _part_sentence(cheer["rest"], p.lead)):
        # "congrats and stay in touch" -> "Congratulations! I'd like to stay in touch."
        return _Sentence(f"Congratulations! {_capitalised(then.text)}", then.asks, [])
    if (
        first == "never"
        and (now := _BUT_NOW_RE.search(part)) is not None
        and not _LEANS_RE.search(part[now.end() :])  # "…but now our stack runs on it"
        and (is_now := _part_sentence(part[now.end() :], p.lead)) is not None
    ):
        return is_now  # "never talked shop before but now my firm designs…": what is, now
    if first in _NEGATIONS:  # "didn't get to talk to her after", "don't want to make it weird"
        third = p.words[2].lower() if len(p.words) > 2 else ""
        together = second in _DONE_TOGETHER and third in _AFTER_DONE_TOGETHER
        who = "we" if together else "I"  # "haven't spoken since grad", "haven't met your cofounder"
        return p.made(f"{who} {part}", asks=_asks(part))
    if first == "maybe" and _is_base_verb(second) and second not in _FUNCTION_WORDS | _CUT_BEFORE:
        # "maybe swap dashboards", "maybe ask if…", not "maybe over coffee"
        who = "I" if second in _MINE else "we"
        return p.made(f"maybe {who} could " + part.split(" ", 1)[1], asks=True)
    return _UNREAD


def _client_is(p: _Part) -> _Sentence | _Unread | None:
    """ "client = hydropower operator in Tajikistan, 6-month contract": who the client is, with
    the article a note needs, then the job."""
    if _CLIENT_IS_ONE_RE.match(p.text):
        return p.made("my " + p.text, asks=False)  # "client wants a training lead near galle"
    if (client := _CLIENT_IS_RE.match(p.text)) is None:
        return _UNREAD
    who, _, job = p.text[client.end() :].partition(", ")
    words = who.split()
    if (
        not words[0].islower()
        or words[0].endswith("ing")
        or "adv" in word_classes(words[0])
        or not any("noun" in word_classes(w) for w in words[:3])
    ):
        return _UNREAD  # "client is looking for…", "client is Shell", "client is confidential"
    article = "an" if wants_an(words[0]) else "a"
    return p.made(f"my client is {article} {who}" + (f": {job}" if job else ""), asks=False)


def _ask_to_tell(p: _Part) -> _Sentence | _Unread | None:
    """ "ask if she can tell me who the hiring mgr is" asks it: "Could you tell me who…?", not
    "I'd like to ask if you can tell me…", which asks twice."""
    if (m := _ASK_TO_TELL_RE.match(p.text)) is None:
        return _UNREAD
    return p.made(f"could you tell me {m.group('what').rstrip(' ?.')}?", asks=True)


_ASK_TO_TELL_RE = re.compile(
    r"(?:please |pls )?ask (?:if|whether) you (?:can|could|would|might) tell me (?P<what>\S.*)$",
    re.I,
)


def _headed(p: _Part) -> _Sentence | _Unread | None:
    """ "role: QA lead, Jakarta, hybrid", "Retained search: reservoir engineering manager…";
    "small request: could it show the promo flag too?" is the question."""
    if (client := _CLIENT_ROLE_RE.match(p.text)) is not None:
        # "client role not ours: QA lead at a Makassar e-wallet, fully remote ok"
        return p.made("I'm recruiting for a client: " + p.text[client.end() :], asks=False)
    heading = _HEADING_RE.match(p.text)
    # "q for her: which drills she gives…": whom it is for is no part of what heads it
    head = "" if heading is None else _ASKED_OF_THEM_RE.sub("", heading.group("head").lower())
    if heading is None or not (_is_heading(head) or head in _WISH_HEADS | _ASK_HEADS):
        return _UNREAD
    asked = p.text[heading.end("head") + 1 :].strip()
    words = asked.lower().split()
    headed_again = ":" in asked  # another heading in it: read once, not again
    if head in _PLAN_HEADS:
        # "plan: connect first, then ask for her word lists" is the writer's steps; "plan: ask
        # her for the slides" is the ask
        if _STEPS_RE.search(asked) or headed_again:
            return _UNREAD
        return _part_sentence(asked, p.lead)
    if head in _WISH_HEADS:
        # "want: her Laban scores of the simd", "what i want: how long she leaves…": the wish
        wish = asked.rstrip(" .?!")
        if words[0] in _WH_WORDS | {"whether", "if"}:
            return _ask_it(p, wish)
        if words[0] in _POSSESSIVE_STARTS | ARTICLES | {"to"}:
            return p.made(f"I'd love {_small_first(wish)}", asks=True)
        return _UNREAD
    last = head.split()[-1]
    goal = last in _GOAL_HEADS - _ASK_HEADS
    if (
        goal
        and _is_base_verb(words[0])
        and not headed_again
        and (said := _part_sentence(asked, p.lead)) is not None
    ):
        return said  # "idea: ask how she squares RPE…", "goal: compare notes"
    if goal and words[0] in ARTICLES and asked.endswith("?"):
        # "idea: a chinlone demonstration circle at our festival in may?"
        return p.made(f"would you be up for {_small_first(asked)}", asks=True)
    if last in _ASK_HEADS:
        # "one ask: how long do her chillers hold…" asks it; "main ask: what his team would
        # need", "one ask: whether we could…" is what the writer would like to ask
        inverted = words[0] in _QUESTION_VERBS or bool(set(words[1:3]) & _QUESTION_VERBS)
        if words[0] in _WH_WORDS | _QUESTION_VERBS and inverted:
            return _part_sentence(asked.rstrip(" .?!") + "?", p.lead)
        if words[0] in _WH_WORDS | {"whether", "if"}:
            return _ask_it(p, asked.rstrip(" .?!"))
        if asked.endswith("?") and words[0] in _ELIDED_QUESTION:
            return _part_sentence(asked, p.lead)  # "q: still hiring?"
        if asked.endswith("?") and words[0] not in _QUESTION_VERBS | _SUBJECT_STARTS:
            # "the question: field checking hours per km² of forest?"
            return _ask_it(p, f"about {asked.rstrip(' .?!')}")
    if words[0] in _QUESTION_VERBS | _WH_WORDS:
        return _part_sentence(asked, p.lead) if asked.endswith("?") else None
    if words[0] == "any" and asked.endswith("?") and len(words) > 2 and words[1] not in _ABOUT:
        # "jobs: any project post for transcribing olonkho?": the question is the part, as typed
        return p.made(_small_first(asked), asks=True)
    if words[0] in _SUBJECT_STARTS:  # "Update: I got the job at Brightline"
        return _part_sentence(asked, p.lead)
    if _DEFERRED_RE.fullmatch(asked):
        return None  # "demos: later, much later" (held-out 52): what waits is not said now
    label = _small_first(p.text)
    if label.startswith("the "):
        label = label[len("the ") :]  # "the role: 3-month residency…" is a role to the reader
    if last not in _OFFER_HEADS:
        # "hook: her foot-rot trial, since…" is what the note is about, said without the label
        # the writer filed it under; "vibe: like old times" is how to write it (held-out 55)
        # "your trial, since ours limp…", "your aviaries in kapit — copying those is the plan"
        named = re.findall(r"[\w'’-]+", re.split(r"[,;:—–]|\s-\s", asked, maxsplit=1)[0].lower())
        if (
            words[0] in _POSSESSIVE_STARTS | ARTICLES | {"any", "all"}
            and not _has_finite_verb(named)
            and not set(named) & _TIMES_OF_YEAR  # "deadline: the end of march" names no topic
        ):
            return p.made(f"I'm reaching out about {_small_first(asked)}", asks=False)
        if last in _MANNER_HEADS:
            return None  # "vibe: like old times" is how to write it, not what to say
    first = label.split()[0].lower()
    article = "" if first in ARTICLES | _POSSESSIVE_STARTS else "an " if wants_an(first) else "a "
    return p.made(f"I'm reaching out about {article}{label}", asks=False)


# What a heading may name as the thing the writer reaches out about, said with its label: "the
# post: head vet for a goat network", "favour: your pricing sheet" (not "hook:", "aim:", "vibe:").
_OFFER_HEADS = frozenset(
    ["role", "roles", "post", "job", "jobs", "position", "opening", "openings", "vacancy",
     "search", "project", "commission", "gig", "contract", "residency", "internship",
     "placement", "apprenticeship", "favour", "favor", "offer", "proposal", "collab",
     "collaboration", "partnership", "grant", "opportunity"]
)  # fmt: skip
_TIMES_OF_YEAR = frozenset(full for full, *_ in MONTH_NAMES) | frozenset(
    ["end", "start", "beginning", "middle", "week", "weekend", "month", "spring", "summer",
     "autumn", "winter"]
)  # fmt: skip
# A heading over how the note should sound: "vibe: like old times", "tone: warm".
_MANNER_HEADS = frozenset(["vibe", "vibes", "feel", "tone", "register", "mood", "style", "energy"])
# What a heading says of a thing that waits: "demos: later, much later", "pricing: not yet".
_DEFERRED_RE = re.compile(
    r"(?:(?:much |way )?later|not (?:yet|now)|another time|next time)(?:,? (?:much |way )?later)?"
    r"[.!]*",
    re.I,
)


# A heading that is the writer's wish ("want: her Laban scores…", "what i want: how long…") or
# their plan, which is theirs alone ("plan: connect first, then ask…").
_WISH_HEADS = frozenset(
    [
        "want",
        "what i want",
        "what i'd like",
        "what i would like",
        "what i'm after",
        "what i am after",
    ]
)
_PLAN_HEADS = frozenset(["plan", "the plan", "my plan", "approach", "tactic"])
_STEPS_RE = re.compile(r"\b(?:first|then|later|after(?:wards)?|once|next time)\b", re.I)
# What a heading names when a question follows it: "one ask: how long…", "quick q: can you…".
_ASK_HEADS = frozenset(["ask", "question", "questions", "q", "request", "query"])
# A question typed without its subject and verb, by its first word: "q: worth applying?" is
# "Would it be worth applying?", "q: still hiring?" is "Are you still hiring?".
_ELIDED_QUESTION = {"worth": "would it be", "still": "are you", "currently": "are you"}
_ASKED_OF_THEM_RE = re.compile(r"(?<=\w) (?:for|to) (?:her|him|them|you)$")
_ASK_HEAD_FIRST = frozenset(["one", "my", "the", "a", "quick", "main", "big", "only", "real"])
# "client = hydropower operator in Tajikistan" (written "client is" by then), with no article.
_CLIENT_IS_RE = re.compile(r"client is (?!(?:a|an|the|our|my|based|in)\b)", re.I)
# "client is a geotextile firm…", "client wants a training lead…", "client wants ~40 pieces": a
# sentence that needs its "my"
_CLIENT_IS_ONE_RE = re.compile(
    # "client brand wants an artist in residence": a word of what the client is between
    r"client (?:(?:brand|firm|company|museum|hotel|resort|studio|gallery|school|label) )?"
    r"(?:is an? |(?:wants|needs) (?:an? |someone |to |(?:about |around |some )?\d)"
    r"|is (?:hiring|looking|after|opening|building) |has an? )",
    re.I,
)
_CLIENT_WANTS_RE = re.compile(
    r"My client(?: [\w-]+)? (?:wants|needs|is hiring|is looking for|is after)\b", re.I
)
_CLIENT_ROLE_RE = re.compile(
    r"(?:a |the |our )?client(?:'s|s')? (?:role|job|opening|search|req)"
    r"(?:,? (?:not|isn't|is not) (?:ours|us|mine|our own))?:\s+(?=\S)",
    re.I,
)


def _with_subject(p: _Part) -> _Sentence | _Unread:
    """ "we are hiring…", "your post on pricing was…", "Ana runs…": a clause as typed."""
    if p.first == "you" and p.second == "from":
        return _UNREAD  # "You from the hackathon (GTFS feed guy)": their name, with no verb
    if (
        p.first in _SUBJECT_STARTS
        or (p.first in _POSSESSIVE_STARTS | _NOUN_PHRASE_STARTS and _has_finite_verb(p.words))
        or (p.words[0][:1].isupper() and _has_finite_verb(p.words))
        or _fronted_subject(p.words)
    ):
        # "you said to ping you about sessions: are you free in Jan?" asks already
        return p.made(
            p.text, _cuts(p.text, clause=True), asks=_asks(p.text) or p.text.endswith("?")
        )
    return _UNREAD


def _fronted_subject(words: list[str]) -> bool:
    """Whether ``words`` open with a short phrase of where in the reader's work, or of when,
    and then "you" and a verb: "in your talk you kept boys singing…" (held-out 53), "last week
    you explained…"; not "last thing I want…", nor "in the talk on pricing"."""
    if len(words) < 3:
        return False
    first, second = words[0].lower(), words[1].lower()
    if not (
        (first in _PREPOSITIONS_OF_WHERE and second == "your")
        or (first in ("last", "this") and second in SPANS_OF_TIME)
    ):
        return False  # "on that vet crew you…", "at home you…" are left to the readings below
    for k in range(2, min(len(words) - 1, _MAX_FRONTED_WORDS + 2)):
        if words[k - 1].endswith((",", ";", ":")):
            return False  # a comma's phrase is the leading adverbial's to read
        if words[k].lower() in _ANY_SUBJECT:
            # the reader's deed only: "on site I called you dai…" is the writer's aside
            return (
                words[k].lower() == "you"
                and not _has_finite_verb(words[:k])
                and _has_finite_verb(words[k : k + 2])
            )
    return False


_PREPOSITIONS_OF_WHERE = frozenset(["in", "at", "on", "during", "after"])

_MAX_FRONTED_WORDS = 5
"""The words a phrase of where or when may take before the subject: "at the Kampala hub"."""


# A span of time asked for: "20 min", "30mins", "1 hour", "15 minutes".
_TIME_ASKED_RE = re.compile(r"\d+(?:-\d+)? ?(?:min|mins|minutes?|hrs?|hours?|h)\b.*")


def _question(p: _Part) -> _Sentence | _Unread:
    """ "would you be up for a chat?", "how does she size…?", "20 min sometime?"."""
    part, first, second, prefix = p.text, p.first, p.second, p.prefix
    if first in _QUESTION_VERBS and (
        second in _QUESTION_SUBJECTS
        or (second in _NOUN_PHRASE_STARTS | _POSSESSIVE_STARTS and part.endswith("?"))
    ):  # "did the queue numbers come from the mines?", "could our sensors help?"
        return _Sentence(prefix + part.rstrip(" .?!") + "?", True, [])
    verb_at = 3 if len(p.words) > 3 and "adv" in word_classes(p.words[2]) else 2
    if (
        first == "time"
        and second == "to"
        and len(p.words) > verb_at
        and _is_base_verb(p.words[verb_at])
        and not {w.lower() for w in p.words[verb_at + 1 :]} & _AUXILIARIES
    ):  # "time to connect properly?", "time to properly connect"; not "time to market is…"
        # "time to properly connect" says it is time; "time to connect?" asks
        return p.made("it's " + part.rstrip(" ?!"), asks=part.endswith("?"))
    if part.endswith("?") and first == "maybe" and second in _NOUN_PHRASE_STARTS:
        return _Sentence(f"{prefix}would you be up for {part.split(' ', 1)[1]}", True, [])
    if part.endswith("?") and first in _WH_WORDS | {"any"}:
        asked = part if first != "any" else f"{_there_be(p.words[1:])} {part}"
        return _Sentence(prefix + asked, True, [])
    if part.endswith("?") and len(p.words) <= _MAX_DETAIL_WORDS and first not in _SUBJECT_STARTS:
        if first[:1].isdigit():  # "20 min sometime?"; "30% less power??" is surprise, no ask
            if second in ("quick", "short", "questions"):  # "2 quick questions?"
                return _Sentence(f"{prefix}could I ask {part}", True, [])
            if not _TIME_ASKED_RE.fullmatch(f"{first} {second}".strip(" ?!")):
                return _Sentence(prefix + part.rstrip(" ?!") + "?", False, [])  # as typed
            return _Sentence(f"{prefix}would you have {part}", True, [])
        if first in _NOUN_PHRASE_STARTS | {"coffee", "lunch", "call"}:  # "a quick call?"
            return _Sentence(f"{prefix}would you be up for {part}", True, [])
        noun = p.words[-1].rstrip("?!").lower()
        if (
            len(p.words) > 1  # "paid translation gig?"; not "thoughts?"
            and not noun.endswith("s")
            and not _has_finite_verb(p.words)
            and _bare_noun(noun)
        ):
            article = "an" if wants_an(first) else "a"  # "paid translation gig?"
            return _Sentence(f"{prefix}would you be up for {article} {part}", True, [])
    asked = _IS_MY_QUESTION_RE.sub("", part)  # "how she teaches that judgement is my question"
    if _asked_of_them(asked):
        # "which eccentric drills you give bowlers first", its "q:" taken off as a label
        return _ask_it(p, asked.rstrip(" .!"))
    return _UNREAD


def _elided_question(p: _Part) -> _Sentence | _Unread | None:
    """ "worth applying?", "still hiring?": a question typed without its subject and verb, of
    what the reader does ("still waiting on your quote?", "worth mentioning our grant?" are the
    writer's own); "worth asking how long her mash ferments" is the writer's ask."""
    words = [w.lower().strip("?") for w in p.words]
    if (
        words[:2] == ["worth", "asking"]
        and len(words) > 2
        and words[2] in _WH_WORDS | {"whether"}
        and not _CLAUSE_GOES_ON_RE.search(p.text)  # "…, maybe too nosy": second thoughts
    ):
        return _ask_it(p, " ".join(p.words[2:]).rstrip(" .?!"))
    elided = _ELIDED_QUESTION.get(p.first)
    if elided is None or len(words) < 2 or not p.text.endswith("?"):
        return _UNREAD
    gerund = words[1].endswith("ing") and "verb" in word_classes(words[1])
    writers = _WEIGHED if elided == "would it be" else _WAITED
    of_theirs = (gerund and words[1] not in writers) or words[1] in _WHERE_THEY_ARE
    if elided == "would it be":  # "worth a collab?", "worth applying?"
        of_theirs = of_theirs or words[1] in ARTICLES
    if not of_theirs or set(words) & _PEOPLES:
        return None  # the writer weighing a thing: not said, nor read as "I'd love to still…"
    return p.made(f"{elided} {_small_first(p.text)}", asks=True)


# Where the reader may still be: "still at the polytechnic?", "still open to commissions?".
_WHERE_THEY_ARE = frozenset(["at", "in", "with", "open", "based", "on"])


# What a writer waits for, and weighs doing in the note: "still waiting on your quote?", "worth
# mentioning our grant?", "worth offering her a wholesale rate?".
_WAITED = frozenset(["waiting", "hoping", "expecting", "chasing"])
_WEIGHED = _WAITED | frozenset(
    [
        "mentioning",
        "asking",
        "raising",
        "saying",
        "adding",
        "telling",
        "bringing",
        "including",
        "trying",
        "offering",
        "pitching",
        "sending",
        "proposing",
        "suggesting",
    ]
)
# Someone else, or the writer: "still no reply from him?", "worth pitching our sensors?".
_PEOPLES = frozenset(["him", "her", "his", "he", "she", "my", "me", "i", "our", "we", "us"])


def _asked_of_them(text: str) -> bool:
    """Whether a part is a question put to the reader as a clause, with no question mark:
    a question word, at most three words, "you" and its verb ("which drills you give…",
    "how you got into it"); not "what a talk", "how cool you are", "why you left kyiv — messy
    divorce" nor "when you launched it, I was there"."""
    text = _AFTERWORD_RE.sub("", text)  # "what you charge for a bowl, roughly"
    words = [w.lower().strip(",.;:!") for w in text.split()]
    first, second = [*words, "", ""][:2]
    if (
        text.endswith("?")
        or first not in _WH_WORDS - {"who"}
        or second in ARTICLES
        or _CLAUSE_GOES_ON_RE.search(text)
        or set(words) & {"i", "we", "is", "was", "matters"}
    ):  # "how you treat your staff is a red flag", "what you see is what you get with him"
        return False
    at = next((i for i, w in enumerate(words[1:5], 1) if w == "you"), None)
    verb = words[at + 1] if at is not None and at + 1 < len(words) else ""
    return "verb" in word_classes(verb) and verb not in ("are", "were", "was")


_IS_MY_QUESTION_RE = re.compile(r"\s+is (?:my|the) (?:real |main |big )?(?:question|ask)\W*$", re.I)
_AFTERWORD_RE = re.compile(r",\s*[\w-]+\W*$")
_CLAUSE_GOES_ON_RE = re.compile(r"[,;:—–]|\s-\s")


# What a writer's outfit is called after its trade: "weaving coop", "printing studio".
_OUTFITS = frozenset(
    ["coop", "co-op", "cooperative", "collective", "studio", "workshop", "company", "firm",
     "startup", "business", "shop", "yard", "mill", "plant", "school", "centre", "center"]
)  # fmt: skip


_WHERE_AN_OUTFIT_IS = frozenset(
    ["outside", "in", "near", "at", "from", "based", "on", "by", "just", "up", "down", "west",
     "east", "north", "south"]
)  # fmt: skip


# What the writer would learn from the reader by: "hearing how you tested it would help me
# greatly"; not "starting my own yard near you would help me a lot", the writer's own plan.
_LEARNING_GERUNDS = frozenset(
    ["hearing", "learning", "knowing", "seeing", "watching", "understanding", "reading",
     "talking", "getting"]
)  # fmt: skip


def _about_me(p: _Part) -> _Sentence | _Unread | None:
    """What the writer is doing, is or wants, without the subject: "sending it this week",
    "hiring a senior SRE", "been using her report", "curious what…", "impressed by…"."""
    part, first, second, words, classes = p.text, p.first, p.second, p.words, p.classes
    if (
        first.endswith("ing")
        and second in _OUTFITS
        and len(words) > 2
        and words[2].lower() in _WHERE_AN_OUTFIT_IS
    ):
        # "weaving coop outside luang prabang"; not "training school teachers in Kano"
        article = "an" if wants_an(first) else "a"
        return p.made(f"we're {article} " + part, asks=False)
    asking_whom = second in ("you", "her", "him", "them") and words[2:3] == ["to"]
    if first in ("asking", "wondering") and (second in ("if", "whether") or asking_whom):
        # "asking if the madurai office takes trainees", "asking her to speak on our panel":
        # the ask, said as one, not "I'm asking you to…"
        rest = part.split(" ", 1)[1]
        if first == "wondering":
            return p.made("I'm wondering " + rest, asks=True)
        return _ask_it(p, rest)
    gerund = first.endswith("ing") and "verb" in classes and first != "hiring"
    if first in _LEARNING_GERUNDS and _asks_of_them(part.lower().replace("’", "'"), you=True):
        # "hearing how you tested that sequence would help me greatly": the doing is the
        # subject, and the sentence asks (held-out 49)
        return p.made(part, asks=True)
    doing = second != "to" and (_is_gerund(first) or second in _AFTER_GERUND)
    topic = part.endswith("?") and "," in part  # "drying racks, which one does she use?"
    if gerund and doing and not topic and not _has_finite_verb(_before_and_a_clause(words)):
        # "sending it this week", "planning a show for 2027 and your pit firing is the heart of
        # it": a clause of its own after "and" may have its verb
        return p.made("I'm " + part, asks=_asks(part))  # "…and would love a leudd from her"
    if first == "hiring" and (second in ("a", "an", "the", "for") or second[:1].isdigit()):
        return p.made("we're " + part, asks=False)  # "hiring a senior SRE for our team"
    if first in ("would", "could", "will") and second == "be":  # "would be great to reconnect"
        return p.made("it " + part, asks=True)
    at = 2 if second in _DEGREE_ADVERBS else 1
    if first in ("could", "might", "may", "would", "will") and [
        w.lower() for w in words[at : at + 2]
    ] in (
        ["help", "my"],
        ["help", "our"],
    ):
        # "…how she warms up // could really help my older singers": what the thing asked does
        # for the writer's own (not "could fix your heddles", which the writer offers); "following
        # his work, and comparing methods, // would help our own testing" (held-out 52) is left out
        if first in ("would", "will"):
            return None  # what a thing split off before the comma would do: no sentence alone
        return p.made("it " + part, asks=False)
    if first == "been":  # "been using her report every morning"
        return p.made("I've " + part, asks=False)
    if first == "can" and _is_base_verb(second) and not part.endswith("?"):
        return p.made("I " + part, asks=False)  # "can draw in revit" (held-out 54)
    # "just want to…", "definitely want to come back for a season": the wish, without the word
    # that leans on it
    wanted = words[1:] if first in _BEFORE_A_WISH and len(words) > 1 else words
    if wanted[0].lower() == "want" and len(wanted) > 2:
        # "want to ask how…", "want her mix": what a first note asks for, not demands, led in
        # otherwise than a bare verb beside it ("I'd like to connect. I'd love to follow…")
        if wanted[1].lower() == "to":
            return p.made(" ".join([_other_lead(p.lead), *wanted[2:]]), asks=True)
        whom = wanted[1].lower() in ("you", "him", "her", "them")  # "I'd like you to have…"
        thing = wanted[1].lower()
        if (
            whom
            or thing in _WANTED_THINGS
            or thing[:1].isdigit()
            or ("noun" in word_classes(thing) and thing not in _NOT_WANTED_THINGS)
        ):
            liking = "I'd love" if p.lead.startswith("I'd like") and not whom else "I'd like"
            return p.made(" ".join([liking, *wanted[1:]]), asks=True)
    if first in _DESIRE_VERBS or (first == "just" and second in _DESIRE_VERBS):
        return p.made("I " + part, asks=True)
    if (
        first == "just"  # "just ask if she's up for…"
        and second in _MINE
        and len(words) > 2
        and (asked := _part_sentence(part.split(" ", 1)[1], p.lead)) is not None
    ):
        return asked
    if (first in _FEELINGS and second != "free" and second not in _WHO_COMPARES) or (
        first in _INTENSIFIERS and second in _FEELINGS
    ):
        # (not "like he always swore he would": a comparison)
        # "love the drip pilots your fund runs": what the writer feels, not "I'd like to love…";
        # "love to chat" is "I'd love to chat"
        wants = second if first in _FEELINGS else p.words[2].lower() if len(words) > 2 else ""
        if wants == "to":
            return p.made("I'd " + part, asks=True)
        return p.made("I " + part, asks=False)
    # "internal posting for…", "opening for…"; not "saw the posting", "a role at…", "share a role"
    noun_first = "verb" not in classes and first not in _NOUN_PHRASE_STARTS
    opening = _OPENINGS & {w.lower() for w in words[:3]}
    if (first in _OPENINGS or noun_first) and opening and not _has_finite_verb(words):
        the = "" if first in _POSSESSIVE_STARTS else "the "  # not "about the our own opening"
        return p.made(f"I'm reaching out about {the}" + part, asks=False)
    if first in _DONE_NOT_STATE and second in ("to", "for"):
        return p.made("I " + part, asks=False)  # not "I'm applied to the role"
    if first.endswith("ing") and "verb" in classes and second == "to":
        return p.made("I'm " + part, asks=True)
    if first in _BEFORE_MY_PAST and second in _PARTICIPLES:
        return p.made("I've " + part, asks=False)  # "only seen her mats in a catalogue"
    if (first in _BEFORE_MY_VERB and second in _STATE_VERBS) or (
        first in _BEFORE_MY_PAST and second and _starts_with_past(second)
    ):
        # "just moved to Tbilisi", "only know him from posts" (not "I'm only know")
        return p.made("I " + part, asks=False)
    if first in _AVAILABLE and part.endswith("?"):  # "open to a chat?"
        return _Sentence(f"{p.prefix}would you be {part}", True, [])
    if first in _PLEASED and second == "to" and len(words) > 2:
        # "good to reconnect" looks ahead; "great to see your talk" back; never "I'm good to…"
        ahead = words[2].lower() in _AHEAD
        return p.made(("it'd be " if ahead else "it was ") + part, asks=ahead)
    if (
        first in _PLEASED
        and second in _MEETING_GERUNDS
        and ("you" in [w.lower() for w in words[2:4]] or words[2:3] == ["up"])
        and not _AHEAD_WORDS_RE.search(part)
    ):
        return p.made("it was " + part, asks=False)  # "great seeing you again at the session"
    if (
        first in ("only", "just") and second == "whether"
    ):  # "only if you're comfortable": a condition
        # "only whether she'd want details": the ask, cut short; not "I'm only whether…"
        return p.made(f"I'm {first} asking " + part.split(" ", 1)[1], asks=True)
    after = word_classes(second.strip(":,;"))
    if second == "that" and _starts_with_past(part) and _that_thing(words):
        return _UNREAD  # "shot that humpback doc…" is no "I'm shot that…" as "I'm pleased that…"
    if (
        "adj" in classes
        and first not in NUMBER_WORDS
        and (  # "curious what…"; not "old housemate"
            second in _AFTER_ADJECTIVE
            or not second
            or ("verb" not in classes and after and "noun" not in after)
        )
    ):
        # "so happy for her" is gladness, no ask: the closing ask follows it
        return p.made("I'm " + part, asks=not _GLAD_FOR_RE.search(part))
    if second == "by" and _starts_with_past(part):  # "impressed by your talk"
        return p.made("I was " + part, asks=False)
    return _UNREAD


def _that_thing(words: list[str]) -> bool:
    """Whether the "that" second in ``words`` points at a thing ("that humpback doc") rather
    than opening a clause ("that you asked", "that most choirs warm up wrong")."""
    after = words[2].lower() if len(words) > 2 else ""
    then = words[3].lower() if len(words) > 3 else ""
    classes = word_classes(after)
    # "that" points at one thing, said by a noun in the singular: "that idea", not "that most
    # choirs…", "that small teams win", "that ceramics is my thing"
    return (
        classes.get("noun") == after
        and "adj" not in classes
        and after not in _THAT_CLAUSE_STARTS
        and "aux" not in word_classes(then)
        and not _has_finite_verb(words[1:])
    )


_GLAD_FOR_RE = re.compile(
    r"\b(?:happy|glad|proud|thrilled|pleased|delighted|chuffed|stoked) (?:for|of) "
    r"(?:you|her|him|them)\b",
    re.I,
)


def _done(p: _Part) -> _Sentence | _Unread:
    """What the writer did: "read your post and loved it", "saw the posting", "paid gig"."""
    part, first, words = p.text, p.first, p.words
    joined = re.search(r"\band (\S+)", part)
    if (
        first in _PAST_SAME_AS_BASE
        and joined
        and _starts_with_past(joined.group(1))
        and joined.group(1).lower() not in _PAST_SAME_AS_BASE
    ):
        return p.made("I " + part, asks=False)  # "read your post and loved it"
    if (
        first == "read"
        and "your" in words[1:7]
        and " and " not in part
        and not {w.lower() for w in words} & _AUXILIARIES
    ):  # read or still to read: say neither ("read your post and loved it" says it was read)
        rest = part.split(" ", 1)[1]
        return p.made("I'm reaching out about " + rest.removeprefix("about "), asks=False)
    if len(words) == 2 and _starts_with_past(part) and _bare_noun(words[1]):
        article = "an" if wants_an(first) else "a"
        return p.made(f"it's {article} {part}", asks=False)  # "paid gig"
    if _things_listed(words):
        return _UNREAD  # "felt liner and stove sensor" names things; nobody felt them
    if _PAST_AS_ADJECTIVE_RE.match(part) and "noun" in word_classes(p.second):
        return p.made(part, asks=False)  # "recycled steel is my material too": as typed
    if p.second == "that" and first in _MADE and _that_thing(words):
        # "shot that humpback doc on breath-hold dives": a work made, named as one both know,
        # is more likely the reader's than a deed of the writer's to claim (held-out 53);
        # "saw that post", "visited that exhibition" are the writer's
        return _UNREAD
    if first in ("was", "had") or (_starts_with_past(part) and first not in _PAST_SAME_AS_BASE):
        together = "together" in (w.lower() for w in words[1:3]) or _done_together(words)
        if not together and len(words) > 1 and words[1].lower() in ("me", "us"):
            # "walked me round his battery room model": done to the writer, by the reader
            return p.made("you " + part, asks=False)
        return p.made(("we " if together else "I ") + part, asks=False)  # "saw the posting"
    return _UNREAD


# What makes a work: "shot that humpback doc", "wrote that piece on…".
_MADE = frozenset(
    ["shot", "filmed", "made", "built", "wrote", "directed", "produced", "recorded", "designed",
     "painted", "composed", "published", "launched", "founded", "edited", "curated", "created",
     "authored", "developed", "carved", "choreographed", "staged"]
)  # fmt: skip
# A past form before a noun and its verb: the noun's, not the writer's deed ("recycled steel is").
_PAST_AS_ADJECTIVE_RE = re.compile(r"\w+ed \w+ (?:is|are|was|were)\b", re.I)


def _done_together(words: list[str]) -> bool:
    """ "talked jute board the whole ride", "lost touch after she left": what two people do
    with each other, said with no subject, is what they did together."""
    first, second = words[0].lower(), words[1].lower() if len(words) > 1 else ""
    if first == "lost":
        return second == "touch"
    return first in _RECIPROCAL_PAST and second not in _TO_SOMEONE


_RECIPROCAL_PAST = frozenset(["talked", "chatted", "swapped", "bonded"])  # "met" reads as before
_TO_SOMEONE = frozenset(["to", "with", "you", "her", "him", "them"])  # "talked to her" is mine
_FEELINGS = frozenset(["love", "like", "admire", "appreciate", "respect", "adore", "feel"])
_INTENSIFIERS = frozenset(["really", "truly", "genuinely", "absolutely", "totally", "so"])
_PLEASED = frozenset(["good", "great", "nice", "lovely", "wonderful", "fun"])
_MEETING_GERUNDS = frozenset(["seeing", "meeting", "talking", "chatting", "catching", "running"])
# "great talking to you tomorrow" looks ahead
_AHEAD_WORDS_RE = re.compile(r"\b(?:tomorrow|tonight|next|soon|later)\b", re.I)
_AHEAD = frozenset(
    ["reconnect", "connect", "stay", "keep", "catch", "compare", "swap", "work", "collaborate",
     "be"]
)  # fmt: skip
_NOT_JOINED = frozenset(["say", "like", "please", "maybe", "thanks"])  # "free Tuesday, say 3pm"


def _verbs_joined(part: str) -> str:
    """ "thank you, ask what you're building" -> "thank you and ask what you're building": the
    last of two or more things to do joined by "and", not by a comma alone."""
    if re.search(r"\b(?:and|or|but)\b", part):
        return part
    commas = [
        m
        for m in re.finditer(r", (\w+)", part)
        if _is_base_verb(m[1].lower())
        and m[1].lower() not in _FUNCTION_WORDS | _NOT_JOINED
        and "adj" not in word_classes(m[1].lower())  # "thank you, free tuesday"
    ]
    if not commas:
        return part
    last = commas[-1]
    return f"{part[: last.start()]} and {part[last.start() + 2 :]}"


def _things_listed(words: list[str]) -> bool:
    """ "felt liner and stove sensor": a past form that is also a noun or an adjective, then
    only nouns and adjectives (no article, pronoun or preposition that a verb's object would
    bring), so a list of things rather than something done."""
    first = word_classes(words[0].lower())
    rest = [w.lower() for w in words[1:] if w.lower() not in ("and", "&", "+")]
    return (
        bool(first.keys() & {"noun", "adj"})
        and len(rest) > 1
        and all(
            w.isalpha() and word_classes(w).keys() & {"noun", "adj"} and w not in _FUNCTION_WORDS
            for w in rest
        )
    )


# Verbs of what the writer thinks, with the "I" left out and a clause after: "doubt he'd recall
# me" is no wish, and "I'd like to doubt…" no sentence ("think about joining" still is one).
_STANCES = frozenset(
    ["doubt", "think", "guess", "bet", "suppose", "reckon", "feel", "hope", "believe", "assume",
     "suspect", "fear", "worry", "realise", "realize", "figure"]
)  # fmt: skip
_THOUGHT_SUBJECTS = frozenset(["he", "she", "they", "it", "that", "this", "there", "we", "you"])
# Nouns an adjective before them makes a noun phrase of, not a verb's object: "close mate".
_COMPANIONS = frozenset(
    ["mate", "friend", "colleague", "neighbour", "neighbor", "pal", "buddy", "thing", "time"]
)


def _to_do(p: _Part) -> _Sentence | _Unread:
    """A bare verb phrase, what the writer wants to do: "compare notes…" -> "I'd like to
    compare notes…"; "compare methods first?" -> "could we compare methods first?"."""
    part, first, second = p.text, p.first, p.second
    if (
        not _is_base_verb(first)
        # "calm tone", "use that or her first name", "arc": a note on how to write, not a wish;
        # what is done to or with the reader is ("tour your plant", "nominate you for…")
        or not (
            is_wish(part)
            or (first not in _NO_WISH_WITH_YOU and _YOU_RE.search(" ".join(p.words[1:4])))
        )
        or first in _FUNCTION_WORDS
        or first in MONTHS  # "feb?? march maybe": a month, not "I'd love to march"
        # "hop breeder in zatec", "nurse from kisumu": who they are, not a verb phrase
        or _does_for_a_living(second.strip(",."))
        or (_is_role(first) and second == "from")
        # "doubt he'd recall me", "guess she's busy": a thought with its "I" left out
        or (first in _STANCES and second.split("'")[0] in _THOUGHT_SUBJECTS)
        or ("adv" in p.classes and second in ("to", "from"))  # "down to 8%" is no verb phrase
        # "close mate for years", "last thing I want": a noun phrase, not "I'd like to close…"
        or ("adj" in p.classes and _singular(second) in _COMPANIONS)
    ):
        return _UNREAD
    lead = p.lead
    if first == "introduce" and second == "myself":
        lead = "I wanted to"  # the note is the introduction: "I'd like to" would not be
    if part.endswith("?") and word_classes(first).get("verb") in _TOGETHER:
        return _Sentence(f"{p.prefix}could we {part}", True, [])
    part = part.rstrip(" ?")  # "offer photos at mates' rates?" is the writer's to say
    part = _verbs_joined(part)
    shorter = [f"{lead} {cut}" for cut in _cuts(part, clause=False)]
    return p.made(f"{lead} {part}", shorter, asks=True)


def _about_a_thing(p: _Part) -> _Sentence | _Unread | None:
    """A noun phrase or a reason clause: "your post on pricing" -> "I saw your post on
    pricing", "because we both…"; else what follows its first comma."""
    part, first = p.text, p.first
    if (
        first == "your"
        and p.second in _VIEWS
        and part.endswith("?")
        and (len(p.words) == 2 or p.words[2].lower() in _ABOUT)  # not "your views still the same?"
        # not "your advice on anchoring still holds?"
        and not _has_finite_verb([w.rstrip("?!") for w in p.words[1:]])
        and not _STILL_DOES_RE.search(part)
    ):
        # "your view on falling catches?": the question asks for it
        return p.made("I'd love " + _small_first(part.rstrip(" ?!")), asks=True)
    if first == "your":
        if p.second in _WHOSE_TO_DECIDE and {w.lower() for w in p.words[2:]} <= _WHOLLY:
            return None  # "his call entirely": theirs to decide, no sentence (held-out 54)
        return p.made("I saw " + _small_first(part), asks=False)
    if first == "our" and len(p.words) > 2:  # "our forecasting app cuts bread waste"
        return p.made(part, asks=False)
    if first in _NOUN_PHRASE_STARTS:
        if _names_a_person(p.words):
            return None  # "the firmware engineer from Taoyuan": who the reader is, to oneself
        return p.made("I'm reaching out about " + part, asks=False)
    if first in ("because", "since", "as"):
        return p.made("I'm reaching out " + part, asks=False)
    if (
        first == "both"
        and len(p.words) <= _MAX_DETAIL_WORDS + 1
        and p.second != "of"
        and not {w.lower() for w in p.words[1:]} & (_POSSESSIVE_STARTS | _PRONOUN_SUBJECTS)
        and not _has_finite_verb(p.words)
    ):
        return p.made("we're " + part, asks=False)  # "both TIQXMMI grads"
    head, colon, clause = part.partition(": ")
    if colon and "," not in head and clause.split(" ", 1)[0].lower() in _CLAUSE_SUBJECTS:
        return _part_sentence(clause, p.lead)  # "colleague but only via comments: you keep…"
    if 0 < part.count(",") <= _MAX_COMMAS_TRIED:  # a long list is no sentence to find
        head, tail = part.split(",", 1)
        if (
            _DESCRIBES_BEFORE_RE.match(tail)
            and _starts_with_past(_THEN_RE.sub("", tail.strip()))
            # a clause, not "ex teammate at Allegro, worked on search…"
            and (_has_finite_verb(head.split()) or any(map(third_person_lemma, head.split()[1:])))
        ):
            return None  # "…makes Ohrid pearls, coated with…", "…glued into rods, then sliced…"
        if (relative := _RELATIVE_RE.match(tail)) and _is_base_verb(relative["verb"]):
            return None  # "…for my buyers in baku, who want it thinner?": of the noun before it
        return _part_sentence(tail, p.lead)
    return None


# A relative clause after a comma, its verb agreeing with a plural before it: "who want it
# thinner" (not "who runs the co-op?", "who do you buy from?", "which roaster suits…?").
_RELATIVE_RE = re.compile(
    r"\s*who\s+(?!(?:do|did|would|could|should|can|will|are|were)\b)(?P<verb>\w+)", re.I
)


# After a comma, a past form that goes on describing what came before it: "pearls, coated with
# an essence of…" (not the writer's deed), "rods, then sliced into…".
_DESCRIBES_BEFORE_RE = re.compile(
    r"\s*(?:(?:and )?then \S+|\S+ (?:with|into|in|from|of|by|on|onto|under)\b"
    r"|\S+ (?:up|down|out|off|together) by\b)",  # "blocks…, lined up by eye"
    re.I,
)


_MAX_COMMAS_TRIED = 12
# What a writer asks a reader for by naming it: "your view on…?", "your take?".
_VIEWS = frozenset(["view", "views", "take", "thoughts", "advice", "opinion", "input", "tips"])
_ABOUT = frozenset(["on", "about", "of", "for", "re"])
_STILL_DOES_RE = re.compile(r"\b(?:still|now|already|really|also) \w+s\b")


def _names_a_person(words: list[str]) -> bool:
    """Whether a noun phrase is a person by their role and where they are from: "the firmware
    engineer from Taoyuan", "the nurse at the Kisumu clinic" (the writer placing the reader),
    not "the report from Taoyuan"."""
    return _where_placed(words) is not None


def _where_placed(words: list[str]) -> int | None:
    """Where the word that places a person comes ("at" of "the nurse at the Kisumu clinic"),
    where a noun phrase is one; else None."""
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _WHERE_FROM and i > 1:
            return i if _is_person(words[i - 1].lower().strip(",.")) else None
        if word.endswith(","):
            return None
    return None


def _is_person(head: str) -> bool:
    """A word for a person: a role ("nurse"), someone met ("guy", "lady") or shared with
    ("desk-mate", "flatmate")."""
    return _is_role(head) or head in _SOMEONE or head.endswith("mate")


_SOMEONE = frozenset(
    ["guy", "lady", "woman", "man", "bloke", "chap", "fellow", "dude", "girl", "gentleman",
     "person", "gal", "auntie", "uncle"]
)  # fmt: skip


def _label_of_them(p: _Part) -> _Sentence | _Unread | None:
    """ "my old desk-mate from the cataloguing job": who the reader is to the writer, in a part
    with no verb, which the note says its own way or not at all."""
    at = _where_placed(p.words)
    if p.first not in _POSSESSIVE_STARTS or at is None:
        return _UNREAD
    # no verb: up to where they are from, nor one with its object after ("…from the job runs a
    # studio"); "…from the paper cuts job" has none
    words = p.words
    acts = any(
        _is_finite_verb(word, words[i - 1])
        and (i + 1 == len(words) or words[i + 1].lower() in _OBJECT_OPENERS)
        for i, word in enumerate(words[at + 1 :], at + 1)
    )
    return _UNREAD if acts or _has_finite_verb(words[:at]) else None


_WHERE_FROM = frozenset(["from", "at", "who", "with"])
_OBJECT_OPENERS = frozenset(
    ["a", "an", "the", "his", "her", "their", "our", "my", "your", "its", "this", "that", "some",
     "now", "there", "here"]
)  # fmt: skip
_WHOSE_TO_DECIDE = frozenset(["call", "choice", "decision", "pick", "shout"])
_WHOLLY = frozenset(
    ["entirely", "totally", "completely", "obviously", "ofc", "really", "ultimately"]
)
"""What may follow "your call" that leaves it theirs to decide: "his call entirely"."""
_ANY_SUBJECT = _SUBJECT_STARTS | _PRONOUN_SUBJECTS
"""The subjects a clause may open with, the writer's, the reader's or another's."""
_THAT_CLAUSE_STARTS = _ANY_SUBJECT | _OBJECT_OPENERS
"""Words after which "that" opens a clause: "pleased that you won", "that the talk ran long"."""


def _before_and_a_clause(words: list[str]) -> list[str]:
    """The words before an "and" that opens a clause with a subject of its own ("…for 2027 and
    your pit firing is…") or goes on to a wish of the same subject ("making a radio doc and
    would love a leudd from her"); all of them where none does."""
    for i, word in enumerate(words[1:-1], 1):
        if word.lower() == "and" and words[i + 1].lower() in _CLAUSE_SUBJECTS | _WISHES_AFTER_AND:
            return words[:i]
    return words


_WISHES_AFTER_AND = frozenset(["would", "want", "hope", "wanna"])


_CLAUSE_SUBJECTS = frozenset(["your", "you", "my", "our", "we", "it", "that", "this", "there"])


def _their_doing(p: _Part) -> _Sentence | _Unread:
    """ "runs 14 pantries across Kazan": a verb that agrees with "she" or "he" left out, so
    what the reader does ("You run 14 pantries across Kazan"); the writer's own would be "run"
    or "ran"."""
    lemma = third_person_lemma(p.first)
    if (
        lemma is None
        or lemma in _IT_VERBS  # "takes 2 minutes", "means a lot": it does
        or not p.first.endswith("s")  # "was laid off" is the writer's
        or len(p.words) < 3
        or p.text.endswith("?")  # "does cover cropping still help?"
        or not (p.second in _NOUN_PHRASE_STARTS | _POSSESSIVE_STARTS or p.second[:1].isdigit())
    ):  # "samples later if you ask" are things
        return _UNREAD
    rest = p.text.split(" ", 1)[1]
    return p.made(f"you {lemma} {_agreeing(p.first, rest)}", asks=False)


def _agreeing(verb: str, rest: str) -> str:
    """``rest`` of a deed whose ``verb`` is now the reader's, its later verbs of the same
    subject agreeing too ("drums the zarb and recites verses" -> "…and recite verses"), as the
    perspective's rewrite makes them agree; nothing but those verbs changes."""
    typed = rest.split(" ")
    rewritten = to_second_person(f"he {verb} {rest}").split(" ")[2:]
    if len(rewritten) != len(typed):
        return rest
    return " ".join(
        new if third_person_lemma(old) == new else old
        for old, new in zip(typed, rewritten, strict=True)
    )


_IT_VERBS = frozenset(["take", "mean", "help", "matter", "seem", "look", "sound", "cost", "depend",
                       "work", "make", "feel", "need", "require", "save", "go"])  # fmt: skip


_READINGS: tuple[_Reading, ...] = (
    _elided_question,
    _label_of_them,
    _client_is,
    _ask_to_tell,
    _after_connective,
    _whole_clause,
    _set_phrase,
    _headed,
    _with_subject,
    _question,
    _about_me,
    _their_doing,
    _done,
    _to_do,
    _about_a_thing,
)


def _bare_noun(word: str) -> bool:
    """A noun in small letters that is no verb: "gig" of "paid gig" ("It's a paid gig")."""
    classes = word_classes(word)
    return word.islower() and "noun" in classes and "verb" not in classes


def _noun_subject(words: list[str]) -> bool:
    """Whether a lower-case part starts with a noun phrase and its verb ("batch reunion is on 10
    Jan", "part 3 on permits was…"), not with a verb of the writer's ("ask how she got…")."""
    first = words[0].lower()
    if len(words) > 1 and first in _DESIRE_VERBS and words[1].lower() in _AUXILIARIES:
        return True  # "plan is to apply next week"
    if first in PEOPLE_NOUNS and len(words) > 2:
        return True  # "people at the millers' association say…", never "to people a panel"
    if (
        first in _DESIRE_VERBS | _WH_WORDS
        or "noun" not in word_classes(first)
        or not first.isalpha()
    ):
        return False
    if len(words) > 1 and words[1][:1].isdigit():  # "part 3", "page 2"
        return _has_finite_verb(words)
    for i, word in enumerate(words[1:3], 1):
        if word.lower() in _AUXILIARIES:  # not "swap notes", where "notes" could be a verb
            return all("noun" in word_classes(w.lower()) for w in words[:i])
    # "pilot starts soon": a verb with "-s" and no object, after a thing no one would do
    # together or offer ("swap notes next week" asks to)
    after = words[2].lower().strip(".!?,") if len(words) > 2 else ""
    return (
        len(words) > 1
        and first not in _MINE
        and word_classes(first).get("verb") not in _TOGETHER
        and third_person_lemma(words[1]) is not None
        and words[1].lower().endswith("s")
        and (not after or after in _WHEN_WORDS)
    )


_WHEN_WORDS = WEEKDAYS | frozenset(
    ["soon", "today", "tomorrow", "tonight", "now", "next", "this", "on", "in", "at", "by", "until",
     "till", "again", "later"]
)  # fmt: skip


def _there_be(words: list[str]) -> str:
    """ "is there" or "are there" before "any …?", by the noun it asks about: "is there any
    chance of a slot?", "are there any openings for juniors?" (held-out 55 had "Are there any
    chance…")."""
    head = words[0] if words else ""
    for word in words:
        bare = word.strip("?!.,")
        if bare.lower() in _AFTER_THE_NOUN or bare[:1].isupper() or bare.endswith("ing"):
            break  # "…chance of a slot", "…chance Qhana needs…", "…tips breaking into…"
        head = word
    head = head.lower().strip("?!.,")
    noun = word_classes(head).get("noun")
    plural = noun != head if noun is not None else head.endswith("s") and not head.endswith("ss")
    return "are there" if plural else "is there"


_AFTER_THE_NOUN = frozenset(["of", "on", "in", "at", "for", "to", "with", "after", "from", "this"])


def _is_heading(head: str) -> bool:
    """Whether the words before a colon name a thing ("Retained search", "role"), not a clause
    ("we need") or a question ("how come")."""
    words = head.lower().split()
    nouns = word_classes(words[-1])
    return (
        ("noun" in nouns or (words[-1] in _ASK_HEADS and words[0] in _ASK_HEAD_FIRST))
        and words[0] not in _SUBJECT_STARTS | _WH_WORDS | _POSSESSIVE_STARTS
        and not _has_finite_verb(words)
    )


_BUT_NOW_RE = re.compile(r",? but (?=now )")


def _gratitude(prefix: str, part: str, lead: str) -> _Sentence | None:
    """ "thank you for the reshare and swap tips" -> "Thank you for the reshare. I'd like to swap
    tips."; None when ``part`` is no thanks or congratulations."""
    m = _GRATITUDE_RE.match(part)
    if m is None or m.group("verb").lower().startswith("congrat") != (m.group("prep") == "on"):
        return None
    opening = _GRATITUDE[m.group("verb").lower()]
    if prefix:  # "As a fellow speaker, thank you for…"
        opening = opening[0].lower() + opening[1:]
    said = _sentence(f"{prefix}{opening} {m.group('what')}")
    rest = m.group("rest")
    if rest is None or not (_is_base_verb(m.group("next")) or m.group("next") == "I"):
        if rest is not None:
            said = _sentence(f"{said[:-1]} and {rest}")
        return _Sentence(said, False, [])
    then = _part_sentence(rest, lead)
    if then is None:
        return _Sentence(said, False, [])
    return _Sentence(f"{said} {_capitalised(then.text)}", then.asks, [said])


def _ordinary_capitalised(word: str) -> bool:
    """A capitalised English word that is no name: "Compare", "Keen", but not "I", "Rahul"."""
    lower = word.lower()
    return (
        word[:1].isupper()
        and word[1:].islower()
        and lower not in _SUBJECT_STARTS
        and (
            any(pos != "noun" for pos in word_classes(lower))
            or lower.replace("’", "'") in _NEGATIONS | _AUXILIARIES  # "Didn't get to…"
        )
    )


# Words that make a clause lean on another wherever they stand; not "as", "now", "once" or
# "after", which are ordinary words mid-clause too ("I worked there as a nurse, I'm applying").
_SUBORDINATE = (_SUBORDINATORS | {"unless"}) - {"as", "now", "once", "after", "before", "until"}
_ASKING_IF = frozenset(["ask", "asking", "asked", "wonder", "wondering", "know", "see", "check"])


def _subordinate(words: list[str]) -> bool:
    """Whether ``words`` hold a clause that leans on another ("if you're ever hiring"), not a
    question asked ("asking if the pond needs a tech")."""
    lower = [w.lower() for w in words]
    return any(
        w in _SUBORDINATE and not (w == "if" and i and lower[i - 1] in _ASKING_IF)
        for i, w in enumerate(lower)
    )


def _unspliced(text: str, prefix: str = "") -> str:
    """Two clauses joined by a comma alone joined with "and" ("Lumatek is hiring, and I'm
    applying", "…an opening in Colombo, and I want to tell you"); not after an opening phrase
    without a verb ("At my last job, I'd built…"). ``prefix`` is the subject the text follows
    ("You " of "run the crews in Matsumoto, want to ask…")."""
    for pattern, joint in (
        (_SPLICE_RE, ", and "),
        (_MISSED_SPLICE_RE, " but "),
        (_WISH_SPLICE_RE, ", and I "),
        (_SEEN_SPLICE_RE, ", and I "),
        (_ASK_SPLICE_RE, ", and I'd like to "),
        (_NEW_SUBJECT_SPLICE_RE, ". "),
    ):
        m = pattern.search(text)
        before = (prefix + text[: m.start()]).split() if m is not None else []
        if pattern is _SPLICE_RE and _subordinate(before):
            continue  # "if you're ever hiring, I can bring my crew" is one sentence
        if m is not None and (_has_finite_verb(before) or any("'" in w for w in before)):
            after = text[m.end() :]
            if (
                pattern is _ASK_SPLICE_RE
                and _WISH_LEAD_RE.match(prefix + text)
                and "," not in text[: m.start()]
            ):
                joint = " and "  # "I'd like to buy raw silk direct and ask if…", one wish
            if joint == ". ":
                after = after[:1].upper() + after[1:]
            elif joint == " but ":  # "…didn't get to talk after, the queue was huge": why
                after = _WHY_MISSED_RE.sub(" as ", after, count=1)
            text = text[: m.start()] + joint + after
    return text


def _made(prefix: str, text: str, shorter: list[str], asks: bool) -> _Sentence:
    if text.split(" ", 1)[0].lower() not in _SUBORDINATORS:
        # "Lumatek is hiring…, I'm applying", "I heard you're at…, want to hear about it"
        joined = _unspliced(text, prefix)
        asks = asks or (joined != text and _asks(joined))  # "…, and I want to ask about…"
        text = joined
        # "the reunion is on 10 Jan, are you coming?" asks in a sentence of its own
        text, questions = _QUESTION_SPLICE_RE.subn(lambda m: f". {m.group(1).capitalize()} ", text)
        if (questions or _COLON_QUESTION_RE.search(text)) and not text.endswith("?"):
            text = text.rstrip(" .") + "?"
        asks = asks or questions > 0  # no closing ask after "…6 months. Would you consider?"
    if _STATEMENT_ASKED_RE.match(text):
        text = text[:-1] + "."
    # "want to follow" of "want to follow + maybe ask later" follows their work
    text = _FOLLOW_ALONE_RE.sub(r"\1 your work", text)
    if not prefix and (willing := _ASK_IF_WILLING_RE.fullmatch(text)) is not None:
        # "just ask if hed hear more": the question itself, "Would you like to hear more?"
        asked = willing["asked"]
        if asked.startswith("hear"):
            asked = "like to " + asked
        return _Sentence(f"Would you {asked}?", True, [])
    return _Sentence(_sentence(prefix + text), asks, [_sentence(prefix + s) for s in shorter])


_ASK_IF_WILLING_RE = re.compile(
    r"I'd (?:love|like) to ask (?:if|whether) you'd "
    r"(?P<asked>hear (?:more|about [^.!?,]+)|(?:be open to|be up for) [^.!?,]+)[.?]?"
)


_FOLLOW_ALONE_RE = re.compile(r"(\b(?:want|wanted|like|love|hope|hoping) to follow)(?=[.!]?$)")


def _asks(text: str) -> bool:
    lower = text.lower().replace("’", "'")
    return _asks_otherwise(lower) or _asks_of_them(lower)


def _asks_otherwise(lower: str) -> bool:
    return (
        any(marker in lower for marker in _ASK_MARKERS)
        or bool(_WRITER_WONDERS_RE.search(lower))
        or bool(_WRITER_AFTER_RE.search(lower))
        or _own_wish_after_and(lower)
    )


def _only_asks_of_them(text: str) -> bool:
    """Whether ``text`` asks only by what the reader's help would do for the writer."""
    lower = text.lower().replace("’", "'")
    return "?" not in text and _asks_of_them(lower, you=True) and not _asks_otherwise(lower)


def _own_wish_after_and(lower: str) -> bool:
    """Whether ``lower`` has "…and want to learn…" in a sentence where the writer spoke
    before it ("I test ropes … and want to learn how…"), read once through."""
    start, end = 0, 0
    writer = _WRITER_RE.search(lower)  # the next word of the writer's; only ever moves on
    for m in _WISH_AFTER_AND_RE.finditer(lower):
        if (dot := lower.rfind(".", end, m.start())) >= 0:
            start = dot + 1
        if writer is not None and writer.start() < start:
            writer = _WRITER_RE.search(lower, start)
        if writer is not None and writer.start() < m.start():
            return True
        end = m.end()
    return False


def _cuts(text: str, clause: bool) -> list[str]:
    """Shorter forms of a verb phrase or clause that still read as whole: without a trailing
    ", ..." part, one of two joined actions, or cut before a trailing phrase ("on ...")."""
    out: list[str] = []
    if ", " in text:
        head, tail = text.rsplit(", ", 1)
        # "Your posts on X, and on Y, have changed how I cook": the tail is the clause's verb
        predicate = clause and tail.split(" ", 1)[0].lower() in _AUXILIARIES
        # "…trained Pontic Greek, Georgian and Arabic interpreters": a list's comma (held-out 56);
        # not "…, Hannah and Joe from my team loved it", a clause of its own
        listed = _LIST_TAIL_RE.match(tail) is not None and not any(
            _is_finite_verb(word, before) for before, word in pairwise(tail.split())
        )
        if len(head.split()) >= 3 and not predicate and not listed:
            out.append(head)
    words = text.split()
    if not clause:
        for i, w in enumerate(words):
            if w == "and" and 0 < i < len(words) - 1 and _is_base_verb(words[i + 1]):
                halves = [" ".join(words[:i]), " ".join(words[i + 1 :])]
                out += sorted(halves, key=lambda h: -len(h))
                break
    floor = 3
    if clause:
        verbs = [i for i, w in enumerate(words) if i and _is_finite_verb(w, words[i - 1])]
        if not verbs:
            return out
        # past the verb and a word after it: not "We have sat" of "We have sat at the table"
        floor = verbs[0] + (3 if words[verbs[0]].lower() in _AUXILIARIES else 2)
    for base in [text, *out]:
        ws = base.split()
        cuts_a_verb_off = _verbs_cut_off(ws)
        for i in range(len(ws) - 1, floor - 1, -1):
            before = ws[i - 1].lower().replace("’", "'")
            # "but I would first like to understand…" (held-out 57): not "…but I would first."
            after_adverb = (
                before in _ADVERBS_IN_A_VERB
                and i > 1
                and ws[i - 2].lower() in (_SUBJECTS_WITH_VERB | _AUXILIARIES)
            )
            if (
                ws[i] in _CUT_BEFORE
                and i < len(ws) - 1  # "take one on" ends on a particle, not a phrase
                and before not in _FUNCTION_WORDS | _SUBJECTS_WITH_VERB | _AUXILIARIES
                and not after_adverb
                and not cuts_a_verb_off[i]
            ):
                out.append(" ".join(ws[:i]).rstrip(","))
    # (its last words only: a hedge is short, and a long text has a cut at every preposition)
    cuts = [cut for cut in dict.fromkeys(out) if not _ENDS_ON_HEDGE_RE.search(cut[-80:])]
    return cuts[:_MOST_CUTS]


# What follows a list's comma: one or two words, then "and" or "or" ("Georgian and Arabic…").
_LIST_TAIL_RE = re.compile(
    r"(?!(?:and|or|but|so|then)\b)[\w'’-]+(?: [\w'’-]+)? (?:and|or) "
    r"(?!(?:i|you|we|he|she|they|me|us|him|her|them)\b)",
    re.I,
)
_ADVERBS_IN_A_VERB = frozenset(
    ["first", "really", "also", "just", "still", "truly", "much", "definitely", "rather", "so"]
)
"""Adverbs between an auxiliary and its verb: "would first like", "would really like"."""
_MOST_CUTS = 16
"""The longest cuts of one sentence: a sentence has a few; a long hostile one, one at every
preposition, each a note to build and check."""


def _verbs_cut_off(words: list[str]) -> list[bool]:
    """For each word, whether a cut before it leaves a subject without its verb: "I've just read
    that your sirens" of "…that your sirens on the Pho Chhu gave…". The verb stands in the
    tail's first clause, before a comma or a word that opens a clause of its own. One pass from
    the end, so a long sentence is read in linear time."""
    out = [False] * len(words)
    nearest = False  # what the nearest telling word after the cut says
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower() in _CLAUSE_OPENERS or words[k - 1].endswith(","):
            nearest = False
        elif _is_finite_verb(words[k], words[k - 1]):
            nearest = True
        out[k - 1] = nearest
    return out


# Words that start a clause of its own, whose verb a cut before it may drop ("…at the fair in
# Oslo, and he showed me"); not "and", which joins two places as often as two clauses.
_CLAUSE_OPENERS = frozenset(
    ["which", "who", "that", "while", "because", "when", "where", "i", "you", "we", "he", "she",
     "they", "it"]
)  # fmt: skip


# A subject with its verb, which no cut may end on: not "…, and I'd." of "…, and I'd like to…";
# nor may one end on an auxiliary ("…and would." of "…and would like to ask…")
_SUBJECTS_WITH_VERB = frozenset(
    f"{subject}'{verb}"
    for subject in ("i", "we", "you", "he", "she", "they")
    for verb in ("d", "ll", "m", "re", "ve", "s")
)


# --- the hooks ----------------------------------------------------------------------------


def _hooks(context: Context) -> list[_Hook]:
    """The opening facts the context gives, in the order they are tried."""
    kinds = [_contact, _workplace, _mutual, _school, _interest, _introduction, _their_fact]
    if context.scenario == "mutual_connection":
        kinds = [_mutual, _contact, _workplace, _school, _interest, _introduction, _their_fact]
    return [hook for kind in kinds if (hook := kind(context)) is not None]


def _hook(
    variants: list[str],
    fact: str | None,
    shared: bool = True,
    yields: bool = False,
    where: str = "",
    place: str = "",
    place_only: bool = False,
) -> _Hook:
    return _Hook(
        tuple(dict.fromkeys(map(_sentence, variants))),
        fact,
        shared,
        yields,
        where,
        place,
        place_only=place_only,
    )


def _mutual(context: Context) -> _Hook | None:
    names = _usable(context.relationship.mutual_connections)
    if not names:
        return None
    variants = [f"we both know {names[0]}"]
    if len(names) > 1:
        variants.insert(0, f"we both know {names[0]} and {names[1]}")
    return _hook(variants, names[0].split()[0])


def _workplace(context: Context) -> _Hook | None:
    """The company a colleague shares, where both profiles name it: "we both work at Vantora"."""
    company = _flat(context.recipient.company)
    if (
        context.relationship.familiarity != Familiarity.COLLEAGUE
        or not _short(company)
        or company.casefold() != _flat(context.sender.company).casefold()
        or company.casefold() in _NO_EMPLOYER
    ):
        return None
    # its first name word, for a reason that says it already ("We're both at Helix")
    named = company.split()[1:] if company.split()[0].lower() == "the" else company.split()
    # it gives way before the reason is cut, as a shared interest does
    return _hook(
        [f"we both work at {_with_article(company)}"], (named or [company])[0], yields=True
    )


def _school(context: Context) -> _Hook | None:
    """A school they share: in the alumni scenario, or with a classmate. Of several, the one the
    sender's own fields name; a sender still studying there is no alumnus."""
    familiarity = context.relationship.familiarity
    schools = _usable(context.recipient.schools)
    if not schools or (context.scenario != "alumni" and familiarity != Familiarity.CLASSMATE):
        return None
    sender = context.sender
    own = " ".join(filter(None, [sender.headline, sender.company, context.reason]))
    named = [school for school in schools if _names_school(own, school)]
    if len(named) != 1 and len(schools) > 1:
        return None  # which of them they share, the context does not say
    school = (named or schools)[0]
    studied = f"we both studied at {_with_article(school)}"
    if familiarity == Familiarity.CLASSMATE:
        return _hook([studied], school)
    if _STUDENT_RE.search(sender.headline or ""):  # not yet an alumnus
        return _hook([studied], school)
    if _NOT_GRADUATED_RE.search(context.reason or ""):  # "i left after 2nd year"
        return _hook([studied], school)
    return _hook([f"we're both {school} alumni", studied], school)


def _names_school(text: str, school: str) -> bool:
    """Whether ``text`` names ``school`` by a word of its own, whole ("Aberystwyth", "Aber" for
    short, "UWaterloo"), or by its initials ("MIT"); not by "University" alone, nor "Rice" in
    "price"."""
    own = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", school)]
    own = [w for w in own if w not in _SCHOOL_WORDS]
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", school) if w[0].isupper())
    for token in re.findall(r"[^\W\d_]+", text):
        typed = token.casefold()
        if len(initials) > 1 and token == initials:
            return True
        for word in own:
            whole = typed == word or (len(typed) >= 4 and word.startswith(typed))
            prefixed = len(word) >= 6 and typed.endswith(word) and len(typed) - len(word) <= 2
            if whole or prefixed:  # "Aber", "UWaterloo"
                return True
    return False


def _interest(context: Context) -> _Hook | None:
    """ "we share an interest in natural dyes", for people who have no meeting to tell (to those
    on the same monthly call it reads as a stock opener) and where the reason does not say the
    interest's words itself ("…local taro and fish into school lunches")."""
    if context.relationship.how_we_met:
        return None
    said = stems_of(_content(context.reason))
    interests = [
        i
        for i in _usable(context.relationship.shared_interests)
        if i.split()[-1].lower() not in _GROUP_NOUNS
        and 2 * len((words := stems_of(_content(i))) & said) <= len(words)
    ]
    if not interests:
        return None
    # it gives way before the reason is cut: a shared interest tells less than the reason does
    return _hook([f"we share an interest in {_lowered(interests[0])}"], interests[0], yields=True)


def _introduction(context: Context) -> _Hook | None:
    """Who the sender is, for a stranger: "I'm an ICU nurse moving into site reliability
    engineering". None when the headline names no role."""
    if context.relationship.familiarity != Familiarity.STRANGER:
        return None
    role = _role(_flat(context.sender.headline))
    company = _flat(context.sender.company)
    placed = role is None or set(role.lower().split()) & _ROLE_ENDS
    if (
        role
        and not placed
        and company
        and company.lower() not in role.lower()
        and company.casefold() not in _NO_EMPLOYER  # not "a hydrologist at Freelance"
        and _short(company)
    ):
        # "CEO" -> "the CEO of Tidepath", "a recruiter" -> "a recruiter at Lorikeet Talent"
        lead = role.split()[0]
        role = f"the {role} of {company}" if lead in _NO_ARTICLE_ROLES else f"{role} at {company}"
    return _hook([f"I'm {role}"], role, yields=True) if role else None


def _role(headline: str) -> str | None:
    """A headline's first part as a role with its article: "Data analyst, bootcamp graduate" ->
    "a data analyst", "Founder at Loadcast" -> "the founder of Loadcast", "Career changer:
    teacher → UX research" -> "a teacher moving into UX research"."""
    if (change := next(filter(None, (c.match(headline) for c in _CHANGES)), None)) is not None:
        before, after = _role(change.group("before")), change.group("after").strip()
        if before is None:
            return None
        if (becoming := _role(after)) is not None:
            return f"{before} retraining as {becoming}"
        return f"{before} moving into {_lowered(after)}" if _short(after) else None
    headline = _SYMBOLS_RE.sub("", headline.replace(" @ ", " at ")).strip()
    part = _ROLE_BREAK.split(headline, maxsplit=1)[0].strip()
    words = part.split()
    if not 0 < len(words) <= _MAX_FACT_WORDS or not part[:1].isalpha():
        return None
    head_at = next(
        (i for i, w in enumerate(words) if i and (w.lower() in _ROLE_ENDS or _is_gerund(w))),
        len(words),
    )
    head = re.split(r"[-–]", words[head_at - 1].lower())[-1].strip(".")
    if len(words) > head_at and words[head_at].lower() == "at" and head in ("founder", "cofounder"):
        words[head_at] = "of"
    # "Software Engineer" is written in title case; "Senior Rust engineer" names Rust.
    title_case = all(w[:1].isupper() for w in words[:head_at] if w[:1].isalpha())
    # The role's own noun is no name even where the word list lacks it: "Arborist", "Luthier";
    # "Nigerian Lawyer" and "Pfizer Research Scientist" keep the words before it.
    words = [
        w.lower()
        if (i == 0 or title_case)
        and (_ordinary_word(w) or (i == head_at - 1 and w[1:].islower() and _is_role(w.lower())))
        else w
        for i, w in enumerate(words[:head_at])
    ] + words[head_at:]
    role = " ".join(words)
    gerund_after = head_at < len(words) and words[head_at].lower().endswith("ing")
    if not _is_role(head) or (head in _THINGS and not gerund_after):
        return None
    lead = words[0].lower()
    if lead in _NO_ARTICLE or lead in ("the", "a", "an"):
        return role
    if lead in ("founder", "co-founder", "cofounder") and head_at < len(words):
        return "the " + role
    # "an ICU nurse", "a UX researcher", "a NASA engineer": "a" where it can't be told.
    return ("an " if wants_an(words[0]) else "a ") + role


def _does_for_a_living(word: str) -> bool:
    """ "breeder", "weaver", "nurse": a word for a person by what they do ("letter", "whether"
    and "after" are not: no verb is in them)."""
    if word in _ROLE_NOUNS:
        return True
    classes = word_classes(word)
    return (
        word.endswith(("er", "or"))
        and "noun" in classes
        and "adj" not in classes  # "closer", "faster": comparatives
        and any("verb" in word_classes(stem) for stem in (word[:-2], word[:-1]))
    )


def _is_role(head: str) -> bool:
    """A person's role: "nurse", "recruiter"; not "better" in "work better", nor "father"."""
    if head in _ROLE_NOUNS:
        return True
    classes = word_classes(head)
    return (
        head.endswith(_ROLE_SUFFIXES)
        and len(head) > 4
        and classes.get("adj", head) == head  # not a comparative: "better", "simpler"
        and head not in _NOT_ROLES
        and not head.endswith("ment")  # "business development" is a field, not a person
    )


def _ordinary_word(word: str) -> bool:
    """A capitalised word that is no name: "Data", "Sustainability"; not "Rust" or "SAP"."""
    lower = word.lower()
    if not word[1:].islower() or lower in _PROPER_ROLE_WORDS:
        return False
    base = lower.split("-")[0].removesuffix("'s").removesuffix("’s")  # "Self-taught", "Women's"
    if lower in _ROLE_NOUNS:  # "Co-founder"
        return True
    return bool(word_classes(base)) or base.endswith(_ORDINARY_SUFFIXES) or base in _COINED


def _is_gerund(word: str) -> bool:
    """ "moving" in "nurse moving into SRE"; not "engineering" (a noun as well)."""
    classes = word_classes(word.lower())
    return word.endswith("ing") and "verb" in classes and "noun" not in classes


def _their_fact(context: Context) -> _Hook | None:
    """The recipient's own company, school or skill: a fact about them, not a shared one."""
    r = context.recipient
    if company := _usable([r.company]):
        return _hook([f"I see you're at {_with_article(company[0])}"], company[0], shared=False)
    if schools := _usable(r.schools):
        return _hook([f"I see you studied at {_with_article(schools[0])}"], schools[0], False)
    if skills := _usable(r.skills):
        return _hook([f"I see you work on {_lowered(skills[0])}"], skills[0], shared=False)
    return None


def _usable(facts: Sequence[str | None]) -> list[str]:
    """The facts short enough to sit in a sentence, on one line."""
    return [flat for fact in facts if _short(flat := _flat(fact))]


def _short(fact: str) -> bool:
    """Short enough to sit in a sentence, and not a sentence of its own."""
    return 0 < len(fact.split()) <= _MAX_FACT_WORDS and not re.search(r"[.!?;:]\s", fact + " ")


def _lowered(phrase: str) -> str:
    """A fact as it reads mid-sentence: "Design systems" -> "design systems", "eBPF" kept."""
    first, *rest = phrase.split()
    proper = any(w[:1].isupper() for w in rest)
    if first[:1].isupper() and first[1:].islower() and word_classes(first) and not proper:
        return first.lower() + phrase[len(first) :]
    return phrase


def _with_article(place: str) -> str:
    """ "the University of Michigan", "the KTH career fair", but "PyData Madrid"."""
    lower = place.lower()
    if lower.split()[0] in ("the", "a", "an", "our", "my", "your") or lower.split()[0].endswith(
        ("'s", "’s")
    ):
        return place  # "Kofi's concert"
    head = _named_for(place).lower()
    nouns = _PLACE_NOUNS | _ORG_NOUNS
    if lower.startswith(_INSTITUTIONS) or head in nouns or place[:1].islower():
        return "the " + place
    return place


def _place(where: str) -> str:
    """Where they met, with its preposition: "in Hanoi", "at the online webinar"; one typed
    with its own ("on the ferry crossing to Tvøroyri", held-out 49) as typed."""
    if " " not in where and where[:1].isupper() and where[1:].islower():
        return "in " + where
    if (m := _OWN_PREPOSITION_RE.match(where)) and not where[m.end() :].lstrip()[:1].isupper():
        return where[0].lower() + where[1:]  # not "On the Rocks Bar, Bergen", a name
    town = _EVENT_TOWN_RE.fullmatch(where)
    if town is not None and not {w.lower() for w in re.split(r"[ -]", town["town"])} & _NO_TOWN:
        # "Timber Fire Safety Symposium, Gdynia" is "at the … Symposium in Gdynia"; an island
        # is "on Manitoulin Island"
        island = (
            town["town"].split()[-1] in ("Island", "Islands") and town["town"] != "Rhode Island"
        )
        on = "on" if island else "in"
        return f"at {_with_article(town['event'])} {on} {town['town']}"
    return "at " + _with_article(where)


_OWN_PREPOSITION_RE = re.compile(r"(?:on|at|in|aboard|during|over) (?:the|a|an|board)\b", re.I)
_NO_TOWN = (
    WEEKDAYS
    | _WEEKDAY_ABBREVIATIONS  # "Tile Fair, Mon-Wed"
    | MONTHS
    | NUMBER_WORDS
    | frozenset(["online", "virtual", "remote", "hybrid", "floor", "day", "room", "hall",
                 "building", "level", "stage", "track", "session", "block", "wing", "street",
                 "road", "first", "second", "third", "fourth", "fifth", "main", "north", "south",
                 "east", "west"])
)  # fmt: skip
# An event named and its town after a comma, as forms have it; one or two words of town.
_EVENT_TOWN_RE = regex.compile(
    # "Ilé-Ifẹ̀": a town's words joined by a hyphen, its letters with their combining marks
    r"(?P<event>\S+(?: \S+)+), (?P<town>\p{Lu}[\p{Ll}\p{M}]+(?:[ -]\p{Lu}[\p{Ll}\p{M}]+)?)"
)


_SEASONS = frozenset(["summer", "autumn", "fall", "winter", "spring"])
_WHEN_STARTS = MONTHS | WEEKDAYS | _WEEKDAY_ABBREVIATIONS | frozenset([
    "last", "this", "early", "mid", "late", "in", "on", "yesterday", "today", "earlier",
    "around", "back", "about", "q1", "q2", "q3", "q4"
]) | _SEASONS  # fmt: skip
# A clause that tells a time already: a year, a season, a month ("may" and "march" are verbs too).
_TIME_SAID_RE = re.compile(
    rf"\b(?:(?:19|20)\d\d|{'|'.join(sorted(MONTHS - {'may', 'march', 'mar'}))}|"
    rf"(?:in|last|this|next|early|late|mid)[ -](?:{'|'.join(sorted(_SEASONS))}))\b",
    re.IGNORECASE,
)  # a season only after a word of time: "Spring Boot" and "fall protection" are none


_DAYS_RE = re.compile(r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?")
_DASHED_DATE_RE = re.compile(r"(\d{1,2})-([A-Za-z]{3,9})-(\d{4})")
# "2026-11-18", "2026/11/07", "12/09/2026", "12-11-2026", "12.09.": a date in digits
_NUMERIC_DATE_RE = re.compile(
    r"\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}(?:\2(?:\d{2}|\d{4}))?\.?"
)


def _time(when: str) -> str:
    """When they met as a phrase: "in 2022", "from 2019 to 2021", "on Thursday", "last week";
    "" for what is better left out."""
    when = re.sub(r"\s*\([^)]*\)", "", when).strip()  # "June (again)"
    lower = when.lower()
    if _AGO_RE.match(lower):
        return when
    if not lower or not (
        lower[0].isdigit() or lower.split()[0].rstrip(".").split("-")[0] in _WHEN_STARTS
    ):
        return ""  # "most recently Nov 2026" and the like read as a note to self
    if dashed := _DASHED_DATE_RE.fullmatch(when):  # "19-Sep-2026"
        when, lower = " ".join(dashed.groups()), " ".join(dashed.groups()).lower()
    words = lower.split()
    dated = words[:-1] if len(words) == 3 and re.fullmatch(r"\d{4}", words[2]) else words
    day = words[1:] if words[0].rstrip(".,") in _WEEKDAY_ABBREVIATIONS | WEEKDAYS else words
    day = day[:-1] if len(day) == 3 and re.fullmatch(r"\d{4}", day[2]) else day
    if (
        (
            len(dated) == 2
            and dated[0].rstrip(".") in MONTHS
            and _DAYS_RE.fullmatch(dated[1].rstrip(","))
        )
        or (len(day) == 2 and _DAYS_RE.fullmatch(day[0]) and day[1].rstrip(".") in MONTHS)
        or _NUMERIC_DATE_RE.fullmatch(when)
    ):
        # "on Thu 12 Nov", "on Feb 12", "in 12/09/2026": a day's date reads as a form pasted
        # in (readers marked it so, and nobody writes it to someone they met), so it is left
        # out; the rules hold a note that gives one to the date as typed
        return ""
    if re.fullmatch(r"\d{4}", when) or words[0] in MONTHS | _SEASONS:
        return "in " + when
    if re.fullmatch(r"\d{4}\s*(?:-|–|to)\s*\d{4}", when):
        start, end = re.split(r"\s*(?:-|–|to)\s*", when)
        return f"from {start} to {end}"
    if lower.rstrip(".") in _WEEKDAY_ABBREVIATIONS:
        return ""  # "Sat": not "in Sat", and the rules hold a note to the day as written
    if lower in WEEKDAYS:
        return "on " + lower.capitalize()
    when = " ".join(w.capitalize() if w.lower() in WEEKDAYS else w for w in when.split())
    return when if when[:1].islower() else "in " + when


def _contact(context: Context) -> _Hook | None:
    """How they met, with and without where and when; None when the context gives no contact
    to speak of (a stranger is never told "we met")."""
    rel = context.relationship
    if not rel.has_met:
        return None
    how, where = (
        _as_named(_flat(_LAUGH_RE.sub("", field or "")), context)
        for field in (rel.how_we_met, rel.where)
    )
    when = _flat(rel.when)
    about_reader = to_reader(how, context, they_is_reader=True)
    told, others = _meeting(about_reader) if how else ("", [])
    base = _meeting_clause(_YEARS_RE.sub(r"from \1 to \2", told), rel.familiarity) if told else None
    if _SAME_EMPLOYER_RE.match(told) and _workplace(context):
        return None  # "we both work at Fernwick Foods" says which
    if base is not None and where and _said(base, where):
        where = ""  # "your webinar on testing" says "online webinar" already
    place = _place(where) if _short(where) else ""
    time = _time(when) if _short(when) else ""
    if base is not None and time and (_mentions(base, when) or _TIME_SAID_RE.search(base)):
        time = ""  # "…in Yangon from 2018 to 2020", "…amber wine in winter": said once
    # "coming to the repair cafe for a year" happened on no one day, and where another clause
    # tells the meeting ("only met once at the 2019 offsite") the place and time are its own.
    if base is not None and (
        _HABITUAL_RE.search(base)
        or _plural_does(base.split())
        or any((where and _said(o, where)) or (when and _mentions(o, when)) for o in others)
    ):
        place = time = ""
    details = [(place, time), (place,), (time,), ()]
    place_only = base is None
    if base is None:  # only where they met: a place is what there is to say
        if not place or rel.familiarity not in _CONTACT:
            return None
        details = [d for d in details if place in d]
        if rel.familiarity == Familiarity.ACQUAINTANCE and place.startswith("at "):
            # they have met more than once: not "it was good to meet you"
            base, place = "we know each other", "from " + place.removeprefix("at ")
            details = [(place, time), (place,)]
        else:
            # a place alone: how they came to know each other, as their familiarity says it ("we
            # met at a sound archive from 2016 to 2019" read as a pasted field to colleagues)
            base = (
                "it was good to meet you" if rel.familiarity == Familiarity.MET_ONCE else "we met"
            )
            together = _PLACE_ONLY_BASES.get(rel.familiarity)
            if together is not None and set(where.lower().split()) & together[1]:
                base = together[0]
    if _ENDS_IN_A_CLAUSE_RE.search(base):
        # "…while it was still warm at Bekonang Gong Forge in July" places the warmth, not the
        # meeting: where and when go first ("at the Wikwemikong powwow in August 2026, you…")
        fronted = _hook(
            [", ".join([" ".join(filter(None, d)), base]) if any(d) else base for d in details],
            None,
            where=where,
            place=place,
        )
        return replace(fronted, told=_sentence(" ".join([base, *filter(None, details[0])])))
    return _hook(
        [" ".join([base, *filter(None, d)]) for d in details],
        None,
        where=where,
        place=place,
        place_only=place_only,
    )


# How they met, ending in a clause of its own that where and when would be read as part of.
_ENDS_IN_A_CLAUSE_RE = re.compile(
    r"^(?:I|we|you)\s[^—–]*\s(?:while|when|whilst|until|till|as soon as|before|after)\s+"
    r"(?:I|we|you|it|they|he|she)\b[^,;]*$"
)


# What colleagues and classmates did at a place alone, where the place is one for it: "we worked
# together at a sound archive", not "at PyCon 2019" or "at a client dinner".
_WORKPLACES = frozenset(
    ["lab", "laboratory", "archive", "office", "studio", "workshop", "factory", "mill", "plant",
     "hospital", "clinic", "museum", "library", "company", "firm", "agency", "bank", "shop",
     "store", "restaurant", "kitchen", "hotel", "farm", "site", "station", "yard", "warehouse",
     "newsroom", "department", "ministry", "council", "school", "university", "institute"]
)  # fmt: skip
_SCHOOLS = frozenset(
    ["school", "university", "college", "academy", "conservatory", "conservatoire", "institute",
     "polytechnic", "course", "class", "programme", "program", "seminary"]
)  # fmt: skip
_PLACE_ONLY_BASES = {
    Familiarity.FORMER_COLLEAGUE: ("we worked together", _WORKPLACES),
    Familiarity.CLASSMATE: ("we studied together", _SCHOOLS),
}


def _plural_does(words: list[str]) -> bool:
    """ "our daughters swim at the same club": a plural noun, then its verb and a preposition."""
    if len(words) < 4:
        return False
    noun, verb, then = (w.lower() for w in words[1:4])
    lemma = word_classes(noun).get("noun")
    return (
        lemma is not None
        and lemma != noun
        and word_classes(verb).get("verb") == verb
        and then in _CUT_BEFORE
    )


def _meeting(how: str) -> tuple[str, list[str]]:
    """The one clause of how they met that the note tells, and the others: the first of several
    ("chatted at the coffee queue; you mentioned your runbook"), or the one that says "this
    time" (the day the context names is then its own); without a denial ("..., and never worked
    together") or what was said after an introduction ("introduced us and said we should
    compare notes": the reason says that)."""
    clauses = [c.strip(" .") for c in _chunks(how) if c.strip(" .")] or [how]
    later = [c for c in clauses[1:] if _LATER_RE.match(c)]
    chosen = later[-1] if later else clauses[0]
    told = _SAID_AFTER_RE.sub("", _DENIAL_RE.sub("", _LATER_RE.sub("", chosen))).strip(" ,.")
    return told, [] if later else [c for c in clauses if c is not chosen]


def _meeting_clause(how: str, familiarity: Familiarity) -> str | None:
    """How they met as one clause: a list of things done joined ("met at the booth, talked about
    alerts" -> "we met at the booth and talked about alerts"), else its first part when that
    reads as a clause ("our kids are on the same team, we chat most Saturdays")."""
    parts = [p.strip() for p in how.split(", ") if p.strip()]
    rest = [re.sub(r"^(?:but|and|though)\s+", "", p, flags=re.I) for p in parts[1:]]
    done = [p for p in rest if p.split()[0].lower() in _SUBJECT_STARTS]
    if _DENIAL_START_RE.match(parts[0]) and done:
        # "never met in person, you reviewed my PR": the contact is what happened
        how, parts = done[0], done[:1]
    if len(parts) > 1 and all(_starts_with_past(p) for p in parts):
        how = ", ".join(parts[:-1]) + " and " + parts[-1]
    elif len(parts) > 1 and (first := _how_clause(parts[0], familiarity)) is not None:
        together = [p for p in done if p.split()[0].lower() == "we"]
        if first.startswith("you ") and together and len(parts) == 2:
            # "she presented a poster, we talked about dry rooms": what they did together too
            return f"{first}, and {together[0]}"
        return first
    return _how_clause(how, familiarity)


_RECIPROCAL_RE = re.compile(RECIPROCAL_AFTER_VERB, re.I)


def _did_together(said: str) -> bool:
    """Whether ``said`` opens on what both of them did together: "we did the doc shoot together
    at uni" (not "we need a producer", "we lost touch")."""
    m = _WE_DID_TOGETHER_RE.match(said)
    return m is not None and _starts_with_past(m["past"])


def _starts_with_past(phrase: str) -> bool:
    """ "talked about…", "came by our booth": a phrase that starts with a past-tense verb."""
    word = phrase.split()[0].lower()
    lemma = word_classes(word).get("verb")
    if lemma is None or lemma.split("/")[0] == word or word in _NOT_PAST:
        return False
    return word.endswith("ed") or not word.endswith(("ing", "s", "en"))


def _said(how: str, where: str) -> bool:
    """Whether how they met names the place already: "your webinar on testing" says "online
    webinar", "your PyData talk" says "PyData Madrid"."""
    words = [w.strip(",.") for w in how.split()]
    name = where.split()[0].strip(",.")
    nouns = {_singular(w.strip(",.")) for w in where.lower().split()} & _PLACE_NOUNS
    # "same coworking space" and "Telliskivi coworking"; not "talked about coral reefs" and
    # "coral reef symposium"
    named = {b for a, b in pairwise(words) if a.lower() in ("same", "the")}
    shared = {w.strip(",.") for w in where.split() if w.islower() and len(w) > 3} & named
    return (
        _mentions(how, where)
        or _names_event(how, where)  # "at the autumn ram sales" of "Autumn Ram Sales, Dingwall"
        or _head(where) in words
        or (name[:1].isupper() and len(name) > 2 and name in words)
        or bool(nouns & {_singular(w) for w in words})
        or bool(shared)  # "same coworking space" and "Telliskivi coworking"
    )


def _placed_once(hook: _Hook, said: str) -> _Hook:
    """``hook`` without the place they met where the reason as ``said`` beside it names it, or
    its town: "You said at the cistern workshop…", "good to see you again in Mokpo" tell it."""
    if not hook.place or not (told := _beside((said,), hook)):
        return hook
    town = hook.where.rsplit(",", 1)[1].strip() if "," in hook.where else ""
    kinds = {_singular(w) for w in _event(hook.where).split()} & _PLACE_NOUNS

    def names_it(sentence: str) -> bool:
        words = {_singular(w.strip(",.!?").lower()) for w in sentence.split()}
        return bool(
            (town and _mentions(sentence, town))
            or _names_event(sentence, hook.where)
            or words & kinds
        )

    # where they met, as a meeting is told: not "I'm moving to Lisbon", "are you going to any
    # conference next year?"
    if not any(names_it(p) and _MET_THERE_RE.search(p) for p, _ in _pieces(told[0])):
        return hook
    unplaced = tuple(v for v in hook.variants if hook.place not in v)
    return replace(hook, variants=unplaced) if unplaced else hook


_MET_THERE_RE = re.compile(
    r"\b(?:met|meet|saw|see|seeing|talked|chatted|spoke|said|told|showed|hello|again|stall|booth|"
    r"stand|demo)\b",
    re.I,
)


def _event(where: str) -> str:
    """The event's name in small letters, without its town: "autumn ram sales" of "Autumn Ram
    Sales, Dingwall"."""
    return " ".join(re.split(r",| (?:in|at) ", where)[0].lower().split())


def _names_event(text: str, where: str) -> bool:
    """Whether ``text`` names the event of ``where`` whole, in any case (two words at least)."""
    event = _event(where)
    return len(event.split()) > 1 and bool(re.search(rf"\b{re.escape(event)}\b", text.lower()))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _head(place: str) -> str:
    """The noun a place is named for: "online webinar" -> "webinar"; "" for a proper name."""
    head = _named_for(place)
    return head.lower() if head.islower() else ""


def _named_for(place: str) -> str:
    """The last word before a place's "in/at/of…" or comma: "Delta Resilience Summit, Ho Chi
    Minh City" is named for the summit, not the city."""
    words = re.split(r" (?:in|at|of|do|de) |,", place)[0].split()
    return words[-1] if words else place


def _mentions(text: str, fact: str) -> bool:
    """Whether ``text`` already says ``fact``: all of its words are in it."""
    words = {w.strip(",.").lower() for w in text.split()}
    return all(w.strip(",.").lower() in words for w in fact.split())


_FOR_YEARS_RE = re.compile(r"\bfor (?:\d+|a few|many|several|\w+) (?:years|yrs|months)\b")


def _how_clause(how: str, familiarity: Familiarity | None = None) -> str | None:
    """How they met as a clause with "we" or "I" ("talked after your talk" -> "we talked after
    your talk"; "came by our booth" -> "you came by our booth"), or None when it does not read
    as one."""
    words = how.split()
    if _ordinary_capitalised(words[0]) or words[0].lower() in _PERSON_NOUNS:
        # "Came by our booth", "Flatmates during…" are no name's clause
        how = how[0].lower() + how[1:]
        words = how.split()
    first = words[0].lower().replace("’", "'")
    if first in _SUBJECT_STARTS:
        return how[0].lower() + how[1:] if first != "i" and not first.startswith("i'") else how
    if words[0][:1].isupper() and _has_finite_verb(words):
        return how  # "Omar Haddad introduced us by email"
    if first in _POSSESSIVE_STARTS and (_has_finite_verb(words) or _plural_does(words)):
        return how  # "our allotments are next to each other", "our daughters swim at…"
    if first == "same":
        if familiarity == Familiarity.COLLEAGUE:  # they still are
            return "we work at the " + how if words[-1] in _EMPLOYERS else "we're in the " + how
        at = words[1].lower() if len(words) > 1 else ""
        return ("we were at the " if at in _PLACE_NOUNS | {"table"} else "we were in the ") + how
    if first in ("was", "were"):  # "was in the audience for your talk"
        return ("I " if first == "was" else "we ") + how[:1].lower() + how[1:]
    head_words = [
        w
        for w in re.split(r" (?:at|in|on|of|about|during|from|with|for|since) ", how)[0]
        .lower()
        .split()
        if w != "together"
    ]
    if head_words and head_words[-1] in _PERSON_NOUNS:
        # friends still are: "friends from the same climbing gym for six years"
        still = " since " in how or (
            familiarity == Familiarity.FRIEND
            and head_words[-1] == "friends"
            and _FOR_YEARS_RE.search(how) is not None
            and not re.search(r"\b(?:when|back then|years ago)\b", how)
        )
        return ("we've been " if still else "we were ") + how
    verb_at = 1 if len(words) > 1 and "adv" in word_classes(first) else 0
    verb = words[verb_at].lower()
    lemma = word_classes(verb).get("verb")
    is_past = lemma is not None and (lemma != verb or verb in _PAST_SAME_AS_BASE)
    if (is_past and not verb.endswith(("ing", "s"))) or verb in _PAST_SAME_AS_BASE:
        if lemma in _PASSIVE_VERBS:
            return "we were " + how
        if (
            lemma in _JOINT_VERBS
            or {"together", "same"} & set(how.lower().split())
            or _RECIPROCAL_RE.match(how)  # "stood next to each other": not "I stood…"
            # "ate lunch side by side", "traded answers for a year" (held-out 56); not "stood
            # shoulder to shoulder at your set", "traded in my Leica at your shop"
            or (_SIDE_BY_SIDE_RE.search(how) is not None and not re.search(r"\byour?\b", how, re.I))
            or _SWAPPED_RE.match(how) is not None
        ) and not re.search(
            r"\bwith you\b", how
        ):  # "worked with you at…" is "I worked with you", not "we worked with you"
            return "we " + how[:1].lower() + how[1:]
        lower = {w.strip(",.").lower() for w in words}
        if lemma in _VISITING_VERBS and lower & {"our", "my"} and not lower & {"you", "your"}:
            return "you " + how[:1].lower() + how[1:]  # "came by our booth": who else would have
        return "I " + how[:1].lower() + how[1:]
    if head_words and head_words[-1] in _TALK_NOUNS:
        if first.lower() in _WHEN_WE_TALKED:
            return "we talked " + how  # "over lunch at one crowded table" (held-out 54)
        article = "an" if how[0].lower() in "aeiou" else "a"
        return f"we had {article} {how}"
    if head_words and head_words[-1] in _CLASS_NOUNS:
        # "CIPD evening course together" -> "we took the CIPD evening course together"
        determined = first in _NOUN_PHRASE_STARTS | _POSSESSIVE_STARTS
        return "we took " + (how if determined or head_words[-1] not in _SINGULAR else "the " + how)
    return None


# "over lunch…", "during the coffee break…": the talk said as when it happened, not as a thing
# (not "we had an over lunch")
_WHEN_WE_TALKED = frozenset(["over", "during", "after", "before", "at", "on", "in", "between"])


# --- when there is no usable reason -------------------------------------------------------


def _closer(context: Context) -> str | None:
    """What the note asks for after a reason that asks nothing: a recruiter's, a job seeker's and
    a seller's own ask even to a friend; else staying in touch where they know each other."""
    if context.scenario in _CLOSERS_OF_THEIR_OWN:
        return _CLOSERS[context.scenario]
    familiarity = context.relationship.familiarity
    if (familiarity in _CLOSE and familiarity != Familiarity.COLLEAGUE) or context.scenario in (
        "event_followup",
        "alumni",
        "friend_to_professional",
        "former_colleague",
    ):
        # a stranger was never in touch: "stay in touch" would claim they were
        return _STAY_IN_TOUCH if familiarity != Familiarity.STRANGER else _GLAD_TO_CONNECT
    return _CLOSERS.get(context.scenario)


def _generic_purposes(context: Context, lead: str) -> _Slot:
    """Plain reasons to connect built from facts, for contexts without a usable reason."""
    r, rel = context.recipient, context.relationship
    out = []
    if rel.familiarity in _CLOSE or rel.has_met:
        # a stranger was never in touch, even one who shares a school or heard a talk
        out.append(_STAY_IN_TOUCH if rel.familiarity != Familiarity.STRANGER else _GLAD_TO_CONNECT)
    company = _flat(r.company)
    if company and _short(company):
        out.append(f"{lead} hear more about your work at {_with_article(company)}.")
    for skill in r.skills:
        if _short(_flat(skill)):
            out.append(f"{lead} follow your work on {_lowered(_flat(skill))}.")
            break
    for interest in rel.shared_interests:
        if _short(_flat(interest)):
            out.append(f"{lead} compare notes on {_lowered(_flat(interest))}.")
            break
    return tuple(out)
