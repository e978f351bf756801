"""checker.detect: the comparison policy (compare), clusters, and the rules CC001-CC004 on plain Claims.

No spaCy: every claim is built with `make_claim`; times are in seconds, shares are fractions.
"""
from __future__ import annotations

import pytest

from checker.detect import DetectConfig, conflict_id, detect, detect_group, reassign_unqualified, sort_conflicts
from checker.detect.clusters import cluster, find_repeats, separate
from checker.detect.compare import EDGE, NO_OVERLAP, Policy, agree, centre, compared_bounds, verdict, widened
from checker.model import ClaimGroup
from checker.rules import RULES, SEVERITY_TABLE
from tests.conftest import make_claim

MIN, H, D, W, M, Y = 60.0, 3600.0, 86400.0, 604800.0, 30.44 * 86400.0, 365.25 * 86400.0
POLICY = Policy()


def time(id, low, high, source=None, **fields):
    """A duration claim on its own page (``<id>.md``) unless a source is given."""
    return make_claim(id=id, source=source or f"{id}.md", low=low, high=high, value_text=fields.pop("value_text", id),
                      **fields)


def share(id, low, high=None, source=None, **fields):
    return make_claim(id=id, source=source or f"{id}.md", low=low, high=low if high is None else high, unit="ratio",
                      kind="rate", attribute="prevalence", value_text=fields.pop("value_text", id), **fields)


def group(*claims, subject="rotator cuff repair", attribute="recovery_time", condition=None, qualifier=None):
    return ClaimGroup(subject, attribute, condition, qualifier, tuple(claims))


def clusters_of(conflict) -> dict:
    return {cc.claim.id: cc.cluster for cc in conflict.claims}


# ---------------------------------------------------------------------------------------------- compare


def test_detect_values_within_the_tolerance_agree():
    """20 % each way: 10 and 13 minutes agree, 10 and 16 minutes do not."""
    ten = time("a", 10 * MIN, 10 * MIN)
    assert agree(ten, time("b", 13 * MIN, 13 * MIN))
    v = verdict(ten, time("c", 16 * MIN, 16 * MIN))
    assert v.disagree and v.how == NO_OVERLAP and v.severity == "error"


def test_detect_vague_words_get_more_tolerance():
    """20 % each way for a precise value, 30 % for a vague one ("a few days")."""
    precise = time("a", 3 * D, 3 * D)
    assert not agree(precise, time("b", 4.5 * D, 4.5 * D))
    assert agree(precise, time("b", 4.5 * D, 4.5 * D, vague=True))


def test_detect_open_upper_bound_overlaps_everything_above_its_low():
    at_least = time("a", 6 * M, None)
    assert agree(at_least, time("b", 2 * Y, 3 * Y))
    assert not agree(at_least, time("c", 1 * M, 2 * M))


def test_detect_less_than_includes_small_values():
    assert agree(time("a", 0, 30 * MIN), time("b", 2 * MIN, 4 * MIN))


def test_detect_shares_compare_by_percentage_points():
    """4 points each way: 70 % and 76 % agree, 60 % and 70 % do not."""
    assert agree(share("a", 0.70), share("b", 0.76))
    assert not agree(share("a", 0.60), share("b", 0.70))
    assert widened(share("a", 0.70), POLICY) == pytest.approx((0.66, 0.74))


def test_detect_small_shares_compare_by_ratio_not_points():
    """1 in 400 and 1 in 40,000 are 0.25 points apart, yet a hundred times apart."""
    assert not agree(share("a", 1 / 400), share("b", 1 / 40000))
    assert agree(share("a", 1 / 2000), share("b", 1 / 2200))
    low, high = widened(share("a", 1 / 40000), POLICY)
    assert low == pytest.approx(1 / 40000 / 1.2) and high == pytest.approx(1 / 40000 * 1.2)


