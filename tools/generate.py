"""Synthetic annual consultation plans (`consult-plan/1`) for demos, tests and benchmarks.

``generate_plan(n)`` builds a realistic plan of ``n`` topics: Chinese titles from
real-sounding parts, city departments (province ones from 300 topics up), a
few departments in many topics (Zipf-like popularity), the form mix of the
domain notes (one plenary in the session month, ~2–3 standing-committee
meetings per 40 topics, 双月 meetings, counterpart consultations spread over
the committees, research and inspections), research-first windows, preferred
months, leaders who are away now and then, and research-before-consultation
``after`` pairs.

Feasible by construction: a reference schedule is built first, keeping every
hard rule of the format, and the limits (month, committee, form) are set no
lower than what that schedule needs; leaders' absences are drawn around it.
Soft goals are *not* protected: popular departments are overloaded, some
preferred months clash. ``generate_plan_and_reference`` returns the reference
schedule too, as a witness of feasibility.

Deterministic: everything is drawn from one ``random.Random(seed)``.

Command line::

    python -m tools.generate 50 --seed 1 -o data/synthetic-50.json
    python -m tools.generate 1000 --province --seed 1 -o /tmp/province-1000.json

Province-wide plans (a province 政协 and 15–40 city 政协s) come from
:mod:`tools.province`.
"""

from __future__ import annotations

import logging
import math
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from solver.plan import PLAN_FORMAT, Assignment, Plan, Schedule
from solver.validate import parse_plan

log = logging.getLogger(__name__)

PROVINCE_FROM = 300  # from this many topics on, the plan is a province's
MIN_DEPARTMENTS = 1  # per non-plenary topic
MAX_DEPARTMENTS = 6
THEME_SHARE = 0.8  # a department slot is filled from the topic's subject this often
SESSION_MONTH = 1
BLACKOUT = (2,)  # Spring Festival (inferred, see data/README.md)
ACTIVE = (4, 11)  # observed: ordinary activity runs April–November
# The command line's ceiling: a province's plan is a few hundred topics; 5000
# is the paperwork benchmark's size (bench/bench_paperwork.py).
MAX_TOPICS = 5000

# -- departments ----------------------------------------------------------------
# (id, city name, province name), most popular first: the order is the Zipf rank.
_DEPARTMENTS: list[tuple[str, str, str]] = [
    ("fagai", "市发改委", "省发改委"),
    ("caizheng", "市财政局", "省财政厅"),
    ("shangwu", "市商务局", "省商务厅"),
    ("gongxin", "市工信局", "省工信厅"),
    ("renshe", "市人社局", "省人社厅"),
    ("jiaoyu", "市教育局", "省教育厅"),
    ("shichang", "市市场监管局", "省市场监管局"),
    ("nongye", "市农业农村局", "省农业农村厅"),
    ("zhujian", "市住建局", "省住建厅"),
    ("ziran", "市自然资源和规划局", "省自然资源厅"),
    ("shengtai", "市生态环境局", "省生态环境厅"),
    ("minzheng", "市民政局", "省民政厅"),
    ("weijian", "市卫健委", "省卫健委"),
    ("keji", "市科技局", "省科技厅"),
    ("jiaotong", "市交通运输局", "省交通运输厅"),
    ("wenlv", "市文化和旅游局", "省文化和旅游厅"),
    ("gongan", "市公安局", "省公安厅"),
    ("sifa", "市司法局", "省司法厅"),
    ("shuili", "市水利局", "省水利厅"),
    ("yingji", "市应急管理局", "省应急管理厅"),
    ("shenpi", "市行政审批服务局", "省政务服务和数据管理局"),
    ("dashuju", "市大数据局", "省大数据发展管理局"),
    ("jinrong", "市地方金融监管局", "省地方金融监管局"),
    ("yibao", "市医保局", "省医保局"),
    ("tongji", "市统计局", "省统计局"),
    ("shuishou", "市税务局", "省税务局"),
    ("chengguan", "市城市管理局", "省城市管理执法局"),
    ("linye", "市林业局", "省林业局"),
    ("guozi", "市国资委", "省国资委"),
    ("tuiyi", "市退役军人事务局", "省退役军人事务厅"),
    ("xiangcun", "市乡村振兴局", "省乡村振兴局"),
    ("xinfang", "市信访局", "省信访局"),
    ("tiyu", "市体育局", "省体育局"),
    ("minzong", "市民族宗教事务局", "省民族宗教事务委员会"),
    ("waishi", "市外事办", "省外办"),
    ("tongzhan", "市委统战部", "省委统战部"),
    ("xuanchuan", "市委宣传部", "省委宣传部"),
    ("zhengfa", "市委政法委", "省委政法委"),
    ("bianban", "市委编办", "省委编办"),
    ("tuanwei", "团市委", "团省委"),
    ("fulian", "市妇联", "省妇联"),
    ("gongshanglian", "市工商联", "省工商联"),
    ("kexie", "市科协", "省科协"),
    ("canlian", "市残联", "省残联"),
    ("qiaolian", "市侨联", "省侨联"),
    ("fayuan", "市中级法院", "省高级法院"),
    ("jianchayuan", "市检察院", "省检察院"),
    ("shenji", "市审计局", "省审计厅"),
    ("gongjijin", "市住房公积金管理中心", "省住房资金管理中心"),
    ("renfang", "市人防办", "省人防办"),
    ("liangshi", "市粮食和物资储备局", "省粮食和物资储备局"),
    ("gongdian", "市供电公司", "省电力公司"),
]
# Only in a province's plan (more departments for more topics).
_PROVINCE_DEPARTMENTS: list[tuple[str, str]] = [
    ("qixiang", "省气象局"),
    ("tongxin", "省通信管理局"),
    ("yaojian", "省药监局"),
    ("nengyuan", "省能源局"),
    ("zhishi", "省知识产权局"),
    ("dizhi", "省地质局"),
    ("haiguan", "省内海关"),
    ("xiaofang", "省消防救援总队"),
    ("jiguan", "省机关事务管理局"),
    ("youzheng", "省邮政管理局"),
    ("jinrongju", "金融监管总局省监管局"),
    ("renmin", "人民银行省分行"),
    ("shuiwen", "省水文中心"),
    ("dangshi", "省委党史研究室"),
]

