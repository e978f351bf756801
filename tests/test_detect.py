from checker.detect import DetectConfig, agree, cluster, conflict_id, detect, detect_group, find_repeats
from checker.model import ClaimGroup
from tests.conftest import make_claim

H, D, W, M, Y = 3600.0, 86400.0, 604800.0, 2629800.0, 31557600.0


def group(*claims):
    return ClaimGroup("medial branch block", "relief_duration", None, None, tuple(claims))


def test_detect_overlapping_values_agree():
    a = make_claim(id="a", low=1 * H, high=7 * D, vague=True)
    b = make_claim(id="b", source="sources/b.txt", low=2 * H, high=4 * D)
    assert detect_group(group(a, b)) is None


def test_detect_values_apart_form_two_clusters_and_one_conflict():
    a = make_claim(id="a", source="sources/a.txt", low=1 * H, high=7 * D, vague=True, value_text="hours to days")
    b = make_claim(id="b", source="sources/b.txt", low=2 * W, high=Y, vague=True, value_text="several weeks or months")
    c = make_claim(id="c", source="sources/c.txt", low=2 * H, high=4 * D, value_text="several hours to a few days")
    conflict = detect_group(group(a, b, c))
    assert conflict is not None
    clusters = {cc.claim.id: cc.cluster for cc in conflict.claims}
    assert clusters["a"] == clusters["c"] != clusters["b"]
    assert conflict.kind == "cross-document" and conflict.rule == "CC001"
    assert "hours to days" in conflict.message and "several weeks or months" in conflict.message
    assert conflict.severity == "error"  # centres two orders of magnitude apart


def test_detect_tolerance_absorbs_near_values():
    a = make_claim(id="a", low=30 * 60, high=30 * 60)
    b = make_claim(id="b", source="sources/b.txt", low=0, high=34 * 60)
    assert detect_group(group(a, b)) is None
    far = make_claim(id="c", source="sources/c.txt", low=3 * H, high=3 * H)
    assert detect_group(group(a, far)) is not None


def test_detect_open_upper_bound_overlaps_everything_above():
    a = make_claim(id="a", low=6 * M, high=None)
    b = make_claim(id="b", source="sources/b.txt", low=2 * Y, high=3 * Y)
    assert detect_group(group(a, b)) is None


def test_detect_same_paragraph_spread_is_not_a_conflict():
    a = make_claim(id="a", low=2 * H, high=D, hedged=True, block=4)
    b = make_claim(id="b", low=M, high=Y, hedged=True, block=4, start=50, end=70)
    assert detect_group(group(a, b)) is None
    b_elsewhere = make_claim(id="b", low=M, high=Y, block=9, start=500, end=520)
    conflict = detect_group(group(a, b_elsewhere))
    assert conflict is not None and conflict.kind == "same-document" and conflict.rule == "CC002"


def test_detect_repeated_statement_counts_once_and_joins_its_cluster():
    a = make_claim(id="a", source="sources/x.txt", low=2 * W, high=Y, start=10, quote="Relief may last several weeks or months.",
                   value_text="several weeks or months")
    a2 = make_claim(id="a2", source="sources/x.txt", low=2 * W, high=Y, start=900,
                    quote="Relief may last several weeks or months, allowing a return to work.",
                    value_text="several weeks or months")
    b = make_claim(id="b", source="sources/y.txt", low=H, high=7 * D, value_text="hours to days")
    assert find_repeats([a, a2, b]) == {"a2": "a"}
    conflict = detect_group(group(a, a2, b))
    by_id = {cc.claim.id: cc for cc in conflict.claims}
    assert by_id["a2"].repeat_of == "a" and by_id["a2"].cluster == by_id["a"].cluster


def test_detect_hedging_on_both_sides_lowers_severity_but_not_between_typical_statements():
    typical = detect_group(group(make_claim(id="a", low=H, high=H), make_claim(id="b", source="sources/b.txt", low=M, high=M)))
    hedged = detect_group(group(make_claim(id="a", low=H, high=H, hedged=True),
                                make_claim(id="b", source="sources/b.txt", low=M, high=M, hedged=True)))
    one_side = detect_group(group(make_claim(id="a", low=H, high=H),
                                  make_claim(id="b", source="sources/b.txt", low=M, high=M, hedged=True)))
    assert typical.severity == "error" and one_side.severity == "error"
    assert hedged.severity == "warning"


def test_detect_rates_compare_by_percentage_points():
    g = ClaimGroup("epidural steroid injection", "success_rate", None, None, (
        make_claim(id="a", low=0.7, high=0.8, unit="ratio"),
        make_claim(id="b", source="sources/b.txt", low=0.3, high=0.4, unit="ratio"),
    ))
    conflict = detect_group(g)
    assert conflict is not None and conflict.severity == "error"
    close = ClaimGroup("epidural steroid injection", "success_rate", None, None, (
        make_claim(id="a", low=0.7, high=0.8, unit="ratio"),
        make_claim(id="b", source="sources/b.txt", low=0.6, high=0.75, unit="ratio"),
    ))
    assert detect_group(close) is None


