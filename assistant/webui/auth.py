"""Optional login: users, password hashes and roles from a file or the environment.

    ASSISTANT_AUTH_FILE   users file, JSON or TOML: {"ten": {"hash": "scrypt$…", "role": "admin"}}
    ASSISTANT_USERS       the same JSON inline, or "ten:vai trò:hash" entries separated by ';'
    ASSISTANT_ADMIN_USERS comma-separated user names given the admin role whatever the file says

Roles: "admin" (uploads, deletes, re-indexes, sees the settings), "lãnh đạo" and "cán bộ"
(chat and views). Hashes are scrypt (stdlib), written by `python -m assistant.webui.auth hash`;
bcrypt hashes ($2b$…) are accepted when the bcrypt package is installed.

Without users the app has no login; whoever reaches it is admin only while it is bound to
loopback (one person on their own machine), otherwise a "cán bộ" who cannot change the index.

Wrong passwords are slowed down, and uploads kept to the roles that may ingest, in gates.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sys
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.settings import Settings

ADMIN, LEADER, STAFF = "admin", "lãnh đạo", "cán bộ"
ROLES = (ADMIN, LEADER, STAFF)
INGEST_ROLES = frozenset({ADMIN})  # may upload, delete and re-index
_ROLE_ALIASES = {
    "admin": ADMIN,
    "quan tri": ADMIN,
    "quản trị": ADMIN,
    "lanh dao": LEADER,
    "lãnh đạo": LEADER,
    "leader": LEADER,
    "can bo": STAFF,
    "cán bộ": STAFF,
    "staff": STAFF,
}
# scrypt cost: ~50 ms a check on the machines here, 16 MiB of memory
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class AuthConfigError(ValueError):
    """The users file or variable cannot be used; the message says what to fix."""


def normalize_role(role: str) -> str:
    key = unicodedata.normalize("NFC", str(role or "")).strip().lower()
    if key not in _ROLE_ALIASES:
        raise AuthConfigError(f"vai trò '{role}' không hợp lệ; dùng một trong: {', '.join(ROLES)}.")
    return _ROLE_ALIASES[key]


# ---- hashing -------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """'scrypt$N$r$p$salt$hash' (base64), for the users file."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 2**20, dklen=32
    )
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches `stored` (scrypt or bcrypt); never raises on a bad hash."""
    try:
        if stored.startswith("scrypt$"):
            _, n, r, p, salt, digest = stored.split("$")
            want = base64.b64decode(digest)
            got = hashlib.scrypt(
                password.encode("utf-8"),
                salt=base64.b64decode(salt),
                n=int(n),
                r=int(r),
                p=int(p),
                maxmem=64 * 2**20,
                dklen=len(want),
            )
            return hmac.compare_digest(got, want)
        if stored.startswith(("$2a$", "$2b$", "$2y$")):
            import bcrypt

            return bcrypt.checkpw(password.encode("utf-8"), stored.encode("ascii"))
    except (ValueError, TypeError, ImportError):
        return False
    return False


# ---- users ---------------------------------------------------------------------------


@dataclass(frozen=True)
class User:
    name: str
    role: str
    hash: str


def _parse_entries(data: Mapping, where: str) -> dict[str, User]:
    users: dict[str, User] = {}
    for name, entry in data.items():
        if not isinstance(entry, Mapping) or not entry.get("hash"):
            raise AuthConfigError(f"{where}: người dùng '{name}' thiếu 'hash'.")
        name = unicodedata.normalize("NFC", str(name)).strip()
        users[name] = User(name, normalize_role(entry.get("role", STAFF)), str(entry["hash"]))
    return users


def load_users_file(path: Path) -> dict[str, User]:
    try:
        raw = Path(path).read_text("utf-8")
    except OSError as e:
        raise AuthConfigError(f"không đọc được tệp người dùng {path}: {e.strerror}.") from e
    try:
        data = tomllib.loads(raw) if Path(path).suffix.lower() == ".toml" else json.loads(raw)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise AuthConfigError(f"tệp người dùng {path} sai cú pháp: {e}") from e
    data = data.get("users", data) if isinstance(data, dict) else data
    if not isinstance(data, Mapping):
        raise AuthConfigError(f"tệp người dùng {path} phải là bảng tên → {{hash, role}}.")
    return _parse_entries(data, str(path))


def parse_users_env(value: str) -> dict[str, User]:
    value = value.strip()
    if not value:
        return {}
    if value.startswith("{"):
        try:
            return _parse_entries(json.loads(value), "ASSISTANT_USERS")
        except json.JSONDecodeError as e:
            raise AuthConfigError(f"ASSISTANT_USERS sai cú pháp JSON: {e}") from e
    users: dict[str, User] = {}
    for entry in filter(None, (e.strip() for e in value.replace("\n", ";").split(";"))):
        parts = entry.split(":", 2)
        if len(parts) != 3:
            raise AuthConfigError("ASSISTANT_USERS: mỗi mục có dạng 'tên:vai trò:hash'.")
        name, role, hashed = (p.strip() for p in parts)
        users[unicodedata.normalize("NFC", name)] = User(name, normalize_role(role), hashed)
    return users


class Users:
    """Who may log in and with which role. Empty: no login."""

    def __init__(self, users: Mapping[str, User], admins: set[str] | None = None):
        admins = admins or set()
        self._users = {
            name: User(u.name, ADMIN if name in admins else u.role, u.hash)
            for name, u in users.items()
        }
        self._dummy = hash_password(secrets.token_hex(8))

    @classmethod
    def from_settings(cls, settings: Settings) -> Users:
        env = {
            "ASSISTANT_AUTH_FILE": str(settings.auth_file or ""),
            "ASSISTANT_USERS": settings.users,
            "ASSISTANT_ADMIN_USERS": settings.admin_users,
        }
        return cls.from_env(env)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Users:
        env = os.environ if env is None else env
        users: dict[str, User] = {}
        if env.get("ASSISTANT_AUTH_FILE"):
            users.update(load_users_file(Path(env["ASSISTANT_AUTH_FILE"])))
        users.update(parse_users_env(env.get("ASSISTANT_USERS", "")))
        admins = {a.strip() for a in env.get("ASSISTANT_ADMIN_USERS", "").split(",") if a.strip()}
        return cls(users, admins)

    @property
    def enabled(self) -> bool:
        return bool(self._users)

    def __len__(self) -> int:
        return len(self._users)

    def check(self, username: str, password: str) -> bool:
        """For launch(auth=…). Unknown names cost a hash check too (no timing oracle)."""
        user = self._users.get(unicodedata.normalize("NFC", (username or "").strip()))
        if user is None:
            verify_password(password or "", self._dummy)
            return False
        return verify_password(password or "", user.hash)

    def role(self, username: str | None) -> str | None:
        user = self._users.get(unicodedata.normalize("NFC", username or ""))
        return user.role if user else None


def main(argv: list[str] | None = None) -> int:
    """`python -m assistant.webui.auth hash`: a password from stdin → its hash on stdout."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["hash"]:
        print("Dùng: python -m assistant.webui.auth hash  (đọc mật khẩu từ stdin)", file=sys.stderr)
        return 2
    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass("Mật khẩu: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("Mật khẩu trống.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
