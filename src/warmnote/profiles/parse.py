"""A LinkedIn profile, copied as page text or saved as PDF, read into the recipient's fields.

Deterministic and model-free: the page's headings split it into sections, its furniture
(buttons, counts, "see more", the activity feed's repeated names) is dropped, and each field is
read from the section that holds it. Every line is defused first (controls, bidi marks and
chat-template tokens), since the text is whatever a stranger wrote on their profile.

A text with no name on top, or without the sections a profile has, is refused with one line:
a wrong context would put false facts into a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from warmnote.errors import InputError
from warmnote.profiles.vocabulary import (
    CONTACT_INFO_TAIL,
    DATE_RANGE,
    DURATION,
    EDUCATION_EXTRA,
    EMPLOYMENT_TYPE,
    END_OF_PROFILE,
    FOOTER,
    HEADINGS,
    NAVIGATION,
    NOISE,
    NOISE_PATTERNS,
    OTHERS_POST,
    POST_TIME,
    POST_TIME_TAIL,
    PRESENT,
    ROLE_AT,
    SEE_MORE_TAIL,
    Part,
    key,
)
from warmnote.tokens import defuse

MAX_NAME = 100
MAX_LINE_FIELD = 220
"""LinkedIn's own cap on a headline; names, places, schools and skills are shorter."""
MAX_ABOUT = 2600
MAX_POST = 3000
MAX_POSTS = 5
MAX_SKILLS = 50
MAX_SCHOOLS = 10
MAX_SKILL = 80
"""A "skill" longer than this is a sentence the page put under a skill, not a skill."""
MAX_NAME_WORDS = 7
MAX_TEXT_CHARS = 1 << 20
"""A copied profile page is some 5 to 30 thousand characters; a paste in the app is not
bounded by a file reader, so the parser refuses more itself."""

CORE_PARTS = frozenset(
    {Part.ABOUT, Part.ACTIVITY, Part.EXPERIENCE, Part.EDUCATION, Part.SKILLS, Part.TOP_SKILLS}
)
NOT_A_PROFILE = (
    "does not look like a LinkedIn profile (no About, Experience or Education section); "
    "copy the whole profile page or use its Save to PDF file"
)


class Layout(StrEnum):
    PAGE = "page"
    """Text copied from the profile page in a browser (select all, copy)."""
    PDF = "pdf"
    """The profile's "More → Save to PDF" file, read column by column."""


@dataclass(frozen=True)
class Profile:
    """The recipient's fields found in a profile; ``role`` is the current title in Experience."""

    name: str
    headline: str | None = None
    company: str | None = None
    role: str | None = None
    location: str | None = None
    about: str | None = None
    recent_posts: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()


@dataclass
class _Sections:
    header: list[str] = field(default_factory=list)
    parts: dict[Part, list[str]] = field(default_factory=dict)
    signals: int = 0
    """Top-card furniture seen (contact info, connection counts): evidence of a profile."""


