"""What several rules need to know about a document, computed once and read through
``LintContext``: joined text, web-page residue, Chinese context and protected spans, the
half-width marks W001 converts, and the layout of numbered headings.

Nothing here reports findings; rules do. Modules here import from model, resources and the
numbering and profiles analyses, never from ``draftlint.rules``.
"""
