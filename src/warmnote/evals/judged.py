"""A corpus of drafts labelled by a person, and how well the guardrails agree with it.

The guardrails exist so that a note they pass can be sent. Two figures say how close they come:
**pass precision**, the share of passing notes a careful sender would send unedited, and **pass
recall**, the share of such notes that pass. Counting which failures still pass shows which
rule to write next. The corpus is a ``warmnote check --jsonl`` batch whose lines carry a
``label`` (``evals/judged/README.md`` is the labelling guide), so ``check`` prints the same
figures for any labelled batch.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.files import read_text_bounded, validation_message
from warmnote.guardrails import Guardrails, Verdict

_JSON_ERROR_RE = re.compile(r"(?P<message>.*) at line \d+ column (?P<column>\d+)\Z", re.S)
JUDGED_CORPUS = "drafts.jsonl"
"""The bundled corpus in evals/judged/, which ``warmnote eval`` reports the rules against."""
MAX_CORPUS_BYTES = 32 << 20
"""As much as ``check --jsonl`` reads: a labelled corpus is a batch."""

Label = Literal["send", "edit", "reject"]
"""send: a careful sender sends it unedited; edit: only after a small edit; reject: not at all."""

FailureClass = Literal[
    "invented_contact",
    "invented_intermediary",
    "invented_fact",
    "role_swap",
    "third_person",
    "title_first_name",
    "wrong_name",
    "intention_as_done",
    "injection",
    "spliced_field",
    "garbled",
    "bare_reason",
    "grammar",
    "capital_after_comma",
    "awkward",
    "boilerplate",
    "vague",
    "hard_sell",
    "too_long",
    "placeholder_or_link",
    "sign_off",
    "other",
]
"""What is wrong with an edit or reject note; defined with examples in evals/judged/README.md."""
FAILURE_CLASSES: tuple[str, ...] = get_args(FailureClass)


class JudgedNote(BaseModel):
    """One labelled draft: a ``check --jsonl`` line with the person's judgement added."""

    model_config = ConfigDict(extra="forbid")

    id: StrictStr | StrictInt | None = None
    text: str
    context: Context | None = None
    label: Label
    failure: Literal[FailureClass, ""] = Field(default="", validate_default=True)
    """Empty exactly when the label is send."""
    why: str = ""
    """One line: what a reader would stumble on (or why the note is fine)."""

    @field_validator("failure")
    @classmethod
    def _failure_matches_label(cls, failure: str, info: ValidationInfo) -> str:
        label = info.data.get("label")
        if label == "send" and failure:
            raise PydanticCustomError("failure_class", "must be empty for a note labelled send")
        if label in ("edit", "reject") and not failure:
            raise PydanticCustomError(
                "failure_class", f"a note labelled {label} needs a failure class"
            )
        return failure


@dataclass(frozen=True)
class ClassPasses:
    """How the guardrails treat the edit and reject notes of one failure class."""

    failure: str
    notes: int
    reject_passed: int
    """Reject notes of this class that the rules pass: the worst kind of false pass."""
    edit_passed: int


@dataclass(frozen=True)
class RuleRejections:
    """How often one rule rejects labelled notes, and how often a note labelled send: the rule's
    precision as a signal that a note should not be sent."""

    rule: str
    rejected: int
    send_rejected: int

    @property
    def precision(self) -> float:
        return (self.rejected - self.send_rejected) / self.rejected


