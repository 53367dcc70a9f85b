"""Chat models for generated answers, built from settings through LangChain's own
integrations. Every backend is optional: the extractive answerer needs none of them.

- openai   → langchain_openai.ChatOpenAI against any OpenAI-compatible server (vLLM,
             llama.cpp server, LM Studio, a ministry gateway) at ASSISTANT_LLM_BASE_URL.
             llama.cpp's server ignores `max_completion_tokens`, so the limit also goes in
             the request body as `max_tokens`; retries are off so an unreachable server
             fails fast and the extractive answer is shown instead.
- ollama   → langchain_ollama.ChatOllama.
- llamacpp → a local GGUF file (ASSISTANT_LLM_GGUF) run in-process by llama-cpp-python,
             wrapped as a LangChain chat model (`LlamaCppChat`). llama-cpp-python is
             imported lazily: it is an optional extra that compiles for a long time.
- none     → no model: the extractive answerer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from assistant.settings import Settings

BACKENDS = ("none", "openai", "ollama", "llamacpp")

INSTALL = {
    "openai": "pip install 'tro-ly-bao-cao[llm]'  (hoặc: pip install langchain-openai)",
    "ollama": "pip install 'tro-ly-bao-cao[llm]'  (hoặc: pip install langchain-ollama)",
    "llamacpp": "pip install '.[llamacpp]'  (hoặc: pip install llama-cpp-python)",
}


class LLMUnavailable(RuntimeError):
    """The configured backend cannot be built (package missing, setting missing). The
    message is one Vietnamese line for the user, naming the fix."""


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model the settings ask for, or None for the extractive answerer.
    Raises LLMUnavailable with the pip command when the backend's package is missing."""
    backend = (settings.llm_backend or "none").strip().lower()
    if backend == "none":
        return None
    if backend == "openai":
        return _openai(settings)
    if backend == "ollama":
        return _ollama(settings)
    if backend == "llamacpp":
        return _llamacpp(settings)
    raise LLMUnavailable(
        f"ASSISTANT_LLM_BACKEND='{settings.llm_backend}' không hợp lệ; "
        f"chọn một trong: {', '.join(BACKENDS)}."
    )


def _missing(backend: str, exc: ImportError) -> LLMUnavailable:
    return LLMUnavailable(
        f"Chưa cài gói cho mô hình '{backend}' ({exc.name or exc}); hãy chạy: {INSTALL[backend]}"
    )


def _openai(settings: Settings) -> BaseChatModel:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise _missing("openai", exc) from exc
    if not settings.llm_base_url and not settings.llm_api_key:
        raise LLMUnavailable(
            "Mô hình 'openai' cần địa chỉ máy chủ: đặt ASSISTANT_LLM_BASE_URL "
            "(ví dụ http://127.0.0.1:8080/v1)."
        )
    return ChatOpenAI(
        base_url=settings.llm_base_url or None,
        model=settings.llm_model or "default",
        api_key=settings.llm_api_key or "none",
        timeout=settings.llm_timeout,
        max_retries=0,
        temperature=0,
        extra_body={"max_tokens": settings.llm_max_tokens},
    )


def _ollama(settings: Settings) -> BaseChatModel:
    try:
        from langchain_ollama import ChatOllama
    except ImportError as exc:
        raise _missing("ollama", exc) from exc
    if not settings.llm_model:
        raise LLMUnavailable(
            "Mô hình 'ollama' cần tên mô hình: đặt ASSISTANT_LLM_MODEL (ví dụ qwen2.5:7b)."
        )
    kwargs: dict[str, Any] = {
        "model": settings.llm_model,
        "temperature": 0,
        "num_predict": settings.llm_max_tokens,
        "client_kwargs": {"timeout": settings.llm_timeout},
    }
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    return ChatOllama(**kwargs)


def _llamacpp(settings: Settings) -> BaseChatModel:
    try:
        import llama_cpp
    except ImportError as exc:
        raise _missing("llamacpp", exc) from exc
    path = settings.llm_gguf
    if not path:
        raise LLMUnavailable("Mô hình 'llamacpp' cần tệp GGUF: đặt ASSISTANT_LLM_GGUF.")
    if not Path(path).is_file():
        raise LLMUnavailable(f"Không tìm thấy tệp GGUF: {path}")
    llama = llama_cpp.Llama(model_path=str(path), n_ctx=4096, verbose=False)
    return LlamaCppChat(llama=llama, max_tokens=settings.llm_max_tokens)


def _role(message: BaseMessage) -> str:
    return {"human": "user", "ai": "assistant", "system": "system"}.get(message.type, "user")


class LlamaCppChat(BaseChatModel):
    """A llama_cpp.Llama as a LangChain chat model. System messages are folded into the
    first user turn: small local GGUF models often have chat templates that drop them."""

    llama: Any
    max_tokens: int = 512
    temperature: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-python"

    def _messages(self, messages: list[BaseMessage]) -> list[dict[str, str]]:
        system = "\n\n".join(str(m.content) for m in messages if m.type == "system")
        out = [
            {"role": _role(m), "content": str(m.content)} for m in messages if m.type != "system"
        ]
        if system:
            if out and out[0]["role"] == "user":
                out[0]["content"] = f"{system}\n\n{out[0]['content']}"
            else:
                out.insert(0, {"role": "user", "content": system})
        return out

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        reply = self.llama.create_chat_completion(
            messages=self._messages(messages),
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            stop=stop,
        )
        text = reply["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for part in self.llama.create_chat_completion(
            messages=self._messages(messages),
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            stop=stop,
            stream=True,
        ):
            delta = part["choices"][0].get("delta", {}).get("content") or ""
            if not delta:
                continue
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
            if run_manager:
                run_manager.on_llm_new_token(delta, chunk=chunk)
            yield chunk
