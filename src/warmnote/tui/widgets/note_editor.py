"""The editable note, with each guardrail violation's span highlighted in place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

if TYPE_CHECKING:
    from warmnote.guardrails.verdict import Violation

THEME = "warmnote-note"
STYLES = {
    # Keyed by Severity's values; importing the guardrails package is left to first use.
    "error": Style(underline=True, bold=True, color="#ff6b6b"),
    "warning": Style(underline=True, color="#e0b341"),
}


def location_of(text: str, index: int) -> tuple[int, int]:
    """(row, column) of a str offset, clamped to the text; rows end at "\n" (a "\r" before it
    belongs to the row it ends)."""
    index = max(0, min(index, len(text)))
    row_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index), index - row_start


class NoteEditor(TextArea):
    """A soft-wrapped TextArea whose highlights are the verdict's spans, not a grammar's.

    TextArea draws highlights from a per-line map of (start byte, end byte, style name); the map
    is rebuilt after every edit, so the spans are re-added on each rebuild and stay in step with
    the text the verdict was computed for.
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        # Set before TextArea's constructor, which builds the highlight map once.
        self._spans: list[tuple[int, int, str]] = []
        super().__init__(text, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.register_theme(TextAreaTheme(name=THEME, syntax_styles=STYLES))
        self.theme = THEME

    def set_violations(self, violations: Iterable[Violation]) -> None:
        self._spans = [(v.start, v.end, str(v.severity)) for v in violations if v.end > v.start]
        self._build_highlight_map()
        self.refresh()

    @property
    def highlighted(self) -> list[str]:
        """The highlighted pieces of text, in order: what a reader sees marked."""
        text = self.text
        return [text[start:end] for start, end, _ in sorted(self._spans)]

    def select_span(self, start: int, end: int) -> None:
        """Select a violation's span so the person sees (and can retype) what is wrong."""
        text = self.text
        self.selection = Selection(location_of(text, start), location_of(text, end))
        self.focus()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        if not self._spans:
            return
        text = self.text
        for start, end, severity in self._spans:
            if start >= len(text):
                continue
            first_row, first_col = location_of(text, start)
            last_row, last_col = location_of(text, end)
            for row in range(first_row, last_row + 1):
                line = self.document.get_line(row)
                begin = first_col if row == first_row else 0
                stop = last_col if row == last_row else len(line)
                if stop <= begin:
                    continue
                start_byte = len(line[:begin].encode("utf-8"))
                end_byte = len(line[:stop].encode("utf-8"))
                self._highlights[row].append((start_byte, end_byte, severity))
