"""The ``checker`` command: parse arguments, call the library (`checker.api.Checker`), render, set the
exit code.

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
from typing import Any, Callable, Iterable, Iterator, Optional

from . import __version__
from .api import Checker
from .config import Config, describe, load_config
from .decisions import DecisionFile, decide, load_baseline, recorded_from, resolve_id
from .errors import CheckerError, UsageError, display
from .model import SEVERITIES, CheckResult, Conflict
from .pool import default_jobs
from .rules import RULES
from .store import atomic_write, atomic_write_chunks, writable_file, writable_folder

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage and exits 2; we want the code back in main()
        raise UsageError(f"{self.prog}: {message}")


class _Formats:
    """The names of a reporter registry as argparse ``choices``, looked up only when an argument is
    checked or a command's help is printed (with a ``metavar``, argparse does not list them while
    building the parser): importing the reporters costs more than the rest of `checker --help`."""

    def __init__(self, registry: str) -> None:
        self.registry = registry

    def _names(self) -> list[str]:
        from . import report

        return sorted(getattr(report, self.registry))

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


CONFIG_HELP = ("configuration file (default: the nearest checker.toml, or pyproject.toml with [tool.checker], "
               "from the first PATH or the working directory upward)")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="checker", description="Find quantitative claims in health documents and report where they disagree.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    p.add_argument("--config", help=CONFIG_HELP)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    for add in (_add_report, _add_check, _add_baseline, _add_review, _add_claims, _add_explain, _add_eval,
                _add_rules, _add_config, _add_data):
        add(sub)
    return p


def _common(sp: argparse.ArgumentParser, decisions: bool = False) -> None:
    sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the configured paths, sources/)")
    sp.add_argument("--store", help="claim store folder to reuse and update (default for report: claims/)")
    sp.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                    help="processes to extract pages with (default: one per core; 1: in this process)")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress or notes on stderr")
    _config_option(sp)
    if decisions:
        sp.add_argument("--decisions", help="reviewer decisions file (default: claims/decisions.json)")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, 1 or more, not {text!r}")
    return int(text)


def _config_option(sp: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the subcommand it sets args.config; not given, it leaves the value given
    # before the subcommand alone (a subparser's default would overwrite it)
    sp.add_argument("--config", default=argparse.SUPPRESS, help=CONFIG_HELP)


def _add_report(sub) -> None:
    r = sub.add_parser("report", help="batch report: write claims/ and reports/")
    _common(r, decisions=True)
    r.add_argument("--out", help="report folder (default: reports/)")
    r.add_argument("--generated", help="a timestamp to print in the reports (none by default: reports are byte-stable)")
    r.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where to extract and detect: local processes (default), or a Dask cluster (pip install "
                        "'health-claims-checker[dask]'; see docs/scale.md)")
    r.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of an existing cluster (default: a local cluster with "
                        "--jobs workers)")


def _add_check(sub) -> None:
    c = sub.add_parser("check", help="check for conflicts; exit 1 when there are some")
    _common(c, decisions=True)
    c.add_argument("--format", choices=_Formats("REPORTERS"), default="text", metavar="FORMAT",
                   help="output format: %(choices)s (default: text)")
    c.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    c.add_argument("--baseline", help="conflicts file from `checker baseline`: only new conflicts count")
    c.add_argument("--changed", nargs="+", metavar="FILE", help="report only conflicts that involve these files")
    c.add_argument("--since", metavar="GIT_REF", help="report only conflicts that involve files changed since GIT_REF "
                                                     "(git diff --name-only GIT_REF, plus untracked files)")
    c.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when conflicts are found")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in the text format: auto (on a terminal, unless NO_COLOR is set), always, never")
    c.add_argument("--report-url", metavar="URL", help="where the full HTML report is (a CI artifact): linked from "
                                                      "a Markdown summary cut to fit a comment (default: report.html)")


def _add_baseline(sub) -> None:
    b = sub.add_parser("baseline", help="record the current conflicts so that `check --baseline` fails only on new ones")
    _common(b)
    b.add_argument("--output", "-o", help="baseline file (default: the configured baseline, else checker-baseline.json)")


def _add_review(sub) -> None:
    rv = sub.add_parser("review", help="record a reviewer's decision on a conflict (claims/decisions.json)")
    rv.add_argument("action", choices=("accept", "reject", "reset"),
                    help="accept: the difference is intended, do not fail on it; reject: a confirmed problem, "
                         "always fail; reset: forget the decision")
    rv.add_argument("id", metavar="ID", help="conflict id (as printed by `checker check`; a unique prefix will do)")
    _common(rv, decisions=True)
    rv.add_argument("--note", default="", help="why: shown in every report next to the conflict")


def _add_claims(sub) -> None:
    cl = sub.add_parser("claims", help="list the extracted claims")
    _common(cl)
    cl.add_argument("--format", choices=_Formats("CLAIM_REPORTERS"), default="table", metavar="FORMAT",
                    help="output format: %(choices)s (default: table)")
    cl.add_argument("--uncompared", action="store_true",
                    help="only the claims left out of every comparison, each with the reason")


def _add_explain(sub) -> None:
    ex = sub.add_parser("explain", help="one conflict in full: its claims, and the numbers and rule behind the verdict")
    ex.add_argument("id", metavar="ID", help="conflict id (as printed by `checker check`; a unique prefix will do)")
    _common(ex, decisions=True)
    ex.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")


def _add_eval(sub) -> None:
    e = sub.add_parser("eval", help="accuracy against a gold annotation folder")
    _common(e)
    e.add_argument("--gold", required=True, help="gold folder with claims.jsonl, conflicts.jsonl, consistent.jsonl")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--only-gold-sources", action="store_true",
                   help="read only the files the gold names, found in the given folders (a gold set that points "
                        "into a large corpus)")


def _add_rules(sub) -> None:
    ru = sub.add_parser("rules", help="list the conflict rules and their documentation")
    ru.add_argument("code", nargs="?", help="one rule code")
    _config_option(ru)  # accepted everywhere, so that a script can pass it to any command


def _add_config(sub) -> None:
    co = sub.add_parser("config", help="print the resolved settings and where each came from")
    co.add_argument("paths", nargs="*", metavar="PATH", help="find the configuration from here (default: the "
                                                             "working directory)")
    co.add_argument("--json", action="store_true", help="print the settings as JSON")
    _config_option(co)


def _add_data(sub) -> None:
    da = sub.add_parser("data", help="print the packaged data files (to see what an overlay adds to)")
    da.add_argument("action", choices=("dump",), help="dump: print the files")
    da.add_argument("name", nargs="?", metavar="NAME", help="one file, e.g. cues or cues.yaml (default: all)")
    _config_option(da)


def _progress(enabled: bool) -> Optional[Callable[[int, int, str], None]]:
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


def _run_check(args, config: Config, store: Optional[str], write_store: bool, **narrowing: Any) -> CheckResult:
    """`Checker.check_paths` with the command's PATHs (else the configured ones) and progress."""
    jobs = getattr(args, "jobs", None)
    if getattr(args, "engine", "local") == "dask":
        from .dask_engine import DaskEngine

        with DaskEngine.connect(args.scheduler, workers=jobs) as engine:
            return _checked(args, Checker(config, engine=engine), store, write_store, **narrowing)
    if getattr(args, "scheduler", None):
        raise UsageError("--scheduler goes with --engine dask")
    return _checked(args, Checker(config, jobs=jobs or default_jobs()), store, write_store, **narrowing)


