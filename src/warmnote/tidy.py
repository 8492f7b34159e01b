"""The model tidies the plain note, by deleting only.

The plain note is built from the words the person typed, so a jotted reminder ("he's shy about it
so no pressure, nah skip") can reach the reader, and no list of phrases names every way of
writing one. A small model tells such words apart better, but it also invents. So it is asked
only to delete and to mend grammar, and its reply is kept only when every word it wrote stands
in the plain note, in the same order (a few words that mend grammar aside, and typos it spelt
right: ``respelt``), the greeting is the same, nothing it dropped turns a claim around
(``changes_a_claim``) or leaves the note asking nothing (``drops_the_ask``), the rules pass it
and it raises no finding the plain note did not. Anything else keeps the plain note as it was. What
the tidy took out is listed beside the note.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import OSA, Levenshtein

from warmnote.cleanup import clean_draft
from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter
from warmnote.guardrails import Guardrails, Verdict
from warmnote.perspective import word_classes
from warmnote.sampling import Sampling

TIDY_SYSTEM = (
    "You copy-edit short LinkedIn connection notes. The draft was assembled from the writer's "
    "own jotted notes, so it may contain fragments, shorthand, or reminders the writer wrote to "
    "themselves. Rewrite it as a clean note the writer would send: whole sentences, addressed "
    "to the reader as 'you'. Delete reminders to self (about tone, what to skip, what to keep "
    "back) and remarks about the reader's personality. Never add a fact, a name, a number, a "
    "compliment or a claim that is not in the draft. Keep the greeting. Output only the note."
)
TIDY_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "Hi Marta, we met at the Lisbon bakery fair. loved ur sourdough demo, crowd was huge lol. "
        "I'd love to ask what flour you use. You're kinda intense so keep it short.",
        "Hi Marta, we met at the Lisbon bakery fair. I loved your sourdough demo. "
        "I'd love to ask what flour you use.",
    ),
    (
        "Hi Tomasz, I'm a route planner at Vistula Freight. Your post on night deliveries, really "
        "sharp. I'd like to know how you schedule drivers. You're a bit of a legend so don't "
        "grovel.",
        "Hi Tomasz, I'm a route planner at Vistula Freight. Your post on night deliveries was "
        "really sharp. I'd like to know how you schedule drivers.",
    ),
)
TIDY_SAMPLING = Sampling(temperature=0.0, top_k=1, repeat_penalty=1.0, max_tokens=160)
"""Greedy: the same plain note is tidied the same way every time."""

MENDING_WORDS = frozenset({"a", "an", "the", "is", "are", "was", "were", "and", "but", "it"})
"""The only words a tidy may write that the plain note did not have in that place: they mend
grammar ("Your post, really sharp." -> "Your post was really sharp.") and claim nothing. Not
"it's": "its growers" -> "it's growers", "Your stall, the best one." -> "It's the best one."."""

# Words whose loss changes what a clause claims: "I'm not hiring" -> "I'm hiring", "I used to
# work there" -> "I work there", "we've only nodded" -> "we've nodded", "ex-Stripe" -> "Stripe".
# With words ending in n't and numbers ("10-15 guests" -> "15 guests"), a tidy may drop one
# only with the whole clause that holds it.
# fmt: off
SCOPE_WORDS = frozenset({
    "not", "no", "never", "nothing", "nobody", "none", "nor", "without", "cannot", "dont", "cant",
    "wont", "isnt", "arent", "wasnt", "werent", "doesnt", "didnt", "havent", "hasnt", "hadnt",
    "wouldnt", "couldnt", "shouldnt", "ex", "non", "former", "formerly", "used", "plan",
    "planning", "hope", "hoping", "only", "almost", "nearly",
})
# fmt: on

# Words that make a sentence a guess ("We met at the market, I think."): one goes only with the
# whole sentence, or the guess would be left as a fact.
# fmt: off
HEDGES = frozenset({
    "think", "maybe", "perhaps", "probably", "might", "may", "guess", "apparently", "unsure",
})
# fmt: on

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)")
_CLAUSE_END_RE = re.compile(r"[,;:.!?]+(?=\s|$)|\s[—–-]\s")
_QUESTION_RE = re.compile(r"[^.!?]*\?")


TidyOutcome = Literal["tidied", "unchanged", "refused", "cancelled"]
OUTCOME_TEXT = {
    "tidied": "tidied by the model, which only took words out",
    "unchanged": "the model's tidy changed nothing",
    "refused": "the model's tidy changed more than it may, so it was not kept",
    "cancelled": "the model's tidy was cancelled",
    "no_model": "not tidied: no model loaded, or it failed",
}
"""What each outcome means, in the words the app and ``warmnote draft`` show (``no_model`` is
the session's: ``DraftingSession.tidy``)."""


@dataclass(frozen=True)
class Tidied:
    """A tidy's outcome: the note to show (the plain note unless ``outcome`` is "tidied"), what
    the tidy took out of it, and how long the model took."""

    outcome: TidyOutcome
    text: str
    seconds: float
    verdict: Verdict | None = None
    """The rules' verdict on a tidied note."""
    removed: tuple[str, ...] = ()


def tidy_messages(note: str) -> list[ChatMessage]:
    messages = [ChatMessage("system", TIDY_SYSTEM)]
    for draft, tidied in TIDY_EXAMPLES:
        messages += [ChatMessage("user", draft), ChatMessage("assistant", tidied)]
    return [*messages, ChatMessage("user", note)]


def words_added(plain: str, tidied: str) -> list[str]:
    """The words of ``tidied`` that do not stand in ``plain`` in the same order, other than
    the mending words (case and the kind of apostrophe aside)."""
    return _aligned(plain, tidied)[2]


def removed_runs(plain: str, tidied: str) -> list[str]:
    """The runs of the plain note's words the tidy left out, as the plain note wrote them (a
    run of mending words alone is grammar, not something left out). For showing only: lined up
    as a diff lines up lines, which may not be the best alignment, but no check relies on it."""
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(plain)]
    before = _words(plain)
    matcher = difflib.SequenceMatcher(a=before, b=_words(tidied), autojunk=False)
    return [
        plain[spans[i1][0] : spans[i2 - 1][1]]
        for op, i1, i2, _, _ in matcher.get_opcodes()
        if op in ("delete", "replace") and any(w not in MENDING_WORDS for w in before[i1:i2])
    ]


