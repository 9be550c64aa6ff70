"""Kinds blind set 28 showed (B193–B200: web pages as portals, WeChat and CMSs publish them), each
tested on invented pages of our own.

- a CMS "table" drawn with ``<div>`` rows and cells (CSS classes, no ``<table>``), a header row naming
  the fields and group rows of one spanning cell naming the form: read as a table (B194); a page's
  boxes that name no field are not (menus, cards);
- a plan typed as fixed-width text inside one ``<pre>``: its line breaks are lines, an indented
  continuation of a wrapped department list belongs to its field (B198);
- "协商议题01" (a title label with a number) above each topic's own two-column table: a divider,
  never the tail of the last value of the table above (B196);
- a label's "：" drawn by a descendant CSS rule (".plan dd .k::after"), and a closing
  "（五）其他事项" part whose only term is "联络方式" over 联系人/电话: no form, no topic (B197);
- the body named only by its formal name, "中国人民政治协商会议X县委员会", in the quoted title of a
  WeChat article whose headline names the level only (B193).
"""

from __future__ import annotations

import lxml.html
from paperwork_samples import topic_rows

from paperwork.div_tables import div_table_rows
from paperwork.importer import import_document
from paperwork.sources import _html_cell_text, html_lines


def _every_line_accounted(draft) -> bool:
    """Every non-blank line read is used or listed as skipped, with its number (issue 10)."""
    used = set(draft.line_roles) | {s.line for s in draft.skipped}
    return all(k in used for k, line in enumerate(draft.lines, 1) if line.strip())


# -- a grid of <div> rows (B194) ----------------------------------------------------------------

_DIV_GRID = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title>
<style>.tb{display:grid}.tr{display:flex}.td{flex:1}</style></head><body>
<div class="menu"><div><a href="/">首页</a></div><div><a href="/a">政务公开</a></div>
<div><a href="/b">互动</a></div></div>
<div class="art">
<h2>青槐区政协2026年度协商计划</h2>
<p>经区委同意，现将区政协2026年度协商计划公布如下。</p>
<div class="tb">
 <div class="tr th"><div class="td">编号</div><div class="td">议题名称</div><div class="td">承办委员会</div>
  <div class="td">协商时间</div><div class="td">参加部门</div><div class="td">出席区领导</div></div>
 <div class="tr grp"><div class="td wide">（一）专题协商会</div></div>
 <div class="tr"><div class="td">1</div><div class="td">推动槐江两岸夜间经济发展</div>
  <div class="td">区政协经济委员会</div>
  <div class="td">5月</div><div class="td">区商务局、区文化旅游局</div><div class="td">副区长简宁</div></div>
 <div class="tr"><div class="td">2</div><div class="td">提升社区嵌入式托育服务</div>
  <div class="td">区政协社会法制委员会</div>
  <div class="td">8月</div><div class="td">区卫生健康局、区妇联</div><div class="td"></div></div>
 <div class="tr grp"><div class="td wide">（二）对口协商会</div></div>
 <div class="tr"><div class="td">3</div><div class="td">加强老旧电梯更新改造</div><div class="td">区政协城建委员会</div>
  <div class="td">10月</div><div class="td">区住建局、区市场监管局</div><div class="td">分管副区长</div></div>
