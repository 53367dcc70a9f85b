"""A small OpenAI-compatible chat-completions server for tests (stdlib only).

    with FakeOpenAIServer(reply) as server:
        ChatOpenAI(base_url=server.url, ...)

`reply` is a string or a function of the request body (the JSON the client sent) returning
the assistant's text, so a reply can quote a figure from the passages in the prompt.
Speaks POST /v1/chat/completions, plain JSON and streamed ("stream": true → SSE `data:`
chunks, then `data: [DONE]`), and GET /v1/models. Every request body is kept in
`server.requests`. Also runnable by hand: `python tests/assistant/fake_openai_server.py`.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | Callable[[dict[str, Any]], str]

PASSAGE_RE = re.compile(r"<<<ĐOẠN (\d+)>>>\n(.*?)\n<<<HẾT ĐOẠN \1>>>", re.DOTALL)
FIGURE_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]*\d)")


def prompt_text(body: dict[str, Any]) -> str:
    """All message contents of a request, joined."""
    parts = []
    for m in body.get("messages", []):
        content = m.get("content", "")
        if isinstance(content, list):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        parts.append(str(content))
    return "\n".join(parts)


def passages(body: dict[str, Any]) -> dict[int, str]:
    """Passage number → its block (header and text) as the prompt delimits it."""
    return {int(n): block for n, block in PASSAGE_RE.findall(prompt_text(body))}


def first_figure(body: dict[str, Any]) -> tuple[int, str, str]:
    """(passage number, figure, sentence) of the first thousands-formatted figure
    ("386.808") in the passages' text, for replies that cite a real figure."""
    for n, block in sorted(passages(body).items()):
        text = block.split("Nội dung:", 1)[-1]
        for sentence in re.split(r"(?<=[.;])\s+", text):
            m = FIGURE_RE.search(sentence)
            if m:
                return n, m.group(0), sentence.strip()
    raise LookupError("no figure in the passages")


def alter(figure: str) -> str:
    """397.497 → 397.947: the last two digits swapped (or the last one changed)."""
    digits = [i for i, c in enumerate(figure) if c.isdigit()]
    chars = list(figure)
    a, b = digits[-2], digits[-1]
    if chars[a] != chars[b]:
        chars[a], chars[b] = chars[b], chars[a]
    else:
        chars[b] = str((int(chars[b]) + 1) % 10)
    return "".join(chars)


class FakeOpenAIServer:
    def __init__(self, reply: Reply = "Xin chào [1].", delay: float = 0.0, model: str = "fake"):
        self.reply = reply
        self.delay = delay  # seconds before answering (timeouts)
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def text_for(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply


def _pieces(text: str) -> list[str]:
    """The reply in small pieces, as a model streams tokens."""
    return re.findall(r"\S+\s*|\s+", text)


class _Handler(BaseHTTPRequestHandler):
    owner: FakeOpenAIServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._json(
                200, {"object": "list", "data": [{"id": self.owner.model, "object": "model"}]}
            )
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": "not found"}})
            return
        self.owner.requests.append(body)
        if self.owner.delay:
            time.sleep(self.owner.delay)
        try:
            text = self.owner.text_for(body)
        except Exception as exc:
            self._json(500, {"error": {"message": f"scripted reply failed: {exc}"}})
            return
        created = int(time.time())
        model = body.get("model", self.owner.model)
        if body.get("stream"):
            self._stream(text, created, model)
            return
        self._json(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": created,
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            },
        )

    def _stream(self, text: str, created: int, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()

        def event(delta: dict[str, Any], finish: str | None = None) -> None:
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()

        event({"role": "assistant", "content": ""})
        for piece in _pieces(text):
            event({"content": piece})
        event({}, "stop")
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True


if __name__ == "__main__":
    import sys

    with FakeOpenAIServer(sys.argv[1] if len(sys.argv) > 1 else "Xin chào [1].") as s:
        print(s.url, flush=True)
        threading.Event().wait()
