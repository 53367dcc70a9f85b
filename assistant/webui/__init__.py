"""The web app (Gradio): `python app.py` runs `main()`.

    settings → prepare (open the index; fill it with the samples when empty) → build → launch

Environment, beside assistant/settings.py's ASSISTANT_*: GRADIO_SERVER_NAME (127.0.0.1)
and GRADIO_SERVER_PORT (7860); ASSISTANT_AUTH_FILE, ASSISTANT_USERS and
ASSISTANT_ADMIN_USERS for login (see auth.py), ASSISTANT_LOGIN_MAX_FAILURES,
ASSISTANT_LOGIN_BACKOFF_S and ASSISTANT_LOGIN_BACKOFF_MAX_S for its back-off;
ASSISTANT_UPLOAD_MAX_MB, ASSISTANT_UPLOAD_MAX_FILES, ASSISTANT_UPLOAD_QUOTA_FILES and
ASSISTANT_UPLOAD_QUOTA_MB for uploads; ASSISTANT_CHAT_CONCURRENCY (8) for how many
questions are answered at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assistant.settings import Settings


def is_loopback(host: str) -> bool:
    import ipaddress

    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def prepare(settings: Settings):
    """Open the index with the configured embedder; ingest the bundled samples when the
    index is empty. Returns the embedder (built once, shared by every snapshot)."""
    from assistant.api import ingest_paths, make_embedder, open_store

    embedder = make_embedder(settings.embedder)
    store = open_store(settings, embedder)
    if not store.reports() and settings.samples_dir.exists():
        print(f"Chỉ mục trống: nạp báo cáo mẫu từ {settings.samples_dir} …", file=sys.stderr)
        for r in ingest_paths(store, [settings.samples_dir], settings.max_bytes):
            print(f"  {Path(r.path).name}: {r.status} {r.message}", file=sys.stderr)
    return embedder


def make_state(settings: Settings, embedder, host: str = "127.0.0.1"):
    from assistant.api import make_assistant
    from assistant.webui.auth import Users
    from assistant.webui.state import AppState

    answerer = make_assistant(settings)
    if answerer.warning:
        print(f"! {answerer.warning}", file=sys.stderr)
    return AppState(
        settings, embedder, answerer, Users.from_settings(settings), loopback=is_loopback(host)
    )


def main() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr
    from starlette.middleware import Middleware

    from assistant.webui.assets import CSS, GRADIO_VI, TRANSLATE_JS
    from assistant.webui.auth import INGEST_ROLES, AuthConfigError
    from assistant.webui.gates import LoginGate, LoginGuard, UploadGate, gradio_auth
    from assistant.webui.layout import build

    settings = Settings()
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    try:
        state = make_state(settings, prepare(settings), host)
    except AuthConfigError as e:
        print(f"Lỗi cấu hình đăng nhập: {e}", file=sys.stderr)
        raise SystemExit(2) from e
    if not state.users.enabled and not is_loopback(host):
        print(
            f"! Giao diện mở ở {host} mà không có đăng nhập: mọi người chỉ được hỏi và xem; "
            "đặt ASSISTANT_AUTH_FILE để quản trị viên tải báo cáo lên.",
            file=sys.stderr,
        )
    demo = build(state)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=host,
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        auth=gradio_auth(state.users, LoginGuard.from_settings(settings))
        if state.users.enabled
        else None,
        auth_message=(
            "Đăng nhập Trợ lý Báo cáo: nhập tên đăng nhập (username) và mật khẩu (password) "
            "do quản trị viên cấp, rồi bấm Login. Nhập sai nhiều lần thì phải chờ một lúc "
            "mới đăng nhập lại được."
        ),
        app_kwargs={
            "middleware": [
                Middleware(LoginGate),
                Middleware(UploadGate, may_upload=lambda u: state.role(u) in INGEST_ROLES),
            ]
        },
        max_file_size=f"{state.limits.max_mb:g}mb",
        footer_links=[],  # the API is documented in the README, in Vietnamese
        js=TRANSLATE_JS,
        css=CSS,
        i18n=gr.I18n(en=GRADIO_VI, vi=GRADIO_VI),
        show_error=True,
    )
