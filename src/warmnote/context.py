"""The relationship context a note is written from."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from warmnote.files import load_model
from warmnote.names import (
    called_by,
    given_named,
    greeting_name,
    nicknames,
    preferred_name,
    titled_greeting,
)
from warmnote.text import fold_key

DEFAULT_LIMIT = 300
FREE_ACCOUNT_LIMIT = 200
MIN_LIMIT = 20
MAX_LIMIT = 2000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _composed(cls, value: object) -> object:
        """Text in one form (NFC): a name pasted with its accents as separate marks ("Nguyễn"
        from a Mac) is then the name the lists of names know, and is greeted as typed."""
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, list):
            return [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value]
        return value


class Familiarity(StrEnum):
    STRANGER = "stranger"
    MET_ONCE = "met_once"
    ACQUAINTANCE = "acquaintance"
    COLLEAGUE = "colleague"
    FORMER_COLLEAGUE = "former_colleague"
    CLASSMATE = "classmate"
    FRIEND = "friend"


class Sender(Strict):
    name: str = Field(min_length=1)
    headline: str | None = None
    company: str | None = None


class Recipient(Strict):
    name: str = Field(min_length=1)
    headline: str | None = None
    company: str | None = None
    location: str | None = None
    about: str | None = None
    recent_posts: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    schools: list[str] = Field(default_factory=list)

    @property
    def first_name(self) -> str:
        """The given name to greet with: titles and degrees are not part of it (the whole name
        where the given name is only an initial)."""
        return greeting_name(self.name, self.location)


class Relationship(Strict):
    familiarity: Familiarity
    how_we_met: str | None = None
    where: str | None = None
    when: str | None = None
    mutual_connections: list[str] = Field(default_factory=list)
    shared_interests: list[str] = Field(default_factory=list)

    @property
    def has_met(self) -> bool:
        """Whether the context supports a claim of prior contact."""
        return self.familiarity != Familiarity.STRANGER or bool(self.how_we_met or self.where)


def _goes_by(name: str, nickname: str, given: str) -> bool:
    """A nickname in quotes ('Jesús "Chuy"'), or in brackets where it shares three letters in a
    row with the given name ("Rumbidzai (Rumbi)", "Liwayway [Waying]"): not "(Müller)", "(Retired)"
    or "[Remote]"."""
    if re.search(rf"[\"“'‘«]{re.escape(nickname)}[\"”'’»]", name):
        return True
    short, full = fold_key(nickname), fold_key(given)
    return any(short[i : i + 3] in full for i in range(len(short) - 2))


class Context(Strict):
    id: str | None = None
    scenario: str = Field(min_length=1)
    sender: Sender
    recipient: Recipient
    relationship: Relationship
    reason: str = ""
    max_chars: int = Field(default=DEFAULT_LIMIT, ge=MIN_LIMIT, le=MAX_LIMIT)

    @property
    def greeting(self) -> str:
        """The name "Hi …," says: the one the reason says they go by ("call her Trang"); a name
        the recipient goes by where the name gives one ("Rumbi" of Rumbidzai “Rumbi” Nyathi-Mpofu)
        to a friend, or to anyone but a stranger whom the reason calls by it; else the first
        name."""
        if (preferred := preferred_name(self.reason, self.recipient.name)) is not None:
            return preferred
        # "Boglárka is the given name": the reason says which part it is
        given = given_named(self.reason, self.recipient.name) or self.recipient.first_name
        if (titled := titled_greeting(self.reason, self.recipient.name, given)) is not None:
            return titled  # "use Prof., not her first name": "Prof. Ìbídàpọ̀"
        familiarity = self.relationship.familiarity
        elsewhere = {fold_key(w) for n in (*self.places(), *self.others()) for w in n.split()}
        for nickname in nicknames(self.recipient.name):
            if fold_key(nickname) in elsewhere or not _goes_by(
                self.recipient.name, nickname, given
            ):
                continue  # "(Retired)", or the name of a mutual connection too ("Sunny Kapoor")
            # the reason calls them so ("Naona & I…"), which a stranger's never may
            if familiarity is Familiarity.FRIEND or (
                familiarity is not Familiarity.STRANGER and called_by(self.reason, nickname)
            ):
                return nickname
        return given

    def others(self) -> list[str]:
        """The people the context names besides the recipient: the mutual connections and the
        sender ("Dawit says Selam is the person": Dawit is not the reader)."""
        return [*self.relationship.mutual_connections, self.sender.name]

    def places(self) -> list[str]:
        """The companies, schools and places the context names: never the reader."""
        r, rel = self.recipient, self.relationship
        names = [self.sender.company, r.company, r.location, rel.where, *r.schools]
        return [n for n in names if n]

    def facts(self) -> list[str]:
        """Every specific fact the context gives, for grounding and personalisation checks."""
        r, rel = self.recipient, self.relationship
        items: list[str | None] = [
            r.headline,
            r.company,
            r.location,
            r.about,
            *r.recent_posts,
            *r.skills,
            *r.schools,
            rel.how_we_met,
            rel.where,
            rel.when,
            *rel.mutual_connections,
            *rel.shared_interests,
            self.reason,
        ]
        return [item for item in items if item]


def load_context(path: Path) -> Context:
    return load_model(Context, path)
