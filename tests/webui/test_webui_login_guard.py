"""Login back-off: after repeated wrong passwords for a name, or from an address, every
attempt is refused for a while (the right password too), the wait doubling up to a
ceiling; a refusal says the same for a name that exists and one that does not. Unit tests
run on a fake clock; one test goes through the app's real /login route."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from webui_helpers import running_app, users_file

from assistant.webui.auth import ADMIN, Users, hash_password
from assistant.webui.gates import CLIENT_ADDRESS, LoginGate, LoginGuard, LoginRefused, gradio_auth

FAST = {"n": 2**10}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def users() -> Users:
    return Users.from_env({"ASSISTANT_USERS": f"an:admin:{hash_password('đúng', **FAST)}"})


def login(guard: LoginGuard, users: Users, name: str, password: str, address: str) -> bool:
    return guard.check(name, address, lambda: users.check(name, password))


def test_a_name_is_refused_after_too_many_failures_even_with_the_right_password(
    clock: Clock, users: Users
) -> None:
    guard = LoginGuard(3, 30, 900, clock=clock)
    for i in range(3):  # from three addresses: the name's own count
        assert not login(guard, users, "an", "sai", f"10.0.0.{i}")
    with pytest.raises(LoginRefused, match="thử lại sau 30 giây") as refused:
        login(guard, users, "an", "đúng", "10.0.0.9")
    assert refused.value.wait == 30
    clock.now += 29
    with pytest.raises(LoginRefused):
        login(guard, users, "an", "đúng", "10.0.0.9")
    clock.now += 1.5
    assert login(guard, users, "an", "đúng", "10.0.0.9")


def test_the_wait_doubles_up_to_the_ceiling_and_a_success_resets_it(
    clock: Clock, users: Users
) -> None:
    guard = LoginGuard(2, 30, 100, clock=clock)
    waits = []
    for _ in range(6):
        while (wait := guard.retry_after("an", "")) > 0:
            clock.now += wait
        login(guard, users, "an", "sai", "")
        waits.append(guard.retry_after("an", ""))
    assert waits == [0, 30, 60, 100, 100, 100]
    clock.now += 100
    assert login(guard, users, "an", "đúng", "")
    assert not login(guard, users, "an", "sai", "")
    assert guard.retry_after("an", "") == 0  # counting from zero again


def test_an_address_is_refused_after_failures_on_any_names(clock: Clock, users: Users) -> None:
    guard = LoginGuard(3, 30, 900, clock=clock)
    for name in ("admin", "root", "an"):  # spraying names from one address
        assert not login(guard, users, name, "sai", "203.0.113.5")
    with pytest.raises(LoginRefused):
        login(guard, users, "an", "đúng", "203.0.113.5")
    assert login(guard, users, "an", "đúng", "198.51.100.7")  # the user, elsewhere
    # the user's success does not clear the guessing address
    with pytest.raises(LoginRefused):
        login(guard, users, "an", "đúng", "203.0.113.5")


def test_a_refusal_does_not_tell_whether_the_name_exists(clock: Clock, users: Users) -> None:
    guard = LoginGuard(2, 30, 900, clock=clock)
    checked: list[str] = []

    def attempt(name: str, password: str) -> str:
        def verify() -> bool:
            checked.append(name)
            return users.check(name, password)

        try:
            guard.check(name, "", verify)
        except LoginRefused as e:
            return str(e)
        return "checked"

    for name in ("an", "khong-co"):
        attempt(name, "sai")
        attempt(name, "sai")
    checked.clear()
    assert attempt("an", "đúng") == attempt("khong-co", "đúng")
    assert checked == []  # nothing is checked while refused, so no timing difference either
    assert "Đăng nhập sai quá nhiều lần" in attempt("an", "đúng")


def test_old_entries_are_forgotten_and_the_table_is_bounded(clock: Clock) -> None:
    guard = LoginGuard(3, 30, 900, clock=clock, max_keys=100)
    for i in range(1000):
        guard.record(f"user{i}", f"10.0.{i // 256}.{i % 256}", ok=False)
    assert len(guard) <= 100
    guard.record("x", "", ok=False)
    clock.now += 901
    assert guard.retry_after("y", "") == 0
    assert len(guard) == 0
    guard = LoginGuard(3, 30, 900, clock=clock)
    guard.record("n" * 10_000, "", ok=False)  # a huge name is kept as a short key
    assert all(len(k) < 100 for _, k in guard._entries)


def test_concurrent_failures_are_all_counted(clock: Clock) -> None:
    guard = LoginGuard(800, 30, 900, clock=clock)

    def fail() -> None:
        for _ in range(100):
            guard.record("an", "10.0.0.1", ok=False)

    threads = [threading.Thread(target=fail) for _ in range(7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert guard.retry_after("an", "") == 0  # 700 failures: not yet
    fail()
    assert guard.retry_after("an", "") == 30 and guard.retry_after("", "10.0.0.1") == 30


def test_no_back_off_when_turned_off(clock: Clock, users: Users) -> None:
    guard = LoginGuard(0, 30, 900, clock=clock)
    for _ in range(20):
        assert not login(guard, users, "an", "sai", "10.0.0.1")
    assert login(guard, users, "an", "đúng", "10.0.0.1")


def test_the_gate_hands_the_address_to_the_check_and_answers_a_refusal(
    clock: Clock, users: Users
) -> None:
    """LoginGate around a stand-in for Gradio's /login route, which calls the auth."""
    guard = LoginGuard(1, 30, 900, clock=clock)
    check = gradio_auth(users, guard)
    seen: list[str] = []

    async def route(scope, receive, send) -> None:
        seen.append(CLIENT_ADDRESS.get())
        ok = check("an", "sai")
        await send({"type": "http.response.start", "status": 200 if ok else 400, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    def post(path: str) -> tuple[int, dict, bytes]:
        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": path, "client": ("192.0.2.4", 5555)}
        asyncio.run(LoginGate(route)(scope, None, send))
        headers = {k.decode(): v.decode() for k, v in sent[0].get("headers", [])}
        return sent[0]["status"], headers, sent[1]["body"]

    assert post("/login")[0] == 400  # a wrong password: counted, for the name and the address
    assert seen == ["192.0.2.4"] and CLIENT_ADDRESS.get() == ""
    status, headers, body = post("/login/")
    assert status == 400 and headers["retry-after"] == "30"
    assert "thử lại sau 30 giây" in json.loads(body)["detail"]
    assert guard.retry_after("", "192.0.2.4") == 30


# ---- through the app --------------------------------------------------------------------

USERS = {"quantri": ("mật-khẩu-quản-trị", ADMIN), "canbo": ("mat-khau-can-bo", "cán bộ")}


@pytest.fixture(scope="module")
def app(sample_index, subprocess_env, tmp_path_factory):
    folder = tmp_path_factory.mktemp("login-guard")
    with running_app(
        sample_index.path,
        subprocess_env,
        folder,
        ASSISTANT_AUTH_FILE=str(users_file(folder, USERS)),
        ASSISTANT_LOGIN_MAX_FAILURES="3",
        ASSISTANT_LOGIN_BACKOFF_S="600",
    ) as running:
        yield running


def post_login(url: str, name: str, password: str) -> tuple[int, str, str | None]:
    data = urllib.parse.urlencode({"username": name, "password": password}).encode()
    try:
        with urllib.request.urlopen(url + "login", data=data, timeout=30) as r:
            return r.status, r.read().decode(), None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers.get("Retry-After")


@pytest.mark.slow
def test_the_login_route_backs_off(app) -> None:
    assert post_login(app.url, "canbo", USERS["canbo"][0])[0] == 200
    for _ in range(3):
        status, body, _ = post_login(app.url, "canbo", "sai")
        assert status == 400 and "Incorrect credentials" in body
    status, body, retry = post_login(app.url, "canbo", USERS["canbo"][0])
    assert status == 400 and retry == "600"
    assert "Đăng nhập sai quá nhiều lần" in json.loads(body)["detail"]
    # the address is refused too (these tests all come from 127.0.0.1), and an unknown
    # name gets the very same answer
    refusals = {post_login(app.url, name, "x")[1] for name in ("quantri", "khong-co-ai")}
    assert len(refusals) == 1 and "Đăng nhập sai quá nhiều lần" in refusals.pop()
    from gradio_client import Client

    with pytest.raises(ValueError, match="Could not login"):
        Client(app.url, auth=("quantri", USERS["quantri"][0]), verbose=False)
