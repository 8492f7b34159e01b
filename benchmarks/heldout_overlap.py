"""What a new held-out set shares with everything the project was tuned on (issue 8).

A held-out set measures notes on contexts nothing was tuned on, so none of its people, places,
companies or phrasings may already sit in a file the code, the rules or the tests were shaped
by: the bundled suite, the packs, the examples, the tests and their data, the guardrails, the
source, the judged corpus and every earlier held-out set. Its writer runs this on a draft
(``contexts.jsonl``, one context per line, or a probe file of the same shape) and rewords until
it prints nothing they could not avoid.

It prints only the draft's own words, never the text they were found in, so the writer stays
blind to the earlier sets:

- ``name part``: a word of a person's name (recipient, sender, mutual connections) that occurs
  anywhere in those files;
- ``field word``: a word of the other short fields (headlines, companies, places, schools,
  shared interests, skills) that is not an everyday English word and occurs there;
- ``phrase``: four words in a row of the reason or ``how_we_met``, three of them no small word,
  that occur there in that order.

Words are compared case- and accent-blind ("Konya" is "Kónya"). The draft's own folder is left
out of the files compared against.

Run: .venv/bin/python benchmarks/heldout_overlap.py evals/heldout55/contexts.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from warmnote.guardrails.lexicon import english_words
from warmnote.names import POST_NOMINALS, TITLES
from warmnote.text import fold_chars

ROOT = Path(__file__).resolve().parents[1]
_WORD_RE = re.compile(r"[^\W_]+")
PHRASE = 4
_SMALL = frozenset(
    ["a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "my",
     "our", "your", "his", "her", "their", "him", "them", "she", "he", "i", "we", "you", "it",
     "its", "is", "was", "are", "be", "been", "me", "us", "that", "this", "so", "just", "not",
     "no", "as", "by", "from", "if", "about", "what", "how", "when", "who", "which", "would",
     "like", "love", "do", "did", "has", "have", "had", "can", "could", "will"]
)  # fmt: skip
_NAME_FIELDS = ("recipient", "sender")
_SHORT_FIELDS = ("headline", "company", "location")
_RELATIONSHIP_FIELDS = ("where", "when")


def words(text: str) -> list[str]:
    """The words of ``text``, case- and accent-blind."""
    return _WORD_RE.findall(fold_chars(text).casefold())


def tuning_files(skip: Path) -> Iterator[Path]:
    """Every file a tuning choice could have been made from, but the draft's own folder."""
    patterns = [
        "evals/**/*.jsonl",
        "evals/**/*.toml",
        "evals/**/*.md",
        "prompts/*.toml",
        "guardrails/*.toml",
        "examples/*",
        "tests/**/*.py",
        "tests/**/*.toml",
        "tests/**/*.json",
        "tests/**/*.jsonl",
        "tests/**/*.svg",
        "src/**/*.py",
        "README.md",
    ]
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and skip not in path.resolve().parents:
                yield path


class Corpus:
    """The words and four-word runs of the tuning files."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.words: set[str] = set()
        self.phrases: set[tuple[str, ...]] = set()
        for path in paths:
            found = words(path.read_text(encoding="utf-8", errors="replace"))
            self.words.update(found)
            self.phrases.update(zip(*(found[i:] for i in range(PHRASE)), strict=False))


def name_parts(context: dict[str, Any]) -> Iterator[str]:
    people = [context.get(field, {}).get("name", "") for field in _NAME_FIELDS]
    people += context.get("relationship", {}).get("mutual_connections", [])
    skip = {fold_chars(t).casefold().rstrip(".") for t in TITLES | POST_NOMINALS}
    for person in people:
        yield from (w for w in words(person) if len(w) > 2 and w not in skip)


def field_text(context: dict[str, Any]) -> Iterator[str]:
    for field in _NAME_FIELDS:
        person = context.get(field, {})
        yield from (person.get(key) or "" for key in _SHORT_FIELDS)
        yield from person.get("schools", [])
        yield from person.get("skills", [])
    relationship = context.get("relationship", {})
    yield from (relationship.get(key) or "" for key in _RELATIONSHIP_FIELDS)
    yield from relationship.get("shared_interests", [])


def overlaps(contexts: list[dict[str, Any]], corpus: Corpus) -> Iterator[str]:
    english = {fold_chars(w).casefold() for w in english_words()}
    seen: set[str] = set()

    def once(line: str) -> Iterator[str]:
        if line not in seen:
            seen.add(line)
            yield line

    for context in contexts:
        for part in name_parts(context):
            if part in corpus.words:
                yield from once(f"name part {part}")
        for text in field_text(context):
            for word in words(text):
                if (
                    word not in english
                    and word not in _SMALL
                    and not word.isdigit()
                    and word in corpus.words
                ):
                    yield from once(f"field word {word}")
        for text in (context.get("reason", ""), context.get("relationship", {}).get("how_we_met")):
            found = words(text or "")
            for run in zip(*(found[i:] for i in range(PHRASE)), strict=False):
                if sum(w not in _SMALL for w in run) >= 3 and run in corpus.phrases:
                    yield from once(f"phrase {' '.join(run)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="contexts, one JSON object per line")
    args = parser.parse_args()
    try:
        lines = args.file.read_text(encoding="utf-8").splitlines()
        contexts = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        sys.exit(f"{args.file}: {err}")
    if not all(isinstance(context, dict) for context in contexts):
        sys.exit(f"{args.file}: every line must be a JSON object (a context)")
    corpus = Corpus(tuning_files(args.file.resolve().parent))
    found = list(overlaps(contexts, corpus))
    for line in found:
        print(line)
    print(f"{len(found)} shared ({len(contexts)} contexts)")


if __name__ == "__main__":
    main()
