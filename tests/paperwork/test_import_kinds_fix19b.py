"""Kinds blind set 19 showed (B121, B123, B126, B127), each tested on invented examples of our own.

- a plan revision notice (调整通知): its 新增 topics, its moved topics at their new time
  ("由原定X调整至Y" gives Y, never X; the bracket after the title is the form), its 取消 topics
  set aside with a reason, and the planner told it is no whole plan (B127);
- leader chains: a run of posts joined by "、" that ends in one name is one leader
  ("县委常委、常务副县长某"), a post alone (分管副县长, 有关县领导) is one generic leader,
  two named posts ("副县长甲、副县长乙") stay two people (B121, B123, B126).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork import texts as T
from paperwork.importer import import_text
from paperwork.published_text import leader_list
from paperwork.time_phrases import parse_time

# -- a revision notice (B127) ------------------------------------------------------------------

_NOTICE_A = """政协云岫区委员会办公室
关于调整《政协云岫区委员会2026年度协商工作计划》部分议题的通知
各专门委员会:
　　经区政协主席会议研究,对年度协商计划部分议题调整如下,其余议题不变:
一、增加的议题(2项)
1.推动云岫区夜间经济提质发展
   形式:专题协商会  时间:7月
   承办:区政协经济科技委员会
   协商部门:区商务局、区文化旅游局
2、加强社区心理健康服务
   形式:对口协商会  时间:10月
   承办:区政协教科卫体委员会
   协商部门:区卫生健康局、区民政局
二、调整时间的议题(2项)
1、促进云岫湖周边农旅融合(界别协商会),由原定3月调整至9月。
   承办:区政协农业农村委员会;协商部门:区农业农村局、区文化旅游局。
（2）优化老城区公交线网(民主监督性协商),时间由原计划第一季度推迟到第三季度。
   承办:区政协城乡建设委员会;协商部门:区交通运输局。
