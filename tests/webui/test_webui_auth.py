"""Password hashes, users from a file or the environment, roles."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from assistant.webui.auth import (
    ADMIN,
    LEADER,
    STAFF,
    AuthConfigError,
    Users,
    hash_password,
    load_users_file,
    parse_users_env,
    verify_password,
)

FAST = {"n": 2**10}  # a cheap cost for tests; the default is 2**14


def test_scrypt_hash_round_trip() -> None:
    h = hash_password("mật khẩu 1", **FAST)
    assert h.startswith("scrypt$1024$8$1$")
    assert verify_password("mật khẩu 1", h)
    assert not verify_password("mật khẩu 2", h)
    assert hash_password("x", **FAST) != hash_password("x", **FAST)  # salted


@pytest.mark.parametrize("bad", ["", "plain", "scrypt$bad", "scrypt$1$2$3$@@$@@", "$2b$nope"])
def test_a_malformed_hash_never_matches(bad: str) -> None:
    assert not verify_password("x", bad)


def test_bcrypt_hashes_are_accepted() -> None:
    bcrypt = pytest.importorskip("bcrypt")
    h = bcrypt.hashpw(b"secret", bcrypt.gensalt(rounds=4)).decode()
    assert verify_password("secret", h) and not verify_password("other", h)


def test_users_from_json_and_toml(tmp_path) -> None:
    h = hash_password("a", **FAST)
    (tmp_path / "u.json").write_text(
        f'{{"an": {{"hash": "{h}", "role": "lãnh đạo"}}, "binh": {{"hash": "{h}"}}}}', "utf-8"
    )
    users = load_users_file(tmp_path / "u.json")
    assert users["an"].role == LEADER and users["binh"].role == STAFF
    (tmp_path / "u.toml").write_text(f'[users.chi]\nhash = "{h}"\nrole = "admin"\n', "utf-8")
    assert load_users_file(tmp_path / "u.toml")["chi"].role == ADMIN


def test_users_from_env_and_admin_override() -> None:
    h = hash_password("pw", **FAST)
    users = Users.from_env(
        {"ASSISTANT_USERS": f"an:cán bộ:{h}; binh:lanh dao:{h}", "ASSISTANT_ADMIN_USERS": "binh"}
    )
    assert users.enabled and len(users) == 2
    assert users.role("an") == STAFF and users.role("binh") == ADMIN
    assert users.check("an", "pw") and not users.check("an", "nope")
    assert not users.check("nobody", "pw") and users.role("nobody") is None
    assert parse_users_env(f'{{"c": {{"hash": "{h}", "role": "admin"}}}}')["c"].role == ADMIN


@pytest.mark.parametrize(
    "value",
    ["an:boss:scrypt$x", "an-without-role", '{"an": {"role": "admin"}}', "{not json"],
)
def test_bad_user_config_is_explained(value: str) -> None:
    with pytest.raises(AuthConfigError):
        parse_users_env(value)


def test_no_users_means_no_login() -> None:
    assert not Users.from_env({}).enabled


def test_hash_command_reads_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.webui.auth", "hash"],
        input="mật khẩu mới\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert verify_password("mật khẩu mới", done.stdout.strip())
