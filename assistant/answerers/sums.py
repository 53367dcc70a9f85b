"""A row or item that stands for no one thing of a list: a sum of the others ("Tổng cộng",
"Toàn tỉnh", "Chỉ số chung"), another period beside it ("Cùng kỳ năm 2024"), or the rest
lumped together ("Các xã, phường còn lại (91 đơn vị)") — never the largest of the things
it sums."""

from __future__ import annotations

import re

from index import vn

# A row or item that sums the others up ("Chỉ số chung", "Tổng cộng", "Toàn tỉnh"): never
# the largest of the things it sums (a table's is, when the question compares entities).
_AGGREGATE = re.compile(
    r"(?:nội dung: )?(?:chỉ số chung|tổng cộng|tổng số|tổng|cộng|chung|toàn (?:tỉnh|thành phố|"
    r"huyện|xã)|bình quân|trung bình)\b"
)


# Nor is a row that sets the table beside another period ("Cùng kỳ năm 2024", "So sánh (%)")
# or lumps the rest together ("Các xã, phường còn lại (91 đơn vị)"): no one thing to name.
_NO_ONE = re.compile(r"^(?:cung ky|so sanh|so voi)\b|\bcon lai\b")


def aggregate(name: str) -> bool:
    """Whether an item's name sums the others up, read with its diacritics where it has
    them: folded, "Công ty …" and "03 công trình" would read as "cộng" (a sum)."""
    lower = vn.nfc(name).lower().strip()
    if _NO_ONE.search(vn.fold(lower)):
        return True
    if vn.has_diacritics(lower):
        return _AGGREGATE.match(lower) is not None
    return _AGGREGATE.match(lower) is not None or _AGGREGATE_FOLDED.match(lower) is not None


_AGGREGATE_FOLDED = re.compile(
    r"(?:noi dung: )?(?:chi so chung|tong cong|tong so|tong|cong|chung|toan (?:tinh|thanh pho|"
    r"huyen|xa)|binh quan|trung binh)\b"
)
