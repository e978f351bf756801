"""Limits a user can set on one page, with defaults that keep a hostile page from stalling a batch.

Each limit is a configuration key (``[tool.checker]``): a page over ``max_page_size`` bytes is not read,
a block longer than ``max_block_size`` characters is split at sentence ends (so spaCy's ``max_length``
is never reached: the largest block allowed is far below it), and a page that yields more than
``max_claims_per_page`` claims or takes longer than ``max_seconds_per_page`` to extract is that page's
error. A breach never stops the batch: the other pages are checked and reported.
"""
from __future__ import annotations

from dataclasses import dataclass

# spaCy refuses a text longer than nlp.max_length (1,000,000 by default); blocks stay far below it.
LARGEST_BLOCK_SIZE = 100_000


@dataclass(frozen=True)
class Limits:
    # bytes on disk: the largest MedQuAD page is 57 KB; 10 MB of prose took 200 s and 1.8 GB to extract
    max_page_size: int = 5_000_000
    # characters; the longest paragraph of the MedQuAD, dev and held-out corpora is 14,000. A block
    # dense with numbers is cut at 2,000 whatever this says (read/blocks.py): extraction's cost grows
    # with the square of a block's quantities.
    max_block_size: int = 20_000
    max_claims_per_page: int = 5_000
    max_seconds_per_page: float = 120.0

    def too_large(self, size: int) -> bool:
        return size > self.max_page_size


class PageTimeout(Exception):
    """Raised between blocks when a page's extraction passes its deadline (not a CheckerError: it is
    caught per page and recorded as that page's error)."""


def describe_size(size: int) -> str:
    """'12.5 MB', '900 KB', '12 bytes': a size as a person reads it (decimal units, like `ls -h --si`)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"


LIMIT_KEYS = {"max_page_size": int, "max_block_size": int, "max_claims_per_page": int, "max_seconds_per_page": float}
DISCOVERY_KEYS = {"include", "exclude", "respect_gitignore"}


def limits_from_mapping(table: dict, where: str) -> Limits:
    """The limits a configuration table sets (the others keep their defaults), validated."""
    from .errors import ConfigError

    values = {}
    for key, kind in LIMIT_KEYS.items():
        if key not in table:
            continue
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int) or value <= 0:
            raise ConfigError(f"{where}: {key} must be a positive {'number' if kind is float else 'whole number'}, "
                              f"not {value!r}")
        values[key] = kind(value)
    if values.get("max_block_size", 0) > LARGEST_BLOCK_SIZE:
        raise ConfigError(f"{where}: max_block_size must be at most {LARGEST_BLOCK_SIZE:,} characters "
                          f"(spaCy reads each block whole), not {values['max_block_size']!r}")
    return Limits(**values)


def discovery_from_mapping(table: dict, where: str) -> dict:
    """``include``, ``exclude`` (lists of .gitignore-style patterns) and ``respect_gitignore``, validated."""
    from .errors import ConfigError

    values: dict = {}
    for key in ("include", "exclude"):
        if key in table:
            patterns = table[key]
            if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
                raise ConfigError(f"{where}: {key} must be a list of .gitignore-style patterns")
            values[key] = tuple(patterns)
    if "respect_gitignore" in table:
        if not isinstance(table["respect_gitignore"], bool):
            raise ConfigError(f"{where}: respect_gitignore must be true or false")
        values["respect_gitignore"] = table["respect_gitignore"]
    return values


def extract_within_limits(extractor, documents: list, limits: Limits, finish=None, progress=None) -> tuple[dict, dict]:
    """Claims of each document, extracted one page at a time, and the pages that failed.

    Returns ({source: [Claim]}, {source: message}). A page that passes its time limit (checked between
    blocks), yields more claims than its limit, or makes extraction raise is that page's error and
    has no claims; the other pages go on. ``finish(claims)`` runs on each page's claims inside the
    same guard (normalization and subject resolution)."""
    import time

    from .errors import display

    claims: dict = {}
    failed: dict = {}
    for done, document in enumerate(documents, start=1):
        source = document.source
        started = time.monotonic()
        try:
            found = extractor.extract_documents([document], deadline=started + limits.max_seconds_per_page)
            found = found.get(source, [])
            if finish is not None:
                found = finish(found)
        except PageTimeout:
            failed[source] = (f"{display(source)}: extraction stopped after {limits.max_seconds_per_page:g} s "
                              f"(max_seconds_per_page)")
        except RecursionError:
            failed[source] = f"{display(source)}: could not be checked (nested too deep to read)"
        except Exception as exc:  # noqa: BLE001 - one page's failure is that page's error, not the batch's
            failed[source] = f"{display(source)}: could not be checked ({type(exc).__name__}: {_one_line(exc)})"
        else:
            if len(found) > limits.max_claims_per_page:
                failed[source] = (f"{display(source)}: {len(found):,} claims is over the limit of "
                                  f"{limits.max_claims_per_page:,} per page (max_claims_per_page)")
            else:
                claims[source] = found
        if progress:
            progress(done, len(documents), "extracting")
    return claims, failed


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + "…" if len(text) > 200 else text
