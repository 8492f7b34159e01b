"""History: every saved draft with its context, verdict and provenance; search, reuse, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static

from warmnote.errors import WarmnoteError
from warmnote.terminal import printable
from warmnote.tui.screens.base import SectionScreen
from warmnote.tui.screens.draft import describe_context, describe_provenance
from warmnote.tui.screens.export import ExportScreen
from warmnote.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from warmnote.history import HistoryEntry

ExportFormat = Literal["csv", "json"]
NOTE_PREVIEW = 24


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NOTE_PREVIEW else flat[: NOTE_PREVIEW - 1] + "…"


def describe_entry(entry: HistoryEntry) -> str:
    """The detail pane: whom, how you know them, why, the note, its verdict and provenance."""
    ctx, verdict = entry.context, entry.verdict
    stamp = describe_provenance(entry.provenance) if entry.provenance else "none recorded"
    lines = [
        f"#{entry.id} · {ctx.scenario} · saved {entry.created_at.astimezone():%Y-%m-%d}",
        *describe_context(ctx),
        "",
        entry.text,
        "",
        f"Verdict: {'passes' if verdict.passed else 'does not pass'} "
        f"({verdict.length}/{verdict.limit})",
        *(f"  - {v.message}" for v in verdict.violations),
        f"Provenance: {stamp}",
        f"Sent: {entry.sent_at.astimezone():%Y-%m-%d}" if entry.sent_at else "Sent: not yet",
    ]
    return printable("\n".join(lines))


class HistoryScreen(SectionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "focus_search", "Search", tooltip="Search notes, names, companies"),
        Binding("ctrl+o", "reopen", "Reopen", tooltip="Load this draft's context into Compose"),
        Binding("ctrl+s", "mark_sent", "Mark sent", tooltip="Record that you sent this note"),
        Binding("f6", "export('csv')", "Export CSV", tooltip="Write every saved draft as CSV"),
        Binding("f7", "export('json')", "Export JSON", tooltip="Write every saved draft as JSON"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[int, HistoryEntry] = {}

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Input(
            placeholder="Search notes, names, companies, scenarios…",
            id="history-search",
            compact=True,
        )
        with Horizontal(id="history-body"):
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="history-side"), VerticalScroll(id="history-detail-scroll"):
                yield Static("No saved drafts yet.", id="history-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Saved", "To", "Passes", "Sent", "Note", "Scenario")
        self.refresh_entries()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Reload from SQLite (keeping the cursor on the same entry where possible)."""
        table = self.query_one(DataTable)
        selected = self.selected()
        query = self.query_one("#history-search", Input).value
        try:
            entries = self.warmnote.history.search(query)
        except WarmnoteError as exc:
            self.notify(str(exc), title="History", severity="error")
            entries = []
        self.entries = {entry.id: entry for entry in entries}
        table.clear()
        for entry in entries:
            table.add_row(
                str(entry.id),
                f"{entry.created_at.astimezone():%Y-%m-%d}",
                printable(entry.context.recipient.name, one_line=True),
                "✓" if entry.passed else "✗",
                "✓" if entry.sent_at else "",
                printable(_preview(entry.text), one_line=True),
                printable(entry.context.scenario, one_line=True),
                key=str(entry.id),
            )
        if selected is not None and selected.id in self.entries:
            table.move_cursor(row=table.get_row_index(str(selected.id)))
        self._show_detail()

    def selected(self) -> HistoryEntry | None:
        table = self.query_one(DataTable)
        if not self.entries or table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self.entries.get(int(str(row_key.value)))

    def _show_detail(self) -> None:
        entry = self.selected()
        detail = self.query_one("#history-detail", Static)
        if entry is None:
            query = self.query_one("#history-search", Input).value
            detail.update("No saved draft matches." if query else "No saved drafts yet.")
        else:
            detail.update(Content(describe_entry(entry)))

    @on(Input.Changed, "#history-search")
    def _search(self) -> None:
        self.refresh_entries()

    @on(Input.Submitted, "#history-search")
    def _to_table(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    async def _selected(self) -> None:
        await self.action_reopen()

    def action_focus_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    async def action_reopen(self) -> None:
        entry = self.selected()
        if entry is None:
            self.notify("No draft selected.", severity="warning")
            return
        await self.warmnote.reopen(entry)

    def action_mark_sent(self) -> None:
        entry = self.selected()
        if entry is None:
            self.notify("No draft selected.", severity="warning")
            return
        try:
            self.warmnote.history.mark_sent(entry.id)
        except WarmnoteError as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_entries()
        self.notify(f"Marked #{entry.id} as sent.")

    def action_export(self, fmt: ExportFormat) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                self.export(fmt, path)

        self.app.push_screen(ExportScreen(fmt), done)

    def export(self, fmt: ExportFormat, path: Path) -> None:
        history = self.warmnote.history
        try:
            count = history.export_csv(path) if fmt == "csv" else history.export_json(path)
        except WarmnoteError as exc:
            self.notify(str(exc), title="Export failed", severity="error")
            return
        self.notify(f"Exported {count} draft(s) to {path}")
