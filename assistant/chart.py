"""A measure across reports as a line chart (PNG) the CLI can save and the UI can show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.answerers.records import SeriesRow
from index import vn


def line_chart(series: Sequence[SeriesRow], path: Path, title: str | None = None) -> Path:
    """Write a PNG of `series` (oldest period first) to `path` and return the path.
    Built on matplotlib's object API with the Agg canvas: no global backend, no pyplot
    state, so it is safe inside the web app's worker threads."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    if not series:
        raise ValueError("không có số liệu để vẽ biểu đồ")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    unit = series[-1].unit
    fig = Figure(figsize=(7.5, 4.2), dpi=120)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    xs = list(range(len(series)))
    ys = [row.value for row in series]
    ax.plot(xs, ys, marker="o", linewidth=2, color="#1f5fa8")
    for x, row in zip(xs, series, strict=True):
        ax.annotate(
            row.raw,
            (x, row.value),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=9,
        )
    ax.set_xticks(xs, [row.period for row in series])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: vn.format_number(v)))
    heading = title or series[-1].measure
    ax.set_title(heading[:1].upper() + heading[1:])
    ax.set_xlabel("Kỳ báo cáo")
    ax.set_ylabel(f"Giá trị ({unit})" if unit else "Giá trị")
    ax.grid(True, alpha=0.3)
    ax.margins(x=0.08, y=0.18)
    fig.tight_layout()
    fig.savefig(path, format="png")
    return path
