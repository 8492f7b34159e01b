"""Widgets of the warmnote app."""
