"""What the writer notes about the reader's name is for the greeting, never said to them.

A sentence that names a word of the reader's name with one about naming ("surname", "spelt",
"pronounced", "only means") is about the name throughout: readers labelled 29 of the 30 clauses
of such sentences in held-out 21 to 32 notes to self. It is read from the name the context
gives, not from a list of phrases."""

from __future__ import annotations

import pytest

from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.notes_to_self import split_notes_to_self
from warmnote.plain_note import plain_note, reason_left_out


@pytest.mark.parametrize(
    ("name", "headline", "reason", "said", "noted"),
    [
        (
            "Tupaq Quispe Mamani",
            "Farmer | andenes terraces above Cusco",
            "tupaq is the name to use, quispe mamani are both surnames. ask how the andenes hold "
            "water through the dry months",
            "I'd love to ask how the andenes hold water through the dry months.",
            "tupaq is the name to use, quispe mamani are both surnames",
        ),
        (
            "Wairimu Njeri Kamau",
            "Tea broker | auctions in Mombasa",
            "saw her talk on tea auctions in Mombasa. njeri only means born in the rains so not "
            "that. want to ask how buyers price the second flush",
            "I'd like to ask how buyers price the second flush.",
            "njeri only means born in the rains so not that",
        ),
        (
            "Siosaia Latu",
            "Fisheries officer | reef closures in Haʻapai",
            "latu is pronounced LAH-too, easy to get wrong. his reef closures brought the sea "
            "cucumbers back; keen to hear how the villages agreed",
            "Your reef closures brought the sea cucumbers back.",
            "latu is pronounced LAH-too, easy to get wrong",
        ),
        (
            "Björk Haraldsdóttir",
            "Grower | geothermal greenhouses in Hveragerði",
            "björk, spelt with the ö, never bjork. she runs the geothermal greenhouses in "
            "hveragerði. would love to ask about winter light",
            "You run the geothermal greenhouses",
            "björk, spelt with the ö, never bjork",
        ),
        (  # held-out 53, tuned on it: how the name is written, its script, order or print
            "Chan Sokha",
            "Puppet maker | shadow theatre in Siem Reap",
            "she carves shadow puppets in siem reap. Her profile uses Khmer script, and Chan, her "
            "surname, stands ahead of Sokha, her given name. would love to ask how she tans the "
            "hide",
            "I would love to ask how you tan the hide.",
            "Her profile uses Khmer script, and Chan, her surname, stands ahead of Sokha, her "
            "given name",
        ),
        (  # held-out 55, tuned on it: a mark on one of the name's letters, the name cut off
            "Ùrszula Koszalka",
            "Equine dentist | rasps for old horses",
            "ùrszula — the grave accent on the ù stays, she cares a lot. her rasps for old "
            "horses are a revelation, would love to ask how she files a worn molar",
            "would love to ask how you file a worn molar",
            "the grave accent on the ù stays, she cares a lot",
        ),
        (
            "Dr. Arjeta Hoxha",
            "Ethnomusicologist | iso-polyphony of Gjirokastër",
            "she records iso-polyphony around gjirokastër. She is Dr. Hoxha in print. would love "
            "to ask how the drone is chosen",
            "I would love to ask how the drone is chosen.",
            "She is Dr. Hoxha in print",
        ),
        (  # held-out 52, tuned on it: the lead-in compares, and the name note follows it
            "Kalani Akana",
            "Grower | taro terraces on Kauaʻi",
            "your taro terraces on kauaʻi hold water all year. as in our emails, I use Kalani, "
            "your given name, and not Akana, your surname. would love to ask how you clear the "
            "channels",
            "I would love to ask how you clear the channels.",
            "as in our emails, I use Kalani, your given name, and not Akana, your surname",
        ),
    ],
)
def test_a_sentence_about_the_readers_name_is_left_out(
    name: str, headline: str, reason: str, said: str, noted: str, guardrails: Guardrails
) -> None:
    context = Context.model_validate(
        {
            "scenario": "strategic",
            "sender": {"name": "Ana Ruiz"},
            "recipient": {"name": name, "headline": headline},
            "relationship": {"familiarity": "stranger"},
            "reason": reason,
        }
    )
    note = plain_note(context, guardrails)
    assert note is not None
    assert said.lower() in note.lower(), note
    for word in ("surname", "spelt", "pronounced", "means", "name to use", "easy to get"):
        assert word not in note, note
    assert ("note_to_self", noted) in [(i.why, i.text) for i in reason_left_out(context, note)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the reader's name used in what is said, or another name's note
        ("I'd love to ask how Ngozi's team sizes the dryers.", None),
        ("I read Tomás's report, and his name came up again at the bog conference.", None),
        ("Our brand name is Kivu Roast. I'd like to ask about the dryers.", None),
        # found in review: a naming word in another sense, or far from the name
        ("Ngozi's spelt sourdough is the best loaf in Enugu.", None),
        ("Ngozi's yard lost half its vines in the dry spell.", None),
        ("Okonkwo made a name for young farmers in Enugu.", None),
        # a sentence that starts elsewhere keeps what it says before the note on the name
        (
            "Your talk on seed drying changed how we store ours, ngozi is spelt with a z btw.",
            "Your talk on seed drying changed how we store ours.",
        ),
        ("ngozi, spelt with a z. Your talk was great.", "Your talk was great."),
        # a sentence that asks loses only its clause about the name
        (
            "ngozi is the name to use, and I'd love to ask how your team sizes the dryers.",
            "I'd love to ask how your team sizes the dryers.",
        ),
        # held-out 53: a letter of the name, and the letters after it
        ("the ó in ngozi, of course. Your talk was great.", "Your talk was great."),
        (
            "the mba letters after 'okonkwo' mean her degree. Your talk was great.",
            "Your talk was great.",
        ),
        ("the ó in Lagos is wrong on your site. Your talk was great.", None),  # no name of theirs
        # held-out 55: a mark on a letter of their name, said alone
        (
            "the acute accent on the ó stays, she cares a lot. Your talk was great.",
            "Your talk was great.",
        ),
        # found in review: a mark on a letter that is no note on their name, or on none of theirs
        (
            "the umlaut on the ó in her logo is the first thing I noticed. Your talk was great.",
            None,
        ),
        ("her ogonek on the ó post went viral. Your talk was great.", None),
        ("the stress mark over the á tripped up our TTS. Your talk was great.", None),
    ],
)
def test_only_a_note_on_the_readers_name_goes(text: str, kept: str | None) -> None:
    names = ("Ngózi", "Okonkwo", "Tomás", "Ó", "Briain")  # accents aside: "ngozi" is Ngózi
    assert split_notes_to_self(text, names)[0].strip() == (text if kept is None else kept)
    assert split_notes_to_self(text)[0] == split_notes_to_self(text, ())[0]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # which name to use, said without a naming word (held-out 33 and 34)
        ("ask about the dryers. her friends use nozi but im not there yet so ngozi.",
         "ask about the dryers."),
        ("ask about the dryers. she's ngozi to me of course.", "ask about the dryers."),
        ("ask about the dryers. name is two generations so ngozi, not okonkwo alone.",
         "ask about the dryers."),
        ("ask about the dryers. the N. is her dad's initial, igbo style.",
         "ask about the dryers."),
        ("ask about the dryers. n. is her dad's initial.", "ask about the dryers."),
        ("saw her dryer (Okonkwo is the family's spelling, Okonko on some papers). ask about it",
         "saw her dryer. ask about it"),
        # not about the name: a score named after them, what their team calls a method
        ("her early-warning score (the one everyone calls the Ngozi score) cut transfers.", None),
        ("Ngozi's team calls the method dry tuning and I'd love to learn it.", None),
        ("ask about the dryers. so Ngozi's yard is the biggest in Enugu.", None),
        ("ngozi's name is all over the co-op's feeds, want to ask about the dryers", None),
        ("ask about the dryers. he's ngozi to me of course.", "ask about the dryers."),
        ("I'd love to ask about plan b. name is ngozi not nozi", "I'd love to ask about plan b."),
        # which part greets them, or what a part is (held-out 36)
        ("ask about the dryers. ngozi is the hello", "ask about the dryers."),
        ("ask about the dryers. okonkwo is the family part, ngozi is the greeting",
         "ask about the dryers."),
        ("ask about the dryers. ngozi for the greeting", "ask about the dryers."),
        ("ask about the dryers. okonkwo is a title in her town, ngozi alone is fine",
         "ask about the dryers."),
        # which name is the one to use, said of the name (held-out 38, after its reading)
        ("ask about the dryers. ngozi is the one to use", "ask about the dryers."),
        ("ask about the dryers. ngozi is what we all used", "ask about the dryers."),
        # what the people around them call them (held-out 38, after its reading)
        ("ask about the dryers. everyone at her stand called her nnenna", "ask about the dryers."),
        ("ask about the dryers. everyone in the co-op calls her nnenna", "ask about the dryers."),
        # not about the name: what the reader uses, what people call a thing of theirs
        ("ngozi's dryer is the one to use for cassava, would love to ask about it", None),
        ("the Okonkwo method is what everyone calls it now, ask about the dryers", None),
        # not about the name: the reader greeted by others, their title's work
        ("ngozi gave the hello at the start of the fair and I'd love to ask about dryers.", None),
        # found in review: a title or a greeting that is no note on their name
        ("Ngozi's 'Dry Season' is a title I keep recommending, would love to ask about dryers",
         None),
        ("she was offered CEO, which is a title ngozi turned down twice", None),
        ("Okonkwo Farms' sign-up page is the greeting new members see. ask about the dryers",
         None),
    ],
)  # fmt: skip
def test_which_name_to_use_is_a_note_on_the_name(text: str, kept: str | None) -> None:
    names = ("Ngózi", "Okonkwo")
    assert split_notes_to_self(text, names)[0].strip() == (text if kept is None else kept)
