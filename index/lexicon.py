"""The lexical side of the index, one segment per report version, merged in memory.

Adding a report writes its segment and nothing else, so ingest costs the same with 10
reports as with 1,000; a reader merges the segments it has not seen yet (segments are
immutable, cached per process). BM25 is scored as bm25s's Lucene variant (k1 1.5, b 0.75)
over the folded-syllable tokens of `vn.search_tokens`, with N, df and the average length
taken over every live chunk, exactly as one index rebuilt over all of them would.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import vn
from index.model import Chunk

K1, B = 1.5, 0.75
SEGMENT_FORMAT = 3  # 3: one flat file (a JSON header, then the arrays' bytes)
SUFFIX = ".seg"
_STRINGS = ("ids", "terms", "words", "field_path", "field_name")


@dataclass(frozen=True)
class Segment:
    """One report version's lexical statistics. `terms` is its vocabulary for BM25 and
    per-report df; `words`, of accented syllables and their bigrams (diacritic restoration,
    merged only when an unaccented question needs it)."""

    report_id: str
    ids: list[str]  # chunk ids, reading order
    terms: list[str]
    doc: np.ndarray  # BM25 postings: chunk index, term index, term frequency
    term: np.ndarray
    tf: np.ndarray
    length: np.ndarray  # tokens per chunk
    df_term: np.ndarray  # chunks of the report holding each `vn.terms` term
    df_count: np.ndarray
    words: list[str]
    uni_term: np.ndarray  # indices into `words`
    uni_count: np.ndarray
    bi_term: np.ndarray
    bi_count: np.ndarray
    field_path: list[str]  # sections whose title (or a parent's) names a field, and the field
    field_name: list[str]

    @classmethod
    def build(
        cls, report_id: str, chunks: Sequence[Chunk], fields: Sequence[tuple[str, str]] = ()
    ) -> Segment:
        vocab: dict[str, int] = {}
        words: dict[str, int] = {}

        def ids_of(items: Iterable[str], into: dict[str, int]) -> list[int]:
            return [into.setdefault(w, len(into)) for w in items]

        doc, term, tf, length = [], [], [], []
        for i, c in enumerate(chunks):
            tokens = vn.search_tokens(c.embed_text)
            length.append(len(tokens))
            for t, n in Counter(ids_of(tokens, vocab)).items():
                doc.append(i)
                term.append(t)
                tf.append(n)
        df = Counter(t for c in chunks for t in set(vn.terms(c.embed_text)))
        uni, bi = vn.DiacriticRestorer.count(c.text for c in chunks)

        def pair(counts: Counter[str], into: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
            return (
                np.array(ids_of(counts, into), dtype=np.int32),
                np.array(list(counts.values()), dtype=np.int32),
            )

        df_term, df_count = pair(df, vocab)
        (uni_term, uni_count), (bi_term, bi_count) = pair(uni, words), pair(bi, words)
        return cls(
            report_id, [c.id for c in chunks], list(vocab),
            np.array(doc, dtype=np.int32), np.array(term, dtype=np.int32),
            np.array(tf, dtype=np.float32), np.array(length, dtype=np.float32),
            df_term, df_count, list(words), uni_term, uni_count, bi_term, bi_count,
            [p for p, _ in fields], [f for _, f in fields],
        )  # fmt: skip

    def save(self, path: Path) -> None:
        """A JSON header line, then each field's bytes (strings: UTF-8, newline-joined)."""
        header: dict[str, object] = {
            "format": SEGMENT_FORMAT,
            "vocabulary": vn.VOCABULARY,
            "report_id": self.report_id,
        }
        blobs, offset = [], 0
        for name in _FIELDS:
            value = getattr(self, name)
            if name in _STRINGS:
                blob, kind = "\n".join(value).encode(), "str"
            else:
                blob, kind = value.tobytes(), value.dtype.str
            header[name] = [kind, offset, len(blob)]
            blobs.append(blob)
            offset += len(blob)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        with open(tmp, "wb") as f:
            f.write(json.dumps(header).encode() + b"\n")
            for blob in blobs:
                f.write(blob)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Segment:
        data = path.read_bytes()
        line = data.index(b"\n")
        header = json.loads(data[:line])
        if header.get("format") != SEGMENT_FORMAT:
            raise ValueError(f"segment format {header.get('format')}")
        if header.get("vocabulary") != vn.VOCABULARY:  # other synonym groups: other df
            raise ValueError(f"segment {path.name}: built with another vocabulary")
        body = memoryview(data)[line + 1 :]
        values = {}
        for name in _FIELDS:
            kind, start, size = header[name]
            raw = body[start : start + size]
            if len(raw) != size:  # a truncated file: rebuilt from the report (index/store.py)
                raise ValueError(f"segment {path.name}: {name} truncated")
            if kind == "str":
                text = bytes(raw).decode()
                values[name] = text.split("\n") if text else []
            else:
                values[name] = np.frombuffer(raw, dtype=np.dtype(kind))
        return cls(header["report_id"], **values)

    def term_counts(self) -> dict[str, int]:
        """`vn.terms` → chunks of this report holding it."""
        terms = self.terms
        return {
            terms[t]: c for t, c in zip(self.df_term.tolist(), self.df_count.tolist(), strict=True)
        }


