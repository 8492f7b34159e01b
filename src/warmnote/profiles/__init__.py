"""A recipient from their LinkedIn profile: copied page text or a "Save to PDF" file.

``read_profile`` reads either (bounded, like every user file); ``recipient`` turns what was
found into the context's recipient; ``merge_recipient`` puts it into an existing context.
"""

from __future__ import annotations

from pathlib import Path

from warmnote.context import Context, Recipient
from warmnote.files import decode_text, read_bytes_bounded
from warmnote.profiles.parse import Profile, parse_pdf_columns, parse_profile
from warmnote.text import fold_key

__all__ = ["Profile", "merge_recipient", "parse_profile", "read_profile", "recipient"]

MAX_PROFILE_BYTES = 4 << 20
"""4 MiB: a profile PDF is about 100 KB and copied page text less; anything larger is not one."""
PDF_MAGIC = b"%PDF-"


def read_profile(source: Path | str) -> Profile:
    """The profile in a file (PDF or copied text, told apart by content) or ``-`` (stdin)."""
    raw = read_bytes_bounded(source, limit=MAX_PROFILE_BYTES)
    label = "<stdin>" if str(source) == "-" else source
    if raw.lstrip()[:5] == PDF_MAGIC:
        from warmnote.profiles.pdf import pdf_columns

        sidebar, main = pdf_columns(raw, source=label)
        return parse_pdf_columns(sidebar, main, source=label)
    return parse_profile(decode_text(raw, file=label), source=label)


def recipient(profile: Profile) -> Recipient:
    """The context's recipient: every field the profile gave, nothing invented."""
    return Recipient(
        name=profile.name,
        headline=profile.headline,
        company=profile.company,
        location=profile.location,
        about=profile.about,
        recent_posts=list(profile.recent_posts),
        skills=list(profile.skills),
        schools=list(profile.schools),
    )


def merge_recipient(context: Context, profile: Profile) -> Context:
    """``context`` with the profile's person as recipient.

    The same person (same name, ignoring case and accents) keeps the fields the profile does
    not show; a different person replaces the recipient whole, so no recipient field of the
    old one stays behind. The rest of the context (relationship, reason) is left as it was.
    """
    found = recipient(profile)
    if fold_key(context.recipient.name) != fold_key(found.name):
        return context.model_copy(update={"recipient": found})
    fields = found.model_dump(exclude_defaults=True)
    merged = context.recipient.model_copy(update=fields)
    return context.model_copy(update={"recipient": Recipient.model_validate(merged.model_dump())})