# -- committees -------------------------------------------------------------------
# (id, city name, province name); the office only organises the plenary.
_OFFICE = ("bangongshi", "办公室", "办公厅")
_COMMITTEES: list[tuple[str, str, str]] = [
    ("tian", "提案委", "提案委员会"),
    ("jingji", "经济委", "经济委员会"),
    ("nongnong", "农业和农村委", "农业和农村委员会"),
    ("renhuan", "人口资源环境委", "人口资源环境委员会"),
    ("jiaokewei", "教科卫体委", "教科卫体委员会"),
    ("shefa", "社会和法制委", "社会和法制委员会"),
    ("minzong", "民族宗教委", "民族和宗教委员会"),
    ("gangaotai", "港澳台侨和外事委", "港澳台侨和外事委员会"),
    ("wenshi", "文化文史和学习委", "文化文史和学习委员会"),
    ("weilian", "委员联络委", "委员工作委员会"),
]
_PROVINCE_COMMITTEES: list[tuple[str, str]] = [
    ("keji_c", "科技委员会"),
    ("yanjiu", "研究室"),
]

# -- forms ------------------------------------------------------------------------
_FORMS = {
    "plenary": "全体会议协商",
    "standing": "专题议政性常委会议",
    "bimonthly": "双月协商座谈会",
    "special": "专题协商会",
    "counterpart": "对口协商",
    "sector": "界别协商",
    "proposal": "提案办理协商",
    "research": "专题调研",
    "inspection": "视察",
}
# Shares of the topics left after the plenary, the standing and the 双月 ones.
_REST_SHARES = {
    "counterpart": 0.30,
    "research": 0.24,
    "inspection": 0.16,
    "special": 0.11,
    "sector": 0.11,
    "proposal": 0.08,
}
_CONSULTATIONS = ("standing", "bimonthly", "special", "counterpart", "sector")


# -- themes: what topics are about ---------------------------------------------------
@dataclass(frozen=True)
class Theme:
    key: str
    weight: float
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    committees: tuple[str, ...]  # most fitting first
    departments: tuple[str, ...]
    portfolio: str | None  # the vice-mayor (vice-governor) in charge


