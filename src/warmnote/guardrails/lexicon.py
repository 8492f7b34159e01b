"""English word forms, to tell "Loved your talk" from "Maria suggested" at a sentence start,
and verbs' forms, to tell "I read the runbook" from "I'd like to read the runbook".

The lists are lemminflect's lemma lookup table (about 70,000 lower-case word forms: "loved",
"spotted", "caught"; personal and place names are not in it) and its inflection table. Only the
data files are read, so the package's own code (and numpy) is never imported.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

_PACKAGE = "lemminflect"
_TABLE = Path("resources") / "lemma_lu.csv.gz"
_INFLECTIONS = Path("resources") / "infl_lu.csv.gz"
_FIRST_COLUMN = re.compile(r"^[^,\n]+", re.M)
# A verb's row in the inflection table: lemma,verb,past (VBD),past participle (VBN, empty when
# the same),-ing,-s; a column may hold alternatives split by "/" ("learned/learnt").
_VERB_ROW = re.compile(r"^([a-z][a-z'-]*),verb,([^,\n]*),([^,\n]*),([^,\n]*),([^,\n]*)$", re.M)


def _read(table: Path) -> str:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is missing; reinstall warmnote")
    path = Path(next(iter(spec.submodule_search_locations))) / table
    return gzip.decompress(path.read_bytes()).decode("utf-8")


@cache
def lemma_table() -> str:
    """Rows ``form,part of speech,lemma``, one per line ("runs,verb,run")."""
    return _read(_TABLE)


@cache
def inflection_table() -> str:
    """Rows ``lemma,part of speech,forms…``; a verb's forms are past, past participle, -ing, -s."""
    return _read(_INFLECTIONS)


@cache
def english_words() -> frozenset[str]:
    return frozenset(_FIRST_COLUMN.findall(lemma_table()))


class VerbForms(NamedTuple):
    """A verb's forms that report it done or under way: "follow" has past {"followed"} and
    -ing {"following"}."""

    past: frozenset[str]
    """The past tense and past participle forms."""
    ing: frozenset[str]


@cache
def verb_forms() -> dict[str, VerbForms]:
    """Each lower-case verb's forms: "read" -> past {"read"}, "try" -> past {"tried"}, "learn"
    -> past {"learned", "learnt"}."""
    forms: dict[str, VerbForms] = {}
    for lemma, *columns in _VERB_ROW.findall(inflection_table()):
        past, participle, ing, _ = ({w for w in c.split("/") if w} for c in columns)
        if past or participle:
            known = forms.get(lemma, VerbForms(frozenset(), frozenset()))
            forms[lemma] = VerbForms(known.past | past | participle, known.ing | ing)
    return forms
