"""The guardrail verdict as a list: one line per violation; choosing one selects its span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from warmnote.guardrails.verdict import Verdict, Violation

PASSED = "✓ No rule found a problem"
"""Not "passes every check": the rules catch slips, not sense (see the README's held-out
readings), so a passing note is still the user's to read."""

PASSED_WITH_WARNINGS = "✓ No rule rejects it; read the warnings below"
"""A warning (e.g. most of the reason left out) is the one thing to check before sending."""

MARKS = {"error": ("✗ ", "$text-error"), "warning": ("! ", "$text-warning")}
"""By Severity value: this module loads before the guardrails do."""


def violation_prompt(violation: Violation) -> Content:
    mark, style = MARKS[violation.severity]
    return Content.assemble(
        (mark, f"bold {style}"),
        violation.message,
        (f"  [{violation.rule}]", "dim"),
    )


class VerdictList(OptionList):
    """Lists what the guardrails found; an empty, passing verdict reads as one line."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.violations: list[Violation] = []

    def set_verdict(self, verdict: Verdict | None, *, note: str = "") -> None:
        """Show ``verdict``, or ``note`` (e.g. "drafting…") when there is none to show."""
        self.violations = list(verdict.violations) if verdict else []
        options: list[Option] = []
        if verdict is None:
            options.append(Option(Content(note), disabled=True))
        else:
            if verdict.passed:
                passed = PASSED_WITH_WARNINGS if verdict.violations else PASSED
                options.append(Option(Content.styled(passed, "bold $text-success"), disabled=True))
            options += [
                Option(violation_prompt(violation), id=f"violation-{index}")
                for index, violation in enumerate(self.violations)
            ]
        self.set_options(options)

    def violation_for(self, option: Option) -> Violation | None:
        if option.id is None or not option.id.startswith("violation-"):
            return None
        return self.violations[int(option.id.removeprefix("violation-"))]
