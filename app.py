"""Gradio chat: `python app.py`. Bound to 127.0.0.1 unless GRADIO_SERVER_NAME says otherwise;
ingests the bundled sample reports first when the index is empty. The app itself lives in
assistant/webui/ (settings → prepare index → build → launch).

API for gradio_client: `Client(url).predict("câu hỏi", api_name="/ask")` returns the answer
text with its [n] markers; `/ask_json` returns the full JSON answer with citations.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.webui import main, make_state, prepare
from assistant.webui.render import escape_md, to_markdown

__all__ = ["escape_md", "main", "make_state", "prepare", "to_markdown"]

if __name__ == "__main__":
    main()
