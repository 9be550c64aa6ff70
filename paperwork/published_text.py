"""Read the text of a published annual consultation plan into a draft Plan.

Published plans (see the seeds) share a layout: a top-level part
``二、工作安排`` holding sections per form, ``(二)专题议政性常委会议(2项)``,
each with numbered topics followed by labelled lines ``时间安排:7月``,
``承办部门:市政协提案委``, ``协商部门:市工信局、市教育局``, ``参加人员:…``,
``组织实施:由…组织实施``. Real text is messier: full-width and half-width
punctuation, titles wrapped over two lines, traditional characters (with pinyin
glosses pasted in), navigation junk from the web page it was copied from.

The reader works line by line with a small state machine (part → section →
topic → field) and is forgiving: what it cannot place it keeps in
``unparsed_lines`` for the planner to look at, and everything it had to guess
is listed in ``warnings``. Names it has not seen before become new
committees / departments / leaders, listed for review before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from solver.plan import PLAN_FORMAT, Plan
from solver.validate import PlanError, parse_plan

from . import texts as T
from .common import PaperworkError, fail, from_plan_error, next_id, split_names
from .hanzi import to_simplified

# -- recognising lines ------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_TOP = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.]\s*(.+)$")
_SECTION = re.compile(r"^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*(.+)$")
_COUNT = re.compile(r"\(\s*(\d{1,3})\s*[个项次件]\s*\)\s*$")
_NUMBERED = re.compile(r"^(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*(?:[、)]|\.(?!\d)))\s*(?P<title>\S.*)$")
_CIRCLED = {chr(0x2460 + i): f"{i + 1}." for i in range(20)}  # ①…⑳ (NFKC would drop the separator)
# Web-page furniture around a pasted plan. Distinctive words match as prefixes;
# ordinary words only as a whole label ("来源:", "返回"), so "相关部门:…" or
# "编辑出版文史资料" are never thrown away.
_JUNK = re.compile(
    r"^(?:(?:首页|当前位置|您的位置|您现在的位置|上一篇|下一篇|上一页|下一页|分享到|扫一扫|责任编辑|点击查看|展开阅读|"
    r"资源描述|上传人|copyright|备案号|版权所有|打印本页|关闭窗口|返回顶部|相关资源|相关搜索|相关阅读|相关文章|相关推荐)"
    r"|(?:打印|关闭|编辑|来源|发布时间|发布日期|发布者|作者|字号|浏览|阅读|返回|举报|下载|联系电话|时间)(?=$|\s|[:>|/]))",
    re.IGNORECASE,
)
_JUNK_ANY = re.compile(r"(第\s*\d+\s*页|共\s*\d+\s*页|\s[|>]\s|^\||\|$|https?://|www\.|ICP|公网安备)")
_ARRANGEMENT = re.compile(r"安排|议题|协商|活动|计划")

# Field labels as they appear in published plans → what they fill.
_LABELS = {
    "time": ["时间安排", "协商时间", "计划时间", "安排时间", "完成时间", "时间"],
    "lead": ["承办部门", "承办单位", "承办专委会", "牵头专委会", "牵头单位", "牵头部门", "责任部门", "责任单位",
             "组织实施", "组织单位", "承办"],
    "co": ["协办单位", "协办部门", "协办专委会", "配合单位"],
    "departments": ["协商部门", "参加单位", "参加部门", "协商单位", "参与部门", "邀请部门", "相关部门", "有关部门"],
    "people": ["参加人员", "参会人员", "出席人员", "邀请人员", "参加对象"],
    "leaders": ["出席领导", "牵头领导", "责任领导", "邀请领导", "参加领导", "市领导"],
    "content": ["主要内容", "协商内容", "调研内容", "视察内容", "监督内容", "议题内容", "协商重点", "内容"],
}
_LABEL_OF = {lab: key for key, labs in _LABELS.items() for lab in labs}
_FIELD = re.compile(r"^(" + "|".join(sorted(_LABEL_OF, key=len, reverse=True)) + r")\s*[::]\s*(.*)$")

# Section headers → a form category (first match wins; order matters).
_FORM_RULES = [
    ("plenary", re.compile(r"全体会议|全委会|全会|届.{0,3}次会议|次全体")),
    ("standing", re.compile(r"常委会|常务委员会")),
    ("bimonthly", re.compile(r"双月|双周|月度协商|月谈")),
    ("counterpart", re.compile(r"对口")),
    ("sector", re.compile(r"界别")),
    ("grassroots", re.compile(r"基层|一线")),
    ("proposal", re.compile(r"提案")),
    ("special", re.compile(r"专题协商")),
    ("research", re.compile(r"调研")),
    ("inspection", re.compile(r"视察")),
]
_SESSION_TIME = re.compile(r"全会|全体会议|次会议|两会|大会期间|会议期间")
_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_VAGUE = {
    "上半年": ((1, 6), "半年"), "下半年": ((7, 12), "半年"),
    "一季度": ((1, 3), "季度"), "二季度": ((4, 6), "季度"), "三季度": ((7, 9), "季度"), "四季度": ((10, 12), "季度"),
    "年中": ((6, 7), "大致时间"), "年底": ((11, 12), "大致时间"), "年末": ((11, 12), "大致时间"),
}


def _clean(line: str) -> str:
    line = line.strip()
    if line[:1] in _CIRCLED:
        line = _CIRCLED[line[0]] + line[1:]
    line = unicodedata.normalize("NFKC", to_simplified(line))
    line = _PINYIN.sub("", line)
    line = line.replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"\s+", " ", line).strip()


def _is_junk(line: str) -> bool:
    if not _CJK.search(line):
        return True
    return bool(_JUNK.match(line) or _JUNK_ANY.search(line))


def _is_prose(text: str) -> bool:
    """A sentence of running text rather than a heading or a title."""
    return "。" in text.rstrip("。")[:-1] or len(text) > 60 or (text.endswith("。") and len(text) > 30)


# -- time ---------------------------------------------------------------------------------------


@dataclass
class _Time:
    months: list[int] = field(default_factory=list)
    window: tuple[int, int] | None = None
    session: bool = False
    vague: str | None = None  # what the text only narrowed it to (季度, 半年 …)


def parse_time(text: str) -> _Time:
    """"7月" / "7-8月份" / "5月、9月" / "三季度" / "全会期间" → months and window."""
    s = unicodedata.normalize("NFKC", text or "")
    out = _Time()
    if _SESSION_TIME.search(s):
        out.session = True
        return out
    for m in re.finditer(r"(\d{1,2})\s*月?\s*[-–—~至到]\s*(\d{1,2})\s*月", s):
        lo, hi = int(m.group(1)), int(m.group(2))
        if 1 <= lo <= hi <= 12:
            out.window = (lo, hi)
            out.months.extend(x for x in range(lo, hi + 1) if x not in out.months)
    s2 = re.sub(r"(\d{1,2})\s*月?\s*[-–—~至到]\s*(\d{1,2})\s*月", " ", s)
    for m in re.finditer(r"(\d{1,2})\s*月|([一二三四五六七八九十]{1,2})\s*月", s2):
        n = int(m.group(1)) if m.group(1) else _CN_NUM.get(m.group(2), 0)
        if 1 <= n <= 12 and n not in out.months:
            out.months.append(n)
    if not out.months:
        for word, (window, what) in _VAGUE.items():
            if word in s:
                out.window, out.vague = window, what
                break
    return out


# -- the reader's state -----------------------------------------------------------------------


@dataclass
class _Topic:
    title: str
    line: int
    numbered: bool
    fields: dict[str, str] = field(default_factory=dict)
    last: str | None = None  # the field the next unlabelled line continues
    content_is_list: bool = False  # content began "1. …": numbered lines belong to it
    notes_lines: list[str] = field(default_factory=list)


@dataclass
class _Section:
    header: str  # as printed, without the count
    count: int | None
    line: int
    topics: list[_Topic] = field(default_factory=list)
    header_is_topic: bool = False


@dataclass
class DraftPlan:
    """A plan read from published text, with everything a reviewer must see."""

    plan: Plan
    new_committees: list[str] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    new_leaders: list[str] = field(default_factory=list)
    new_forms: list[str] = field(default_factory=list)
    unparsed_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    preamble: str = ""  # the prose before the arrangement (for the document)
    closing: str = ""  # the prose after it
    sources: dict[str, int] = field(default_factory=dict)  # topic id → line number in the text


@dataclass
class _Parsed:
    title: str = ""
    sections: list[_Section] = field(default_factory=list)
    loose: list[_Topic] = field(default_factory=list)  # numbered items outside any section
    unparsed: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    declared_total: int | None = None
    first_lines: list[str] = field(default_factory=list)


def _scan(text: str) -> _Parsed:
    out = _Parsed()
    top: str | None = None
    in_arrangement = False
    seen_arrangement = False
    section: _Section | None = None
    topic: _Topic | None = None

    def prose(line: str) -> None:
        (out.closing if seen_arrangement else out.preamble).append(line)

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        if _is_junk(line):
            out.unparsed.append(raw.strip())
            continue
        if len(out.first_lines) < 8:
            out.first_lines.append(line)

        m = _TOP.match(line)
        if m and len(m.group(2)) <= 40:
            top = m.group(2)
            in_arrangement = bool(_ARRANGEMENT.search(top)) and not _is_prose(top)
            seen_arrangement = seen_arrangement or in_arrangement
            section, topic = None, None
            if not in_arrangement:
                prose(line)
            continue

        m = _SECTION.match(line)
        if m and (in_arrangement or top is None) and not _is_prose(m.group(2)):
            head = m.group(2).strip()
            cm = _COUNT.search(head)
            count = int(cm.group(1)) if cm else None
            head = _COUNT.sub("", head).strip()
            section = _Section(header=head, count=count, line=lineno)
            out.sections.append(section)
            seen_arrangement = True
            in_arrangement = True
            topic = None
            continue

        if not in_arrangement and top is not None:
            prose(line)
            continue
        if top is None and section is None and not out.title and re.search(r"计划|要点", line) and not _is_prose(line):
            out.title = line
            continue

        fm = _FIELD.match(line)
        if fm:
            key, value = _LABEL_OF[fm.group(1)], fm.group(2).strip()
            if topic is None and section is not None and not section.topics:
                topic = _Topic(title=section.header, line=section.line, numbered=False)
                section.header_is_topic = True
                section.topics.append(topic)
            if topic is None:
                out.unparsed.append(raw.strip())
                continue
            if key in topic.fields and key != "content":
                topic.fields[key] += "、" + value
            else:
                topic.fields[key] = (topic.fields.get(key, "") + " " + value).strip()
            topic.last = key
            if key == "content":
                topic.content_is_list = bool(_NUMBERED.match(value))
            continue

        nm = _NUMBERED.match(line)
        if nm:
            if topic is not None and topic.last == "content" and topic.content_is_list:
                topic.fields["content"] += " " + line
                continue
            topic = _Topic(title=nm.group("title"), line=lineno, numbered=True)
            if section is not None:
                section.topics.append(topic)
            else:
                out.loose.append(topic)
            continue

        # An unlabelled, unnumbered line: a continuation, a title, or stray text.
        if topic is not None and topic.last is not None:
            # A wrapped list ("市自然资源和\n规划局") is short and has no full stop;
            # a sentence after a list is something else, kept for review.
            if topic.last != "content" and (len(line) > (12 if topic.last == "time" else 40) or "。" in line):
                out.unparsed.append(raw.strip())
                continue
            sep = " " if topic.last == "content" else ""
            topic.fields[topic.last] += sep + line
        elif topic is not None and not _is_prose(topic.title + line):
            topic.title += line
        elif section is not None and topic is None:
            if _is_prose(line):
                topic = _Topic(title=section.header, line=lineno, numbered=False)
                topic.fields["content"] = line
                topic.last = "content"
                lead = re.match(r"^[^,,。]{0,12}?月份?", line)
                if lead:
                    topic.fields["time"] = lead.group(0)
                section.header_is_topic = True
            else:
                topic = _Topic(title=line, line=lineno, numbered=False)
            section.topics.append(topic)
        elif section is None and in_arrangement and not out.sections:
            # the arrangement's opening sentence: "共安排重点协商议题11项"
            cm = re.search(r"(\d{1,3})\s*[项个]", line) if re.search(r"共|安排|开展", line) else None
            if cm and out.declared_total is None:
                out.declared_total = int(cm.group(1))
        elif section is None and top is None:
            prose(line)
        else:
            out.unparsed.append(raw.strip())
    for t in out.loose:
        if not t.fields:
            out.unparsed.append(t.title)
    return out


# -- names --------------------------------------------------------------------------------------


def _key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def committee_key(name: str) -> str:
    """"市政协农业和农村委员会" and "农业和农村委" are the same committee."""
    n = _strip_body(_key(name))
    return n.replace("委员会", "委")


def _strip_body(name: str) -> str:
    return re.sub(r"^(?:[\u4e00-\u9fff]{0,8}?[省市县区州旗])?政协", "", name) or name


def classify_form(header: str) -> str | None:
    for cat, rx in _FORM_RULES:
        if rx.search(header):
            return cat
    return None


_PEOPLE_SKIP = re.compile(r"^(部分|全体|有关|相关|各|市直有关|市直相关)|(委员|专家|代表|学者|群众|人士|界别|企业家)$")
_LEADER = re.compile(r"(市长|县长|区长|省长|书记|主席|领导|秘书长|常委|主任委员)$")
_GENERIC = re.compile(r"^(有关|相关|各)(部门|单位|方面)?$|^(市直|县直|区直)?(有关|相关)(部门|单位)")


def _clean_name(tok: str) -> str:
    tok = re.sub(r"^[。.;:\s]+|[。.;:\s]+$", "", tok)
    tok = re.sub(r"等(单位|部门|有关|相关|县|区|市直|方面|同志|负责).*$", "", tok)
    tok = re.sub(r"等$", "", tok)
    tok = re.sub(r"(的)?(主要)?(有关)?(负责同志|负责人|同志)$", "", tok)
    return tok.strip()


def _split_people(text: str) -> tuple[list[str], list[str]]:
    """"市政府分管副市长、市发改委等单位负责同志,部分政协委员" → (leaders, departments)."""
    leaders, depts = [], []
    for tok in split_names(text):
        name = _clean_name(tok)
        if not name or _PEOPLE_SKIP.search(name) or _GENERIC.search(name):
            continue
        (leaders if _LEADER.search(name) else depts).append(name)
    return leaders, depts


def _split_departments(text: str) -> list[str]:
    out = []
    for tok in split_names(text):
        name = _clean_name(tok)
        if name and not _GENERIC.search(name) and name not in out:
            out.append(name)
    return out


def _split_committees(text: str) -> list[str]:
    s = re.sub(r"^由", "", text.strip().rstrip("。"))
    s = re.sub(r"(联合|共同|牵头)?(组织实施|承办|负责实施|负责|组织)$", "", s)
    out = []
    for tok in split_names(s):
        name = _strip_body(_clean_name(tok))
        if name and name not in out:
            out.append(name)
    return out


_TRAILING_COMMITTEE = re.compile(r"\(([^()]{1,20}?(?:委|委员会|室|组|办公室))\)\s*$")


class _Registry:
    """Names → ids for one list, reusing the known plan's ids where names match."""

    def __init__(self, prefix: str, known: list[Any], key=_key):
        self.prefix = prefix
        self.key = key
        self.items: dict[str, dict[str, Any]] = {}  # key → item dict
        self.order: list[str] = []
        self.new: list[str] = []
        self.taken = {k.id for k in known}
        for k in known:
            self.items.setdefault(key(k.name), k.model_dump(mode="json"))
            self.order.append(key(k.name))
            role = getattr(k, "role", "")
            if role:
                self.items.setdefault(key(role), self.items[key(k.name)])

    def id_of(self, name: str, **extra: Any) -> str:
        k = self.key(name)
        if k not in self.items:
            item = {"id": next_id(self.prefix, self.taken), "name": name, **extra}
            self.items[k] = item
            self.order.append(k)
            self.new.append(name)
        return self.items[k]["id"]

    def dump(self) -> list[dict[str, Any]]:
        seen, out = set(), []
        for k in self.order:
            item = self.items[k]
            if item["id"] not in seen:
                seen.add(item["id"])
                out.append(item)
        return out


