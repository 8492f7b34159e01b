"""Sub-commands of the ``warmnote`` CLI; each module exposes ``register(subparsers)``."""
