"""The guardrail verdict as a list: one line per violation; choosing one selects its span."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from warmnote.guardrails.verdict import Verdict, Violation
    from warmnote.results import LeftOut

PASSED = "✓ No rule found a problem"
"""Not "passes every check": the rules catch slips, not sense (see the README's held-out
readings), so a passing note is still the user's to read."""

PASSED_WITH_WARNINGS = "✓ No rule rejects it; read the warnings below"
"""A warning (e.g. most of the reason left out) is the one thing to check before sending."""

LEFT_OUT_MARK = ("… ", "$text-warning")
"""Before a part of the reason the note leaves out: not a rule's finding, but worth a look."""

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

    def set_verdict(
        self, verdict: Verdict | None, *, note: str = "", left_out: Sequence[LeftOut] = ()
    ) -> None:
        """Show ``verdict`` and what of the reason the note leaves out, or ``note`` (e.g.
        "drafting…") when there is no verdict to show."""
        self.violations = list(verdict.violations) if verdict else []
        options: list[Option] = []
        if verdict is None:
            options.append(Option(Content(note), disabled=True))
        else:
            if verdict.passed:
                warned = verdict.violations or left_out
                passed = PASSED_WITH_WARNINGS if warned else PASSED
                options.append(Option(Content.styled(passed, "bold $text-success"), disabled=True))
            options += [
                Option(violation_prompt(violation), id=f"violation-{index}")
                for index, violation in enumerate(self.violations)
            ]
            mark, style = LEFT_OUT_MARK
            options += [
                Option(Content.assemble((mark, f"bold {style}"), item.message), disabled=True)
                for item in left_out
            ]
        self.set_options(options)

    def violation_for(self, option: Option) -> Violation | None:
        if option.id is None or not option.id.startswith("violation-"):
            return None
        return self.violations[int(option.id.removeprefix("violation-"))]