def test_detect_subset_may_differ_from_the_typical_value_by_three_times():
    typical = time("a", 3 * D, 5 * D)
    assert agree(typical, time("b", 2 * W, 2 * W, subset=True))  # "some patients need 2 weeks"
    v = verdict(typical, time("c", 6 * W, 6 * W, subset=True))
    assert v.disagree and v.severity == "info"  # a subset may well differ from the typical case


def test_detect_subset_share_may_differ_by_fifteen_points():
    assert agree(share("a", 0.60), share("b", 0.78, subset=True))
    assert not agree(share("a", 0.60), share("b", 0.85, subset=True))


def test_detect_maximum_reads_as_the_upper_part_of_its_range():
    """'up to a year' says some get about a year: a tenth of it up to it, not anything from zero."""
    up_to_year = time("a", 0, Y, maximum=True)
    assert compared_bounds(up_to_year, POLICY) == pytest.approx((Y / 10, Y))
    assert not agree(up_to_year, time("b", 2 * D, 4 * D))
    assert agree(up_to_year, time("c", 3 * M, 6 * M))
    assert compared_bounds(time("d", 0, Y), POLICY) == (0, Y)  # "less than a year" is not a maximum


def test_detect_maximum_share_reads_from_half_its_bound():
    up_to_40 = share("a", 0, 0.40, maximum=True)
    assert compared_bounds(up_to_40, POLICY) == pytest.approx((0.20, 0.40))
    assert not agree(up_to_40, share("b", 0.05))


@pytest.mark.parametrize("a_fields, b_fields, severity", [
    ({}, {}, "error"),  # both firm
    ({"hedged": True}, {}, "error"),  # one hedge word does not soften a firm statement
    ({"hedged": True}, {"hedged": True}, "warning"),  # both hedged: one step less
    ({"hedged": True, "typical": True}, {"hedged": True, "typical": True}, "error"),  # "usually may": typical
    ({"subset": True}, {}, "info"),  # one soft: a subset may differ from the typical case
    ({"maximum": True}, {}, "warning"),  # a maximum below a typical value contradicts it
    ({"subset": True}, {"maximum": True}, "info"),  # both soft
])
def test_detect_severity_table(a_fields, b_fields, severity):
    """Hours against years: apart whatever the softening, so the severity shows the table alone."""
    v = verdict(time("a", 2 * H, 3 * H, **a_fields), time("b", 2 * Y, 3 * Y, **b_fields))
    assert v.disagree and v.how == NO_OVERLAP and v.severity == severity


def test_detect_edge_overlap_with_centres_three_times_apart_is_a_warning():
    """3-5 hours and 6-18 hours touch once widened, but a reader expects 4 hours from one, 12 from the other."""
    a, b = time("a", 3 * H, 5 * H), time("b", 6 * H, 18 * H)
    v = verdict(a, b)
    assert (v.disagree, v.how, v.severity) == (True, EDGE, "warning")


def test_detect_edge_overlap_with_centres_close_is_agreement():
    assert agree(time("a", 3 * H, 5 * H), time("b", 5 * H, 8 * H))


def test_detect_vague_range_that_holds_the_other_value_is_no_edge():
    """'hours to days' holds the middle of '6 to 18 hours': a wide range is not contradicted by a value inside."""
    assert agree(time("a", H, 7 * D, vague=True), time("b", 6 * H, 18 * H))


def test_detect_edge_rule_is_for_firm_statements_only():
    assert agree(time("a", 3 * H, 5 * H, subset=True), time("b", 6 * H, 18 * H))


def test_detect_edge_rule_for_shares_needs_ten_points():
    assert verdict(share("a", 0.50, 0.60), share("b", 0.62, 0.75)).how == EDGE
    assert agree(share("a", 0.50, 0.60), share("b", 0.60, 0.66))


def test_detect_centre_of_an_open_range_is_one_and_a_half_times_its_bound():
    assert centre(time("a", 6 * M, None)) == pytest.approx(9 * M)
    assert centre(share("b", 0.5, 1.0)) == pytest.approx(0.75)


# ---------------------------------------------------------------------------------------------- clusters


