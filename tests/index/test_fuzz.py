"""Random bytes and mutated real files fed to every reader: only clean, named errors
(IngestError) may come out — never a stack trace from a parsing library."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.errors import IngestError
from index.parse import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
MAX = 5 * 1024 * 1024
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Số: 12/BC-UBND")
    d.add_paragraph("TP. Sông Mai, ngày 17 tháng 10 năm 2025")
    d.add_paragraph("I. KẾT QUẢ")
    d.add_paragraph("1. Kinh tế")
    d.add_paragraph("Lũy kế thu NSNN 312.640 triệu đồng, đạt 84,6% dự toán.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Chỉ tiêu", "Giá trị"
    t.cell(1, 0).text, t.cell(1, 1).text = "Giải ngân", "45,23%"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _seeds() -> dict[str, bytes]:
    seeds = {
        ".txt": (ROOT / "samples" / "songmai-2025-10-bc0912.txt").read_bytes(),
        ".docx": _docx_bytes(),
    }
    for f in (ROOT / "tests" / "data" / "generated").glob("*.pdf"):
        seeds[".pdf"] = f.read_bytes()
    return seeds


SEEDS = _seeds()


def _parse(suffix: str, data: bytes) -> None:
    try:
        report = parse_bytes(Path(f"fuzz{suffix}"), data, MAX)
    except IngestError as e:
        assert e.path.endswith(f"fuzz{suffix}") and e.message
        return
    assert report.paragraphs  # a report that parsed has something to index


@FUZZ
@given(suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]), data=st.binary(max_size=4096))
def test_random_bytes_give_clean_errors(suffix: str, data: bytes) -> None:
    _parse(suffix, data)


@FUZZ
@given(
    suffix=st.sampled_from(sorted(SEEDS)),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=12),
    truncate=st.one_of(st.none(), st.floats(0.05, 1)),
)
def test_mutated_real_files_give_clean_errors(
    suffix: str, cuts: list[tuple[float, int]], truncate: float | None
) -> None:
    data = bytearray(SEEDS[suffix])
    for where, value in cuts:
        data[min(len(data) - 1, int(where * len(data)))] = value
    if truncate is not None:
        data = data[: max(1, int(truncate * len(data)))]
    _parse(suffix, bytes(data))


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_seeds_parse(suffix: str) -> None:
    report = parse_bytes(Path(f"seed{suffix}"), SEEDS[suffix], MAX)
    assert report.paragraphs
