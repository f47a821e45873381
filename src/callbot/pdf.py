"""PDF text extraction with pypdf, page numbers kept, failures named in plain words."""

from __future__ import annotations

from pathlib import Path

from callbot.errors import DocumentError


def read_pdf_pages(path: Path) -> list[tuple[int | None, str]]:
    """(page number from 1, text) for every page with text."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if path.stat().st_size == 0:
        raise DocumentError(str(path), "the file is empty")
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            raise DocumentError(str(path), "the PDF is encrypted; save an unprotected copy")
        pages = [(i + 1, page.extract_text() or "") for i, page in enumerate(reader.pages)]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(str(path), f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise DocumentError(str(path), f"not a readable PDF ({type(exc).__name__})") from exc
    pages = [(n, t) for n, t in pages if t.strip()]
    if not pages:
        raise DocumentError(str(path), "the PDF has no text layer (scanned?); OCR it first")
    return pages
