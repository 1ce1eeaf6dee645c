"""``python -m quotes``: the command line."""

from .cli import run

run()
