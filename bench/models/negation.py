"""Negation: which gold claims does checker's rule mark negated, and which do NegEx (negspacy) and
ConText (medspaCy) mark negated, with the claim's value as the target span?

For every claim of the development gold sets (seeds, pain-dev, pain-heldout, web-1, web-2, medquad: those of
tests/data/tools/score_all.py; never the sealed ones):

- checker: the claims ``Extractor.extract_documents`` returns for the page (before normalize turns a
  negated value around); the one whose value overlaps the gold value most; its ``negated`` flag
  (``checker.extract.modality``). A gold claim with no extracted claim there counts as not negated.
- negspacy (if importable): ``spacy.blank("en")`` + sentencizer + ``negex`` with ``span_keys``
  (negspacy 1.1 reads any span group, so no NER is needed), the gold value as the one target span of
  its block, termsets ``en_clinical`` and ``en``.
- medspaCy ConText (if importable; it pins spaCy < 3.8 on Python 3.11, so it runs in a virtualenv of
  its own): ``spacy.blank("en")`` + sentencizer + ``medspacy_context`` with its default rules, the gold
  value as the one entity of its block, ``is_negated``.

Prints the counts per set, the agreement with checker, and the disagreements (the trigger each
library found where it tells) for a hand spot check.

    python bench/models/negation.py [--show 40] [--spot 20] [--only negspacy|context] [--json FILE] [--merge FILE]

medspaCy 1.3.1 pins spaCy < 3.8, so it runs in a virtualenv of its own and the two runs are merged:

    /tmp/medvenv/bin/python bench/models/negation.py --only context --no-checker --json /tmp/negation-context.json
    /tmp/modelsvenv/bin/python bench/models/negation.py --merge /tmp/negation-context.json
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import GOLD_SETS, flat, gold_claims, versions  # noqa: E402


def checker_flags(claims) -> dict:
    """gold id -> (negated, matched) from checker's extraction."""
    from checker.extract import Extractor
    from checker.read import read_document

    extractor = Extractor()
    by_path = defaultdict(list)
    for c in claims:
        by_path[c.path].append(c)
    out = {}
    for path, mine in by_path.items():
        document = read_document(path)
        predicted = extractor.extract_documents([document])[document.source]
        for c in mine:
            vs, ve = c.value_span
            best, overlap = None, 0
            for p in predicted:
                o = min(ve, p.value_end) - max(vs, p.value_start)
                if o > overlap:
                    best, overlap = p, o
            out[c.id] = (bool(best and best.negated), best is not None)
    return out


def target_docs(nlp, claims):
    """(gold claim, doc of its block with the sentencizer run, the value's span) for each claim."""
    from checker.read import read_document

    by_path = defaultdict(list)
    for c in claims:
        by_path[c.path].append(c)
    for path, mine in by_path.items():
        document = read_document(path)
        for c in mine:
            vs, ve = c.value_span
            block = next((b for b in document.blocks if b.start <= vs < b.start + len(b.text)), None)
            if block is None:
                yield c, None, None
                continue
            doc = nlp.make_doc(flat(block.text))
            for _name, proc in nlp.pipeline:
                if _name == "sentencizer":
                    doc = proc(doc)
            span = doc.char_span(vs - block.start, min(ve, block.start + len(block.text)) - block.start,
                                 label="VALUE", alignment_mode="expand")
            yield c, doc, span


def negspacy_flags(claims, termset_name: str) -> dict:
    import spacy
    from negspacy.negation import Negex  # noqa: F401  (registers the "negex" factory)
    from negspacy.termsets import termset

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    negex = nlp.add_pipe("negex", config={"neg_termset": termset(termset_name).get_patterns(),
                                          "span_keys": ["targets"]})
    out = {}
    for c, doc, span in target_docs(nlp, claims):
        if span is None:
            out[c.id] = (False, "")
            continue
        doc.spans["targets"] = [span]
        negex(doc)
        target = doc.spans["targets"][0]
        trigger = ""
        if target._.negex:
            pre, fol, _term = negex.process_negations(doc)
            sent = target.sent
            trig = [doc[s:e].text for _m, s, e in pre if sent.start <= s < target.start] + \
                   [doc[s:e].text for _m, s, e in fol if target.end <= s < sent.end]
            trigger = ", ".join(trig)
        out[c.id] = (bool(target._.negex), trigger)
    return out