def changes_a_claim(plain: str, tidied: str) -> bool:
    """Whether the tidy changed what is said rather than only leaving some of it out: a scope
    word or number dropped from a clause it kept some of, or a question it kept but no longer
    asks."""
    before, kept, _ = _aligned(plain, tidied)
    starts = [m.start() for m in _WORD_RE.finditer(plain)]
    clause = _parts(starts, _CLAUSE_END_RE.finditer(plain))
    sentence = _parts(starts, _SENTENCE_END_RE.finditer(plain))
    for i, word in enumerate(before):
        if i in kept:
            continue
        part = sentence if word in HEDGES else clause if _scopes(word) else None
        if part is not None and any(j in kept for j, p in enumerate(part) if p == part[i]):
            return True
    asked = [_words(q.group()) for q in _QUESTION_RE.finditer(plain)]
    still = [_words(q.group()) for q in _QUESTION_RE.finditer(tidied)]
    return any(_said(question, tidied) and question not in still for question in asked)


def drops_the_ask(plain: str, tidied: str) -> bool:
    """Whether the plain note asks for something (a question, "I'd like to…") and the tidy asks
    nothing: "How do you manage it?" went with the note to self after it, or "I'd like to hear
    how your team…" became "How your team…"."""
    return _ASKS_RE.search(plain) is not None and _ASKS_RE.search(tidied) is None


# What asks: a question, or a wish said as the writer's ("…this first note simply asks how you
# pick the titles", "I hope to describe the post"); "Ravi wanted me to…", "I hope you're well"
# and "the role asks for SQL" do not.
_ASKS_RE = re.compile(
    r"\?|\b(?:i['’]d|i would|i want|i['’]m hoping|would you|could you|would love|would like|"
    r"would value|keen to|curious|let['’]s|thank|congratulations|(?:i|we) hope to|"
    r"(?:note|message) (?:simply |only |just )?asks (?:you )?(?:how|what|why|whether|if|where|"
    r"when|which|who))\b",
    re.IGNORECASE,
)


def _parts(starts: list[int], ends: Iterator[re.Match[str]]) -> list[int]:
    """The part (clause or sentence) of each word: how many part ends come before it."""
    bounds = [end.end() for end in ends]
    return [sum(bound <= start for bound in bounds) for start in starts]


