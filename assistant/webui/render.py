"""Answers as the chat shows them. Everything that comes from a document is data: it is
escaped before it reaches Markdown or HTML, so a report holding `<script>`, `<img onerror>`
or `[link](http://…)` shows those characters and nothing else."""

from __future__ import annotations

import html
import re

from assistant.api import Answer, caption, escape_md

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of
# them also stops autolinks (http\:\/\/…, www\.…), entities (\&lt;), LaTeX (\$) and list
# markers a passage happens to start with.
_MD_ALL = re.compile(r"([!-/:-@\[-`{-~])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")


def md_literal(text: str) -> str:
    """Stricter than `escape_md`, for the chat: no character of `text` has a meaning."""
    return _MD_ALL.sub(r"\\\1", text)


def esc(text: object) -> str:
    """HTML-escaped text (quotes included), for building HTML around document text."""
    return html.escape(str(text), quote=True)


def to_markdown(a: Answer) -> str:
    """The answer, then every cited passage quoted in full: for exported Markdown."""
    lines = [escape_md(a.text).replace(r"\[", "[").replace(r"\]", "]").replace("\n", "  \n")]
    if a.citations:
        lines += ["", "---", "**Nguồn trích dẫn**"]
    for c in a.citations:
        lines.append("")
        lines.append(f"**[{c.n}]** {escape_md(caption(c))} · _{escape_md(c.file)}_")
        lines.append("> " + escape_md(c.text).replace("\n", "\n> "))
    return "\n".join(lines)


def cite_href(key: str, n: int) -> str:
    """The fragment a [n] link carries; the page script turns a click into a panel update."""
    return f"#cite-{key}-{n}"


def _linked(text: str, key: str, numbers: set[int]) -> str:
    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"[\\[{n}\\]]({cite_href(key, n)})" if n in numbers else m.group(0)

    return _MARKER.sub(link, text)


def chat_markdown(a: Answer, key: str, note: str = "") -> str:
    """The answer for the chat: each [n] a link opening passage n in the side panel, then
    one clickable source line per citation (the passages themselves are in the panel)."""
    numbers = {c.n for c in a.citations}
    body = "  \n".join(_linked(md_literal(line), key, numbers) for line in a.text.split("\n"))
    parts = [f"_{md_literal(note)}_" if note else "", body]
    if a.reason:
        parts.append(f"_{md_literal(a.reason)}_")
    if a.citations:
        lines = [
            f"[\\[{c.n}\\]]({cite_href(key, c.n)}) {md_literal(caption(c))}" for c in a.citations
        ]
        parts.append("**Nguồn** (bấm [n] để xem đoạn trích):  \n" + "  \n".join(lines))
    return "\n\n".join(p for p in parts if p)


def plain_text(a: Answer) -> str:
    """The answer and its sources as plain text, for the copy button."""
    lines = [a.text]
    if a.citations:
        lines += ["", "Nguồn:"]
        lines += [f"[{c.n}] {caption(c)} — {c.file}" for c in a.citations]
    return "\n".join(lines)