def test_detect_cluster_holds_claims_that_all_agree_and_splits_a_chain():
    agreeing = [time(str(k), v, v * 1.5) for k, v in enumerate((1 * H, 1.2 * H, 1.4 * H))]
    assert len(cluster(agreeing, POLICY)) == 1
    chain = [time(str(k), v, v * 1.5) for k, v in enumerate((1 * H, 1.8 * H, 3 * H))]
    assert [len(c) for c in cluster(chain, POLICY)] == [2, 1]  # 1 h and 3 h do not agree


def test_detect_separate_leaves_out_the_claim_between_two_clusters():
    short, long_ = time("short", 10 * MIN, 20 * MIN), time("long", 30 * MIN, 45 * MIN)
    middle = time("middle", 20 * MIN, 30 * MIN)
    kept, left_out = separate(cluster([short, middle, long_], POLICY), POLICY)
    assert [c.id for c in left_out] == ["middle"]
    assert sorted(c.id for members in kept for c in members) == ["long", "short"]


def test_detect_repeats_in_one_source_are_found_by_reading_or_by_quote():
    a = time("a", W, W, source="x.md", start=10, value_text="a week", quote="Recovery takes a week.")
    again = time("a2", W, W, source="x.md", start=500, value_text="a week", quote="Plan for a week off.")
    reworded = time("a3", W, W, source="x.md", start=900, value_text="7 days", quote="Recovery usually takes a week.")
    other_page = time("b", W, W, source="y.md", value_text="a week", quote="Recovery takes a week.")
    assert find_repeats([a, again, reworded, other_page]) == {"a2": "a", "a3": "a"}


# ---------------------------------------------------------------------------------------------- rules


def test_detect_overlapping_values_give_no_conflict():
    assert detect_group(group(time("a", H, 7 * D, vague=True), time("b", 2 * H, 4 * D))) is None


def test_detect_values_apart_form_two_clusters_and_one_cc001_conflict():
    a = time("a", H, 7 * D, vague=True, value_text="hours to days")
    b = time("b", 2 * W, Y, vague=True, value_text="several weeks or months")
    c = time("c", 2 * H, 4 * D, value_text="several hours to a few days")
    conflict = detect_group(group(a, b, c))
    clusters = clusters_of(conflict)
    assert clusters["a"] == clusters["c"] != clusters["b"]
    assert (conflict.rule, conflict.severity, conflict.kind) == ("CC001", "error", "cross-document")
    assert conflict.subject == "rotator cuff repair" and conflict.attribute == "recovery_time"
    assert "hours to days" in conflict.message and "several weeks or months" in conflict.message


def test_detect_one_page_contradicting_itself_across_paragraphs_is_cc002():
    a = time("a", 2 * H, D, source="x.md", block=2)
    b = time("b", M, Y, source="x.md", block=7, start=400)
    conflict = detect_group(group(a, b))
    assert (conflict.rule, conflict.kind, conflict.severity) == ("CC002", "same-document", "error")


def test_detect_spread_within_one_paragraph_is_not_a_conflict():
    """'Some need a day, others a few months': one paragraph describing a spread."""
    a = time("a", D, D, source="x.md", block=4)
    b = time("b", 2 * M, 4 * M, source="x.md", block=4, start=60)
    assert detect_group(group(a, b)) is None


def test_detect_edge_overlap_is_cc003():
    conflict = detect_group(group(time("a", 3 * H, 5 * H), time("b", 6 * H, 18 * H)))
    assert (conflict.rule, conflict.severity) == ("CC003", "warning")


def test_detect_two_thresholds_far_apart_disagree_at_an_edge():
    # "longer than 2 to 3 weeks" and "more than 8 weeks" define one thing differently
    short, long_ = time("a", 2 * W, None), time("b", 8 * W, None)
    assert verdict(short, long_).how == EDGE
    conflict = detect_group(group(short, long_))
    assert (conflict.rule, conflict.severity) == ("CC003", "warning")
    # two bounds close together, or a hedged possibility, are no disagreement
    assert agree(time("a", 2 * W, None), time("b", 3 * W, None))
    assert agree(short, time("b", 8 * W, None, hedged=True))
    # nor is a bound against a range above it: "more than 2 weeks" holds "8 to 10 weeks"
    assert agree(short, time("b", 8 * W, 10 * W))


