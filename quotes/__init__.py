"""quotes: find quotations and reported speech in news, say who said them, and compare outlets."""

from __future__ import annotations

from .config import Settings
from .errors import DataError, InputError, ModelError, QuotesError, StoreError
from .pipeline import extract, extract_corpus
from .types import Article, Diagnostic, Extraction, Flag, Kind, Quote, Speaker

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DataError",
    "Diagnostic",
    "Extraction",
    "Flag",
    "InputError",
    "Kind",
    "ModelError",
    "Quote",
    "QuotesError",
    "Settings",
    "Speaker",
    "StoreError",
    "__version__",
    "extract",
    "extract_corpus",
]
