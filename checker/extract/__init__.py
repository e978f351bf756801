"""Extract stage: quantities in the text become `Claim` records. The only stage that uses spaCy.

``Extractor(...)`` builds the spaCy pipeline once (`pipeline.build_pipeline`) and
``extractor.extract_documents(documents)`` returns the claims of each document: every block goes
through ``nlp.pipe``, then for each quantity the claim is put together (`claims.ClaimBuilder`): its
site, attribute, subject candidates, condition, qualifier and modality. Intervals are read again by
the normalize stage and subjects resolved by the align stage.
"""
from __future__ import annotations

import time
from typing import Iterable, Optional, cast

from ..limits import PageTimeout
from ..model import Claim, Document
from .claims import ClaimBuilder
from .context import BlockDoc, DocumentContext
from .pipeline import (PIPELINE_VERSION, CueMatcher, MentionFinder, Resources, build_pipeline, load_resources,
                       resources_of)

__all__ = ["Extractor", "PIPELINE_VERSION", "Resources", "build_pipeline", "load_resources"]


class Extractor:
    """The pipeline and resources of one configuration, built once and reused for every document."""

    def __init__(self, data: tuple = ("builtin",), subjects: Optional[str] = None, cues: Optional[str] = None,
                 quantities: Optional[str] = None, health: Optional[str] = None):
        self.nlp = build_pipeline(data, subjects, cues, quantities, health)
        self.resources: Resources = resources_of(self.nlp)
        # spaCy types every component as a plain Doc -> Doc callable; build_pipeline adds these two
        self.cue_matcher = cast(CueMatcher, self.nlp.get_pipe("checker_cues"))
        self.finder = cast(MentionFinder, self.nlp.get_pipe("checker_mentions"))
        self._cue_docs: dict = {}

    def cue_doc(self, text: str):
        """A short text (a heading, a table header) with its cue spans, cached."""
        doc = self._cue_docs.get(text)
        if doc is None:
            doc = self.nlp.make_doc(_flat(text))
            doc._.checker_heading = True
            doc = self.cue_matcher(doc)
            if len(self._cue_docs) > 10_000:
                self._cue_docs.clear()
            self._cue_docs[text] = doc
        return doc

    def extract_documents(self, documents: Iterable[Document], batch_size: int = 256,
                          deadline: Optional[float] = None) -> dict:
        """Claims of many documents, keyed by source; the blocks of all of them go through ``nlp.pipe``.
        Past ``deadline`` (a ``time.monotonic()`` value) `PageTimeout` is raised between two blocks."""
        documents = list(documents)
        items = []
        for d_index, document in enumerate(documents):
            for block in document.blocks:
                items.append((_flat(block.text), (d_index, block)))
        per_doc: dict = {k: [] for k in range(len(documents))}
        for doc, (d_index, block) in self.nlp.pipe(_marked(self.nlp, items), as_tuples=True, batch_size=batch_size):
            _within(deadline)
            per_doc[d_index].append(BlockDoc(block, doc))
        return {documents[k].source: self.extract(documents[k], per_doc[k], deadline) for k in range(len(documents))}

    def extract(self, document: Document, block_docs: Optional[list] = None,
                deadline: Optional[float] = None) -> list[Claim]:
        if block_docs is None:
            return self.extract_documents([document])[document.source]
        ctx = DocumentContext(document, block_docs, self.resources.knowledge, self.finder)
        builder = ClaimBuilder(ctx, self.cue_matcher.weights, self.cue_doc)
        claims: list[Claim] = []
        for bd in block_docs:
            _within(deadline)
            claims += builder.claims_of(bd)
        return claims


def _within(deadline: Optional[float]) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise PageTimeout()


def _marked(nlp, items):
    """Docs of the blocks, headings marked so that cue and mention matching run on them too."""
    for text, (d_index, block) in items:
        doc = nlp.make_doc(text)
        doc._.checker_heading = block.kind in ("heading", "table_header") or block.kind == "table_row"
        yield doc, (d_index, block)


def _flat(text: str) -> str:
    """Line breaks inside a block as spaces (same length, so offsets hold): a name wrapped across two
    lines ("medial\\nbranch block") is still one name to the matchers."""
    return text.replace("\r", " ").replace("\n", " ")
