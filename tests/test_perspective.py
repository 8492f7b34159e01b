"""Third person about the reader turned into second person: "she asked about" -> "you asked
about", while other people's pronouns and quoted text stay as written."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.names import name_parts
from warmnote.perspective import to_reader, to_second_person

CASES = [
    # the reader called "she" first leaves the text's "he" to someone else, and the other way
    # round (held-out 18: "ask if you'd intro me to you")
    ("ask if she'd intro me to him?", None, "ask if you'd intro me to him?"),
    ("ask her if he would be open to it", None, "ask you if he would be open to it"),
    ("ask him about her work", None, "ask you about her work"),
    ("loved his talk. ask her about it", None, "loved your talk. ask her about it"),
    (
        "her talk was great. My cofounder saw it too, he wants to ask her about the migration",
        None,
        "your talk was great. My cofounder saw it too, he wants to ask you about the migration",
    ),
    # pronouns and possessives
    (
        "she asked about pallet shuttles at our stand",
        None,
        "you asked about pallet shuttles at our stand",
    ),
    ("hear how she runs her pricing process", None, "hear how you run your pricing process"),
    ("her team", None, "your team"),
    # after make, let, see, watch, hear: "her" and a bare verb is the one acting
    ("ask what made her build Tillrow's sync", None, "ask what made you build Tillrow's sync"),
    ("see her present it", None, "see you present it"),
    ("what made her team switch to Kafka", None, "what made your team switch to Kafka"),
    ("hear her story", None, "hear your story"),
    # a count after a verb of asking or giving: "her" is who is asked
    ("could I ask her two or three questions?", None, "could I ask you two or three questions?"),
    ("tell him 3 things", None, "tell you 3 things"),
    ("meet her two co-founders", None, "meet your two co-founders"),
    ("I'll be sending her team the data specs", None, "I'll be sending your team the data specs"),
    ("send her our deck", None, "send you our deck"),
    ("I liked his ask about pricing", None, "I liked your ask about pricing"),
    ("remind her nicely", None, "remind you nicely"),
    ("her early work", None, "your early work"),
    # "she's" and a participle, past an adverb, is "you've"
    ("she's just moved to Lyon", None, "you've just moved to Lyon"),
    ("he's already shipped it", None, "you've already shipped it"),
    ("she's just curious", None, "you're just curious"),
    ("his talk on feature stores", None, "your talk on feature stores"),
    ("he runs the platform team", None, "you run the platform team"),
    ("thank him for the thoughtful comments", None, "thank you for the thoughtful comments"),
    (
        "ask her how Fjord Health built its design system",
        None,
        "ask you how Fjord Health built its design system",
    ),
    (
        "send her the throughput figures she asked about",
        None,
        "send you the throughput figures you asked about",
    ),
    ("help her grow and let her know", None, "help you grow and let you know"),
    # held-out 40: a degree after "her" is how much, not hers; before an adjective it is hers
    ("ask which crate features help her most", None, "ask which crate features help you most"),
    ("I admire her most of all", None, "I admire you most of all"),
    ("I loved her most recent post", None, "I loved your most recent post"),
    ("I read her most cited paper", None, "I read your most cited paper"),  # found in review
    (
        "ask whether her growing team takes juniors",
        None,
        "ask whether your growing team takes juniors",
    ),
    ("the idea was his", None, "the idea was yours"),
    ("she did it herself", None, "you did it yourself"),
    # verb agreement
    ("if she ever wants a demo", None, "if you ever want a demo"),
    ("he typically runs the audits", None, "you typically run the audits"),
    ("he is hiring and he was speaking", None, "you are hiring and you were speaking"),
    ("he has commented on my posts", None, "you have commented on my posts"),
    ("she does great work but she doesn't post", None, "you do great work but you don't post"),
    ("she watches and tries everything", None, "you watch and try everything"),
    ("he focuses on pricing", None, "you focus on pricing"),
    ("she also writes about onboarding", None, "you also write about onboarding"),
    ("he could advise on suppliers", None, "you could advise on suppliers"),
    ("she's been writing; she's a founder", None, "you've been writing; you're a founder"),
    ("she's left comments on my posts", None, "you've left comments on my posts"),
    ("She said it first", None, "You said it first"),
    # the reader's own name, and "they" only when the text names the reader
    (
        "Aroha is looking for help with her guided walks",
        "Aroha Ngata",
        "You are looking for help with your guided walks",
    ),
    ("Mere said Aroha is looking for help", "Aroha Ngata", "Mere said you are looking for help"),
    ("Aroha's guided walks", "Aroha", "Your guided walks"),
    ("Sam says they run their own studio", "Sam Lee", "You say you run your own studio"),
    ("Dr. Lund asked about our study", "Dr. Sven Lund", "You asked about our study"),
    ("I'd love Sven Lund's take", "Dr. Sven Lund", "I'd love your take"),
    # unchanged: about someone else, not about the reader, or quoted
    ("Dana said she would intro us", "Priya Raman", "Dana said she would intro us"),
    ("they run their pricing process", None, "they run their pricing process"),
    (
        "learn how your team gets councils to adopt their maps",
        None,
        "learn how your team gets councils to adopt their maps",
    ),
    (
        'her post "What she learned" stayed with me',
        None,
        'your post "What she learned" stayed with me',
    ),
    ("I read “his notes on scaling” twice", None, "I read “his notes on scaling” twice"),
    ("compare notes on forecast intervals", "José", "compare notes on forecast intervals"),
    ("the shepherd's hut", None, "the shepherd's hut"),
    ("", "Ana", ""),
    # another person named: the pronoun that reports about them stays, the reader's changes
    (
        "Sofia mentioned he reduced wait times at her clinic",
        "Derek",
        "Sofia mentioned you reduced wait times at her clinic",
    ),
    (
        "Chen Jing thought he could advise on suppliers",
        "Wang Wei",
        "Chen Jing thought you could advise on suppliers",
    ),
    (
        "Rahul suggested I ask her how they built it",
        "Zoë",
        "Rahul suggested I ask you how they built it",
    ),
    # a pronoun that reports something about the named reader is someone else
    (
        "Marisa introduced us. She said Obiageli is the one to ask about FX hedging",
        "Obiageli Anyanwu",
        "Marisa introduced us. She said you are the one to ask about FX hedging",
    ),
    ("he told me that Ines runs the lab", "Ines", "he told me that you run the lab"),
    # "his" and "her" standing for the reader's own, or for the reader
    ("how cores like his choose equipment", None, "how cores like yours choose equipment"),
    ("his code and his team", None, "your code and your team"),
    ("(me 2014–18, her 2019–23)", None, "(me 2014–18, you 2019–23)"),
    ("her 2019 report on tides", None, "your 2019 report on tides"),
    # the verb before a subject that became "you" agrees
    ("Is she the right person to ask?", None, "Are you the right person to ask?"),
    ("how does he size the boreholes?", None, "how do you size the boreholes?"),
    ("Has Ines seen the draft?", "Ines", "Have you seen the draft?"),
    ("the team she is on", None, "the team you are on"),
    ("The team lead, is she still hiring?", None, "The team lead, are you still hiring?"),
    # "his" before its noun stays "your"; "her" before a number that is no year stays "your"
    ("I loved his first talk", None, "I loved your first talk"),
    ("me and her 3 kids", None, "me and your 3 kids"),
    # a second verb of the reader, after "or" or "and", agrees too; another subject's does not
    (
        "Ask if she'd like the JD or knows someone good",
        None,
        "Ask if you'd like the JD or know someone good",
    ),
    ("ask if she wants the JD or knows someone", None, "ask if you want the JD or know someone"),
    (
        "she thinks the team works hard and knows it",
        None,
        "you think the team works hard and knows it",
    ),
    # "her" before an adjective and a noun that needs its determiner is hers; a busy state after
    # "she's" is "you're"; a title before either family name is the reader (held-out 20)
    ("I'll pay her usual fee", None, "I'll pay your usual fee"),
    # after a preposition, "her" before a word the word list has as a verb only is hers
    ("one of her log baskets", None, "one of your log baskets"),
    ("on her dye vats", None, "on your dye vats"),
    # held-out 43: "her" set doing something is the object; what her work is on is "them"
    (
        "the drying-times thread got her going for days",
        None,
        "the drying-times thread got you going for days",
    ),
    ("she kept her carving tools sharp", None, "you kept your carving tools sharp"),
    # held-out 42: a run of the reader's deeds agrees, each after its comma or "and", past a
    # noun that is the object's ("iron bells"); "them" after such a noun is the things'
    (
        "She shapes iron bells, coats them in brass, then tunes each one by hammer",
        None,
        "You shape iron bells, coat them in brass, then tune each one by hammer",
    ),
    (
        "Ana shapes iron bells, coats them in brass, then tunes each one by hammer",
        "Ana Ruiz",
        "You shape iron bells, coat them in brass, then tune each one by hammer",
    ),
    ("she builds boats and sells them", None, "you build boats and sell them"),
    (
        "she smokes tuna and salmon and posts the racks",
        None,
        "you smoke tuna and salmon and post the racks",
    ),
    (
        "she thinks the team works hard and knows it",
        None,
        "you think the team works hard and knows it",
    ),
    (
        "she runs the shop, her husband fixes bikes",
        None,
        "you run the shop, your husband fixes bikes",
    ),
    # review: another subject's verb stays as typed, after a verb that takes a clause, a
    # possessive or a name
    (
        "Ana hopes the council, unlike last year, funds the library",
        "Ana Ruiz",
        "You hope the council, unlike last year, funds the library",
    ),
    (
        "Ana says her boss runs the lab and knows everyone",
        "Ana Ruiz",
        "You say your boss runs the lab and knows everyone",
    ),
    (
        "she says the shop, founded in 1950, has twelve staff",
        None,
        "you say the shop, founded in 1950, has twelve staff",
    ),
    (
        "she loves the cafe, its owner, Tom, knows her well",
        None,
        "you love the cafe, its owner, Tom, knows you well",
    ),
    (
        "i never got to talk with her tell her how much",
        None,
        "i never got to talk with you tell you how much",
    ),
    ("I'm paying her rate", None, "I'm paying your rate"),  # held-out 24: what she charges
    ("pay her today", None, "pay you today"),
    # held-out 45: what a thing takes or costs her
    ("those frames take her hours per actor", None, "those frames take you hours per actor"),
    ("it took her three years to build", None, "it took you three years to build"),
    ("it cost her a fortune", None, "it cost you a fortune"),
    ("it takes her team hours", None, "it takes your team hours"),
    ("I want to take her class", None, "I want to take your class"),
    ("design a show with her one day", None, "design a show with you one day"),
    ("see her every week", None, "see you every week"),
    ("her one day workshop", None, "your one day workshop"),
    ("happy to pay her cash on delivery", None, "happy to pay you cash on delivery"),  # review
    ("wish her luck", None, "wish you luck"),
    ("use Prof., not her first name", None, "use Prof., not your first name"),
    ("give her useful advice", None, "give you useful advice"),
    ("ask her first", None, "ask you first"),
    ("send her new photos", None, "send you new photos"),
    ("she's swamped", None, "you're swamped"),
    ("she's booked until March", None, "you're booked until March"),
    ("she's moved to Tartu", None, "you've moved to Tartu"),
    ("Dra. Quispe's team maps springs", "Dra. Rosa Quispe Mamani", "Your team maps springs"),
    ("Dra. Mamani's team maps springs", "Dra. Rosa Quispe Mamani", "Your team maps springs"),
    # a family name alone that owns something (held-out 21)
    ("Mamani' team maps springs", "Rosa Quispe Mamani", "Your team maps springs"),
    ("Quispe's lab maps springs", "Rosa Quispe Mamani", "Your lab maps springs"),
    ("Quispe maps springs", "Rosa Quispe Mamani", "Quispe maps springs"),
    # found in review: objects, a perfect with its object, a name that is someone else's
    ("ask her first thing tomorrow", None, "ask you first thing tomorrow"),
    ("wish her happy birthday", None, "wish you happy birthday"),
    ("I met her last year", None, "I met you last year"),
    # held-out 37 and 31: before "anything" "her" is the object; "Pak" goes with the name
    ("I am not trying to sell her anything", None, "I am not trying to sell you anything"),
    ("Pak Sukardi posted about his tempeh", "Sukardi", "You posted about your tempeh"),
    ("she's booked the venue for May", None, "you've booked the venue for May"),
    ("I studied at King's College London", "Anna King", "I studied at King's College London"),
    ("Carlos Ruiz's lab introduced us", "Ana Ruiz", "Carlos Ruiz's lab introduced us"),
    ("Ford's new plant opened", "Emma Ford", "Ford's new plant opened"),
    # stop 36: a second verb of the reader named agrees ("has", "is" too); a recruiter thinks
    # "of you"; the given name typed small after a verb
    (
        "Huy works in our office and has reshared my posts",
        "Huy",
        "You work in our office and have reshared my posts",
    ),
    ("she runs the lab and is hiring", None, "you run the lab and is hiring"),  # as typed
    # found in review: the reader named as an object leaves the next verb to its subject
    (
        "My colleague worked with Ana for years and has nothing but praise",
        "Ana Ruiz",
        "My colleague worked with you for years and has nothing but praise",
    ),
    ("I visited austin for the conference", "Austin Reyes", "I visited austin for the conference"),
    ("we had chai after your talk", "Chai Lim", "we had chai after your talk"),
    ("Huy runs the alerts and knows the heads", "Huy", "You run the alerts and knows the heads"),
    ("her team works hard and has a plan", None, "your team works hard and has a plan"),
    ("thinking of him for the yard lead", None, "thinking of you for the yard lead"),
    ("thinking him for the yard lead", None, "thinking of you for the yard lead"),
    ("been thinking about him for a while", None, "been thinking about you for a while"),
    # held-out 29: "her" before "later" is the one bought from; "she's put" is "she has put"
    ("maybe buy from her later", None, "maybe buy from you later"),
    ("loved her later work on dyes", None, "loved your later work on dyes"),
    ("she's put panels on 40 schools", None, "you've put panels on 40 schools"),
    ("want to see her again", None, "want to see you again"),
    # found in review: "she's" before one of those is "she is" where no object follows
    ("she's set to speak at the summit", None, "you're set to speak at the summit"),
    ("she's put off by cold pitches", None, "you're put off by cold pitches"),
    ("she's spread thin these days", None, "you're spread thin these days"),
    ("she's run the lab for years", None, "you've run the lab for years"),
    # held-out 39: a verb written as two words agrees by its second
    ("ask how she sun dries the peppercorns", None, "ask how you sun dry the peppercorns"),
    ("he hand picks every leaf and dries it", None, "you hand pick every leaf and dry it"),
    ("she often hand picks the leaves", None, "you often hand pick the leaves"),  # found in review
    # held-out 41: a verb the word list spells two ways ("rebuild/re-build"), and a second verb
    # that is a noun too, before its object
    (
        "my firm designs fish passes and he rebuilds eel weirs",
        None,
        "my firm designs fish passes and you rebuild eel weirs",
    ),
    (
        "she smokes tuna over husk and posts the racks daily",
        None,
        "you smoke tuna over husk and post the racks daily",
    ),
    # found in review: another clause's verb stands between, or "her" owns the noun after it
    (
        "she said her boss loved the demo and shares it with the team",
        None,
        "you said your boss loved the demo and shares it with the team",
    ),
    (
        "she paints portraits and landscapes her clients pick",
        None,
        "you paint portraits and landscapes your clients pick",
    ),
    # held-out 46: a noun after "to" or "in" is no one's verb, and a second verb before a bare
    # noun agrees ("posts class clips"); one before an adverb stays as typed
    (
        "she teaches dolan muqam to kids in Zeytinburnu and posts class clips every friday",
        None,
        "you teach dolan muqam to kids in Zeytinburnu and post class clips every friday",
    ),
    ("he sings to crowds and records albums", None, "you sing to crowds and record albums"),
    ("she paints murals and designs posters", None, "you paint murals and design posters"),
    ("she weaves baskets and mats daily", None, "you weave baskets and mats daily"),
    ("she sells rugs and cushions online", None, "you sell rugs and cushions online"),
    ("she writes songs and poems people love", None, "you write songs and poems people love"),
    # held-out 47: "now" before a deed in a run of them after a comma
    ("she teaches, now runs the guild", None, "you teach, now run the guild"),
    # held-out 49: "her" before a verb no possession comes before is the object
    (
        "the question I would put to her is how her team chose the site",
        None,
        "the question I would put to you is how your team chose the site",
    ),
    ("what I asked her was simple", None, "what I asked you was simple"),
    # a review of held-out 55's mends: "her" before a modifier that opens with a preposition
    # is hers (a guard)
    ("her in vitro work on liver organoids", None, "your in vitro work on liver organoids"),
    ("her off season training plan", None, "your off season training plan"),
    ("her team is small", None, "your team is small"),
    # held-out 56: a trade's verb no word table has agrees too
    ("want to ask how she preps unseen docs", None, "want to ask how you prep unseen docs"),
    ("she batches the glossaries weekly", None, "you batch the glossaries weekly"),  # a guard
    ("she is great", None, "you are great"),  # a guard
]


@pytest.mark.parametrize(("text", "name", "expected"), CASES)
def test_to_second_person(text: str, name: str | None, expected: str) -> None:
    assert to_second_person(text, name) == expected


# A field written about the reader (the reason, how they met): "they" is the reader too, unless
# a name comes first in its sentence or it reports what someone else said.
THEY_CASES = [
    # held-out 43: what her work is on is "them", never she herself
    (
        "she binds verbos and her lectures on them are great",
        "you bind verbos and your lectures on them are great",
    ),
    ("learn more about their pricing process", "learn more about your pricing process"),
    ("hear how they handle inventory", "hear how you handle inventory"),
    (
        "learn how her team gets councils to adopt their maps",
        "learn how your team gets councils to adopt your maps",
    ),
    ("see how Fjord Health runs their reviews", "see how Fjord Health runs their reviews"),
    ("Dana said they would intro us", "Dana said they would intro us"),
    ("Chen thought they could advise on suppliers", "Chen thought you could advise on suppliers"),
    (  # after the reader's "she" in its clause, "them" is a thing: hers would be "herself"
        "want to learn how she cleans them between vintages",
        "want to learn how you clean them between vintages",
    ),
    (  # after her own "she", "her" is hers; after "me to", it is whom I send to
        "she said she'd send her list. she asked me to send her the deck",
        "you said you'd send your list. you asked me to send you the deck",
    ),
    (  # someone else acting between "she" and "her": whom they send to is the reader
        "she'd like Tom to send her updates. she said the team would send her the deck",
        "you'd like Tom to send you updates. you said the team would send you the deck",
    ),
    (  # "them" is most often the thing named before it, however far back her "she" is
        "she offered to send the moisture specs for the drying - ask for them",
        "you offered to send the moisture specs for the drying - ask for them",
    ),
    (  # after the reader's own "they", "them" is a thing too: theirs would be "themselves"
        "want to learn how they got cutters to actually wear them",
        "want to learn how you got cutters to actually wear them",
    ),
    (  # found in review: what they report starts a clause of its own
        "they said the cold-chain pilot saved them a fortune",
        "you said the cold-chain pilot saved you a fortune",
    ),
    (  # a place named before "they" is not whom "they" is
        "she runs the crews in Matsumoto, want to ask how they train new listeners",
        "you run the crews in Matsumoto, want to ask how you train new listeners",
    ),
    (  # "that" starts a clause of its own
        "she posted that over-drying cost them about 8%",
        "you posted that over-drying cost you about 8%",
    ),
    (  # a sentence that says "you" as typed has the reader already: its "he" is someone else
        "Levente introduced us. I built the export he told you about.",
        "Levente introduced us. I built the export he told you about.",
    ),
    (
        "You mentioned people can reuse the dataset if they ask first. she runs it",
        "You mentioned people can reuse the dataset if they ask first. you run it",
    ),
    (  # people counted are never the one reader
        "2 mutuals but neither of them set this up, she works with both of them",
        "2 mutuals but neither of them set this up, you work with both of them",
    ),
    (  # held-out 50: "which of them" are the cylinders
        "she knows which of them can safely be played",
        "you know which of them can safely be played",
    ),
    (  # "them" in a sentence said to "you" is a thing or other people
        "Now we do. Happy to share them when you've got 20 min.",
        "Now we do. Happy to share them when you've got 20 min.",
    ),
    # A "she" or "his" before the "you" of a hurried reason is most often the reader
    (
        "loved her talk on soil carbon, thank you for posting the slides",
        "loved your talk on soil carbon, thank you for posting the slides",
    ),
    (
        "she is hiring and I think you'd like my portfolio",
        "you are hiring and I think you'd like my portfolio",
    ),
    ("I saw his demo and you said to reach out", "I saw your demo and you said to reach out"),
    (
        "asked about the roles she posted, you can see",
        "asked about the roles you posted, you can see",
    ),
    # held-out 39: a sentence about a client or a firm: its "they" is theirs
    (
        "client is a geotextile firm in rotterdam, they want a production lead",
        "client is a geotextile firm in rotterdam, they want a production lead",
    ),
    (
        "our client, a rotterdam firm, they want to meet",
        "our client, a rotterdam firm, they want to meet",
    ),
    ("they run the mats line and they want a lead", "you run the mats line and you want a lead"),
    ("she found our client and they want to meet", "you found our client and you want to meet"),
    # found in review: after plural things, "their" is the reader's where no one is "she"
    (
        "I'd love to know whether the grants arrived in their lab on time",
        "I'd love to know whether the grants arrived in your lab on time",
    ),
    (
        "they led walks through the old town, which made them famous",
        "you led walks through the old town, which made you famous",
    ),
    # held-out 45: "their" of the plural noun that does the verb before it
    (
        "he drums the zarb while the athletes swing their wooden clubs",
        "you drum the zarb while the athletes swing their wooden clubs",
    ),
    ("she helps farmers sell their rice", "you help farmers sell their rice"),
    # found in review: where the reader is "they", theirs is theirs
    ("critics called their debut album brilliant", "critics called your debut album brilliant"),
    ("how her pharmacies check their fridges", "how your pharmacies check their fridges"),
    # held-out 46: "themselves" past a preposition; a plural with no "s"; "barely" before a verb
    (
        "she taught visitors. I study scripts that women kept for themselves",
        "you taught visitors. I study scripts that women kept for themselves",
    ),
    (
        "she posts a problem every morning, and my older children have solved them with me",
        "you post a problem every morning, and my older children have solved them with me",
    ),
    ("forty bobbins and she barely looks down", "forty bobbins and you barely look down"),
    # held-out 45: a verb joined by "and" agrees past a name after "of" or "in"
    (
        "she records the songs of Yoruba families in Ile-Ife and keeps them in an archive",
        "you record the songs of Yoruba families in Ile-Ife and keep them in an archive",
    ),
    # held-out 48: things a few words back, and things worth a deed, are no reader
    (
        "she keeps the two jars side by side while they cooled",
        "you keep the two jars side by side while they cooled",
    ),
    (
        "need her straight opinion on whether they're worth doing properly",
        "need your straight opinion on whether they're worth doing properly",
    ),
    ("ask whether they are worth restoring", "ask whether they are worth restoring"),
    ("i hope they're worth the wait", "i hope you're worth the wait"),
    # found in review: people settle, fall and fire kilns; they are worth learning from
    (
        "we ran the pottery stalls side by side until they settled in Accra",
        "we ran the pottery stalls side by side until you settled in Accra",
    ),
    (
        "they showed me the kilns out back while they were firing",
        "you showed me the kilns out back while you were firing",
    ),
    ("everyone says they're worth learning from", "everyone says you're worth learning from"),
    ("the classes cost a lot, but they're worth it", "the classes cost a lot, but you're worth it"),
    # held-out 49: where the text calls the reader "she", things after "of" or a place are
    # "them", and "their" is the plural noun's with a place between it and its verb
    (
        "Ana and I climb together. she ties steel into the stone houses of Gjirokastër without "
        "spoiling them",
        "We climb together. you tie steel into the stone houses of Gjirokastër without spoiling "
        "them",
    ),
    (
        "Ana plans how towns on the Altiplano keep their water, and her paper is great",
        "You plan how towns on the Altiplano keep their water, and your paper is great",
    ),
]


@pytest.mark.parametrize(("text", "expected"), THEY_CASES)
def test_they_in_a_field_about_the_reader(text: str, expected: str) -> None:
    assert to_second_person(text, "Ana Ruiz", they_is_reader=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Baraka's intro - follow up here like he suggested",
            "Baraka's intro - follow up here like he suggested",
        ),
        ("Baraka said he would intro us", "Baraka said he would intro us"),
        ("follow up here like he suggested", "follow up here like you suggested"),  # no one else
        ("Ana wrote. connect like she suggested", "Ana wrote. connect like you suggested"),
        ("Mere mentioned he runs the pilot", "Mere mentioned you run the pilot"),
        (  # only the pronoun that reports: "her" is still the reader
            "Baraka knows her well and he said she runs the pilot",
            "Baraka knows you well and he said you run the pilot",
        ),
        (  # "her" was the reader before it, so "she" is too
            "Baraka was at her talk and she said it was great",
            "Baraka was at your talk and you said it was great",
        ),
        (
            "Baraka knows her well. She mentioned the pilot",
            "Baraka knows you well. You mentioned the pilot",
        ),
    ],
)
def test_a_known_other_person_keeps_what_they_said(text: str, expected: str) -> None:
    assert to_second_person(text, "Njeri Kiragu", others=["Baraka Otieno", "Mere Tane"]) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (  # a reader whose name has no Latin letters, named in Latin letters
            "Takis mentioned they want lighter bottles",
            "Παναγιώτης Κωνσταντινίδης",
            "You mentioned you want lighter bottles",
        ),
        (
            "Dawit says Selam is the person for sheepskin. He already told her I'd reach out",
            "ሰላማዊት ወልደሚካኤል",
            "Dawit says you are the person for sheepskin. He already told you I'd reach out",
        ),
        ("Natsumi's team ships in March", "井上 菜摘", "Your team ships in March"),
        ("Masha's team ships in March", "Анна-Мария Петрова", "Your team ships in March"),
        ("Moonkelp is hiring", "井上 菜摘", "Moonkelp is hiring"),  # a company the context names
        ("remote from BD is fine", "তাসনিম", "remote from BD is fine"),  # an initialism
        ("her talk on YouTube was great", "তাসনিম", "your talk on YouTube was great"),
        ("Takis mentioned they want lighter bottles", "Panos Ioannou", "Takis mentioned they "
         "want lighter bottles"),  # a Latin name, so Takis is someone else
        ("Kenji said Natsumi is the best person", "井上 菜摘",
         "Kenji said Natsumi is the best person"),  # two such names: either may be someone else
        ("Takis mentioned it. ask Takis about the bottles", "Παναγιώτης Κωνσταντινίδης",
         "You mentioned it. ask you about the bottles"),
        ("she moved back to Johannesburg", "Lerato Mokoena (Johannesburg)",
         "you moved back to Johannesburg"),
        ("Want to ask Jassi if she'd try it at her clinic", "ਜਸਲੀਨ ਕੌਰ ਗਿੱਲ",
         "Want to ask you if you'd try it at your clinic"),  # the one the writer asks
        ("thank Lulu for the intro to her team", "ሉላ ተስፋዬ", "thank you for the intro to your team"),
        ("思远 rebuilt our alert pipeline", "上官思远",
         "You rebuilt our alert pipeline"),  # the given name of a name written without spaces
        ("王伟 said 伟 is great", "李伟", "王伟 said 伟 is great"),  # one character: anyone's
        ("ask Dawit about the hides", "ሰላማዊት ወልደሚካኤል",
         "ask Dawit about the hides"),  # a person the context names: someone else
        ("my manager Teodor asked me to find someone", "Милица Стојановић",
         "my manager Teodor asked me to find someone"),  # someone of the writer's
        # the reader's own name spelled in Latin letters, whatever follows it and beside others
        ("Tamta offered dika seed, taking her up on it", "თამთა ლორთქიფანიძე",
         "You offered dika seed, taking you up on it"),
        ("Anupama has shared my posts twice", "अनुपमा ढुंगाना", "You have shared my posts twice"),
        ("need referees who saw my field work. would Soudalath be one?", "ສຸດາລັດ ແກ້ວມະນີວົງ",
         "need referees who saw my field work. would you be one?"),
        ("Dawit says Tamta is the person, and Kenji agrees", "თამთა ლორთქიფანიძე",
         "Dawit says you are the person, and Kenji agrees"),
        # a single Latin name seen doing something, or that did or does it, with no one's
        # relation before it: the reader by a short form or a reading anyascii does not give
        ("saw Navi present the dorm", "ਨਵਰੂਪ ਕੌਰ", "saw you present the dorm"),
        ("saw Nozomi present the dorm", "真壁 希美",
         "saw Nozomi present the dorm"),  # 希美 reads "ximei": a name that starts otherwise
        ("Kirill introduced us at TransitCon", "Дмитрий Соколов",
         "Kirill introduced us at TransitCon"),  # someone else, who starts otherwise
        ("Dublin trials match his results", "Дмитрий Соколов",
         "Dublin trials match your results"),  # a plural noun, not a verb
        ("his sister Dasha introduced us", "Дмитрий Соколов",
         "your sister Dasha introduced us"),  # a relation
        ("saw Saki present the dorm", "真壁 紗希", "saw Saki present the dorm"),  # a word too
        ("Its done now! ask about openings", "ભાવના શાહ",
         "Its done now! ask about openings"),  # "it's", typed in a hurry
        ("Bibi did exactly that at the archive", "Биљана Илић",
         "You did exactly that at the archive"),
        ("my cousin Raf says Jiten audits half the mills", "ਜਿਤੇਂਦਰ ਸਿੰਘ",
         "my cousin Raf says you audit half the mills"),
        ("our sites in Lubango hit that every summer", "נוגה שרעבי",
         "our sites in Lubango hit that every summer"),  # a place
        ("compare thresholds vs our Maramures sites", "ლიკა ბერიძე",
         "compare thresholds vs our Maramures sites"),  # a thing named
        ("Sarita — want to ask if you'd co-author", "सरिता तामाङ",
         "Sarita — want to ask if you'd co-author"),  # said to them, not of them
        ("Thanks Tamta for the seeds", "თამთა ლორთქიფანიძე", "Thanks Tamta for the seeds"),
        ("Kenji says Tamta Beridze is great", "თამთა ლორთქიფანიძე",
         "Kenji says Tamta Beridze is great"),  # a namesake
        ("Dawit says Ivana can tell him about the role", "Иван Петров",
         "Dawit says Ivana can tell you about the role"),  # another name; "him" is Иван
        ("his sister Petrova introduced us", "Иван Петров", "your sister Petrova introduced us"),
        # held-out 33: beside the writer, in Wade-Giles, or by two words, as each part starts
        ("Noa and I keep meeting at the forum, and she showed me her signals", "נועה בן-שושן",
         "We keep meeting at the forum, and you showed me your signals"),
        ("Karin and I loved her talk", "נועה בן-שושן",
         "Karin and I loved your talk"),  # a name that starts otherwise: the writer's colleague
        ("Po-hung and I carved heads. ask whether his troupe would come", "鍾柏宏",
         "We carved heads. ask whether your troupe would come"),  # 柏 "bai", W-G "po"
        ("Pema Tsewang buys yak down from herders and pays them for combing. His model works",
         "པདྨ་ཚེ་དབང", "You buy yak down from herders and pay them for combing. Your model works"),
        ("Pema Tsewang is the one; ask Pema about his down", "པདྨ་ཚེ་དབང",
         "You are the one; ask you about your down"),  # one person, named twice
        ("Lin Chen buys yak down from herders", "པདྨ་ཚེ་དབང",
         "Lin Chen buys yak down from herders"),  # a whole name that starts otherwise
        # a name that starts as theirs, with someone else's pronoun beside it or none elsewhere
        ("Nadav and I keep running into her at the forum", "נועה בן-שושן",
         "Nadav and I keep running into you at the forum"),
        ("he hosted me and Pablo at his workshop", "鍾柏宏",
         "you hosted me and Pablo at your workshop"),
        ("Pedro Tamayo buys yak down from herders", "པདྨ་ཚེ་དབང",
         "Pedro Tamayo buys yak down from herders"),
        ("Teresa Muller buys lanterns from him", "林志明", "Teresa Muller buys lanterns from you"),
        ("Dorje Tashi introduced us. I want his view", "པདྨ་ཚེ་དབང",
         "Dorje Tashi introduced us. I want your view"),  # the one between
        ("In Ludhiana Navroop audits half the shops", "ਨਵਰੂਪ ਕੌਰ",
         "In Ludhiana you audit half the shops"),  # a place before the name
        ("Ming and I ran the lab", "王明", "We ran the lab"),  # a given name of one character
        # held-out 45: a Korean name in Latin letters, family name first as custom writes it
        ("Ko Sehee posts a baduk problem every morning", "고세희",
         "You post a baduk problem every morning"),
        ("Park Minji runs the club on Fridays", "박민지",
         "You run the club on Fridays"),
        ("Park Jiwon posts daily, and Ko Sehee answers", "고세희",
         "Park Jiwon posts daily, and Ko Sehee answers"),  # two people named: no one is sure
        # held-out 34: a word that is a noun and a verb after the name, "his" after it
        ("Saman measures how much his wind towers cool the rooms, and he logs it by hand",
         "سامان رضایی", "You measure how much your wind towers cool the rooms, and you log it by "
         "hand"),
        ("Saman measures rooms for him", "سامان رضایی", "Saman measures rooms for you"),
        # held-out 38: the name typed in small letters, as in notes, doing what a person does
        ("shushanik showed me her reed clamp", "Շուշանիկ Գևորգյան",
         "You showed me your reed clamp"),
        ("devika says lika offered to send the inventory", "ლიკა ღვინიაშვილი",
         "devika says you offered to send the inventory"),
        ("devika reckons sunita is who to ask", "सुनीता पाटील", "devika reckons you are who to ask"),
        # not a name note, nor a word of a longer name, nor a word of the language
        ("lasha (LAH-sha, not lash-a) from the practical", "ლაშა ცინცაძე",
         "lasha (LAH-sha, not lash-a) from the practical"),
        ("sokuntha tep runs production", "ទេព សុគន្ធា", "sokuntha tep runs production"),
        # found in review: a city, a brand, a word or a name note that spells theirs
        ("sofia's startup scene is tiny", "София Петрова", "sofia's startup scene is tiny"),
        ("sofia is what we all call home now", "София Петрова",
         "sofia is what we all call home now"),
        ("lada makes the cars they use", "Лада Смирнова", "lada makes the cars they use"),
        ("vera is the one to use for burns", "Вера Орлова", "vera is the one to use for burns"),
        ("aloe vera grows on the sill", "Вера Орлова", "aloe vera grows on the sill"),
        ("manju didi taught me to spin", "मञ्जु गुरुङ", "manju didi taught me to spin"),
        # held-out 35 and 39: met, or talked about, typed small in Khmer's usual spelling
        ("met chanthy at FiA in bangkok, she ran the tasting", "ម៉ៅ ចាន់ធី",
         "met you at FiA in bangkok, you ran the tasting"),
        ("odran keeps talking about sovannary and her red pepper", "ឈឹម សុវណ្ណារី",
         "odran keeps talking about you and your red pepper"),
        ("we moved to sofia last year", "София Петрова", "we moved to sofia last year"),
        # held-out 40: theirs, typed small, owning something; not a city's
        ("want chaerin's honest take", "옥채린", "want your honest take"),
        # held-out 40: a title and their family name typed small, owning something; not a
        # heading
        ("dr frimpong's paper fixed my frames", "Efua Boatemaa Frimpong PhD",
         "Your paper fixed my frames"),
        ("prof ahlgrimm: the fen trials", "Wiebke Ahlgrimm", "prof ahlgrimm: the fen trials"),
        # found in review: a word or a brand after a preposition or a noun, a relation's title
        ("she makes creams with vera from her farm", "Вера Орлова",
         "you make creams with vera from your farm"),
        ("aloe vera's cooling gel", "Вера Орлова", "aloe vera's cooling gel"),
        ("writes about lada and avtovaz", "Лада Смирнова", "writes about lada and avtovaz"),
        ("her father dr frimpong's book got me into chemistry", "Efua Boatemaa Frimpong PhD",
         "your father dr frimpong's book got me into chemistry"),
        ("mr frimpong's shop", "Efua Boatemaa Frimpong PhD", "mr frimpong's shop"),
        # held-out 39: the whole name in Latin letters, each word spelling theirs
        ("Solomiia Hnatiuk and I built harps before she went home", "Соломія Тарасівна Гнатюк",
         "We built harps before you went home"),
        ("I asked Solomiia Hnatiuk about it", "Соломія Тарасівна Гнатюк", "I asked you about it"),
        ("Solomiia Hnatiuk's banduras are loud", "Соломія Гнатюк", "Your banduras are loud"),
        # found in review: not another man whose name the Ukrainian reading would spell
        ("Herman told me German's startup is hiring", "Герман Соколов",
         "Herman told me your startup is hiring"),
        # held-out 36: a whole name of which only the given name spells theirs
        ("Fereshteh Hosseininejad has led crews around Yazd for ten years", "مهندس فرشته حسینی‌نژاد",
         "You have led crews around Yazd for ten years"),
        # held-out 46: a text said to "you" names someone else; a day is no one
        ("You studied music, and your recordings of Lalon's songs were played in class",
         "রোকেয়া সিকদার",
         "You studied music, and your recordings of Lalon's songs were played in class"),
        ("her post on Tuesday says she ships to Europe", "సురేఖ చింతలపూడి",
         "your post on Tuesday says you ship to Europe"),
    ],
)  # fmt: skip
def test_a_reader_named_in_latin_letters(text: str, name: str, expected: str) -> None:
    others, known = ["Dawit Mengistu", "Sam Okafor"], ["Moonkelp", "Johannesburg, South Africa"]
    assert to_second_person(text, name, others=others, known=known) == expected


@pytest.mark.parametrize(
    ("text", "name", "company", "expected"),
    [
        # held-out 43: the reader's workshop bears the name the text calls them by
        ("Nechemia Elbaz is a sofer in Safed, and his thread answered my questions", "נחמיה אלבז",
         "Sofrut Elbaz", "You are a sofer in Safed, and your thread answered my questions"),
        ("Thazin and I shared a flat, she fixed my sequins", "သဇင်", "Thazin Kalaga",
         "We shared a flat, you fixed my sequins"),
        # the workshop itself keeps its name
        ("I bought a panel from Thazin Kalaga", "သဇင်", "Thazin Kalaga",
         "I bought a panel from Thazin Kalaga"),
        ("I ordered from Sofrut Elbaz last spring", "נחמיה אלבז", "Sofrut Elbaz",
         "I ordered from Sofrut Elbaz last spring"),
    ],
)  # fmt: skip
def test_a_reader_named_in_latin_letters_like_their_workshop(
    text: str, name: str, company: str, expected: str
) -> None:
    known = [company, "Safed"]
    assert to_second_person(text, name, others=["Wilfrid Illingworth"], known=known) == expected


def test_them_of_a_person_the_text_names_is_the_reader() -> None:
    """Review: "them" after a noun and a verb of someone else is not the things'."""
    assert (
        to_second_person("Sam runs the lab my team uses daily, so thank them", "Sam Lee")
        == "You run the lab my team uses daily, so thank you"
    )


