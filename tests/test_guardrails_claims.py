"""Claims about shared history and third parties, and how a note addresses its reader (issue 8).

The labelled notes in tests/data hold the realistic cases per kind of claim; this file pins the
spans and messages a reask acts on, prose that must not trigger, what in the context supports
each claim, that the support is configurable, and that no text makes the rules raise.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.guardrails import Guardrails, Verdict

DATA = Path(__file__).parent / "data"
CONTEXTS = {
    name: Context.model_validate(raw)
    for name, raw in tomllib.loads((DATA / "guardrail_contexts.toml").read_text("utf-8")).items()
}
NOTES = tomllib.loads((DATA / "guardrail_notes.toml").read_text("utf-8"))
CLAIMS = [
    "met_before", "worked_together", "studied_together", "earlier_contact", "intermediary",
    "recipient_said", "intention_done", "pronoun", "title", "roles", "first_meeting",
    "never_met", "connected_already", "family_name", "article", "hiring", "greeting",
    "reader_post", "relayed", "reason_kept", "notes_to_self", "heard_news", "filler",
    "writer_named", "reader_named", "repeats", "name_before_you", "greeted_twice",
]  # fmt: skip
CLAIM_RULES = {
    "met_before", "worked_together", "studied_together", "earlier_contact", "intermediary",
    "recipient_said", "intention_done", "addressing", "first_meeting", "never_met",
    "connected_already", "roles", "reader_post", "relayed", "heard_news",
}  # fmt: skip


def errors(verdict: Verdict, text: str, rule: str) -> list[tuple[str, str]]:
    return [(text[v.start : v.end], v.message) for v in verdict.errors if v.rule == rule]


def context(name: str, **changes: Any) -> Context:
    data = CONTEXTS[name].model_dump()
    for key, value in changes.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    return Context.model_validate(data)


@pytest.mark.parametrize("claim", CLAIMS)
def test_every_kind_of_claim_has_ten_good_and_ten_bad_labelled_notes(claim: str) -> None:
    good = Counter(n.get("claim") for n in NOTES["good"])
    bad = Counter(n.get("claim") for n in NOTES["bad"])
    assert good[claim] >= 10
    assert bad[claim] >= 10


def test_labelled_notes_cover_other_scripts_and_name_orders() -> None:
    names = {CONTEXTS[n["context"]].recipient.name for n in NOTES["bad"] if n.get("claim")}
    assert {"Zhang Wei", "Kim Min-jun", "Nagy Eszter", "Suharto"} <= names
    assert any(not name.isascii() for name in names)


# ------------------------------------------------------------------------------ spans, messages
@pytest.mark.parametrize(
    ("ctx", "text", "rule", "span", "message"),
    [
        (
            "dr_lund",
            "Hi Sven, Marek Nowak suggested we connect. I'd like to share the vendor risk "
            "checklist you asked about in the comments of your post.",
            "intermediary",
            "Marek Nowak suggested we connect",
            "Remove 'Marek Nowak suggested we connect': the context lists Marek Nowak only as a "
            "mutual connection; you may say you both know Marek Nowak.",
        ),
        (
            "intro",
            "Hi Fatou, Omar Haddad and Lin Chen suggested we compare notes on mini-grid tariffs "
            "in West Africa.",
            "intermediary",
            "Omar Haddad and Lin Chen suggested we compare notes",
            "Remove Lin Chen from 'Omar Haddad and Lin Chen suggested we compare notes': the "
            "context says only Omar Haddad suggested or introduced you; you may say you both "
            "know Lin Chen.",
        ),
        (
            "strategic",
            "Hi José, a mutual friend suggested I reach out about your post on recovery rates "
            "stalling at 90%.",
            "intermediary",
            "a mutual friend suggested I reach out",
            "Remove 'a mutual friend suggested I reach out': the context doesn't say anyone "
            "suggested or introduced you to José.",
        ),
        (
            "dr_lund",
            "Hi Sven, I was referred by Marek Nowak and would like to share our vendor risk "
            "checklist.",
            "intermediary",
            "referred by Marek Nowak",
            "Remove 'referred by Marek Nowak': the context lists Marek Nowak only as a mutual "
            "connection; you may say you both know Marek Nowak.",
        ),
        (
            "sales",
            "Hi Dana, great meeting you last week! I'd love to learn how Orchard Foods shortened "
            "the month-end close.",
            "met_before",
            "great meeting you",
            "Remove 'great meeting you': the context gives no earlier contact with Dana "
            "(familiarity: stranger, no how_we_met or where), so don't claim you have met or "
            "talked.",
        ),
        (
            "prof_ribeiro",
            "Hi Ana, it's been a while since we both studied at TU Delft. I'd love to ask about "
            "your service blueprint research.",
            "earlier_contact",
            "it's been a while",
            "Remove 'it's been a while': the context gives no earlier relationship with Ana to "
            "pick up again (familiarity: stranger); write it as a first contact.",
        ),
        (  # reconnecting with people, not things (held-out 31's oxbows pass, above)
            "prof_ribeiro",
            "Hi Ana, I'd love to reconnect over your blueprint research.",
            "earlier_contact",
            "reconnect",
            "Remove 'reconnect': the context gives no earlier relationship with Ana to pick up "
            "again (familiarity: stranger); write it as a first contact.",
        ),
        (
            "prof_ribeiro",
            "Hi Ana, we had a shared interest in service research and have since worked "
            "together. I'd love to ask about your blueprint research.",
            "worked_together",
            "worked together",
            "Remove 'worked together': the context doesn't say you worked with Ana "
            "(familiarity: stranger), so don't claim shared work.",
        ),
        (
            "alumni",
            "Hi Łukasz, we were classmates at the University of Michigan! I'd love to hear how "
            "you moved into climate tech.",
            "studied_together",
            "we were classmates",
            "Remove 'we were classmates': the context doesn't say you studied with Łukasz "
            "(familiarity: stranger); you may name a school you both attended only if the "
            "context lists it.",
        ),
        (
            "school_mixup",
            "Hi Camille, fellow INSEAD alum here! I'd love to hear how you moved into offshore "
            "wind strategy.",
            "studied_together",
            "fellow INSEAD alum",
            "Remove 'fellow INSEAD alum': the context doesn't list 'INSEAD' among Camille's "
            "schools (HEC Paris); name only a school it gives.",
        ),
        (
            "pricing",
            "Hi Ingrid, as you asked, here is how we price freight contracts. I'd love to learn "
            "more about your pricing process.",
            "recipient_said",
            "as you asked",
            "Remove 'as you asked': the context doesn't say Ingrid asked, told or mentioned "
            "anything to you; say what you'd like to share or ask instead.",
        ),
        (
            "runbook",
            "Hi Eszter, I read the runbook you mentioned at SREcon Dublin and would love to "
            "compare on-call practices.",
            "intention_done",
            "I read the runbook",
            "Don't report 'I read the runbook' as done: the context gives it as what you want to "
            "do ('read the runbook she mentioned and compare on-call practices'). Say you'd like "
            "to read the runbook instead.",
        ),
        (
            "dr_lund",
            "Hi Sven, I'd like to share a vendor risk checklist that he asked about.",
            "addressing",
            "he",
            "Speak to Sven directly: replace 'he' in 'he asked about' with 'you'; the note is "
            "addressed to Sven, so the third person reads as someone else.",
        ),
        (
            "pricing",
            "Hi Ingrid, I'd love to learn more about their pricing process for freight contracts.",
            "addressing",
            "their",
            "Speak to Ingrid directly: replace 'their' in 'their pricing process' with 'your'; "
            "the note is addressed to Ingrid, so the third person reads as someone else.",
        ),
        (
            "prof_ribeiro",
            "Hi Prof. Ana, I'd love to ask about your service blueprint research.",
            "addressing",
            "Prof. Ana",
            "Write 'Hi Ana' or 'Prof. Ribeiro': a title goes with the family name, not the given "
            "name ('Prof. Ana').",
        ),
        (
            "dr_lund",
            "Dear Dr Sven, I'd like to share the vendor risk checklist you asked about.",
            "addressing",
            "Dr Sven",
            "Write 'Hi Sven' or 'Dr Lund': a title goes with the family name, not the given name "
            "('Dr Sven').",
        ),
        (
            "event",
            "Hi Priya, we haven't met yet, but I'd love to keep comparing notes on MLOps tooling.",
            "never_met",
            "we haven't met",
            "Don't say 'we haven't met': the context says you and Priya have met or know each "
            "other (familiarity: met_once; how_we_met: 'talked after her talk on feature "
            "stores'); don't claim you have never met.",
        ),
        (
            "booth_stranger",
            "Hi Ines, we haven't met yet, but I'd love to hear how your team plans pallet storage.",
            "never_met",
            "we haven't met",
            "Don't say 'we haven't met': the context says you and Ines have met or know each "
            "other (where: 'our stand at LogiMAT Stuttgart'); don't claim you have never met.",
        ),
    ],
    ids=[
        "mutual-only", "one-of-two", "unnamed-friend", "referred-by", "met-before",
        "earlier-contact", "reconnect-people", "worked-together", "studied-together",
        "unlisted-school",
        "recipient-said", "intention-done", "pronoun", "spliced-their", "title", "title-no-dot",
        "never-met", "never-met-where",
    ],
)  # fmt: skip
def test_a_finding_quotes_the_claim_and_says_what_to_do(
    guardrails: Guardrails, ctx: str, text: str, rule: str, span: str, message: str
) -> None:
    assert errors(guardrails.check(text, CONTEXTS[ctx]), text, rule) == [(span, message)]


# ------------------------------------------------------------------------------ no false alarms
@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        ("sales", "Hi Dana, your post suggested that we all rethink the month-end close."),
        ("content", "Hi Sofia, your post recommended pairing new engineers with a buddy."),
        ("mutual", "Hi Tomás, Ana mentioned your work on the Vela Health design system."),
        ("dr_lund", "Hi Sven, we both know Marek Nowak and both care about vendor risk."),
        ("dr_lund", "Hi Sven, Marek Nowak is a mutual connection, and I read your vendor post."),
        ("sales", "Hi Dana, I'd love to work together on finance content someday."),
        ("event", "Hi Priya, I hope to see you again at PyData Berlin next year."),
        ("sales", "Hi Dana, as you said in your post, closing in five days takes process work."),
        ("zhang", "Hi Wei, you asked in your post whether anyone had cold-climate field data."),
        ("content", "Hi Sofia, you said remote onboarding for engineers needed five changes."),
        ("runbook", "Hi Eszter, I'd love to read the runbook you mentioned."),
        ("runbook", "Hi Eszter, I read your keynote notes and would love to read the runbook."),
        ("zhang", "Hi Wei, I learned a lot from your post on sodium-ion cells."),
        ("mutual", "Hi Tomás, Ana Ruiz said she loved your design system talk."),
        ("dr_lund", "Hi Sven, Marek Nowak shared your post, and he was right about reviews."),
        ("content", "Hi Sofia, my manager shared your post and she now quotes it weekly."),
        ("intro", "Hi Fatou, Omar Haddad introduced us. He thought we should compare notes."),
        ("sales", "Hi Dana, most finance teams take twelve days and their auditors notice."),
        ("content", "Hi Sofia, our new hires love your post; they quote it weekly."),
        ("event", 'Hi Priya, a colleague called it "the talk she wished she had seen".'),
        ("dr_lund", "Hi Dr. Lund, I'd like to share the vendor risk checklist."),
        ("dr_lund", "Dear Dr. Sven Lund, I'd like to share the vendor risk checklist."),
        ("zhang", "Dear Dr. Zhang, I'd love to learn how your lab tests cells in the cold."),
        ("runbook", "Hi Ms. Nagy, I'd love to read the runbook you mentioned."),
        ("icons", "Dear Mr. Kim, Lumina 3.0 looks great."),
        ("suharto", "Dear Mr. Suharto, I'd love to learn how your team breeds rice."),
        ("alumni", "Hi Łukasz, fellow University of Michigan grad here."),
        ("prof_ribeiro", "Hi Ana, we both studied at TU Delft, so your post hit home."),
        ("former", "Hi Chloé, it's been ages since the checkout team at Parcelly!"),
        ("classmate", "Hi Aylin, remember our cohort at TU Delft? Let's catch up."),
        ("sales", "Hi Dana, I haven't met you yet, but I'd love to learn about your close."),
        ("zhang", "Hi Wei, we've never crossed paths, and your cold-cell post hit home."),
        ("acquaintance", "Hi Mateus, we haven't talked since Lisbon; I'd love to follow Caju."),
        ("colleague", "Hi Sipho, we haven't talked about the pricing data platform yet."),
        ("runbook", "Hi Eszter, I'm hoping to compare on-call notes and read the runbook."),
        ("runbook", "Hi Eszter, I want to connect and read the runbook you mentioned."),
        ("runbook", "Hi Eszter, we should meet and read the runbook you mentioned."),
        ("former", "Hi Chloé, we haven't talked in two years; I'd love to hear about Mosaic."),
        ("former", "Hi Chloé, we haven't spoken for the past few months, sadly."),
        ("acquaintance", "Hi Mateus, we haven't met up since Lisbon; I'd love to follow Caju."),
        ("acquaintance", "Hi Mateus, we haven't talked recently, and I'd love to follow Caju."),
        ("former_pm", "Hi Ольга, we don't know each other that well, but I'd love to hear more."),
        ("classmate", "Hi Aylin, we're not strangers, so let's catch up."),
        ("classmate", "Hi Aylin, we're no strangers to on-call pain, so let's catch up."),
        ("event", "Hi Priya, PyData Berlin was my first time meeting you."),
        ("event", "Hi Priya, my first time meeting you at PyData Berlin was a treat."),
        ("sales", "Hi Dana, I don't think we've met, but I'd love to learn about your close."),
        ("zhang", "Hi Wei, I'm not sure if we've met, but your cold-cell post hit home."),
        ("aurora_stranger", "Hi Lena, we worked at Aurora Retail but never had the chance to meet"),
        ("job_seeker", "Hi Amara, I'd value advice from someone with your background."),
        ("aurora_stranger", "Hi Lena, our team is growing; I'd love to see how your ideas apply."),
        ("recruiter", "Hi Wei, I'm interested in your role at Helixa."),
        ("recruiter", "Hi Wei, I'm interested in your current role and your take on on-call."),
        ("recruiter", "Hi Wei, I'm interested in your position on remote work."),
        ("hiring_strategic", "Hi Chiara, I'm interested in the role of data contracts in Airflow."),
        ("recruiter_robotics", "Hi Ngozi, I was interested in the opening keynote on ROS 2."),
        # held-out 31: reconnecting things, not people
        ("sales", "Hi Dana, I read your report on reconnecting 3 oxbow lakes to the river."),
        ("zhang", "Hi Wei, we plan to reconnect the old channels and would love your view."),
    ],
)
def test_prose_that_makes_no_unsupported_claim_passes_these_rules(
    guardrails: Guardrails, ctx: str, text: str
) -> None:
    verdict = guardrails.check(text, CONTEXTS[ctx])
    assert not [(v.rule, text[v.start : v.end]) for v in verdict.errors if v.rule in CLAIM_RULES]


# ------------------------------------------------------------------------ who is who (roles)
@pytest.mark.parametrize(
    ("ctx", "text", "span", "message"),
    [
        (
            "webinar",
            "Hi Hollis, thanks for attending my webinar on on-call for career changers!",
            "my webinar",
            "Fix 'my webinar': the context says 'her webinar', so that is Hollis's, not yours.",
        ),
        (
            "pull_request",
            "Hi Mirela, thanks for the quick review on your pull request to Loamdb.",
            "your pull request",
            "Fix 'your pull request': the context says 'my pull request', so that is yours, not "
            "Mirela's.",
        ),
        (
            "webinar",
            "Hi Hollis, I'm a junior data analyst who attended your webinar.",
            "junior data analyst",
            "Fix 'junior data analyst': the context describes you as 'ICU nurse moving into SRE'; "
            "describe yourself only as the context does.",
        ),
        (
            "designer",
            "Hi Clara, as a senior product designer, I've run usability tests with tiny teams too.",
            "senior product designer",
            "Fix 'senior product designer': that describes Clara, not you; describe yourself only "
            "as the context does.",
        ),
        (
            "platform_lead",
            "Hi Noura, I'd like to introduce myself as the new data platform lead.",
            "new data platform lead",
            "Fix 'new data platform lead': that describes Noura, not you; describe yourself only "
            "as the context does.",
        ),
        (
            "staff_de",
            "Hi Arjun, now that you're a data scientist at Brindlewood, how is streaming going?",
            "data scientist",
            "Fix 'data scientist': nothing in the context calls Arjun 'scientist'; describe Arjun "
            "as the headline does.",
        ),
        (
            "event",
            "Hi Priya, I enjoyed your work on MLOps at Corvid.",
            "Corvid",
            "Fix 'Corvid': that is your company, not Priya's; don't put Priya there.",
        ),
        (
            "policy",
            "Hi Rohan, I'm a policy analyst at Bank of Elmore and would love to ask about rents.",
            "Bank of Elmore",
            "Fix 'Bank of Elmore': that is where Rohan works; the context doesn't say you work "
            "there.",
        ),
    ],
    ids=[
        "her-webinar", "my-pull-request", "own-job", "readers-job", "introduce-myself",
        "readers-job-wrong", "writers-company", "readers-company",
    ],
)  # fmt: skip
def test_a_roles_finding_quotes_the_mixup_and_says_whose_it_is(
    guardrails: Guardrails, ctx: str, text: str, span: str, message: str
) -> None:
    assert errors(guardrails.check(text, CONTEXTS[ctx]), text, "roles") == [(span, message)]


@pytest.mark.parametrize(
    ("ctx", "text"),
    [
        ("recruiter", "Hi Wei, I'm Grace, a technical recruiter. My team is hiring a staff SRE."),
        ("job_seeker", "Hi Amara, I'm a data analyst applying for the opening on your team."),
        ("alumni", "Hi Łukasz, as a fellow Michigan alum, I'd love to hear how you moved."),
        ("webinar", "Hi Hollis, as an ICU nurse moving into SRE, I loved your webinar."),
        ("webinar", "Hi Hollis, you answered my question in your webinar Q&A."),
        ("pull_request", "Hi Mirela, thanks for reviewing and merging my pull request."),
        ("designer", "Hi Clara, as a senior product designer at Kitewing, how do you test?"),
        (
            "staff_de",
            "Hi Arjun, your work at Brindlewood is where our team at Copperline is headed.",
        ),
        ("event", "Hi Priya, I'm a data engineer at Corvid; your work at Zalmora is our model."),
        ("colleague", "Hi Sipho, we're both on the pricing data platform at Skyline Retail now."),
        ("sales", "Hi Dana, I'm a big fan of your post on closing the books in five days."),
        ("event", "Hi Priya, you're a great speaker, and your feature store talk showed it."),
    ],
)
def test_each_persons_own_things_jobs_and_companies_pass(
    guardrails: Guardrails, ctx: str, text: str
) -> None:
    assert not errors(guardrails.check(text, CONTEXTS[ctx]), text, "roles")


@pytest.mark.parametrize(
    ("ctx", "text", "span", "message"),
    [
        (
            "recruiter",
            "Hi Wei, I'd love to hear about roles that might suit me at Helixa.",
            "roles that might suit me",
            "Don't say 'roles that might suit me': the context says you are the one offering the "
            "role ('we are hiring a staff SRE to lead reliability for our platf…'), so Wei has no "
            "job to give you; offer the role to Wei instead.",
        ),
        (
            "seeker_devops",
            "Hi Adaeze, my team is growing and I'd love to ask about DevOps at Baobab Cloud.",
            "my team is growing",
            "Don't say 'my team is growing': the context says you are the one looking for a role "
            "('ask about the junior DevOps opening she posted'), so you have no team or job to "
            "offer Adaeze; ask about Adaeze's instead.",
        ),
        (
            "recruiter_robotics",
            "Hi Ngozi, I'd love to hear about roles that might suit me.",
            "roles that might suit me",
            "Don't say 'roles that might suit me': the context says you are the one offering the "
            "role (scenario: recruiter_outreach), so Ngozi has no job to give you; offer the role "
            "to Ngozi instead.",
        ),
    ],
    ids=["recruiter-asks-for-a-role", "seeker-hires", "by-the-scenario"],
)
def test_a_hiring_finding_says_who_offers_the_role(
    guardrails: Guardrails, ctx: str, text: str, span: str, message: str
) -> None:
    assert errors(guardrails.check(text, CONTEXTS[ctx]), text, "roles") == [(span, message)]


@pytest.mark.parametrize(
    ("scenario", "reason", "flagged"),
    [
        ("recruiter_outreach", "", True),
        ("strategic", "we're hiring a staff SRE", True),
        ("strategic", "compare notes on on-call", False),
        ("job_seeker", "ask about on-call", False),
    ],
)
def test_who_hires_comes_from_the_scenario_or_the_reason(
    guardrails: Guardrails, scenario: str, reason: str, flagged: bool
) -> None:
    text = "Hi Wei, are you hiring? I'd love to join your team in Lisbon."
    ctx = context("recruiter", scenario=scenario, reason=reason)
    assert bool(errors(guardrails.check(text, ctx), text, "roles")) is flagged


MY_WEBINAR = "Hi Hollis, thanks for joining my webinar on on-call. How does your team train?"
YOUR_WEBINAR = "Hi Hollis, thanks for your webinar on on-call. How does your team train?"


@pytest.mark.parametrize(
    ("how_we_met", "mine_flagged", "yours_flagged"),
    [
        ("attended her webinar on on-call", True, False),
        ("she attended my webinar on on-call", False, True),
        ("we both spoke at a webinar on on-call", False, False),
        (None, False, False),
    ],
    ids=["hers", "mine", "nobodys", "unsaid"],
)
def test_whose_thing_it_is_comes_from_how_we_met(
    guardrails: Guardrails, how_we_met: str | None, mine_flagged: bool, yours_flagged: bool
) -> None:
    ctx = context("webinar", relationship={"how_we_met": how_we_met, "where": None})
    assert bool(errors(guardrails.check(MY_WEBINAR, ctx), MY_WEBINAR, "roles")) is mine_flagged
    verdict = guardrails.check(YOUR_WEBINAR, ctx)
    assert bool(errors(verdict, YOUR_WEBINAR, "roles")) is yours_flagged


BOTH_AT = "Hi Priya, we're both engineers at Zalmora, so let's keep comparing notes on MLOps."
YOURS_AT = "Hi Priya, I enjoyed your work on MLOps at Corvid and your feature store talk."


@pytest.mark.parametrize(
    ("familiarity", "flagged"),
    [("stranger", True), ("met_once", True), ("friend", True), ("colleague", False)],
)
def test_only_colleagues_share_an_employer(
    guardrails: Guardrails, familiarity: str, flagged: bool
) -> None:
    ctx = context("event", relationship={"familiarity": familiarity})
    for text in (BOTH_AT, YOURS_AT):
        assert bool(errors(guardrails.check(text, ctx), text, "roles")) is flagged


def test_what_counts_as_a_role_is_configurable(tmp_path: Path) -> None:
    text = "Hi Priya, I'm a barista at heart and loved your feature store talk at PyData Berlin."
    ctx = CONTEXTS["event"]
    assert not errors(Guardrails.load(tmp_path).check(text, ctx), text, "roles")
    (tmp_path / "roles.toml").write_text('[rules.roles]\nrole_nouns = ["barista"]\n', "utf-8")
    assert errors(Guardrails.load(tmp_path).check(text, ctx), text, "roles")


# --------------------------------------------------------------- first meetings, connections
NICE_TO_MEET = "Hi Priya, great to meet you at PyData Berlin! I'd love to keep comparing notes."
THANKS_FOR_CONNECTING = "Hi Priya, thanks for connecting! I'd love to keep comparing notes."


@pytest.mark.parametrize(
    ("familiarity", "first_meeting_allowed"),
    [
        ("stranger", True), ("met_once", True), ("acquaintance", True), ("colleague", False),
        ("former_colleague", False), ("classmate", False), ("friend", False),
    ],
)  # fmt: skip
def test_a_first_meeting_fits_only_people_not_yet_known_well_and_a_connection_never_exists(
    guardrails: Guardrails, familiarity: str, first_meeting_allowed: bool
) -> None:
    ctx = context("event", relationship={"familiarity": familiarity})
    verdict = guardrails.check(NICE_TO_MEET, ctx)
    assert (not errors(verdict, NICE_TO_MEET, "first_meeting")) is first_meeting_allowed
    verdict = guardrails.check(THANKS_FOR_CONNECTING, ctx)
    assert errors(verdict, THANKS_FOR_CONNECTING, "connected_already") == [
        (
            "thanks for connecting",
            "Remove 'thanks for connecting': this note goes with the invitation, so Priya hasn't "
            "connected or accepted anything yet; thank them for something the context gives "
            "instead.",
        )
    ]


# ------------------------------------------------------------------------------ support
MEETING = "Hi Priya, great meeting you! I'd love to keep comparing notes on MLOps tooling."


@pytest.mark.parametrize(
    ("relationship", "supported"),
    [
        ({"familiarity": "stranger", "where": None, "how_we_met": None}, False),
        ({"familiarity": "stranger", "where": "PyData Berlin", "how_we_met": None}, True),
        ({"familiarity": "stranger", "where": None, "how_we_met": "we talked at a meetup"}, True),
        ({"familiarity": "acquaintance", "where": None, "how_we_met": None}, True),
    ],
    ids=["stranger", "where", "how-we-met", "acquaintance"],
)
def test_having_met_is_supported_by_familiarity_or_a_described_meeting(
    guardrails: Guardrails, relationship: dict[str, Any], supported: bool
) -> None:
    verdict = guardrails.check(MEETING, context("event", relationship=relationship))
    assert (not errors(verdict, MEETING, "met_before")) is supported


NEVER_MET = "Hi Priya, we've never met, but I'd love to keep comparing notes on MLOps tooling."


@pytest.mark.parametrize(
    ("familiarity", "how_we_met", "supported"),
    [
        ("stranger", None, True),
        ("stranger", "I commented on her post about feature stores", True),
        ("stranger", "attended her webinar on feature stores", True),
        ("stranger", "talked after her talk on feature stores", False),
        ("stranger", "sat together at the PyData workshop", False),
        ("stranger", "we both worked at Aurora Retail, in different teams", True),
        ("stranger", "both on-call for the same CDN outage, never in one room", True),
        ("stranger", "she talked at our stand at LogiMAT", False),
        ("colleague", "I just joined her platform team", True),
        ("colleague", None, False),
        ("met_once", None, False),
        ("acquaintance", None, False),
        ("friend", None, False),
    ],
)
def test_never_having_met_needs_a_stranger_and_no_meeting_described(
    guardrails: Guardrails, familiarity: str, how_we_met: str | None, supported: bool
) -> None:
    relationship = {"familiarity": familiarity, "how_we_met": how_we_met, "where": None}
    verdict = guardrails.check(NEVER_MET, context("event", relationship=relationship))
    assert (not errors(verdict, NEVER_MET, "never_met")) is supported
    assert not errors(verdict, NEVER_MET, "met_before")


SUGGESTED = "Hi Priya, Tiina Koskivaara suggested I get in touch about MLOps tooling."


@pytest.mark.parametrize(
    ("reason", "supported"),
    [
        ("Tiina suggested I ask her about MLOps tooling", True),
        ("tiina introduced us on slack, want to compare MLOps tooling", True),
        # held-out 48: a denial names the person and a support word, and supports nothing
        ("tiina has said nothing of me to her, so no claiming an intro", False),
        ("Tiina never introduced us, I just know her work on MLOps tooling", False),
        ("tiina didn't refer me; I found her talk on MLOps tooling", False),
        # a denial of something else leaves the suggestion standing
        ("not sure she remembers me, but Tiina suggested I reach out", True),
    ],
)
def test_someone_who_suggested_the_note_needs_the_context_to_say_they_did(
    guardrails: Guardrails, reason: str, supported: bool
) -> None:
    relationship = {"familiarity": "stranger", "mutual_connections": ["Tiina Koskivaara"]}
    verdict = guardrails.check(
        SUGGESTED, context("event", relationship=relationship, reason=reason)
    )
    assert (not errors(verdict, SUGGESTED, "intermediary")) is supported


_WORKED = "Hi Priya, I liked it when we worked together on MLOps tooling."
_POST = "Hi Priya, I enjoyed your post on MLOps tooling."
_JOINED = "Hi Priya, great to hear you joined Corvid!"
_COHORT = "Hi Priya, our cohort still talks about your MLOps tooling."
_WHILE = "Hi Priya, it's been a while! How is the MLOps tooling going?"
_SUGGESTED = "Hi Priya, Tiina Koskivaara suggested I get in touch about MLOps tooling."
# Each kind of claim, its note, and what the context says: a support word the context denies in
# its clause ("we never worked together") supports nothing, for every kind, as for `intermediary`.
DENIED = [
    (
        "worked_together",
        "Hi Priya, I liked it when we worked together on MLOps tooling.",
        "we never worked together, we only met at the meetup",
        False,
    ),
    (
        "worked_together",
        "Hi Priya, I liked it when we worked together on MLOps tooling.",
        "we worked together at Corvid for two years",
        True,
    ),
    (
        "studied_together",
        "Hi Priya, our cohort still talks about your MLOps tooling.",
        "we were not in the same cohort; I only know her MLOps tooling",
        False,
    ),
    (
        "studied_together",
        "Hi Priya, our cohort still talks about your MLOps tooling.",
        "we were in the same cohort at Aalto",
        True,
    ),
    (
        "earlier_contact",
        "Hi Priya, it's been a while! How is the MLOps tooling going?",
        "talked once after her talk, and we never caught up again",
        False,
    ),
    (
        "earlier_contact",
        "Hi Priya, it's been a while! How is the MLOps tooling going?",
        "talked after her talk two years ago",
        True,
    ),
    (
        "reader_post",
        "Hi Priya, I enjoyed your post on MLOps tooling.",
        "she hasn't posted anything; I know her from the meetup",
        False,
    ),
    (
        "reader_post",
        "Hi Priya, I enjoyed your post on MLOps tooling.",
        "nobody introduced us, i just keep seeing her posts on MLOps tooling",
        True,
    ),
    (
        "heard_news",
        "Hi Priya, great to hear you joined Corvid!",
        "she has not joined Corvid yet, so no congrats",
        False,
    ),
    (
        "heard_news",
        "Hi Priya, great to hear you joined Corvid!",
        "she got the platform lead job at Corvid. not a word about the team we lost",
        True,
    ),
    (
        "relayed",
        "Hi Priya, Tiina mentioned you cut the MLOps tooling bill in half.",
        "tiina never mentioned her to me",
        False,
    ),
    (
        "relayed",
        "Hi Priya, Tiina mentioned you cut the MLOps tooling bill in half.",
        "tiina mentioned she cut the MLOps tooling bill in half",
        True,
    ),
    # found in review: a denial of something else, or one clause away, denies nothing…
    *(
        (rule, note, reason, True)
        for rule, note, reason in [
            ("worked_together", _WORKED, "I never got to thank her after we worked together"),
            (
                "worked_together",
                _WORKED,
                "not only did we work together at Corvid, we shared a desk",
            ),
            ("worked_together", _WORKED, "we've not talked since we worked together at Corvid"),
            ("reader_post", _POST, "can't stop thinking about her post on MLOps tooling"),
            ("reader_post", _POST, "without her post on MLOps tooling we would still be lost"),
            ("heard_news", _JOINED, "I didn't know she'd joined Corvid until Tiina told me"),
            ("studied_together", _COHORT, "not sure she remembers me from our cohort at Aalto"),
            (
                "earlier_contact",
                _WHILE,
                "I'll never forget how we used to debug pipelines at Corvid",
            ),
        ]
    ),
    # …and an aside between a denial and its word leaves it denied; a plane that landed or a
    # contract landed is no news of the reader's
    *(
        (rule, note, reason, False)
        for rule, note, reason in [
            ("intermediary", _SUGGESTED, "tiina never, i think, suggested anything like that"),
            ("heard_news", _JOINED, "my plane landed late so I missed her talk on MLOps tooling"),
            ("heard_news", _JOINED, "we just landed a big contract with Corvid"),
        ]
    ),
]


@pytest.mark.parametrize(
    ("rule", "note", "reason", "supported"),
    DENIED,
    ids=[f"{rule}-{'supported' if ok else 'denied'}" for rule, _, _, ok in DENIED],
)
def test_a_claim_the_context_denies_is_not_supported(
    guardrails: Guardrails, rule: str, note: str, reason: str, supported: bool
) -> None:
    relationship = {"familiarity": "stranger", "mutual_connections": ["Tiina Koskivaara"]}
    ctx = context("event", relationship=relationship, recipient={"recent_posts": []}, reason=reason)
    assert (not errors(guardrails.check(note, ctx), note, rule)) is supported


WHILE = "Hi Priya, it's been a while! I'd love to keep comparing notes on MLOps tooling."


@pytest.mark.parametrize(
    ("familiarity", "how_we_met", "supported"),
    [
        ("met_once", "talked after her talk", False),
        ("met_once", "worked together at Corvid years ago", True),
        ("acquaintance", None, True),
        ("classmate", None, True),
        ("friend", None, True),
        ("colleague", None, True),
        ("stranger", None, False),
    ],
)
def test_an_earlier_relationship_needs_acquaintance_or_closer_or_how_we_met(
    guardrails: Guardrails, familiarity: str, how_we_met: str | None, supported: bool
) -> None:
    ctx = context("event", relationship={"familiarity": familiarity, "how_we_met": how_we_met})
    assert (not errors(guardrails.check(WHILE, ctx), WHILE, "earlier_contact")) is supported


@pytest.mark.parametrize(
    ("schools", "supported"),
    [(["University of Michigan"], True), (["Michigan State University"], True), ([], False)],
)
def test_a_shared_school_is_supported_by_the_recipients_schools(
    guardrails: Guardrails, schools: list[str], supported: bool
) -> None:
    text = "Hi Łukasz, fellow Michigan alum here! I'd love to hear how you moved into climate tech."
    verdict = guardrails.check(text, context("alumni", recipient={"schools": schools}))
    assert (not errors(verdict, text, "studied_together")) is supported


@pytest.mark.parametrize(
    ("reason", "flagged"),
    [
        ("read the runbook she mentioned", True),
        ("I'd like to read the runbook she mentioned", True),
        ("hear how her team wrote the runbook", False),  # "hear" is left alone
        ("read her keynote notes", False),  # another object
        ("", False),
        ("compare on-call notes and read the runbook she mentioned", True),  # a later clause
        ("thank her for the talk, then read the runbook", True),
        ("thank her for the talk and the runbook", False),  # "the runbook" is no plan
    ],
)
def test_an_intention_done_needs_the_reasons_verb_and_object(
    guardrails: Guardrails, reason: str, flagged: bool
) -> None:
    text = "Hi Eszter, I read the runbook you mentioned and would love to compare on-call notes."
    verdict = guardrails.check(text, context("runbook", reason=reason))
    assert bool(errors(verdict, text, "intention_done")) is flagged


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Hi Eszter, I've been reading the runbook.", "I've been reading the runbook"),
        ("Hi Eszter, I have been reading the runbook.", "I have been reading the runbook"),
        ("Hi Eszter, I'm new to SRE and just read the runbook.", "and just read the runbook"),
        ("Hi Eszter, I'd love to keep reading the runbook.", None),
        ("Hi Eszter, I'm reading the runbook this week.", None),
        ("Hi Eszter, I haven't read the runbook yet.", None),
        ("Hi Eszter, you read the runbook aloud. I loved it.", None),
        ("Hi Eszter, I'm hoping to compare notes and read the runbook.", None),
        ("Hi Eszter, I'm new to on-call and read the runbook.", "and read the runbook"),
    ],
)
def test_an_intention_is_done_in_the_past_or_the_present_perfect_progressive(
    guardrails: Guardrails, text: str, span: str | None
) -> None:
    found = errors(guardrails.check(text, CONTEXTS["runbook"]), text, "intention_done")
    assert [quote for quote, _ in found] == ([span] if span else [])


def test_the_support_of_a_claim_is_configurable(tmp_path: Path) -> None:
    ctx = CONTEXTS["sales"]
    assert "met_before" in {v.rule for v in Guardrails.load(tmp_path).check(MEETING, ctx).errors}
    (tmp_path / "claims.toml").write_text(
        '[rules.met_before]\nfamiliarity = ["stranger"]\n', encoding="utf-8"
    )
    assert "met_before" not in {
        v.rule for v in Guardrails.load(tmp_path).check(MEETING, ctx).errors
    }


# ------------------------------------------------------------------- the writer named as another
PAUL = {"sender": {"name": "Paul Girard", "headline": "Localization engineer at Babel & Co"}}


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "Hi Priya, it's great to be at PyData with Paul! I'd love to keep comparing notes.",
            ["Paul"],
        ),
        (
            "Hi Priya, I met Paul Girard at PyData Berlin; I'd love to keep comparing notes.",
            ["Paul"],
        ),
        (
            "Hi Priya, Paul and I loved your talk. Paul would love to keep comparing notes.",
            ["Paul", "Paul"],
        ),
        ("Hi Priya, I'm an Paul Girard and would love to keep comparing notes.", ["Paul"]),
        # introducing oneself, signing off, someone else of the same given name
        ("Hi Priya, I'm Paul, from PyData Berlin. I'd love to keep comparing notes.", []),
        ("Hi Priya, it’s Paul from PyData Berlin! I'd love to keep comparing notes.", []),
        ("Hi Priya, Paul here, from PyData Berlin. I'd love to keep comparing notes.", []),
        ("Hi Priya, Paul Girard here. I'd love to keep comparing notes on MLOps.", []),
        ("Hi Priya, this is Paul. I'd love to keep comparing notes on MLOps tooling.", []),
        ("Hi Priya, I'd love to keep comparing notes on MLOps tooling. Thanks, Paul", []),
        ("Hi Priya, Paul Martin said your PyData talk was great; I'd love to compare notes.", []),
        ("Hi Priya, I'd love to keep comparing notes with Pauline on MLOps tooling.", []),
        ("Hi Priya, I met PAUL at PyData; I'd love to keep comparing notes.", ["PAUL"]),
        ("Hi Priya, Paul from Babel & Co, we met at PyData. I'd love to compare notes.", []),
        ("Hi Priya, Paul again, from the hallway at PyData. I'd love to compare notes.", []),
        ("Hi Priya, I'm the Paul who asked about drift at PyData. Could we compare notes?", []),
        ("Hi Priya, I'd love to keep comparing notes on MLOps. Talk soon, Paul", []),
        ("Hi Priya, I'd love to keep comparing notes on MLOps. Best regards, Paul :)", []),
        ("Hi Priya, I'd love to keep comparing notes on MLOps.\n— Paul (Babel & Co)", []),
        ("Hi Priya, I'd love to compare notes.\nBest,\nPaul\nP.S. loved the slides!", []),
    ],
)
def test_the_writer_named_as_someone_else_is_a_role_mixed_up(
    guardrails: Guardrails, text: str, spans: list[str]
) -> None:
    found = errors(guardrails.check(text, context("event", **PAUL)), text, "roles")
    assert [quote for quote, _ in found] == spans


def test_the_writer_named_finding_says_what_to_write_instead(guardrails: Guardrails) -> None:
    text = "Hi Priya, it's great to be at PyData with Paul!"
    assert errors(guardrails.check(text, context("event", **PAUL)), text, "roles") == [
        ("Paul", "Fix 'Paul': Paul is you, the writer; don't name yourself as someone else (say "
         "'I' or 'me', or introduce yourself: \"I'm Paul\")."),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "changes",
    [
        {"sender": {"name": "Grace Kim"}},  # an English word: "by the grace of…"
        {"sender": {"name": "Priya Shah"}},  # the reader's given name too
        {"relationship": {"familiarity": "met_once", "mutual_connections": ["Grace Lee"]}},
    ],
)
def test_a_writer_name_that_is_a_word_or_anothers_name_is_not_looked_for(
    guardrails: Guardrails, changes: dict[str, Any]
) -> None:
    ctx = context("event", **{"sender": {"name": "Grace Kim"}, **changes})
    text = "Hi Priya, Grace and Priya both loved your PyData Berlin talk on feature stores."
    assert not [m for _, m in errors(guardrails.check(text, ctx), text, "roles") if "writer" in m]


@pytest.mark.parametrize(
    ("ctx", "text", "flagged"),
    [
        # a place: the writer's given name is where they met, or said after "in"
        (
            context("event", sender={"name": "Austin Lee"}, relationship={"where": "SXSW Austin"}),
            "Hi Priya, I loved your talk at SXSW in Austin; I'd love to compare notes.",
            False,
        ),
        (
            context("event", sender={"name": "Sydney Clarke"}),
            "Hi Priya, I flew in from Sydney for PyData; I'd love to compare notes.",
            False,
        ),
        # someone else of that name in how they met: "Marta Silva introduced us"
        (
            CONTEXTS["namesake"],
            "Hi Kofi, Marta introduced us at the Accra cocoa summit; I'd love to compare notes.",
            False,
        ),
        # the writer's name typed in small letters, or without its accent
        (
            context("event", sender={"name": "paul girard"}),
            "Hi Priya, it's great to be at PyData with Paul! I'd love to compare notes.",
            True,
        ),
        (
            context("event", sender={"name": "José Ruiz"}),
            "Hi Priya, it's great to be at PyData with Jose! I'd love to compare notes.",
            True,
        ),
    ],
)
def test_the_writers_name_is_told_from_places_namesakes_and_spellings(
    guardrails: Guardrails, ctx: Context, text: str, flagged: bool
) -> None:
    found = [m for _, m in errors(guardrails.check(text, ctx), text, "roles") if "the writer" in m]
    assert bool(found) is flagged


def test_many_writer_names_are_read_in_linear_time(guardrails: Guardrails) -> None:
    """Each name is judged by what stands next to it: a sign-off's postscript is read only so
    far, and eight times the text takes not much more than eight times as long."""
    signed = Hostile("it's Paul, Paul here, with Paul\nPS Paul and ", 8_000, "Hi Priya, ", "Paul")

    def check(share: float) -> None:
        text = signed(share)
        found = errors(guardrails.check(text, context("event", **PAUL)), text, "roles")
        assert len(found) == 2 * int(signed.times * share) + 1

    assert_linear(check)


# ---------------------------------------------------------------------- news about the reader
@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the clause that tells the news, so that a reask removes the news with it
        ("Hi Priya, great to hear Zalmora is thriving!", "great to hear Zalmora is thriving"),
        (
            "Hi Priya, it's great to hear you're in Munich now.",
            "great to hear you're in Munich now",
        ),
        (
            "Hi Priya, I'm glad to hear about the changes at Zalmora.",
            "glad to hear about the changes at Zalmora",
        ),
        ("Hi Priya, glad to see you're still at Zalmora.", "glad to see you're still at Zalmora"),
        ("Hi Priya, so GLAD to SEE Zalmora growing.", "GLAD to SEE Zalmora growing"),
        (
            "Hi Priya, it's exciting to hear how you scaled the team.",
            "exciting to hear how you scaled the team",
        ),
        ("Hi Priya, great to see you in a new role!", "great to see you in a new role"),
        (
            "Hi Priya, I'm sorry to hear about the feature store outage.",
            "sorry to hear about the feature store outage",
        ),
        (
            "Hi Priya, great to hear the news about your move, and I'd love to compare notes.",
            "great to hear the news about your move",
        ),
        (
            "Hi Priya, great-to-hear you've moved — I'd love to compare notes.",
            "great-to-hear you've moved",
        ),
        # held-out 50: a congratulation on something new greets news
        (
            "Hi Priya, congratulations on the new role at Zalmora! I'd love to compare notes.",
            "congratulations on the new role at Zalmora",
        ),
        ("Hi Priya, congrats on your promotion. Compare notes?", "congrats on your promotion"),
        # a wish; seeing or hearing the reader; their work or view; news of one's own or others'
        ("Hi Priya, it would be great to hear how you scaled the team.", None),
        ("Hi Priya, I'd be glad to hear your take on feature stores.", None),
        ("Hi Priya, I'll be happy to see what you think.", None),
        ("Hi Priya, great to see you at PyData Berlin!", None),
        ("Hi Priya, great to see you on Tuesday at PyData.", None),
        ("Hi Priya, great to see you in Berlin last month.", None),
        ("Hi Priya, it was nice to see you again.", None),
        ("Hi Priya, great to see you!", None),
        ("Hi Priya, great to hear you speak at PyData.", None),
        ("Hi Priya, glad to hear you enjoyed the workshop.", None),
        ("Hi Priya, happy to hear you're open to comparing notes.", None),
        ("Hi Priya, good to hear we're tackling the same problem.", None),
        ("Hi Priya, great to hear from you at the meetup.", None),
        ("Hi Priya, great to see your post on feature stores.", None),
        ("Hi Priya, glad to hear your thoughts on retraining.", None),
        ("Hi Priya, happy to hear more about Zalmora.", None),
        ("Hi Priya, nice to see more people on feature stores.", None),
        ("Hi Priya, good to see what the PyData crowd has built.", None),
        ("Hi Priya, great to meet you at PyData Berlin.", None),
        ("Hi Priya, I'd love to hear how you scaled the team.", None),
        # a congratulation on their work is no news (found in review, stop 62)
        ("Hi Priya, congrats on your new post on feature stores!", None),
        ("Hi Priya, congratulations on the latest paper.", None),
    ],
)  # fmt: skip
def test_news_about_the_reader_needs_news_in_the_context(
    guardrails: Guardrails, text: str, span: str | None
) -> None:
    found = errors(guardrails.check(text, CONTEXTS["event"]), text, "heard_news")
    assert [quote for quote, _ in found] == ([span] if span else [])


def test_a_news_finding_says_what_to_remove_and_why(guardrails: Guardrails) -> None:
    text = "Hi Priya, great to hear Zalmora is thriving!"
    assert errors(guardrails.check(text, CONTEXTS["event"]), text, "heard_news") == [
        (
            "great to hear Zalmora is thriving",
            "Remove 'great to hear Zalmora is thriving': the context gives no news about Priya "
            "(no new role, move, "
            "launch or loss in the reason, how you met or their posts), so don't report news you "
            "haven't heard.",
        )
    ]


@pytest.mark.parametrize(
    ("changes", "supported"),
    [
        ({"reason": "congratulate her on the new role and keep comparing notes"}, True),
        ({"reason": "keep comparing notes; she was just promoted"}, True),
        ({"relationship": {"how_we_met": "she told me Zalmora had launched a new platform"}}, True),
        ({"recipient": {"recent_posts": ["Some news: I've joined Zalmora's board"]}}, True),
        ({"recipient": {"recent_posts": ["What we learned running a feature store"]}}, False),
        ({"reason": "hear how she runs the platform now"}, False),
        ({"reason": "her team lost a whole cluster last week; keep comparing notes"}, True),
        ({"relationship": {"familiarity": "friend"}}, False),
        ({"reason": "I heard her talk on feature stores; no news to share, sorry"}, False),
        # the writer's own news is none of the reader's…
        ({"reason": "I started a new job at Corvid and want to keep comparing notes"}, False),
        ({"reason": "keep comparing notes; my son got the summer job at Zalmora"}, False),
        ({"reason": "we're hiring for the platform team, and she knows everyone"}, False),
        ({"reason": "i was promoted last month, so compare notes on leading a team"}, False),
        ({"reason": "our team launched a feature store; compare notes on it"}, False),
        ({"relationship": {"how_we_met": "I joined her team at Corvid for a year"}}, False),
        # …unless the writer heard, saw or greets news of theirs
        ({"reason": "I heard she moved to Zalmora; keep comparing notes"}, True),
        ({"reason": "I saw the news of her promotion and want to compare notes"}, True),
        ({"reason": "I want to say congrats on the new role"}, True),
        ({"reason": "I know Priya launched a platform team this spring"}, True),
        ({"reason": "my friend told me Zalmora had launched a new platform"}, True),
        ({"reason": "I am applying for the opening on her platform team"}, True),
        # a first day posted is news (found in review, stop 62)
        ({"recipient": {"recent_posts": ["Day 1 at Zalmora as platform lead!"]}}, True),
        # found in review: a congratulation, news shared with the reader, news named as hers
        # after the word, her family name…
        ({"reason": "I'd like to congratulate her and compare notes"}, True),
        ({"reason": "Priya and I were both promoted the same week"}, True),
        ({"relationship": {"how_we_met": "we both joined Corvid in 2019"}}, True),
        ({"reason": "I attended the launch of Priya's platform in Tallinn"}, True),
        ({"reason": "I came across the announcement of her appointment"}, True),
        ({"reason": "I think Raman got promoted to director"}, True),
        # …and the writer's own news after "and", said gladly, or in a long clause
        ({"reason": "I joined Corvid and was promoted within a year"}, False),
        ({"reason": "We're excited to be hiring two platform engineers"}, False),
        ({"reason": "I'm happy to say my startup raised funding"}, False),
        (
            {
                "reason": "Our research group at the Kwame Nkrumah University of Science and "
                "Technology in Kumasi finally published the paper"
            },
            False,
        ),
    ],
)
def test_news_is_supported_by_the_reason_how_you_met_or_a_post(
    guardrails: Guardrails, changes: dict[str, Any], supported: bool
) -> None:
    text = "Hi Priya, great to hear about your new role at Zalmora!"
    found = errors(guardrails.check(text, context("event", **changes)), text, "heard_news")
    assert (not found) is supported


def test_any_news_in_the_context_supports_every_news_claim(guardrails: Guardrails) -> None:
    """A limit, pinned so a change to it is seen: support is per context, not per piece of
    news, so a made-up move passes beside a promotion the reason gives."""
    text = "Hi Priya, glad to hear you're moving to Munich!"
    ctx = context("event", reason="congratulate her on the promotion")
    assert not errors(guardrails.check(text, ctx), text, "heard_news")


def test_a_job_seeker_may_be_glad_of_the_opening_they_apply_for(guardrails: Guardrails) -> None:
    text = "Hi Amara, good to see you're hiring! I'd value advice on the senior analyst opening."
    assert not errors(guardrails.check(text, CONTEXTS["job_seeker"]), text, "heard_news")


def test_news_is_read_in_linear_time(guardrails: Guardrails) -> None:
    """Each phrase is read where it ends: no search runs on to the end of the note."""
    hostile = Hostile("great-to-hear ", 16_000, "Hi Priya, ", "Zalmora moved.")

    def check(share: float) -> None:
        text = hostile(share)
        assert errors(guardrails.check(text, CONTEXTS["event"]), text, "heard_news")

    assert_linear(check)


def test_what_supports_news_is_configurable(tmp_path: Path) -> None:
    text = "Hi Priya, great to hear Zalmora is thriving!"
    ctx = context("event", reason="keep comparing notes; Zalmora is thriving")
    assert errors(Guardrails.load(tmp_path).check(text, ctx), text, "heard_news")
    (tmp_path / "claims.toml").write_text(
        '[rules.heard_news]\nsupport_words = ["thriving"]\n', encoding="utf-8"
    )
    assert not errors(Guardrails.load(tmp_path).check(text, ctx), text, "heard_news")


# ------------------------------------------------------------------------------ without a context
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Hi Alex, I'd love to hear how her team runs observability.", True),
        ("Hi Alex, Maria said she loved your talk on observability.", False),
        ("Hi Alex, my colleague said she loved your talk on observability.", False),
        ("Hi Alex, great meeting you at the meetup; Dr. Alex would be proud.", False),
    ],
)
def test_without_a_context_only_pronouns_are_checked(
    guardrails: Guardrails, text: str, flagged: bool
) -> None:
    found = {v.rule for v in guardrails.check(text).errors} & CLAIM_RULES
    assert found == ({"addressing"} if flagged else set())


# ------------------------------------------------------------------------------ invariants
FRAGMENTS = [
    "Hi Dr. Sven", "Hi Sven", ", ", ". ", "\n", " Marek Nowak", " suggested we connect",
    " a friend", " referred by", " she", " her", " their pricing process", " it's been a while",
    " we studied together", " fellow TU Delft alum", " fellow", " alum", " you asked",
    " in your post", " I read the runbook", " I've", " we", " at", "'s", " suggestion",
    " Prof.", " 王伟", " Ольга", " ‏נועה", "“", "”", " and", " Dr.", " J.", "!", "?",
    " great to hear", " glad to see", " you", " would be",
]  # fmt: skip
NOTE_LIKE = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)
ANY_CONTEXT = st.sampled_from([None, *CONTEXTS.values()])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(), NOTE_LIKE), ctx=ANY_CONTEXT)
def test_the_rules_never_raise_and_spans_stay_inside(
    guardrails: Guardrails, text: str, ctx: Context | None
) -> None:
    verdict = guardrails.check(text, ctx)
    for v in verdict.violations:
        assert 0 <= v.start <= v.end <= len(text)
        assert v.message


HOSTILE = {
    "pronouns": Hostile(" she", 50_000),
    "pronoun-sentences": Hostile("she. ", 40_000),
    "spliced-their": Hostile(" their pricing process", 10_000),
    "titles": Hostile("Hi Dr. Sven ", 16_000),
    "claims": Hostile("Marek Nowak suggested we connect. ", 6_000),
    "a-long-subject": Hostile("Marek Nowak and ", 12_000, after="suggested we connect"),
    "friends": Hostile(" a friend", 20_000, after=" suggested I reach out"),
    "intentions": Hostile("I read the runbook ", 10_000),
    "intentions-in-progress": Hostile("I've been reading ", 12_000, after="the runbook"),
    "a-subject-far-before-and": Hostile(
        "new ", 40_000, before="I'm ", after="and read the runbook"
    ),
    "never-met": Hostile("we haven't met ", 15_000),
    "schools": Hostile("fellow ", 30_000, after="alum"),
    "one-long-word": Hostile("a", 200_000, after=" she"),
    "possessives": Hostile(" my post", 25_000),
    "companies": Hostile("your work at Norrsken Pay ", 8_000),
    "self-descriptions": Hostile("I'm a senior security analyst ", 7_000),
    "as-a-role": Hostile("As a senior analyst ", 10_000, after=", I"),
}


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_200_kb_note_is_checked_in_linear_time(
    guardrails: Guardrails, hostile: Hostile
) -> None:
    # The sentence split and the pronoun scan were quadratic.
    def check(share: float) -> None:
        text = hostile(share)
        for ctx in (CONTEXTS["dr_lund"], CONTEXTS["runbook"]):
            verdict = guardrails.check(text, ctx)
            assert all(0 <= v.start <= v.end <= len(text) for v in verdict.violations)

    assert_linear(check)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana, you may remember the chat we had after your talk at the finance summit.",
        "Hi Dana, I'd love to catch up the next time you're in Lisbon.",
        "Hi Dana, I'd love to reconnect over your month-end close work.",
    ],
)
def test_history_is_claimed_whatever_follows_it(guardrails: Guardrails, text: str) -> None:
    """Only "reconnect" with a thing of its own ("reconnecting 3 oxbows") claims no history
    (found in review: every phrase of the rule had been let off before "the" or a number)."""
    verdict = guardrails.check(text, CONTEXTS["sales"])
    assert "earlier_contact" in {v.rule for v in verdict.errors}, verdict


@pytest.mark.parametrize(
    ("reason", "note", "flagged"),
    [
        # held-out 53: a text that calls the reader "her" gives "they" to the things before it
        ("Nia Osei runs the studio where the choir film was recorded, and its voices sound as "
         "if they were in the room with me. I hope her studio hires assistants.",
         "Hi Nia, you run the studio where the choir film was recorded, and its voices sound as "
         "if they were in the room with me. I hope your studio hires assistants.", False),
        ("Nia Osei wrote about how her theatre runs surtitles on slim screens, so that nobody "
         "in the upper boxes has to crane their neck.",
         "Hi Nia, you wrote about how your theatre runs surtitles on slim screens, so that "
         "nobody in the upper boxes has to crane their neck.", False),
        # where the reason calls the reader "they", their "they" and "their" are the reader's
        ("They run the studio where the choir film was recorded, and its voices sound as if "
         "they were in the room with me. I hope their studio hires assistants.",
         "Hi Nia, you run the studio where the choir film was recorded, and its voices sound as "
         "if they were in the room with me. I hope your studio hires assistants.", True),
        ("They wrote about how their theatre runs surtitles on slim screens, so that nobody in "
         "the upper boxes has to crane their neck.",
         "Hi Nia, you wrote about how your theatre runs surtitles on slim screens, so that "
         "nobody in the upper boxes has to crane their neck.", True),
    ],
)  # fmt: skip
def test_they_of_things_or_of_nobody_is_not_the_reader_in_a_text_that_says_her(
    reason: str, note: str, flagged: bool, guardrails: Guardrails
) -> None:
    verdict = guardrails.check(note, _to_nia(reason))
    assert any(v.rule == "addressing" for v in verdict.violations) is flagged, verdict


def test_a_they_that_ends_the_reason_and_the_note_is_checked(guardrails: Guardrails) -> None:
    """A "they" with no word after it in the reason once raised a TypeError in the check of
    what the note spliced from the reason; the check never raises, whatever the text."""
    verdict = guardrails.check("Hi Nia, you asked what they", _to_nia("she asked what they"))
    assert any(v.rule == "addressing" for v in verdict.violations), verdict


def _to_nia(reason: str) -> Context:
    """A stranger's context for Nia Osei with ``reason``: what the addressing rule reads."""
    return Context.model_validate(
        {
            "scenario": "content_engagement",
            "sender": {"name": "Sam Carter"},
            "recipient": {"name": "Nia Osei"},
            "relationship": {"familiarity": "stranger"},
            "reason": reason,
        }
    )
