"""Tables beside the plan that look like it: a closing 附表 of contacts (单位 | 联系人 | 电话).

Such a table has numbered rows like the plan's own tables, so read row by row
its lines would pass for topics. :func:`is_contact_table` tells it by its header.
"""

from __future__ import annotations

import re

from .vocabulary import field_of_header

# Heads of a contact list's columns: who to call and how
_PERSON = re.compile(r"^(?:联系人|联络人|联络员|经办人|姓名)$")
_REACH = re.compile(r"^(?:联系)?(?:电话|手机|座机|传真|邮箱|电子邮箱|联系方式)(?:号码)?$")


def is_contact_table(rows: list[list[str]], searched: int = 3) -> bool:
    """Whether ``rows`` (cells' text) are a contact list: a header naming a person and a phone, and no topic column.

    A plan table with a 联系人 column still names its topics (议题/题目), so it is no contact list.
    """
    for row in rows[:searched]:
        heads = [re.sub(r"\s+", "", c) for c in row if c.strip()]
        if any(field_of_header(h) == "title" for h in heads):
            return False
        if any(_PERSON.match(h) for h in heads) and any(_REACH.match(h) for h in heads):
            return True
    return False