def test_a_company_named_for_the_reader_does_not_hide_their_name() -> None:
    """Held-out 42: "Mira Soni casts…" of મીરા સોની, whose workshop is "Soni Brass Works": a word
    of a company's name that spells the reader's is still theirs."""
    context = Context.model_validate(
        {
            "scenario": "sales_prospect",
            "sender": {"name": "Ada Lowe"},
            "recipient": {"name": "મીરા સોની", "company": "Soni Brass Works"},
            "relationship": {"familiarity": "stranger"},
            "reason": "Mira Soni casts brass lamps.",
        }
    )
    assert to_reader(context.reason, context) == "You cast brass lamps."
    # the company keeps its name, even once their name is known in Latin letters (review)
    assert (
        to_reader("I saw Soni Brass Works at the fair. Mira Soni makes lamps.", context)
        == "I saw Soni Brass Works at the fair. You make lamps."
    )


def test_curly_apostrophes_stay_curly() -> None:
    assert to_second_person("she’s moved to Lisbon") == "you’ve moved to Lisbon"


THIRD_PERSON = re.compile(
    r"(?<![^\W_])(?:he|she|him|her|his|hers|himself|herself)(?![^\W_])", re.IGNORECASE
)


# Names in Latin letters, digits and signs: one in another script may be named in Latin letters
# ("Natsumi's team" of 井上 菜摘; see test_a_reader_named_in_latin_letters).
_NAMES = st.none() | st.text(alphabet=st.sampled_from("aehimrst ÉŁ0-'.Ana"), max_size=20)


