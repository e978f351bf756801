"""Accuracy floors, measured the way `checker eval` measures them.

- The seed gold (../shared/gold/seeds) annotates the default corpus: issue targets hold there.
- The dev gold (tests/data/dev) and the held-out gold (tests/data/heldout) were written and annotated
  independently of the code (see their READMEs); their floors sit just under the figures measured
  when they were set, so a change that makes the checker worse on documents it was not written
  against fails here. (The held-out set was scored once before any change prompted by it: 65.6 %
  subject and attribute both right, 6 of 13 conflicts; see the closing notes.)
"""
import pytest

from checker import Config, check
from checker.evaluate import GoldSet, evaluate
from tests.conftest import REPO, SHARED


def scores(gold_dir, sources):
    ev = evaluate(GoldSet.load(gold_dir), check([str(sources)], Config())).to_json()
    return ev["claims"], ev["conflicts"], ev["consistent"]


def test_accuracy_seed_gold_meets_the_issue_targets():
    gold = SHARED / "gold" / "seeds"
    if not gold.exists():
        pytest.skip("../shared/gold/seeds is not beside the checkout")
    claims, conflicts, consistent = scores(gold, REPO / "sources")
    assert conflicts["found"] == conflicts["gold"]
    assert consistent["false_alarms"] == 0
    assert claims["recall"] >= 0.95
    assert claims["subject_attribute_accuracy"] >= 0.95


def test_accuracy_independent_dev_corpus_stays_above_its_floors():
    dev = REPO / "tests" / "data" / "dev"
    claims, conflicts, consistent = scores(dev / "gold", dev / "sources")
    assert claims["recall"] >= 0.95
    assert claims["subject_accuracy"] >= 0.94
    assert claims["attribute_accuracy"] >= 0.85
    assert claims["interval_overlap"] >= 0.92
    assert conflicts["found"] >= 17
    assert consistent["false_alarms"] <= 2


def test_accuracy_heldout_corpus_stays_above_its_floors():
    heldout = REPO / "tests" / "data" / "heldout"
    claims, conflicts, consistent = scores(heldout / "gold", heldout / "sources")
    assert claims["recall"] >= 0.95
    assert claims["subject_accuracy"] >= 0.88
    assert claims["attribute_accuracy"] >= 0.82
    assert conflicts["found"] >= 8
    assert consistent["false_alarms"] <= 2
