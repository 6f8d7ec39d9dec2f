"""Errors every stage may raise, mapped by the CLI to fixed exit codes."""

from __future__ import annotations


class BadInput(Exception):
    """The input (corpus, mapping file, ontology, dump, query) cannot be used: exit 2.

    The message is one line that names the problem and, where it can, the file
    and row, and says what to do.
    """