@dataclass(frozen=True)
class JudgedFigures:
    notes: int
    passed: int
    """Notes that pass the rules."""
    send: int
    """Notes labelled send."""
    send_passed: int
    """Notes labelled send that pass: true passes."""
    by_class: tuple[ClassPasses, ...]
    """Every failure class that labels a note, most false passes first."""
    by_rule: tuple[RuleRejections, ...] = ()
    """Every rule that rejects a note, most rejections first."""

    @property
    def pass_precision(self) -> float | None:
        """Of the notes that pass, the share labelled send (None when none passes)."""
        return self.send_passed / self.passed if self.passed else None

    @property
    def pass_recall(self) -> float | None:
        """Of the notes labelled send, the share that pass (None when none is labelled send)."""
        return self.send_passed / self.send if self.send else None

    def summary_line(self) -> str:
        """The one-line summary ``check --jsonl`` prints after the verdicts of a labelled batch."""
        false = [
            f"{row.failure} {row.reject_passed + row.edit_passed}"
            for row in self.by_class
            if row.reject_passed + row.edit_passed
        ]
        wrong = [
            f"{row.rule} {row.send_rejected} of {row.rejected}"
            for row in self.by_rule
            if row.send_rejected
        ]
        return (
            f"judged {self.notes} notes: pass precision {_percent(self.pass_precision)} "
            f"({self.send_passed} of {self.passed} passing are send), pass recall "
            f"{_percent(self.pass_recall)} ({self.send_passed} of {self.send} send pass); "
            f"false passes: {', '.join(false) or 'none'}; "
            f"send notes rejected: {', '.join(wrong) or 'none'}"
        )

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape: ``check --jsonl --json`` prints it as ``{"summary": ...}``."""
        return {
            "notes": self.notes,
            "passed": self.passed,
            "send": self.send,
            "send_passed": self.send_passed,
            "pass_precision": self.pass_precision,
            "pass_recall": self.pass_recall,
            "false_passes": {
                row.failure: {
                    "notes": row.notes,
                    "reject_passed": row.reject_passed,
                    "edit_passed": row.edit_passed,
                }
                for row in self.by_class
            },
            "rejections": {
                row.rule: {"rejected": row.rejected, "send_rejected": row.send_rejected}
                for row in self.by_rule
            },
        }


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.1%}"


def tally(judged: Iterable[tuple[JudgedNote, Collection[str]]]) -> JudgedFigures:
    """The figures of labelled notes, each with the rules that reject it (none: it passes)."""
    notes = passed = send = send_passed = 0
    rows: dict[str, list[int]] = {}  # failure -> [notes, reject passed, edit passed]
    rejections: dict[str, list[int]] = {}  # rule -> [rejected, send rejected]
    for note, rules in judged:
        note_passed = not rules
        notes += 1
        passed += note_passed
        for rule in set(rules):
            counts = rejections.setdefault(rule, [0, 0])
            counts[0] += 1
            counts[1] += note.label == "send"
        if note.label == "send":
            send += 1
            send_passed += note_passed
            continue
        row = rows.setdefault(note.failure, [0, 0, 0])
        row[0] += 1
        row[1 if note.label == "reject" else 2] += note_passed
    by_class = sorted(
        (ClassPasses(failure, *counts) for failure, counts in rows.items()),
        key=lambda row: (-(row.reject_passed + row.edit_passed), -row.reject_passed, row.failure),
    )
    by_rule = sorted(
        (RuleRejections(rule, *counts) for rule, counts in rejections.items()),
        key=lambda row: (-row.rejected, row.rule),
    )
    return JudgedFigures(notes, passed, send, send_passed, tuple(by_class), tuple(by_rule))


def judge_notes(notes: Iterable[JudgedNote], guardrails: Guardrails) -> JudgedFigures:
    """Check every note against its own context and limit, and tally the figures."""
    return tally((note, rejecting(guardrails.check(note.text, note.context))) for note in notes)


def rejecting(verdict: Verdict) -> frozenset[str]:
    """The rules whose errors fail ``verdict``: empty when it passes."""
    return frozenset(violation.rule for violation in verdict.errors)


def judge_corpus(path: Path, guardrails: Guardrails) -> JudgedFigures:
    """The figures of a labelled corpus file under ``guardrails``: what ``warmnote eval`` and
    ``warmnote check --jsonl`` report."""
    return judge_notes(load_corpus(path), guardrails)


def load_corpus(path: Path) -> list[JudgedNote]:
    """Every line of a labelled corpus, strictly; a bad line is one error naming FILE:LINE and
    the field. Blank lines are skipped, as ``check --jsonl`` skips them."""
    text = read_text_bounded(path, limit=MAX_CORPUS_BYTES)
    notes = []
    for number, line in enumerate(text.removesuffix("\n").split("\n"), start=1):
        if not line.strip(" \t\r"):
            continue
        try:
            notes.append(JudgedNote.model_validate_json(line))
        except ValidationError as exc:
            raise line_error(exc, f"{path}:{number}") from None
    if not notes:
        raise InputError("no labelled notes in this file", file=path)
    return notes


def line_error(exc: ValidationError, where: str) -> InputError:
    """One error for a bad line of a corpus or a ``check --jsonl`` batch, naming ``FILE:LINE``
    and the field; JSON syntax errors give the column."""
    error = exc.errors()[0]
    if error["type"] == "json_invalid":
        detail = str((error.get("ctx") or {}).get("error", error["msg"]))
        found = _JSON_ERROR_RE.match(detail)
        message = f" at column {found['column']}: {found['message']}" if found else f": {detail}"
        if "hex escape" in detail:  # "\\ud800": half of a UTF-16 pair, or a broken escape
            message += " (a \\uXXXX escape must be a whole character, not a lone surrogate)"
        return InputError(f"invalid JSON{message}", file=where)
    if error["type"] == "model_type" and not error["loc"]:
        return InputError("expected a JSON object", file=where)
    if error["loc"][:1] == ("id",):
        return InputError("must be a string or a whole number", file=where, field="id")
    field, message = validation_message(exc)
    return InputError(message, file=where, field=field)
