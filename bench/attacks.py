"""The attack pass of issue 10, replayed: zip and PDF bombs, special files, huge and one-line
texts, legacy encodings, long questions. Each attack runs the real CLI in a child process
on a copy of a small index; the table gives its outcome, seconds, peak RSS and whether
the index it ran on still holds its report.

Usage: python bench/attacks.py [--code DIR] [--timeout S] [--rss-cap-gb G] [--only NAME …]
  --code DIR   run another checkout's CLI (e.g. a git worktree of an older commit) to get
               the "before" column; attacks run in a child that is killed at the RSS cap
               or the timeout, so the machine survives the unbounded versions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "songmai-2025-10-bc0912.txt"
SENTENCE = (
    "Tổng thu ngân sách nhà nước trên địa bàn tháng {n} ước đạt {n}.497 triệu đồng, "
    "lũy kế đạt 108,7% dự toán, tăng {n} tỷ đồng so với cùng kỳ. "
)
PARA = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
HEAD = "UBND THÀNH PHỐ SÔNG MAI\nSố: 77/BC-UBND\nSông Mai, ngày 05 tháng 01 năm 2026\n"
HEAD += "BÁO CÁO\nTình hình kinh tế - xã hội tháng 12/2025\n"


def _docx(path: Path, body: Callable[[zipfile.ZipFile], None], extra: dict | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        body(zf)
        for name, text in (extra or {}).items():
            zf.writestr(name, text)


def _document(paragraphs: Callable[[], object], prolog: str = "") -> Callable:
    def body(zf: zipfile.ZipFile) -> None:
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'.encode())
            f.write(f"<w:document {NS}><w:body>".encode())
            for line in HEAD.splitlines():
                f.write(PARA.format(line).encode())
            for block in paragraphs():  # type: ignore[attr-defined]
                f.write(block)
            f.write(b"</w:body></w:document>")

    return body


def bomb(mb: int) -> Callable[[Path], None]:
    """A .docx whose document.xml unpacks to `mb` MB of one repeated paragraph."""

    def make(path: Path) -> None:
        block = (PARA.format(SENTENCE.format(n=12)) * 2000).encode()
        times = mb * 1024 * 1024 // len(block)
        _docx(path, _document(lambda: (block for _ in range(times))))

    return make


def chunk_bomb(path: Path) -> None:
    """Under the size limit unpacked, but thousands of distinct passages."""
    paras = (PARA.format(SENTENCE.format(n=i) * 6).encode() for i in range(40_000))
    _docx(path, _document(lambda: paras))


def laughs(path: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    footnotes = (
        f'<?xml version="1.0"?><!DOCTYPE w:footnotes [{entities}]>'
        f'<w:footnotes {NS}><w:footnote w:id="1"><w:p><w:r><w:t>&a9;</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    _docx(path, _document(lambda: [PARA.format(SENTENCE.format(n=1)).encode()]),
          {"word/footnotes.xml": footnotes})  # fmt: skip


def doctype(path: Path) -> None:
    _docx(path, _document(lambda: [PARA.format(SENTENCE.format(n=1)).encode()],
                          '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">'))  # fmt: skip


def pdf(mb: int, image: bool = False) -> Callable[[Path], None]:
    """A PDF of about 1 KB per GB whose page content (or image) inflates to `mb` MB."""

    def make(path: Path) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "data"))
        from pdfbomb import pdf_bomb

        path.write_bytes(pdf_bomb(mb, image=image))

    return make


def to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def huge_text(mb: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("w", encoding="utf-8") as f:
            f.write(HEAD)
            i = 0
            while f.tell() < mb * 1024 * 1024:
                f.write(SENTENCE.format(n=i) + "\n")
                i += 1

    return make


def one_line(sentences: bool) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        words = "thu ngân sách nhà nước trên địa bàn tháng mười hai ước đạt kết quả tích cực"
        unit = SENTENCE if sentences else words + " "
        line = "".join(unit.format(n=i) for i in range(1024 * 1024 // len(unit) + 1))
        path.write_text(HEAD + line[: 1024 * 1024] + "\n", encoding="utf-8")

    return make


def encoded(codec: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        sys.path.insert(0, str(ROOT))
        from index.legacy import VNI, from_unicode, to_cp1258

        text = SAMPLE.read_text("utf-8").replace("912/BC-UBND", "913/BC-UBND")  # another report
        if codec == "vni":  # typed in a VNI font, saved as Windows-1252 bytes
            path.write_bytes(from_unicode(text, VNI).encode("cp1252", errors="replace"))
        elif codec == "cp1258":
            path.write_bytes(to_cp1258(text))
        else:
            path.write_bytes(text.encode(codec))

    return make


@dataclass(frozen=True)
class Attack:
    name: str
    what: str
    make: Callable[[Path], None] | None  # builds the input file; None: a question attack
    suffix: str = ".txt"
    argv: tuple[str, ...] = ()  # for question attacks
    stdin: str = ""


LONG = "Thu ngân sách tháng 12 đạt bao nhiêu? " * 2700  # about 100 KB
SEARCH = "du an ke bo song mai " * 4800  # 100 KB, ASCII: one argv string stays under 128 KB
ATTACKS = [
    Attack("bomb-600mb", ".docx 1 MB → 600 MB unpacked", bomb(600), ".docx"),
    Attack("bomb-2gb", ".docx → 2 GB unpacked", bomb(2048), ".docx"),
    Attack("pdf-bomb-1gb", ".pdf 1 MB → 1 GB page content", pdf(1024), ".pdf"),
    Attack("pdf-bomb-4gb", ".pdf 4 MB → 4 GB page content", pdf(4096), ".pdf"),
    Attack("pdf-image-1gb", ".pdf 1 MB → 1 GB image", pdf(1024, image=True), ".pdf"),
    Attack("chunk-bomb", ".docx → 40.000 distinct paragraphs", chunk_bomb, ".docx"),
    Attack("laughs", "billion laughs in footnotes.xml", laughs, ".docx"),
    Attack("doctype", "DOCTYPE in document.xml", doctype, ".docx"),
    Attack("dev-zero", "x.txt → /dev/zero", to_dev_zero),
    Attack("fifo", "a FIFO named x.txt", fifo),
    Attack("huge-49mb", "49 MB of valid text", huge_text(49)),
    Attack("line-nopunct", "1 MB line, no punctuation", one_line(False)),
    Attack("line-sentences", "1 MB line of real sentences", one_line(True)),
    Attack("cp1258", "report saved as cp1258", encoded("cp1258")),
    Attack("vni", "report typed in VNI, saved as .txt", encoded("vni")),
    Attack("utf16-nobom", "report saved as UTF-16 without BOM", encoded("utf-16-le")),
    Attack("ask-100kb", "a 100 KB question", None, argv=("ask", "-"), stdin=LONG + "\n"),
    Attack(
        "search-100kb", "projects --search of 100 KB", None, argv=("projects", "--search", SEARCH)
    ),
]


def run(
    argv: list[str], cwd: Path, timeout: float, cap_kb: int, stdin: str = ""
) -> tuple[int | str, float, float, str]:
    """(exit code or 'timeout'/'RSS cap', seconds, peak RSS MB, last message line)."""
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as given:
        given.write(stdin)
        given.seek(0)
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                             stdin=given, text=True)  # fmt: skip
        status: int | str | None = None
        peak = 0
        while status is None:
            pid, raw, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                status, peak = os.waitstatus_to_exitcode(raw), usage.ru_maxrss
                break
            peak = max(peak, _rss_kb(p.pid))
            over = "timeout" if time.perf_counter() - t0 > timeout else None
            over = over or ("RSS cap" if peak > cap_kb else None)
            if over:
                p.kill()
                _, _, usage = os.wait4(p.pid, 0)
                status, peak = over, max(peak, usage.ru_maxrss)
            time.sleep(0.1)
        p.returncode = -1  # reaped by wait4 above
        seconds = time.perf_counter() - t0
        out.seek(0)
        lines = [ln.strip() for ln in out.read().replace("\r", "\n").splitlines()]
    return status, seconds, peak / 1024, _message(lines)


def _message(lines: list[str]) -> str:
    """What the user was told: the result line of an ingest, the error, or the answer."""
    said = [ln for ln in lines if ln and "%|" not in ln and "tệp thành công" not in ln]
    marked = [ln for ln in said if ln[:1] in "✗✓•" or "error:" in ln or "Error" in ln]
    first = (marked or said or [""])[0]
    warned = next((ln for ln in said if ln.startswith("!") and "bảng mã" in ln), "")
    return (first[:150] + (f" {warned}" if warned else ""))[:260]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _intact(code: Path, index: Path) -> bool:
    """The seeded report is still listed: the whole listing is read, not its first line
    (an attack that was accepted adds a report that may be listed first)."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "reports", "--index", str(index)],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode == 0 and "912/BC-UBND" in done.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose CLI is attacked")
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--rss-cap-gb", type=float, default=6.0)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    cap_kb = int(args.rss_cap_gb * 1024 * 1024)
    py = [sys.executable, "-m", "assistant"]
    chosen = [a for a in ATTACKS if not args.only or a.name in args.only]
    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seed"
        print(f"seeding an index with {SAMPLE.name} using {args.code} …", file=sys.stderr)
        status, *_ = run([*py, "ingest", str(SAMPLE), "--index", str(seed)], args.code, 600, cap_kb)
        if status != 0:
            sys.exit(f"could not seed the index ({status})")
        print("| attack | input | outcome | s | peak RSS MB | index intact | message |")
        print("|---|---|---|---|---|---|---|")
        for a in chosen:
            index = Path(tmp) / a.name
            shutil.copytree(seed, index)
            if a.make is not None:
                target = Path(tmp) / "files" / a.name / f"x{a.suffix}"
                target.parent.mkdir(parents=True)
                a.make(target)
                argv = [*py, "ingest", str(target), "--index", str(index)]
            else:
                argv = [*py, *a.argv, "--index", str(index)]
            status, secs, rss, text = run(argv, args.code, args.timeout, cap_kb, a.stdin)
            intact = "yes" if _intact(args.code, index) else "NO"
            text = text.replace("|", "/")
            print(f"| {a.name} | {a.what} | {status} | {secs:.1f} | {rss:,.0f} | {intact} | "
                  f"{text} |", flush=True)  # fmt: skip
            shutil.rmtree(index, ignore_errors=True)
            shutil.rmtree(Path(tmp) / "files" / a.name, ignore_errors=True)


if __name__ == "__main__":
    main()
