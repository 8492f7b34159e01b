"""Spellings meant to slip past a filter are caught where they are; prose that looks alike is not.

Families (issue 10): links with the dot or the at spelled out, phone numbers in words or broken
digits, template fields in any brackets, selling in other words, stock phrases with their
letters set apart, and control characters. The labelled notes in tests/data hold realistic
examples with contexts; this file pins the spans, the precision cases and the invariants, and
that hostile 200 KB notes are checked in linear time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.guardrails import Guardrails, Verdict
from warmnote.guardrails.links import phone_view
from warmnote.locations import builtin_dir
from warmnote.text import fold

NOTE = "Hi Priya, I enjoyed your feature store talk at PyData Berlin. {}"


def spans(verdict: Verdict, text: str, rule: str) -> list[str]:
    return [text[v.start : v.end] for v in verdict.errors if v.rule == rule]


CAUGHT = [
    # links
    ("links", "Notes at ⟦samokafor[.]dev⟧ if useful."),
    ("links", "Notes at ⟦samokafor (dot) dev⟧ if useful."),
    ("links", "Notes at ⟦samokafor{dot}dev⟧ if useful."),
    ("links", "Notes at ⟦samokafor dot dev⟧ for you."),
    ("links", "Notes at ⟦samokafor . dev⟧ if useful."),
    ("links", "Notes at ⟦samokafor。dev⟧ if useful."),
    ("links", "Site: ⟦www dot okafor dot co dot uk⟧"),
    ("links", "See ⟦hxxps://okafor.example/notes⟧ now."),
    ("links", "See ⟦hxxp[:]//okafor[.]dev/notes⟧ now."),
    ("links", "See ⟦h**ps://okafor.example/x⟧ now."),
    ("links", "Slides: ⟦\u202eved.rofakomas⟧\u202c, enjoy."),
    ("links", "Write to ⟦sam at okafor dot dev⟧ soon."),
    ("links", "Write to ⟦sam [at] okafor [dot] dev⟧ soon."),
    ("links", "Write to ⟦sam(at)okafor.dev⟧ soon."),
    ("links", "Write to ⟦sam @ okafor . dev⟧ soon."),
    ("links", "My notes are at ⟦samokafor dot dev⟧."),
    ("links", "Notes at ⟦example .com⟧ if useful."),
    ("links", "Notes at ⟦example. com⟧ if useful."),
    ("links", "Notes at ⟦tallyflow. io⟧."),
    ("links", "Notes at ⟦example d0t com⟧ if useful."),
    ("links", "Notes at ⟦example (d0t) com⟧ if useful."),
    ("links", "Notes at ⟦exampled0tcom⟧ if useful."),
    ("links", "Notes at ⟦exampleDOTcom⟧ if useful."),
    ("links", "Notes at ⟦exampleDotCom⟧ if useful."),
    ("links", "Notes at ⟦example·com⟧ if useful."),
    ("links", "Notes at ⟦example・io⟧ if useful."),
    ("links", "Notes at ⟦e x a m p l e . c o m⟧ if useful."),
    ("links", "Write to ⟦s a m @ o k a f o r . d e v⟧ soon."),
    ("links", "See ⟦h t t p s : / / foo⟧ now."),
    ("links", "See ⟦h t t p : / / okafor.example/x⟧ now."),
    # phone numbers
    ("links", "Call ⟦nine one two, three four five, six seven eight⟧."),
    ("links", "Ring ⟦five five five oh one nine nine⟧ today."),
    ("links", "Ring ⟦five five five, twelve thirty-four⟧ now."),
    ("links", "Call ⟦+44 seven seven zero zero 900 123⟧ today."),
    ("links", "Call ⟦9 1 2 . 3 4 5 . 6 7 8⟧ any time."),
    ("links", "Call ⟦912/345/678⟧ any time."),
    ("links", "Call ⟦９１２ ３４５ ６７８⟧ any time."),
    # placeholders
    ("placeholder", "Hi ⟦%first_name%⟧, loved it."),
    ("placeholder", "Hi ⟦%FNAME%⟧, loved it."),
    ("placeholder", "Hi ⟦(name)⟧, loved it."),
    ("placeholder", "Hi ⟦(First Name)⟧, loved it."),
    ("placeholder", "Hi ⟦firstname⟧, loved it."),
    ("placeholder", "Hi ⟦first_name⟧, loved it."),
    ("placeholder", "Hi ⟦FirstName⟧, loved it."),
    ("placeholder", "Hi ⟦FIRST_NAME⟧, loved it."),
    ("placeholder", "Hi ⟦NAME⟧, loved it."),
    ("placeholder", "Hi ⟦<Name>⟧, loved it."),
    ("placeholder", "Hi ⟦<<name>>⟧, loved it."),
    ("placeholder", "Hi ⟦{{name}}⟧, loved it."),
    ("placeholder", "Hi ⟦{{ first_name }}⟧, loved it."),
    ("placeholder", "Hi ⟦[[name]]⟧, loved it."),
    ("placeholder", "Hi ⟦__name__⟧, loved it."),
    ("placeholder", "Hi ⟦‹name›⟧, loved it."),
    ("placeholder", "Hi ⟦$name⟧, loved it."),
    ("placeholder", "How does ⟦[Company]⟧ do it?"),
    ("placeholder", "How does ⟦(company name)⟧ do it?"),
    # selling
    ("pushy", "May I ⟦walk you through a demo of our product⟧?"),
    ("pushy", "Happy to ⟦share a discount⟧ if you sign this month."),
    ("pushy", "Happy to share a discount ⟦if you sign⟧ this month."),
    ("pushy", "I'd love to ⟦pitch our⟧ platform to your team."),
    ("pushy", "Our ⟦offer expires⟧ on Friday."),
    ("pushy", "We have ⟦limited-time⟧ pricing for you."),
    ("pushy", "Happy to set you up with a ⟦free trial⟧."),
    ("pushy", "Can I ⟦show you what our platform⟧ does?"),
    ("pushy", "Could I ⟦give you a quick demo⟧?"),
    ("pushy", "Free for a ⟦fifteen-minute call⟧?"),
    # stock phrases with their letters set apart
    ("boilerplate", "⟦I c a m e  a c r o s s  y o u r  p r o f i l e⟧."),
    ("boilerplate", "⟦I c.a.m.e a.c.r.o.s.s y.o.u.r p.r.o.f.i.l.e⟧ today."),
    ("boilerplate", "⟦I h-o-p-e t-h-i-s m-e-s-s-a-g-e f-i-n-d-s y-o-u w-e-l-l⟧."),
    ("boilerplate", "I want to ⟦e x p a n d  m y  n e t w o r k⟧ here."),
    ("boilerplate", "⟦I'd-like-to-add-you-to-my-professional-network⟧."),
    ("boilerplate", "⟦I_hope_this_message_finds_you_well⟧."),
    ("boilerplate", "⟦I.came.across.your.profile⟧ today."),
    # control characters
    ("format", "Loved it.⟦\x00⟧ Thanks!"),
    ("format", "Loved ⟦\x1b⟧[31mit."),
    ("format", "Loved\x1b]0;title⟦\x07⟧ it."),
    ("format", "Loved it⟦\x7f⟧."),
    ("format", "Loved it⟦\x9b⟧."),
    ("format", "Loved ⟦\u202a⟧ti\u202c."),
    ("format", "Loved \u2067it⟦\u2069⟧."),
    ("format", "Loved it.⟦\r⟧ Thanks!"),
    ("format", "Loved⟦\x01\x02\x03⟧ it."),
    # invisible characters that can hide or split text
    ("format", "Loved⟦\U000e0069\U000e0067\U000e006e⟧ it."),
    ("format", "Loved it.⟦\u2028⟧Thanks!"),
    ("format", "Loved it.⟦\u2029⟧Thanks!"),
    ("format", "Lo⟦\u200b⟧ved it."),
    ("format", "Loved⟦\ufeff⟧ it."),
    ("format", "Loved⟦\u2060⟧ it."),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "marked"), CAUGHT, ids=[c[1][:40] for c in CAUGHT])
def test_an_evasion_is_caught_where_it_is(guardrails: Guardrails, rule: str, marked: str) -> None:
    """``marked`` is the text with the span the rule must report between ⟦ and ⟧."""
    note = NOTE.format(marked.replace("⟦", "").replace("⟧", ""))
    span = marked.split("⟦")[1].split("⟧")[0]
    assert span in spans(guardrails.check(note), note, rule)


PROSE = [
    ("links", "We sat together at the Rust meetup in Hamburg."),
    ("links", "It felt like the dot com years all over again."),
    ("links", "A polka dot me and you, the red dot at the top."),
    ("links", "Your talk connected the dots for me."),
    ("links", "I moved to Berlin. At Zalmora we do the same."),
    ("links", "Our .NET services at Corvid look similar."),
    ("links", "Meet me @ the venue after the keynote."),
    ("links", "One or two of the five teams, three of them since 2019 to 2021."),
    ("links", "Your talk on 12/03/2024 about 2019-2021 stood out."),
    ("links", "On Oct 12, 2024, some 40 teams joined."),
    ("links", "One, two, three steps and it was done."),
    ("placeholder", "Your talk (the one on feature stores) cut costs 20% and 50%."),
    ("placeholder", "We are on a first-name basis since PyData; $2M raised, 100% remote."),
    ("placeholder", "The company name change suited you; over email is fine."),
    ("placeholder", "Your name came up at the meetup (in a good way)."),
    ("pushy", "I loved your live demo and your product launch post."),
    ("pushy", "Your post on discount pricing in food distribution was sharp."),
    ("pushy", "Your post matters for our product roadmap."),
    ("pushy", "The buddy rotation was a great demo of how small changes add up."),
    ("boilerplate", "The U.S.A. team, a.k.a. the night owls, loved it."),
    ("boilerplate", "Plan A, B or C: your pick."),
    ("format", "Loved it.\r\nThanks!\tReally."),
    ("format", "Hi \u200fנועה and Ana, loved it."),
    ("links", "I moved to Lisbon. Com tudo, it was fun."),
    ("links", "It runs on Node. Com is next."),
    ("links", "Our .net services and a shiny .io domain."),
    ("links", "Back in the .com era I met Dr. de Vries."),
    ("links", "Ask prof. de Jong, or dr. de vries."),
    ("links", "Thanks. me too, e.g. com style."),
    ("links", "Microsoft .net and Node .js work."),
    ("links", "The col·legi and the cel·la look alike."),
    ("links", "Anecdotes and notes on ANECDOTES."),
    ("links", "Steps A . B . C . D . E done."),
    ("links", "Priya · Zalmora · Berlin, a great week."),
    ("boilerplate", "A state-of-the-art, up-to-date, easy-to-use design."),
    ("boilerplate", "The end-to-end-tested pipeline was sharp."),
    ("format", "Hi \u200eAna and \u061cנועה, loved it."),
    ("format", "Our team 👩\u200d💻 and \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 too."),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text"), PROSE, ids=[p[1][:40] for p in PROSE])
def test_prose_that_looks_like_an_evasion_is_left_alone(
    guardrails: Guardrails, rule: str, text: str
) -> None:
    note = NOTE.format(text)
    assert spans(guardrails.check(note), note, rule) == []


# ------------------------------------------------------------------------------ invariants
# Invented names: a label that is an English word may be prose ("the dot com years").
LABEL = st.from_regex(r"[bcdfgklmnprstvz]{2}[aeiou][bcdfgklmnprstvz]{1,3}\d", fullmatch=True)
DOT = st.sampled_from(["[.]", " [.] ", "(.)", " (dot) ", "[dot]", "{.}", "<dot>", " dot ", " . "])
TLD = st.sampled_from(["com", "io", "dev", "org", "net", "co"])


@given(name=LABEL, dot=DOT, tld=TLD)
def test_a_link_is_caught_however_its_dot_is_spelled(
    guardrails: Guardrails, name: str, dot: str, tld: str
) -> None:
    link = f"{name}{dot}{tld}"
    note = NOTE.format(f"My notes are on {link} if useful.")
    assert link.strip() in spans(guardrails.check(note), note, "links")


AT = st.sampled_from([" at ", " [at] ", "(at)", " @ ", "{at}"])


@given(user=LABEL, at=AT, domain=LABEL, dot=DOT, tld=TLD)
def test_an_address_is_caught_however_it_is_spelled(
    guardrails: Guardrails, user: str, at: str, domain: str, dot: str, tld: str
) -> None:
    address = f"{user}{at}{domain}{dot}{tld}"
    note = NOTE.format(f"Write to {address} today.")
    assert any("e-mail" in v.message for v in guardrails.check(note).errors)


WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SPELLED = st.tuples(st.just(WORDS), st.sampled_from([" ", ", ", "-", " - "]))
BROKEN = st.tuples(st.just(list("0123456789")), st.sampled_from([" ", "-", ".", " . ", "/"]))


@given(
    digits=st.lists(st.integers(0, 9), min_size=7, max_size=12),
    spelling=st.one_of(SPELLED, BROKEN),
)
def test_a_phone_number_is_caught_in_words_or_broken_digits(
    guardrails: Guardrails, digits: list[int], spelling: tuple[list[str], str]
) -> None:
    names, separator = spelling
    number = separator.join(names[d] for d in digits)
    note = NOTE.format(f"Call me on {number} any time.")
    assert "links" in {v.rule for v in guardrails.check(note).errors}


def test_number_words_read_as_the_digits_they_spell() -> None:
    view = phone_view(fold("five five, twelve thirty-four oh ninety"))
    assert view.text == "5 5 12 34 0 90"


BOILERPLATE = tomllib.loads((builtin_dir("guardrails") / "boilerplate.toml").read_text("utf-8"))


@given(
    phrase=st.sampled_from(BOILERPLATE["rules"]["boilerplate"]["phrases"]),
    gap=st.sampled_from([" ", ".", "-", " . ", "_"]),
)
def test_a_stock_phrase_spelled_letter_by_letter_is_caught(
    guardrails: Guardrails, phrase: str, gap: str
) -> None:
    spaced = "  ".join(gap.join(word) for word in phrase.rstrip(".").split())
    note = NOTE.format(spaced)
    assert "boilerplate" in {v.rule for v in guardrails.check(note).errors}


CONTROLS = [
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
]
BIDI = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


INVISIBLE = [
    chr(c) for c in [0x200B, 0x2028, 0x2029, *range(0x2060, 0x2065), *range(0xE0000, 0xE0080)]
]


@given(control=st.sampled_from(CONTROLS + BIDI + INVISIBLE), at=st.integers(0, len(NOTE)))
def test_a_control_character_anywhere_rejects_the_note_at_its_place(
    guardrails: Guardrails, control: str, at: int
) -> None:
    note = NOTE[:at] + control + NOTE[at:]
    found = [v for v in guardrails.check(note).errors if v.rule == "format"]
    assert any(v.start <= at < v.end for v in found), found
    assert all(control not in v.message for v in found)


@given(at=st.integers(1, len(NOTE)))
def test_a_byte_order_mark_inside_a_note_rejects_it(guardrails: Guardrails, at: int) -> None:
    note = NOTE[:at] + "\ufeff" + NOTE[at:]
    found = [v for v in guardrails.check(note).errors if v.rule == "format"]
    assert [(v.start, v.end) for v in found] == [(at, at + 1)]
    assert "U+FEFF" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + NOTE.format("Loved it."),
        NOTE.format("\u200e\u200f\u061c Ana and נועה, loved it."),
        NOTE.format("Loved it 👩\u200d💻 and \u200c too."),
    ],
    ids=["leading-byte-order-mark", "bidi-marks", "zwj-and-zwnj"],
)
def test_marks_and_joiners_that_text_needs_are_allowed(guardrails: Guardrails, text: str) -> None:
    assert [v for v in guardrails.check(text).errors if v.rule == "format"] == []


# ------------------------------------------------------------------------------ long notes
HOSTILE: dict[str, Callable[[float], str]] = {
    "links": Hostile("x.co ", 50_000),
    "spelled-links": Hostile("x dot co ", 25_000),
    "bracketed-links": Hostile("x[.]co ", 30_000),
    "addresses": Hostile("a at b dot co ", 15_000),
    "urls": Hostile("http://a ", 25_000),
    "phone-digits": Hostile("1 ", 100_000),
    "phone-words": Hostile("one ", 50_000),
    "spaced-letters": Hostile("a ", 100_000),
    "spaced-stock-phrase": Hostile("a d d y o u t o m y n e t w o r k ", 6_000),
    "placeholders": Hostile("$a", 100_000),
    "parentheses": Hostile("(name) ", 30_000),
    "controls": Hostile("a\x00", 100_000),
    "bidi-override": Hostile("\u202eabc ", 40_000),
    "markdown": Hostile("*a ", 70_000),
    "names": lambda share: " ".join(f"Zq{i:x}" for i in range(int(30_000 * share))),
    "spaced-link": Hostile("e x a m p l e . c o m ", 9_000),
    "spaced-scheme": Hostile("h t t p : / / ", 14_000),
    "loose-dots": Hostile("example. com ", 15_000),
    "space-before-dot": Hostile("example .com ", 15_000),
    "sentence-breaks": Hostile("Lisbon. Com ", 16_000),
    "joined-DOT": Hostile("exampleDOTcom ", 14_000),
    "middle-dots": Hostile("ab·com ", 28_000),
    "one-long-word": Hostile("a", 200_000),
    "dot-in-a-word": Hostile("adot", 50_000),
    "hyphen-joined-words": Hostile("add-you-to-my-network-", 9_000),
    "zero-width-spaces": Hostile("a\u200b", 100_000),
    "tag-characters": Hostile("\U000e0041", 100_000),
}


CONTEXT = Context.model_validate(
    {
        "scenario": "event_followup",
        "sender": {"name": "Sam Okafor", "company": "Corvid"},
        "recipient": {"name": "Priya Raman", "company": "Zalmora", "skills": ["MLOps"]},
        "relationship": {"familiarity": "stranger"},
        "reason": "compare notes on feature stores",
    }
)


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_200_kb_note_is_checked_in_linear_time(
    guardrails: Guardrails, hostile: Callable[[float], str]
) -> None:
    # The link rule took minutes when it was quadratic.
    def check(share: float) -> None:
        text = hostile(share)
        verdict = guardrails.check(text, CONTEXT)
        assert not verdict.passed
        assert all(0 <= v.start <= v.end <= len(text) for v in verdict.violations)

    assert_linear(check)


def test_fifty_thousand_links_are_fifty_thousand_findings(guardrails: Guardrails) -> None:
    def check(share: float) -> None:
        count = int(50_000 * share)
        links = [v for v in guardrails.check("x.co " * count).violations if v.rule == "links"]
        assert [(v.start, v.end) for v in links] == [(5 * i, 5 * i + 4) for i in range(count)]

    assert_linear(check)


def test_a_long_span_is_quoted_short(guardrails: Guardrails) -> None:
    text = "\u202e" + "moc.x " * 20_000
    [link] = [v for v in guardrails.check(text).violations if v.rule == "links"][:1]
    assert len(link.message) < 200


def test_the_placeholder_fields_are_configurable(tmp_path: Path) -> None:
    user = tmp_path / "guardrails"
    user.mkdir()
    (user / "mine.toml").write_text('[rules.placeholder]\nfields = ["codename"]\n', "utf-8")
    mine = Guardrails.load(user)
    note = NOTE.format("Say hi to (codename) and (name).")
    assert spans(mine.check(note), note, "placeholder") == ["(codename)"]