def test_detect_soft_statement_that_disagrees_is_cc004():
    few_days = time("a", 2 * D, 4 * D, typical=True, value_text="usually a few days")
    up_to_year = time("b", 0, Y, maximum=True, hedged=True, value_text="up to a year")
    conflict = detect_group(group(few_days, up_to_year))
    assert (conflict.rule, conflict.severity) == ("CC004", "warning")
    both_soft = detect_group(group(time("a", 2 * D, 4 * D, subset=True), up_to_year))
    assert (both_soft.rule, both_soft.severity) == ("CC004", "info")


def test_detect_two_hedged_firm_statements_are_cc004_warning():
    conflict = detect_group(group(time("a", H, H, hedged=True), time("b", M, M, hedged=True)))
    assert (conflict.rule, conflict.severity) == ("CC004", "warning")


def test_detect_two_typical_statements_keep_their_severity_even_when_hedged():
    a = time("a", H, 7 * D, hedged=True, typical=True, value_text="hours to days")
    b = time("b", Y, 2 * Y, hedged=True, typical=True, value_text="1 to 2 years")
    assert detect_group(group(a, b)).severity == "error"
    untypical = time("b", Y, 2 * Y, hedged=True, value_text="1 to 2 years")
    assert detect_group(group(a, untypical)).severity == "error"  # only one side is a mere possibility
    both_untypical = time("a", H, 7 * D, hedged=True, value_text="hours to days")
    assert detect_group(group(both_untypical, untypical)).severity == "warning"


def test_detect_wide_claim_does_not_chain_far_apart_values():
    short = time("a", 2 * D, 4 * D, value_text="a few days")
    wide = time("b", W, Y, value_text="weeks to months", vague=True)
    long_ = time("c", 2 * Y, 3 * Y, value_text="2 to 3 years")
    conflict = detect_group(group(short, wide, long_))
    listed = list(conflict.claims)
    assert clusters_of(conflict)["a"] != clusters_of(conflict)["c"]
    for x in listed:  # every pair of claims in different clusters disagrees (the contract of "cluster")
        for y in listed:
            if x.cluster != y.cluster:
                assert not agree(x.claim, y.claim, POLICY)


def test_detect_open_ended_claim_is_the_bridge_left_out_not_the_lone_outlier():
    at_least = time("a", 6 * M, None, value_text="at least 6 months")
    typical = time("b", 9 * M, 12 * M, value_text="9 to 12 months")
    long_ = time("c", 2 * Y, 3 * Y, value_text="two to three years")
    conflict = detect_group(group(at_least, typical, long_))
    assert {cc.claim.id for cc in conflict.claims} == {"b", "c"}


def test_detect_repeated_statement_counts_once_and_joins_its_cluster():
    a = time("a", 2 * W, Y, source="x.md", start=10, quote="Recovery may take several weeks or months.",
             value_text="several weeks or months")
    a2 = time("a2", 2 * W, Y, source="x.md", start=900, block=6,
              quote="Recovery may take several weeks or months, so plan ahead.", value_text="several weeks or months")
    b = time("b", H, 7 * D, source="y.md", value_text="hours to days")
    conflict = detect_group(group(a, a2, b))
    by_id = {cc.claim.id: cc for cc in conflict.claims}
    assert by_id["a2"].repeat_of == "a" and by_id["a2"].cluster == by_id["a"].cluster
    assert conflict.message.count("several weeks or months") == 1