@given(
    st.text(alphabet=st.sampled_from("aehimrst '’,.\"“”ÉŁжд"), max_size=60) | st.text(max_size=60),
    _NAMES | st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20),
)
@example(text="Éa'", name="0")  # found by CI: a "name" in no script named no one
@example(text="0", name="0{")  # found here: a name's word without a letter is no name
@example(text="A", name="A{")
def test_text_without_pronouns_or_the_name_is_unchanged(text: str, name: str | None) -> None:
    out = to_second_person(text, name)
    words = [*(name or "").split(), *name_parts(name or "")]  # "A" of "A{" is a name's word too
    if not THIRD_PERSON.search(text) and not any(word in text for word in words):
        assert out == text


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "JB is the best planner I know",
            "Jean-Baptiste Mukendi",
            "You are the best planner I know",
        ),
        (
            "Prof. Ní Chonchúir's work is exactly the profile",
            "Prof. Muireann Ní Chonchúir",
            "Your work is exactly the profile",
        ),
        ("JB Hunt is a carrier", "Jonas Berg", "JB Hunt is a carrier"),  # not a hyphenated name
        ("JP Morgan hired her", "Jean-Pierre Roux", "JP Morgan hired you"),  # a name follows
        ("I did my MA at Leeds", "Mary-Ann Cole", "I did my MA at Leeds"),  # an abbreviation
        ("I met Anne at PyCon", "Anne--Marie Dupont", "I met Anne at PyCon"),  # no crash
        (
            "Chuy asked if I'd give a talk",
            'Jesús "Chuy" Villaseñor',
            "You asked if I'd give a talk",
        ),
        ("Voula's company is hiring", "Stavroula (Voula) Pappas", "Your company is hiring"),
        ("Helô was the best dev", "Heloísa Vitória dos Anjos", "You were the best dev"),
        ("Helô Santos was the best dev", "Heloísa Souza", "Helô Santos was the best dev"),
        ("Max is the best dev", "Maxine Ortiz", "Max is the best dev"),  # too short to tell
        ("Alex is the best dev", "Alexandra Ortiz", "Alex is the best dev"),
        ("Andrea told me he is hiring", "Andreas Weber", "Andrea told me you are hiring"),
        ("Paula's team won", "Paulina Nowak", "Paula's team won"),  # one letter short
        ("Paul's team won", "Paula Nowak", "Paul's team won"),
        ("Anne was there", "Anne-Marie Dupont", "Anne was there"),  # half a hyphenated name
        ("Marie was there", "Anne-Marie Dupont", "Marie was there"),
        ("Mari was there", "Mariana Costa", "You were there"),
        ("Sofi was there", "Sofia Marín", "Sofi was there"),  # one letter short, as Paul
        # the given name or nickname typed in small letters, a title before it too
        (
            "awa has liked my last 3 posts. thank her",
            "Awa N'Diaye",
            "You have liked my last 3 posts. thank you",
        ),
        (
            "waying is the best I know",
            "Ma. Liwayway [Waying] Dimaano, CPA",
            "You are the best I know",
        ),
        ("father ndue remembers me", "Fr. Ndue Gjeloshi", "You remember me"),
        ("mark is great", "Mark Li", "mark is great"),  # an English word may be either
        # the reader and the writer together are "we"; "you and I" is said as typed
        ("lieselot + me climb twice a week", "Lieselot Van den Broeck", "We climb twice a week"),
        ("Lieselot and I met at PyCon", "Lieselot Van den Broeck", "We met at PyCon"),
        ("she told lieselot and me", "Lieselot Van den Broeck", "she told you and me"),
        # found in review: a name typed small where a thing's name stands
        ("the jan meetup was great", "Jan Novak", "the jan meetup was great"),
        ("ed tech forecasting interests me", "Ed Smith", "ed tech forecasting interests me"),
        ("the sol library", "Sol Lee", "the sol library"),
        ("rose to the top", "Rose Li", "rose to the top"),
        # held-out 30: the name typed small after "to" or "with", before what it is about
        (
            "ayaan pointed me to hodan for her solar chillers",
            "Hodan Cabdullaahi Warsame",
            "ayaan pointed me to you for your solar chillers",
        ),
        ("get in touch with awa about kilns", "Awa N'Diaye", "get in touch with you about kilns"),
        ("we moved to awa in may", "Awa N'Diaye", "we moved to awa in may"),  # a place, maybe
        # held-out 31: a name with a Japanese or Korean honorific, in a reason about the reader
        ("saw matsuura-san talk at the summit", "松浦 颯太", "saw you talk at the summit"),
        (
            "the ramps he's put in the culverts",
            "Tāmati Te Huia",
            "the ramps you've put in the culverts",
        ),
        ("i think he's set in his ways", "Tāmati Te Huia", "i think you're set in your ways"),
        # held-out 24: the name they go by, an English word, typed small saying something
        (
            "memo said to ping him once i graduated",
            'Guillermo "Memo" Ibarrola',
            "You said to ping you once i graduated",
        ),
        ("the memo said to ping him", 'Guillermo "Memo" Ibarrola', "the memo said to ping you"),
        # found in review: the word after a modifier is the word ("a new memo", "board memo")
        ("a new memo said to ping him", 'Guillermo "Memo" Ibarrola', "a new memo said to ping you"),
        (
            "board memo told us to hold off",
            'Guillermo "Memo" Ibarrola',
            "board memo told us to hold off",
        ),
        # held-out 25: a Russian given name called by its short form
        ("tolya finally has his own mill", "Анатолий Жеребцов", "You finally have your own mill"),
        ("Sasha said to call", "Alexander Grant", "Sasha said to call"),  # not a Russian name
        # held-out 35: a title that is one only with its dot, then the family name
        (
            "Ing. Hrdličková rebuilt the sluices near Třeboň.",
            "Ing. Blanka Hrdličková",
            "You rebuilt the sluices near Třeboň.",
        ),
        ("Mgr. Dvořáková runs the lab", "Jana Dvořáková", "You run the lab"),
        ("ing. students asked", "Jana Ing", "ing. students asked"),  # no name after it
        # held-out 35: a given name and the first of two family names ("you Mamani has written")
        ("Yolanda Mamani has written it", "Yolanda Mamani Quispe", "You have written it"),
        ("I read Yolanda Mamani's account", "Yolanda Mamani Quispe", "I read your account"),
        ("Ana Sofía runs it", "Ana Sofía Olvera Saucedo", "You run it"),
        ("Yolanda Quispe runs it", "Yolanda Mamani Quispe", "You run it"),
        ("Yolanda Quispe Mamani runs it", "Yolanda Mamani Quispe", "You run it"),
        ("Maria do Carmo grows pineapples", "Maria do Carmo Medeiros", "You grow pineapples"),
        # found in review: a title only as a title is written, a name only a space apart
        (
            "Thanks for the doc. Yolanda said to write.",
            "Yolanda Mamani Quispe",
            "Thanks for the doc. You said to write.",
        ),
        (
            "We banked with ING. Hrdličková rebuilt it",
            "Blanka Hrdličková",
            "We banked with ING. Hrdličková rebuilt it",
        ),
        (
            "Ana, Paula and I met at the fair",
            "Ana Paula Ribeiro",
            "You, Paula and I met at the fair",
        ),
        (
            "I met Yolanda. Quispe Holdings funded it.",
            "Yolanda Mamani Quispe",
            "I met you. Quispe Holdings funded it.",
        ),
        (
            "read her design doc. Yolanda's notes were sharp",
            "Yolanda Mamani Quispe",
            "read your design doc. Your notes were sharp",
        ),
        # held-out 39: the titles their name is written with go with it, however many
        (
            "I read Doç. Dr. Yazıcıoğlu's post on the minaret model",
            "Doç. Dr. Elif Nur Yazıcıoğlu",
            "I read your post on the minaret model",
        ),
        (
            "Ma. Teresita Villaruz leads a weavers' association",
            "Ma. Teresita Lacsamana Villaruz",
            "You lead a weavers' association",
        ),
        ("I met Engr. Cora Dumaguing at the demo", "Engr. Cora Dumaguing", "I met you at the demo"),
        # not a word as a title is not written
        ("my ma Teresita said hi", "Ma. Teresita Villaruz", "my ma you said hi"),
        # found in review: an initial or an abbreviation before one word may end a sentence
        (
            "We met at booth H. Budi showed me the demo",
            "H. Budi Santoso",
            "We met at booth H. You showed me the demo",
        ),
        (
            "I moved to Boston, Ma. Teresita hired me",
            "Ma. Teresita Villaruz",
            "I moved to Boston, Ma. You hired me",
        ),
    ],
)
def test_the_reader_named_by_initials_or_title_and_family_name(
    text: str, name: str, expected: str
) -> None:
    assert to_second_person(text, name) == expected


