"""What earlier turns name: the thing a follow-up's "dự án đó" stands for, a question's
subject and topic words, proper names — read from the previous question and its answer —
and the previous question asked of another thing ("còn Bình Thuận thì sao?"), and what a
follow-up picks among ("thôn nào nhiều nhất?"): assistant/dialogue.py rewrites the follow-up
with them."""

from __future__ import annotations

import re

from assistant.intent import EXTREME_WORDS
from assistant.query import ASKING_FOLDED, topic_written, without_periods
from index import vn

NAMED_RE = re.compile(
    r"\b((?i:dự án|công trình|quyết định|kế hoạch|văn bản|đề án|chương trình|trung tâm|"
    r"mô hình|cuộc thi|hệ thống|sở|bệnh viện|trường|ban quản lý))\s+"
    r"((?:số\s+)?[\w/.\-–]*[A-ZĐ0-9][^,;:?.!()]{2,80})"
)
PLACE_KINDS = frozenset(
    vn.fold(k) for k in ("tỉnh", "huyện", "xã", "phường", "thôn", "bản", "sở", "đơn vị")
)
# "chuyện này", "vấn đề đó": no kind of thing, the matter the previous question was about
MATTERS = frozenset(vn.fold(k) for k in ("chuyện", "việc", "vấn đề", "tình trạng"))
# "số này", "con số đó": the figure just asked — as typed, "số" is not "sở" (a department)
FIGURES = frozenset(("số", "con số", "số liệu"))

NAME_END_RE = re.compile(
    r"\s+(?:còn|đã|đang|được|có|là|với|đạt|bao|tại|trong|thì|sẽ|bị|vào|như|nào|gì|chưa|"
    r"không|hiện|tháng|năm|quý|phải|cần|gặp|vướng)\b.*$",
    re.IGNORECASE,
)


def named_thing(text: str, kind: str = "") -> str:
    """The last named project/decision in a text: 'dự án Kè bờ sông Mai' — the name stops
    where the sentence goes on ('… còn bao nhiêu hộ'); of the kind asked when one is."""
    found = [
        m
        for m in NAMED_RE.finditer(vn.strip_markers(text))
        if not kind or vn.fold(m.group(1)) == vn.fold(kind)
    ]
    if not found:
        return ""
    name = NAME_END_RE.sub("", found[-1].group(2).strip())
    return f"{found[-1].group(1).lower()} {name}"


def antecedent(kind: str, question: str, answer: str) -> str:
    """What "<kind> đó" refers to: a place named in the previous question (`question`) ("tỉnh này" →
    "Đắk Nông"); else the thing of that kind it names, by its name ("dự án Kè suối Lao Ly")
    or by the words after it ("trung tâm điều hành thông minh IOC của tỉnh"); else that
    kind as the previous question asked about it ("mô hình (Quyết định 787 … thí điểm)");
    else the last named thing of that kind in its answer."""
    if kind.lower() in FIGURES:  # what the previous question measured, lower-cased mid-sentence
        subject = subject_of(question)
        words = subject.split()[:2]
        named = len(words) == 2 and all(w[:1].isupper() for w in words)  # "Sở Văn hóa …"
        keep = not words or words[0].isupper() or named
        return subject if keep else subject[:1].lower() + subject[1:]
    if vn.fold(kind) in PLACE_KINDS:
        names = proper_names(question)
        return names[-1] if names else ""
    if vn.fold(kind) in MATTERS:  # "chuyện này": what the previous question was about
        return subject_of(question)
    if named := named_thing(question, kind):
        return named
    at = vn.fold(question).rfind(vn.fold(kind) + " ")
    if at >= 0:
        rest = question[at + len(kind) :]
        words = NAME_END_RE.sub("", re.split(r"[,;:?.!()]", rest)[0]).strip()
        if words and not ASKING_RE.match(f" {words}"):
            return f"{kind} {words}"
        # "dự án nào …?": the answer names it; else the kind as the question put it
        return named_thing(answer, kind) or _kind_about(kind, question)
    if named := named_thing(question) or named_thing(answer, kind) or named_thing(answer):
        return named
    # "đợt đó" after "Phiên bán đấu giá 24 lô đất … diễn ra ngày nào?": what it was about
    return _kind_about(kind, question)


def _kind_about(kind: str, question: str) -> str:
    """The kind as the previous question asked about it: "đợt (Phiên bán đấu giá …)"."""
    subject = subject_of(question).strip()
    return f"{kind} ({subject})" if subject and vn.fold(subject) != vn.fold(kind) else ""


