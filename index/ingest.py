"""file → parse → chunk → embed → store, for one file or a folder, with progress."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.chunk import chunk_report
from index.errors import IngestError
from index.parse import parse_bytes, read_file, supported_suffixes
from index.store import AlreadyIndexed, ReportIdTaken, Store
from index.structure import report_id as make_report_id

Progress = Callable[[str, int, int], None]  # (what, done, total)

# Bumped whenever parsing or chunking changes what a file turns into: an unchanged file
# indexed by an older pipeline is re-indexed instead of skipped.
PIPELINE = "19"
# 19: a part headed "GIẢI PHÁP TRỌNG TÂM QUÝ II …" sets the tasks of the period it names
# 18: lettered parts (A., B., C.) hold the Roman ones; a Roman numeral met twice is the next
# (OCR); a body's name on two lines is one
# 17: a header line of no letter or digit (a scan's speck read as ".") no longer ends the
# header; a signature's last line that is a role ("PHÓ CHỦ TICH") is no signer; SXH, TCM,
# ATTP, TW, BV, BVĐK, TTYT said in full; "trong tháng 1.245 triệu đồng" names no month
# 16: a word OCR read poorly between well-read ones kept (its gap split a line in two); a
# table's row numbering its columns ("A; B; 1=2+3") dropped; a PDF table goes on past its
# page's footnotes
# 15: a page's own toned words and names kept from OCR's rule 2; a title's period before the
# tasks it sets, or the day it reports to; "BÁO CÁO NHANH"; "1. Về người: 04 người chết, …" is
# body, no heading; a PDF's 85% raised markers, words of one line never over one another; a
# body of a place keeps the place's name
# 14: a scan's hanging footnote numbers read as lines of their own, specks ("_", "|", "BÁO CÁO
# - :"); an opening "… như sau:" is body; a list item's last line set apart goes on in it
# 13: text saved a paragraph a line, in columns, with "[1]" notes (text_layout); footnotes typed
# under a rule; a PDF table's words told apart at 1.5 pt
# 12: "PHẦN THỨ …" parts (headings.py); "năm học 2024 - 2025"; the title's last "nhiệm vụ"
# 10: a monthly report's "nhiệm vụ trong thời gian tới" are for the month after (letterhead)
# 9: table pieces keep the rows they are numbered under (chunk.py); HTX, CCCD…
# 6: the card's place-and-date line as written ("ngày 18 tháng 12 năm 2023")
# 5: a letter's subject (V/v), addressees (Kính gửi) and basis in the card
# 4: scanned pages read by OCR, long lines split by length, more encodings


@dataclass(frozen=True)
class IngestResult:
    path: str
    status: str  # added | replaced | unchanged | duplicate | skipped | error
    report_id: str = ""
    sections: int = 0
    footnotes: int = 0
    chunks: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    message: str = ""
    kept_twins: tuple[str, ...] = ()  # reports of the same number, date and issuer kept beside

    @property
    def ok(self) -> bool:
        return self.status != "error"  # "skipped" is reported, not a failure


class TooManyChunksError(IngestError):
    """A valid file too big to be worth embedding (hours of work for one report)."""


def ingest_file(
    store: Store,
    path: Path,
    max_bytes: int,
    progress: Progress | None = None,
    replace: bool = False,
    max_chunks: int | None = None,
) -> IngestResult:
    """Ingest one file. Raises IngestError for a file that cannot be read; the index is
    untouched in that case.

    A report's identity is its content and its metadata, never its file name: a changed
    file at the same path replaces its old version (and says so); another file with the same
    number, date and issuer replaces it only with `replace` — otherwise both are kept, and
    the message says so."""
    path = Path(path)
    data = read_file(path, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    resolved = str(path.resolve())
    same = store.find_by_hash(sha)
    if same and same.pipeline == PIPELINE:
        if same.path == resolved:
            return IngestResult(
                resolved, "unchanged", same.report_id, chunks=same.chunks,
                message="không đổi, bỏ qua",
            )  # fmt: skip
        return IngestResult(
            resolved,
            "duplicate",
            same.report_id,
            message=f"trùng nội dung với '{same.source}' đã có trong chỉ mục, bỏ qua",
        )
    report = parse_bytes(path, data, max_bytes)
    previous = store.find_by_path(resolved) or same
    note = "thay bản cũ cùng đường dẫn" if previous else ""
    twins = [
        r
        for r in store.find_same_document(report.meta.number, report.meta.date, report.meta.issuer)
        if not previous or r.report_id != previous.report_id
    ]
    replaced = [previous.report_id] if previous else []
    if twins and replace:
        replaced += [t.report_id for t in twins]
        names = ", ".join(f"'{t.source}'" for t in twins)
        note = f"đã thay {names} cùng số, ngày và cơ quan ban hành"
    elif twins:
        names = ", ".join(f"'{t.source}'" for t in twins)
        note = "; ".join(filter(None, [note, (
            f"đã có báo cáo cùng số {report.meta.number}, cùng ngày và cơ quan ban hành "
            f"({names}): giữ cả hai"
        )]))  # fmt: skip
    rid = make_report_id(report.meta, report.source, data)
    taken = {r.report_id for r in store.reports()} - set(replaced)
    if rid in taken:
        rid = f"{rid}-{sha[:6].upper()}"
    version = f"{sha[:10]}v{PIPELINE}"  # a new pipeline never overwrites the old chunks
    chunks = chunk_report(report, rid, version)
    if max_chunks is not None and len(chunks) > max_chunks:
        raise TooManyChunksError(
            path,
            f"báo cáo tách thành {len(chunks)} đoạn, vượt giới hạn {max_chunks} đoạn một báo cáo "
            "(ASSISTANT_MAX_CHUNKS_PER_REPORT); một báo cáo thường chỉ vài chục đến vài trăm "
            "đoạn. Hãy tách tệp hoặc nâng giới hạn.",
        )
    total = len(chunks)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(path.name, done, total)

    vectors = store.embed([c.embed_text for c in chunks], tick)
    for attempt in range(3):
        try:
            store.add(
                rid, report, chunks, vectors, sha256=sha, version=version, path=resolved,
                replaces=replaced, pipeline=PIPELINE,
            )  # fmt: skip
            break
        except ReportIdTaken:  # another writer took the id meanwhile: this one gets its own
            base = make_report_id(report.meta, report.source, data)
            rid = f"{base}-{sha[: 6 + 4 * attempt].upper()}"
            chunks = chunk_report(report, rid, version)  # same passages, so the same vectors
        except AlreadyIndexed as e:
            return IngestResult(
                resolved, "duplicate", e.report_id,
                message="trùng nội dung với một báo cáo vừa được nạp, bỏ qua",
            )  # fmt: skip
    return IngestResult(
        resolved,
        "replaced" if replaced else "added",
        rid,
        sections=len(report.sections),
        footnotes=len(report.footnotes),
        chunks=len(chunks),
        warnings=report.warnings,
        message=note,
        kept_twins=() if replace else tuple(t.source for t in twins),
    )


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[IngestResult]]:
    """Files named directly, plus the supported files inside named folders (sorted); and
    what a folder held that is skipped, each with why: a link whose target lies outside the
    folder (never follow one out: a link to /etc/passwd would become searchable), a
    subfolder that cannot be read."""
    files: list[Path] = []
    skipped: list[IngestResult] = []
    suffixes = supported_suffixes()
    for p in map(Path, paths):
        if not p.is_dir():
            files.append(p)
            continue
        top = p.resolve()

        def unreadable(err: OSError, folder: Path = p) -> None:
            message = f"không đọc được thư mục ({err.strerror}), bỏ qua"
            skipped.append(IngestResult(err.filename or str(folder), "skipped", message=message))

        found = []
        for folder, dirs, names in os.walk(p, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                f = Path(folder) / name
                if name.startswith(".") or f.suffix.lower() not in suffixes:
                    continue
                if f.is_symlink() and not f.resolve().is_relative_to(top):
                    message = f"liên kết trỏ ra ngoài thư mục đang nạp ({f.resolve()}), bỏ qua"
                    skipped.append(IngestResult(str(f), "skipped", message=message))
                    continue
                found.append(f)
        files += sorted(found)
    return files, skipped


def expand(paths: Iterable[Path]) -> list[Path]:
    return scan(paths)[0]


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    max_bytes: int,
    progress: Progress | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    replace: bool = False,
    max_chunks: int | None = None,
    commit_every: int = 32,
) -> list[IngestResult]:
    """Ingest every file; a bad file is reported in its result and never stops the rest.
    The files commit together, `commit_every` at a time (index/store_write.py); a file is
    reported added once its batch is committed, never before."""
    files, results = scan(paths)
    report = on_result or (lambda r: None)
    for r in results:
        report(r)
    added: list[IngestResult] = []

    def committed() -> None:
        for r in added:
            report(r)
        added.clear()

    with store.batch(every=commit_every, on_commit=committed):
        for f in files:
            try:
                result = ingest_file(store, f, max_bytes, progress, replace, max_chunks)
            except IngestError as e:
                result = IngestResult(str(f), "error", message=e.message)
            results.append(result)
            if result.status in ("added", "replaced"):
                added.append(result)
            else:
                report(result)
    return results
