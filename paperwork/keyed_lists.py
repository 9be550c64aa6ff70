"""A field given apart from the topics: a list keyed by title, or a rule per form.

Some plans set the topics out first (a grid, a table without the column) and give
one field afterwards under a heading of its own:

- ``二、协商部门`` then ``推进X:市发改委、市财政局`` — one line per topic, keyed by its title;
- ``三、出席领导`` then ``专题议政性常委会议邀请分管副市长出席;专题协商会、对口协商由市政协分管副主席出席。``
  — one clause per group of forms.

The text reader asks :func:`keyed_field` about each heading, then :func:`keyed_value`
and :func:`form_rules` about the lines under it.
"""

from __future__ import annotations

import re

from .vocabulary import ITEM_NUMBER, NAME_LIST_FIELDS, alternation, field_of_header, norm, verbs

KEYED_FIELDS = (*NAME_LIST_FIELDS, "time")
"""Fields a heading may give for topics read above it."""

_NUMBER = re.compile(
    r"^(?:" + ITEM_NUMBER + r"|[一二三四五六七八九十]{1,3})\s*[.、)]\s*|^\(\s*" + ITEM_NUMBER + r"\s*\)\s*"
)
_KEYED = re.compile(r"^(?P<title>[^:]{2,60}?)\s*:\s*(?P<value>\S.*)$")
# "专题协商会邀请X出席" "对口协商由Y主持" "…请Z参加": forms, then who attends them (not who
# reports or listens: 听取/通报 follow a department as well)
_CLAUSE = re.compile(
    rf"^(?P<forms>.+?)(?:邀请|由|请)(?P<who>[^,;。]{{2,24}}?)"
    rf"(?:{alternation(verbs('leaders', without=('听取', '通报')) + ('参加',))})"
)
_FORM_LIST = re.compile(r"、|和|及|与")


def keyed_field(heading: str) -> str | None:
    """The field a heading names when it is one of :data:`KEYED_FIELDS` (``"协商部门"`` → departments)."""
    key = field_of_header(heading)
    return key if key in KEYED_FIELDS else None


def _key(title: str) -> str:
    return re.sub(r"[“”\"《》()]", "", norm(title))


def keyed_value(line: str, titles: list[str]) -> tuple[list[int], str] | None:
    """``"1.推进X:市发改委、市财政局"`` → (indexes of "推进X" in ``titles``, ``"市发改委、市财政局"``), or None.

    The key must be one of the titles as read (brackets, quotes and spaces aside); a
    topic held twice has its title twice, and both get the value.
    """
    m = _KEYED.match(_NUMBER.sub("", line.strip()))
    if not m:
        return None
    k = _key(m.group("title"))
    hits = [i for i, t in enumerate(titles) if _key(t) == k]
    return (hits, m.group("value").strip()) if hits else None


def form_rules(sentence: str, is_form: callable) -> list[tuple[list[str], str]]:
    """``"A邀请X出席;B、C和D由Y出席。"`` → ``[(["A"], "X"), (["B", "C", "D"], "Y")]``.

    ``is_form``: whether a text names a form; a clause is taken only when every
    name before its verb is one.
    """
    rules = []
    for clause in re.split(r"[;。]", sentence):
        m = _CLAUSE.match(clause.strip())
        if not m:
            continue
        forms = [f.strip() for f in _FORM_LIST.split(m.group("forms")) if f.strip()]
        if forms and all(is_form(f) for f in forms):
            rules.append((forms, m.group("who").strip()))
    return rules


__all__ = ["KEYED_FIELDS", "form_rules", "keyed_field", "keyed_value"]