def subject_of(question: str) -> str:
    """What a question is about, without how it asks or when: "Giải ngân vốn đầu tư công
    của Lạng Sơn" of "Giải ngân … của Lạng Sơn đến 18/12/2023 được bao nhiêu?"."""
    text = re.split(ASKING_RE, re.sub(r"\s+", " ", without_periods(question)), maxsplit=1)[0]
    text = re.sub(rf"^(?:{_LINKS}\s+)+", "", text.strip(" ?,"), flags=re.I)
    return re.sub(rf"(?:\s+(?:{_LINKS}|số|mang|ở|tại))+\s*$", "", text, flags=re.I)


_LINKS = "đến|đã|được|là|có|trong|của|tính|vào|ngày|từ"


def topic_words(question: str, own: list[str]) -> str:
    """The words of a question that say what it is about, as written, less those in `own`."""
    own_set = set(own)
    written = topic_written(question, vn.has_diacritics(question))
    return " ".join(w for w in written if vn.fold(w) not in own_set)


ASKING_RE = re.compile(
    r"\s+(?:là bao nhiêu|bao nhiêu|mấy|gì|nào|ra sao|thế nào|như thế nào|chưa|không)\b", re.I
)


def asks(text: str) -> bool:
    """Whether a follow-up asks something of its own ("đến khi nào thì …"): then it is not
    the previous question asked of another thing."""
    return bool(ASKING_RE.search(f" {text}") or ASKING_FOLDED.search(vn.fold(text)))


def proper_names(text: str) -> list[str]:
    """Proper names: runs of capitalised words ("Phú Mai", "Xã Phú Mai"); the first word of
    the sentence only in a run of two or more; abbreviations (NSNN) are not names."""
    words = re.findall(r"[^\W_]+", vn.nfc(text))
    out, run = [], []
    for i, w in enumerate([*words, ""]):
        if w[:1].isupper() and not (w.isupper() and len(w) > 1):
            run.append((i, w))
            continue
        if run and (run[0][0] > 0 or len(run) > 1):
            out.append(" ".join(x for _, x in run))
        run = []
    return out


def substitute(previous: str, x: str) -> str:
    """The previous question asked of `x` instead: a name for a name ("Lâm Đồng" →
    "Bình Thuận"), else the phrase of the same length that shares its head or its last
    word ("viên chức" → "công chức"); else `x` added in brackets."""
    if _AGAINST.match(x):  # "so với mục tiêu đề ra": the same figure, set beside another
        return f"{previous.rstrip(' ?')}, {x}?"
    if swapped := _other_member(previous, x):  # "còn thôn ít nhất?", "còn tay chân miệng?"
        return swapped
    x_names, prev_names = proper_names(x), proper_names(previous)
    if x_names and prev_names:  # a place for a place: "Lâm Đồng", not "Chi phí"'s "Chi"
        alike = [n for n in prev_names if len(n.split()) == len(x_names[0].split())]
        return previous.replace((alike or prev_names)[-1], x_names[0], 1)
    # typed with diacritics, words compare as typed ("so với" is not "Sở")
    key = str.lower if vn.has_diacritics(x) and vn.has_diacritics(previous) else vn.fold
    words = re.findall(r"[^\W_]+", previous)
    mine = [key(w) for w in re.findall(r"[^\W_]+", x)]
    n = len(mine)
    for i in range(len(words) - n, -1, -1):
        window = [key(w) for w in words[i : i + n]]
        if n >= 2 and window != mine and (window[-1] == mine[-1] or window[0] == mine[0]):
            old = " ".join(words[i : i + n])
            if old in previous:
                return previous.replace(old, x, 1)
    # "… xảy ra bao nhiêu vụ phạm pháp hình sự?" + "còn tai nạn giao thông?": what it counts
    counted = _COUNTED_AFTER.search(previous)
    if counted and n >= 2 and not set(vn.terms(subject_of(previous))) - _SETTING:
        return previous[: counted.start(1)] + x + previous[counted.end(1) :]
    # "Tình hình tội phạm tháng 12 thế nào?" + "còn tai nạn giao thông thì sao?": its subject
    subject = _GENERIC_HEAD.sub("", subject_of(previous)).strip()
    if len(subject.split()) >= 2 and subject in previous and n >= 2:
        return previous.replace(subject, x, 1)
    return f"{previous.rstrip(' ?')} ({x})?"


