"""Packs: read and edit a prompt pack's TOML with live validation and its prompt size in tokens."""

from __future__ import annotations

import importlib.util
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError, WarmnoteError
from warmnote.files import validate
from warmnote.packs import (
    PackInfo,
    PackScan,
    PromptPack,
    load_pack_file,
    prompt_tokens,
    scan_packs,
)
from warmnote.tui.screens.base import SectionScreen, describe_error
from warmnote.tui.widgets.status_line import StatusLine


def toml_highlighting() -> str | None:
    """ "toml" when tree-sitter and its TOML grammar are installed (``textual[syntax]``)."""
    found = all(importlib.util.find_spec(name) for name in ("tree_sitter", "tree_sitter_toml"))
    return "toml" if found else None


def parse_pack(text: str, *, name: str = "pack") -> PromptPack:
    """Validate TOML text as a pack; InputError names the field, as for a pack file."""
    label = f"{name}.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file=label) from None
    return validate(PromptPack, data, file=label)


@dataclass(frozen=True)
class PackCheck:
    """The verdict on the editor's text: a pack and its prompt size, or the error."""

    text: str
    pack: PromptPack | None = None
    tokens: int = 0
    with_context: bool = False
    error: str = ""


def check_pack(text: str, name: str, context: Context | None) -> PackCheck:
    try:
        pack = parse_pack(text, name=name)
        tokens = prompt_tokens(pack, context)
    except WarmnoteError as exc:
        return PackCheck(text, error=str(exc))
    return PackCheck(text, pack=pack, tokens=tokens, with_context=context is not None)


