"""Kinds blind set 21 showed (published plans as testers find them on the web: B139, B140, B138/B143, B144),
each tested on invented examples of our own.

- an old page laid out in a table (a banner row, a menu row, a side column with 栏目导航/最新动态, the
  article's cell) whose article cell holds the plan's data table: the outer table's cells are the page's
  blocks and the inner table is read as a table (its two-row header with a colspan group, its rowspan
  form and lead cells); the side column's links are no topics (B140);
- a portal's 信息公开 table (索引号, 文号, 发布机构, "标题:关于印发《…》的通知"): its 标题 names the
  page's document, never a topic, even when a summary box that mentions a month follows it (B144);
- a WeChat card's zero-padded number ("01"), the form's name alone, then "议题一 TITLE" with its labelled
  fields: the form is a heading over the card's topics, not a topic titled with the form's name (B139);
- "工作要求" (or "有关说明", "组织实施") alone on its line after the last topic's last field: the part
  after the arrangement begins, never the tail of that field's value (B138's bold paragraph, B143's outer
  list item whose number only the markup drew).
"""

from __future__ import annotations

from paperwork_samples import topic_rows

from paperwork.importer import import_document, import_text

# -- a layout table holding the data table (B140) -------------------------------------------------------

_LAYOUT_PAGE = """<html><head><title>政协桐岭区委员会2026年度协商计划</title></head><body>
<table width="960" border="0">
<tr><td colspan="2"><img src="logo.gif" alt="桐岭政协"></td></tr>
<tr><td colspan="2">&nbsp;<a href="/">首 页</a> | <a href="l.asp?id=2">通知公告</a> |
<a href="l.asp?id=3">协商议政</a></td></tr>
<tr>
<td width="190" valign="top">
  <table width="100%"><tr><td><b>栏目导航</b></td></tr>
  <tr><td><a href="l.asp?id=2">通知公告</a><a href="l.asp?id=3">协商议政</a></td></tr>
  <tr><td><b>最新动态</b></td></tr>
  <tr><td><a href="s.asp?id=91">区政协调研湖滨湿地保护修复</a></td></tr></table>
</td>
<td valign="top">
  <table width="100%">
  <tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; 通知公告 &gt;&gt; 正文</td></tr>
  <tr><td align="center"><b>政协桐岭区委员会2026年度协商计划</b></td></tr>
  <tr><td><p>全年安排协商议题5项。区政协全体会议于1月召开，不列入本表。</p>
<table border="1">
<thead><tr><th rowspan="2">协商形式</th><th rowspan="2">序号</th><th rowspan="2">协商议题</th>
<th rowspan="2">时间安排</th>
<th colspan="3">责任分工</th></tr>
<tr><th>承办单位</th><th>协商部门</th><th>出席区领导</th></tr></thead>
<tbody>
<tr><td rowspan="2">专题议政性常委会议</td><td>1</td><td>推动湖滨湿地保护修复</td><td>5月</td>
<td>区政协人口资源环境委员会</td><td>区生态环境分局、区水务局</td><td>区长邵屹、区政协主席葛文</td></tr>
<tr><td>2</td><td>提升老旧街区更新水平</td><td>9月</td><td>区政协城乡建设委员会</td>
<td>区住房城乡建设局、区规划资源分局</td><td>副区长季岚</td></tr>
<tr><td rowspan="3">对口协商会</td><td>3</td><td>完善社区托育服务</td><td>4月</td>
<td rowspan="2">区政协社会事业委员会</td><td>区卫生健康局、区妇联</td><td>区政协副主席杭涛</td></tr>
<tr><td>4</td><td>加强校园周边交通治理</td><td>第三季度</td><td>区教育局、区公安分局</td><td>&nbsp;</td></tr>
<tr><td>5</td><td>促进夜市规范经营</td><td>11月</td><td>区政协经济委员会</td><td>区商务局</td><td>区政协副主席杭涛</td></tr>
<tr><td colspan="7">备注：区政协主席、副主席按分工参加有关协商活动。</td></tr>
</tbody></table>
  <p>联系人：区政协办公室 蒋悦</p></td></tr>
  <tr><td align="right">【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</td></tr>
  </table>
</td></tr>
<tr><td colspan="2">政协桐岭区委员会办公室 主办 浙ICP备00000000号</td></tr>
</table></body></html>"""


