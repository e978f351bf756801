"""The command line in-process: exit codes, the JSON contract, report files, eval."""
import csv
import io
import json
import shutil

import pytest

from checker.cli import main
from tests.conftest import REPO

MBB_CONFLICT_SOURCES = ("sources/004_f26dbb4207677dcc.txt", "sources/002_8bae45e90d984895.txt")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_check_default_corpus_reports_the_mbb_relief_conflict(in_repo, capsys):
    code, out, _ = run(capsys, "check", "sources", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["sources"] == 5 and data["errors"] == []
    assert data["claims"] >= 31
    mbb = [c for c in data["conflicts"] if c["subject"] == "medial branch block" and c["attribute"] == "relief_duration"]
    assert len(mbb) == 1
    conflict = mbb[0]
    assert conflict["rule"] == "CC001" and conflict["kind"] == "cross-document"
    by_value = {}
    for claim in conflict["claims"]:
        by_value.setdefault(claim["value_text"], []).append(claim)
    short = by_value["hours to days"][0]
    long_ = by_value["several weeks or months"]
    same_doc_short = by_value["several hours to a few days"][0]
    assert short["source"] == MBB_CONFLICT_SOURCES[0]
    assert {c["source"] for c in long_} == {MBB_CONFLICT_SOURCES[1]} and len(long_) == 2
    assert same_doc_short["source"] == MBB_CONFLICT_SOURCES[1]
    assert short["cluster"] == same_doc_short["cluster"] != long_[0]["cluster"] == long_[1]["cluster"]
    # each claim has quote, line, offsets and interval; offsets point into the file as decoded
    for claim in conflict["claims"]:
        text = open(claim["source"], encoding="utf-8").read()
        assert text[claim["start"]:claim["end"]] == claim["quote"]
        assert claim["value_text"] in claim["quote"]
        assert text.count("\n", 0, claim["start"]) + 1 == claim["line"]
    assert short["low"] == 3600 and short["high"] == 604800 and short["unit"] == "s"
    assert long_[0]["low"] == 1209600 and long_[0]["high"] == 31557600


def test_cli_json_contract_keys(in_repo, capsys):
    _code, out, _ = run(capsys, "check", "sources", "--format", "json")
    data = json.loads(out)
    assert list(data)[:5] == ["version", "sources", "claims", "errors", "conflicts"]
    conflict = data["conflicts"][0]
    for key in ("id", "rule", "severity", "subject", "attribute", "condition", "kind", "message", "claims"):
        assert key in conflict
    for key in ("id", "cluster", "source", "line", "column", "start", "end", "quote", "value_text", "low", "high",
                "unit", "hedged"):
        assert key in conflict["claims"][0]
    assert conflict["severity"] in ("error", "warning", "info")


def test_cli_check_clean_folder_exits_zero(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Stellate Ganglion Block\n\nThe injection takes about 10 minutes.\n")
    (tmp_path / "b.txt").write_text("Stellate Ganglion Block\n\nThe injection itself takes 10-15 minutes.\n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0
    assert "0 conflicts" in out


def conflicting_corpus(tmp_path):
    (tmp_path / "a.txt").write_text("Trigger Point Injections\n\nRelief from a trigger point injection usually lasts a few hours.\n")
    (tmp_path / "b.txt").write_text("Trigger Point Injections\n\nRelief from trigger point injections typically lasts 3 to 4 months.\n")
    return tmp_path


def test_cli_exit_codes_follow_fail_on_and_exit_zero(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    assert run(capsys, "check", str(corpus))[0] == 1
    assert run(capsys, "check", str(corpus), "--exit-zero")[0] == 0
    assert run(capsys, "check", str(corpus), "--fail-on", "info")[0] == 1


def test_cli_usage_errors_exit_two_with_one_line(tmp_path, capsys):
    code, _out, err = run(capsys, "check", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "check", "--format", "yaml")
    assert code == 2 and "invalid choice" in err
    assert run(capsys)[0] == 2


def test_cli_unreadable_document_is_reported_and_others_still_checked(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    # UTF-8 (the en dash) and a byte that is not: a damaged page (a Latin-1 page is read, see test_hostile)
    (corpus / "broken.txt").write_bytes("Relief lasts 3\u20135 \xff months\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    code, out, err = run(capsys, "check", str(corpus), "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert [e["source"].endswith("broken.txt") for e in data["errors"]] == [True]
    assert "UTF-8" in data["errors"][0]["message"]
    assert len(data["conflicts"]) == 1 and data["sources"] == 2
    assert "broken.txt" in err


def test_cli_config_unknown_key_is_a_config_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text("tolerence = 0.3\n")
    (tmp_path / "sources").mkdir()
    code, _out, err = run(capsys, "check")
    assert code == 2 and "unknown setting 'tolerence'" in err


def test_cli_config_unknown_rule_code_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text("ignore = ['CC999']\n")
    (tmp_path / "sources").mkdir()
    code, _out, err = run(capsys, "check")
    assert code == 2 and "CC999" in err


def test_cli_report_writes_all_files_byte_identical_across_runs(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "src") if (tmp_path / "src").mkdir() is None else None
    out, store = tmp_path / "reports", tmp_path / "claims"
    assert run(capsys, "report", str(corpus), "--out", str(out), "--store", str(store))[0] == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["conflicts.json", "conflicts.csv", "claims.csv", "report.md", "report.html", "conflicts.sarif",
                            "report.xlsx"])
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    claims_first = (store / "claims.jsonl").read_bytes()
    shutil.rmtree(store)
    assert run(capsys, "report", str(corpus), "--out", str(out), "--store", str(store))[0] == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert (store / "claims.jsonl").read_bytes() == claims_first
    assert json.loads(first["conflicts.json"])["conflicts"][0]["subject"] == "trigger point injection"


def test_cli_claims_formats(in_repo, capsys):
    code, out, _ = run(capsys, "claims", "sources", "--format", "json")
    assert code == 0
    claims = json.loads(out)
    assert {"subject", "attribute", "condition", "quote", "low", "high"} <= set(claims[0])
    code, out, _ = run(capsys, "claims", "sources", "--format", "csv")
    assert out.splitlines()[0].startswith("claim_id,source,line")
    assert len(out.splitlines()) == len(claims) + 1
    code, out, _ = run(capsys, "claims", "sources")
    assert "medial branch block" in out and f"{len(claims)} claims from 5 sources" in out


def test_cli_eval_on_seed_gold(in_repo, capsys):
    from tests.conftest import SHARED

    gold = SHARED / "gold" / "seeds"
    if not gold.exists():
        pytest.skip("../shared/gold/seeds is not beside the checkout")
    code, out, _ = run(capsys, "eval", "--gold", str(gold), "sources", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["conflicts"]["found"] == data["conflicts"]["gold"] == 4
    assert data["consistent"]["false_alarms"] == 0
    assert data["claims"]["attribute_accuracy"] >= 0.9
    assert data["claims"]["recall"] >= 0.9


def test_cli_eval_bad_gold_folder_is_an_error(tmp_path, capsys):
    (tmp_path / "claims.jsonl").write_text('{"id": "x"}\n')
    code, _out, err = run(capsys, "eval", "--gold", str(tmp_path), str(tmp_path))
    assert code == 2 and "claims.jsonl:1: missing" in err


def test_cli_baseline_then_check_fails_only_on_new_conflicts(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "c") if (tmp_path / "c").mkdir() is None else None
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "baseline", str(corpus), "-o", str(baseline))[0] == 0
    assert run(capsys, "check", str(corpus), "--baseline", str(baseline))[0] == 0
    (corpus / "c.txt").write_text("Occipital Nerve Blocks\n\nRelief from an occipital nerve block lasts a few hours.\n")
    (corpus / "d.txt").write_text("Occipital Nerve Blocks\n\nRelief from occipital nerve blocks lasts 6 months.\n")
    assert run(capsys, "check", str(corpus), "--baseline", str(baseline))[0] == 1


def test_cli_changed_reports_only_conflicts_touching_changed_files(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    (tmp_path / "unrelated.txt").write_text("Nothing quantitative here.\n")
    assert run(capsys, "check", str(corpus), "--changed", str(tmp_path / "unrelated.txt"))[0] == 0
    assert run(capsys, "check", str(corpus), "--changed", str(tmp_path / "b.txt"))[0] == 1


def test_cli_rules_lists_documented_rules(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    from checker.rules import RULES

    for section in ("What it checks", "Why it matters", "Example", "How to resolve"):
        assert out.count(section) == len(RULES)
    assert all(code in out for code in RULES)


def test_cli_python_dash_m_is_the_same_program(in_repo):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "checker", "check", "sources", "--format", "json"],
                          capture_output=True, text=True, cwd=in_repo)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["sources"] == 5


# --------------------------------------------------------------------------------------------------
# progress, decisions, baselines


def test_cli_progress_is_quiet_when_stderr_is_not_a_terminal(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    code, _out, err = run(capsys, "check", str(corpus))
    assert code == 1 and err == ""


def test_cli_progress_bar_on_a_terminal_and_not_with_quiet(tmp_path, capsys, monkeypatch):
    import sys

    corpus = conflicting_corpus(tmp_path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _code, _out, err = run(capsys, "check", str(corpus))
    assert "\rreading    [" in err and "2/2\n" in err and "extracting [" in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _code, _out, err = run(capsys, "check", str(corpus), "--quiet")
    assert err == ""


def conflict_id_of(capsys, *argv):
    _code, out, _err = run(capsys, "check", *argv, "--format", "json")
    return json.loads(out)["conflicts"][0]["id"]


def test_cli_review_accept_reject_reset_cycle(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    conflicting_corpus(tmp_path / "sources") if (tmp_path / "sources").mkdir() is None else None
    cid = conflict_id_of(capsys)
    # options before the PATHs and after them both work
    code, out, _ = run(capsys, "review", "accept", cid[:6], "--note", "different products", "sources")
    assert code == 0 and f"accepted {cid}" in out
    assert json.loads((tmp_path / "claims" / "decisions.json").read_text())["decisions"][0]["status"] == "accepted"
    code, out, _ = run(capsys, "check")
    assert code == 0 and "[accepted: different products]" in out and "1 accepted" in out
    # a rejected conflict fails even when its severity is below --fail-on
    assert run(capsys, "review", "reject", cid, "--note", "fix it")[0] == 0
    assert run(capsys, "check", "--fail-on", "error", "--format", "json")[0] == 1
    assert run(capsys, "review", "reset", cid)[0] == 0
    assert json.loads((tmp_path / "claims" / "decisions.json").read_text())["decisions"] == []
    code, _out, err = run(capsys, "review", "reset", cid)
    assert code == 2 and "no decision for conflict id" in err


def test_cli_report_shows_decisions(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    conflicting_corpus(tmp_path / "sources") if (tmp_path / "sources").mkdir() is None else None
    cid = conflict_id_of(capsys)
    assert run(capsys, "review", "accept", cid, "--note", "checked <with> the clinic")[0] == 0
    assert run(capsys, "report", "--quiet")[0] == 0
    html = (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    assert "Accepted by a reviewer: “checked &lt;with&gt; the clinic”" in html
    data = json.loads((tmp_path / "reports" / "conflicts.json").read_text(encoding="utf-8"))
    assert data["conflicts"][0]["decision"] == {"status": "accepted", "note": "checked <with> the clinic",
                                                "stale": False}


def test_cli_baseline_entry_whose_values_changed_counts_as_new(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "c") if (tmp_path / "c").mkdir() is None else None
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "baseline", str(corpus), "-o", str(baseline))[0] == 0
    code, _out, err = run(capsys, "check", str(corpus), "--baseline", str(baseline))
    assert code == 0 and "1 known conflict in the baseline" in err
    (corpus / "b.txt").write_text("Trigger Point Injections\n\nRelief from trigger point injections typically "
                                  "lasts 5 to 6 months.\n")
    code, out, _ = run(capsys, "check", str(corpus), "--baseline", str(baseline))
    assert code == 1 and "5 to 6 months" in out


def test_cli_bad_decisions_file_is_a_one_line_error(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "c") if (tmp_path / "c").mkdir() is None else None
    bad = tmp_path / "decisions.json"
    bad.write_text("[1, 2]")
    code, _out, err = run(capsys, "check", str(corpus), "--decisions", str(bad))
    assert code == 2 and err.count("\n") == 1 and "not a checker decisions file" in err


def test_cli_check_output_file_leaves_stdout_empty(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "c") if (tmp_path / "c").mkdir() is None else None
    target = tmp_path / "out" / "checker.sarif"
    code, out, _ = run(capsys, "check", str(corpus), "--format", "sarif", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"
    reference = tmp_path / "out" / "plain.txt"
    reference.write_text("x")  # the mode an ordinary open() gives under this umask, not mkstemp's 0600
    assert target.stat().st_mode & 0o777 == reference.stat().st_mode & 0o777


# --------------------------------------------------------------------------------------------------
# explain and claims --uncompared


def test_cli_explain_prints_each_claim_and_the_numbers_behind_the_verdict(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    cid = conflict_id_of(capsys, str(corpus))
    code, out, _err = run(capsys, "explain", cid[:4], str(corpus))
    assert code == 0
    assert out.startswith(f"Conflict {cid}: error CC001")
    for text in ("Relief from a trigger point injection usually lasts a few hours.", "\"a few hours\" = 2–4 h",
                 "subject    trigger point injection (from the", "attribute  relief_duration",
                 "stated as  firm: hedged no, typical yes", "widened      1.5 h–5.2 h against 2.7 mo–4.5 mo",
                 "centres      3 h and 3.5 mo", "times apart", "overlap      none, once both are widened",
                 'severity     row "do not overlap", column "both firm": error', "-> error"):
        assert text in out, text


def test_cli_explain_json_holds_the_claims_and_the_comparison(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    cid = conflict_id_of(capsys, str(corpus))
    code, out, _err = run(capsys, "explain", cid, str(corpus), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == cid and data["rule"]["code"] == "CC001"
    assert [c["value_text"] for c in data["claims"]] == ["a few hours", "3 to 4 months"]
    assert {c["subject_origin"] for c in data["claims"]} <= {"sentence", "topic", "heading", "reference", "title"}
    pair = data["comparisons"][0]["pairs"][0]
    # "a few hours" is 2–4 h and vague: widened by 30 % each way
    assert pair["widened"][0] == [pytest.approx(7200 / 1.3), pytest.approx(14400 * 1.3)]
    assert pair["centres"][0] == 10800 and pair["ratio"] == pytest.approx(pair["centres"][1] / 10800, rel=1e-6)
    assert pair["how"] == "no overlap" and pair["table"]["column"] == "both firm"


def test_cli_explain_unknown_id_exits_two_with_one_line(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path)
    cid = conflict_id_of(capsys, str(corpus))
    for given in ("0000beef", cid[:3]):  # an id nobody has; a prefix shorter than 4 characters
        code, out, err = run(capsys, "explain", given, str(corpus))
        assert code == 2 and out == "" and err.count("\n") == 1 and "unknown conflict id" in err


def test_cli_explain_is_read_only(tmp_path, capsys):
    corpus = conflicting_corpus(tmp_path / "c") if (tmp_path / "c").mkdir() is None else None
    store, decisions = tmp_path / "claims", tmp_path / "decisions.json"
    assert run(capsys, "check", str(corpus), "--store", str(store))[0] == 1
    cid = conflict_id_of(capsys, str(corpus))
    assert run(capsys, "review", "accept", cid, str(corpus), "--decisions", str(decisions), "--note", "ok")[0] == 0
    before = {p: p.read_bytes() for p in [*store.iterdir(), decisions]}
    (corpus / "a.txt").write_text("Trigger Point Injections\n\nRelief from a trigger point injection usually "
                                  "lasts a few minutes.\n")  # the store is now out of date for a.txt
    code, out, _err = run(capsys, "explain", cid, str(corpus), "--store", str(store), "--decisions", str(decisions))
    assert code == 0 and "a few minutes" in out and "decision: stale" in out
    assert {p: p.read_bytes() for p in [*store.iterdir(), decisions]} == before


def uncompared_corpus(tmp_path):
    corpus = conflicting_corpus(tmp_path)
    (corpus / "facet.txt").write_text("Facet Joint Injections\n\nThe relief from facet joint injections does not "
                                      "last for years.\n\nAbout 40% of visitors read this page on a phone.\n")
    return corpus


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_claims_uncompared_lists_only_those_claims_with_their_reason(tmp_path, capsys, fmt):
    corpus = uncompared_corpus(tmp_path)
    code, out, _err = run(capsys, "claims", str(corpus), "--uncompared", "--format", fmt)
    assert code == 0
    if fmt == "json":
        rows = [(c["value_text"], c["uncompared"]) for c in json.loads(out)]
    elif fmt == "csv":
        rows = [(r["value_text"], r["uncompared"]) for r in csv.DictReader(io.StringIO(out))]
    else:
        rows = [(line.split("  ")[0], line.rsplit("  ", 1)[-1].strip()) for line in out.splitlines()[2:-1]]
        rows = [({"facet.txt:3": "years", "facet.txt:5": "About 40%"}[place], reason) for place, reason in rows]
    assert rows == [("years", "negated value"), ("About 40%", "attribute other")]


def test_cli_check_counts_uncompared_claims_in_text_and_json(tmp_path, capsys):
    corpus = uncompared_corpus(tmp_path)
    _code, out, _err = run(capsys, "check", str(corpus))
    assert "2 claims were not compared: 1 attribute other, 1 negated value" in out
    _code, out, _err = run(capsys, "check", str(corpus), "--format", "json")
    assert json.loads(out)["uncompared"] == {"count": 2, "by_reason": {"attribute other": 1, "negated value": 1}}


# --------------------------------------------------------------------------------------------------
# --fail-on at each threshold, on a corpus with one error, one warning and one info conflict

RULE_FIXTURES = REPO / "tests" / "fixtures" / "rules"
INFO_PAGES = {  # two "some patients" statements that disagree: both soft, so the clash is only info
    "tpi-clinic.txt": "Trigger Point Injections\n\nIn some patients, relief from a trigger point injection lasts "
                      "only a few hours.\n",
    "tpi-leaflet.txt": "Trigger Point Injections: Patient Leaflet\n\nIn some cases, relief from trigger point "
                       "injections lasts up to two years.\n",
}


@pytest.fixture(scope="module")
def severity_corpus(tmp_path_factory):
    """error/ (CC001's pages), warning/ (CC003's), info/ (two soft statements), and a shared claim store
    so that only the first run extracts."""
    root = tmp_path_factory.mktemp("severities")
    shutil.copytree(RULE_FIXTURES / "CC001", root / "error")
    shutil.copytree(RULE_FIXTURES / "CC003", root / "warning")
    (root / "info").mkdir()
    for name, text in INFO_PAGES.items():
        (root / "info" / name).write_text(text, encoding="utf-8")
    return root


def check_levels(capsys, root, *levels, options=()):
    return run(capsys, "check", *(str(root / level) for level in levels), "--store", str(root / "claims"), *options)


def test_cli_severity_corpus_has_one_conflict_of_each_severity(severity_corpus, capsys):
    for level in ("error", "warning", "info"):
        _code, out, _ = check_levels(capsys, severity_corpus, level, options=("--format", "json", "--exit-zero"))
        assert [c["severity"] for c in json.loads(out)["conflicts"]] == [level]


@pytest.mark.parametrize("levels, fail_on, expected", [
    (("info",), "error", 0), (("info",), "warning", 0), (("info",), "info", 1),
    (("warning", "info"), "error", 0), (("warning", "info"), "warning", 1), (("warning", "info"), "info", 1),
    (("error", "warning", "info"), "error", 1), (("error", "warning", "info"), "warning", 1),
    (("error", "warning", "info"), "info", 1),
])
def test_cli_fail_on_each_threshold(severity_corpus, capsys, levels, fail_on, expected):
    code, out, _ = check_levels(capsys, severity_corpus, *levels, options=("--fail-on", fail_on))
    assert code == expected, out
    assert check_levels(capsys, severity_corpus, *levels, options=("--fail-on", fail_on, "--exit-zero"))[0] == 0


def test_cli_fail_on_default_is_error_and_the_flag_overrides_the_configuration(severity_corpus, capsys):
    assert check_levels(capsys, severity_corpus, "warning", "info")[0] == 0
    config = severity_corpus / "warning.toml"
    config.write_text('fail_on = "warning"\n', encoding="utf-8")
    assert check_levels(capsys, severity_corpus, "warning", "info", options=("--config", str(config)))[0] == 1
    assert check_levels(capsys, severity_corpus, "warning", "info",
                        options=("--config", str(config), "--fail-on", "error"))[0] == 0


def test_cli_unknown_changed_file_exits_two_with_a_clear_message(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    corpus = conflicting_corpus(tmp_path / "c")
    code, out, err = run(capsys, "check", str(corpus), "--changed", str(tmp_path / "nonexist.md"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "E001 changed file" in err and "nonexist.md: no such file" in err
    (tmp_path / "elsewhere.md").write_text("# Elsewhere\n", encoding="utf-8")
    code, _out, err = run(capsys, "check", str(corpus), "--changed", str(tmp_path / "elsewhere.md"))
    assert code == 0 and "elsewhere.md: changed, but not among the checked pages" in err