def context_flags(claims, max_scope=None) -> dict:
    import spacy
    import medspacy  # noqa: F401  (registers the component factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    context = nlp.add_pipe("medspacy_context", config={"max_scope": max_scope})
    out = {}
    for c, doc, span in target_docs(nlp, claims):
        if span is None:
            out[c.id] = (False, "")
            continue
        doc.ents = [span]
        context(doc)
        ent = doc.ents[0]
        trig = [doc[m.modifier_span[0]:m.modifier_span[1]].text for m in ent._.modifiers
                if m.category == "NEGATED_EXISTENCE"]
        out[c.id] = (bool(ent._.is_negated), ", ".join(trig))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=10, help="disagreements to print per library (random, seed 0)")
    ap.add_argument("--spot", type=int, default=20,
                    help="claims drawn at random (seed 1) among those where any method disagrees with checker, "
                         "with every method's flag, for judging by hand")
    ap.add_argument("--json", help="also write the per-claim flags here")
    ap.add_argument("--only", choices=["negspacy", "context"], action="append",
                    help="run only these libraries (repeatable; default: every one importable here)")
    ap.add_argument("--merge", action="append", default=[],
                    help="add the flags of another run's --json (medspaCy runs in a virtualenv of its own); "
                         "its checker flags are compared with this run's")
    ap.add_argument("--no-checker", action="store_true",
                    help="only the libraries' flags, written to --json (checker needs spaCy 3.8, medspaCy 1.3.1 "
                         "spaCy < 3.8, so the ConText run goes without it)")
    ap.add_argument("--judged", default=str(Path(__file__).resolve().parent / "negation_judged.tsv"),
                    help="hand labels of the disagreements (claim, N/P/C): each method is scored on them")
    args = ap.parse_args(argv)
    wanted = set(args.only or ["negspacy", "context"])

    claims = gold_claims()
    flags: dict = {}
    unmatched = 0
    if not args.no_checker:
        ck = checker_flags(claims)
        flags["checker"] = {k: (v[0], "") for k, v in ck.items()}
        unmatched = sum(1 for v in ck.values() if not v[1])
    elif not args.json:
        ap.error("--no-checker needs --json")
    problems = []
    if "negspacy" in wanted:
        try:
            flags["negspacy en_clinical"] = negspacy_flags(claims, "en_clinical")
            flags["negspacy en"] = negspacy_flags(claims, "en")
        except ImportError as exc:
            problems.append(f"negspacy: not importable here ({exc})")
    if "context" in wanted:
        try:
            flags["medspaCy ConText"] = context_flags(claims)
            # the same with a modifier's scope cut to 6 tokens, about checker's NEGATION_WINDOW
            flags["medspaCy ConText, max_scope=6"] = context_flags(claims, max_scope=6)
        except ImportError as exc:
            problems.append(f"medspaCy: not importable here ({exc})")
    if args.no_checker:
        out = {m: {k: list(v) for k, v in f.items()} for m, f in flags.items()}
        out["_versions"] = versions()
        Path(args.json).write_text(json.dumps(out, indent=0))
        for p in problems:
            print(p)
        print(f"{', '.join(flags)}: flags of {len(claims)} gold claims written to {args.json}; {versions()}")
        return 0 if flags else 1
    for name in args.merge:
        other = json.loads(Path(name).read_text(encoding="utf-8"))
        theirs = {k: tuple(v) for k, v in other.pop("checker", {}).items()}
        problems.append(f"merged from {name}: {', '.join(m for m in other if not m.startswith('_'))} "
                        f"({other.get('_versions', 'versions not recorded')})")
        if theirs:
            differ = sum(1 for k, v in flags["checker"].items() if k in theirs and theirs[k][0] != v[0])
            problems.append(f"{name}: checker's flags there differ from this run's on {differ} of "
                            f"{len(theirs)} claims")
        for method, f in other.items():
            if method.startswith("_"):
                continue
            if method not in flags:
                flags[method] = {k: tuple(v) for k, v in f.items()}

    sets = list(GOLD_SETS) + ["all"]
    print(f"{len(claims)} gold claims; checker extracted no claim at the gold value for {unmatched} of them "
          f"(counted as not negated)")
    for p in problems:
        print(p)
    print()
    print("claims marked negated:")
    print()
    print("| method | " + " | ".join(f"{s} ({sum(1 for c in claims if s in ('all', c.set))})" for s in sets)
          + " | agree with checker (all) | both negated | only checker | only this |")
    print("|---|" + "---|" * (len(sets) + 4))
    for method, f in flags.items():
        cells = [str(sum(1 for c in claims if s in ("all", c.set) and f[c.id][0])) for s in sets]
        agree = sum(1 for c in claims if f[c.id][0] == flags["checker"][c.id][0])
        both = sum(1 for c in claims if f[c.id][0] and flags["checker"][c.id][0])
        only_c = sum(1 for c in claims if flags["checker"][c.id][0] and not f[c.id][0])
        only_m = sum(1 for c in claims if f[c.id][0] and not flags["checker"][c.id][0])
        print(f"| {method} | " + " | ".join(cells) + f" | {agree} ({agree / len(claims):.1%}) | {both} | {only_c} | "
              f"{only_m} |")

    rng = random.Random(0)
    for method, f in flags.items():
        if method == "checker":
            continue
        diff = [c for c in claims if f[c.id][0] != flags["checker"][c.id][0]]
        shown = sorted(rng.sample(diff, min(args.show, len(diff))), key=lambda c: (c.set, c.id))
        print(f"\n{method} vs checker: {len(diff)} disagreements; {len(shown)} drawn at random (seed 0):")
        for c in shown:
            who = f"{method} only" if f[c.id][0] else "checker only"
            trig = f" [trigger: {f[c.id][1]}]" if f[c.id][1] else ""
            print(f"  {who}: {c.set}/{c.id} value {c.value_text!r}{trig}\n      {c.quote[:220]!r}")
    # spot check: distinct (quote, value) pairs where some method disagrees with checker; every one that
    # checker marks negated and a library does not, then a random draw (seed 1) of the others
    names = list(flags)
    seen, checker_only, library_only = set(), [], []
    for c in claims:
        marks = [flags[m][c.id][0] for m in names]
        if len(set(marks)) == 1 or (c.quote, c.value_text) in seen:
            continue
        seen.add((c.quote, c.value_text))
        (checker_only if marks[0] else library_only).append(c)
    judged = {}
    if args.judged and Path(args.judged).is_file():
        for line in Path(args.judged).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "claim\t")):
                cid, label = line.split("\t")[:2]
                judged[cid] = label
    if judged:
        reps = checker_only + library_only
        labels = {f"{c.set}/{c.id}": judged.get(f"{c.set}/{c.id}") for c in reps}
        missing = [k for k, v in labels.items() if v is None]
        n_neg = sum(1 for v in labels.values() if v == "N")
        n_pos = sum(1 for v in labels.values() if v == "P")
        print(f"\nscored against the hand labels of {args.judged} on the {len(reps)} distinct claims where the "
              f"methods disagree (on every other claim they all agree, so the differences in errors are all here): "
              f"{n_neg} negated (N), {n_pos} not (P), {sum(1 for v in labels.values() if v == 'C')} with the "
              f"negation inside the gold value (C, not scored), {len(missing)} not judged"
              f"{' (' + ', '.join(missing[:8]) + ')' if missing else ''}:")
        print()
        print("| method | N flagged | N missed | P flagged (false) | errors | precision | recall |")
        print("|---|---|---|---|---|---|---|")
        for m in names:
            tp = sum(1 for c in reps if labels[f"{c.set}/{c.id}"] == "N" and flags[m][c.id][0])
            fp = sum(1 for c in reps if labels[f"{c.set}/{c.id}"] == "P" and flags[m][c.id][0])
            fn = n_neg - tp
            prec = f"{tp / (tp + fp):.0%}" if tp + fp else "n/a"
            rec = f"{tp / n_neg:.0%}" if n_neg else "n/a"
            print(f"| {m} | {tp} | {fn} | {fp} | {fn + fp} | {prec} | {rec} |")
        if "checker" in flags and not args.no_checker:
            no_claim = [f"{c.set}/{c.id}" for c in reps if labels[f"{c.set}/{c.id}"] == "N"
                        and not flags["checker"][c.id][0] and not ck[c.id][1]]
            print(f"(precision and recall over the disagreements only; claims all methods flag alike are left out. "
                  f"Of checker's missed N, {len(no_claim)} have no checker claim at the value at all"
                  f"{': ' + ', '.join(no_claim) if no_claim else ''}; there a flag could change nothing.)")
    drawn = checker_only[: args.spot]
    drawn += random.Random(1).sample(library_only, min(len(library_only), args.spot - len(drawn)))
    print(f"\nspot check: {len(drawn)} distinct disagreements with checker ({len(checker_only)} where checker says "
          f"negated and a library does not, all shown; {len(drawn) - len(checker_only[: args.spot])} of "
          f"{len(library_only)} the other way, drawn at random, seed 1); N = negated, in the order "
          f"{', '.join(names)}:")
    for c in drawn:
        marks = "".join("N" if flags[m][c.id][0] else "." for m in names)
        trig = "; ".join(f"{m}: {flags[m][c.id][1]}" for m in names[1:] if flags[m][c.id][1])
        print(f"  {marks} {c.set}/{c.id} value {c.value_text!r}{' [' + trig + ']' if trig else ''}\n"
              f"        {c.quote[:220]!r}")
    print()
    print(versions())
    if args.json:
        out = {m: {k: list(v) for k, v in f.items()} for m, f in flags.items()}
        out["_versions"] = versions()
        Path(args.json).write_text(json.dumps(out, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
