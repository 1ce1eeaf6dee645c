"""What the training scripts share: their arguments, and writing (or checking) the model the package ships.

Imported by scripts/train_keep.py and scripts/train_ranking.py (run from the repository, so that this
folder is on the import path).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quotes.evaluate import Gold, load_golden
from quotes.evaluate.devset import check_cache, load_events

ROOT = Path(__file__).resolve().parents[1]


def gold_sets(split: str, dev: Path, cache: Path) -> list[tuple[list[Path], Gold]]:
    """(files, gold) of a split: the seeds with golden/ and the dev events and sets (``dev``), or the test ones.

    Events whose cached texts are absent or changed are left out.
    """
    out = [(sorted((ROOT / "seeds").glob("*.txt")), load_golden(ROOT / "golden"))] if split == "dev" else []
    for event in load_events(dev):
        if event.split == split and not check_cache(event, cache):
            out.append(([cache / event.name / f"{e.id}.txt" for e in event.excerpts], load_golden(event.folder)))
    return out


def arguments(doc: str | None) -> argparse.Namespace:
    """``--dev`` (golden/dev), ``--cache`` (the development set's texts), ``--check`` and ``--polnear``."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT / "golden" / "dev")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the shipped model differs")
    parser.add_argument(
        "--polnear", type=Path, default=None, help="also train on PolNeAR's train split (convert_polnear.py's JSONL)"
    )
    return parser.parse_args()


def ship(model: dict[str, object], name: str, *, check: bool) -> int:
    """Write ``quotes/data/<name>``, or with ``check`` say whether it equals a fresh training's; the exit code."""
    return ship_text(json.dumps(model, indent=1) + "\n", name, check=check, what="model", fresh="a fresh training")


def ship_text(text: str, name: str, *, check: bool, what: str, fresh: str) -> int:
    """Write ``text`` to ``quotes/data/<name>``, or with ``check`` say whether the shipped file (the ``what``)
    equals it (``fresh``: what made it); the exit code."""
    path = ROOT / "quotes" / "data" / name
    if check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"the shipped {what} matches {fresh}" if same else f"the shipped {what} differs; rerun without --check")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0
