"""Field accuracy of the profile reader against hand-written expectations (tests, benchmark).

A field is right when it equals the expected value with whitespace runs made one space: line
breaks inside copied text are layout, not content. Lists must match item for item, in order;
an absent field must be expected as ``null`` or ``[]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from warmnote.profiles.parse import Profile

FIELDS = (
    "name",
    "headline",
    "company",
    "role",
    "location",
    "about",
    "recent_posts",
    "skills",
    "schools",
)
_SPACE = re.compile(r"\s+")


def _normal(value: Any) -> Any:
    if isinstance(value, str):
        return _SPACE.sub(" ", value).strip() or None
    if isinstance(value, list | tuple):
        return [_normal(item) for item in value]
    return value


def field_hits(profile: Profile, expected: Mapping[str, Any]) -> dict[str, bool]:
    """Field name -> whether the profile holds the expected value."""
    return {name: _normal(getattr(profile, name)) == _normal(expected.get(name)) for name in FIELDS}