def _checked(args, checker: Checker, store: Optional[str], write_store: bool, **narrowing: Any) -> CheckResult:
    result = checker.check_paths(args.paths or None, store=store, write_store=write_store,
                                 progress=_progress(not args.quiet), **narrowing)
    from .report.common import ci_safe

    for note in result.notes:  # skipped files and why, pages not in UTF-8, a damaged claim store
        _note(args, f"checker: note: {ci_safe(note.source)}: {ci_safe(note.message)}")
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


def _writable_outputs(args) -> None:
    """--output and --store checked before the run: a path that cannot be written is an error now,
    not after the whole corpus was read."""
    if args.output:
        writable_file(args.output)
    if args.store:
        writable_folder(args.store)


def _write_or_print(chunks: Iterable[str], output: Optional[str]) -> None:
    """A report's text, given in pieces, to a file (atomically) or to standard output."""
    if output:
        atomic_write_chunks(output, chunks)
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)


def _note(args, text: str) -> None:
    if not getattr(args, "quiet", False):
        sys.stderr.write(text + "\n")


def _notes_for_errors(args, result: CheckResult) -> None:
    from .report import error_location
    from .report.common import ci_safe

    for e in result.errors:
        line, text = error_location(e.source, e.message)
        if text == e.message:  # hostile-input messages name the source as `display` shows it
            line, text = error_location(display(e.source), e.message)
        _note(args, f"checker: error: {ci_safe(e.source)}{f':{line}' if line else ''}: {ci_safe(text)}")


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    # argparse gives a '*' positional only the words before the first option, so the PATHs of
    # `checker review accept ID --note "..." sources` would be "unrecognized"; they are PATHs.
    if extra and hasattr(args, "paths") and not any(e.startswith("-") for e in extra):
        args.paths = list(args.paths) + extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not args.command:
        raise UsageError(f"checker: a command is required ({', '.join(COMMANDS)}); see --help")
    return args


