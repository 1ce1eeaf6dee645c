"""quotes: find quotations and reported speech in news, say who said them, and compare outlets."""

from __future__ import annotations

from .align import Alignment, align_corpus
from .config import Settings
from .diverge import compare_texts, word_diff
from .errors import DataError, InputError, ModelError, QuotesError, StoreError
from .pipeline import extract, extract_corpus
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
    "align_corpus",
    "check",
    "compare_texts",
    "extract",
    "extract_corpus",
    "verify",
    "verify_claims",
    "verify_file",
    "word_diff",
]