_FIELDS = [f for f in Segment.__dataclass_fields__ if f != "report_id"]
_CACHE: dict[str, Segment] = {}  # path → segment: immutable, shared by a process's stores
_CACHE_LOCK = threading.Lock()


def cached(path: Path) -> Segment:
    key = str(path)
    seg = _CACHE.get(key)
    if seg is None:
        seg = Segment.load(path)
        with _CACHE_LOCK:
            _CACHE[key] = seg
    return seg


def forget(paths_alive: set[str], folder: Path) -> None:
    """Drop cached segments of `folder` that are no longer live."""
    prefix = str(folder)
    with _CACHE_LOCK:
        for key in [k for k in _CACHE if k.startswith(prefix) and k not in paths_alive]:
            del _CACHE[key]


class Lexicon:
    """The live segments merged: BM25 postings by term, global counts, per-report df."""

    def __init__(self, segments: Sequence[Segment]):
        self.segments = {s.report_id: s for s in segments}
        vocab: dict[str, int] = {}
        maps = []
        for s in segments:  # local term index → global term id
            maps.append(np.fromiter((vocab.setdefault(t, len(vocab)) for t in s.terms),
                                    dtype=np.int64, count=len(s.terms)))  # fmt: skip
        self.vocab = vocab
        offsets = np.cumsum([0] + [len(s.ids) for s in segments])
        self.ids: list[str] = [cid for s in segments for cid in s.ids]
        self.index = {cid: i for i, cid in enumerate(self.ids)}
        self.report_of = np.repeat(np.arange(len(segments)), [len(s.ids) for s in segments])
        self.report_pos = {s.report_id: i for i, s in enumerate(segments)}
        n = len(self.ids)
        self.length = np.concatenate([s.length for s in segments]) if n else np.zeros(0)
        self.avg = float(self.length.mean()) if n else 1.0
        if segments:
            term = np.concatenate([m[s.term] for m, s in zip(maps, segments, strict=True)])
            doc = np.concatenate([s.doc + o for s, o in zip(segments, offsets[:-1], strict=True)])
            tf = np.concatenate([s.tf for s in segments])
        else:
            term, doc, tf = (np.zeros(0, dtype=np.int64),) * 2 + (np.zeros(0, np.float32),)
        order = np.argsort(term, kind="stable")
        self.p_doc, self.p_tf = doc[order].astype(np.int32), tf[order]
        self.indptr = np.searchsorted(term[order], np.arange(len(vocab) + 1))
        self._uni: dict[str, int] | None = None
        self._bi: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def postings(self, token: str) -> np.ndarray:
        """Chunk positions holding `token`."""
        t = self.vocab.get(token)
        return self.p_doc[self.indptr[t] : self.indptr[t + 1]] if t is not None else _EMPTY

    def chunks_with(self, tokens: Iterable[str]) -> set[str]:
        """Ids of the chunks holding any of `tokens` (candidates for an exact match)."""
        found = [self.postings(t) for t in tokens]
        return {self.ids[i] for i in np.unique(np.concatenate(found))} if found else set()

    def search(
        self, tokens: Sequence[str], k: int, reports: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score), best first; a repeated query token counts again."""
        n = len(self.ids)
        if not n or not tokens:
            return []
        scores = np.zeros(n, dtype=np.float32)
        for token in tokens:
            t = self.vocab.get(token)
            if t is None:
                continue
            lo, hi = self.indptr[t], self.indptr[t + 1]
            docs, tf = self.p_doc[lo:hi], self.p_tf[lo:hi]
            idf = np.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
            scores[docs] += idf * tf / (K1 * ((1 - B) + B * self.length[docs] / self.avg) + tf)
        if reports is not None:
            keep = np.zeros(len(self.segments), dtype=bool)
            keep[[self.report_pos[r] for r in reports if r in self.report_pos]] = True
            scores *= keep[self.report_of]
        k = min(k, n)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def _counts(self, which: str) -> dict[str, int]:
        total: Counter[str] = Counter()
        for s in self.segments.values():
            words = s.words
            terms, counts = getattr(s, f"{which}_term").tolist(), getattr(s, f"{which}_count")
            total.update(dict(zip((words[t] for t in terms), counts.tolist(), strict=True)))
        return dict(total)

    @property
    def unigrams(self) -> dict[str, int]:
        if self._uni is None:
            self._uni = self._counts("uni")
        return self._uni

    @property
    def bigrams(self) -> dict[str, int]:
        if self._bi is None:
            self._bi = self._counts("bi")
        return self._bi


_EMPTY = np.zeros(0, dtype=np.int32)