def _year_and_body(parsed: _Parsed, known: Plan | None, default_year: int | None) -> tuple[int, str, bool]:
    lines = [parsed.title] + parsed.first_lines if parsed.title else parsed.first_lines
    year = None
    for line in lines:
        m = re.search(r"(20\d\d)\s*年", line)
        if m:
            year = int(m.group(1))
            break
    body = ""
    for line in lines:
        if re.search(r"计划|要点", line):
            # A title names the body in full ("威海市政协"); in running text only
            # the level is safe to take ("……结合市政协工作实际" → "市政协").
            rx = r"[省市县区州旗]政协(?!委员)" if _is_prose(line) else r"(?:[\u4e00-\u9fff]{0,8}?[省市县区州旗])?政协(?!委员)"
            m = re.search(rx, line)
            if m:
                body = m.group(0)
                break
    guessed = year is None and default_year is None and known is None
    if year is None:
        year = default_year or (known.year if known else dt.date.today().year)
    if not body and known:
        body = known.body
    return year, body, guessed


def parse_published_text(
    text: str,
    *,
    known: Plan | None = None,
    year: int | None = None,
    session_month: int | None = None,
) -> DraftPlan:
    """A draft plan from the text of a published plan; raises PaperworkError if no topic is found.

    ``known``: an existing plan whose committees, departments, leaders, forms
    and calendar are reused (names are matched to their ids); only names it
    lacks become new. ``year``: used when the text has none. ``session_month``:
    the month of the plenary session, for topics timed "全会期间" (default: the
    known plan's, else 1).
    """
    if not text or not text.strip():
        raise fail("empty_text")
    parsed = _scan(text)
    topics_found = [t for s in parsed.sections for t in s.topics] + [t for t in parsed.loose if t.fields]
    if not topics_found:
        raise fail("no_topics_in_text")

    warnings: list[str] = []
    plan_year, body, guessed = _year_and_body(parsed, known, year)
    if guessed:
        warnings.append(T.TXT_WARN["no_year"].format(year=plan_year))

    calendar = known.calendar.model_dump(mode="json") if known else {}
    session = session_month or (known.calendar.session_month if known else None) or 1

    committees = _Registry("C", known.committees if known else [], key=committee_key)
    departments = _Registry("D", known.departments if known else [])
    leaders = _Registry("L", known.leaders if known else [])
    known_forms = list(known.forms) if known else []
    forms: list[dict[str, Any]] = [f.model_dump(mode="json") for f in known_forms]
    new_forms: list[str] = []

    def form_for(sec: _Section | None) -> str:
        header = sec.header if sec is not None else ""
        cat = classify_form(header) if sec is not None else None
        name = T.FORM_NAMES.get(cat or "", header) if (sec is None or sec.header_is_topic) else header
        if not name:
            name = "其他协商"
        for f in forms:  # same name, or same kind of form
            if _key(f["name"]) == _key(name) or (cat and (f["id"] == cat or classify_form(f["name"]) == cat)):
                return f["id"]
        taken = {f["id"] for f in forms}
        fid = cat if cat and cat not in taken else next_id("F", taken, width=1)
        item: dict[str, Any] = {"id": fid, "name": name}
        if cat == "plenary":
            item["session_only"] = True
        forms.append(item)
        new_forms.append(name)
        if cat is None and sec is not None:
            warnings.append(T.TXT_WARN["unknown_form"].format(section=header, name=name))
        return fid

    topic_dicts: list[dict[str, Any]] = []
    sources: dict[str, int] = {}
    taken_topics: set[str] = set()
    used_session = False
    groups = [(s, s.topics) for s in parsed.sections] + [(None, [t for t in parsed.loose if t.fields])]
    for sec, topics in groups:
        if not topics:
            continue
        fid = form_for(sec)
        if sec is not None and sec.count is not None and sec.count != len(topics):
            warnings.append(T.TXT_WARN["count_mismatch"].format(section=sec.header, declared=sec.count,
                                                                found=len(topics)))
        for tp in topics:
            tid = next_id("T", taken_topics)
            title = re.sub(r"[。;\s]+$", "", tp.title.strip())
            trailing = _TRAILING_COMMITTEE.search(title)
            f = tp.fields
            lead_names = _split_committees(f.get("lead", ""))
            if trailing:
                title = title[: trailing.start()].strip()
                if not lead_names:
                    lead_names = _split_committees(trailing.group(1))
            lead_names += [n for n in _split_committees(f.get("co", "")) if n not in lead_names]
            d: dict[str, Any] = {"id": tid, "title": title, "form": fid}
            if lead_names:
                ids = [committees.id_of(n) for n in lead_names]
                d["lead_options"] = [ids[0]]
                d["co_organizers"] = [x for x in dict.fromkeys(ids[1:]) if x != ids[0]]
            else:
                d["lead_options"] = [committees.id_of(T.TBD_COMMITTEE)]
                warnings.append(T.TXT_WARN["no_lead"].format(id=tid, title=title, tbd=T.TBD_COMMITTEE))

            people_leaders, people_depts = _split_people(f.get("people", ""))
            dept_names = _split_departments(f.get("departments", ""))
            dept_names += [n for n in people_depts if n not in dept_names]
            d["departments"] = list(dict.fromkeys(departments.id_of(n) for n in dept_names))
            leader_names = [_clean_name(x) for x in split_names(f.get("leaders", ""))]
            leader_names += [n for n in people_leaders if n not in leader_names]
            d["leaders"] = list(dict.fromkeys(leaders.id_of(n) for n in leader_names if n))
            if not d["departments"]:
                warnings.append(T.TXT_WARN["no_departments"].format(id=tid, title=title))

            form_item = next(x for x in forms if x["id"] == fid)
            tm = parse_time(f.get("time", ""))
            if tm.session or form_item.get("session_only"):
                d["preferred_months"] = [session]
                used_session = True
                form_item["session_only"] = True
            elif tm.months:
                d["preferred_months"] = tm.months
                if tm.window:
                    d["window"] = list(tm.window)
            elif tm.window:
                d["window"] = list(tm.window)
                warnings.append(T.TXT_WARN["vague_month"].format(id=tid, title=title, text=f.get("time", ""),
                                                                 what=tm.vague, window=f"{tm.window[0]}–{tm.window[1]}月"))
            else:
                warnings.append(T.TXT_WARN["no_month"].format(id=tid, title=title))

            notes = []
            if f.get("content"):
                notes.append(f["content"])
            if f.get("people"):
                notes.append("参加人员:" + f["people"])
            notes += tp.notes_lines
            if notes:
                d["notes"] = "\n".join(notes)
            topic_dicts.append(d)
            sources[tid] = tp.line

    if parsed.declared_total is not None and parsed.declared_total != len(topic_dicts):
        warnings.append(T.TXT_WARN["total_mismatch"].format(declared=parsed.declared_total, found=len(topic_dicts)))
    if used_session:
        calendar["session_month"] = calendar.get("session_month") or session
        if not (known and known.calendar.session_month) and not session_month:
            warnings.insert(0, T.TXT_WARN["session_month"].format(month=f"{session}月"))

    doc = {
        "format": PLAN_FORMAT,
        "body": body,
        "year": plan_year,
        "calendar": calendar,
        "forms": forms,
        "committees": committees.dump(),
        "departments": departments.dump(),
        "leaders": leaders.dump(),
        "topics": topic_dicts,
    }
    try:
        plan = parse_plan(doc)
    except PlanError as err:  # a bug here, not the user's: say so plainly
        raise from_plan_error(err) from None
    return DraftPlan(
        plan=plan,
        new_committees=committees.new,
        new_departments=departments.new,
        new_leaders=leaders.new,
        new_forms=new_forms,
        unparsed_lines=parsed.unparsed,
        warnings=warnings,
        preamble="\n".join(parsed.preamble),
        closing="\n".join(parsed.closing),
        sources=sources,
    )


__all__ = ["DraftPlan", "PaperworkError", "classify_form", "committee_key", "parse_published_text", "parse_time"]
