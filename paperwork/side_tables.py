"""Tables beside the plan that look like it: a closing 附表 of contacts (单位 | 联系人 | 电话).

Such a table has numbered rows like the plan's own tables, so read row by row
its lines would pass for topics. :func:`is_contact_table` tells it by its header.
:func:`is_contact_card` tells one shaped like a topic's card ("项目 | 内容" over
"联系人 | 赵某", "联系电话 | 0766-…", or "市政协经济委员会 | 孙某 0766-…") by its rows.
"""

from __future__ import annotations

import re

from .vocabulary import field_of_header

# Heads of a contact list's columns: who to call and how
_PERSON = re.compile(r"^(?:联系人|联络人|联络员|经办人|姓名)$")
_REACH = re.compile(r"^(?:联系)?(?:电话|手机|座机|传真|邮箱|电子邮箱|联系方式|联络方式)(?:号码)?$")


def is_contact_label(label: str) -> bool:
    """Whether a line's label asks for someone to call ("联系人", "联络员", "联系电话", "电子邮箱"), never a topic's."""
    h = re.sub(r"\s+", "", label)
    return bool(_PERSON.match(h) or _REACH.match(h))


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


# A card row's label that asks for a way to reach someone
_CONTACT_LABEL = re.compile(
    r"^(?:联系|联络|经办)(?:人|员|单位|科室|处室)?(?:姓名)?$|^(?:姓名|职务|职务/职称|部门|科室|通讯地址|地址|邮编|邮政编码|QQ|微信)$"
    r"|^(?:联系|办公|移动)?(?:电话|手机|座机|传真|邮箱|电子邮箱|电子信箱|联系方式)(?:号码)?$",
    re.IGNORECASE,
)
# A telephone number (with or without its area code), a mobile number or an e-mail address
_REACH_VALUE = re.compile(
    r"(?<!\d)(?:0\d{2,3}\s*[-—–]?\s*)?[1-9]\d{6,7}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|[\w.+-]+@[\w-]+\.[\w.]+",
)
# The generic head of a two-column card ("项目 | 内容", "栏目 | 具体内容")
_CARD_HEAD = re.compile(r"^(?:项目|栏目|事项|类别|要素|名称)$|^(?:具体|详细|主要)?(?:内容|情况|说明)$")


# A card is a label and its value (a value cut in two by a merged cell at most)
_CARD_WIDTH = 3


def is_card_head(cells: list[str]) -> bool:
    """Whether a row's non-empty cells are a two-column card's generic head ("项目 | 内容", "栏目 | 具体内容")."""
    heads = [re.sub(r"\s+", "", c) for c in cells if c.strip()]
    return len(heads) == 2 and all(_CARD_HEAD.match(h) for h in heads)


def is_contact_card(rows: list[list[str]]) -> bool:
    """Whether ``rows`` (cells' text) are contacts set as a card: every row below its head reaches someone.

    A row reaches someone when its label is a contact label ("联系人", "联系电话",
    "电子邮箱", "姓名") or its other cells hold a phone number or an e-mail address
    ("市政协经济委员会 | 孙某 0766-3218815"). A generic head row ("项目 | 内容")
    is left out. A topic's card with one 联系人 row among its fields is no contact card,
    and neither is a table of more than :data:`_CARD_WIDTH` filled cells in a row.
    """
    body = [[re.sub(r"\s+", "", c) for c in row if c.strip()] for row in rows]
    body = [cells for cells in body if cells]
    if body and is_card_head(body[0]):
        body = body[1:]
    if not body or any(len(cells) > _CARD_WIDTH for cells in body):
        return False  # a wider table (a plan's rows with a 联系电话 column) is told by its header alone
    return all(
        _CONTACT_LABEL.match(cells[0]) or (len(cells) >= 2 and any(_REACH_VALUE.search(c) for c in cells[1:]))
        for cells in body
    )
