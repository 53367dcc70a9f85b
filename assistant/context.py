"""What every answerer is given besides the Query: the index, the caller's filter, the
period under discussion, and the scope and hits — computed once per question and shared,
so no answerer searches again for what another already found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.query import Query
from assistant.retrieve import Corpus, Hit, HybridRetriever
from assistant.scope import Scope, scope_of
from index.periods import Period
from index.store import Store


@dataclass
class Context:
    retriever: HybridRetriever
    k: int = 6  # passages an answer draws on
    reports: list[str] | None = None  # the caller's filter (None: every report)
    current: Period | None = None  # the period under discussion in a conversation
    chat_model: Any = None  # optional LangChain chat model
    min_confidence: float | None = None  # abstain below it; None: the fitted threshold
    settings: Any = None  # assistant.settings.Settings, for the LLM path's messages
    _scopes: dict[str, Scope] = field(default_factory=dict, repr=False)
    _hits: dict[tuple[str, int, frozenset[str] | None], list[Hit]] = field(
        default_factory=dict, repr=False
    )

    @property
    def store(self) -> Store:
        return self.retriever.store

    @property
    def corpus(self) -> Corpus:
        return self.retriever.corpus

    @property
    def threshold(self) -> float:
        from assistant.answerers.support import model

        return model().threshold if self.min_confidence is None else self.min_confidence

    def normalize(self, question: str) -> Query:
        return self.retriever.normalize(question)

    def scope(self, query: Query) -> Scope:
        if query.text not in self._scopes:
            self._scopes[query.text] = scope_of(query, self.store, self.reports, self.current)
        return self._scopes[query.text]

    def hits(self, query: Query, k: int | None = None) -> list[Hit]:
        """The question's hits within its scope (cached)."""
        return self.search(query, k or self.k, self.scope(query).allowed)

    def search(self, query: Query, k: int, allowed: frozenset[str] | None) -> list[Hit]:
        key = (query.text, k, allowed)
        if key not in self._hits:
            self._hits[key] = self.retriever.search(query, k, allowed)
        return self._hits[key]
