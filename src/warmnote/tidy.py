"""The model tidies the plain note, by deleting only.

The plain note is built from the words the person typed, so a jotted reminder ("he's shy about it
so no pressure, nah skip") can reach the reader, and no list of phrases names every way of
writing one. A small model tells such words apart better, but it also invents. So it is asked
only to delete and to mend grammar, and its reply is kept only when every word it wrote stands
in the plain note, in the same order (a few words that mend grammar aside), the greeting is the
same, the rules pass it and it raises no finding the plain note did not. Anything else keeps the
plain note as it was. What the tidy took out is listed beside the note.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Literal

from warmnote.cleanup import clean_draft
from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter
from warmnote.guardrails import Guardrails, Verdict
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
grammar ("Your post, really sharp." -> "Your post was really sharp.") and claim nothing."""

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


TidyOutcome = Literal["tidied", "unchanged", "refused", "cancelled"]


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
    """The runs of the plain note's words the tidy left out, as the plain note wrote them
    (a run of mending words alone is grammar, not something left out)."""
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(plain)]
    before, kept, _ = _aligned(plain, tidied)
    runs: list[list[int]] = []
    for i in range(len(before)):
        if i in kept:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [
        plain[spans[run[0]][0] : spans[run[-1]][1]]
        for run in runs
        if any(before[i] not in MENDING_WORDS for i in run)
    ]


def _aligned(plain: str, tidied: str) -> tuple[list[str], set[int], list[str]]:
    """The plain note's words, the places of those the tidy kept, and the tidy's words that
    stand nowhere after the previous match; mending words are skipped. Each word takes its
    earliest match, which leaves the most words for the rest to match."""
    before = _words(plain)
    kept: set[int] = set()
    added: list[str] = []
    at = 0
    for word in _words(tidied):
        if word in MENDING_WORDS:
            continue
        try:
            at = before.index(word, at)
        except ValueError:
            added.append(word)
            continue
        kept.add(at)
        at += 1
    return before, kept, added


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
    verdict = guardrails.check(text, context)
    found_before = {v.rule for v in guardrails.check(plain, context).violations}
    if not verdict.passed or {v.rule for v in verdict.violations} - found_before:
        return Tidied("refused", plain, reply.seconds)
    return Tidied("tidied", text, reply.seconds, verdict, tuple(removed_runs(plain, text)))


def _words(text: str) -> list[str]:
    return [word.casefold().replace("’", "'") for word in _WORD_RE.findall(text)]


def _greeting(text: str) -> str:
    return text.split(",", 1)[0] if "," in text[:80] else ""