_AGAINST = re.compile(r"(?:so với|so voi)\b", re.I)


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) of each word of `text`."""
    return [(m.start(), m.end(), vn.fold(m.group(0)).lower()) for m in _WORD.finditer(text)]


_WORD = re.compile(r"[^\W_]+")


def _other_member(previous: str, x: str) -> str | None:
    """The previous question of the member of a closed set x names in place of the one it
    named, x's words as typed: a superlative turned the other way ("còn thôn ít nhất?"
    after "… nhiều hộ nghèo nhất"), a disease for a disease ("còn tay chân miệng?" after
    dengue's)."""
    theirs, mine = _words(previous), _words(x)
    said, asked = [w for *_, w in theirs], [w for *_, w in mine]
    spans = _extremes(said, asked) or _members(said, asked, previous, x)
    if spans is None:
        return None
    (at, end), (start, stop) = spans
    typed = x[mine[start][0] : mine[stop - 1][1]]
    return previous[: theirs[at][0]] + typed + previous[theirs[end - 1][1] :]


Spans = tuple[tuple[int, int], tuple[int, int]]  # (previous's words, x's words) swapped


def _extremes(said: list[str], asked: list[str]) -> Spans | None:
    """x ends on the other superlative ("… ít nhất") and adds nothing the previous did not
    say: the previous one's superlative word, and x's."""
    if len(asked) < 2 or asked[-1] != "nhat" or asked[-2] not in EXTREME_WORDS:
        return None
    if not set(asked[:-2]) <= set(said):
        return None
    for i, w in enumerate(said):
        if w in EXTREME_WORDS and w != asked[-2] and "nhat" in said[i + 1 : i + 5]:
            return (i, i + 1), (len(asked) - 2, len(asked) - 1)
    return None


def _members(said: list[str], asked: list[str], previous: str, x: str) -> Spans | None:
    """The members of one of `vn`'s closed sets x and the previous question name."""
    if not (pair := vn.other_member(x, previous)):
        return None
    new, old = (p.split() for p in pair)
    at, typed = _find(said, old), _find(asked, new)
    if at is None or typed is None:
        return None
    return (at, at + len(old)), (typed, typed + len(new))


def _find(words: list[str], phrase: list[str]) -> int | None:
    return next((i for i in range(len(words)) if words[i : i + len(phrase)] == phrase), None)


# "bao nhiêu vụ <what>": what a count counts, when the words before it only set the scene
_COUNTED_AFTER = re.compile(
    r"\b(?:bao nhiêu|mấy)\s+(?:vụ|hộ|người|lượt|trường hợp|ca|cuộc)\s+"
    r"([^,?;]+?)(?=\s*(?:[,?;]|$|\s(?:tăng|giảm|so với|trong|của)\b))",
    re.I,
)
_SETTING = frozenset(vn.terms("trên địa bàn xảy ra có toàn thành phố tỉnh huyện xã ghi nhận"))
# how a subject is introduced, kept when another takes its place
_GENERIC_HEAD = re.compile(r"^(?:(?:tình hình|công tác|kết quả|việc|số|tổng số)\s+)+", re.I)


# how much, not of what: no topic of its own
HOW_MUCH = frozenset(vn.fold(w) for w in "nhiều ít nhất cao thấp lớn nhỏ tăng giảm hơn".split())


_PICKED = re.compile(r"\b(\w+) nao\b")


def without_extreme(words: list[str]) -> list[str]:
    """Words less a superlative ("đông nhất", "nhiều vụ vi phạm nhất"): "nhất" and the word
    it makes one — not "lao động", which only folds as "đông" does."""
    folded = [vn.fold(w).lower() for w in words]
    return [
        w
        for i, w in enumerate(words)
        if folded[i] != "nhat"
        and not (folded[i] in EXTREME_WORDS and "nhat" in folded[i + 1 : i + 5])
    ]


def picks_only(question: str, own_topic: list[str]) -> bool:
    """ "Thôn nào nhiều nhất?": what to pick among, and nothing of what is measured."""
    plain = " ".join(vn.syllables(vn.fold(question)))
    picked = set(_PICKED.findall(plain))
    # ("bị" says it happened to them, not what happened)
    measured = [w for w in own_topic if w not in HOW_MUCH and w not in picked and w != "bi"]
    return bool(picked) and not measured and bool(re.search(r"\bnhat\b", plain))


# the one a superlative's answer found: "cao nhất là Nga (Tăng/giảm: +32,7%):", or the
# first item it quotes ("thấp nhất là:\n- xã Thạch Bàn 41/64 căn …")
_FOUND = re.compile(
    r"(?:cao|thấp) nhất là\s*"
    r"(?:([^\W\d][^(:\n]*?)\s*\(|:\n- ([^\W\d][^\n;]*?)(?:\.\s|;|\[|$))"
)


def found_by(answer: str) -> str:
    """What the previous answer found ("Nga", "xã Thạch Bàn"), "" when it picked none."""
    m = _FOUND.search(answer)
    return (m.group(1) or m.group(2)).strip() if m else ""
