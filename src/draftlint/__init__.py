"""draftlint: a structure linter for Chinese official-document drafts (公文)."""

__version__ = "0.1.0"