def _config_for(args: argparse.Namespace) -> Config:
    """The configuration found from the first PATH (else the working directory), or --config."""
    if args.command in ("rules", "data"):
        return Config()  # they print what is packaged: a broken configuration must not hide it
    paths = getattr(args, "paths", None)
    return load_config(paths[0] if paths else ".", getattr(args, "config", None))


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(argv)
        return COMMANDS[args.command](args, _config_for(args))
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
    from .report import CHUNKED, REPORT_FILES, ReportOptions

    store = args.store or config.store
    out = Path(args.out or config.out)
    decisions = _decisions_file(args, config).load()  # a bad decisions file fails before the long run
    writable_folder(out)  # so does a report or store path that cannot be written
    writable_folder(store)
    config = dataclasses.replace(config, out=out.as_posix(), store=store)  # neither is read as pages
    result = _run_check(args, config, store, write_store=True, decisions=decisions)
    options = ReportOptions(generated=args.generated)
    for name, reporter in REPORT_FILES.items():
        if reporter in CHUNKED:
            atomic_write_chunks(out / name, CHUNKED[reporter](result, options))  # streamed: flat memory
        else:
            atomic_write(out / name, reporter(result, options))  # text, or bytes (the workbook)
    _notes_for_errors(args, result)
    _note(args, f"checker: {len(result.claims)} claims from {len(result.sources)} sources "
                f"({len(result.extracted)} extracted, {len(result.sources) - len(result.extracted)} from {store}/); "
                f"{_plural(len(result.conflicts), 'conflict')}; wrote {store}/ and {out.as_posix()}/ "
                f"({', '.join(REPORT_FILES)})")
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _cmd_check(args, config: Config) -> int:
    from .pipeline import changed_since
    from .report import REPORTERS, ReportOptions, report_chunks

    changed: Optional[list] = None
    if args.changed or args.since:
        changed = list(args.changed or []) + (changed_since(args.since) if args.since else [])
    _writable_outputs(args)
    baseline_path = args.baseline or config.baseline
    # the baseline and decisions are read first: a bad file fails before the long run
    baseline = load_baseline(baseline_path, config.project_root()) if baseline_path else None
    decisions = _decisions_file(args, config).load()
    # changed-files mode is judged against the whole corpus; the store spares extracting the rest again
    store = _existing_store(args, config) if changed is not None else args.store
    result = _run_check(args, config, store, write_store=bool(store), changed=changed, decisions=decisions,
                        baseline=baseline)
    _note_changed_outside(args, result)
    if result.baselined:
        count = len(result.baselined)
        _note(args, f"checker: {_plural(count, 'known conflict')} in the baseline {baseline_path} not shown")
    options = ReportOptions(color=args.format == "text" and _color(args.color, args.output),
                            report_url=args.report_url or ReportOptions.report_url)
    _write_or_print(report_chunks(REPORTERS[args.format], result, options), args.output)
    if args.format != "text" or args.output:
        _notes_for_errors(args, result)
    return _exit_code(result, args.fail_on or config.fail_on, args.exit_zero)


def _color(choice: str, output: Optional[str]) -> bool:
    """Colour for a person at a terminal: never into a file or a pipe, never when NO_COLOR is set
    (https://no-color.org), unless asked for with --color always."""
    if choice != "auto":
        return choice == "always"
    return not output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _note_changed_outside(args, result: CheckResult) -> None:
    """A --changed file that is not among the checked pages can hold no conflict: say so, since a
    wrong folder would otherwise pass as a clean run."""
    checked = {Path(source).resolve() for source in result.sources}
    for path in args.changed or ():
        if Path(path).resolve() not in checked:
            _note(args, f"checker: note: {path}: changed, but not among the checked pages")


def _exit_code(result: CheckResult, fail_on: str, exit_zero: bool = False) -> int:
    """2 when a source could not be read; else 1 when the result fails at ``fail_on`` (accepted
    conflicts never count, rejected ones always do), unless ``exit_zero``; else 0."""
    if result.errors:
        return EXIT_ERROR
    if result.fails(fail_on) and not exit_zero:
        return EXIT_CONFLICTS
    return EXIT_CLEAN