@pytest.mark.parametrize(
    ("name", "reason", "said"),
    [
        ("శ్రావ్య పొట్లూరి", "ask శ్రావ్య about the ragi price series", "ask you about the ragi"),
        ("शिल्पा राव", "शिल्पा wrote the millet series", "You wrote the millet series"),
        ("ஆனந்தி குமார்", "thank ஆனந்தி for the reshare", "thank you for the reshare"),
    ],
)
def test_the_readers_name_in_a_script_with_combining_marks_is_the_reader(
    name: str, reason: str, said: str
) -> None:
    """Vowel signs are combining marks: read with ``re``, "శ్రావ్య" was four words, never the name."""
    from warmnote.context import Context
    from warmnote.perspective import to_reader

    context = Context.model_validate(
        {
            "scenario": "content_engagement",
            "sender": {"name": "Tawonga Banda"},
            "recipient": {"name": name},
            "relationship": {"familiarity": "stranger"},
            "reason": reason,
        }
    )
    assert to_reader(reason, context, they_is_reader=True).startswith(said)


@pytest.mark.parametrize(
    ("name", "location", "reason", "said"),
    [
        ("Dr. Szalontai Kincső", "Debrecen", "Kincső's posts are why I'm writing", "Your posts"),
        ("Khổng Uyển Ngân", "Cà Mau", "Ngân asked for the case study", "You asked"),
        ("Guo Yufei", "Ningbo, China", "Yufei's team ships fast", "Your team"),
        ("Guo Yufei", "Ningbo, China", "Guo's team ships fast", "Your team"),
        # a Vietnamese word of address calls the reader by name: "you" can't stand in for it
        ("Lương Minh Khải", "Quy Nhon, Vietnam", "sharp on it, anh Khải", "sharp on it, anh Khải"),
        # stop 36: the given name typed small, where a person stands (after a verb, before one)
        ("Gong Byeong-cheol", "Geoje", "thinking byeong-cheol for the lead", "thinking of you for"),
        ("Gong Byeong-cheol", "Geoje", "ask byeong-cheol about the lead", "ask you about"),
        ("Gong Byeong-cheol", "Geoje", "byeong-cheol knows everyone", "You know everyone"),
    ],
)
def test_the_reader_is_named_by_the_name_they_go_by_when_it_comes_last(
    name: str, location: str, reason: str, said: str
) -> None:
    """A name written family name first: the reason names the reader by the given name."""
    from warmnote.context import Context
    from warmnote.perspective import to_reader

    context = Context.model_validate(
        {
            "scenario": "content_engagement",
            "sender": {"name": "Tawonga Banda"},
            "recipient": {"name": name, "location": location},
            "relationship": {"familiarity": "stranger"},
            "reason": reason,
        }
    )
    assert to_reader(reason, context, they_is_reader=True).startswith(said)


