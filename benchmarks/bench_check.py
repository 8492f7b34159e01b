"""Guardrail throughput: notes checked per second on one core, with contexts (issue 2: >= 5,000).

Builds a batch of realistic notes (good ones and ones that break each rule, with emoji, curly
quotes and accented names) for generated contexts, a few drafts per context as the pipeline
produces them, and checks them all in this one process. A second line measures the worst case,
a context never seen before for every note.

Run: .venv/bin/python benchmarks/bench_check.py [--notes 20000] [--drafts-per-context 4]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time

from warmnote.context import Context
from warmnote.guardrails import Guardrails

FIRST = ["Priya", "Tomás", "Wei", "Amara", "Łukasz", "Chloé", "José", "Sofia", "Noor", "Дмитрий"]
LAST = ["Raman", "Herrera", "Zhang", "Nwosu", "Nowak", "Martin", "Álvarez", "Lindqvist", "Haddad"]
COMPANIES = ["Zalmora", "Vela Health", "Helixa", "Lumen Bank", "Kestrel Energy", "Mosaic"]
EVENTS = ["PyData Berlin", "the Rust meetup in Hamburg", "DevDays Lisbon", "the climate summit"]
TOPICS = ["feature stores", "design systems", "remote onboarding", "battery recycling"]
SCENARIOS = ["event_followup", "mutual_connection", "content_engagement", "strategic"]

NOTES = [
    "Hi {first}, I enjoyed your talk on {topic} at {event}. I'd love to keep comparing notes "
    "and hear how {company} handles it across 40 teams.",
    "{first}, your post on {topic} changed how we work at Corvid. Would love to follow your "
    "writing and swap ideas sometime 🙌",
    "Hi {first}! Great meeting you at {event}. I’d love to stay in touch and learn how {company} "
    "approaches {topic}.",
    "Hello {first}, Ana Ruiz suggested I reach out about {topic}. Could I ask how your team at "
    "{company} got started?",
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {first}, great meeting you at KubeCon last March!!! Can we book a demo? See corvid.dev",
    "Here is your note:\n\nHi {first}, I came across your profile and would love to connect.\n"
    "Best,\nSam",
    "Hi [First Name], I would like to expand my network with {topic} people like you.",
]


def make_context(rng: random.Random, number: int) -> Context:
    """A context whose texts are its own (numbered), so no cache sees the same text twice."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    topic, company, event = rng.choice(TOPICS), rng.choice(COMPANIES), rng.choice(EVENTS)
    return Context.model_validate(
        {
            "id": f"c{number}",
            "scenario": rng.choice(SCENARIOS),
            "sender": {"name": "Sam Okafor", "headline": f"Data Engineer at Corvid, team {number}"},
            "recipient": {
                "name": f"{first} {last}",
                "headline": f"Lead for {topic} at {company}, project {number}",
                "company": company,
                "about": f"I run platform {number} and write about {topic}.",
                "recent_posts": [f"What we learned about {topic} with {number % 90 + 10} teams"],
                "skills": [topic.title(), "Kubernetes"],
            },
            "relationship": {
                "familiarity": rng.choice(["stranger", "met_once"]),
                "where": event,
                "how_we_met": "Ana Ruiz suggested I reach out",
                "mutual_connections": ["Ana Ruiz"],
                "shared_interests": [topic],
            },
            "reason": f"compare notes on {topic} for project {number}",
        }
    )


def build_batch(count: int, per_context: int, seed: int = 7) -> list[tuple[str, Context]]:
    rng = random.Random(seed)
    batch: list[tuple[str, Context]] = []
    for number in itertools.count():
        context = make_context(rng, number)
        r = context.recipient
        fields = {
            "first": r.first_name,
            "topic": context.relationship.shared_interests[0],
            "company": r.company,
            "event": context.relationship.where,
        }
        for _ in range(per_context):
            batch.append((rng.choice(NOTES).format(**fields), context))
            if len(batch) == count:
                return batch
    raise AssertionError("unreachable")


def measure(guardrails: Guardrails, batch: list[tuple[str, Context]], label: str) -> None:
    start = time.perf_counter()
    passed = sum(guardrails.check(text, context).passed for text, context in batch)
    seconds = time.perf_counter() - start
    contexts = len({id(context) for _, context in batch})
    print(
        f"{label}: {len(batch) / seconds:.0f} notes/s ({len(batch)} notes, {seconds:.2f} s, "
        f"{passed} passed, {contexts} contexts)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--drafts-per-context", type=int, default=4)
    args = parser.parse_args()
    guardrails = Guardrails.load()
    guardrails.check(*build_batch(1, 1)[0])  # reads the lazily loaded word list untimed
    measure(guardrails, build_batch(args.notes, args.drafts_per_context), "check")
    measure(guardrails, build_batch(args.notes, 1, seed=8), "check, a new context per note")


if __name__ == "__main__":
    main()
