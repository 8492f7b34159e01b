"""Deterministic guardrails for connection notes: ``Guardrails.load().check(text, context)``."""

from warmnote.guardrails.engine import Guardrails
from warmnote.guardrails.verdict import Severity, Verdict, Violation

__all__ = ["Guardrails", "Severity", "Verdict", "Violation"]
