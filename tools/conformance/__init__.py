"""Conformance of checker's quantity readers with other projects' test cases (../shared/conformance).

``python -m tools.conformance`` prints the pass rate per file (`tools.conformance.runner`). Plain
numbers and number ranges, which health claims never need on their own, are read by
`tools.conformance.numbers`: the runtime package's number reader in the dialect of number recognizers.
"""
