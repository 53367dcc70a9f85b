"""Generated answers through a LangChain chat model, verified before anyone sees them.

    extract.answer()  ── insufficient evidence ──────────────────────► extractive refusal
       │ sufficient (no model call before this point)
       ▼
    numbered passages (its citations, then the router's other hits, up to k)
       ▼
    chat model (prompts/system.txt + prompts/answer.txt)
       ▼
    verify(): every figure in a passage its sentence cites ──ok──► Answer(mode="llm")
       │ backend error                     │ failed
       ▼                                   ▼
    extractive answer, verified=True,    extractive answer, verified=False,
    reason "không kết nối được …"        reason "… không kiểm chứng được …"

`verified` describes the text shown: after a backend error nothing was generated, so the
extractive answer (verified by construction) is shown with verified=True and the reason;
when a generated answer was rejected, verified=False flags that the model's answer failed.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from assistant.answerers import extract
from assistant.answerers.evidence import strip_citation_markers
from assistant.answerers.llm_prompt import Passage, build_messages, build_passages, rewrite_prompt
from assistant.answerers.verify import Verification, complete_prefix, verify
from assistant.cite import Answer
from assistant.context import Context
from assistant.query import Query
from assistant.settings import Settings, redact

log = logging.getLogger(__name__)

FALLBACK_SUFFIX = "dùng câu trả lời trích dẫn."


# ---- model output ----------------------------------------------------------------------


def _content(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in content
            if isinstance(part, str) or part.get("type") in (None, "text")
        )
    return str(content)


def _clean_output(text: str) -> str:
    """Reasoning blocks (<think>…</think>) and surrounding blank space out."""
    text = re.sub(r"<think>.*?(?:</think>|$)", "", text, flags=re.DOTALL)
    return text.strip()


def _failure_reason(exc: BaseException, settings: Settings | None) -> str:
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    names = " ".join(type(x).__name__ for x in chain)
    settings = settings or Settings()
    where = f"'{settings.llm_backend}'" + (
        f" tại {settings.redact(settings.llm_base_url)}" if settings.llm_base_url else ""
    )
    if "Timeout" in names or any(isinstance(x, TimeoutError) for x in chain):
        why = f"mô hình ngôn ngữ {where} không trả lời trong {settings.llm_timeout:g} giây"
    elif "Connect" in names or any(isinstance(x, ConnectionError) for x in chain):
        why = f"không kết nối được mô hình ngôn ngữ {where}"
    else:
        msg = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        why = f"mô hình ngôn ngữ {where} gặp lỗi ({type(exc).__name__}{': ' + msg if msg else ''})"
    return settings.redact(f"{why}; {FALLBACK_SUFFIX}")


def _backend_failed(base: Answer, exc: BaseException, settings: Settings | None) -> Answer:
    log.warning("LLM backend failed: %s", (settings or Settings()).redact(repr(exc)))
    return replace(base, mode="extractive", verified=True, reason=_failure_reason(exc, settings))


def _rejected(base: Answer, v: Verification, timings: dict[str, float]) -> Answer:
    return replace(base, mode="extractive", verified=False, reason=v.reason, timings_ms=timings)


def _llm_answer(
    base: Answer, v: Verification, passages: Sequence[Passage], timings: dict[str, float]
) -> Answer:
    """The verified text with its [n] renumbered to the passages it cites, in order."""
    order = v.cited
    number = {p: i for i, p in enumerate(order, start=1)}
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{number[int(m.group(1))]}]", v.text)
    quotes: dict[int, str] = {}
    for s in v.sentences:
        if s.kept:
            for p in s.citations:
                quotes.setdefault(p, strip_citation_markers(s.text))
    citations = tuple(
        replace(passages[p - 1].citation, n=number[p], quote=quotes.get(p, "")) for p in order
    )
    return Answer(
        question=base.question,
        text=text,
        insufficient=False,
        citations=citations,
        support=base.support,
        timings_ms=timings,
        mode="llm",
        verified=True,
        reason=v.reason,
    )


def _finish(
    base: Answer,
    generated: str,
    passages: Sequence[Passage],
    timings: dict[str, float],
) -> Answer:
    t = time.perf_counter()
    v = verify(_clean_output(generated), [p.facts_text for p in passages])
    timings = {**timings, "verify": (time.perf_counter() - t) * 1000}
    if not v.verified:
        log.info("LLM answer rejected: %s", v.reason)
        return _rejected(base, v, timings)
    return _llm_answer(base, v, passages, timings)


# ---- entry points ----------------------------------------------------------------------


def answer(query: Query, ctx: Context) -> Answer | None:
    """A generated answer whose every figure is in a passage its sentence cites, or the
    extractive answer (see the module docstring for `verified` and `reason`); None when no
    chat model is configured."""
    if ctx.chat_model is None:
        return None
    base = extract.answer(query, ctx)
    if base.insufficient:
        return base
    passages = build_passages(base, query, ctx)
    messages = build_messages(query.text, passages)
    t = time.perf_counter()
    try:
        generated = _content(ctx.chat_model.invoke(messages))
    except Exception as exc:
        return _backend_failed(base, exc, ctx.settings)
    timings = {**base.timings_ms, "llm": (time.perf_counter() - t) * 1000}
    return _finish(base, generated, passages, timings)


def stream(query: Query, ctx: Context) -> Iterator[Answer]:
    """Snapshots for a UI: each holds only sentences that are complete and verified (raw
    tokens are buffered, never shown); the last one is the final Answer, exactly what
    `answer` would return. When the final verification falls back, the last snapshot is
    the extractive answer and replaces the partial ones."""
    base = extract.answer(query, ctx)
    if base.insufficient or ctx.chat_model is None:
        yield base
        return
    passages = build_passages(base, query, ctx)
    messages = build_messages(query.text, passages)
    facts = [p.facts_text for p in passages]
    t = time.perf_counter()
    buffer, checked, shown = "", "", ""
    try:
        for chunk in ctx.chat_model.stream(messages):
            buffer += _content(chunk)
            done = _complete(buffer)
            if not done or done == checked:
                continue
            checked = done
            v = verify(done, facts, final=False)
            if v.text and v.text != shown:
                shown = v.text
                yield _llm_answer(base, v, passages, dict(base.timings_ms))
    except Exception as exc:
        yield _backend_failed(base, exc, ctx.settings)
        return
    timings = {**base.timings_ms, "llm": (time.perf_counter() - t) * 1000}
    yield _finish(base, buffer, passages, timings)


def _complete(buffer: str) -> str:
    """The complete sentences of a streamed buffer (nothing while the model still thinks)."""
    if "<think>" in buffer and "</think>" not in buffer:
        return ""
    return complete_prefix(_clean_output(buffer))


def _format_history(history: Sequence[tuple[str, str]], max_chars: int = 600) -> str:
    lines = []
    for q, a in history[-3:]:
        a = strip_citation_markers(a)
        lines.append(f"Người dùng: {q.strip()}")
        lines.append(f"Trợ lý: {a[:max_chars] + ('…' if len(a) > max_chars else '')}")
    return "\n".join(lines)


def rewrite_question(chat_model: Any, history: list[tuple[str, str]], question: str) -> str:
    """A follow-up question ("còn tháng 11 thì sao?") rewritten as a standalone Vietnamese
    question, given the previous turns as (question, answer) pairs. Falls back to the
    question itself on any error or an unusable reply."""
    if not history or chat_model is None:
        return question
    try:
        messages = rewrite_prompt().format_messages(
            history=_format_history(history), question=question.strip()
        )
        reply = _clean_output(_content(chat_model.invoke(messages)))
    except Exception as exc:
        log.warning("question rewriting failed: %s", redact(repr(exc)))
        return question
    line = next((ln.strip() for ln in reply.splitlines() if ln.strip()), "")
    line = re.sub(r"^(?:câu hỏi(?: mới| viết lại)?|question)\s*:\s*", "", line, flags=re.I)
    line = line.strip().strip("\"“”'`*").strip()
    if not line or len(line) > 4 * len(question) + 300:
        return question
    return line
