"""Login: users from a file, roles checked on the server. Without a session nothing is
reachable, neither the page's config nor the API; a "cán bộ" can ask but not upload; in
the browser a user logs in, sees their role, and logs out."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest
from webui_helpers import (
    browser,
    chromium_path,
    docx_report,
    open_page,
    running_app,
    shot,
    users_file,
    wait_for_app,
)

pytestmark = pytest.mark.slow
LOGIN = re.compile("^(Login|Đăng nhập)$")

USERS = {
    "quantri": ("mật-khẩu-quản-trị", "admin"),
    "canbo": ("mat-khau-can-bo", "cán bộ"),
    "lanhdao": ("mat-khau-lanh-dao", "lãnh đạo"),
}


@pytest.fixture(scope="module")
def app(sample_index, subprocess_env, tmp_path_factory):
    folder = tmp_path_factory.mktemp("login")
    users = users_file(folder, USERS)
    with running_app(
        sample_index.path, subprocess_env, folder, ASSISTANT_AUTH_FILE=str(users)
    ) as running:
        yield running


def status(url: str, data: bytes | None = None) -> int:
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json"} if data else {}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_nothing_is_reachable_without_a_session(app) -> None:
    question = json.dumps({"data": ["Lũy kế thu NSNN tháng 12/2025?"]}).encode()
    assert status(app.url + "config") == 401
    assert status(app.url + "gradio_api/info") == 401
    assert status(app.url + "gradio_api/call/ask", question) == 401
    assert status(app.url + "gradio_api/call/ask_json", question) == 401
    assert status(app.url + "gradio_api/queue/join", b"{}") == 401
    assert status(app.url + "gradio_api/upload", b"x") == 401

    from gradio_client import Client

    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own types
        Client(app.url, verbose=False).predict("Lũy kế thu NSNN?", api_name="/ask")
    with pytest.raises(Exception):  # noqa: B017
        Client(app.url, auth=("quantri", "sai-mật-khẩu"), verbose=False)


def upload_status(url: str, user: str) -> int:
    """POST a file straight to Gradio's upload route in `user`'s session."""
    import httpx

    with httpx.Client(base_url=url, timeout=30) as c:
        login = c.post("login", data={"username": user, "password": USERS[user][0]})
        assert login.status_code == 200, login.text
        r = c.post("gradio_api/upload", files={"files": ("x.txt", b"0" * 1000, "text/plain")})
        return r.status_code


def test_roles_are_checked_on_the_server(app, tmp_path) -> None:
    from gradio_client import Client, handle_file

    staff = Client(app.url, auth=("canbo", USERS["canbo"][0]), verbose=False)
    text = staff.predict("Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", api_name="/ask")
    assert "386.808" in text
    with pytest.raises(Exception, match="403"):  # stopped at the upload route (gates.py)
        staff.predict([handle_file(docx_report(tmp_path))], api_name="/upload_reports")
    assert not (app.index / "uploads").exists()

    # nor can a cán bộ fill Gradio's temporary folder through its upload route
    assert upload_status(app.url, "canbo") == 403
    assert upload_status(app.url, "quantri") == 200

    admin = Client(app.url, auth=("quantri", USERS["quantri"][0]), verbose=False)
    lines = admin.predict([handle_file(docx_report(tmp_path))], api_name="/upload_reports")[0]
    assert "đã nạp" in lines
    assert (app.index / "uploads" / "bao-cao-thang-01-2026.docx").is_file()


def test_log_in_and_out_in_the_browser(app) -> None:
    chromium_path()
    with browser(viewport={"width": 1280, "height": 860}) as ctx:
        page = open_page(ctx, app.url)
        page.wait_for_selector("input[type=password]")
        shot(page, "login-page")
        # Gradio's login form is not translatable before login; our message says it in Vietnamese
        assert "tên đăng nhập (username)" in page.inner_text("body")
        page.fill("input[type=password]", "sai")
        page.locator("input:not([type=password])").first.fill("canbo")
        page.get_by_role("button", name=LOGIN).click()
        page.get_by_text(re.compile("Incorrect Credentials|Sai tên đăng nhập")).wait_for()
        page.locator("input:not([type=password])").first.fill("canbo")
        page.fill("input[type=password]", USERS["canbo"][0])
        page.get_by_role("button", name=LOGIN).click()
        wait_for_app(page)
        page.wait_for_function(
            "() => document.querySelector('#user-line').innerText.includes('canbo')"
        )
        assert "cán bộ" in page.inner_text("#user-line")
        page.get_by_role("tab", name="Báo cáo").click()
        assert not page.locator("#upload-files").is_visible()  # staff cannot upload
        page.get_by_role("tab", name="Cài đặt").click()
        settings = page.inner_text("#settings")
        assert "Bộ nhúng" in settings and "Thư mục chỉ mục" not in settings
        shot(page, "login-staff")
        page.click("#logout")
        page.wait_for_selector("input[type=password]")
        assert page.locator("#question").count() == 0

        page.locator("input:not([type=password])").first.fill("quantri")
        page.fill("input[type=password]", USERS["quantri"][0])
        page.get_by_role("button", name=LOGIN).click()
        wait_for_app(page)
        page.wait_for_function(
            "() => document.querySelector('#user-line').innerText.includes('quantri')"
        )
        page.get_by_role("tab", name="Báo cáo").click()
        page.wait_for_selector("#upload-files", state="visible")
        page.get_by_role("tab", name="Cài đặt").click()
        assert "Thư mục chỉ mục" in page.inner_text("#settings")
        page.click("#logout")
        page.wait_for_selector("input[type=password]")
