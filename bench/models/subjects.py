"""Subject-candidate recall: does a name finder put the gold subject among its candidates, where the
page writes it next to the claim?

For each claim of the development gold sets (seeds, pain-dev, pain-heldout, web-1, web-2, medquad: those of
tests/data/tools/score_all.py; never the sealed ones) the window
is the sentences the quote overlaps plus the ``--before`` sentences just before them in the page
(headings and list items count as sentences; sentences are those of checker's sentencizer). A claim
is *eligible* when its gold subject is written in the window: some run of words there has the same
``checker.align.names.subject_key`` (case, hyphens, plurals, possessives, "X of the Y" order).
For an eligible claim, a finder *hits* when one of the spans it puts in the window has that key:

- checker: ``MentionFinder.find`` spans, and ``DocumentContext.mentions`` (the same plus the page's
  own abbreviations spelled out, and the topic's name where the head-noun rules miss it);
- en_core_web_sm: ``doc.noun_chunks``; the same with leading determiners, pronouns, numbers,
  adjectives and adverbs taken off one by one (each step counts); named entities (``doc.ents``);
  and, as an upper bound for a chunk-based finder with a lexicon filter, any suffix of a chunk.

Recall alone favours the finder that proposes most spans, so the number of distinct candidates each
finder puts in a window is printed too.

    python bench/models/subjects.py [--before 2] [--examples 12] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import GOLD_SETS, flat, gold_claims, load_model, versions  # noqa: E402

STRIP_POS = {"DET", "PRON", "NUM", "ADJ", "ADV", "PUNCT", "CCONJ"}


def chunk_variants(chunk) -> list:
    """The chunk, then with its leading determiners/pronouns/numbers/adjectives/adverbs taken off one by one."""
    out = [chunk]
    start = chunk.start
    while start < chunk.end - 1 and chunk.doc[start].pos_ in STRIP_POS:
        start += 1
        out.append(chunk.doc[start:chunk.end])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=int, default=2, help="sentences before the quote in the window")
    ap.add_argument("--examples", type=int, default=12, help="claims to show that one finder hits and the other misses")
    ap.add_argument("--json", help="also write per-claim results here")
    args = ap.parse_args(argv)

    from checker.align import lexicon_subject
    from checker.align.names import subject_key
    from checker.extract import Extractor
    from checker.extract.context import BlockDoc, DocumentContext
    from checker.read import read_document

    extractor = Extractor()
    knowledge = extractor.resources.knowledge
    finder = extractor.finder
    nlp_model = load_model()  # full pipeline: noun_chunks need the parser, ents the ner

    def key(text: str) -> str:
        return subject_key(text, knowledge)

    resolved_cache: dict = {}

    def resolved(text: str) -> str:
        """The evaluator's identity (checker.evaluate.same_subject): a lexicon alias or abbreviation
        stands for its canonical name ("IVF" = "in vitro fertilisation")."""
        if text not in resolved_cache:
            resolved_cache[text] = key(lexicon_subject(text, knowledge) or text)
        return resolved_cache[text]

    claims = gold_claims()
    by_path = defaultdict(list)
    for c in claims:
        by_path[c.path].append(c)

    rows = []
    for path in sorted(by_path):
        document = read_document(path)
        texts = [flat(b.text) for b in document.blocks]
        block_docs = []
        for block, doc in zip(document.blocks, extractor.nlp.pipe(texts)):
            block_docs.append(BlockDoc(block, doc))
        ctx = DocumentContext(document, block_docs, knowledge, finder)
        model_docs = list(nlp_model.pipe(texts))

        # the page's sentences in order: (file start, file end, block position, the sentence span)
        sentences = []
        for pos, bd in enumerate(block_docs):
            base = bd.block.start
            for s in bd.doc.sents:
                sentences.append((base + s.start_char, base + s.end_char, pos, s))

        # candidates of each finder, per block position: (file start, file end, key)
        def spans_of(pos: int) -> dict:
            bd, mdoc = block_docs[pos], model_docs[pos]
            base = bd.block.start
            found = {
                "checker MentionFinder": [(base + s.start_char, base + s.end_char, s.text)
                                          for s in finder.find(bd.doc)],
                "checker mentions (DocumentContext)": [(base + m.start, base + m.end, m.text)
                                                       for m in ctx.mentions(bd.block.index)],
                "sm noun_chunks": [], "sm noun_chunks, leading DET/ADJ.. stripped": [], "sm entities": [],
                "sm any suffix of a chunk (bound)": [],
            }
            for chunk in mdoc.noun_chunks:
                found["sm noun_chunks"].append((base + chunk.start_char, base + chunk.end_char, chunk.text))
                for v in chunk_variants(chunk):
                    found["sm noun_chunks, leading DET/ADJ.. stripped"].append(
                        (base + v.start_char, base + v.end_char, v.text))
                for i in range(chunk.start, chunk.end):
                    v = mdoc[i:chunk.end]
                    found["sm any suffix of a chunk (bound)"].append(
                        (base + v.start_char, base + v.end_char, v.text))
            for ent in mdoc.ents:
                found["sm entities"].append((base + ent.start_char, base + ent.end_char, ent.text))
            return found

        per_block = {}
        for c in by_path[path]:
            gold_key = key(c.subject) if c.subject else ""
            inside = [i for i, (s, e, _p, _sp) in enumerate(sentences) if s < c.end and e > c.start]
            if not inside or not gold_key:
                rows.append({"set": c.set, "id": c.id, "eligible": False, "why": "no sentence" if not inside else
                             "no subject"})
                continue
            window = sentences[max(0, inside[0] - args.before): inside[-1] + 1]
            written = None
            n_gold = len(gold_key.split())
            for s, e, pos, sent in window:
                toks = list(sent)
                for i in range(len(toks)):
                    for j in range(i + 1, min(len(toks), i + n_gold + 5) + 1):
                        span = sent.doc[toks[i].i:toks[j - 1].i + 1]
                        if key(span.text) == gold_key:
                            written = span.text
                            break
                    if written:
                        break
                if written:
                    break
            row = {"set": c.set, "id": c.id, "subject": c.subject, "key": gold_key, "quote": c.quote,
                   "eligible": written is not None, "written": written}
            if written is not None:
                ranges = [(s, e) for s, e, _p, _sp in window]
                gold_resolved = resolved(c.subject)
                hits, hits_resolved, keys = {}, {}, {}
                for pos in sorted({p for _s, _e, p, _sp in window}):
                    if pos not in per_block:
                        per_block[pos] = spans_of(pos)
                    for finder_name, spans in per_block[pos].items():
                        hits.setdefault(finder_name, False)
                        hits_resolved.setdefault(finder_name, False)
                        keys.setdefault(finder_name, set())
                        for s, e, text in spans:
                            if not any(s < we and e > ws for ws, we in ranges):
                                continue
                            keys[finder_name].add(key(text))
                            if key(text) == gold_key:
                                hits[finder_name] = True
                            if resolved(text) == gold_resolved:
                                hits_resolved[finder_name] = True
                row["hits"] = hits
                row["hits_resolved"] = hits_resolved
                row["keys"] = {name: sorted(k for k in found if k) for name, found in keys.items()}
            rows.append(row)

    finders = ["checker MentionFinder", "checker mentions (DocumentContext)", "sm noun_chunks",
               "sm noun_chunks, leading DET/ADJ.. stripped", "sm entities", "sm any suffix of a chunk (bound)"]
    combos = {
        "sm chunks (stripped) + entities": ("sm noun_chunks, leading DET/ADJ.. stripped", "sm entities"),
        "checker mentions + sm chunks (stripped)": ("checker mentions (DocumentContext)",
                                                    "sm noun_chunks, leading DET/ADJ.. stripped"),
        "checker mentions + sm chunks (stripped) + entities": ("checker mentions (DocumentContext)",
                                                               "sm noun_chunks, leading DET/ADJ.. stripped",
                                                               "sm entities"),
    }
    sets = list(GOLD_SETS) + ["all"]
    print(f"window: the quote's sentences and the {args.before} sentence(s) before; "
          f"recall = eligible claims whose gold subject key is among the finder's span keys in the window")
    print()
    counts = {}
    for name in sets:
        mine = [r for r in rows if name == "all" or r["set"] == name]
        counts[name] = (len(mine), sum(r["eligible"] for r in mine))
    for field, title in (("hits", "span key = gold subject_key"),
                         ("hits_resolved", "span = gold subject as checker.evaluate.same_subject judges "
                                           "(lexicon aliases and abbreviations resolved first)")):
        print(f"{title}:")
        print()
        print("| finder | " + " | ".join(f"{n} ({counts[n][1]}/{counts[n][0]} eligible)" for n in sets) + " |")
        print("|---|" + "---|" * len(sets))
        for label in finders + list(combos):
            cells = []
            for name in sets:
                mine = [r for r in rows if r["eligible"] and (name == "all" or r["set"] == name)]
                parts = combos.get(label, (label,))
                hit = sum(any(r[field][p] for p in parts) for r in mine)
                cells.append(f"{hit / len(mine):6.1%} ({hit})" if mine else "n/a")
            print(f"| {label} | " + " | ".join(cells) + " |")
        print()

    print("distinct candidates (span keys) a finder puts in an eligible claim's window, mean over the eligible "
          "claims of all sets: the fewer, the less the later choice of one subject has to undo")
    print()
    eligible = [r for r in rows if r["eligible"]]
    print("| finder | candidates per window (mean) | median |")
    print("|---|---|---|")
    for label in finders + list(combos):
        parts = combos.get(label, (label,))
        sizes = sorted(len(set().union(*(r["keys"][p] for p in parts))) for r in eligible)
        if sizes:
            print(f"| {label} | {sum(sizes) / len(sizes):.1f} | {sizes[len(sizes) // 2]} |")
    print()
    cm, ch = "checker mentions (DocumentContext)", "sm noun_chunks, leading DET/ADJ.. stripped"
    only_model = [r for r in eligible if r["hits"][ch] and not r["hits"][cm]]
    only_checker = [r for r in eligible if r["hits"][cm] and not r["hits"][ch]]
    neither = [r for r in eligible if not any(r["hits"][p] for p in finders[:5])]
    print()
    print(f"eligible claims: {len(eligible)}; only sm chunks hit: {len(only_model)}; only checker hits: "
          f"{len(only_checker)}; no finder but the suffix bound hits: {len(neither)}")
    for title, group in (("hit by sm noun chunks only", only_model), ("hit by checker only", only_checker),
                         ("hit by neither", neither)):
        print(f"\n{title} (first {args.examples} by id):")
        for r in sorted(group, key=lambda r: (r["set"], r["id"]))[: args.examples]:
            print(f"  {r['set']}/{r['id']}: subject {r['subject']!r} written {r['written']!r}: {r['quote'][:110]!r}")
    print()
    print(versions())
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
