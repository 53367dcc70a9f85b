"""The leader's briefing as data: what changed between two reports of one series, one
item a line, every item with the passages it rests on and the arithmetic it shows.

The number rule lives here (`check`): every number of an item's text is in one of its
citations' passages or in its `computed` arithmetic, whose operands are themselves cited;
the arithmetic must add up. answerers/verify.py does the checking, as for any answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answerers.verify import unsupported
from assistant.cite import Answer, Citation
from index import labels

FIGURES, PROJECTS, TASKS = "Số liệu chính", "Dự án", "Nhiệm vụ"
DECISIONS, ALERTS, SUMMARY = "Văn bản mới", "Cần chú ý", "Tóm tắt"
SECTIONS = (FIGURES, PROJECTS, TASKS, DECISIONS, ALERTS, SUMMARY)
KINDS = ("figure", "project", "task", "decision", "alert", "summary")


@dataclass(frozen=True)
class Item:
    section: str  # one of SECTIONS
    kind: str  # one of KINDS ("summary": a point of the fallback summary)
    text: str  # Vietnamese, one line; numbers only as written in its passages
    computed: str = ""  # the arithmetic shown on cited numbers ("45.380 − 42.960 = …")
    citations: tuple[Citation, ...] = ()

    def to_json(self) -> dict:
        return {
            "section": self.section,
            "kind": self.kind,
            "text": self.text,
            "computed": self.computed,
            "citations": [
                {
                    "n": c.n,
                    "report": c.report,
                    "date": c.date,
                    "section": c.section,
                    "footnote": c.footnote,
                    "page": c.page,
                    "text": c.text,
                }
                for c in self.citations
            ],
        }


def check(item: Item) -> list[str]:
    """What breaks the number rule in `item` (empty when nothing does): figures found
    neither in its passages nor as results of its arithmetic, and arithmetic that does not
    add up (answerers/verify.unsupported)."""
    text = f"{item.text}\n{item.computed}" if item.computed else item.text
    return unsupported(text, [c.text for c in item.citations])


@dataclass(frozen=True)
class Briefing:
    period: str  # "01/2026"
    previous: str | None  # the period compared with; None when the series has one report
    issuer: str
    report: str  # the readable name of the period's report (index.labels)
    previous_report: str  # and of the previous one ("" when none)
    items: tuple[Item, ...]
    note: str = ""  # said above the items: other issuers with a report of this period
    dropped: int = 0  # items left out because they broke the number rule (should be 0)

    def to_json(self) -> dict:
        return {
            "period": self.period,
            "previous": self.previous,
            "issuer": self.issuer,
            "items": [i.to_json() for i in self.items],
        }

    def section(self, name: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.section == name)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every passage cited, once, in order of [n]."""
        seen: dict[int, Citation] = {}
        for item in self.items:
            for c in item.citations:
                seen.setdefault(c.n, c)
        return tuple(seen[n] for n in sorted(seen))

    @property
    def title(self) -> str:
        head = f"Bản tin {labels.period_phrase(self.period)} — {self.issuer}"
        if self.previous:
            return f"{head} (so với {labels.period_phrase(self.previous)})"
        return head

    def lines(self) -> list[str]:
        """The briefing as text: a heading per section, an item a line with its [n], the
        arithmetic under it."""
        out = [self.title, f"Báo cáo kỳ này: {self.report}"]
        if self.previous_report:
            out.append(f"Báo cáo kỳ trước: {self.previous_report}")
        if self.note:
            out.append(self.note)
        for name in SECTIONS:
            items = self.section(name)
            if not items:
                continue
            out += ["", name]
            for item in items:
                marks = "".join(f"[{n}]" for n in dict.fromkeys(c.n for c in item.citations))
                out.append(f"- {item.text} {marks}".rstrip())
                if item.computed:
                    out.append(f"  Phép tính: {item.computed}")
        return out

    def as_answer(self, question: str, took_ms: float = 0.0) -> Answer:
        return Answer(
            question=question,
            text="\n".join(self.lines()),
            insufficient=False,
            citations=self.citations,
            support=1.0,
            timings_ms={"retrieve": 0.0, "answer": took_ms},
            mode="briefing",
        )


def numbered(items: list[Item]) -> list[Item]:
    """The items with one numbering of their passages, in order of first use: a passage
    quoted for the same sentence twice keeps one [n]."""
    numbers: dict[tuple[str, str], int] = {}
    out = []
    for item in items:
        cites = []
        for c in item.citations:
            n = numbers.setdefault((c.chunk_id, c.quote), len(numbers) + 1)
            cites.append(replace(c, n=n))
        out.append(replace(item, citations=tuple(cites)))
    return out
