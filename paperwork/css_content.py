"""Text a web page's style sheet shows but its markup does not: ``.lbl:after{content:"："}``.

A portal page may write ``<span class="lbl">协商形式</span><span class="val">专题协商会</span>``
and let CSS draw the "：" between them. The reader sees the page's text only, so
without it the two run together ("协商形式专题协商会") and the label is lost.
:func:`apply_generated_text` puts such simple generated text into the tree
(before the element's text or after its last child), where a browser shows it.
"""

from __future__ import annotations

import re

# ".a:after{content:"："}", ".a.b::before { content: '·' }", ".list dd .a::after": class selectors
# (possibly with a tag), possibly under ancestors (tags or classes; ">" read as a space): anything
# fancier (ids, attributes, :nth-child, "+") is left alone rather than guessed.
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CONTENT = re.compile(r"""content\s*:\s*(["'])(.*?)\1""")
_SELECTOR = re.compile(
    r"^\s*((?:[a-zA-Z][\w-]*|(?:[a-zA-Z][\w-]*)?(?:\.[\w-]+)+)(?:\s*>\s*|\s+))*?"
    r"([a-zA-Z][\w-]*)?((?:\.[\w-]+)+)\s*::?(after|before)\s*$"
)
# one compound of a descendant selector (".xs-dl dd .k::after": ".xs-dl", "dd"): a tag, classes or both
_COMPOUND = re.compile(r"([a-zA-Z][\w-]*)?((?:\.[\w-]+)*)")
# generated text kept: punctuation a label may end with, short, never words of the plan
_KEPT = re.compile(r"^[：:｜|、，,；;\s\-—·]{1,3}$")


def _unescape(text: str) -> str:
    """CSS escapes written for the colon ("\\FF1A ", "\\3a") → the character."""
    return re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)), text)


Compound = tuple[str | None, frozenset[str]]


def _compound(text: str) -> Compound:
    """("dd", {"k"}) for "dd.k"; (None, {"k"}) for ".k"."""
    m = _COMPOUND.fullmatch(text)
    return (m.group(1).lower() if m.group(1) else None, frozenset(c for c in m.group(2).split(".") if c))


def generated_text_rules(css: str) -> list[tuple[str | None, frozenset[str], str, str, tuple[Compound, ...]]]:
    """``(tag or None, classes, "after"/"before", text, ancestors)`` for every simple rule with content.

    The element is named by classes (possibly with a tag); ``ancestors`` are the compounds
    before it in a descendant selector (".xs-dl dd .k::after" → (None, {"xs-dl"}), ("dd", {})),
    outermost first; a child combinator ">" is read as a descendant one.

    Only short punctuation (a label's colon, a separator) is returned: a page's
    icons and counters drawn by CSS are not text of the plan.
    """
    rules = []
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        m = _CONTENT.search(body)
        text = _unescape(m.group(2)) if m else ""
        if not m or not _KEPT.match(text):
            continue
        for sel in selectors.split(","):
            s = _SELECTOR.match(sel)
            if s:
                classes = frozenset(c for c in s.group(3).split(".") if c)
                head = sel[: s.start(2) if s.group(2) else s.start(3)]
                ancestors = tuple(_compound(c) for c in re.split(r"[\s>]+", head) if c)
                rules.append((s.group(2).lower() if s.group(2) else None, classes, s.group(4), text, ancestors))
    return rules


def _matches(el, compound: Compound) -> bool:
    tag, classes = compound
    return (tag is None or el.tag.lower() == tag) and classes <= set((el.get("class") or "").split())


def _under(el, ancestors: tuple[Compound, ...]) -> bool:
    """Whether ``el``'s ancestors hold the compounds in that order (outermost first)."""
    want = list(ancestors)
    for up in el.iterancestors():
        if not want:
            break
        if isinstance(up.tag, str) and _matches(up, want[-1]):
            want.pop()
    return not want


def apply_generated_text(root) -> None:
    """Insert the CSS-generated text of ``root``'s ``<style>`` sheets into its elements (in place)."""
    css = "\n".join(el.text_content() for el in root.iter("style"))
    rules = generated_text_rules(css) if "content" in css else []
    if not rules:
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        classes = set((el.get("class") or "").split())
        if not classes:
            continue
        for tag, want, where, text, ancestors in rules:
            if not want <= classes or (tag and tag != el.tag.lower()) or not _under(el, ancestors):
                continue
            if where == "before":
                el.text = text + (el.text or "")
            elif len(el):
                el[-1].tail = (el[-1].tail or "") + text
            else:
                el.text = (el.text or "") + text
