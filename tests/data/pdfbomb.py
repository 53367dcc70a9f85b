"""PDFs that inflate far past their size, for the tests and bench/attacks.py: a page whose
content stream, or whose image, is `mb` megabytes once inflated (zlib: about 1 MB a GB)."""

from __future__ import annotations

import zlib

_HEAD = b"BT /F1 12 Tf 72 720 Td (Bao cao so 1/BC-UBND) Tj ET\n"


def _inflating(mb: int) -> bytes:
    """`mb` megabytes of spaces after one line of text, compressed piece by piece."""
    c = zlib.compressobj(9)
    block = b" " * (1 << 20)
    return b"".join([c.compress(_HEAD), *(c.compress(block) for _ in range(mb)), c.flush()])


def _stream(entries: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def pdf_bomb(mb: int, image: bool = False, declared: int = 0) -> bytes:
    """One page; with `image`, the page draws a gray image of `mb` MB inflated, whose size
    says it is that large too unless `declared` (MB) says otherwise."""
    data = _inflating(mb)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    if image:
        width = 1 << 14
        height = ((declared or mb) << 20) // width
        objs += [
            page + b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(b"", b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
            _stream(
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
                data,
            ),
        ]
    else:
        objs += [
            page + b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(b"/Filter /FlateDecode", data),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    return _file(objs)


def _file(objs: list[bytes]) -> bytes:
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