def test_a_layout_table_whose_article_cell_holds_the_data_table():
    plan = import_document("桐岭区协商计划.html", _LAYOUT_PAGE.encode("utf-8")).plan
    rows = topic_rows(plan)
    assert [(r[0], r[1]) for r in rows] == [
        ("推动湖滨湿地保护修复", "专题议政性常委会议"),
        ("提升老旧街区更新水平", "专题议政性常委会议"),
        ("完善社区托育服务", "对口协商会"),
        ("加强校园周边交通治理", "对口协商会"),
        ("促进夜市规范经营", "对口协商会"),
    ]
    # the rowspan lead cell is every spanned row's lead; the "&nbsp;" leader cell gives none
    assert [r[3] for r in rows] == [
        ["人口资源环境委员会"],
        ["城乡建设委员会"],
        ["社会事业委员会"],
        ["社会事业委员会"],
        ["经济委员会"],
    ]
    assert rows[3][4] == ["区教育局", "区公安分局"] and rows[3][5] == []
    assert rows[0][5] == ["区长邵屹", "区政协主席葛文"]
    assert rows[0][2] == [5] and plan.topics[3].window == (7, 9)


_LAYOUT_PAGE_PARAGRAPHS = """<html><body>
<table width="980"><tr><td colspan="2">溪川县政协</td></tr>
<tr><td width="200" valign="top"><table><tr><td>最新动态</td></tr>
<tr><td><a href="a.asp">县政协视察农村供水保障工作</a></td></tr>
<tr><td><a href="b.asp">推进农村供水保障</a></td></tr></table></td>
<td valign="top">
<p>政协溪川县委员会2026年度协商计划</p>
<p>一、专题协商会</p>
<p>1.推进农村供水保障</p>
<p>时间：6月</p>
<p>承办：县政协农业农村委员会</p>
<p>协商部门：县水利局、县卫生健康局</p>
<p>二、对口协商会</p>
<p>2.加强古村落保护</p>
<p>时间：10月</p>
<p>承办：县政协文史委员会</p>
<p>协商部门：县住房城乡建设局</p>
</td></tr></table></body></html>"""


def test_a_layout_table_whose_article_cell_holds_paragraphs_and_a_side_column_repeating_a_title():
    rows = topic_rows(import_document("溪川县.html", _LAYOUT_PAGE_PARAGRAPHS.encode("utf-8")).plan)
    # the side column's links (one repeats a title) are no topics; each topic once, from the article
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("推进农村供水保障", "专题协商会", [6], ["县水利局", "县卫生健康局"]),
        ("加强古村落保护", "对口协商会", [10], ["县住房城乡建设局"]),
    ]


def test_a_data_table_without_a_nested_table_is_still_read_as_one_table():
    # near-miss: a plain data table (no table inside) keeps being read row by row, its rowspan form cell included
    page = """<html><body><p>政协榆口市委员会2026年度协商计划</p><table border="1">
<tr><th>协商形式</th><th>协商议题</th><th>时间</th><th>承办单位</th><th>协商部门</th></tr>
<tr><td rowspan="2">专题协商会</td><td>推进港城融合发展</td><td>5月</td><td>市政协经济委员会</td>
<td>市发展改革委</td></tr>
<tr><td>提升公共文化服务效能</td><td>8月</td><td>市政协文化文史委员会</td><td>市文化广电旅游局</td></tr>
</table></body></html>"""
    rows = topic_rows(import_document("榆口市.html", page.encode("utf-8")).plan)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("推进港城融合发展", "专题协商会", [5], ["经济委员会"]),
        ("提升公共文化服务效能", "专题协商会", [8], ["文化文史委员会"]),
    ]


def test_a_form_table_whose_cells_hold_a_topic_table_each():
    # a table nesting tables is laid out by them: the form cell beside each inner table heads its rows
    page = """<html><body><p>政协榆口市委员会2026年度协商计划</p><table border="1">
<tr><th>协商形式</th><th>议题安排</th></tr>
<tr><td>专题协商会</td><td><table border="1"><tr><th>协商议题</th><th>时间</th><th>承办单位</th><th>协商部门</th></tr>
<tr><td>推进港城融合发展</td><td>5月</td><td>市政协经济委员会</td><td>市发展改革委</td></tr>
<tr><td>提升公共文化服务效能</td><td>8月</td><td>市政协文化文史委员会</td><td>市文化广电旅游局</td></tr></table></td></tr>
<tr><td>对口协商会</td><td><table border="1"><tr><th>协商议题</th><th>时间</th><th>承办单位</th><th>协商部门</th></tr>
<tr><td>加强河道保洁</td><td>6月</td><td>市政协人口资源环境委员会</td><td>市水利局</td></tr></table></td></tr>
</table></body></html>"""
    rows = topic_rows(import_document("榆口市.html", page.encode("utf-8")).plan)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("推进港城融合发展", "专题协商会", [5], ["市发展改革委"]),
        ("提升公共文化服务效能", "专题协商会", [8], ["市文化广电旅游局"]),
        ("加强河道保洁", "对口协商会", [6], ["市水利局"]),
    ]


