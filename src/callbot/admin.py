"""Adding documents from the web app: the admin login and the upload → incremental ingestion.

AdminSettings reads CALLBOT_ADMIN_PASSWORD, CALLBOT_MAX_UPLOAD_MB and CALLBOT_UPLOAD_DIR from
the environment; these fields are meant to move into callbot.settings.Settings.
"""

from __future__ import annotations

import hmac
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from callbot.embed import Embedder
from callbot.errors import DocumentError
from callbot.index import Store
from callbot.ingest import SUPPORTED
from callbot.models import IngestReport
from callbot.settings import Settings
from callbot.sync import sync

Progress = Callable[[int, int, str], None]


# The admin fields live in the one Settings object; the name says which part this module reads.
AdminSettings = Settings


def login_enabled(admin: AdminSettings) -> bool:
    return bool(admin.admin_password and admin.admin_password.get_secret_value())


def check_password(given: str, admin: AdminSettings) -> bool:
    """Constant-time comparison; always False when no password is configured."""
    if not login_enabled(admin):
        return False
    expected = admin.admin_password.get_secret_value().encode()  # type: ignore[union-attr]
    return hmac.compare_digest(given.encode(), expected)


def safe_name(name: str) -> str:
    """A file name without folders or characters that a shell or URL would trip on."""
    base = Path(name.replace("\\", "/")).name
    cleaned = re.sub(r"[^\w.-]+", "_", base).strip("._")
    return cleaned or "document"


def store_upload(source: Path, original_name: str, folder: Path, max_bytes: int) -> Path:
    """Copy an uploaded file into the uploads folder after checking its type and size."""
    name = safe_name(original_name)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(name, f"unsupported file type '{suffix or '(none)'}' (use PDF, txt "
                                  "or md)")
    size = source.stat().st_size
    if size > max_bytes:
        raise DocumentError(name, f"{size / 1048576:.1f} MB is over the limit of "
                                  f"{max_bytes / 1048576:.0f} MB")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


def _merge(total: IngestReport, part: IngestReport) -> None:
    total.added += part.added
    total.updated += part.updated
    total.unchanged += part.unchanged
    total.failed.update(part.failed)
    total.chunks_written += part.chunks_written


def add_documents(files: list[tuple[Path, str]], settings: Settings, admin: AdminSettings,
                  embedder: Embedder, store: Store,
                  progress: Progress | None = None) -> IngestReport:
    """Store each (temp path, original name) upload and ingest it incrementally, one by one."""
    report = IngestReport()
    folder = admin.uploads(settings)
    for i, (path, name) in enumerate(files):
        if progress:
            progress(i, len(files), name)
        try:
            target = store_upload(path, name, folder, admin.max_bytes)
        except DocumentError as exc:
            report.failed[exc.path] = exc.reason
            continue
        _merge(report, sync([target], settings, embedder, store=store, prune=False,
                            progress=False))
    if progress:
        progress(len(files), len(files), "done")
    return report
