"""Profiles saved with LinkedIn's "More → Save to PDF", built here with fpdf2 the way LinkedIn lays
them out: a grey left column (Contact, Top Skills, Languages), the name large on the right, then
headline, location, Summary, Experience and Education, long text wrapping and running onto
further pages with a "Page N of M" footer.

Each ``tests/data/profiles/pdf/NAME.layout.json`` describes one file; ``NAME.json`` beside it
is the context expected from it, written by reading the layout, not by running the parser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from warmnote.cli import main
from warmnote.errors import InputError
from warmnote.profiles import read_profile
from warmnote.profiles.accuracy import FIELDS, field_hits

PDF_DIR = Path(__file__).parent / "data" / "profiles" / "pdf"
LAYOUTS = sorted(PDF_DIR.glob("*.layout.json"))
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
"""DejaVu covers Latin, Greek and Cyrillic; no font on this machine has CJK glyphs."""

PAGE_WIDTH, SIDEBAR_WIDTH, MAIN_X = 612.0, 200.0, 226.0
GREY, DARK, MUTED = (242, 242, 242), (24, 24, 24), (110, 110, 110)
STYLE: dict[str, tuple[str, float, tuple[int, int, int], float]] = {
    # kind: (font style, size, colour, space above)
    "company": ("B", 12.0, DARK, 10.0),
    "school": ("B", 12.0, DARK, 8.0),
    "title": ("", 11.5, DARK, 0.0),
    "duration": ("", 10.5, MUTED, 0.0),
    "dates": ("", 10.5, MUTED, 0.0),
    "place": ("", 10.5, MUTED, 0.0),
    "degree": ("", 10.5, DARK, 0.0),
    "text": ("", 10.5, DARK, 4.0),
}


class ProfilePdf(FPDF):
    """Letter pages with LinkedIn's footer; the sidebar is drawn on the first page only."""

    def __init__(self, page_label: str) -> None:
        super().__init__(unit="pt", format="letter")
        self.page_label = page_label

    def footer(self) -> None:
        self.set_xy(MAIN_X, -30)
        self.set_font("DejaVu", "", 9)
        self.set_text_color(*MUTED)
        label = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.cell(PAGE_WIDTH - MAIN_X - 36, 12, label, align="C")


def build_pdf(layout: dict[str, Any], path: Path) -> Path:
    """Write the profile ``layout`` describes as a LinkedIn-style PDF at ``path``."""
    if not (FONT_DIR / "DejaVuSans.ttf").is_file():
        pytest.fail(f"no DejaVu fonts in {FONT_DIR}: install fonts-dejavu-core")
    pdf = ProfilePdf(layout.get("page_label", "Page {page} of {pages}"))
    pdf.add_font("DejaVu", "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(True, margin=48)
    pdf.add_page()
    _sidebar(pdf, layout["sidebar"])
    pdf.set_left_margin(MAIN_X)
    pdf.set_right_margin(36)
    pdf.set_xy(MAIN_X, 40)
    _write(pdf, layout["name"], "", 26, DARK, 0)
    _write(pdf, layout["headline"], "", 12, DARK, 4)
    _write(pdf, layout["location"], "", 10.5, MUTED, 2)
    for heading, items in layout["sections"]:
        _write(pdf, heading, "", 15.75, DARK, 16)
        for item in items:
            if isinstance(item, str):  # a paragraph of the Summary
                _write(pdf, item, "", 10.5, DARK, 6)
            else:
                kind, text = item
                style, size, colour, above = STYLE[kind]
                _write(pdf, text, style, size, colour, above)
    pdf.output(str(path))
    return path


def _sidebar(pdf: FPDF, sections: list[list[Any]]) -> None:
    pdf.set_fill_color(*GREY)
    pdf.rect(0, 0, SIDEBAR_WIDTH, 792, style="F")
    y = 40.0
    for heading, lines in sections:
        pdf.set_font("DejaVu", "", 13)
        pdf.set_text_color(*DARK)
        pdf.set_xy(30, y)
        pdf.cell(SIDEBAR_WIDTH - 50, 16, heading)
        y += 20
        pdf.set_font("DejaVu", "", 10)
        for line in lines:
            pdf.set_xy(30, y)
            pdf.multi_cell(SIDEBAR_WIDTH - 50, 13, line)
            y = pdf.get_y() + 2
        y += 12


def _write(
    pdf: FPDF, text: str, style: str, size: float, colour: tuple[int, int, int], above: float
) -> None:
    pdf.set_font("DejaVu", style, size)
    pdf.set_text_color(*colour)
    pdf.set_y(pdf.get_y() + above)
    pdf.set_x(MAIN_X)
    pdf.multi_cell(0, size * 1.3, text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return {
        layout.name.removesuffix(".layout.json"): build_pdf(
            json.loads(layout.read_text(encoding="utf-8")), folder / f"{layout.stem}.pdf"
        )
        for layout in LAYOUTS
    }


def test_there_are_enough_pdf_fixtures() -> None:
    assert len(LAYOUTS) >= 6


@pytest.mark.parametrize("name", [p.name.removesuffix(".layout.json") for p in LAYOUTS])
def test_pdf_fields(name: str, built: dict[str, Path]) -> None:
    expected = json.loads((PDF_DIR / f"{name}.json").read_text(encoding="utf-8"))
    profile = read_profile(built[name])
    misses = {f: getattr(profile, f) for f, hit in field_hits(profile, expected).items() if not hit}
    assert set(expected) == set(FIELDS)
    assert not misses


def test_pdf_accuracy_over_all_fixtures(built: dict[str, Path]) -> None:
    hits = [
        hit
        for name, path in built.items()
        for hit in field_hits(
            read_profile(path), json.loads((PDF_DIR / f"{name}.json").read_text(encoding="utf-8"))
        ).values()
    ]
    assert sum(hits) / len(hits) >= 0.95


def test_a_pdf_that_is_not_a_profile_is_refused(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 16, "Invoice 2026-114\nTotal due: 1,200.00 EUR\nThank you for your order.")
    path = tmp_path / "invoice.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="does not look like a LinkedIn profile"):
        read_profile(path)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF"],
)
def test_a_broken_pdf_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_profile(path)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)
    assert main(["context", "from-profile", str(path), "--sender", "Priya Raman"]) == 2
    assert capsys.readouterr().err == f"warmnote: {caught.value}\n"  # no pypdf warning first
