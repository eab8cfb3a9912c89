"""Word documents (.docx, .docm, .dotx) read from the part XML with lxml.

python-docx's proxy objects are built per run and are slow on long drafts, and its parser
turns libxml2's size limits off; so the archive is checked first (``archive``), and the
body is walked directly (``body``) in reading order.
"""

from draftlint.readers.docx.reader import read_docx

__all__ = ["read_docx"]
