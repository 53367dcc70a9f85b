"""Extractive summaries that walk a report's sections instead of top-k retrieval:
per paragraph, its lead sentence, and any other sentence carrying key figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import vn
from index.model import Chunk, Report


@dataclass(frozen=True)
class Point:
    chunk: Chunk
    sentence: str


def _figure_weight(sentence: str) -> int:
    """How many figures with a unit or a percentage a sentence carries."""
    return len(
        re.findall(
            r"\d[\d.,]*\s*(?:%|triệu|tỷ|đồng|đ\b|m²|ha\b|hộ|vụ|lượt|người|trường hợp|TH\b|"
            r"công trình|dự án|hồ sơ|bản|việc|quyết định|giấy phép|km)",
            sentence,
        )
    )


def section_points(chunks: list[Chunk], per_chunk: int = 2) -> list[Point]:
    """Lead sentence of each paragraph chunk, plus its most figure-dense other sentence."""
    points: list[Point] = []
    for c in chunks:
        if c.kind == "footnote":
            continue
        sents = [s for para in c.text.split("\n") for s in vn.sentences(para)]
        if not sents:
            continue
        chosen = [sents[0]]
        rest = sorted(sents[1:], key=_figure_weight, reverse=True)
        if per_chunk > 1 and rest and _figure_weight(rest[0]) > 0:
            chosen.append(rest[0])
        points += [Point(c, s) for s in sorted(chosen, key=sents.index)]
    return points


def chunks_of_section(chunks: dict[str, Chunk], report_id: str, path: str) -> list[Chunk]:
    """Chunks of a section and its subsections, in report order."""
    inside = [
        c
        for c in chunks.values()
        if c.report_id == report_id
        and c.kind != "footnote"
        and (c.section == path or c.section.startswith(path + "."))
    ]
    return sorted(inside, key=lambda c: (c.paragraphs[0] if c.paragraphs else 0, c.id))


def clean(sentence: str) -> str:
    return vn.strip_markers(sentence).strip()


def report_sections(report: Report) -> list[str]:
    """Paths of the sections that hold paragraphs directly, in order."""
    seen: list[str] = []
    for p in report.paragraphs:
        if p.section and p.section not in seen:
            seen.append(p.section)
    return seen