</div>
<p>联系人：区政协办公室 韩悦</p>
</div></body></html>"""


def test_a_grid_of_div_rows_is_read_as_a_table():
    draft = import_document("青槐.html", _DIV_GRID.encode("utf-8"))
    assert topic_rows(draft.plan) == [
        ("推动槐江两岸夜间经济发展", "专题协商会", [5], ["经济委员会"], ["区商务局", "区文化旅游局"], ["副区长简宁"]),
        ("提升社区嵌入式托育服务", "专题协商会", [8], ["社会法制委员会"], ["区卫生健康局", "区妇联"], []),
        ("加强老旧电梯更新改造", "对口协商会", [10], ["城建委员会"], ["区住建局", "区市场监管局"], ["分管副区长(T03)"]),
    ]
    assert draft.plan.body == "青槐区政协"
    assert _every_line_accounted(draft)


def test_boxes_that_name_no_field_are_no_table():
    root = lxml.html.document_fromstring(_DIV_GRID)
    menu = root.find(".//div[@class='menu']")
    assert div_table_rows(menu, _html_cell_text) is None  # a menu of links: no header naming fields
    cards = lxml.html.fragment_fromstring(
        "<div><div><p>甲</p><p>乙</p><p>丙</p></div><div><p>丁</p></div><div><p>戊</p></div></div>"
    )
    assert div_table_rows(cards, _html_cell_text) is None  # blocks of paragraphs: boxes, not cells
    grid = lxml.html.fragment_fromstring(
        "<div><div><span>议题</span><span>时间</span><span>承办单位</span></div>"
        "<div><span>A</span><span>5月</span><span>经济委</span></div>"
        "<div><span>B</span><span>6月</span><span>文史委</span></div></div>"
    )
    want = [["议题", "时间", "承办单位"], ["A", "5月", "经济委"], ["B", "6月", "文史委"]]
    assert div_table_rows(grid, _html_cell_text) == want


# -- a plan in a <pre> (B198) -------------------------------------------------------------------

_PRE = """<html><head><meta charset="utf-8"><title>协商计划_岩川县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<pre>
        政协岩川县委员会2026年度协商计划

一、专题协商会
 1．推进岩川茶旅融合发展
   时　　间：7月
   承办单位：县政协农业农村委
   协商部门：县农业农村局、县文化旅游局、县商务局、
   　　　　　县林业局、岩口镇
   出席领导：副县长麦秋
 2．完善城区公交线网
   时　　间：9月
   承办单位：县政协城建委
   协商部门：县交通运输局、县公交公司

   联系人：县政协办公室　申瑶　　电话：0755-1234567