# -- a portal's info table naming the document "标题" (B144) --------------------------------------------

_PORTAL_NOTICE = """<html><body>
<div class="nav">首页 政务公开 通知公告</div>
<table class="xxgk">
<tr><td>索 引 号：</td><td>000000-00-2026-000101</td><td>分 类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>县政协办公室</td><td>成文日期：</td><td>2026-02-26</td></tr>
<tr><td>文 号：</td><td>枫办发〔2026〕3号</td><td>发布日期：</td><td>2026-02-28</td></tr>
<tr><td>标 题：</td><td colspan="3">关于印发《政协枫坪县委员会2026年度协商计划》的通知</td></tr>
</table>
<h1>关于印发《政协枫坪县委员会2026年度协商计划》的通知</h1>
<div class="summary">【内容摘要】全年安排协商议题3项，其中专题协商会2项（推进茶旅融合发展；完善农村客运网络），
对口协商会1项（加强山塘水库安全管理）。全体会议1月召开，不计入。</div>
<p>政协枫坪县委员会2026年度协商计划</p>
<p><b>一、专题协商会</b></p>
<p>1.推进茶旅融合发展（5月）</p>
<p>承办：县政协经济委员会　协商部门：县文化旅游局、县农业农村局　出席县领导：副县长卢岩</p>
<p>2.完善农村客运网络（第三季度）</p>
<p>承办：县政协城乡建设委员会　协商部门：县交通运输局</p>
<p><b>二、对口协商会</b></p>
<p>3.加强山塘水库安全管理（9月）</p>
<p>承办：县政协人口资源环境委员会　协商部门：县水利局　出席县领导：县政协副主席简宁</p>
<p>附件：政协枫坪县委员会2026年度协商计划.docx</p>
</body></html>"""


def test_the_info_tables_title_row_names_the_document_not_a_topic():
    plan = import_document("枫坪县.html", _PORTAL_NOTICE.encode("utf-8")).plan
    rows = topic_rows(plan)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("推进茶旅融合发展", "专题协商会", [5]),
        ("完善农村客运网络", "专题协商会", []),
        ("加强山塘水库安全管理", "对口协商会", [9]),
    ]
    assert plan.topics[1].window == (7, 9)
    assert rows[2][5] == ["县政协副主席简宁"]


