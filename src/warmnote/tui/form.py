"""The Compose form as plain data: which field edits which part of a Context, and back again.

Kept free of widgets so the mapping (and its error messages) can be tested and reused by the
screens, the autosave and the history "reopen" action alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from warmnote.context import DEFAULT_LIMIT, FREE_ACCOUNT_LIMIT, Context, Familiarity
from warmnote.tabular import set_path, split_posts

FieldKind = Literal["line", "long", "list", "posts", "choice"]

FormValues = dict[str, str]
"""Widget id -> the text (or Select value) it holds; what the autosave stores."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    """Widget id on the Compose screen."""
    path: str
    """Dotted Context path the field edits, as packs and pydantic name it."""
    label: str
    kind: FieldKind = "line"
    placeholder: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[FieldSpec, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "You (remembered)",
        (
            FieldSpec("sender-name", "sender.name", "Your name"),
            FieldSpec("sender-headline", "sender.headline", "Your role", placeholder="optional"),
            FieldSpec("sender-company", "sender.company", "Your company", placeholder="optional"),
        ),
    ),
    Section(
        "Them",
        (
            FieldSpec("recipient-name", "recipient.name", "Name"),
            FieldSpec("recipient-headline", "recipient.headline", "Headline"),
            FieldSpec("recipient-company", "recipient.company", "Company"),
            FieldSpec("recipient-location", "recipient.location", "Location"),
            FieldSpec(
                "recipient-about",
                "recipient.about",
                "About",
                "long",
                "paste their About text",
            ),
            FieldSpec(
                "recipient-posts",
                "recipient.recent_posts",
                "Posts",
                "posts",
                "paste posts; a blank line between posts",
            ),
            FieldSpec("recipient-skills", "recipient.skills", "Skills", "list", "comma-separated"),
            FieldSpec(
                "recipient-schools", "recipient.schools", "Schools", "list", "comma-separated"
            ),
        ),
    ),
    Section(
        "How you know each other",
        (
            FieldSpec("familiarity", "relationship.familiarity", "Familiarity", "choice"),
            FieldSpec(
                "how-we-met",
                "relationship.how_we_met",
                "How you met",
                placeholder="e.g. talked after her talk on search ranking",
            ),
            FieldSpec("where", "relationship.where", "Where", placeholder="event or place"),
            FieldSpec("when", "relationship.when", "When", placeholder="e.g. last week"),
            FieldSpec(
                "mutual",
                "relationship.mutual_connections",
                "Mutual contacts",
                "list",
                "comma-separated names",
            ),
            FieldSpec(
                "interests",
                "relationship.shared_interests",
                "Shared interests",
                "list",
                "comma-separated",
            ),
        ),
    ),
    Section(
        "Why and how",
        (
            FieldSpec(
                "reason", "reason", "Reason", "long", "why you want to connect, in your words"
            ),
            FieldSpec("scenario", "scenario", "Scenario", "choice"),
            FieldSpec("limit", "max_chars", "Limit", "choice"),
        ),
    ),
)

FIELDS: tuple[FieldSpec, ...] = tuple(spec for section in SECTIONS for spec in section.fields)
BY_PATH: dict[str, FieldSpec] = {spec.path: spec for spec in FIELDS}
BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in FIELDS}
SENDER_KEYS = ("sender-name", "sender-headline", "sender-company")

ALWAYS_REQUIRED = frozenset({"sender.name", "recipient.name", "relationship.familiarity"})

FAMILIARITY_LABELS: dict[Familiarity, str] = {
    Familiarity.STRANGER: "Stranger (never met)",
    Familiarity.MET_ONCE: "Met once",
    Familiarity.ACQUAINTANCE: "Acquaintance",
    Familiarity.COLLEAGUE: "Current colleague",
    Familiarity.FORMER_COLLEAGUE: "Former colleague",
    Familiarity.CLASSMATE: "Classmate",
    Familiarity.FRIEND: "Friend",
}
LIMIT_LABELS: dict[int, str] = {
    DEFAULT_LIMIT: f"{DEFAULT_LIMIT} (paid account)",
    FREE_ACCOUNT_LIMIT: f"{FREE_ACCOUNT_LIMIT} (free account)",
}


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _get(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def form_data(values: Mapping[str, str], extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The nested dict Context validates; empty optional fields are left out, not ``""``.

    ``extra`` carries Context fields the form does not show (such as ``id``) so a reopened
    history entry keeps them.
    """
    data: dict[str, Any] = {"sender": {}, "recipient": {}, "relationship": {}}
    for key, value in (extra or {}).items():
        data[key] = value
    for spec in FIELDS:
        raw = values.get(spec.key, "")
        if spec.kind == "list":
            set_path(data, spec.path, split_list(raw))
        elif spec.kind == "posts":
            set_path(data, spec.path, split_posts(raw))
        elif spec.path == "max_chars":
            set_path(data, spec.path, int(raw) if raw.strip().isdigit() else DEFAULT_LIMIT)
        elif raw.strip() or spec.path in ALWAYS_REQUIRED or spec.path in ("scenario", "reason"):
            set_path(data, spec.path, raw)
    return data


