"""The scale bench's synthetic archive (bench/synth.py): the same seed gives the same
reports, each one parses like a real report, and every question has one right passage."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

from index.chunk import chunk_report  # noqa: E402
from index.parse import parse_bytes  # noqa: E402


def test_same_seed_same_archive(tmp_path: Path) -> None:
    a = synth.write_archive(tmp_path / "a", 4, seed=7)
    b = synth.write_archive(tmp_path / "b", 4, seed=7)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    other = synth.render(synth.specs(1)[0], seed=8).text
    assert other != a[0].read_text("utf-8")
    assert synth.questions(synth.specs(4), 20, 7) == synth.questions(synth.specs(4), 20, 7)


def test_reports_parse_like_real_ones() -> None:
    for spec in synth.specs(6)[::2] + synth.specs(61)[-1:]:  # every kind, a second month
        syn = synth.render(spec)
        report = parse_bytes(Path(spec.name), syn.text.encode("utf-8"), 10**8)
        m = report.meta
        assert m.issuer == f"UBND huyện {spec.district}"
        assert m.number == syn.number
        assert m.period == f"{spec.month:02d}/{spec.year}"
        assert m.signer and report.footnotes and not report.warnings
        assert 70 <= len(chunk_report(report, "r", "v")) <= 160
        assert syn.facts and all(syn.text.count(f.evidence) == 1 for f in syn.facts)


def test_questions_name_a_district_and_a_month() -> None:
    pool = synth.specs(6)
    names = {s.name: s for s in pool}
    for q in synth.questions(pool, 30):
        spec = names[q["report"]]
        text = synth.fold(q["question"])
        assert synth.fold(spec.district) in text and f"{spec.month}/{spec.year}" in text
        assert q["evidence"][0] in synth.render(spec).text


def test_synth_embedder_is_deterministic_and_normalised() -> None:
    emb = synth.SynthEmbedder()
    v = emb.embed_passages(["Thu ngân sách lũy kế 397.497 triệu đồng", "khác hẳn"])
    assert v.shape == (2, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)
    assert np.array_equal(v[0], synth.SynthEmbedder().embed_query(emb.texts[0]))
