"""What the sender tells warmnote, not the reader: "keep it light", "no pitch yet", "connect
first, sell never (ok, later)", "we never spoke one to one".

People type these into the reason because the form is where they think aloud. Said to the
reader they make a note read like a pasted draft (two readers marked every such note `edit` or
`reject`), so the plain note and the prompt both leave them out. Only a whole clause goes, and
only one that is nothing but such an aside: "I'd like to connect and compare notes" stays.
"""

from __future__ import annotations

import re

# One clause of the reason, compared in small letters without its end punctuation.
_NOTE_TO_SELF_RE = re.compile(
    r"^(?:but |and |so )?(?:"
    # tactics: "I don't want to pitch in the first message", "not selling", "no pitch yet"
    r"(?:i )?(?:don't|do not|won't|will not|not|never) (?:want to |going to |gonna )?"
    r"(?:pitch|sell|be salesy|be pushy|hard[- ]sell)\w*\b.*"
    r"|no (?:pitch|sales pitch|selling|hard sell|sales)\b.*"
    r"|.*\bno cold (?:pitch|pitches|messages|sales)\b.*"  # "her about says no cold pitches"
    r"|(?:sell|pitch|selling|pitching) (?:never|later)\b.*"
    # tone: "keep it light", "don't be salesy", "not too formal"
    r"|(?:keep it|make it|be|sound) (?:\w+ )?(?:light|short|brief|casual|friendly|warm|simple|"
    r"low[- ]key|human|chill)"
    r"|(?:don't|do not|not too|never) (?:be |sound |come across as )?(?:too )?"
    r"(?:salesy|pushy|creepy|weird|formal|needy|stiff)"
    # plans: "connect first", "just connect and be useful later", "but first, just reconnect"
    r"|(?:first,? )?just (?:re)?connect\b.*"
    r"|(?:re)?connect (?:here )?first\b.*"
    # what the form already says: "we're friends", "we never spoke one to one"
    r"|(?:we're|we are) (?:(?:good|old|close) )?friends"
    r"|(?:we|i) (?:have |had |'ve |’ve )?never (?:met|spoken|spoke|talked)\b[\w -]{0,20}"
    r"|we (?:haven't|have not|didn't|did not) (?:met|meet|spoken|speak|talked|talk)\b[\w -]{0,20}"
    r"|(?:ok|okay),? later|maybe later"
    r")$"
)
# Where a clause ends: a sentence's end, ";", a dash between spaces, a comma (with the word
# that joins the next clause to it, which goes with an aside after it), but not the one after
# "first" of "but first, just reconnect"; then, within a clause that is no aside as a whole,
# "and" ("I'd love a chat and keep it casual").
_CLAUSE_END_RE = re.compile(
    r"((?<=[.!?])\s+|;\s+|\s[-–—]\s+|(?<!first),\s+(?:but\s+|and\s+|so\s+)?)"
)
_AND_RE = re.compile(r"(\s+and\s+)")
_PARENTHESIS_RE = re.compile(r"\s*\(([^()]*)\)")


def is_note_to_self(clause: str) -> bool:
    """Whether ``clause`` is the sender thinking aloud ("keep it light, we're friends")."""
    return _NOTE_TO_SELF_RE.match(clause.strip(" .!?,").casefold()) is not None


def without_notes_to_self(text: str) -> str:
    """``text`` without the clauses that are notes to self; unchanged when it has none."""
    text = _PARENTHESIS_RE.sub(lambda m: "" if is_note_to_self(m.group(1)) else m.group(), text)
    return _without(text, _CLAUSE_END_RE, _AND_RE)


def _without(text: str, breaks: re.Pattern[str], then: re.Pattern[str] | None = None) -> str:
    pieces = breaks.split(text)
    kept = ""
    end = ""  # what followed the last clause kept: the next one kept is joined by it
    dropped = False
    for clause, after in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        said = "" if is_note_to_self(clause) else _without(clause, then) if then else clause
        if said:
            kept, end = f"{kept}{end}{said}", after
            dropped |= said != clause
            continue
        dropped = True
        if kept and clause.rstrip()[-1:] in (".", "!", "?") and kept[-1] not in ".!?":
            # "…alarms for, but I don't want to pitch." -> "…alarms for."
            kept, end = kept + clause.rstrip()[-1], " "
    return kept.strip() if dropped else text