_THEMES: list[Theme] = [
    Theme(
        "business",
        1.4,
        ("优化", "持续优化", "深化", "改善"),
        ("营商环境", "政务服务环境", "法治化营商环境", "中小企业发展环境", "市场准入环境"),
        ("jingji", "shefa", "tian"),
        ("fagai", "shichang", "shenpi", "sifa", "shuishou", "dashuju", "jinrong"),
        "exec",
    ),
    Theme(
        "industry",
        1.2,
        ("推动", "加快", "促进", "推进"),
        (
            "先进制造业集群发展",
            "传统产业转型升级",
            "制造业数字化转型",
            "专精特新企业培育",
            "工业园区提质增效",
            "产业链供应链稳定",
        ),
        ("jingji", "keji_c", "tian"),
        ("gongxin", "fagai", "keji", "caizheng", "shangwu", "ziran"),
        "industry",
    ),
    Theme(
        "tech",
        1.0,
        ("加快", "推进", "强化", "完善"),
        ("科技成果转化", "科技型企业培育", "创新平台建设", "人才引育机制建设", "产学研深度融合"),
        ("keji_c", "jiaokewei", "jingji"),
        ("keji", "gongxin", "jiaoyu", "renshe", "caizheng", "kexie"),
        "industry",
    ),
    Theme(
        "digital",
        0.7,
        ("加快", "推进", "推动"),
        ("数字经济发展", "数据要素市场化配置", "新型基础设施建设", "政务数据共享应用"),
        ("jingji", "keji_c"),
        ("dashuju", "gongxin", "fagai", "shenpi"),
        "industry",
    ),
    Theme(
        "rural",
        1.4,
        ("全面推进", "加快", "推进", "促进"),
        (
            "乡村振兴",
            "农村人居环境整治",
            "农业产业化发展",
            "农村集体经济发展",
            "高标准农田建设",
            "农产品品牌建设",
            "县域经济发展",
        ),
        ("nongnong", "weilian"),
        ("nongye", "xiangcun", "caizheng", "ziran", "shuili", "jiaotong", "shangwu"),
        "agri",
    ),
    Theme(
        "water",
        0.6,
        ("加强", "推进", "完善"),
        ("水资源节约集约利用", "城乡供水一体化", "防汛抗旱能力建设", "河湖长制落实"),
        ("renhuan", "nongnong"),
        ("shuili", "zhujian", "yingji", "fagai", "nongye"),
        "agri",
    ),
    Theme(
        "ecology",
        1.1,
        ("加强", "推进", "深化", "强化"),
        (
            "大气污染防治",
            "河湖生态保护",
            "生态保护修复",
            "绿色低碳发展",
            "土壤污染防治",
            "固体废物综合利用",
            "城乡污水治理",
        ),
        ("renhuan", "nongnong"),
        ("shengtai", "fagai", "ziran", "shuili", "linye", "zhujian", "gongxin"),
        "eco",
    ),
    Theme(
        "culture",
        0.9,
        ("推动", "加强", "促进", "深化"),
        ("文旅融合发展", "历史文化遗产保护利用", "全域旅游发展", "公共文化服务体系建设", "红色文化资源保护传承"),
        ("wenshi", "gangaotai"),
        ("wenlv", "xuanchuan", "fagai", "ziran", "caizheng"),
        "eco",
    ),
    Theme(
        "elderly",
        1.0,
        ("完善", "加快", "推进", "健全"),
        ("养老服务体系建设", "居家社区养老服务", "医养结合发展", "农村养老服务", "养老服务人才队伍建设"),
        ("shefa", "jiaokewei"),
        ("minzheng", "weijian", "yibao", "caizheng", "renshe"),
        "social",
    ),
    Theme(
        "education",
        1.0,
        ("推进", "促进", "加强", "推动"),
        (
            "义务教育优质均衡发展",
            "学前教育普惠发展",
            "职业教育产教融合",
            "中小学生心理健康教育",
            "乡村教师队伍建设",
            "“双减”政策落实",
        ),
        ("jiaokewei",),
        ("jiaoyu", "caizheng", "renshe", "bianban", "weijian"),
        "education",
    ),
    Theme(
        "health",
        0.9,
        ("深化", "加强", "推进", "完善"),
        (
            "基层医疗卫生服务能力建设",
            "公立医院高质量发展",
            "分级诊疗制度建设",
            "中医药传承创新发展",
            "公共卫生应急体系建设",
        ),
        ("jiaokewei",),
        ("weijian", "yibao", "caizheng", "shichang", "renshe"),
        "social",
    ),
    Theme(
        "jobs",
        0.8,
        ("做好", "促进", "加强"),
        ("高校毕业生就业", "农民工返乡创业", "技能人才队伍建设", "灵活就业人员权益保障"),
        ("shefa", "jiaokewei", "tian"),
        ("renshe", "jiaoyu", "caizheng", "tuanwei", "nongye"),
        "education",
    ),
    Theme(
        "family",
        0.6,
        ("加强", "推进", "做好"),
        ("未成年人保护", "家庭教育促进", "妇女儿童权益保障", "青年发展型城市建设", "婴幼儿照护服务"),
        ("shefa", "jiaokewei", "weilian"),
        ("fulian", "tuanwei", "jiaoyu", "minzheng", "weijian", "fayuan", "jianchayuan"),
        "social",
    ),
    Theme(
        "veterans",
        0.4,
        ("做好", "加强", "完善"),
        ("退役军人服务保障", "残疾人就业和康复服务", "困难群众救助帮扶"),
        ("shefa", "weilian"),
        ("tuiyi", "canlian", "renshe", "minzheng"),
        "social",
    ),
    Theme(
        "city",
        1.0,
        ("提升", "加强", "推进", "加快"),
        ("城市精细化管理", "老旧小区改造", "城市更新", "智慧城市建设", "城市停车设施建设", "海绵城市建设"),
        ("renhuan", "shefa", "tian"),
        ("zhujian", "chengguan", "ziran", "jiaotong", "gongan", "dashuju"),
        "urban",
    ),
    Theme(
        "transport",
        0.7,
        ("加快", "推进", "完善"),
        ("综合交通枢纽建设", "城乡公交一体化", "农村公路建设管护", "智慧交通发展"),
        ("jingji", "renhuan", "tian"),
        ("jiaotong", "fagai", "ziran", "gongan", "caizheng"),
        "urban",
    ),
    Theme(
        "housing",
        0.5,
        ("完善", "加快", "推进"),
        ("住房保障体系建设", "保障性租赁住房建设", "房地产市场平稳健康发展", "物业服务管理"),
        ("renhuan", "shefa"),
        ("zhujian", "ziran", "caizheng", "gongjijin", "jinrong"),
        "urban",
    ),
    Theme(
        "governance",
        0.9,
        ("加强", "创新", "完善", "推进"),
        ("基层社会治理", "矛盾纠纷多元化解", "网格化服务管理", "信访工作法治化", "社区治理能力建设"),
        ("shefa",),
        ("zhengfa", "gongan", "sifa", "minzheng", "xinfang"),
        "security",
    ),
    Theme(
        "safety",
        0.7,
        ("加强", "提升", "强化"),
        ("安全生产监管", "燃气安全管理", "防灾减灾救灾能力建设", "食品药品安全监管", "自建房安全整治"),
        ("shefa", "renhuan"),
        ("yingji", "zhujian", "shichang", "gongan", "jiaotong"),
        "security",
    ),
    Theme(
        "private",
        0.9,
        ("促进", "支持", "推动"),
        ("民营经济高质量发展", "中小微企业纾困发展", "民营企业融资", "亲清政商关系构建"),
        ("jingji", "tian"),
        ("gongshanglian", "fagai", "gongxin", "jinrong", "caizheng", "shichang", "shuishou"),
        "exec",
    ),
    Theme(
        "opening",
        0.6,
        ("扩大", "深化", "推动", "加强"),
        ("对外开放合作", "对港澳台交流合作", "外资外贸稳定发展", "侨务资源作用发挥", "跨境电商发展"),
        ("gangaotai", "jingji"),
        ("shangwu", "waishi", "tongzhan", "qiaolian", "fagai", "shuishou"),
        "exec",
    ),
    Theme(
        "religion",
        0.4,
        ("加强", "深化", "做好"),
        ("宗教事务依法管理", "民族团结进步创建", "宗教活动场所规范管理"),
        ("minzong",),
        ("tongzhan", "minzong", "gongan"),
        None,
    ),
]
# optional second half of a title, by the portfolio the subject belongs to
_SUFFIXES: dict[str | None, tuple[str, ...]] = {
    "exec": ("助推高质量发展", "激发市场主体活力", "服务发展大局"),
    "industry": ("助推高质量发展", "培育发展新动能"),
    "agri": ("推动共同富裕", "促进农民增收"),
    "eco": ("建设美丽家园", "推动绿色发展"),
    "urban": ("提升群众获得感", "建设宜居城市"),
    "social": ("增进民生福祉", "提升群众获得感"),
    "education": ("办好人民满意的教育", "增进民生福祉"),
    "security": ("筑牢安全底线", "建设更高水平平安"),
    None: ("广泛凝聚共识",),
}

