"""Offline eval suites: draft many sample contexts, judge the notes, compare packs and models.

``suite`` reads a suite, ``runner`` drafts every (case, pack, model, seed) run into a resumable
log, ``stats`` summarises a variant's runs and ``report`` writes them side by side.
"""
