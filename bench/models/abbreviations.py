"""Abbreviation definitions: scispacy's ``AbbreviationDetector`` against checker's own reading of
"age-related macular degeneration (AMD)" (``DocumentContext.abbreviations``). Both follow Schwartz and
Hearst (2003); scispacy also reads the reverse order, "AMD (age-related macular degeneration)".

scispacy's trained pipelines (en_core_sci_*) and its UMLS linker are not on the package index (the
linker downloads its knowledge base at run time), so the detector is what can be measured here: it runs
on ``spacy.blank("en")``. scispacy 0.6.2 pulls numpy < 2, so it runs in a virtualenv of its own.

Pages: every page of the development gold sets (those of tests/data/tools/score_all.py; never the sealed
ones) plus ``--pages`` MedQuAD pages drawn at random. For each page, the (abbreviation, long form) pairs
each finds, compared after folding case, punctuation and a plural "s" ("NSAIDs" = "NSAID"; "Heart, Lung,
and Blood" = "heart lung and blood"); the pairs one finds and the other does not are listed for a
hand check. Speed: CPU seconds of each over all the pages, median of ``--repeats`` rounds (ratio taken
within the round); checker's is the definition scan alone, scispacy's includes its tokenizer.

    python bench/models/abbreviations.py [--pages 100] [--repeats 3] [--show 15]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import gold_claims, ratio_rows, sample_pages, timed_rounds, versions  # noqa: E402


def fold(short: str, long: str) -> tuple:
    """A pair as compared: lower case, letters and digits only, a final plural "s" off each."""
    def f(text: str) -> str:
        words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
        return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)
    return f(short).replace(" ", ""), f(long)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--show", type=int, default=15, help="pairs found by one only, per side (random, seed 0)")
    args = ap.parse_args(argv)

    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers the factory)

    from checker.extract import Extractor
    from checker.extract.context import BlockDoc, DocumentContext
    from checker.read import read_document

    paths = sorted({str(c.path) for c in gold_claims() if c.path.is_file()})
    n_gold = len(paths)
    paths += [p for p in sample_pages(args.pages, args.seed) if p not in set(paths)]
    documents = [read_document(p) for p in paths]
    texts = [d.view or d.text for d in documents]

    extractor = Extractor()
    ours: list = []
    for document in documents:
        docs = extractor.nlp.pipe([b.text.replace("\r", " ").replace("\n", " ") for b in document.blocks])
        ctx = DocumentContext(document, [BlockDoc(b, d) for b, d in zip(document.blocks, docs)],
                              extractor.resources.knowledge, extractor.finder)
        ours.append({fold(s, l) for s, l in ctx.abbreviations.items()})

    nlp = spacy.blank("en")
    nlp.add_pipe("abbreviation_detector")
    theirs: list = []
    for doc in nlp.pipe(texts):
        theirs.append({fold(a.text, a._.long_form.text) for a in doc._.abbreviations})

    both = sum(len(a & b) for a, b in zip(ours, theirs))
    only_ours = [(p, pair) for p, a, b in zip(paths, ours, theirs) for pair in sorted(a - b)]
    only_theirs = [(p, pair) for p, a, b in zip(paths, ours, theirs) for pair in sorted(b - a)]
    same_short = sum(1 for p, a, b in zip(paths, ours, theirs)
                     for s, _l in a - b if any(s == s2 for s2, _l2 in b - a))

    scan = DocumentContext._defined_abbreviations  # the scan alone, on each document
    spaces = [SimpleNamespace(document=d) for d in documents]
    runs = {
        "checker DocumentContext._defined_abbreviations": lambda: [scan(s) for s in spaces],
        "scispacy AbbreviationDetector (blank en + detector)": lambda: list(nlp.pipe(texts)),
        "spaCy bare tokenizer (what the detector needs first)": lambda: list(nlp.tokenizer.pipe(texts)),
    }
    cpu = timed_rounds(runs, args.repeats)
    words = sum(len(t.split()) for t in texts)

    print(f"{len(paths)} pages ({n_gold} of the development gold sets, {len(paths) - n_gold} MedQuAD pages drawn "
          f"with seed {args.seed}), {words:,} words")
    print()
    print("| finder | definitions (abbreviation, long form) | found by both | found by this one only |")
    print("|---|---|---|---|")
    print(f"| checker | {sum(map(len, ours))} | {both} | {len(only_ours)} |")
    print(f"| scispacy AbbreviationDetector | {sum(map(len, theirs))} | {both} | {len(only_theirs)} |")
    print(f"({same_short} of checker's own pairs have the same abbreviation with another long form in scispacy's)")
    print()
    print(f"CPU seconds over all the pages, medians of {args.repeats} rounds; ratio to checker taken in each round:")
    print()
    print("| what | CPU s | words/s | ratio to checker |")
    print("|---|---|---|---|")
    for k, seconds, ratio in ratio_rows(cpu, "checker DocumentContext._defined_abbreviations"):
        print(f"| {k} | {seconds:.3f} | {words / seconds:,.0f} | {ratio:.3f} |")
    rng = random.Random(0)
    for title, group in (("checker only", only_ours), ("scispacy only", only_theirs)):
        drawn = sorted(rng.sample(group, min(args.show, len(group))))
        print(f"\n{title}: {len(group)}; {len(drawn)} drawn at random (seed 0):")
        for p, (s, l) in drawn:
            print(f"  {Path(p).name}: {s} = {l!r}")
    print()
    print(versions() + (f", scispacy {__import__('scispacy').__version__}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