def test_a_title_row_naming_the_plan_itself_in_pasted_text():
    text = "\n".join(
        [
            "标题：政协汀西区委员会2026年度协商计划",
            "发布日期：2026-03-02",
            "【摘要】区政协今年安排协商议题2项，全体会议1月召开。",
            "一、专题议政性常委会议",
            "1.推动汀西老街活化利用（6月）",
            "承办：区政协文史委员会　协商部门：区文化旅游局",
            "2.提升社区卫生服务能力（10月）",
            "承办：区政协社会事业委员会　协商部门：区卫生健康局",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("推动汀西老街活化利用", [6], ["文史委员会"]),
        ("提升社区卫生服务能力", [10], ["社会事业委员会"]),
    ]


def test_a_title_label_naming_a_topic_still_opens_a_topic():
    # near-miss: records that label their topic "标题:" (no document name in it) are topics
    text = "\n".join(
        [
            "政协芦湾县委员会2026年度协商计划",
            "标题：推进芦湾港区转型升级",
            "协商形式：专题协商会",
            "时间：4月",
            "承办：县政协经济委员会",
            "标题：推动《芦湾县城乡供水三年行动计划》落实",
            "协商形式：提案办理协商",
            "时间：8月",
            "承办：县政协提案委员会",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[2]) for r in rows] == [
        ("推进芦湾港区转型升级", [4]),
        ("推动《芦湾县城乡供水三年行动计划》落实", [8]),
    ]


# -- a card's number and form name over "议题一 TITLE" lines (B139) ----------------------------------------

_CARDS = """<html><body><div id="js_content">
<section><p>县政协2026年度协商计划出炉</p></section>
<section><section><span>01</span></section><section><span>专题协商会</span></section></section>
<section><p><span>议题一</span><span>　推动竹林碳汇开发</span></p>
<p><span>协商时间：</span><span>5月</span></p><p><span>牵头单位：</span><span>县政协农业农村委员会</span></p>
<p><span>协商部门：</span><span>县林业局、县发展改革局</span></p></section>
<section><p><span>议题二</span><span>　完善县域医共体建设</span></p>
<p><span>协商时间：</span><span>9月</span></p><p><span>牵头单位：</span><span>县政协教科卫体委员会</span></p>
<p><span>协商部门：</span><span>县卫生健康局</span></p></section>
<section><section><span>02</span></section><section><span>对口协商会</span></section></section>
<section><p><span>议题一</span><span>　加强农村集体资产管理</span></p>
<p><span>协商时间：</span><span>第二季度</span></p><p><span>牵头单位：</span><span>县政协经济委员会</span></p>
<p><span>协商部门：</span><span>县农业农村局、县财政局</span></p></section>
<section><section><span>03</span></section><section><span>界别协商会</span></section></section>
<section><p><span>议题一</span><span>　关爱快递从业人员</span></p>
<p><span>协商时间：</span><span>10月</span></p><p><span>牵头单位：</span><span>县政协总工会界</span></p>
<p><span>协商部门：</span><span>县总工会、县邮政管理局</span></p></section>
</div></body></html>"""


def test_card_numbers_and_form_names_over_numbered_topic_lines():
    plan = import_document("竹山县公众号.html", _CARDS.encode("utf-8")).plan
    rows = topic_rows(plan)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("推动竹林碳汇开发", "专题协商会", ["农业农村委员会"]),
        ("完善县域医共体建设", "专题协商会", ["教科卫体委员会"]),
        ("加强农村集体资产管理", "对口协商会", ["经济委员会"]),
        ("关爱快递从业人员", "界别协商会", ["总工会界"]),
    ]
    assert rows[0][2] == [5] and plan.topics[2].window == (4, 6)