# vice-mayors (vice-governors): (id, portfolio keys, city title, province title)
_VICE_HEADS: list[tuple[str, tuple[str, ...], str, str]] = [
    ("vm_exec", ("exec",), "常务副市长", "常务副省长"),
    ("vm_industry", ("industry",), "副市长(分管工业、科技、数字经济)", "副省长(分管工业、科技、数字经济)"),
    ("vm_agri", ("agri",), "副市长(分管农业农村、水利)", "副省长(分管农业农村、水利)"),
    ("vm_urban", ("urban",), "副市长(分管住建、交通、城市管理)", "副省长(分管住建、交通)"),
    ("vm_social", ("social", "education"), "副市长(分管教育、卫健、民政、人社)", "副省长(分管卫健、民政)"),
    ("vm_eco", ("eco",), "副市长(分管生态环境、自然资源、文旅)", "副省长(分管生态环境、自然资源、文旅)"),
    ("vm_security", ("security",), "副市长、市公安局局长", "副省长、省公安厅厅长"),
]
# a province splits education off the social portfolio
_PROVINCE_VICE_HEADS = [("vm_education", ("education",), "副省长(分管教育、人社)")]


@dataclass
class _Topic:
    id: str
    form: str
    theme: Theme | None
    title: str = ""
    lead: list[str] = field(default_factory=list)
    co: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    window: tuple[int, int] | None = None
    after: list[str] = field(default_factory=list)
    month: int | None = None  # the reference schedule
    pre_research_for: _Topic | None = None


def _largest_remainder(total: int, shares: dict[str, float]) -> dict[str, int]:
    raw = {k: total * v / sum(shares.values()) for k, v in shares.items()}
    out = {k: int(x) for k, x in raw.items()}
    for k in sorted(raw, key=lambda k: (-(raw[k] - out[k]), k))[: total - sum(out.values())]:
        out[k] += 1
    return out


def form_counts(n_topics: int) -> dict[str, int]:
    """How many topics of each form a plan of ``n_topics`` gets."""
    if n_topics < 1:
        raise ValueError("n_topics must be at least 1")
    counts = dict.fromkeys(_FORMS, 0)
    counts["plenary"] = 1
    left = n_topics - 1
    counts["standing"] = min(left, max(1, round(2.5 * n_topics / 40))) if n_topics >= 4 else 0
    left -= counts["standing"]
    counts["bimonthly"] = min(left, max(1, round(n_topics / 10))) if n_topics >= 6 else 0
    left -= counts["bimonthly"]
    counts.update(_largest_remainder(left, _REST_SHARES))
    return counts


def _spaced_months(rng: random.Random, k: int, lo: int, hi: int, gap: int) -> list[int]:
    """k increasing months in [lo, hi], consecutive ones at least ``gap`` apart."""
    for _ in range(200):
        months = sorted(rng.sample(range(lo, hi + 1), k))
        if all(b - a >= gap for a, b in pairwise(months)):
            return months
    return list(range(lo, lo + gap * k, gap))  # k is small enough that this fits


