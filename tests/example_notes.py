"""Notes for the example context (examples/event_followup.json), shared by the tests drafting it."""

from __future__ import annotations

from pathlib import Path

from warmnote.context import Context, load_context

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event_followup.json"
GOOD = (
    "Hi Tomás, I enjoyed talking after your PyData Lisbon talk on backpressure in Kafka "
    "consumers. I'd love to keep learning from how your team handles it."
)
"""Passes every check with the example context."""
BOILERPLATE = "I'd like to add you to my professional network on LinkedIn."
TOO_LONG = (
    GOOD + " It was a really great talk and I learned so much from it. The part on consumer lag "
    "was new to me, and the live demo made the trade-offs easy to follow. Thanks again for "
    "staying to answer questions afterwards. I hope the slides go online soon so I can share "
    "them with my colleagues."
)
"""Over the 300-character limit, and nothing else wrong with it."""


def example_with(reason: str, name: str = "Tomás Herrera") -> Context:
    """The example context with ``reason`` typed, and the reader's name as ``name``."""
    context = load_context(EXAMPLE)
    recipient = context.recipient.model_copy(update={"name": name})
    return context.model_copy(update={"reason": reason, "recipient": recipient})
