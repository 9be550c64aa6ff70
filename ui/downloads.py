"""One download button for every file the app hands out, its MIME type and icon looked up by kind.

Every button is *deferred* where it can be (``data`` a callable: the file is built only when
clicked, so a rerun stays fast) and ``on_click="ignore"`` (a download does not rerun the page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# kind → (MIME type, Material icon)
FILE_KINDS: dict[str, tuple[str, str]] = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ":material/description:"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ":material/table_view:"),
    "json": ("application/json", ":material/data_object:"),
    "ics": ("text/calendar", ":material/calendar_add_on:"),
    "zip": ("application/zip", ":material/event:"),
    "pdf": ("application/pdf", ":material/picture_as_pdf:"),
    "png": ("image/png", ":material/image:"),
}
DOCX_MIME = FILE_KINDS["docx"][0]
XLSX_MIME = FILE_KINDS["xlsx"][0]


def file_button(
    where: Any,
    label: str,
    data: bytes | str | Callable[[], bytes | str],
    *,
    kind: str,
    file_name: str,
    key: str,
    icon: str | None = None,
    help: str | None = None,
    disabled: bool = False,
    stretch: bool = True,
) -> None:
    """A download button in ``where`` (``st`` or a column) for a file of ``kind`` (a key of FILE_KINDS).

    ``data`` is the file's bytes or a callable building them on click; ``icon`` overrides the
    kind's icon; ``stretch`` fills the column. Raises KeyError for an unknown kind (a programming
    error, never user input).
    """
    mime, kind_icon = FILE_KINDS[kind]
    where.download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        key=key,
        icon=icon or kind_icon,
        on_click="ignore",
        width="stretch" if stretch else "content",
        help=help,
        disabled=disabled,
    )