class _Builder:
    def __init__(self, n: int, rng: random.Random, year: int, body: str | None):
        self.n = n
        self.rng = rng
        self.year = year
        self.province = n >= PROVINCE_FROM
        self.p = "省" if self.province else "市"
        self.body = body or f"某{self.p}政协"
        self.usable = [m for m in range(1, 13) if m not in BLACKOUT]
        self.month_load: Counter[int] = Counter()
        self.committee_load: dict[str, Counter[int]] = defaultdict(Counter)
        self.form_load: dict[str, Counter[int]] = defaultdict(Counter)
        self.titles: set[str] = set()

    # -- entities ---------------------------------------------------------------
    def entities(self) -> None:
        prov = self.province
        self.departments = [(i, pn if prov else cn) for i, cn, pn in _DEPARTMENTS]
        if prov:
            self.departments += _PROVINCE_DEPARTMENTS
        ranks = {d: r for r, (d, _) in enumerate(self.departments)}
        # Zipf-like popularity by rank: a few departments are in many topics.
        self.dept_weight = {d: 1.0 / (r + 1) ** 1.0 for d, r in ranks.items()}

        self.committees = [(i, pn if prov else cn) for i, cn, pn in _COMMITTEES]
        if prov:
            self.committees += _PROVINCE_COMMITTEES
        self.committee_ids = [c for c, _ in self.committees]
        office = (_OFFICE[0], _OFFICE[2] if prov else _OFFICE[1])

        p = self.p
        self.leaders: list[dict] = [
            {"id": "party_secretary", "name": f"{p}委书记", "role": f"{p}委主要领导"},
            {"id": "gov_head", "name": "省长" if prov else "市长", "role": f"{p}政府主要领导"},
            {"id": "cppcc_chair", "name": f"{p}政协主席", "role": f"{p}政协主要领导"},
        ]
        self.vice_head_of: dict[str, str] = {}
        heads = [(i, keys, pn if prov else cn) for i, keys, cn, pn in _VICE_HEADS]
        if prov:
            heads += [(i, keys, name) for i, keys, name in _PROVINCE_VICE_HEADS]
        for lid, keys, name in heads:
            self.leaders.append({"id": lid, "name": name, "role": f"{p}政府分管领导"})
            for k in keys:
                self.vice_head_of[k] = lid  # later entries override: province splits education
        n_vc = 10 if prov else 6
        subs = [c for c in self.committee_ids if c != "yanjiu"]
        groups: list[list[str]] = [[] for _ in range(n_vc)]
        for i, c in enumerate(subs):
            groups[i % n_vc].append(c)
        names = dict(self.committees)
        self.vice_chair_of: dict[str, str] = {}
        for i, group in enumerate(groups, start=1):
            lid = f"vc_{i:02d}"
            covered = "、".join(names[c] for c in group) if group else "机关工作"
            self.leaders.append({"id": lid, "name": f"{p}政协副主席(分管{covered})", "role": f"{p}政协牵头领导"})
            for c in group:
                self.vice_chair_of[c] = lid
        self.vice_chair_of["yanjiu"] = "vc_01"
        self.office = office

    # -- topics ---------------------------------------------------------------------
    def _theme(self, committee: str | None = None) -> Theme:
        themes = [t for t in _THEMES if committee is None or committee in t.committees]
        if not themes:
            themes = _THEMES
        return self.rng.choices(themes, weights=[t.weight for t in themes])[0]

    def _committee_for(self, theme: Theme) -> str:
        options = [c for c in theme.committees if c in self.committee_ids]
        weights = [3.0 / (i + 1) for i in range(len(options))]
        return self.rng.choices(options, weights=weights)[0]

    def _title(self, t: _Topic) -> str:
        rng, theme = self.rng, t.theme
        assert theme is not None
        for attempt in range(30):
            obj = rng.choice(theme.objects)
            core = f"{rng.choice(theme.verbs)}{obj}"
            if t.form == "research":
                title = rng.choice((f"关于{core}的调研", f"{obj}情况调研", f"关于{obj}的专题调研"))
            elif t.form == "inspection":
                title = rng.choice((f"{obj}推进情况视察", f"{obj}工作视察", f"视察{obj}工作"))
            elif t.form == "proposal":
                title = f"重点提案“{core}”办理协商"
            else:
                title = core if rng.random() < 0.6 else f"{core},{rng.choice(_SUFFIXES[theme.portfolio])}"
            if attempt > 20:
                title += f"({self.p}{rng.choice(('城区', '县域', '园区', '重点区域'))})"
            if title not in self.titles:
                break
        self.titles.add(title)
        return title

    def _departments(self, t: _Topic) -> list[str]:
        rng = self.rng
        if t.form == "standing":
            k = rng.randint(3, MAX_DEPARTMENTS)
        else:
            k = rng.choices(range(1, MAX_DEPARTMENTS + 1), weights=(15, 35, 30, 15, 3, 2))[0]
        theme_deps = [d for d in (t.theme.departments if t.theme else ()) if d in self.dept_weight]
        chosen: list[str] = []
        while len(chosen) < k:
            # mostly the departments of the topic's subject (the first named are the
            # most concerned), sometimes anyone, drawn by overall popularity: a few
            # departments (发改委, 财政局 …) turn up in many topics
            pool = [(d, 1.0 / (i + 1) ** 0.8) for i, d in enumerate(theme_deps) if d not in chosen]
            if not pool or rng.random() >= THEME_SHARE:
                pool = [(d, w) for d, w in self.dept_weight.items() if d not in chosen]
            chosen.append(rng.choices([d for d, _ in pool], weights=[w for _, w in pool])[0])
        return chosen

    def _leaders(self, t: _Topic, standing_index: int) -> list[str]:
        rng = self.rng
        vm = self.vice_head_of.get(t.theme.portfolio) if t.theme and t.theme.portfolio else None
        vc = self.vice_chair_of[t.lead[0]]
        if t.form == "standing":
            head = ("party_secretary", "gov_head")[standing_index % 2]
            return [x for x in (head, vm, "cppcc_chair") if x]
        p_vm = {"bimonthly": 0.8, "special": 0.7, "counterpart": 0.25, "proposal": 0.3}.get(t.form, 0.0)
        p_vc = {"research": 0.7, "inspection": 0.6}.get(t.form, 1.0)
        out = []
        if vm and rng.random() < p_vm:
            out.append(vm)
        if rng.random() < p_vc:
            out.append(vc)
        return out

    def _window(self, form: str) -> tuple[int, int]:
        r = self.rng.random()
        lo, hi = ACTIVE
        if form == "bimonthly":
            return (5, hi) if r < 0.2 else (lo, hi)
        if form == "proposal":  # proposals are handed out Mar–Jun, handled mid-year
            return (3, 7) if r < 0.3 else (4, 8)
        if form == "research":
            return (3, 10) if r < 0.3 else (lo, 10)
        if form == "inspection":
            return (3, hi) if r < 0.1 else ((lo, 12) if r < 0.2 else (lo, hi))
        # consultations: mostly April–November, some start later (research first)
        if r < 0.12:
            return (5, hi)
        if r < 0.2:
            return (6, hi)
        if r < 0.25:
            return (lo, 12)
        return (lo, hi)

    def topics(self) -> list[_Topic]:
        rng = self.rng
        counts = form_counts(self.n)
        width = max(2, len(str(self.n)))
        topics: list[_Topic] = []
        subs = [c for c in self.committee_ids if c != "yanjiu"]

        def new(form: str, theme: Theme | None) -> _Topic:
            t = _Topic(id=f"T{len(topics) + 1:0{width}d}", form=form, theme=theme)
            topics.append(t)
            return t

        plenary = new("plenary", None)
        plenary.title = f"围绕{self.p}政府工作报告和{self.p}法院、{self.p}检察院工作报告协商议政"
        plenary.lead = [self.office[0]]
        plenary.leaders = ["party_secretary", "gov_head", "cppcc_chair"]

        forms: list[str] = []
        for form in ("standing", "bimonthly", "special", "sector", "proposal", "inspection"):
            forms += [form] * counts[form]
        # counterpart consultations go round the committees (each leads its share)
        counterpart_committees = [subs[i % len(subs)] for i in range(counts["counterpart"])]
        rng.shuffle(counterpart_committees)
        body: list[tuple[str, str | None]] = [(f, None) for f in forms]
        body += [("counterpart", c) for c in counterpart_committees]
        rng.shuffle(body)
        # research topics: about 40% prepare a consultation (same theme and committee)
        n_research = counts["research"]
        n_paired = min(round(n_research * 0.4), sum(1 for f, _ in body if f in _CONSULTATIONS))

        standing_index = 0
        for form, committee in body:
            theme = self._theme(committee)
            t = new(form, theme)
            t.lead = [committee or self._committee_for(theme)]
            if form == "standing":
                standing_index += 1
            self._complete(t, standing_index)

        consultations = [t for t in topics if t.form in _CONSULTATIONS]
        rng.shuffle(consultations)
        for i in range(n_research):
            if i < n_paired:
                target = consultations[i]
                r = new("research", target.theme)
                r.lead = list(target.lead[:1])
                r.pre_research_for = target
            else:
                theme = self._theme()
                r = new("research", theme)
                r.lead = [self._committee_for(theme)]
            self._complete(r, 0)
        return topics

    def _complete(self, t: _Topic, standing_index: int) -> None:
        rng = self.rng
        assert t.theme is not None
        if t.pre_research_for is not None:
            subject = t.pre_research_for.title.split(",")[0].removeprefix("重点提案“").removesuffix("”办理协商")
            title = f"关于{subject}的前期调研"
            t.title = title if title not in self.titles else self._title(t)
            self.titles.add(t.title)
        else:
            t.title = self._title(t)
        # a second possible lead, or a co-organiser, now and then
        others = [c for c in t.theme.committees if c in self.committee_ids and c not in t.lead]
        if others and rng.random() < 0.12:
            t.lead.append(rng.choice(others))
        elif rng.random() < (0.4 if t.form == "standing" else 0.1):
            pool = [c for c in (others or self.committee_ids) if c not in t.lead]
            t.co = [rng.choice(pool)]
        t.departments = self._departments(t)
        t.leaders = self._leaders(t, standing_index)
        t.window = self._window(t.form)

    # -- the reference schedule -----------------------------------------------------
    def standing_rules(self, k: int) -> tuple[int, int]:
        """(max_per_month, min_gap_months) for k standing-committee topics."""
        if k <= 4:
            return 1, 2  # the domain rule: one at a time, two months apart
        if k <= 7:
            return 1, 0
        return max(2, math.ceil(1.3 * k / 8)), 0  # a big plan: several topics per meeting

    def place(self, topics: list[_Topic]) -> dict[str, list[int]]:
        rng = self.rng
        plenary = topics[0]
        plenary.month = SESSION_MONTH
        self._load(plenary)

        standing = [t for t in topics if t.form == "standing"]
        gap = self.standing_rules(len(standing))[1]
        if gap:
            months = _spaced_months(rng, len(standing), 5, ACTIVE[1], gap)
        else:
            cycle = list(range(5, ACTIVE[1] + 1)) if len(standing) <= 7 else list(range(ACTIVE[0], ACTIVE[1] + 1))
            months = sorted(cycle[i % len(cycle)] for i in range(len(standing)))
        for t, m in zip(standing, months, strict=True):
            t.month = m
            t.window = (min(m, rng.choice((5, 6))), ACTIVE[1])
            self._load(t)

        # absences are drawn around what is already fixed (plenary, standing)
        busy: dict[str, set[int]] = defaultdict(set)
        for t in (plenary, *standing):
            for x in t.leaders:
                busy[x].add(t.month)
        unavailable: dict[str, list[int]] = {}
        for leader in self.leaders:
            lid = leader["id"]
            k = rng.choices((0, 1, 2), weights=(45, 45, 10))[0]
            free = [m for m in range(3, 13) if m not in BLACKOUT and m not in busy[lid]]
            unavailable[lid] = sorted(rng.sample(free, min(k, len(free))))

        def allowed(t: _Topic, lo: int | None = None, hi: int | None = None) -> list[int]:
            w_lo, w_hi = t.window or (1, 12)
            lo = max(w_lo, lo or 1)
            hi = min(w_hi, hi or 12)
            away = {m for x in t.leaders for m in unavailable[x]}
            return [m for m in self.usable if lo <= m <= hi and m not in away and m != SESSION_MONTH]

        unit = max(1.0, len(topics) / 9)  # an average month's load

        def choose(t: _Topic, months: list[int], before: int | None = None) -> int:
            def score(m: int) -> float:
                s = self.month_load[m] + 0.7 * sum(self.committee_load[c][m] for c in t.lead[:1] + t.co)
                if t.form in ("bimonthly", "sector"):
                    s += 3 * self.form_load[t.form][m]
                if before is not None:  # research 2–4 months ahead of its consultation
                    s += 0.5 * unit * max(0, m - (before - 2), (before - 4) - m)
                if not ACTIVE[0] <= m <= ACTIVE[1]:
                    s += 0.8 * unit  # March and December only when April–November is busy
                return s + rng.random() * 1.5

            return min(months, key=score)

        rest = [t for t in topics if t.month is None]
        research_first = [t for t in rest if t.pre_research_for is not None]
        order = [t for t in rest if t.form == "bimonthly"]
        order += [t for t in rest if t.form != "bimonthly" and t.pre_research_for is None]
        # the prepared consultation must leave room for its research before it
        for r in research_first:
            r.window = (3, 10)
        for t in order:
            months = allowed(t)
            if not months:  # leaders away all through the window: widen it
                t.window = (3, 12)
                months = allowed(t)
            t.month = choose(t, months)
            self._load(t)
        for r in research_first:
            target = r.pre_research_for
            assert target is not None and target.month is not None
            months = allowed(r, hi=target.month - 1)
            if months:
                target.after.append(r.id)
            else:  # no month before it: the research runs independently
                r.pre_research_for = None
                months = allowed(r)
                if not months:
                    r.window = (3, 12)
                    months = allowed(r)
            r.month = choose(r, months, before=target.month if r.pre_research_for else None)
            self._load(r)
        return unavailable

    def _load(self, t: _Topic) -> None:
        m = t.month
        self.month_load[m] += 1
        self.form_load[t.form][m] += 1
        for c in t.lead[:1] + t.co:
            self.committee_load[c][m] += 1

    # -- the plan ---------------------------------------------------------------------
    def plan(self, topics: list[_Topic], unavailable: dict[str, list[int]]) -> dict:
        rng = self.rng
        n = len(topics)

        def peak(counter: Counter[int]) -> int:
            return max(counter.values(), default=0)

        count_form = Counter(t.form for t in topics)
        forms = []
        for fid, name in _FORMS.items():
            f: dict = {"id": fid, "name": name}
            k = count_form[fid]
            if fid == "plenary":
                f["session_only"] = True
            elif fid == "standing":
                cap, gap = self.standing_rules(k)
                f["max_per_month"] = max(cap, peak(self.form_load[fid]))
                f["min_gap_months"] = gap
            elif fid == "bimonthly":
                f["max_per_month"] = max(1 if k <= 8 else math.ceil(1.3 * k / 8), peak(self.form_load[fid]))
            elif fid == "sector":  # 山东 2015: at most 2 界别协商 a month
                f["max_per_month"] = max(2, math.ceil(1.3 * k / 8), peak(self.form_load[fid]))
            forms.append(f)

        in_topics: Counter[str] = Counter()
        for t in topics:
            for c in t.lead + t.co:
                in_topics[c] += 1
        committees = [{"id": self.office[0], "name": self.office[1], "max_per_month": 2}]
        for cid, name in self.committees:
            limit = max(2, math.ceil(1.3 * in_topics[cid] / 8), peak(self.committee_load[cid]))
            committees.append({"id": cid, "name": name, "max_per_month": limit})

        dept_count = Counter(d for t in topics for d in t.departments)
        departments = [
            # a department's comfortable load: about its share of the year, so the
            # most popular ones are overloaded in busy months (a soft goal)
            {"id": d, "name": name, "max_per_month": max(1, math.ceil(dept_count[d] / 10))}
            for d, name in self.departments
        ]

        leader_count = Counter(x for t in topics for x in t.leaders)
        leaders = []
        for leader in self.leaders:
            lid = leader["id"]
            base = 2 if lid.startswith("vc_") else 1
            leaders.append(
                {
                    **leader,
                    "unavailable_months": unavailable[lid],
                    "max_per_month": max(base, math.ceil(leader_count[lid] / 10)),
                }
            )

        out_topics = []
        for t in topics:
            lo, hi = t.window if t.window else (None, None)
            preferred: list[int] = []
            fixed = None
            if t.form != "plenary" and rng.random() < 0.6:
                r = rng.random()
                in_window = [m for m in self.usable if lo <= m <= hi]
                if r < 0.7:
                    preferred = [t.month]
                elif r < 0.85:
                    near = [m for m in in_window if abs(m - t.month) == 1]
                    preferred = sorted({t.month, rng.choice(near)}) if near else [t.month]
                else:  # the proposers asked for a month the reference does not use
                    other = [m for m in in_window if m != t.month]
                    preferred = [rng.choice(other)] if other else [t.month]
            if t.form in ("special", "sector", "proposal", "inspection") and rng.random() < 0.04:
                fixed = t.month
            notes = ""
            if t.pre_research_for is not None and t.pre_research_for.month is not None:
                notes = f"为 {t.pre_research_for.id} 的协商作前期调研(先调研后协商)"
            elif fixed:
                notes = "会期已商定"
            out_topics.append(
                {
                    "id": t.id,
                    "title": t.title,
                    "form": t.form,
                    "lead_options": t.lead,
                    "co_organizers": t.co,
                    "departments": t.departments,
                    "leaders": t.leaders,
                    "window": list(t.window) if t.window else None,
                    "preferred_months": preferred,
                    "fixed_month": fixed,
                    "after": t.after,
                    "notes": notes,
                }
            )

        calendar = {
            "months": list(range(1, 13)),
            "blackout_months": list(BLACKOUT),
            "session_month": SESSION_MONTH,
            "max_topics_per_month": max(math.ceil(1.3 * n / 8), peak(self.month_load)),
        }
        return {
            "format": PLAN_FORMAT,
            "body": self.body,
            "year": self.year,
            "calendar": calendar,
            "forms": forms,
            "committees": committees,
            "departments": departments,
            "leaders": leaders,
            "topics": out_topics,
        }


