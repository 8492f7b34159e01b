"""The words of LinkedIn's profile page and "Save to PDF" file, in English, German and French.

Headings say which section a line belongs to; noise is the page's own furniture (buttons,
counts, tabs, "see more"), which is never a fact about the person. Everything is matched on
:func:`key`, so case, curly quotes and a trailing arrow or colon do not matter.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Part(StrEnum):
    """A profile section warmnote reads; every other section is skipped."""

    ABOUT = "about"
    ACTIVITY = "activity"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    TOP_SKILLS = "top_skills"
    SKIPPED = "skipped"


_KEY_STRIP = re.compile(r"[\s:→›>]+$")


def key(line: str) -> str:
    """A line as headings and noise are matched: case-folded, straight quotes, no end arrow."""
    return _KEY_STRIP.sub("", line.replace("’", "'").casefold()).strip()


def _keys(words: str) -> frozenset[str]:
    """The keys of ``words``: one per line or between ``|``."""
    return frozenset(key(word) for word in re.split(r"[|\n]", words) if word.strip())


HEADINGS: dict[str, Part] = {
    **dict.fromkeys(_keys("About | Info | Infos | Summary | Zusammenfassung | Résumé"), Part.ABOUT),
    **dict.fromkeys(_keys("Activity | Aktivitäten | Activité"), Part.ACTIVITY),
    **dict.fromkeys(_keys("Experience | Berufserfahrung | Expérience"), Part.EXPERIENCE),
    **dict.fromkeys(_keys("Education | Ausbildung | Formation"), Part.EDUCATION),
    **dict.fromkeys(_keys("Skills | Kenntnisse | Compétences"), Part.SKILLS),
    **dict.fromkeys(
        _keys("Top skills | Top-Kenntnisse | Principales compétences"), Part.TOP_SKILLS
    ),
    **dict.fromkeys(
        _keys(
            """
            Featured | Licenses & certifications | Certifications | Volunteering | Causes
            Volunteer experience | Projects | Publications | Patents | Courses | Honors & awards
            Honors-Awards | Test scores | Languages | Organizations | Recommendations
            Interests | Services | Contact | Analytics | Resources | Highlights
            Im Fokus | Bescheinigungen und Zertifikate | Lizenzen und Zertifikate | Ehrenamt
            Ehrenamtliche Tätigkeiten | Projekte | Veröffentlichungen | Patente | Kurse
            Auszeichnungen | Sprachen | Organisationen | Empfehlungen | Interessen
            Kontaktdaten | Kontakt | Dienstleistungen | Ressourcen
            Sélection | Licences et certifications | Bénévolat | Projets | Brevets | Cours
            Distinctions et prix | Langues | Organisations | Recommandations
            Centres d'intérêt | Coordonnées
            """
        ),
        Part.SKIPPED,
    ),
}
"""Section headings of the page text and of the PDF (English, German, French), by the part
they start."""

END_OF_PROFILE = _keys(
    """
    People also viewed | People you may know | More profiles for you | You might like
    Explore Premium profiles | Who your viewers also viewed | Others named
    Das könnte Sie auch interessieren | Weitere Profile für Sie
    Personen, die Sie kennen könnten | Autres profils consultés | Plus de profils pour vous
    Vous connaissez peut-être
    """
)
"""The side panel: nothing after it is about the person."""
FOOTER = _keys("Accessibility | Barrierefreiheit | Accessibilité")
"""The footer's second link: its first, "About", would otherwise open an About section."""

NAVIGATION = _keys(
    """
    Skip to main content | Zum Hauptinhalt springen | Aller au contenu principal | Home
    Startseite | Accueil | My Network | Mein Netzwerk | Réseau | Jobs | Emplois | Messaging
    Nachrichten | Messagerie | Notifications | Mitteilungen | Me | Ich | Vous | For Business
    Für Unternehmen | Pour les entreprises | Learning | Search | Suche | Recherche
    Background image | Hintergrundbild | Image d'arrière-plan
    """
)
"""The bar above the profile, met before the name."""

NOISE = _keys(
    """
    Message | More | Follow | Following | Connect | Pending | Contact info | Show all
    Show more | Show less | See more | …see more | ...see more | See less | …more | Like
    Comment | Repost | Send | Share | Save | Visit my website | Open to
    Add profile section | Enhance profile | Verified | Premium | Top Voice | Edited
    No alternative text description for this image | Activate to view larger image, | Posts
    Comments | Videos | Images | Articles | Newsletters | Documents | Events | Reactions
    Open to work | He/Him | She/Her | They/Them | (He/Him) | (She/Her) | (They/Them)
    Nachricht | Mehr | Folgen | Sie folgen | Vernetzen | Ausstehend | Kontaktinfo
    Alle anzeigen | Mehr anzeigen | …mehr anzeigen | Weniger anzeigen | Gefällt mir
    Kommentieren | Reposten | Senden | Teilen | Beiträge | Kommentare | Bilder | Artikel
    Verifiziert | Bearbeitet | Er/Ihm | Sie/Ihr | Plus | Suivre | Abonné | Se connecter
    En attente | Afficher tout | Afficher plus | Voir plus | …voir plus | Voir moins
    J'aime | Commenter | Republier | Envoyer | Partager | Commentaires | Vidéos | Articles
    Vérifié | Modifié | Il/Lui | Elle/Elle
    """
)
"""Lines that are only page furniture, in every language."""

