"""Two questions in one: "có bao nhiêu doanh nghiệp tham dự và tổng vốn là bao nhiêu?".

When no passage answers the whole question, each part is asked on its own — a later part
carrying the first's period when it names none, and the first's topic and names when it
names little of its own — and the answer gives every part in turn, each cited. A part no
passage answers says so: nothing the reports say is refused, nothing they do not is made up.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerers.evidence import MARKER_GROUP_RE, format_markers, parse_markers
from assistant.answerers.figures import COMPARE_WORDS
from assistant.antecedents import proper_names
from assistant.cite import Answer, Citer
from assistant.intent import COMPARISON, NUMBER_ASKED, intent_of
from assistant.query import ASKING_FOLDED, topic_syllables, without_periods
from index import periods as P
from index import vn
from index.store import Store

# how a part asks: accented words match as typed, unaccented ones folded ("mấy" is not
# "máy" of "bộ máy", "ai" is not "ái" of "nhân ái"); "trong mấy mô hình, …" only frames
_ASKS = re.compile(
    r"\b(?:bao nhiêu|những gì|gì|nào|thế nào|ra sao|bao giờ|(?<!trong )mấy|ai|ở đâu|chưa$|không$|"
    r"how many|how much|what|which|who|when|where)\b",
    re.I,
)
# where one question ends and the next begins: "…, và …", "…; …", "… and …"
_JOINS = re.compile(r"\s*[,;]\s*(?:(?:và|va|and|còn|con)\s+)?|\s+(?:và|va|and)\s+", re.I)
_PART_OF = re.compile(r"(?:trong (?:đó|do|số|so)|riêng|rieng)\b", re.I)
MAX_PARTS = 3
MISSING = "Không tìm thấy đoạn nào trong các báo cáo đã nạp trả lời riêng ý này."
UNCOVERED = "Chưa có báo cáo kỳ"  # how route.period_missing opens: no report covers it


def asks(text: str) -> bool:
    """Whether `text` asks something ("bao nhiêu", "nào", "how many")."""
    if vn.has_diacritics(text):
        return bool(_ASKS.search(text))
    return bool(_ASKS.search(text) or ASKING_FOLDED.search(vn.fold(text)))


def split(question: str) -> list[str]:
    """The questions a question asks, in order ([] when it asks one): each part asks
    something of its own ("bao nhiêu", "những gì") and names at least two words."""
    text = re.sub(r"\s+", " ", question).strip().rstrip("?.! ")
    asked = [p.strip() for p in re.split(r"\?\s+", text) if p.strip()]
    if len(asked) > 1 and all(asks(p) for p in asked):  # "… bao nhiêu %? Ước cả năm bao nhiêu?"
        return [f"{p}?" for p in asked][:MAX_PARTS]
    for m in _JOINS.finditer(text):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if _PART_OF.match(right):
            continue  # "…, trong đó bao nhiêu …": one question about a part of the first
        if asks(left) and asks(right) and len(right.split()) >= 2 and len(left.split()) >= 3:
            rest = split(right) or [f"{right}?"]
            return [f"{left}?", *rest][:MAX_PARTS]
    return []


# "Tết Nhân ái: dự kiến tặng bao nhiêu suất, tới nay tặng được bao nhiêu?": what each part
# asks about, written once before a colon
_FRAME = re.compile(r"^([^:?]{3,60}):\s+\S")


def standalone(part: str, first: str) -> str:
    """A later part as a question of its own: the frame the question opens with ("Tết Nhân
    ái: …"); the first part's period when it names none; its topic and names when it names
    little of its own ("thu giữ những gì?")."""
    if (frame := _FRAME.match(first)) and not asks(frame.group(1)):
        part = f"{frame.group(1)}: {part}"
    carry = []
    if leans := _leans(part):
        topic = set(topic_syllables(first, vn.has_diacritics(first)))
        # what the part already says, as typed: its "đạt" is not the first's "đất"
        have = {w.lower() for w in vn.syllables(part)} | set(topic_syllables(part, False))
        words = re.findall(r"[^\W_]+", without_periods(first))
        kept = [w for w in words if vn.fold(w) in topic and w.lower() not in have]
        # the question's first word is capitalised as a sentence opens, not as a name is:
        # carried, "Buôn lậu" would read as a name every passage must say
        named = {w for n in proper_names(first) for w in n.split()}
        if kept and words and kept[0] == words[0] and kept[0] not in named:
            kept[0] = kept[0][:1].lower() + kept[0][1:]
        carry.append(" ".join(dict.fromkeys(kept)))
    if not P.mentions(part):
        # "…, tiền phạt chênh nhau bao nhiêu?": a comparison of the periods the first compared
        keep = 2 if intent_of(vn.fold(part), ()) == COMPARISON else 1
        carry += [first[m.start : m.end] for m in P.mentions(first) if m.period is not None][:keep]
    if leans:
        typed = vn.fold(" ".join([part, *carry]))
        carry += [n for n in proper_names(first) if vn.fold(n) not in typed][:2]
    carry = [c for c in carry if c]
    return f"{part.rstrip(' ?')} ({', '.join(carry)})?" if carry else part


# how a part measures what the first named, no topic of its own ("đạt mấy phần trăm dự toán")
_MEASURED = re.compile(
    r"\b(?:đạt|dat|phần trăm|phan tram|tỷ lệ|ty le|dự toán|du toan|kế hoạch|ke hoach|cùng kỳ|"
    r"cung ky)\b",
    re.I,
)


def _leans(part: str) -> bool:
    """A part that names little of its own ("được bao nhiêu điểm?", "chiếm bao nhiêu
    phần trăm?", "đạt mấy phần trăm dự toán?"): it asks about what the first part named."""
    own = set(topic_syllables(_MEASURED.sub(" ", part), vn.has_diacritics(part))) - COMPARE_WORDS
    if _WHEN.search(vn.fold(part)):
        own.discard("ngay")  # "dự kiến họp ngày nào?": the day is what it asks, not its topic
    return len(own) <= 3


_WHEN = re.compile(r"\bngay (?:nao|may)\b")


def answer(
    question: str, whole: Answer, ask: Callable[[str], Answer], store: Store
) -> Answer | None:
    """Each part answered by `ask` when `whole`, the answer to the question as one, is a
    refusal, when the question asks two, each with its "?", or a comparison of one measure
    where the parts compare two ("nhiều vụ hơn không, tiền phạt chênh nhau bao nhiêu?");
    None when the question has one part or no part is answered either. (Splitting questions
    the whole answered otherwise — to add what a part alone finds — was measured on the
    bank's tune half: it fixed none and lost a figure.)"""
    compared = whole.mode == "compare" and not whole.insufficient
    asked = re.search(r"\?\s+\S", question.strip()) is not None  # two questions, each with "?"
    if not (whole.insufficient or compared or asked):
        return None
    parts = split(question)
    if not parts:
        return None
    first = ask(parts[0])
    if (
        first.insufficient
        and first.text.startswith(UNCOVERED)
        and any(intent_of(vn.fold(p), ()) == COMPARISON for p in parts[1:])
    ):
        return None  # "tháng 12 thu bao nhiêu, so với tháng 11 thế nào?": no December, no change
    # "Nghị quyết … số mấy, ban hành ngày nào?": a document no passage numbers was issued
    # on no day the reports tell (the report's own date is not its)
    unknown = first.insufficient and NUMBER_ASKED.search(" ".join(vn.syllables(vn.fold(parts[0]))))
    answers = [
        first,
        *(first if unknown and _leans(p) else ask(standalone(p, parts[0])) for p in parts[1:]),
    ]
    if all(a.insufficient for a in answers):
        return None
    if (
        compared
        and not asked
        and (
            any(a.mode != "compare" or a.insufficient for a in answers)
            or len({a.text for a in answers}) < len(answers)
        )
    ):
        return None  # the parts are not two comparisons: the whole's answer stands
    citer = Citer(store)  # the parts' citations, numbered anew in order of use
    lines: list[str] = []
    seen: set[str] = set()
    for i, (part, a) in enumerate(zip(parts, answers, strict=True), 1):
        lines.append(f"{i}) {part[:1].upper()}{part[1:]}")
        if a.insufficient and not a.citations:
            lines.append(MISSING)
            continue  # (a period no report covers is said, with the nearest one, below)
        if a.text in seen:  # one passage answers both parts
            lines.append("(xem ý trên)")
            continue
        seen.add(a.text)
        lines.append(_renumbered(a, citer) if a.citations else a.text)
    answered = [a for a in answers if not a.insufficient]
    return Answer(
        question,
        "\n".join(lines),
        False,
        tuple(citer.citations),
        min(a.support for a in answered),
        {k: sum(a.timings_ms.get(k, 0.0) for a in answers) for k in ("retrieve", "answer")},
        mode=answered[0].mode,
        verified=all(a.verified for a in answered),
    )


def _renumbered(a: Answer, citer: Citer) -> str:
    """The part's text with its [n] in the combined answer's numbering."""
    by_n = {c.n: c for c in a.citations}
    new = {n: int(citer.ref(by_n[n]).strip(" []")) for n in parse_markers(a.text) if n in by_n}

    def mark(m: re.Match[str]) -> str:
        return format_markers([new.get(n, n) for n in parse_markers(m.group(0))])

    return MARKER_GROUP_RE.sub(mark, a.text)
