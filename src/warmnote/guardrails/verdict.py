"""The outcome of checking a note: violations with spans, and whether the note passes."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Violation(BaseModel):
    """One broken rule. ``start``/``end`` are character offsets into the checked text."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int


class Verdict(BaseModel):
    passed: bool
    length: int
    limit: int
    violations: list[Violation]

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity is Severity.ERROR]
