"""quotes: find quotations and reported speech in news, say who said them, and compare outlets.

The library mirrors the CLI, a function per command with the command's name and options:
``extract`` (``quotes extract``/``table``), ``align``, ``verify``, ``check`` and ``Index`` (``quotes
index``); ``extract_each`` streams documents one at a time.

``quotes.align`` and ``quotes.verify`` are these functions; the stages of the same names stay modules
of the package, imported as ``from quotes.align.grouping import …`` or ``from quotes.verify import
rules``. (Python binds a submodule to its parent's attribute only when it first loads it, which this
package does before binding the functions; ``import quotes.align.grouping as g`` and attribute paths
such as ``quotes.align.grouping`` go through that attribute and so do not work.)
"""

from __future__ import annotations

from .align import Alignment, align, align_corpus
from .config import Settings
from .diverge import compare_texts, word_diff
from .errors import DataError, InputError, ModelError, QuotesError, StoreError
from .pipeline import extract, extract_corpus, extract_each
from .store import Index
from .types import (
    Article,
    Diagnostic,
    DiffOp,
    Evidence,
    Extraction,
    Flag,
    Group,
    Kind,
    Outcome,
    Quote,
    Speaker,
    Verdict,
)
from .verify import Checked, Claim, Corpus, check, verify, verify_claims, verify_file

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "Article",
    "Checked",
    "Claim",
    "Corpus",
    "DataError",
    "Diagnostic",
    "DiffOp",
    "Evidence",
    "Extraction",
    "Flag",
    "Group",
    "Index",
    "InputError",
    "Kind",
    "ModelError",
    "Outcome",
    "Quote",
    "QuotesError",
    "Settings",
    "Speaker",
    "StoreError",
    "Verdict",
    "__version__",
    "align",
    "align_corpus",
    "check",
    "compare_texts",
    "extract",
    "extract_corpus",
    "extract_each",
    "verify",
    "verify_claims",
    "verify_file",
    "word_diff",
]
