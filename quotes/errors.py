"""Our exceptions: one small hierarchy, each with a stable code you can grep.

Input: a message. Output: an exception whose ``str`` is one actionable line.
"""

from __future__ import annotations


class QuotesError(Exception):
    """Base of every error ``quotes`` raises on purpose."""

    code = "Q000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(QuotesError):
    """A file, folder or option given by the user cannot be used."""

    code = "Q100"


class ModelError(QuotesError):
    """The spaCy pipeline cannot be loaded."""

    code = "Q200"


class DataError(QuotesError):
    """A lexicon or authority file is malformed."""

    code = "Q300"


class StoreError(QuotesError):
    """The persistent quote index cannot be used."""

    code = "Q400"


class OutputError(QuotesError):
    """The results cannot be written (standard output is full or failing)."""

    code = "Q500"


class InternalError(QuotesError):
    """A bug: an exception ``quotes`` did not expect, reported as one line (``--debug`` shows the trace)."""

    code = "Q900"