def parse_profile(text: str, *, source: str | Path = "<paste>") -> Profile:
    """The profile in copied page text, or an InputError naming ``source``."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"over {MAX_TEXT_CHARS} characters: not a profile page", file=source)
    sections = _split(_lines(text.splitlines()))
    name, headline, location = _page_header(sections)
    return _profile(sections, Layout.PAGE, name, headline, location, source)


def parse_pdf_columns(
    sidebar: Sequence[str], main: Sequence[str], *, source: str | Path
) -> Profile:
    """The profile in a "Save to PDF" file, given its two columns' lines in reading order.

    The main column starts with the name, then the headline (maybe over several lines) and
    the location; the sidebar holds Contact, Top Skills and Languages.
    """
    side = _split(_lines(sidebar), start=Part.SKIPPED)
    body = _split(_lines(main))
    header = [line for line in body.header if not _is_noise(line)]
    name = header[0] if header else ""
    rest = header[1:]
    location = rest.pop() if len(rest) > 1 else None
    headline = " ".join(rest) or None
    body.parts.setdefault(Part.TOP_SKILLS, side.parts.get(Part.TOP_SKILLS, []))
    body.signals += bool(side.parts)
    return _profile(body, Layout.PDF, name, headline, location, source)


# Lines and sections ----------------------------------------------------------------------


def _lines(raw: Iterable[str]) -> list[str]:
    """Defused, non-empty lines without "…see more" tails; the page's hidden second copy of
    a line (headings and entries are often there twice, maybe with furniture between) is
    dropped."""
    out: list[str] = []
    previous = ""
    for line in raw:
        text = SEE_MORE_TAIL.sub("", defuse(line))
        folded = _same(text)
        if not text or folded == previous:
            continue
        out.append(text)
        if not _is_noise(text):
            previous = folded
    return out


def _same(line: str) -> str:
    """A line as its hidden copy reads: "Jan 2022 to Present" repeats "Jan 2022 - Present"."""
    return key(line).replace(" to ", " - ").replace("–", "-").replace(" - ", "-")


def _split(lines: Sequence[str], *, start: Part | None = None) -> _Sections:
    """Header lines, then each known section's lines; a second About (the footer's link) and
    every unknown section are skipped; the side panel and footer end the profile."""
    sections = _Sections()
    current: list[str] = sections.header if start is None else []
    for index, line in enumerate(lines):
        folded = key(line)
        part = HEADINGS.get(folded)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if folded in END_OF_PROFILE or (part is Part.ABOUT and key(following) in FOOTER):
            break
        if part is None:
            if current is sections.header and _is_signal(line):
                sections.signals += 1
            current.append(line)
            continue
        if part is Part.SKIPPED or part in sections.parts:
            current = []
        else:
            current = sections.parts[part] = []
    return sections


def _is_noise(line: str) -> bool:
    folded = key(line)
    return folded in NOISE or NOISE_PATTERNS.search(folded) is not None


def _is_signal(line: str) -> bool:
    folded = key(line)
    return CONTACT_INFO_TAIL.search(folded) is not None or any(
        word in folded for word in ("connections", "followers", "kontakte", "relations", "abonnés")
    )


def _content(lines: Iterable[str]) -> list[str]:
    return [line for line in lines if not _is_noise(line)]


# The fields ----------------------------------------------------------------------------


def _page_header(sections: _Sections) -> tuple[str, str | None, str | None]:
    """Name, headline and location from the top card of copied page text.

    The name is the first line after the navigation bar; the headline the next one that is
    not furniture; the location sits just before "Contact info" (or is the last line with a
    comma, when that link was not copied).
    """
    lines = sections.header
    start = 0
    while start < len(lines) and (key(lines[start]) in NAVIGATION or _is_noise(lines[start])):
        start += 1
    if start == len(lines):
        return "", None, None
    name, rest = lines[start], lines[start + 1 :]
    location = None
    for index, line in enumerate(rest):
        tail = CONTACT_INFO_TAIL.search(line)
        if tail is None:
            continue
        before = line[: tail.start()].strip(" ·•")
        candidates = _content(rest[:index])
        location = before or (candidates[-1] if len(candidates) > 1 else None)
        break
    facts = [line for line in _content(rest) if line not in (name, location)]
    headline = facts[0] if facts else None
    if location is None:
        location = next((line for line in reversed(facts[1:]) if _looks_like_place(line)), None)
    return name, headline, location


def _looks_like_place(line: str) -> bool:
    words = line.split()
    return len(words) <= 8 and (", " in line or words[-1] in ("Area", "Region", "Région"))


def _looks_like_name(name: str) -> bool:
    return (
        0 < len(name) <= MAX_NAME
        and len(name.split()) <= MAX_NAME_WORDS
        and not any(char.isdigit() or char in "@|:/" for char in name)
        and key(name) not in HEADINGS
    )


def _profile(
    sections: _Sections,
    layout: Layout,
    name: str,
    headline: str | None,
    location: str | None,
    source: str | Path,
) -> Profile:
    found = CORE_PARTS & sections.parts.keys()
    if not found or (len(found) < 2 and not sections.signals):
        raise InputError(NOT_A_PROFILE, file=source)
    if not _looks_like_name(name):
        raise InputError("no name at the top of the profile", file=source)
    parts = sections.parts
    role, company = _current_role(_content(parts.get(Part.EXPERIENCE, [])), layout)
    if company is None and Part.EXPERIENCE not in parts and headline:
        company = _company_in(headline)
    if headline is None and role:
        headline = f"{role} at {company}" if company else role
    return Profile(
        name=name,
        headline=_clip(headline, MAX_LINE_FIELD),
        company=_clip(company, MAX_LINE_FIELD),
        role=_clip(role, MAX_LINE_FIELD),
        location=_clip(location, MAX_LINE_FIELD),
        about=_clip(_joined(_content(parts.get(Part.ABOUT, [])), layout), MAX_ABOUT),
        recent_posts=_posts(parts.get(Part.ACTIVITY, []), name),
        skills=_skills(parts.get(Part.TOP_SKILLS, []), parts.get(Part.SKILLS, [])),
        schools=_schools(_content(parts.get(Part.EDUCATION, []))),
    )


def _joined(lines: Sequence[str], layout: Layout) -> str:
    """Copied text keeps its line breaks; the PDF's are only where a line wrapped."""
    return (" " if layout is Layout.PDF else "\n").join(lines)