</pre>
</body></html>"""


def test_a_pre_block_keeps_its_lines_and_a_wrapped_list_is_one_field():
    lines = html_lines(_PRE.encode("utf-8"))
    assert "1．推进岩川茶旅融合发展" in lines and "时 间：7月" in lines  # one line a line, as the page shows
    draft = import_document("岩川.html", _PRE.encode("utf-8"))
    assert topic_rows(draft.plan) == [
        (
            "推进岩川茶旅融合发展",
            "专题协商会",
            [7],
            ["农业农村委"],
            ["县农业农村局", "县文化旅游局", "县商务局", "县林业局", "岩口镇"],
            ["副县长麦秋"],
        ),
        ("完善城区公交线网", "专题协商会", [9], ["城建委"], ["县交通运输局", "县公交公司"], []),
    ]
    assert draft.plan.body == "岩川县政协"
    assert _every_line_accounted(draft)
    first = draft.plan.topics[0].id
    assert draft.lines[draft.sources[first] - 1] == "1．推进岩川茶旅融合发展"


# -- "协商议题01" over each topic's own table (B196) ---------------------------------------------

_CAPTIONED_TABLES = """<html><head><meta charset="utf-8"></head><body>
<h2>政协溱州市委员会2026年度协商计划</h2>
<p><b>协商项目1</b></p>
<table><tr><td>题目</td><td>推进溱州港铁联运</td></tr><tr><td>方式</td><td>专题协商会</td></tr>
<tr><td>时间</td><td>6月</td></tr><tr><td>承办</td><td>市政协经济委员会</td></tr>
<tr><td>部门</td><td>市交通运输局、市港航中心</td></tr></table>
<p><b>协商项目2</b></p>
<table><tr><td>题目</td><td>改善城郊结合部人居环境</td></tr><tr><td>方式</td><td>对口协商会</td></tr>
<tr><td>时间</td><td>9月</td></tr><tr><td>承办</td><td>市政协城建委员会</td></tr>
<tr><td>部门</td><td>市住建局、市城管局</td></tr><tr><td>领导</td><td>副市长蒲川</td></tr></table>
</body></html>"""


def test_a_numbered_caption_over_each_table_is_no_value_tail():
    draft = import_document("溱州.html", _CAPTIONED_TABLES.encode("utf-8"))
    assert topic_rows(draft.plan) == [
        ("推进溱州港铁联运", "专题协商会", [6], ["经济委员会"], ["市交通运输局", "市港航中心"], []),
        ("改善城郊结合部人居环境", "对口协商会", [9], ["城建委员会"], ["市住建局", "市城管局"], ["副市长蒲川"]),
    ]
    captions = [k for k, line in enumerate(draft.lines, 1) if line.startswith("协商项目")]
    assert len(captions) == 2 and all(k in draft.line_roles for k in captions)


# -- <dl> lists, colons by a descendant CSS rule, a closing 其他事项 (B197) ------------------------

_DL = """<html><head><meta charset="utf-8"><title>协商计划</title>
<style>.plan dd .lab::after{content:"：";} .other .lab{color:red}</style></head><body>
<h1>政协沐阳市委员会2026年度协商计划</h1>
<h3>（一）专题协商会</h3>
<dl class="plan">
<dt>1. 发展林下经济</dt>
<dd><span class="lab">时间</span>4月</dd>
<dd><span class="lab">牵头单位</span>市政协农业委员会</dd>
<dd><span class="lab">参与部门</span>市林业局、市农业农村局</dd>
<dt>2. 推进城市书房建设</dt>
<dd><span class="lab">时间</span>11月</dd>
<dd><span class="lab">牵头单位</span>市政协文史委员会</dd>
<dd><span class="lab">参与部门</span>市文广旅局</dd>
<dd><span class="lab">出席领导</span>副市长甘棠</dd>
</dl>
<h3>（二）其他事项</h3>
<dl class="plan"><dt>联络方式</dt><dd><span class="lab">联系人</span>市政协研究室 房舟</dd>
<dd><span class="lab">电话</span>0731-5550000</dd></dl>
<p class="other"><span class="lab">相关链接</span></p>
</body></html>"""


def test_definition_lists_with_css_colons_and_a_closing_contact_term():
    draft = import_document("沐阳.html", _DL.encode("utf-8"))
    assert topic_rows(draft.plan) == [
        ("发展林下经济", "专题协商会", [4], ["农业委员会"], ["市林业局", "市农业农村局"], []),
        ("推进城市书房建设", "专题协商会", [11], ["文史委员会"], ["市文广旅局"], ["副市长甘棠"]),
    ]
    assert "其他事项" not in [f.name for f in draft.plan.forms]
    assert _every_line_accounted(draft)
    assert any(s.text == "联络方式" for s in draft.skipped) or any(
        draft.lines[k - 1] == "联络方式" for k in draft.line_roles
    )


# -- the body by its formal name in a quoted title (B193) ----------------------------------------

_FORMAL = """<html><head><meta charset="utf-8"><title>速览｜县政协今年这样协商</title></head><body>
<h1>速览｜县政协今年这样协商</h1>
<section><p><span>日前，</span><strong>《中国人民政治协商会议汀溪县委员会2026年度协商计划》</strong><span>印发。</span></p></section>
<section><p><span>专题协商会</span></p></section>
<section><p><span>议题一</span><br/><span>推动汀溪竹木加工升级</span><br/><span>协商时间：6月</span><br/>
<span>牵头单位：县政协经济委员会</span><br/><span>协商部门：县林业局、县工信局</span></p></section>
</body></html>"""


def test_the_body_from_a_quoted_formal_name():
    draft = import_document("汀溪.html", _FORMAL.encode("utf-8"))
    assert draft.plan.body == "汀溪县政协"
    assert _every_line_accounted(draft)
    assert [r[0] for r in topic_rows(draft.plan)] == ["推动汀溪竹木加工升级"]