def _cmd_baseline(args, config: Config) -> int:
    from .report import REPORTERS, ReportOptions

    output = args.output or config.baseline or "checker-baseline.json"
    writable_file(output)
    result = _run_check(args, config, args.store, write_store=False)
    atomic_write(output, REPORTERS["json"](recorded_from(result, config.project_root()), ReportOptions()))
    _notes_for_errors(args, result)
    _note(args, f"checker: recorded {_plural(len(result.conflicts), 'conflict')} in {output}")
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
    conflict = _find_conflict(args.id, _run_check(args, config, store, write_store=bool(store)))
    known = conflict.id
    status = {"accept": "accepted", "reject": "rejected"}[args.action]
    decisions[known] = decide(conflict, status, args.note, config.project_root())
    file.save(decisions)
    from .report.common import ci_safe

    _say(args, f"checker: {status} {known} ({ci_safe(conflict.subject)}, {conflict.attribute.replace('_', ' ')}) "
               f"in {file.path.as_posix()}")
    return EXIT_CLEAN


def _find_conflict(given: str, result: CheckResult) -> Conflict:
    """The current conflict with id ``given`` (or a unique prefix of 4+ characters); else a usage error."""
    from .report.common import ci_safe

    by_id = {c.id: c for c in result.conflicts}
    known = resolve_id(given, by_id)
    if known is None:
        raise UsageError(f"unknown conflict id {ci_safe(given)!r}: no current conflict has it "
                         f"(`checker check` prints the ids of the {len(by_id)} current conflicts)")
    return by_id[known]


def _cmd_explain(args, config: Config) -> int:
    """Read-only: the claim store is reused but not written, and decisions are only shown."""
    from .detect import DetectConfig
    from .report.explain import EXPLAIN_FORMATS, explain

    result = _run_check(args, config, _existing_store(args, config), write_store=False,
                        decisions=_decisions_file(args, config).load())
    conflict = _find_conflict(args.id, result)
    policy = DetectConfig(tolerance=config.tolerance, vague_tolerance=config.vague_tolerance).policy()
    sys.stdout.write(EXPLAIN_FORMATS[args.format](explain(conflict, policy)))
    _notes_for_errors(args, result)
    return EXIT_CLEAN


def _say(args, text: str) -> None:
    if not args.quiet:
        sys.stdout.write(text + "\n")


def _cmd_claims(args, config: Config) -> int:
    from .report import CLAIM_REPORTERS, ReportOptions

    result = _run_check(args, config, args.store, write_store=False)
    sys.stdout.write(CLAIM_REPORTERS[args.format](result, ReportOptions(only_uncompared=args.uncompared)))
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


def _cmd_config(args, config: Config) -> int:
    settings = describe(config)
    if args.json:
        data = {"file": config.source or None,
                "settings": {key: {"value": list(value) if isinstance(value, tuple) else value, "from": origin}
                             for key, value, origin in settings}}
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return EXIT_CLEAN
    sys.stdout.write(f"# configuration file: {config.source or 'none found (every setting is the default)'}\n")
    for key, value, origin in settings:
        shown = "(not set)" if value is None else json.dumps(list(value) if isinstance(value, tuple) else value)
        sys.stdout.write(f"{key} = {shown}".ljust(48) + f"  # {origin}\n")
    return EXIT_CLEAN


def _cmd_data(args, config: Config) -> int:
    from .pipeline import packaged_data_files

    files = {p.name: p for p in packaged_data_files()}
    if args.name:
        name = args.name if args.name in files else f"{args.name}.yaml"
        if name not in files:
            raise UsageError(f"no packaged data file {args.name!r} (known: {', '.join(files)})")
        sys.stdout.write(files[name].read_text(encoding="utf-8"))
        return EXIT_CLEAN
    for name, path in files.items():
        # one YAML stream: each file a document, named in the comment after its `---`
        text = path.read_text(encoding="utf-8")
        sys.stdout.write(f"--- # checker/data/{name}\n{text}{'' if text.endswith(chr(10)) else chr(10)}")
    return EXIT_CLEAN


COMMANDS = {"rules": _cmd_rules, "report": _cmd_report, "check": _cmd_check, "baseline": _cmd_baseline,
            "review": _cmd_review, "claims": _cmd_claims, "explain": _cmd_explain, "eval": _cmd_eval,
            "config": _cmd_config, "data": _cmd_data}


def main_entry() -> None:
    sys.exit(main())
