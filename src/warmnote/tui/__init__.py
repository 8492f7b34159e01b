"""The terminal app. Importing this package is cheap; Textual loads only when the app runs."""

from __future__ import annotations


def run_app(backend_flags: dict[str, str] | None = None) -> int:
    """Run the app until the person quits; the exit code for ``warmnote`` with no command.

    ``backend_flags`` (``--backend`` and the like, by destination) go on top of the settings."""
    from warmnote.tui.app import WarmnoteApp

    app = WarmnoteApp(backend_flags=backend_flags)
    app.run()
    return app.return_code or 0
