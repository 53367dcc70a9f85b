"""Two amounts of money written in different scales of đồng — a province's "2,3 tỷ đồng", a
commune's "2.315 triệu đồng" — compared in one scale, the conversion written out so that
every figure of the answer is cited or shown computed (answerers/arithmetic.py checks it)."""

from __future__ import annotations

from dataclasses import replace

from assistant.answerers.figures import Figure
from index import vn


def comparable(a: Figure, b: Figure) -> bool:
    """One unit, or two scales of đồng."""
    return a.unit == b.unit or (a.unit in vn.MONEY_SCALES and b.unit in vn.MONEY_SCALES)


def one_scale(a: Figure, b: Figure) -> tuple[Figure, Figure, str]:
    """`a` and `b` in the smaller of their scales of đồng, and the conversion as the answer
    writes it ("2,3 tỷ đồng = 2.300 triệu đồng"); unchanged, and "", in one unit."""
    if a.unit == b.unit or not comparable(a, b):
        return a, b, ""
    small = min(a.unit, b.unit, key=vn.MONEY_SCALES.__getitem__)
    big = b if a.unit == small else a
    converted = vn.rescaled(big.raw, big.value, big.unit, small)
    if converted is None:
        return a, b, ""
    raw, value = converted
    moved = replace(big, raw=raw, value=value, unit=small)
    said = f"{big.raw} {big.unit} = {raw} {small}"
    return (moved, b, said) if big is a else (a, moved, said)


def value_of(f: Figure) -> float:
    """The figure's value in đồng when it is an amount of money (else as written)."""
    return f.value * 10.0 ** vn.MONEY_SCALES.get(f.unit, 0)
