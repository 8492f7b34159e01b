"""warmnote: local, offline LinkedIn connection notes with deterministic guardrails."""

__version__ = "0.1.0"
