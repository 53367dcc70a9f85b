"""The arithmetic an answer writes out — a difference, a sum, a share, an amount in another
scale of đồng — checked, and the figures it computes: a figure of an answer is either in a
cited passage or the result of arithmetic shown on cited figures (verify.unsupported)."""

from __future__ import annotations

import re

from index import vn

_CALC = re.compile(
    r"(?P<a>\d[\d.,]*)\s*(?P<op>[−+-])\s*(?P<b>\d[\d.,]*)\s*=\s*(?P<c>−?\d[\d.,]*)"
    r"(?:[^(\n]{0,40}\((?P<sign>[+−-])(?P<pct>\d[\d.,]*)%\))?"
)


# "412 / 6.842 = 6,0%": a share of a whole
_SHARE = re.compile(r"(?P<a>\d[\d.,]*) / (?P<b>\d[\d.,]*)\s*=\s*(?P<c>\d[\d.,]*)%")


# "2,3 tỷ đồng = 2.300 triệu đồng": an amount in another scale of đồng (answerers/scales.py)
_RESCALED = re.compile(
    r"(?P<a>\d[\d.,]*) (?P<u>(?:nghìn |triệu |tỷ )?đồng) = "
    r"(?P<c>\d[\d.,]*) (?P<v>(?:nghìn |triệu |tỷ )?đồng)"
)


def arithmetic(text: str) -> tuple[set[str], list[str]]:
    """The keys of the results of the sums, differences, shares and conversions an answer
    writes out ("a − b = c (+p%)", "a + b = c", "a / b = c%", "a tỷ đồng = c triệu đồng"),
    and a message for each one that does not add up (c ≠ a − b, p ≠ c / b, c ≠ a / b, c ≠
    a × 1.000)."""
    keys: set[str] = set()
    errors: list[str] = []
    for m in _RESCALED.finditer(vn.nfc(text)):
        a, c = vn.parse_number(m.group("a")), vn.parse_number(m.group("c"))
        scale = vn.MONEY_SCALES[m.group("u")] - vn.MONEY_SCALES[m.group("v")]
        if a is None or c is None or abs(a * 10.0**scale - c) > 1e-9 * max(1.0, abs(c)):
            errors.append(f"{m.group(0)}: {m.group('a')} {m.group('u')} ≠ {m.group('c')}")
            continue
        keys.add(f"num:{vn.number_key(m.group('c'))}")
    for m in _SHARE.finditer(vn.nfc(text)):
        a, b, c = (vn.parse_number(m.group(k)) for k in "abc")
        if a is None or not b or c is None or abs(a / b * 100 - c) > 0.051:
            errors.append(f"{m.group(0)}: {m.group('a')} / {m.group('b')} ≠ {m.group('c')}%")
            continue
        keys |= {f"pct:{vn.number_key(m.group('c'))}", f"num:{vn.number_key(m.group('c'))}"}
    for m in _CALC.finditer(vn.nfc(text)):
        a, b = vn.parse_number(m.group("a")), vn.parse_number(m.group("b"))
        c = vn.parse_number(m.group("c").lstrip("−"))
        if a is None or b is None or c is None:
            errors.append(f"không đọc được phép tính “{m.group(0)}”")
            continue
        c = -c if m.group("c").startswith("−") else c
        plus = m.group("op") == "+"
        if abs((a + b if plus else a - b) - c) > 1e-6 * max(1.0, abs(a), abs(b)) + 0.006:
            errors.append(f"{m.group(0)}: {a:g} {'+' if plus else '−'} {b:g} ≠ {c:g}")
        keys.add(f"num:{vn.number_key(m.group('c').lstrip('−'))}")
        if m.group("pct") is not None:
            pct = vn.parse_number(m.group("pct")) or 0.0
            pct = -pct if m.group("sign") in "−-" else pct
            if b and abs(c / b * 100 - pct) > 0.051:
                errors.append(f"{m.group(0)}: {c:g} / {b:g} ≠ {pct:g}%")
            keys |= {f"pct:{vn.number_key(m.group('pct'))}", f"num:{vn.number_key(m.group('pct'))}"}
    return keys, errors
