"""Screens of the warmnote app: one per section, plus modal dialogs."""
