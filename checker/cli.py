"""The ``checker`` command: parse arguments, call the library, render, set the exit code.

Exit codes (a contract): 0 clean; 1 conflicts at or above ``--fail-on``; 2 usage, configuration or
input error. ``main(argv)`` returns the code, so tests call it in-process.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Optional

from . import __version__
from .config import Config, load_config
from .decisions import (DecisionFile, apply_decisions, decide, in_baseline, is_accepted, is_rejected,
                        load_baseline, resolve_id)
from .errors import CheckerError, UsageError, display
from .model import SEVERITIES, CheckResult, severity_rank
from .reporters import CLAIM_REPORTERS, REPORT_FILES, REPORTERS, ReportOptions, error_location
from .rules import RULES
from .store import atomic_write, writable_file, writable_folder

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage and exits 2; we want the code back in main()
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="checker", description="Find quantitative claims in health documents and report where they disagree.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    p.add_argument("--config", help="configuration file (default: checker.toml or [tool.checker] in pyproject.toml)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def common(sp, decisions: bool = False):
        sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: sources/)")
        sp.add_argument("--store", help="claim store folder to reuse and update (default for report: claims/)")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress or notes on stderr")
        if decisions:
            sp.add_argument("--decisions", help="reviewer decisions file (default: claims/decisions.json)")

    r = sub.add_parser("report", help="batch report: write claims/ and reports/")
    common(r, decisions=True)
    r.add_argument("--out", help="report folder (default: reports/)")
    r.add_argument("--generated", help="a timestamp to print in the reports (none by default: reports are byte-stable)")

    c = sub.add_parser("check", help="check for conflicts; exit 1 when there are some")
    common(c, decisions=True)
    c.add_argument("--format", choices=sorted(REPORTERS), default="text")
    c.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    c.add_argument("--baseline", help="conflicts file from `checker baseline`: only new conflicts count")
    c.add_argument("--changed", nargs="+", metavar="FILE", help="report only conflicts that involve these files")
    c.add_argument("--since", metavar="GIT_REF", help="report only conflicts that involve files changed since GIT_REF "
                                                     "(git diff --name-only GIT_REF, plus untracked files)")
    c.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when conflicts are found")

    b = sub.add_parser("baseline", help="record the current conflicts so that `check --baseline` fails only on new ones")
    common(b)
    b.add_argument("--output", "-o", help="baseline file (default: the configured baseline, else checker-baseline.json)")

    rv = sub.add_parser("review", help="record a reviewer's decision on a conflict (claims/decisions.json)")
    rv.add_argument("action", choices=("accept", "reject", "reset"),
                    help="accept: the difference is intended, do not fail on it; reject: a confirmed problem, "
                         "always fail; reset: forget the decision")
    rv.add_argument("id", metavar="ID", help="conflict id (as printed by `checker check`; a unique prefix will do)")
    common(rv, decisions=True)
    rv.add_argument("--note", default="", help="why: shown in every report next to the conflict")

    cl = sub.add_parser("claims", help="list the extracted claims")
    common(cl)
    cl.add_argument("--format", choices=sorted(CLAIM_REPORTERS), default="table")

    e = sub.add_parser("eval", help="accuracy against a gold annotation folder")
    common(e)
    e.add_argument("--gold", required=True, help="gold folder with claims.jsonl, conflicts.jsonl, consistent.jsonl")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--only-gold-sources", action="store_true",
                   help="read only the files the gold names, found in the given folders (a gold set that points "
                        "into a large corpus)")

    ru = sub.add_parser("rules", help="list the conflict rules and their documentation")
    ru.add_argument("code", nargs="?", help="one rule code")
    return p


def _progress(enabled: bool):
    """A progress bar on stderr, only for a person watching a terminal: CI logs and pipes stay clean."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, stage: str = "reading") -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r{stage:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _run_check(args, config: Config, store: Optional[str], write_store: bool) -> CheckResult:
    from .pipeline import check

    paths = args.paths or list(config.paths)
    result = check(paths, config, store=store, write_store=write_store, progress=_progress(not args.quiet))
    for note in result.notes:
        _note(args, f"checker: note: {display(note.source)}: {note.message}")
    return result


def _existing_store(args, config: Config) -> Optional[str]:
    """--store, else the configured store folder (claims/) when it exists: changed-files mode and
    review reuse the claims of unchanged sources instead of extracting the whole corpus again."""
    if args.store:
        return args.store
    return config.store if Path(config.store).is_dir() else None


