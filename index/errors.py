"""Errors a user can fix. Each names the file and says, in Vietnamese, what to do.
Only the CLI and the app turn them into text."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file could not be ingested. The index is left as it was."""

    def __init__(self, path: str | Path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"{Path(self.path).name}: {message}")


class EmptyFileError(IngestError):
    pass


class UnsupportedFormatError(IngestError):
    pass


class CorruptFileError(IngestError):
    pass


class EncodingError(IngestError):
    pass


class FileTooLargeError(IngestError):
    pass


class NotAReportError(IngestError):
    pass


class NeedsOcrError(IngestError):
    pass


class MissingToolError(IngestError):
    pass


class OcrUnavailableError(MissingToolError, NeedsOcrError):
    """Tesseract or its Vietnamese data is not installed; the other files still ingest."""


class OcrTooManyPagesError(IngestError):
    """More scanned pages than the OCR page limit: hours of work for one file."""


class OcrNoTextError(NeedsOcrError):
    """OCR ran but found no Vietnamese text: blank pages, a photo, a drawing."""


class NotARegularFileError(IngestError):
    """A FIFO, device, socket or directory: reading it could block or never end."""


class UnsafeFileError(IngestError):
    """Content built to exhaust the reader (XML entity expansion); refused unread."""


class IndexMismatchError(Exception):
    """The index was built by another embedder; mixing vectors would silently break search."""
