"""A social-media article's card layout: the furniture around it and the marks inside it.

WeChat (公众号) articles set each topic as a card: a big number ("01") on its own
line, a form tag, the title, then label and value boxes; lists are separated by
a spaced middle dot ("市科技局 · 市数据局"); the page ends in hashtags and the
platform's follow prompts. The text reader asks these helpers about single
cleaned (NFKC) lines.

A Word or web document may also set each topic as a card table of its own with
a caption above it ("项目卡2", "议题卡片(三)", "第4号议题卡"): :func:`is_card_caption`
tells such a caption, so that it is never read as the tail of the card above.
"""

from __future__ import annotations

import re

# The platform's own lines under an article: hashtags, follow and preview prompts
_FURNITURE = re.compile(
    r"^(?:#[^#\s]{1,20}\s*)+$|微信扫一扫|扫一扫关注|关注该公众号|预览时标签不可点|轻点两下|取消在看|"
    r"^(?:一审|二审|三审|初审|复审|终审|校对|审核|编辑)\s*:"
)
# A card's big number: a zero-padded 01…09 (or two digits after it: 10, 11 …), alone on its line
_CARD_NUMBER = re.compile(r"^0[1-9]$|^[1-9]\d$")
# "A · B · C": a middle dot set between spaces separates the items of a list; "阿依·买买提"
# (a name written with the dot, no spaces) is one name
_SPACED_DOT = re.compile(r"\s+[·・•]\s+")


# "…,溪川市政协印发《2026年度协商工作计划》": an article reporting the plan names its body as the subject
_ISSUER = re.compile(
    r"([\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))政协(?:办公室|办公厅)?(?:近日|日前|正式)?"
    r"(?:印发|制定|出台|发布|公布|审议通过|研究确定|确定)了?《[^》]*(?:计划|安排|要点|清单)》"
)


# "《政协澄湖区委员会2026年度协商工作计划》正式印发": the plan's title quoted with the body's formal name
_QUOTED_FORMAL = re.compile(
    r"《政协([\u4e00-\u9fff]{1,8}?(?:自治区|[省市县区州旗]))委员会[^》]{0,30}(?:计划|安排|要点|清单)》"
)


def body_of_report(lines: list[str], level: str = "") -> str:
    """``"溪川市政协"`` from a sentence saying that body issued the plan, or ``""``.

    ``level``: the 市/县… a headline already gave ("市政协"); a body of another level is not taken.
    """
    for line in lines:
        m = _ISSUER.search(line) or _QUOTED_FORMAL.search(line)
        if m and (not level or m.group(1).endswith(level)):
            return m.group(1) + "政协"
    return ""


def is_platform_furniture(line: str) -> bool:
    """Hashtags, "微信扫一扫", "关注该公众号", the editor and reviewers line: not the plan's text."""
    return bool(_FURNITURE.search(line))


# "项目卡2" "议题卡片(三)" "第4号议题卡" "协商事项表之五": a card's caption, an ordinal beside card words
_CARD_CAPTION = re.compile(
    r"(?P<head>[^\s,;。:、()]{0,8}?)\s*(?:之|第|No\.?|编号|序号)?\s*[-—.]?\s*"
    r"(?:\d{1,3}|[一二三四五六七八九十]{1,3}|\(\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*\))"
    r"\s*(?:号|张|份)?(?P<tail>[^\s,;。:、()\d]{0,6})",
    re.IGNORECASE,
)
# The words a card's caption is made of (without a number: "议题卡片", "项目信息表")
_CARD_WORDS = re.compile(r"(?:协商)?(?:议题|课题|选题|项目|事项)?(?:卡片?|信息表|登记表|表|单)")


def is_card_caption(line: str) -> bool:
    """Whether ``line`` (cleaned) is a card's caption: card words, with or without its ordinal.

    The reader takes it as one only right above a field (the card's first row); elsewhere
    such words may be part of a title.
    """
    if len(line) > 16:
        return False
    m = _CARD_CAPTION.fullmatch(line)
    if m:
        return bool(_CARD_WORDS.search(m.group("head") + m.group("tail")))
    return bool(_CARD_WORDS.fullmatch(line))


def is_card_number(line: str, seen_before: bool) -> bool:
    """A card's big number alone on its line ("01"); two digits ("12") count once a zero-padded one was seen."""
    return bool(_CARD_NUMBER.match(line)) and (line.startswith("0") or seen_before)


def dots_as_commas(text: str) -> str:
    """``"市科技局 · 市数据局"`` → ``"市科技局、市数据局"``; a dot without spaces is left in the name."""
    return _SPACED_DOT.sub("、", text)


__all__ = ["body_of_report", "dots_as_commas", "is_card_number", "is_platform_furniture"]
