"""Quantity finding: quantulum3 against checker's ``find_quantities``, for speed on the sentences with a
number of a MedQuAD page sample, and for how many gold values (development sets) each finds.

Speed: words per CPU-second over the same sentences, median of ``--repeats`` rounds, each finder once per
round (ratio taken within the round). Gold: for each gold claim, run the finder on its quote; a value
is *touched* when a quantity the finder returns overlaps the gold ``value_text`` in the quote, and
*covered* when every number in ``value_text`` (digit runs and number words: "20 to 30 minutes" has
two) lies inside one returned quantity, so that a range read as its upper end alone is not counted.
quantulum3 runs without its optional classifier (scikit-learn absent), as it installs by default.

    python bench/models/quantities.py [--pages 100] [--repeats 3] [--examples 8]
"""
from __future__ import annotations

import argparse
import random
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (GOLD_SETS, NUMBER_RE, flat, gold_claims, has_number, ratio_rows, sample_pages,  # noqa: E402
                    timed_rounds, versions)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--examples", type=int, default=8, help="gold values covered by one finder and not the other")
    args = ap.parse_args(argv)

    import spacy

    from checker.quantities import find_quantities
    from checker.read import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Classifier dependencies not installed": measured without them
        from quantulum3 import parser as q3

    paths = sample_pages(args.pages, args.seed)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    blocks = [flat(b.text) for p in paths for b in read_document(p).blocks]
    sents = [s.text for d in nlp.pipe(blocks) for s in d.sents if has_number(s.text)]
    words = sum(len(s.split()) for s in sents)

    def checker_run():
        for s in sents:
            find_quantities(s)

    def q3_run():
        for s in sents:
            q3.parse(s)

    runs = {"checker find_quantities": checker_run, "quantulum3 parser.parse": q3_run}
    cpu = timed_rounds(runs, args.repeats)
    print(f"{len(sents):,} sentences with a number or number word ({words:,} words) from {args.pages} MedQuAD pages "
          f"(seed {args.seed}); medians of {args.repeats} rounds")
    print()
    print("| finder | words/s | ratio to checker |")
    print("|---|---|---|")
    for k, seconds, ratio in ratio_rows(cpu, "checker find_quantities"):
        print(f"| {k} | {words / seconds:,.0f} | {ratio:.3f} |")

    claims = gold_claims()
    names = list(runs)
    sets = list(GOLD_SETS) + ["all"]
    touched = {k: {s: 0 for s in sets} for k in runs}
    covered = {k: {s: 0 for s in sets} for k in runs}
    totals = {s: 0 for s in sets}
    examples: dict = {k: [] for k in runs}
    for c in claims:
        i = c.quote.find(c.value_text)
        if i < 0 or not c.value_text:
            continue
        vs, ve = i, i + len(c.value_text)
        numbers = [(vs + m.start(), vs + m.end()) for m in NUMBER_RE.finditer(c.value_text)]
        spans = {
            "checker find_quantities": [(q.start, q.end, q.text) for q in find_quantities(c.quote)],
            "quantulum3 parser.parse": [(q.span[0], q.span[1], q.surface) for q in q3.parse(c.quote)],
        }
        for s in (c.set, "all"):
            totals[s] += 1
        got = {}
        for k, sp in spans.items():
            t = any(a < ve and b > vs for a, b, _t in sp)
            cov = t and any(all(a <= ns and ne <= b for ns, ne in numbers) for a, b, _t in sp) if numbers else t
            got[k] = cov
            for s in (c.set, "all"):
                touched[k][s] += t
                covered[k][s] += cov
        for k in names:
            other = [o for o in names if o != k][0]
            if got[k] and not got[other]:
                examples[k].append((c, [t for a, b, t in spans[other] if a < ve and b > vs]))
    for title, table in (("touched (a returned quantity overlaps value_text)", touched),
                         ("covered (every number of value_text inside one returned quantity)", covered)):
        print()
        print(f"gold values {title}:")
        print()
        print("| finder | " + " | ".join(f"{s} ({totals[s]})" for s in sets) + " |")
        print("|---|" + "---|" * len(sets))
        for k in runs:
            print(f"| {k} | " + " | ".join(f"{table[k][s] / totals[s]:.1%}" for s in sets) + " |")
    for k in names:
        other = [o for o in names if o != k][0]
        drawn = random.Random(0).sample(examples[k], min(args.examples, len(examples[k])))
        print(f"\ncovered by {k} only: {len(examples[k])}; {len(drawn)} drawn at random (seed 0), with what "
              f"{other} returned there:")
        for c, theirs in drawn:
            print(f"  {c.set}/{c.id} value {c.value_text!r}, other: {theirs!r}\n      {c.quote[:160]!r}")
    print()
    print(versions())
    return 0


if __name__ == "__main__":
    sys.exit(main())