def _clip(text: str | None, most: int) -> str | None:
    if not text:
        return None
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0].rstrip()


def _company_in(headline: str) -> str | None:
    found = ROLE_AT.search(headline)
    return found.group(1).strip() if found else None


def _current_role(lines: Sequence[str], layout: Layout) -> tuple[str | None, str | None]:
    """(title, company) of the first role in Experience, if it runs to the present.

    On the page a single role reads title, "Company · Full-time", dates; several roles at one
    company read company, its total time, then each title above its dates. The PDF puts the
    company first in both cases.
    """
    dates = next((i for i, line in enumerate(lines) if DATE_RANGE.search(line)), None)
    if dates is None or not PRESENT.search(lines[dates]):
        return None, None
    above = [
        line
        for line in lines[:dates]
        if not DURATION.match(line) and not EMPLOYMENT_TYPE.match(line)
    ]
    grouped = dates > 1 and DURATION.match(lines[1]) is not None
    if not above:
        return None, None
    if grouped or layout is Layout.PDF:
        return (above[-1] if len(above) > 1 else None), above[0]
    company = above[1].split(" · ")[0].strip() if len(above) > 1 else None
    return above[0], company or None


def _posts(lines: Sequence[str], name: str) -> tuple[str, ...]:
    """The person's own posts in the activity feed, newest first.

    A post is the text after its age ("3d •"); its author's name, repeated above each post,
    starts the next one. Reposts and comments are someone else's words and are left out.
    """
    posts: list[str] = []
    body: list[str] | None = None
    own = True
    for line in lines:
        if line == name or line.startswith(f"{name} "):
            _keep(posts, body if own else None)
            body, own = None, not OTHERS_POST.search(line)
            if POST_TIME_TAIL.search(line):
                body = []
            continue
        if POST_TIME.match(line):
            _keep(posts, body if own else None)
            body = []
            continue
        if body is not None and not _is_noise(line):
            body.append(line)
    _keep(posts, body if own else None)
    return tuple(posts[:MAX_POSTS])


def _keep(posts: list[str], body: list[str] | None) -> None:
    text = _clip("\n".join(body or []), MAX_POST)
    if text and text not in posts:
        posts.append(text)


def _skills(top: Sequence[str], listed: Sequence[str]) -> tuple[str, ...]:
    """Top skills (one line with bullets on the page, a line each in the PDF), then the
    Skills section without the endorsements and roles LinkedIn puts under each skill."""
    found: dict[str, str] = {}
    candidates = [part for line in _content(top) for part in _bullets(line)]
    candidates += [line for line in _content(listed) if not ROLE_AT.search(f" {line}")]
    for skill in candidates:
        if len(skill) <= MAX_SKILL:
            found.setdefault(key(skill), skill)
    return tuple(list(found.values())[:MAX_SKILLS])


def _bullets(line: str) -> list[str]:
    return [part.strip() for part in line.replace(" · ", " • ").split(" • ") if part.strip()]


def _schools(lines: Sequence[str]) -> tuple[str, ...]:
    """The first line of each Education entry; an entry ends with its years."""
    schools: list[str] = []
    entry_start = True
    for line in lines:
        if EDUCATION_EXTRA.match(line):
            continue
        if entry_start and not DATE_RANGE.search(line) and line not in schools:
            schools.append(line)
        entry_start = DATE_RANGE.search(line) is not None
    return tuple(school[:MAX_LINE_FIELD] for school in schools[:MAX_SCHOOLS])
