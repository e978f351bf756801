"""Extraction never fails on messy input, and every claim points inside the text it came from."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import extract
from checker.read import parse_document

PIECES = ["|", " | ", "\n", "Relief lasts", " 3-6 months", " (MBB)", " medial branch block", "%", "70", " a few",
          " hours", "<p>", "</p>", "<td>", "<tr>", "&nbsp;", "&ndash;", "—", "-", " which", ", but it", "?", ".",
          "# ", "- ", "•", "\u00a0", "RFA", "(", ")", " within", " the same day", " permanent", "\r\n", "\t", "½",
          "between", " and", " up to", " or longer", "Type 2", " 24/7", "[3]"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), max_size=50), suffix=st.sampled_from(["txt", "md", "html"]))
def test_extract_any_mix_of_structure_and_quantities_gives_claims_inside_the_text(nlp, parts, suffix):
    text = "".join(parts)
    for claim in extract(parse_document(f"doc.{suffix}", text), nlp):
        assert 0 <= claim.start <= claim.value_start <= claim.value_end <= claim.end <= len(text)
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.line == text.count("\n", 0, claim.start) + 1
        if suffix != "html":
            assert text[claim.start:claim.end] == claim.quote
            assert text[claim.value_start:claim.value_end] == claim.value_text
