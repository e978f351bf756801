"""Encodings: charset-normalizer's guess against checker's rule (``checker.read.decode``: a byte order
mark, then a charset an HTML page declares, then UTF-8; a page that is not UTF-8 and does not say is
read in the encoding charset-normalizer finds, Windows-1252 among equally likely ones, and a page
mostly UTF-8 with some bad bytes is an error naming the line and byte).

Pages: every page of the development gold sets (those of tests/data/tools/score_all.py; never the
sealed ones) plus ``--pages`` MedQuAD pages drawn at random. Each page is tried as it is on disk
(UTF-8) and re-encoded as Windows-1252, Latin-1 and UTF-16 (with its BOM), where the text can be
encoded so; for each, checker's result (the text, or its error) and charset-normalizer's
(``from_bytes(data).best()``: the encoding it names and whether ``str(best)`` is the original text).
Speed: CPU seconds over the pages as they are on disk, median of ``--repeats`` rounds, ratio taken
within each round.

    python bench/models/encodings.py [--pages 100] [--repeats 3]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import gold_claims, ratio_rows, sample_pages, timed_rounds, versions  # noqa: E402

FORMS = ("utf-8 (on disk)", "cp1252", "latin-1", "utf-16")


def encoded(text: str, form: str):
    if form == "utf-8 (on disk)":
        return None  # the bytes on disk
    try:
        return text.encode({"cp1252": "cp1252", "latin-1": "latin-1", "utf-16": "utf-16"}[form])
    except UnicodeEncodeError:
        return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)

    from charset_normalizer import from_bytes

    from checker.errors import InputError
    from checker.read import decode

    paths = sorted({str(c.path) for c in gold_claims() if c.path.is_file()})
    n_gold = len(paths)
    paths += [p for p in sample_pages(args.pages, args.seed) if p not in set(paths)]
    raw = [Path(p).read_bytes() for p in paths]
    texts = [r.decode("utf-8") for r in raw]
    non_ascii = sum(1 for t in texts if not t.isascii())

    rows = {}
    examples: dict = {}
    for form in FORMS:
        tally: Counter = Counter()
        for path, data, text in zip(paths, raw, texts):
            data2 = data if form == "utf-8 (on disk)" else encoded(text, form)
            if data2 is False:
                tally["cannot be encoded so"] += 1
                continue
            tally["pages"] += 1
            if form != "utf-8 (on disk)" and data2 == text.encode("utf-8"):
                tally["same bytes as UTF-8 (ASCII text)"] += 1
            try:
                ours = decode(path, data2).text
                tally["checker: text"] += 1
                # a byte order mark stays the text's first character, so that offsets count from the file
                kept_bom = ours.startswith("\ufeff") and not text.startswith("\ufeff")
                tally["checker: the original text"] += (ours[1:] if kept_bom else ours) == text
                tally["checker: a BOM kept as the first character"] += kept_bom
            except InputError as exc:
                tally["checker: error"] += 1
                examples.setdefault((form, "checker"), str(exc))
            best = from_bytes(data2).best()
            if best is None:
                tally["charset-normalizer: no guess"] += 1
                continue
            tally[f"charset-normalizer names {best.encoding}"] += 1
            right = str(best) == text
            tally["charset-normalizer: the original text"] += right
            if not right:
                examples.setdefault((form, "charset-normalizer"), f"{Path(path).name}: read as {best.encoding}")
        rows[form] = tally

    print(f"{len(paths)} pages ({n_gold} of the development gold sets, {len(paths) - n_gold} MedQuAD pages drawn with "
          f"seed {args.seed}); {non_ascii} of them hold a character beyond ASCII")
    for form, tally in rows.items():
        print(f"\n{form}: " + "; ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    print("\nfirst wrong result of each:")
    for (form, who), text in examples.items():
        print(f"  {form}, {who}: {text}")

    runs = {
        "checker decode": lambda: [decode(p, d) for p, d in zip(paths, raw)],
        "charset-normalizer from_bytes(...).best(), str()": lambda: [str(from_bytes(d).best()) for d in raw],
    }
    cpu = timed_rounds(runs, args.repeats)
    size = sum(map(len, raw))
    print()
    print(f"speed over the pages as on disk ({size / 1e6:.1f} MB), medians of {args.repeats} rounds:")
    print()
    print("| what | CPU s | MB/s | ratio to checker |")
    print("|---|---|---|---|")
    for k, seconds, ratio in ratio_rows(cpu, "checker decode"):
        print(f"| {k} | {seconds:.4f} | {size / 1e6 / seconds:,.1f} | {ratio:.4f} |")
    print()
    import charset_normalizer

    print(versions() + f", charset-normalizer {charset_normalizer.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