def test_detect_message_names_sources_readings_and_both_sides():
    a = time("a", 2 * D, 4 * D, source="pages/011_clinic.md", value_text="2 to 4 days")
    b = time("b", 2 * M, 3 * M, source="pages/027_hospital.md", value_text="2 to 3 months")
    conflict = detect_group(group(a, b, condition="older adults"), DetectConfig(labels={"recovery_time": "recovery time"}))
    assert conflict.message.startswith("Recovery time of rotator cuff repair for older adults disagrees: ")
    assert "011_clinic.md says 2 to 4 days (" in conflict.message and "; but 027_hospital.md says 2 to 3 months (" \
        in conflict.message


def test_detect_message_lists_at_most_four_values_per_side():
    many = [time(f"s{k}", (2 + 0.1 * k) * D, (2 + 0.1 * k) * D, value_text=f"{2 + 0.1 * k:.1f} days") for k in range(6)]
    far = time("far", Y, Y, value_text="a year")
    conflict = detect_group(group(*many, far))
    assert "and 2 more" in conflict.message


# ---------------------------------------------------------------------------------------------- ids, order


def test_detect_conflict_id_is_stable_when_text_moves():
    a, b = time("a", H, H), time("b", M, M)
    moved = time("b", M, M, start=4000, end=4050, line=90)
    assert detect_group(group(a, b)).id == detect_group(group(a, moved)).id == conflict_id(group(a, b))


def test_detect_conflict_id_survives_a_second_page_joining():
    a = time("a", H, H, source="x.md", block=1)
    b = time("b", Y, Y, source="x.md", block=5, start=900)
    c = time("c", Y, Y, source="z.md")
    same_page, joined = detect_group(group(a, b)), detect_group(group(a, b, c))
    assert (same_page.rule, joined.rule) == ("CC002", "CC001")
    assert same_page.id == joined.id


def test_detect_conflict_id_depends_on_what_it_is_about():
    a, b = time("a", H, H), time("b", M, M)
    ids = {conflict_id(group(a, b)), conflict_id(group(a, b, condition="children")),
           conflict_id(group(a, b, attribute="procedure_time")), conflict_id(group(a, b, subject="hip replacement"))}
    assert len(ids) == 4
    assert conflict_id(group(a, b, subject="Rotator Cuff Repairs")) == conflict_id(group(a, b))  # same key


def test_detect_orders_conflicts_by_severity_then_subject():
    error = group(time("a", H, H), time("b", Y, Y), subject="zoster")
    warning = group(time("c", H, H, hedged=True), time("d", Y, Y, hedged=True), subject="acne")
    info = group(time("e", H, H, subset=True), time("f", Y, Y, maximum=True), subject="asthma")
    another_error = group(time("g", H, H), time("h", Y, Y), subject="bunion")
    result = detect([info, warning, error, another_error])
    assert [(c.severity, c.subject) for c in result] == [("error", "bunion"), ("error", "zoster"),
                                                         ("warning", "acne"), ("info", "asthma")]
    assert sort_conflicts(reversed(result)) == result


# ---------------------------------------------------------------------------------------------- qualifiers


def test_detect_unqualified_claim_is_read_as_the_qualified_group_it_matches():
    """'stays 2 days' agrees with the hospital-stay claims, not with 'recovery takes 3 months'."""
    stay = time("stay", 2 * D, 2 * D, value_text="2 days")
    months = time("months", 3 * M, 3 * M, value_text="3 months")
    hospital = time("hosp", D, 3 * D, value_text="1 to 3 days", qualifier="hospital stay")
    groups = [group(stay, months), group(hospital, qualifier="hospital stay")]
    regrouped, read_as = reassign_unqualified(groups)
    assert read_as == {"stay": "hospital stay"}
    assert {g.qualifier: [c.id for c in g.claims] for g in regrouped} == {None: ["months"],
                                                                           "hospital stay": ["hosp", "stay"]}
    assert detect(groups) == []


def test_detect_unqualified_claims_that_agree_stay_where_they_are():
    a, b = time("a", 2 * D, 2 * D), time("b", 2 * D, 3 * D)
    hospital = time("hosp", D, 3 * D, qualifier="hospital stay")
    regrouped, read_as = reassign_unqualified([group(a, b), group(hospital, qualifier="hospital stay")])
    assert read_as == {}
    assert [len(g.claims) for g in regrouped] == [2, 1]