def _decisions_file(args, config: Config, must_exist: bool = True) -> DecisionFile:
    """The decisions file; one named with --decisions must exist, unless a decision is being recorded
    (a typo must not pass as "no decisions")."""
    named = getattr(args, "decisions", None)
    if named and must_exist and not Path(named).is_file():
        raise UsageError(f"{display(named)}: decisions file not found")
    return DecisionFile(named or Path(config.store) / "decisions.json")


def _existing_files(names: list, option: str) -> list:
    """The files named by ``option``; one that does not exist is a usage error, not a clean run."""
    for name in names:
        if not Path(name).exists():
            raise UsageError(f"{display(name)}: no such file (given to {option})")
    return names


def _writable_outputs(args) -> None:
    """--output and --store checked before the run: a path that cannot be written is an error now,
    not after the whole corpus was read."""
    if args.output:
        writable_file(args.output)
    if args.store:
        writable_folder(args.store)


def _write_or_print(text: str, output: Optional[str]) -> None:
    if output:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)


def _gate(result: CheckResult, fail_on: str) -> int:
    """The exit code: an accepted conflict never fails, a rejected one always does (a reviewer
    confirmed it), any other fails from the ``fail_on`` severity up."""
    if result.errors:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    for conflict in result.conflicts:
        if is_accepted(conflict):
            continue
        if is_rejected(conflict) or severity_rank(conflict.severity) >= threshold:
            return EXIT_CONFLICTS
    return EXIT_CLEAN


def _note(args, text: str) -> None:
    if not getattr(args, "quiet", False):
        sys.stderr.write(text + "\n")


