"""A form written only as the end of a topic's title, in a plan that names it nowhere else.

Some plans have no 协商形式 column or heading: each title ends in the form it is held as
("关于推进县域商业体系建设的常委会议专题协商", "推进农村生活污水治理对口协商会",
"推进某议事平台建设民主监督协商"). :func:`form_suffix` gives that trailing form's name
as written; the title itself is kept whole (the suffix cannot be cut off without
inventing a title).
"""

from __future__ import annotations

import re

# The words a form's name is built from before its 协商/议政 ("常委会议专题协商",
# "提案办理协商", "民主监督协商"), one or more of them.
_QUALIFIER = (
    r"常委会议|常委会|主席会议|专题议政性|专题议政|专题|对口|界别|联组|提案办理|提案督办|重点提案"
    r"|民主监督|网络议政|网络|远程|双月|季度|基层|专委会|专门委员会|议政性"
)
_SUFFIX = re.compile(rf"(?:{_QUALIFIER})+(?:协商|议政)(?:会议|座谈会|恳谈会|会)?$")


def form_suffix(title: str) -> str:
    """The form's name a title ends in ("…的常委会议专题协商" → "常委会议专题协商"), or "".

    Only a name built from form words counts: "…协商会" after other words ("治理协商会")
    names no form of its own and gives ""."""
    m = _SUFFIX.search(title.strip())
    if not m or m.start() == 0:  # the whole title is a form's name: a heading, not a topic
        return ""
    return m.group(0)
