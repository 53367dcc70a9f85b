"""Gates in front of the app: a back-off on wrong passwords, per user name and per client
address (`LoginGuard`; Gradio's auth callable gets no request, so `LoginGate`, ASGI
middleware on /login, hands it the client address and answers the refusals), and
`UploadGate`, which keeps Gradio's upload route to the roles that may ingest: any
logged-in user could otherwise fill its temporary folder with 50 MB files."""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from assistant.settings import Settings
from assistant.webui.auth import Users

# ---- login back-off ------------------------------------------------------------------


class LoginRefused(Exception):
    """Too many wrong passwords for this name or from this address: `wait` seconds left.
    Said the same way whether the name exists or not."""

    def __init__(self, wait: float):
        self.wait = wait
        super().__init__(
            f"Đăng nhập sai quá nhiều lần nên tạm bị chặn; hãy thử lại sau {math.ceil(wait)} giây."
        )


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0  # time of the last wrong password
    until: float = 0.0  # refused until then


def _name_key(name: str) -> str:
    """The name as Users.check reads it; long ones hashed so a key stays small."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    return name if len(name) <= 64 else "sha256:" + hashlib.sha256(name.encode()).hexdigest()


class LoginGuard:
    """After `max_failures` wrong passwords for a user name, and separately from a client
    address, every attempt (the right password too, which is not even checked) is refused
    for `backoff_s`, doubled with each further failure up to `backoff_max_s`. A success
    clears the name's count but not the address's, or one valid account would let a
    client keep guessing others. Entries are forgotten `backoff_max_s` after their last
    failure, and at most `max_keys` are kept (the oldest go first). max_failures <= 0: off."""

    def __init__(
        self,
        max_failures: int = 5,
        backoff_s: float = 30.0,
        backoff_max_s: float = 900.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ):
        self.max_failures, self.backoff_s = max_failures, backoff_s
        self.backoff_max_s = max(backoff_max_s, backoff_s)
        self._clock, self._max_keys = clock, max_keys
        self._entries: OrderedDict[tuple[str, str], _Failures] = OrderedDict()  # by last
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginGuard:
        return cls(
            settings.login_max_failures, settings.login_backoff_s, settings.login_backoff_max_s
        )

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _keys(name: str, address: str) -> list[tuple[str, str]]:
        return [("user", _name_key(name))] + ([("addr", address)] if address else [])

    def _forget(self, now: float) -> None:
        while self._entries:
            first = next(iter(self._entries.values()))
            if now - first.last <= self.backoff_max_s and len(self._entries) <= self._max_keys:
                return
            self._entries.popitem(last=False)

    def retry_after(self, name: str, address: str = "") -> float:
        """Seconds before this name from this address may try again; 0: now."""
        if self.max_failures <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            self._forget(now)
            waits = [
                e.until - now for k in self._keys(name, address) if (e := self._entries.get(k))
            ]
            return max([0.0, *waits])

    def record(self, name: str, address: str, ok: bool) -> None:
        if self.max_failures <= 0:
            return
        with self._lock:
            now = self._clock()
            if ok:
                self._entries.pop(("user", _name_key(name)), None)
                return
            for key in self._keys(name, address):
                e = self._entries.pop(key, None) or _Failures()
                e.count, e.last = e.count + 1, now
                if e.count >= self.max_failures:
                    doublings = min(e.count - self.max_failures, 32)
                    e.until = now + min(self.backoff_s * 2**doublings, self.backoff_max_s)
                self._entries[key] = e
            self._forget(now)

    def check(self, name: str, address: str, verify: Callable[[], bool]) -> bool:
        """`verify()` (the password check) unless refused: then LoginRefused, nothing
        checked. The outcome is counted."""
        wait = self.retry_after(name, address)
        if wait > 0:
            raise LoginRefused(wait)
        ok = verify()
        self.record(name, address, ok)
        return ok


CLIENT_ADDRESS: ContextVar[str] = ContextVar("login_client_address", default="")


def gradio_auth(users: Users, guard: LoginGuard) -> Callable[[str, str], bool]:
    """For launch(auth=…): `users.check` behind `guard`, with the address LoginGate saw."""

    def check(username: str, password: str) -> bool:
        return guard.check(username, CLIENT_ADDRESS.get(), lambda: users.check(username, password))

    return check


class LoginGate:
    """ASGI middleware for Gradio's POST /login: puts the client's address (the socket's,
    not a header a client could forge) where `gradio_auth` reads it, and answers a
    LoginRefused with 400 (the status Gradio's login form shows as a failure), the reason
    in Vietnamese and Retry-After."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if not _is_post(scope, "/login"):
            await self.app(scope, receive, send)
            return
        token = CLIENT_ADDRESS.set(str((scope.get("client") or ("",))[0] or ""))
        try:
            await self.app(scope, receive, send)
        except LoginRefused as e:
            await _refuse(send, 400, str(e), [(b"retry-after", str(math.ceil(e.wait)).encode())])
        finally:
            CLIENT_ADDRESS.reset(token)


def _is_post(scope: dict, route: str) -> bool:
    path = str(scope.get("path", "")).rstrip("/")
    return scope["type"] == "http" and scope.get("method") == "POST" and path.endswith(route)


async def _refuse(send: Any, status: int, detail: str, extra: list | None = None) -> None:
    """A JSON error reply {"detail": …}, the shape Gradio's own refusals have."""
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class UploadGate:
    """ASGI middleware on Gradio's upload route: only a user whose role may ingest may put
    files in its temporary folder (the upload handler checks again). The user is read the
    way Gradio reads it, from the session cookie in its token table."""

    def __init__(self, app: Any, may_upload: Callable[[str | None], bool]):
        self.app = app
        self.may_upload = may_upload

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if not _is_post(scope, "/upload"):
            await self.app(scope, receive, send)
            return
        user = _session_user(scope)
        no_session = user is None and getattr(scope.get("app"), "auth", None)
        if no_session or self.may_upload(user):  # without a session Gradio answers 401
            await self.app(scope, receive, send)
            return
        from assistant.webui.upload import NOT_ALLOWED

        await _refuse(send, 403, NOT_ALLOWED[:1].upper() + NOT_ALLOWED[1:])


def _session_user(scope: dict) -> str | None:
    from http.cookies import SimpleCookie

    app = scope.get("app")
    tokens, cookie_id = getattr(app, "tokens", None), getattr(app, "cookie_id", "")
    if not tokens:
        return None
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers") or []:
        if name == b"cookie":
            jar.load(value.decode("latin-1"))
    for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}"):
        if name in jar and (user := tokens.get(jar[name].value)):
            return user
    return None