class PacksScreen(SectionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_pack", "Save as user pack", tooltip="Save to your prompts folder"),
        Binding("ctrl+t", "try_pack", "Try it", tooltip="Draft for the Compose context with it"),
        Binding("ctrl+l", "focus_list", "Pack list", tooltip="Move to the list of packs"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.infos: list[PackInfo] = []
        self.current: PackInfo | None = None
        self.last_check: PackCheck | None = None
        self._edits: dict[str, str] = {}
        """Unsaved edits by pack name: moving to another pack and back keeps them."""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="packs-body"):
            yield OptionList(id="pack-list")
            with Vertical(id="pack-main"):
                yield Label("", id="pack-title")
                yield TextArea.code_editor(
                    "", language=toml_highlighting(), id="pack-editor", soft_wrap=True
                )
                yield Static("", id="pack-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_list()
        pack_list = self.query_one("#pack-list", OptionList)
        if self.infos:
            pack_list.highlighted = 0
            self.open_pack(self.infos[0])
        pack_list.focus()

    def refresh_list(self, select: str | None = None) -> None:
        try:
            scan = scan_packs()
        except WarmnoteError as exc:
            self.notify(str(exc), title="Prompt packs", severity="error")
            scan = PackScan((), ())
        self.infos = list(scan.packs)
        pack_list = self.query_one("#pack-list", OptionList)
        pack_list.set_options(
            [
                *(
                    Option(Content.assemble(info.name, (f"  {info.source}", "dim")), id=info.name)
                    for info in self.infos
                ),
                *(
                    Option(Content.assemble(("✗ ", "red"), broken.name, "  broken"), disabled=True)
                    for broken in scan.broken
                ),
            ]
        )
        for broken in scan.broken:
            self.notify(broken.error, title="Prompt pack left out", severity="error", timeout=15)
        names = [info.name for info in self.infos]
        if select in names:
            pack_list.highlighted = names.index(select)

    def open_pack(self, info: PackInfo) -> None:
        self.current = info
        text = self._edits.get(info.name)
        if text is None:
            try:
                text = info.path.read_text(encoding="utf-8")
            except OSError as exc:
                self.notify(f"{info.path}: {exc.strerror}", severity="error")
                return
        edited = " (edited, not saved)" if info.name in self._edits else ""
        self.query_one("#pack-title", Label).update(
            Content(f"{info.name} {info.version} ({info.source}){edited} · {info.description}")
        )
        self.query_one("#pack-editor", TextArea).load_text(text)

    @on(OptionList.OptionHighlighted, "#pack-list")
    def _pack_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        info = next((i for i in self.infos if i.name == event.option.id), None)
        if info is not None and info != self.current:
            self.open_pack(info)

    @on(OptionList.OptionSelected, "#pack-list")
    def _pack_selected(self) -> None:
        self.query_one("#pack-editor", TextArea).focus()

    @on(TextArea.Changed, "#pack-editor")
    def _pack_edited(self) -> None:
        text = self.query_one("#pack-editor", TextArea).text
        context = self.warmnote.compose_screen.current_context(show_errors=False)
        name = self.current.name if self.current else "pack"
        if self.current is not None and self._is_edited(self.current, text):
            self._edits[self.current.name] = text
        else:
            self._edits.pop(name, None)
        self.query_one("#pack-status", Static).update("Checking…")
        self._check(text, name, context)

    @staticmethod
    def _is_edited(info: PackInfo, text: str) -> bool:
        try:
            return text != info.path.read_text(encoding="utf-8")
        except OSError:
            return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="pack-check")
    def _check(self, text: str, name: str, context: Context | None) -> PackCheck:
        """Off the UI thread: the first token count loads the tokenizer."""
        return check_pack(text, name, context)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "pack-check":
            return
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            status = self.query_one("#pack-status", Static)
            status.set_class(True, "-error")
            status.update(Content(f"✗ could not check: {describe_error(event.worker.error)}"))
            return
        if event.state != WorkerState.SUCCESS:
            return
        check = event.worker.result
        if not isinstance(check, PackCheck):
            return
        if check.text != self.query_one("#pack-editor", TextArea).text:
            return  # an older text; the check of the newest one is on its way
        self.last_check = check
        status = self.query_one("#pack-status", Static)
        status.set_class(check.pack is None, "-error")
        if check.pack is None:
            status.update(Content(f"✗ {check.error}"))
            return
        basis = "your Compose context" if check.with_context else "its first example"
        status.update(
            Content(
                f"✓ valid: {check.pack.name} {check.pack.version} · prompt ≈ {check.tokens} "
                f"tokens with {basis} · requires: {', '.join(check.pack.requires) or 'nothing'}"
            )
        )

    def _editor_pack(self) -> PromptPack | None:
        name = self.current.name if self.current else "pack"
        try:
            return parse_pack(self.query_one("#pack-editor", TextArea).text, name=name)
        except WarmnoteError as exc:
            self.notify(str(exc), title="Not a valid pack", severity="error")
            return None

    def action_save_pack(self) -> None:
        pack = self._editor_pack()
        if pack is None:
            return
        path: Path = locations.user_prompts_dir() / f"{pack.name}.toml"
        text = self.query_one("#pack-editor", TextArea).text
        try:
            locations.write_private(path, text if text.endswith("\n") else text + "\n")
            load_pack_file(path)
        except (OSError, WarmnoteError) as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self._edits.pop(pack.name, None)
        if self.current is not None:
            self._edits.pop(self.current.name, None)
        self.refresh_list(select=pack.name)
        self.current = next((i for i in self.infos if i.name == pack.name), self.current)
        self.warmnote.compose_screen.refresh_packs()
        self.warmnote.form_changed()  # the edited pack's prompt is warmed anew
        self.notify(f"Saved user pack {pack.name} to {path}")

    async def action_try_pack(self) -> None:
        pack = self._editor_pack()
        if pack is None:
            return
        compose = self.warmnote.compose_screen
        context = compose.current_context(show_errors=True)
        if context is None:
            self.notify("Fill in Compose first: some fields need attention.", severity="warning")
            await self.app.switch_mode("compose")
            return
        await self.warmnote.start_draft(context, pack, plain_first=False)  # the pack's wording

    def action_focus_list(self) -> None:
        self.query_one("#pack-list", OptionList).focus()
