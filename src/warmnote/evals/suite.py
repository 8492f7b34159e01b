"""Eval suites: a TOML file of cases, each naming a context in a JSONL file, plus expectations.

Users copy and edit suites, so every mistake is reported as one line naming the file, the case
(index and id) or JSONL line, and the field.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.files import (
    decode_text,
    expand_user,
    parse_data,
    parse_json,
    read_bytes_bounded,
    validate,
)

SUITE_SUFFIXES = (".toml", ".json")

Phrase = Annotated[str, Field(min_length=1)]


class Expectations(BaseModel):
    """What a note must use and must never say, beyond the guardrails."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    must_mention: list[Phrase] = Field(default_factory=list)
    must_not_contain: list[Phrase] = Field(default_factory=list)


class CaseSpec(Expectations):
    id: Phrase


class SuiteSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = None
    description: str = ""
    contexts: Phrase
    defaults: Expectations = Field(default_factory=Expectations)
    # Validated one by one (see _case_specs) so an error can name the case's index and id.
    cases: list[Any] | None = None


@dataclass(frozen=True)
class Case:
    id: str
    context: Context
    must_mention: tuple[str, ...]
    must_not_contain: tuple[str, ...]


@dataclass(frozen=True)
class Suite:
    name: str
    description: str
    path: Path
    contexts_path: Path
    sha256: str
    """Hash of the suite file and its contexts file: resuming checks the suite did not change."""
    cases: tuple[Case, ...]


def resolve_suite_path(name: str | Path) -> Path:
    """A suite file path, or the name of a bundled suite (``default``) when no such file exists."""
    path = expand_user(Path(name), field="SUITE")
    if path.is_file() or path.parent != Path():
        return path
    bundled = locations.builtin_dir("evals") / (name if path.suffix else f"{name}.toml")
    return bundled if bundled.is_file() else path


def load_suite(path: Path, *, limit_cases: int | None = None) -> Suite:
    if path.suffix.lower() not in SUITE_SUFFIXES:
        raise InputError("a suite is a TOML (.toml) or JSON (.json) file", file=path)
    raw = read_bytes_bounded(path)
    spec = validate(SuiteSpec, parse_data(decode_text(raw, file=path), file=path), file=path)
    contexts_path = path.parent / spec.contexts
    contexts_raw = read_bytes_bounded(contexts_path)
    contexts = parse_contexts(decode_text(contexts_raw, file=contexts_path), contexts_path)
    case_specs = _case_specs(spec, path, contexts)
    if limit_cases is not None:
        case_specs = case_specs[:limit_cases]
    cases = tuple(
        Case(
            id=case.id,
            context=contexts[case.id],
            must_mention=_merged(spec.defaults.must_mention, case.must_mention),
            must_not_contain=_merged(spec.defaults.must_not_contain, case.must_not_contain),
        )
        for case in case_specs
    )
    # Hash the bytes that were parsed: reading the files again could see other ones.
    digest = hashlib.sha256(raw + b"\0" + contexts_raw).hexdigest()
    return Suite(
        name=spec.name or path.stem,
        description=spec.description,
        path=path,
        contexts_path=contexts_path,
        sha256=digest,
        cases=cases,
    )


def _merged(defaults: list[str], own: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*defaults, *own]))


def _case_specs(spec: SuiteSpec, path: Path, contexts: dict[str, Context]) -> list[CaseSpec]:
    if spec.cases is None:
        return [CaseSpec(id=context_id) for context_id in contexts]
    if not spec.cases:
        raise InputError("a suite needs at least one case", file=path, field="cases")
    seen: dict[str, int] = {}
    specs: list[CaseSpec] = []
    for index, raw in enumerate(spec.cases):
        where = f"cases[{index}]"
        if not isinstance(raw, dict):
            raise InputError("must be a table with an id", file=path, field=where)
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and raw_id.strip():
            where += f" ({raw_id.strip()})"
        case = validate(CaseSpec, raw, file=path, prefix=f"{where}: ")
        if case.id in seen:
            raise InputError(
                f"duplicate case id; cases[{seen[case.id]}] has it too",
                file=path,
                field=f"{where}: id",
            )
        if case.id not in contexts:
            raise InputError(
                f"no context with this id in {spec.contexts}", file=path, field=f"{where}: id"
            )
        seen[case.id] = index
        specs.append(case)
    return specs


def parse_contexts(text: str, path: Path) -> dict[str, Context]:
    """Contexts by id from a JSONL file: one JSON object per line, blank lines ignored.

    Lines end at ``\\n`` only, as JSON Lines says: U+2028 or U+0085 inside a string is text.
    """
    contexts: dict[str, Context] = {}
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        data = parse_json(line, file=path, field=where)
        if not isinstance(data, dict):
            raise InputError("must be a JSON object (one context)", file=path, field=where)
        raw_id = data.get("id")
        if isinstance(raw_id, str) and raw_id.strip():
            where += f" ({raw_id.strip()})"
        context = validate(Context, data, file=path, prefix=f"{where}: ")
        if not context.id:
            raise InputError(
                "every context in a suite needs an id", file=path, field=f"{where}: id"
            )
        if context.id in contexts:
            raise InputError(
                f"duplicate id; line {first_line[context.id]} has it too",
                file=path,
                field=f"{where}: id",
            )
        contexts[context.id] = context
        first_line[context.id] = number
    if not contexts:
        raise InputError("no contexts in this file", file=path)
    return contexts