def test_a_short_form_of_a_given_name_written_last_is_the_reader() -> None:
    """Held-out 22: a short form of the given name of "Dr. Pálfalvi Zsófia" was read against
    the family name, which comes first ("Zsuzsa" of Zsuzsanna)."""
    context = Context.model_validate(
        {
            "scenario": "strategic",
            "sender": {"name": "Ilse Brandt"},
            "recipient": {"name": "Dr. Bodnár Zsuzsanna"},
            "relationship": {"familiarity": "acquaintance"},
            "reason": "x",
        }
    )
    assert to_reader("Zsuzsa's team won the bid", context) == "Your team won the bid"


def test_someone_the_context_knows_keeps_their_honorific() -> None:
    said = to_second_person("tanaka-san said to write to him", "松浦 颯太", others=["Tanaka Ken"])
    assert said == "tanaka-san said to write to you"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # found in review: an honorific on someone else's name
        ("tanaka-san introduced us at the expo", "Matsuura Aiko", "tanaka-san introduced us at the "
         "expo"),
        ("matsuura-san gave the talk", "Matsuura Aiko", "You gave the talk"),
        ("suzuki-sensei recommended her lab", "松浦 颯太", "suzuki-sensei recommended your lab"),
        ("the effort he's put in shows", "Ana Ruiz", "the effort you've put in shows"),
    ],
)  # fmt: skip
def test_an_honorific_marks_the_reader_only_by_their_name(
    text: str, name: str, expected: str
) -> None:
    assert to_second_person(text, name, they_is_reader=True) == expected


