"""Check the development set's cached excerpts against their hashes, and write their outlets.toml.

Usage: .venv/bin/python scripts/devset.py check [--dev golden/dev] [--cache .eval-cache/dev]

The excerpts' text is kept out of git (golden/dev/README.md); this script says, per event,
whether the cache holds every excerpt with the sha256 of golden/dev/<event>/excerpts.toml, and
writes the outlets.toml that `quotes` reads beside the texts. Exit 1 when an excerpt is absent
or changed, 0 when all are present and unchanged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.errors import QuotesError  # noqa: E402
from quotes.evaluate.devset import cache_root, check_cache, load_events, write_outlets  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--dev", type=Path, default=ROOT / "golden" / "dev")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    root = cache_root(args.cache)
    bad = 0
    try:
        events = load_events(args.dev)
    except QuotesError as exc:
        print(f"devset: {exc}", file=sys.stderr)
        return 2
    for event in events:
        problems = check_cache(event, root)
        if problems:
            bad += 1
            print(f"{event.name} ({event.split}): {len(problems)} of {len(event.excerpts)} excerpts unusable")
            for p in problems:
                print(f"  {p}")
            continue
        write_outlets(event, root)
        print(f"{event.name} ({event.split}): {len(event.excerpts)} excerpts, hashes match")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
