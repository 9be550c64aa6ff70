"""Unlabelled positional fields explained once by a legend, rewritten as labelled fields.

Some plans put a topic's details on the line under its title as bare values joined by
one separator (``专题协商会／区政协某委员会／区教育局、区财政局／副区长某某``) and say
once, in a legend sentence, what each position means (``议题下一行依次列明：协商形式／
承办单位／协商部门／出席领导``). :func:`positional_fields` finds the legend (it may wrap
over lines), then turns each such value line, wrapped over lines as a PDF's text
comes out (``区\\n城市管理局``: joined with nothing), into one line of labelled fields
the reader knows. A ``—`` value means "none" and is left out.
"""

from __future__ import annotations

import re

from .line_origins import made_from
from .vocabulary import LABEL_OF, LABELS, TABLE_MARK, field_of_header

MIN_POSITIONS = 3
"""Labels a legend must name, in a row joined by one separator, to be taken for one."""

_SEPARATORS = "／/｜|"
_LEGEND = re.compile(
    r"(?P<labels>[\u4e00-\u9fff]{2,6}(?:\s*(?P<sep>[／/｜|])\s*[\u4e00-\u9fff]{2,6})"
    r"(?:\s*(?P=sep)\s*[\u4e00-\u9fff]{2,6}){1,8})"
)
_NONE = re.compile(r"^[—\-–－一无/／]*$")
# a line that starts something else: a title mark, a heading, a numbered item
_STARTS_ITEM = re.compile(
    r"^(?:[◎●•○■◆◇□▪★☆►▶※]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[、.．])"
)


def _field(label: str) -> str | None:
    return LABEL_OF.get(label) or field_of_header(label)


def find_legend(lines: list[str]) -> tuple[int, str, list[str]] | None:
    """(index of the line where the legend ends, separator, the labels in order), or None.

    The legend may wrap: each paragraph of consecutive non-blank lines is searched joined.
    """
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip():
            continue
        para = lines[start:i]
        joined = "".join(x.strip() for x in para)
        for m in _LEGEND.finditer(joined):
            labels = re.split(r"\s*" + re.escape(m.group("sep")) + r"\s*", m.group("labels"))
            # "依次列明：协商形式" — a legend's first label may have words glued before it
            labels[0] = next((labels[0][k:] for k in range(len(labels[0]) - 1) if _field(labels[0][k:])), labels[0])
            # "…／出席领导（“—”表示不邀请）": the last label ends before its bracket
            fields = [_field(x) for x in labels]
            if (
                len(labels) >= MIN_POSITIONS
                and all(fields)
                and len(set(fields)) == len(fields)
                and "title" not in fields
            ):
                # the legend's last line: where its match ends in the joined paragraph
                end, k = m.end(), start
                while k < i - 1 and end > len(lines[k].strip()):
                    end -= len(lines[k].strip())
                    k += 1
                return k, m.group("sep"), labels
        start = i + 1
    return None


def positional_fields(lines: list[str]) -> list[str]:
    """``lines`` with each positional value line (after the legend) as one line of labelled fields.

    A value line has at least one separator and follows a title, a blank or another
    value line; it takes the lines below it until it has one value per label, then
    any line that continues a full-width line. Returns ``lines`` unchanged without a legend.
    """
    found = find_legend(lines)
    if found is None:
        return lines
    at, sep, labels = found
    out = list(lines[: at + 1])
    i = at + 1
    while i < len(lines):
        line = lines[i].strip()
        above = next((x.strip() for x in reversed(out) if x.strip()), "")
        if sep not in line or _STARTS_ITEM.match(line) or _STARTS_ITEM.match(above) is None:
            out.append(lines[i])
            i += 1
            continue
        parts = [line]
        typed = [lines[i]]  # the lines as they were (and where they came from)
        i += 1
        while i < len(lines):
            nxt = lines[i].strip()
            if "".join(parts).count(sep) >= len(labels) - 1:
                # every value is there: only a wrapped tail of a full-width line continues
                if not nxt or _STARTS_ITEM.match(nxt) or sep in nxt or len(parts[-1]) < len(parts[0]) - 1:
                    break
            elif not nxt or _STARTS_ITEM.match(nxt):
                break
            parts.append(nxt)
            typed.append(lines[i])
            i += 1
        values = [v.strip() for v in "".join(parts).split(sep)]
        if len(values) != len(labels):
            out += typed  # not a value line after all: as it was
            continue
        fields = (f"{LABELS[_field(lab)][0]}:{v}" for lab, v in zip(labels, values, strict=True) if not _NONE.match(v))
        out.append(made_from(";".join(fields), typed))
    return out


# "备注栏所列为拟邀请出席的省领导" "备注一栏为出席领导": a note under a table saying what a column it
# heads vaguely (备注) holds
_COLUMN_SAYS = re.compile(
    r"(?P<col>[\u4e00-\u9fff]{2,4}?)一?[栏列](?:中|内)?(?:所列|所填|填写|列明)?(?:的)?(?:为|是|系)(?P<what>[\u4e00-\u9fff]{2,16})"
)
# The fields such a note may give a column: who takes part, never a time or a form (a "时间栏" note
# explains how months are written, not what the column is)
_GIVEN_FIELDS = ("leaders", "departments")


def column_notes(lines: list[str]) -> list[str]:
    """``lines`` with each "备注:…" line read as the field a note says the column holds.

    A note ("注：备注栏所列为拟邀请出席的省领导") names a column whose header the
    vocabulary reads as notes (or not at all) and says it lists leaders or
    departments (the field of the note's last words, "省领导" → leaders); the
    table's lines under that header ("备注:副省长某某") are then that field's
    ("出席领导:副省长某某"). In a table (its ``【表格】`` header line) with columns of
    its own for the leaders and the departments, its 参加人员 lines are the others
    taking part (参加委员: kept as notes). Returns ``lines`` unchanged otherwise.
    """
    given: dict[str, str] = {}
    for line in lines:
        for m in _COLUMN_SAYS.finditer(line):
            col, what = m.group("col"), m.group("what")
            if _field(col) not in (None, "notes"):
                continue
            field = next((f for k in range(len(what) - 1) if (f := _field(what[k:])) in _GIVEN_FIELDS), None)
            if field:
                given[col] = field
    if not given and not any(line.startswith(TABLE_MARK) for line in lines):
        return lines
    out = []
    others = False  # the table's 参加人员 column stands beside its own leaders' and departments' columns
    for line in lines:
        if line.startswith(TABLE_MARK):
            cols = {given.get(h.strip()) or _field(h.strip()) for h in line[len(TABLE_MARK) :].split("、")}
            others = {"leaders", "departments", "people"} <= cols
        head, colon, value = line.partition(":")
        head = head.strip()
        if colon and head in given and value.strip():
            out.append(made_from(f"{LABELS[given[head]][0]}:{value}", [line]))
        elif colon and others and _field(head) == "people":
            # 参加人员 beside the leaders' and departments' own columns: the others taking part
            # (委员, 专家, 提案人), neither leaders nor departments
            out.append(made_from(f"{LABELS['members'][0]}:{value}", [line]))
        else:
            out.append(line)
    return out


__all__ = ["column_notes", "find_legend", "positional_fields"]