def test_detect_message_says_how_a_moved_claim_was_read():
    stay = time("stay", 2 * D, 2 * D, value_text="2 days")
    long_stay = time("long", 3 * W, 3 * W, value_text="3 weeks", qualifier="hospital stay")
    conflict = detect_group(group(stay, long_stay, qualifier="hospital stay"), read_as={"stay": "hospital stay"})
    assert "says 2 days (2 d, read as hospital stay)" in conflict.message
    assert "says 3 weeks (3 wk)" in conflict.message


# ---------------------------------------------------------------------------------------------- registry


@pytest.mark.parametrize("code", ["CC001", "CC002", "CC003", "CC004"])
def test_detect_rules_are_documented_in_fixed_sections(code):
    doc = RULES[code].doc
    for section in ("What it checks:", "Why it matters:", "Example:", "How to resolve:"):
        assert section in doc, (code, section)
    assert RULES[code].summary and RULES[code].name


def test_detect_severity_table_is_published_with_the_rules():
    for phrase in ("error (CC001, CC002)", "warning (CC003)", "info (CC004)"):
        assert phrase in SEVERITY_TABLE


def test_detect_two_ranges_that_do_not_overlap_disagree_though_a_single_figure_gets_rounding_slack():
    """Issue 9: typical statements whose intervals do not overlap disagree. "4 to 6 hours" against
    "8 to 12 hours" do (a range says its own spread); "about 6 hours" against "7 hours" do not."""
    v = verdict(time("a", 4 * H, 6 * H), time("b", 8 * H, 12 * H))
    assert v.disagree and v.how == NO_OVERLAP and v.severity == "error"
    assert agree(time("c", 6 * H, 6 * H), time("d", 7 * H, 7 * H))
    # ranges that meet ("4 to 6" and "6 to 8 hours") or nearly meet are one spread of answers
    assert agree(time("a", 4 * H, 6 * H), time("e", 6 * H, 8 * H))
    assert agree(time("a", 4 * H, 6 * H), time("f", 6.5 * H, 8 * H))


def test_detect_a_page_setting_arms_side_by_side_in_text_and_table_is_not_a_conflict():
    """A trial's arms in a paragraph ("8.3 hours with the combination versus 5.1 hours alone") and
    again in the page's table are one presentation of a spread, not two rival answers."""
    text = [time("p1", 8.3 * H, 8.3 * H, source="trial.md", block=3, start=10),
            time("p2", 5.1 * H, 5.1 * H, source="trial.md", block=3, start=60)]
    table = [time("t1", 8.3 * H, 8.3 * H, source="trial.md", block=7, start=200, context="table"),
             time("t2", 5.1 * H, 5.1 * H, source="trial.md", block=8, start=230, context="table"),
             time("t3", 3.4 * H, 3.4 * H, source="trial.md", block=9, start=260, context="table")]
    assert detect_group(group(*text, *table)) is None
    # the same values in two places of a page that never sets them side by side do disagree
    apart = [time("x", 8.3 * H, 8.3 * H, source="page.md", block=3), time("y", 3.4 * H, 3.4 * H, source="page.md", block=9)]
    found = detect_group(group(*apart))
    assert found is not None and found.rule == "CC002"


def test_detect_the_same_reading_twice_on_a_page_is_a_repeat_whatever_the_words():
    a = time("a", 8.3 * H, 8.3 * H, source="p.md", start=10, value_text="8.3 hours", quote="Relief lasted 8.3 hours.")
    b = time("b", 8.3 * H, 8.3 * H, source="p.md", start=90, value_text="8.3 h", quote="| Combination | 8.3 h |")
    c = time("c", 8.3 * H, 8.3 * H, source="q.md", start=5)
    assert find_repeats([a, b, c]) == {"b": "a"}
