"""One module per rule; ``draftlint.registry`` discovers them. Modules starting with ``_``
hold helpers shared by several rules."""