def generate_plan_and_reference(
    n_topics: int, *, seed: int = 0, year: int = 2025, body: str | None = None
) -> tuple[Plan, Schedule]:
    """A synthetic plan and a schedule of it that keeps every hard rule (the witness)."""
    rng = random.Random(seed)
    b = _Builder(n_topics, rng, year, body)
    b.entities()
    topics = b.topics()
    unavailable = b.place(topics)
    plan = parse_plan(b.plan(topics, unavailable))
    reference = Schedule(
        plan_year=year,
        status="feasible",
        assignments=[Assignment(topic=t.id, month=t.month, lead=t.lead[0]) for t in topics],
    )
    log.debug("generated %d topics (seed %d)", n_topics, seed)
    return plan, reference


def generate_plan(n_topics: int, *, seed: int = 0, year: int = 2025, body: str | None = None) -> Plan:
    """A realistic synthetic plan of ``n_topics`` topics, feasible for the hard rules."""
    return generate_plan_and_reference(n_topics, seed=seed, year=year, body=body)[0]


def main(argv: list[str] | None = None) -> int:
    """Run the generator's command line; exit codes as :mod:`solver.cli_common` (0, 1, 2, 70, 130)."""
    from solver.cli_common import (
        ChineseArgumentParser,
        check_output_path,
        configure_logging,
        int_in,
        line_text,
        run_guarded,
        write_outputs,
    )

    parser = ChineseArgumentParser(
        prog="python -m tools.generate",
        description="生成合成的年度协商计划(consult-plan/1 JSON),保证硬约束可行。\n\n"
        "退出码:0 成功;1 文件无法写出;2 命令用法有误;70 程序内部错误;130 被中断。",
        epilog="示例:\n  python -m tools.generate 50 --seed 1 -o 计划-50.json\n"
        "  python -m tools.generate 1000 --province --seed 2 -o 省级计划.json",
    )
    parser.add_argument(
        "n", type=int_in(1, MAX_TOPICS), metavar="议题数", help=f"议题数量(1–{MAX_TOPICS};300 及以上为省级规模)"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="种子", help="随机种子(相同种子生成相同计划,默认 0)")
    parser.add_argument("--year", type=int_in(1949, 2200), default=2025, metavar="年", help="计划年度(默认 2025)")
    parser.add_argument(
        "--body", type=line_text, default=None, metavar="名称", help="政协名称(默认 某市政协 / 某省政协)"
    )
    parser.add_argument("-o", "--output", default=None, metavar="文件", help="输出文件(默认输出到屏幕)")
    parser.add_argument(
        "--reference", default=None, metavar="文件", help="另存一份满足全部硬约束的参考安排(consult-schedule/1)"
    )
    parser.add_argument(
        "--province",
        action="store_true",
        help="省级汇总计划:一个省政协和 15–40 个市政协的议题在同一份计划中(至少 20 个议题)",
    )
    parser.add_argument(
        "--cities",
        type=int_in(1, 200),
        default=None,
        metavar="个数",
        help="--province 时市政协的个数(默认按种子在 15–40 间抽取)",
    )
    args = parser.parse_args(argv)
    configure_logging()
    if args.province and args.n < 20:
        parser.error("省级汇总计划至少需要 20 个议题")

    def body() -> int:
        for arg, path in (("-o/--output", args.output), ("--reference", args.reference)):
            if path:
                check_output_path(path, arg=arg)
        if args.province:
            from .province import province_plan_and_reference

            plan, reference = province_plan_and_reference(args.n, seed=args.seed, year=args.year, cities=args.cities)
        else:
            plan, reference = generate_plan_and_reference(args.n, seed=args.seed, year=args.year, body=args.body)
        outputs = [(args.output, plan.to_json(), "-o/--output")]
        if args.reference:
            outputs.append((Path(args.reference), reference.to_json(), "--reference"))
        write_outputs(outputs)  # both files or neither: a failed --reference leaves no plan behind
        return 0

    return run_guarded(body)


if __name__ == "__main__":
    sys.exit(main())