def test_who_clauses_about_someone_else_are_read_in_linear_time() -> None:
    """Each "who" looked to the end of the text (a review, 2026-12-06: 2,000 took 2.1 s)."""
    hostile = Hostile("Ana who ", 4_000, after="said her kiln is great.")
    assert_linear(lambda share: to_second_person(hostile(share), "Priya Raman", others=["Ana"]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # held-out 43: what the other person does at "her" place is theirs
        ("Margarethe Vowles, who conserves baskets at her museum, told me she is the one to ask.",
         "Margarethe Vowles, who conserves baskets at her museum, told me you are the one to ask."),
        # found in review, 2026-12-06: who she was to the reader is the reader's
        ("Margarethe Vowles, who was her PhD supervisor, suggested I reach out.",
         "Margarethe Vowles, who was your PhD supervisor, suggested I reach out."),
    ],
)  # fmt: skip
def test_her_in_a_who_clause_about_someone_else(text: str, expected: str) -> None:
    said = to_second_person(
        text, "Valliammai Chockalingam", others=["Margarethe Vowles"], they_is_reader=True
    )
    assert said == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # held-out 51 (stop 63): the writer's own people own their "their"
        ("My clients keep asking who can service their bikes.",
         "My clients keep asking who can service their bikes."),
        ("Our bike-fit clients ask who services their wheels.",
         "Our bike-fit clients ask who services their wheels."),
        ("My paddlers love their new hulls.", "My paddlers love their new hulls."),
        # the reader's "their" after the writer's people in another sentence is the reader's
        ("My clients are keen. I'd love their advice.",
         "My clients are keen. I'd love your advice."),
        # found in review: where the reader is "they", a "their" after the writer's people is
        # the reader's as before
        ("Fränz gave the keynote. My colleagues loved their talk.",
         "You gave the keynote. My colleagues loved your talk."),
        # found in the second review: what the writer's people own is theirs
        ("Fränz teaches pottery. Our students brought their own clay.",
         "You teach pottery. Our students brought their own clay."),
        # "his" before a quoted name owns it; "her" that opens a sentence is hers
        ("His 'late colour call' drill is basically ours.",
         "Your 'late colour call' drill is basically ours."),
        ("Her side-step ladder drill beats mine.", "Your side-step ladder drill beats mine."),
        # and still an object after a verb, and "his" alone stays "yours"
        ("I'd love to ask her first.", "I'd love to ask you first."),
        ("A squad like his is rare.", "A squad like yours is rare."),
        # held-out 57 (stop 69): the "their" of whom the writer recruits for
        ("I recruit for an insurer in Mopti, and I think he would be a strong fit for their "
         "pricing lead.", "I recruit for an insurer in Mopti, and I think you would be a strong "
         "fit for their pricing lead."),
        ("I work for a bank, and he'd be a good fit for their risk team.",
         "I work for a bank, and you'd be a good fit for their risk team."),
        # (guards, found in review: "their" after the reader's team is theirs; and in a
        # sentence that names no employer of the writer's, it is the reader's)
        ("I work for a law firm and Fränz and his team impressed me with their claims work.",
         "I work for a law firm and you and your team impressed me with your claims work."),
        ("I think he would be a strong fit; their pricing lead left.",
         "I think you would be a strong fit; your pricing lead left."),
    ],
)  # fmt: skip
def test_pronouns_held_out_51_read_wrongly(text: str, expected: str) -> None:
    assert to_second_person(text, "Fränz Biever", they_is_reader=True) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # held-out 52 and its review: a title of their own that names them alone
        ("Datin runs a bakery chain in Ipoh.", "Datin Nora Aziz",
         "You run a bakery chain in Ipoh."),
        ("alhaji trades grain in kano.", "Alhaji Musa Bello", "You trade grain in kano."),
        ("alhaji musa trades grain in kano.", "Alhaji Musa Bello", "You trade grain in kano."),
        # not before another name, nor a third party's deed, nor the title of someone else
        ("Dato' Lim introduced us.", "Dato' Aminah Rahman", "Dato' Lim introduced us."),
        ("alhaji introduced us.", "Alhaji Musa Bello", "alhaji introduced us."),
        ("Datin runs a bakery chain.", "Nora Aziz", "Datin runs a bakery chain."),
    ],
)  # fmt: skip
def test_a_title_of_their_own_said_alone_is_the_reader(text: str, name: str, expected: str) -> None:
    assert to_second_person(text, name, they_is_reader=True) == expected