def _notes_for_errors(args, result: CheckResult) -> None:
    for e in result.errors:
        source = display(e.source)  # a newline in a file name must not start a line of its own
        line, text = error_location(source, e.message)
        _note(args, f"checker: error: {source}{f':{line}' if line else ''}: {text}")


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = _parser()
        args, extra = parser.parse_known_args(argv)
        # argparse gives a '*' positional only the words before the first option, so the PATHs of
        # `checker review accept ID --note "..." sources` would be "unrecognized"; they are PATHs.
        if extra and hasattr(args, "paths") and not any(e.startswith("-") for e in extra):
            args.paths = list(args.paths) + extra
        elif extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        if not args.command:
            raise UsageError("checker: a command is required (report, check, claims, eval, baseline, review, rules); "
                             "see --help")
        config = load_config(".", args.config)
        return COMMANDS[args.command](args, config)
    except CheckerError as exc:
        sys.stderr.write(f"checker: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # noqa: BLE001 - the exit code is a contract: 1 means conflicts, never a crash
        if os.environ.get("CHECKER_DEBUG"):
            raise
        sys.stderr.write(f"checker: error: internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); "
                         f"set CHECKER_DEBUG=1 for the traceback\n")
        return EXIT_ERROR


def _cmd_rules(args, config: Config) -> int:
    codes = [args.code.upper()] if args.code else sorted(RULES)
    for code in codes:
        if code not in RULES:
            raise UsageError(f"unknown rule code {code!r} (known: {', '.join(sorted(RULES))})")
        rule = RULES[code]
        sys.stdout.write(f"{code} {rule.name}\n{rule.doc}\n\n")
    return EXIT_CLEAN


def _cmd_report(args, config: Config) -> int:
    store = args.store or config.store
    out = Path(args.out or config.out)
    decisions = _decisions_file(args, config).load()  # a bad decisions file fails before the long run
    writable_folder(out)  # so does a report or store path that cannot be written
    writable_folder(store)
    config = dataclasses.replace(config, out=out.as_posix(), store=store)  # neither is read as pages
    result = apply_decisions(_run_check(args, config, store, write_store=True), decisions)
    options = ReportOptions(generated=args.generated)
    for name, reporter in REPORT_FILES.items():
        atomic_write(out / name, reporter(result, options))
    _notes_for_errors(args, result)
    _note(args, f"checker: {len(result.claims)} claims from {len(result.sources)} sources "
                f"({len(result.extracted)} extracted, {len(result.sources) - len(result.extracted)} from {store}/); "
                f"{len(result.conflicts)} conflicts; wrote {store}/ and {out.as_posix()}/ "
                f"({', '.join(REPORT_FILES)})")
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _cmd_check(args, config: Config) -> int:
    from .pipeline import changed_since, only_changed

    changed: Optional[list] = None
    if args.changed or args.since:
        changed = _existing_files(list(args.changed or []), "--changed") + (changed_since(args.since) if args.since else [])
    _writable_outputs(args)
    baseline_path = args.baseline or config.baseline
    baseline = load_baseline(baseline_path) if baseline_path else {}
    decisions = _decisions_file(args, config).load()
    if changed is not None:
        # judged against the whole corpus, but only the changed sources are extracted again
        store = _existing_store(args, config)
        result = _run_check(args, config, store, write_store=bool(store))
        result = only_changed(result, changed)
    else:
        result = _run_check(args, config, args.store, write_store=bool(args.store))
    result = apply_decisions(result, decisions)
    if baseline:
        # a rejected conflict stays: a reviewer confirmed it is a problem, whatever the baseline says
        known = {c.id for c in result.conflicts if in_baseline(c, baseline) and not is_rejected(c)}
        if known:
            result = dataclasses.replace(result, conflicts=tuple(c for c in result.conflicts if c.id not in known))
            _note(args, f"checker: {len(known)} known conflict{'s' if len(known) != 1 else ''} "
                        f"in the baseline {baseline_path} not shown")
    _write_or_print(REPORTERS[args.format](result, ReportOptions()), args.output)
    if args.format != "text" or args.output:
        _notes_for_errors(args, result)
    code = _gate(result, args.fail_on or config.fail_on)
    if args.exit_zero and code == EXIT_CONFLICTS:
        return EXIT_CLEAN
    return code


def _cmd_baseline(args, config: Config) -> int:
    output = args.output or config.baseline or "checker-baseline.json"
    writable_file(output)
    result = _run_check(args, config, args.store, write_store=False)
    atomic_write(output, REPORTERS["json"](result, ReportOptions()))
    _notes_for_errors(args, result)
    _note(args, f"checker: recorded {len(result.conflicts)} conflicts in {output}")
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _cmd_review(args, config: Config) -> int:
    file = _decisions_file(args, config, must_exist=False)
    decisions = file.load()
    writable_file(file.path)
    if args.action == "reset":
        # no run needed: a decision can be forgotten even when its conflict is gone
        known = resolve_id(args.id, decisions)
        if known is None:
            raise UsageError(f"no decision for conflict id {args.id!r} in {file.path.as_posix()}")
        del decisions[known]
        file.save(decisions)
        _say(args, f"checker: forgot the decision on {known} in {file.path.as_posix()}")
        return EXIT_CLEAN
    store = _existing_store(args, config)
    result = _run_check(args, config, store, write_store=bool(store))
    by_id = {c.id: c for c in result.conflicts}
    known = resolve_id(args.id, by_id)
    if known is None:
        raise UsageError(f"unknown conflict id {args.id!r}: no current conflict has it "
                         f"(`checker check` prints the ids of the {len(by_id)} current conflicts)")
    conflict = by_id[known]
    status = {"accept": "accepted", "reject": "rejected"}[args.action]
    decisions[known] = decide(conflict, status, args.note)
    file.save(decisions)
    _say(args, f"checker: {status} {known} ({conflict.subject}, {conflict.attribute.replace('_', ' ')}) "
               f"in {file.path.as_posix()}")
    return EXIT_CLEAN


def _say(args, text: str) -> None:
    if not args.quiet:
        sys.stdout.write(text + "\n")


def _cmd_claims(args, config: Config) -> int:
    result = _run_check(args, config, args.store, write_store=False)
    sys.stdout.write(CLAIM_REPORTERS[args.format](result, ReportOptions()))
    _notes_for_errors(args, result)
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _cmd_eval(args, config: Config) -> int:
    from .evaluate import GoldSet, evaluate

    gold = GoldSet.load(args.gold)
    if args.only_gold_sources:
        folders = args.paths or list(config.paths)
        names = sorted({Path(c["source"]).name for c in gold.claims} | set(gold.sources))
        args.paths = [str(Path(folder) / name) for folder in folders for name in names
                      if (Path(folder) / name).is_file()]
        if not args.paths:
            raise UsageError(f"{args.gold}: none of the gold's sources is in {', '.join(folders)}")
    result = _run_check(args, config, args.store, write_store=False)
    evaluation = evaluate(gold, result)
    if args.json:
        sys.stdout.write(json.dumps(evaluation.to_json(), indent=2) + "\n")
    else:
        sys.stdout.write(evaluation.to_text())
    return EXIT_ERROR if result.errors else EXIT_CLEAN


COMMANDS = {"rules": _cmd_rules, "report": _cmd_report, "check": _cmd_check, "baseline": _cmd_baseline,
            "review": _cmd_review, "claims": _cmd_claims, "eval": _cmd_eval}


def main_entry() -> None:
    sys.exit(main())
