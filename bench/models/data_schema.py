"""Data-file schemas: what checker's validation of its YAML data files costs and what it tells a person.

checker declares the schemas with pydantic (``checker/knowledge/schema.py``, ``checker/quantities/schema.py``,
``checker/quantities/health.py``); its own code is the YAML loader that remembers each key's line
(``checker/knowledge/yamlio.py``: pydantic knows no source positions) and the wording of the first error as
``path:line: what``. This prints, for each packaged data file, the CPU milliseconds of PyYAML's plain
``safe_load``, of checker's line-keeping loader and of the pydantic validation (median of ``--repeats``),
then the message a person gets for a few typical mistakes written into a copy of the files.

    python bench/models/data_schema.py [--repeats 20]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, cpu_seconds, median, versions  # noqa: E402

DATA = ROOT / "checker" / "data"

# (file, text to find, what to put instead, the mistake)
MISTAKES = [
    ("cues.yaml", "relief_duration:\n    takes: [time]", "relief_duration:\n    take: [time]",
     "a misspelt key (take for takes)"),
    ("cues.yaml", '"pain relief": 2.5', '"pain relief": 25', "a cue weight out of range"),
    ("cues.yaml", "takes: [time]", "takes: [times]", "a value outside the allowed words"),
    ("subjects.yaml", "subjects:\n", "subjects:\n  Migraine Surgery: {aliases: []}\n",
     "a canonical name in capitals"),
    ("subjects.yaml", "subjects:\n", "subjects:\n  migraine surgery: {aliases: [\"\"]}\n", "an empty alias"),
    ("quantities.yaml", "units:", "unitz:", "a misspelt section"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args(argv)

    import yaml

    from checker.errors import DataFileError
    from checker.knowledge import load_knowledge
    from checker.knowledge.schema import validate
    from checker.knowledge.yamlio import load_yaml
    from checker.quantities.health import load_health_vocabulary
    from checker.quantities.schema import validate_quantities_file
    from checker.quantities.vocabulary import load_vocabulary

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    print(f"CPU milliseconds per load, medians of {args.repeats} (PyYAML {yaml.__version__}, "
          f"plain loader {loader.__name__}):")
    print()
    print("| file | KB | yaml.load (plain) | checker load_yaml (keeps lines) | pydantic validation |")
    print("|---|---|---|---|---|")
    for path in sorted(DATA.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        raw = load_yaml(path)
        if path.name == "quantities.yaml":
            check = lambda raw=raw, path=path: validate_quantities_file(str(path), raw)  # noqa: E731
        elif path.name == "health_quantities.yaml":
            check = None  # validated inside load_health_vocabulary, with the vocabulary built after it
        else:
            check = lambda raw=raw, path=path: validate(str(path), raw)  # noqa: E731
        t_plain = median([cpu_seconds(lambda: yaml.load(text, Loader=loader))[0] for _ in range(args.repeats)])
        t_lines = median([cpu_seconds(lambda: load_yaml(path))[0] for _ in range(args.repeats)])
        t_check = median([cpu_seconds(check)[0] for _ in range(args.repeats)]) if check else None
        print(f"| {path.name} | {len(text.encode()) / 1024:.0f} | {t_plain * 1000:.1f} | {t_lines * 1000:.1f} | "
              f"{'%.1f' % (t_check * 1000) if t_check is not None else 'inside its loader'} |")

    print()
    print("what a person is told for a mistake in a copy of the data files:")
    print()
    with tempfile.TemporaryDirectory() as tmp:
        for name, old, new, what in MISTAKES:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(DATA, tmp)
            path = Path(tmp) / name
            text = path.read_text(encoding="utf-8")
            if old not in text:
                print(f"- {what}: (the text to change is no longer in {name}; skipped)")
                continue
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            try:
                if name == "quantities.yaml":
                    load_vocabulary(path)
                elif name == "health_quantities.yaml":
                    load_health_vocabulary(path)
                else:
                    load_knowledge([str(Path(tmp) / n) for n in ("subjects.yaml", "cues.yaml", "entities.yaml",
                                                               "populations.yaml")])
                message = "(no error)"
            except DataFileError as exc:
                message = str(exc).replace(tmp, "data")
            print(f"- {what}: `{message}`")
    print()
    import pydantic

    print(versions() + f", pydantic {pydantic.VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
