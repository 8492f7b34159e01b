"""The terminal app. Importing this package is cheap; Textual loads only when the app runs."""

from __future__ import annotations


def run_app() -> int:
    """Run the app until the person quits; the exit code for ``warmnote`` with no command."""
    from warmnote.tui.app import WarmnoteApp

    app = WarmnoteApp()
    app.run()
    return app.return_code or 0
