"""Speed: words per CPU-second of checker's extraction and of en_core_web_sm (tagger; tagger+parser; the
full pipeline), over every block of a sample of MedQuAD pages and over only the sentences that hold a
number, against spaCy's bare tokenizer on the same texts.

Every variant runs once untimed (warm-up), then ``--repeats`` rounds in which each variant runs once
in turn; a figure is the median over the rounds, and a ratio is taken within each round before the
median (the machine is shared: absolute figures drift between runs, ratios much less).

    python bench/models/speed.py [--pages 300] [--repeats 5] [--seed 0] [--json FILE]

Words are whitespace-separated words. "page words/s" divides the words of the whole pages by the CPU
time, so that tagging only the number sentences is credited with the words it did not have to tag;
"input words/s" divides the words actually given to the pipeline.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (cpu_seconds, flat, has_number, load_model, median, page_words,  # noqa: E402
                    sample_pages, versions)


def consume(docs) -> int:
    n = 0
    for _doc in docs:
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="also write the raw figures here")
    args = ap.parse_args(argv)

    import spacy

    from checker import Checker, Config
    from checker.extract import Extractor
    from checker.read import read_document

    paths = sample_pages(args.pages, args.seed)
    words = page_words(paths)
    documents = [read_document(p) for p in paths]
    blocks = [flat(b.text) for d in documents for b in d.blocks]

    # the sentences a tagger would be given: checker's own sentencizer over the blocks, then a digit or a
    # number word (NUMBER_RE), or else only the sentences that hold a quantity checker finds
    extractor = Extractor()
    finder = extractor.nlp
    number_sents, quantity_sents = [], []
    with finder.select_pipes(enable=["sentencizer", "checker_quantities"]):
        for doc in finder.pipe(blocks):
            starts = [q.start_char for q in doc.spans["quantities"]]
            for sent in doc.sents:
                text = sent.text
                if has_number(text):
                    number_sents.append(text)
                if any(sent.start_char <= s < sent.end_char for s in starts):
                    quantity_sents.append(text)
    corpus = {
        "blocks": blocks,
        "number sentences": number_sents,
        "quantity sentences": quantity_sents,
    }
    input_words = {k: sum(len(t.split()) for t in v) for k, v in corpus.items()}

    blank = spacy.blank("en")
    blank_sents = spacy.blank("en")
    blank_sents.add_pipe("sentencizer")
    tagger = load_model(exclude=["parser", "ner", "lemmatizer"])
    parser = load_model(exclude=["ner", "lemmatizer"])
    full = load_model()
    checker = Checker(Config())
    checker.check_texts({"warm.txt": "Recovery takes about 2 weeks."})  # builds its pipeline outside the timing

    runs = {
        "spaCy bare tokenizer, blocks": ("blocks", lambda: consume(blank.tokenizer.pipe(blocks))),
        "spaCy bare tokenizer, number sentences": ("number sentences",
                                                   lambda: consume(blank.tokenizer.pipe(number_sents))),
        "finding number sentences (tokenizer+sentencizer+regex)": ("blocks", lambda: [
            s for d in blank_sents.pipe(blocks) for s in d.sents if has_number(s.text)]),
        "checker check_paths (read..detect)": ("blocks", lambda: checker.check_paths(paths)),
        "checker extraction only (Extractor)": ("blocks", lambda: extractor.extract_documents(documents)),
    }
    for label, nlp in (("tagger", tagger), ("tagger+parser", parser), ("full sm", full)):
        for part in ("blocks", "number sentences", "quantity sentences"):
            texts = corpus[part]
            runs[f"{label} [{', '.join(nlp.pipe_names)}], {part}"] = (part, lambda nlp=nlp, texts=texts: consume(
                nlp.pipe(texts)))

    first: dict = {}
    for label, (_part, fn) in runs.items():  # warm-up: caches (checker's subject keys, cue docs), lazy loading
        first[label] = cpu_seconds(fn)[0]
    cpu: dict = {label: [] for label in runs}
    wall: dict = {label: [] for label in runs}
    for r in range(args.repeats):
        for label, (_part, fn) in runs.items():
            c, w = cpu_seconds(fn)
            cpu[label].append(c)
            wall[label].append(w)
        print(f"round {r + 1}/{args.repeats} done", file=sys.stderr)

    ref = "spaCy bare tokenizer, blocks"
    print(f"{args.pages} MedQuAD pages (seed {args.seed}): {words:,} page words, {len(blocks):,} blocks "
          f"({input_words['blocks']:,} words); {len(number_sents):,} sentences with a number or number word "
          f"({input_words['number sentences']:,} words, {input_words['number sentences'] / words:.0%} of the "
          f"page words); {len(quantity_sents):,} sentences with a checker quantity "
          f"({input_words['quantity sentences']:,} words, {input_words['quantity sentences'] / words:.0%})")
    print(f"medians of {args.repeats} rounds after one untimed warm-up run (its CPU time is the last column); "
          f"ratio = page words/s over the bare tokenizer's on all blocks, taken in each round")
    print()
    header = (f"| {'what':72} | {'input words/s':>13} | {'page words/s':>12} | {'ratio':>8} | {'CPU s':>7} | "
              f"{'wall s':>7} | {'first run CPU s':>15} |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    figures = {}
    for label, (part, _fn) in runs.items():
        ratios = [cpu[ref][i] / cpu[label][i] for i in range(args.repeats)]
        c = median(cpu[label])
        figures[label] = {"input": part, "input_words": input_words[part], "page_words": words,
                          "cpu_s": cpu[label], "wall_s": wall[label], "first_run_cpu_s": first[label],
                          "ratio_to_tokenizer": median(ratios),
                          "input_words_per_s": input_words[part] / c, "page_words_per_s": words / c}
        print(f"| {label:72} | {input_words[part] / c:13,.0f} | {words / c:12,.0f} | {median(ratios):8.4f} | "
              f"{c:7.2f} | {median(wall[label]):7.2f} | {first[label]:15.2f} |")

    # what checker would cost with a tagger run on top of it over the sentences it needs
    base = "checker check_paths (read..detect)"
    print()
    print("checker plus a trained pipeline over only the sentences with a number (page words/s, and the "
          "share of checker's speed kept), per round then median:")
    for label in runs:
        if ", number sentences" in label or ", quantity sentences" in label:
            if label.startswith("spaCy"):
                continue
            extra = label.startswith(("tagger", "full", "tagger+parser"))
            if not extra:
                continue
            sums = [cpu[base][i] + cpu[label][i] for i in range(args.repeats)]
            kept = [cpu[base][i] / sums[i] for i in range(args.repeats)]
            print(f"  checker + {label}: {words / median(sums):,.0f} page words/s, {median(kept):.0%} of checker's")
    print()
    print(versions())
    if args.json:
        Path(args.json).write_text(json.dumps({"pages": args.pages, "seed": args.seed, "words": words,
                                               "repeats": args.repeats, "figures": figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
