"""One module per rule; ``draftlint.registry`` discovers them. A rule imports only from
model, context, rule, resources and the analysis layers (numbering, profiles, analysis):
never from another rule."""