def _scopes(word: str) -> bool:
    return word in SCOPE_WORDS or word.endswith("n't") or any(c.isdigit() for c in word)


def _said(question: list[str], text: str) -> bool:
    """Whether ``text`` still holds most of the question's words (so it was not left out)."""
    words = set(_words(text))
    return sum(word in words for word in question) * 2 > len(question)


def _aligned(plain: str, tidied: str) -> tuple[list[str], set[int], list[str]]:
    """The plain note's words, the places of those the tidy kept, and the tidy's words that
    stand nowhere after the previous match; mending words are skipped. Each word takes its
    earliest match, which leaves the most words for the rest to match."""
    before = _words(plain)
    small = [w.islower() for w in _WORD_RE.findall(plain)]  # "Hodan" is no typo of "Hogan"
    kept: set[int] = set()
    added: list[str] = []
    at = 0
    for word in _words(tidied):
        if word in MENDING_WORDS:
            continue
        try:
            at = before.index(word, at)
        except ValueError:
            typed = next(
                (i for i in range(at, len(before)) if small[i] and respelt(before[i], word)), None
            )
            if typed is None:
                added.append(word)
                continue
            at = typed
        kept.add(at)
        at += 1
    return before, kept, added


def respelt(typed: str, written: str) -> bool:
    """Whether ``written`` is only ``typed`` spelt right, which claims nothing new: a typo the
    plain note copied from the reason, which no word list has, put right by one letter put in,
    taken out or swapped with the next ("comercially", "wether", "gusets"), or its apostrophe
    put in ("theyll" -> "they'll"). Not a letter for another ("antenatal" -> "antinatal",
    "micro" -> "macro"), a word of the list ("were" -> "we're", "costs" -> "cost"), a number
    or a scope word ("can" -> "can't")."""
    bare, fixed = typed.replace("'", ""), written.replace("'", "")
    if any(c.isdigit() for c in typed + written) or _scopes(typed) != _scopes(written):
        return False
    if word_classes(typed) or typed in _WORDS_WITHOUT_CLASSES:
        return False
    if bare == fixed:
        return bare != written  # the apostrophe put in, not taken out
    one = Levenshtein.distance(bare, fixed) == 1 and len(bare) != len(fixed)  # in or out
    swapped = OSA.distance(bare, fixed) == 1 and Levenshtein.distance(bare, fixed) == 2
    return len(bare) >= 4 and bare[0] == fixed[0] and (one or swapped)


_WORDS_WITHOUT_CLASSES = frozenset(
    ["were", "well", "shed", "ill", "hell", "shell", "wed", "its", "id", "cant", "wont", "hed"]
)
"""Words the word list gives no class, which an apostrophe would make another word."""


def tidy_note(
    plain: str,
    context: Context,
    drafter: Drafter,
    guardrails: Guardrails,
    *,
    cancel: threading.Event | None = None,
) -> Tidied:
    """The plain note tidied by the model; "refused" keeps the plain note when the reply broke
    one of the conditions above."""
    from warmnote.pipeline import stream_reply

    reply = stream_reply(drafter, tidy_messages(plain), TIDY_SAMPLING, 0, cancel=cancel)
    if reply.cancelled:
        return Tidied("cancelled", plain, reply.seconds)
    text, _ = clean_draft(reply.raw, guardrails, context)
    if _words(text) == _words(plain):
        return Tidied("unchanged", plain, reply.seconds)
    if _greeting(text) != _greeting(plain) or words_added(plain, text):
        return Tidied("refused", plain, reply.seconds)
    if changes_a_claim(plain, text) or drops_the_ask(plain, text):
        return Tidied("refused", plain, reply.seconds)
    verdict = guardrails.check(text, context)
    found_before = {v.rule for v in guardrails.check(plain, context).violations}
    if not verdict.passed or {v.rule for v in verdict.violations} - found_before:
        return Tidied("refused", plain, reply.seconds)
    return Tidied("tidied", text, reply.seconds, verdict, tuple(removed_runs(plain, text)))


def _words(text: str) -> list[str]:
    return [word.casefold().replace("’", "'") for word in _WORD_RE.findall(text)]


def _greeting(text: str) -> str:
    """Up to the first comma ("Hi Ana"); a note without one is all greeting, so a tidy of it
    must leave it as it is."""
    return text.split(",", 1)[0]