def test_detect_conflict_id_is_stable_when_text_moves():
    a = make_claim(id="a", low=H, high=H)
    b = make_claim(id="b", source="sources/b.txt", low=M, high=M)
    moved = make_claim(id="b", source="sources/b.txt", low=M, high=M, start=4000, end=4050, line=90)
    assert detect_group(group(a, b)).id == detect_group(group(a, moved)).id == conflict_id("CC001", group(a, b))


def test_detect_orders_conflicts_by_severity():
    strong = ClaimGroup("a", "relief_duration", None, None, (make_claim(id="a", low=H, high=H),
                                                            make_claim(id="b", source="sources/b.txt", low=Y, high=Y)))
    weak = ClaimGroup("b", "relief_duration", None, None, (make_claim(id="c", low=H, high=H),
                                                          make_claim(id="d", source="sources/b.txt", low=2.5 * H, high=2.5 * H)))
    result = detect([weak, strong])
    assert [c.subject for c in result] == ["a", "b"]
    assert result[1].severity == "info"


def test_detect_cluster_holds_claims_that_all_agree_and_splits_a_chain():
    agreeing = [make_claim(id=str(k), low=v, high=v * 1.5) for k, v in enumerate((1 * H, 1.2 * H, 1.4 * H))]
    assert len(cluster(agreeing, DetectConfig())) == 1
    chain = [make_claim(id=str(k), low=v, high=v * 1.5) for k, v in enumerate((1 * H, 1.8 * H, 3 * H))]
    assert [len(c) for c in cluster(chain, DetectConfig())] == [2, 1]  # 1 h and 3 h do not agree


def test_detect_wide_claim_does_not_chain_far_apart_values():
    short = make_claim(id="a", source="sources/a.txt", low=2 * D, high=4 * D, value_text="a few days")
    wide = make_claim(id="b", source="sources/b.txt", low=W, high=Y, value_text="weeks to months", vague=True)
    long_ = make_claim(id="c", source="sources/c.txt", low=2 * Y, high=3 * Y, value_text="2 to 3 years")
    conflict = detect_group(group(short, wide, long_))
    assert conflict is not None
    clusters = {cc.claim.id: cc.cluster for cc in conflict.claims}
    assert clusters["a"] != clusters["c"]
    # every pair of claims in different clusters disagrees (the contract of "cluster")
    listed = [cc for cc in conflict.claims]
    for x in listed:
        for y in listed:
            if x.cluster != y.cluster:
                assert not agree(x.claim, y.claim, DetectConfig())


def test_detect_hedged_maximum_reads_as_its_order_of_magnitude():
    up_to_year = make_claim(id="a", source="sources/a.txt", low=0, high=Y, value_text="up to a year", hedged=True)
    few_days = make_claim(id="b", source="sources/b.txt", low=2 * D, high=4 * D, value_text="a few days")
    months = make_claim(id="c", source="sources/c.txt", low=3 * M, high=6 * M, value_text="3 to 6 months")
    assert detect_group(group(up_to_year, few_days)) is not None
    assert detect_group(group(up_to_year, months)) is None
    less_than = make_claim(id="d", source="sources/d.txt", low=0, high=30 * 60, value_text="less than 30 minutes")
    minutes = make_claim(id="e", source="sources/e.txt", low=120, high=240, value_text="a few minutes")
    assert detect_group(group(less_than, minutes)) is None  # "less than" includes small values


def test_detect_open_ended_claim_is_the_bridge_left_out_not_the_lone_outlier():
    at_least = make_claim(id="a", source="sources/a.txt", low=6 * M, high=None, value_text="at least 6 months")
    typical = make_claim(id="b", source="sources/b.txt", low=9 * M, high=12 * M, value_text="9 to 12 months")
    long_ = make_claim(id="c", source="sources/c.txt", low=2 * Y, high=3 * Y, value_text="two to three years")
    conflict = detect_group(group(at_least, typical, long_))
    assert conflict is not None
    assert {cc.claim.id for cc in conflict.claims} == {"b", "c"}


def test_detect_two_typical_statements_keep_their_severity_even_when_hedged():
    a = make_claim(id="a", low=H, high=7 * D, hedged=True, typical=True, value_text="hours to days")
    b = make_claim(id="b", source="sources/b.txt", low=Y, high=2 * Y, hedged=True, typical=True, value_text="1 to 2 years")
    assert detect_group(group(a, b)).severity == "error"
    untypical = make_claim(id="b", source="sources/b.txt", low=Y, high=2 * Y, hedged=True, value_text="1 to 2 years")
    assert detect_group(group(a, untypical)).severity == "warning"


def test_detect_conflict_id_survives_a_second_page_joining():
    a = make_claim(id="a", source="sources/a.txt", low=H, high=H, block=1)
    b = make_claim(id="b", source="sources/a.txt", low=Y, high=Y, block=5, start=900)
    c = make_claim(id="c", source="sources/c.txt", low=Y, high=Y)
    same_page = detect_group(group(a, b))
    joined = detect_group(group(a, b, c))
    assert (same_page.rule, joined.rule) == ("CC002", "CC001")
    assert same_page.id == joined.id