NOISE_PATTERNS = re.compile(
    "|".join(
        (
            r"^[·•]?\s*(1st|2nd|3rd\+?|1\.|2\.|3\.\+?|1er|2e|3e( et \+)?)$",  # degree
            r"^(1st|2nd|3rd) degree connection$|^kontakt \d\. grades$",
            r"^relation de \d(er|e) niveau$",
            r"^[\d.,\s  ]+\+?\s*(connections|followers|kontakte|follower|relations|abonnés)$",
            r"^(?!(?:19|20)\d{2}$)[\d.,\s  ]+$",  # reaction counts, not years
            r"\blogo$|^(image|bild) (of|von)\b|notifications? total$|^[·•]$",
            r"^\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago$",
            r"^vor \d+ \w+$|^il y a \d+ \w+$",
            r"^(visible to anyone|für alle sichtbar|visible par tous)\b",
            r"^(like|celebrate|love|insightful|support|funny|curious)+$",
            r"^try premium\b|^premium \w+ testen|^essayez premium\b",
            r"^[\d.,\s  ]+\s*(comments?|reposts?|kommentare?|commentaires?|republications?)$",
            r"^show all\b|^alle\b.*\banzeigen$|^afficher (tout|tous|toutes|les)\b",
            r"mutual connections?$|gemeinsame kontakte$|relations? en commun$",
            r"^(talks about|spricht über|parle de)\b",
            r"^(endorsed by|bestätigt von|recommandé par)\b",
            r"^\d+\+? (endorsements?|bestätigungen|recommandations?)$",
            r"^(passed linkedin skill assessment|linkedin-kenntnistest bestanden)",
            r"^\d+ (experiences?|erfahrungen|expériences?)\b",
            r"^page \d+ (of|sur) \d+$|^seite \d+ von \d+$",
            r"^(linkedin corporation|© \d{4})",
        )
    )
)
"""Counts, degrees, endorsements and page numbers, matched on :func:`key`."""

SEE_MORE_TAIL = re.compile(
    r"\s*(…|\.\.\.)\s*(see more|more|mehr anzeigen|mehr|voir plus|plus)\s*$", re.IGNORECASE
)
"""The "…see more" LinkedIn puts after cut-off text, often on the text's own line."""

CONTACT_INFO_TAIL = re.compile(r"\s*[·•]?\s*(contact info|kontaktinfo|coordonnées)\s*$", re.I)
"""Beside the location in the top card, sometimes copied on the same line."""

PRESENT = re.compile(r"\b(present|today|now|heute|aujourd['’]hui)\b", re.IGNORECASE)
"""The end of a date range for a role someone still holds."""

YEAR = r"(?:19|20)\d{2}"
DATE_RANGE = re.compile(
    rf"{YEAR}.*?(\s[-–—]\s?|[-–—]|\sto\s|\sbis\s|\sà\s).*?({YEAR}|present|today|heute|aujourd['’]hui)"
    rf"|^\(?{YEAR}\)?$|\({YEAR}\)",
    re.IGNORECASE,
)
"""The dates of a role or a degree: "Jan 2022 - Present", "2015 – 2016", "(2016)"."""

_EMPLOYMENT = (
    r"(full|part)[- ]time|self-employed|freelance|contract|internship|vollzeit|teilzeit|"
    r"selbstständig|praktikum|temps (plein|partiel)|indépendant|stage|cdi|cdd"
)
DURATION = re.compile(
    rf"^({_EMPLOYMENT})?\s*[·•]?\s*"
    r"(\d+\s*(yrs?|years?|mos?|months?|j|jahre?|mon|monate?|ans?|mois)\.?(\s+|$))+$",
    re.IGNORECASE,
)
"""A company's total time, above the roles held there ("Full-time · 5 yrs 2 mos")."""
EMPLOYMENT_TYPE = re.compile(rf"^({_EMPLOYMENT})$", re.IGNORECASE)
"""A role's employment type on a line of its own, under its title."""

POST_TIME = re.compile(
    r"^\d+\s?(yrs?|mos?|min|[smhdw]|std|tg|wo|mon|j|sem|mois|ans?)\.?\s*[•·]",
    re.IGNORECASE,
)
"""The age of a post in the activity feed ("3d •", "1 Wo. •", "2 sem. •")."""

POST_TIME_TAIL = re.compile(r"[•·]\s*\d+\s?[^\W\d_]+\.?\s*$")
"""A post's age at the end of its author line ("Priya Raman posted this • 3d")."""
OTHERS_POST = re.compile(
    r"\b(reposted|commented on|liked|celebrates|supports|hat .* repostet|hat .* kommentiert|"
    r"gefällt das|a republié|a commenté|aime (ça|cela))\b",
    re.IGNORECASE,
)
"""A feed item that is not the person's own post: their own words are what a note may cite."""

EDUCATION_EXTRA = re.compile(
    r"^(activities and societies|grade|aktivitäten und verbände|note|activités et associations)"
    r"\s*:",
    re.IGNORECASE,
)
"""Lines under a degree that are neither school nor degree."""

ROLE_AT = re.compile(r"\s(?:at|@|bei|chez)\s+([^|·•,]+)", re.IGNORECASE)
"""The company in a headline such as "Staff Engineer at Corvid Systems | Kafka"."""