def test_a_form_name_over_title_labelled_records_in_plain_text():
    text = "\n".join(
        [
            "政协岑江市委员会2026年度协商计划",
            "专题议政性常委会议",
            "议题：推进岑江新区产城融合",
            "时间：6月",
            "承办：市政协经济委员会",
            "议题：提升城市防洪排涝能力",
            "时间：8月",
            "承办：市政协城乡建设委员会",
            "双月协商座谈会",
            "议题：加强基层医疗人才队伍建设",
            "时间：10月",
            "承办：市政协教科卫体委员会",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("推进岑江新区产城融合", "专题议政性常委会议", [6]),
        ("提升城市防洪排涝能力", "专题议政性常委会议", [8]),
        ("加强基层医疗人才队伍建设", "双月协商座谈会", [10]),
    ]


# -- a closing part heading alone after the last field (B138, B143) ----------------------------------------

_BR_FIELDS_PAGE = """<html><body><p>政协澄江市委员会2026年度协商计划</p>
<p><strong>专题协商会（2项）</strong></p>
<p>推进海岸带生态修复<br>【时间】6月<br>【牵头】市政协人口资源环境委员会<br>【协商部门】市自然资源局、市海洋渔业局<br>【邀请领导】副市长陶然</p>
<p>完善公共充电设施布局<br>【时间】9月<br>【牵头】市政协经济委员会<br>【协商部门】市发展改革委<br>【邀请领导】市政协副主席卞舟</p>
<p><strong>工作要求</strong></p>
<p>各牵头专委会要提前制定方案，协商部门于会前提供书面材料。</p>
</body></html>"""


def test_a_bold_work_requirements_heading_is_not_the_last_leaders_tail():
    rows = topic_rows(import_document("澄江市.html", _BR_FIELDS_PAGE.encode("utf-8")).plan)
    assert [(r[0], r[2], r[5]) for r in rows] == [
        ("推进海岸带生态修复", [6], ["副市长陶然"]),
        ("完善公共充电设施布局", [9], ["市政协副主席卞舟"]),
    ]


_OL_PAGE = """<html><body><p>政协岚州省委员会2026年度协商计划</p>
<ol style="list-style-type:cjk-ideographic">
<li><h4>专题协商会</h4><ol>
<li><div>推动低空经济产业发展</div><div>时间：5月；承办：省政协经济委员会</div><div>协商部门：省发展改革委、省工业和信息化厅</div>
<div>出席领导：副省长黎川</div></li>
<li><div>完善职业教育产教融合</div><div>时间：10月；承办：省政协教育委员会</div><div>协商部门：省教育厅</div>
<div>出席领导：省政协副主席鲍宁</div></li></ol></li>
<li><h4>有关说明</h4><ol><li>各承办单位提前三个月启动调研。</li><li>协商成果按程序报送省委、省政府。</li></ol></li>
</ol></body></html>"""


def test_an_outer_list_items_closing_heading_is_not_the_last_leaders_tail():
    rows = topic_rows(import_document("岚州省.html", _OL_PAGE.encode("utf-8")).plan)
    assert [(r[0], r[1], r[5]) for r in rows] == [
        ("推动低空经济产业发展", "专题协商会", ["副省长黎川"]),
        ("完善职业教育产教融合", "专题协商会", ["省政协副主席鲍宁"]),
    ]


def test_organising_heading_in_pasted_text_and_wrapped_values_still_join():
    text = "\n".join(
        [
            "政协梧冈县委员会2026年度协商计划",
            "一、对口协商会",
            "1.加强乡村人才队伍建设",
            "时间：7月",
            "承办：县政协农业农村委员会",
            "协商部门：县委",
            "组织部、县人力资源社会保障局",
            "2.推进县城污水管网改造",
            "时间：9月",
            "承办：县政协城乡建设委员会",
            "协商部门：县住房城乡建设局、县自然资源和",
            "规划局",
            "组织实施",
            "各承办专委会要加强与协商部门的沟通。",
        ]
    )
    rows = topic_rows(import_text(text).plan)
    # near-misses: "组织部…" and "规划局" are a wrapped list's tails; "组织实施" alone is the part after the topics
    assert [(r[0], r[4]) for r in rows] == [
        ("加强乡村人才队伍建设", ["县委组织部", "县人力资源社会保障局"]),
        ("推进县城污水管网改造", ["县住房城乡建设局", "县自然资源和规划局"]),
    ]


# -- the body named in full only by the page's <title> (B141) ----------------------------------------------

_SITE_TITLED = """<html><head><title>{title}</title></head><body>
<header><div class="logo">槐阳市政协</div></header>
<h1>市政协2026年度协商计划</h1>
<p>经市政协党组研究，现将市政协2026年度协商计划公布如下。</p>
<p>一、专题协商会</p>
<p>1.推进槐阳港扩能改造</p><p>时间：5月</p><p>承办：市政协经济委员会</p>
<footer>版权所有：政协槐阳市委员会</footer>
</body></html>"""


def test_the_pages_title_names_the_body_the_article_calls_only_by_level():
    page = _SITE_TITLED.format(title="市政协2026年度协商计划 - 槐阳市政协")
    plan = import_document("槐阳市.html", page.encode("utf-8")).plan
    assert plan.body == "槐阳市政协" and [r[0] for r in topic_rows(plan)] == ["推进槐阳港扩能改造"]
    formal = _SITE_TITLED.format(title="市政协2026年度协商计划_通知公告_政协槐阳市委员会")
    assert import_document("槐阳市.html", formal.encode("utf-8")).plan.body == "槐阳市政协"
    portal = _SITE_TITLED.format(title="市政协2026年度协商计划_槐阳市政协网")
    assert import_document("槐阳市.html", portal.encode("utf-8")).plan.body == "槐阳市政协"


def test_a_site_name_without_a_level_or_an_article_naming_its_body_changes_nothing():
    # near-misses: "槐阳政协网" names no level; a title without a site part names nothing
    for title in ("市政协2026年度协商计划 - 槐阳政协网", "市政协2026年度协商计划"):
        page = _SITE_TITLED.format(title=title)
        assert import_document("槐阳市.html", page.encode("utf-8")).plan.body == "市政协"
    # the article names its body in full: that name, not the site's
    page = _SITE_TITLED.format(title="2026年度协商计划 - 槐阳市政协").replace(
        "<h1>市政协2026年度协商计划</h1>", "<h1>槐川区政协2026年度协商计划</h1>"
    )
    assert import_document("槐川区.html", page.encode("utf-8")).plan.body == "槐川区政协"


def test_a_pasted_pages_masthead_names_the_body():
    text = "\n".join(
        [
            "槐阳市政协",
            "首页",
            "通知公告",
            "首页 > 通知公告",
            "市政协2026年度协商计划",
            "一、专题协商会",
            "1.推进槐阳港扩能改造",
            "时间：5月",
            "承办：市政协经济委员会",
        ]
    )
    assert import_text(text).plan.body == "槐阳市政协"