def field_text(spec: FieldSpec, value: Any) -> str:
    """What the form's field shows for a context's value: lists by commas, posts by blank lines."""
    if spec.kind == "list":
        return ", ".join(value or [])
    if spec.kind == "posts":
        return "\n\n".join(value or [])
    return "" if value is None else str(value)


def context_values(context: Context) -> tuple[FormValues, dict[str, Any]]:
    """Form values for a context, plus the fields the form does not show."""
    dumped = context.model_dump(mode="json")
    values: FormValues = {}
    for spec in FIELDS:
        values[spec.key] = field_text(spec, _get(dumped, spec.path))
    extra = {"id": context.id} if context.id else {}
    return values, extra


def _loc_path(loc: Iterable[int | str]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            break
        parts.append(part)
    return ".".join(parts)


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type")
    if kind == "missing" or (
        kind == "string_too_short" and error.get("ctx", {}).get("min_length") == 1
    ):
        return "required"
    if kind == "enum":
        return "choose one of the options"
    return str(error.get("msg", "invalid"))


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Widget id -> message for each invalid field; errors with no field go under ``""``."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        spec = BY_PATH.get(_loc_path(error["loc"]))
        errors.setdefault(spec.key if spec else "", _message(error))
    return errors


def build_context(
    values: Mapping[str, str],
    extra: Mapping[str, Any] | None = None,
) -> tuple[Context | None, dict[str, str]]:
    """A validated Context, or None and the inline errors keyed by widget id."""
    try:
        return Context.model_validate(form_data(values, extra)), {}
    except ValidationError as exc:
        return None, field_errors(exc)


def required_keys(pack_requires: Iterable[str]) -> set[str]:
    """Widget ids to mark as required for a pack (plus what every note needs)."""
    paths = set(ALWAYS_REQUIRED) | set(pack_requires)
    return {BY_PATH[path].key for path in paths if path in BY_PATH}


def missing_in_form(values: Mapping[str, str], requires: Iterable[str]) -> list[str]:
    """Required paths whose field is empty, judged on the raw form (it may not validate yet)."""
    return [
        path
        for path in requires
        if path in BY_PATH and not values.get(BY_PATH[path].key, "").strip()
    ]


def missing_errors(pack_name: str, missing: Iterable[str]) -> dict[str, str]:
    """Inline errors for fields a pack requires but the context leaves empty."""
    errors: dict[str, str] = {}
    for path in missing:
        spec = BY_PATH.get(path)
        message = f"the {pack_name} scenario needs this"
        errors.setdefault(spec.key if spec else "", message if spec else f"{message}: {path}")
    return errors


def has_work(values: Mapping[str, str]) -> bool:
    """Whether the form holds anything typed beyond the remembered sender and the choices."""
    return any(
        values.get(spec.key, "").strip()
        for spec in FIELDS
        if spec.kind != "choice" and spec.key not in SENDER_KEYS
    )