三、取消的议题(1项)
1.“推进云岫区智慧社区建设”对口协商会(原定5月,区政协社会法制委员会承办),因工作已完成,不再开展协商。
政协云岫区委员会办公室
2026年5月20日
"""

_NOTICE_B = """政协柏林县委员会
2026年度协商计划调整的通知
（一）新增协商议题
1.支持柏林县预制菜产业发展
承办：县政协农业委
协商部门：县农业农村局、县市场监管局
形式：专题协商会
时间：8月
（二）调整时间的议题
2.完善县域殡葬服务设施
承办：县政协社会法制委
协商部门：县民政局
形式：对口协商会
时间：原定4月，现调整为11月
3.推进县城背街小巷改造（民主监督性协商，由7月调整至12月）
承办：县政协城建委
协商部门：县住房城乡建设局
（三）取消以下议题：
1.加强县城夜市管理（对口协商会，原定6月）
2.推进农村电商进村入户（界别协商会，原定9月）
"""


def test_a_revision_notice_reads_the_added_and_moved_topics_at_their_new_time():
    draft = import_text(_NOTICE_A)
    rows = [(r[0], r[1], r[2], r[3], r[4]) for r in topic_rows(draft.plan)]
    assert rows == [
        ("推动云岫区夜间经济提质发展", "专题协商会", [7], ["经济科技委员会"], ["区商务局", "区文化旅游局"]),
        ("加强社区心理健康服务", "对口协商会", [10], ["教科卫体委员会"], ["区卫生健康局", "区民政局"]),
        ("促进云岫湖周边农旅融合", "界别协商会", [9], ["农业农村委员会"], ["区农业农村局", "区文化旅游局"]),
        ("优化老城区公交线网", "民主监督性协商", [], ["城乡建设委员会"], ["区交通运输局"]),
    ]
    assert draft.plan.topics[3].window == (7, 9)  # the new quarter, not the old first one
    # the cancelled topic is no topic: listed as skipped, with the reason
    cancelled = [s for s in draft.skipped if "智慧社区" in s.text]
    assert cancelled and cancelled[0].reason == T.PAGE_PART_SKIP["cancelled"]
    assert draft.warnings[0] == T.READ_WARN["revision_notice"]


def test_a_revision_notice_with_the_new_time_in_a_field_and_a_cancel_list_of_bracketed_titles():
    draft = import_text(_NOTICE_B)
    rows = topic_rows(draft.plan)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("支持柏林县预制菜产业发展", "专题协商会", [8]),
        ("完善县域殡葬服务设施", "对口协商会", [11]),
        ("推进县城背街小巷改造", "民主监督性协商", [12]),
    ]
    assert not any("夜市" in t.title or "电商" in t.title for t in draft.plan.topics)
    assert {s.reason for s in draft.skipped if "夜市" in s.text or "电商" in s.text} == {T.PAGE_PART_SKIP["cancelled"]}
    assert T.READ_WARN["revision_notice"] in draft.warnings


def test_a_moved_time_gives_the_new_time_never_the_old_one():
    assert parse_time("由原定5月调整至11月").months == [11]
    assert parse_time("原计划6月,现推迟到9月中旬").months == [9]
    moved = parse_time("由原定5月底前调整为10月底前")
    assert (moved.months, moved.deadline) == ([], 10)
    assert parse_time("从第二季度改为第四季度").window == (10, 12)
    assert parse_time("5—6月").months == [5, 6]  # no revision: read as before


def test_an_ordinary_plan_is_no_revision_notice():
    draft = import_text(
        "政协柏林县委员会2026年度协商计划\n一、专题协商会\n1.推进柏林县全域旅游\n承办：县政协经济委\n"
        "协商部门：县文旅局\n时间：5月\n"
    )
    assert T.READ_WARN["revision_notice"] not in draft.warnings


# -- leader chains (B121, B123, B126) ----------------------------------------------------------

_CHAIN_PLAN = """政协青岩县委员会2026年度协商计划
一、专题协商会
1．推进青岩县茶旅融合发展
承办：县政协经济委
协商部门：县农业农村局、县文旅局
时间：5月
出席领导：县委常委、常务副县长祁建川；县政协主席温若兰；县政协副主席（联系经济委）乔木
2．加强山区学校寄宿制管理
承办：县政协教科卫体委
协商部门：县教育局
时间：6月
出席领导：县委副书记、县长许卫平，县政协副主席乔木，分管副县长
3．完善乡村道路养护机制
承办：县政协城建委
协商部门：县交通运输局
时间：7月
出席领导：县政府分管领导；有关县领导；县委常委、宣传部长、副县长米兰
4．推进县城菜市场改造
承办：县政协城建委
协商部门：县商务局
时间：8月
出席领导：副县长甘如海、副县长（分管商务、市场监管）贺知秋、县政协副主席、秘书长龙雨
"""


def _leader_roles(plan) -> list[list[str]]:
    leaders = plan.leader_by_id()
    return [[leaders[x].role or leaders[x].name for x in t.leaders] for t in plan.topics]


def test_a_chain_of_posts_ending_in_one_name_is_one_leader():
    draft = import_text(_CHAIN_PLAN)
    assert _leader_roles(draft.plan) == [
        ["县委常委、常务副县长祁建川", "县政协主席温若兰", "县政协副主席(联系经济委)乔木"],
        ["县委副书记、县长许卫平", "县政协副主席乔木", "分管副县长"],
        ["县政府分管领导", "有关县领导", "县委常委、宣传部长、副县长米兰"],
        # two named posts are two people; a 政协 post and its secretary-general's post held by one
        ["副县长甘如海", "副县长(分管商务、市场监管)贺知秋", "县政协副主席、秘书长龙雨"],
    ]


def test_leader_list_splits_people_not_posts():
    assert leader_list("市委常委、副市长闵某某;市政协副主席(分管经济委)汤某") == [
        "市委常委、副市长闵某某",
        "市政协副主席(分管经济委)汤某",
    ]
    assert leader_list("州委副书记、州长骆某,州政协主席、党组书记韦某") == [
        "州委副书记、州长骆某",
        "州政协主席、党组书记韦某",
    ]
    # posts without a name stay as written: a government post is not held with a 政协 one
    assert leader_list("区委书记、区长") == ["区委书记", "区长"]
    assert leader_list("区长、区政协主席俞某") == ["区长", "区政协主席俞某"]
    assert leader_list("副区长甲某、副区长乙某、市政府分管领导") == ["副区长甲某", "副区长乙某", "市政府分管领导"]


def test_a_name_before_its_post_is_a_whole_leader_not_the_start_of_a_chain():
    assert leader_list("甘某某副主席、副县长龙某") == ["甘某某副主席", "副县长龙某"]
    assert leader_list("柯某主席、常务副区长祝某") == ["柯某主席", "常务副区长祝某"]


def test_a_leader_chain_among_the_departments_or_the_people_attending_is_one_leader():
    draft = import_text(
        "政协青岩县委员会2026年度协商计划\n一、对口协商会\n"
        "1．推进青岩县古村落保护\n承办：县政协文史委\n协商部门：县文旅局、县委常委、统战部长、副县长罗青山\n时间：9月\n"
        "2．加强县域消防站点建设\n承办：县政协社会法制委\n参加人员：县政协主席、党组书记沐晴川，县应急管理局\n时间：10月\n"
    )
    rows = topic_rows(draft.plan)
    assert [(r[4], r[5]) for r in rows] == [
        (["县文旅局"], ["县委常委、统战部长、副县长罗青山"]),
        (["县应急管理局"], ["县政协主席、党组书记沐晴川"]),
    ]


def test_a_revision_notice_pasted_without_its_title_is_known_by_its_moved_and_cancelled_parts():
    draft = import_text(
        "政协石门县委员会\n（一）调整时间的议题\n1.推进石门县全域土地综合整治（对口协商会），由原定6月推迟至9月。\n"
        "承办：县政协农业委；协商部门：县自然资源局。\n（二）取消的议题\n"
        "1.“加强县城停车管理”专题协商会（原定7月），不再单独开展。\n"
    )
    assert [(r[0], r[1], r[2]) for r in topic_rows(draft.plan)] == [("推进石门县全域土地综合整治", "对口协商会", [9])]
    assert T.READ_WARN["revision_notice"] in draft.warnings
