"""Every Chinese word the paperwork shows a user: sheet names, headers, messages.

Labels shared with the rest of the product (names of the lists and fields of a
plan) come from :mod:`solver.texts`, so a field is called the same thing in the
app, in an error and in a spreadsheet header.
"""

from __future__ import annotations

from solver import texts as ST

# -- the workbook ------------------------------------------------------------------
SHEET = {
    "topics": ST.SECTION["topics"],  # 议题
    "forms": ST.SECTION["forms"],  # 协商形式
    "committees": ST.SECTION["committees"],  # 专委会
    "departments": ST.SECTION["departments"],  # 部门
    "leaders": ST.SECTION["leaders"],  # 领导
    "calendar": ST.SECTION["calendar"],  # 日历
}
SHEET_ORDER = ["topics", "forms", "committees", "departments", "leaders", "calendar"]

# Sheets we write besides the plan; a workbook that has them still imports.
SHEET_README = "填写说明"
SHEET_MONTHS = "月历"
SHEET_FINDINGS = "编排提示"
SHEET_LOAD = {
    "departments": "部门负荷",
    "committees": "专委会负荷",
    "leaders": "领导负荷",
}

# Column headers. Most are the shared field labels; a window is two columns.
HEAD = {
    "id": ST.FIELD["id"],
    "title": ST.FIELD["title"],
    "name": ST.FIELD["name"],
    "role": ST.FIELD["role"],
    "form": ST.FIELD["form"],
    "lead_options": ST.FIELD["lead_options"],
    "co_organizers": ST.FIELD["co_organizers"],
    "departments": ST.FIELD["departments"],
    "leaders": ST.FIELD["leaders"],
    "window_start": "最早月份",
    "window_end": "最晚月份",
    "preferred_months": ST.FIELD["preferred_months"],
    "fixed_month": ST.FIELD["fixed_month"],
    "after": ST.FIELD["after"],
    "notes": ST.FIELD["notes"],
    "session_only": ST.FIELD["session_only"],
    "max_per_month": ST.FIELD["max_per_month"],
    "min_gap_months": ST.FIELD["min_gap_months"],
    "unavailable_months": ST.FIELD["unavailable_months"],
}
CAL_KEY_HEAD = "项目"
CAL_VALUE_HEAD = "内容"
CAL_ROWS = {
    "body": ST.FIELD["body"],
    "year": ST.FIELD["year"],
    "months": ST.FIELD["months"],
    "blackout_months": ST.FIELD["blackout_months"],
    "session_month": ST.FIELD["session_month"],
    "max_topics_per_month": ST.FIELD["max_topics_per_month"],
}

# Comments on the header cells of the template: what to type.
HEAD_HELP = {
    "id": "可留空,导入时自动编号;填写时同一张表内不得重复",
    "title": "必填",
    "form": "填写「协商形式」表中的名称",
    "lead_options": "填写「专委会」表中的名称;有多个候选时用顿号“、”分隔,由编排选定一个",
    "co_organizers": "填写「专委会」表中的名称,多个用“、”分隔",
    "departments": "填写「部门」表中的名称,多个用“、”分隔",
    "leaders": "填写「领导」表中的名称,多个用“、”分隔",
    "window_start": "月份数字 1–12,可留空",
    "window_end": "月份数字 1–12,可留空",
    "preferred_months": "月份数字,多个用“、”分隔,如 7、8",
    "fixed_month": "月份数字 1–12;填写后该议题固定在此月",
    "after": "必须安排在本议题之前的议题编号,多个用“、”分隔",
    "session_only": "填“是”或“否”",
    "max_per_month": "整数,可留空",
    "unavailable_months": "月份数字,多个用“、”分隔,如 3、4",
}

README_LINES = [
    "协商计划导入模板 · 填写说明",
    "",
    "1. 本工作簿有六张表:议题、协商形式、专委会、部门、领导、日历。请勿改动表名和第一行的列名。",
    "2. 每张表第一行是列名,从第二行起每行填写一项。示例行可以直接修改或删除。",
    "3. 多个名称(如协商部门)写在同一格内,用顿号“、”分隔;请填写名称,不必填写编号。",
    "4. 月份一律填写数字 1–12(如 7),不要填写日期(如 2024-07-01)。",
    "5. 请直接填写数值和文字,不要使用公式,也不要合并单元格。",
    "6. 导入时会检查整个工作簿,列出所有问题(表名、行号、列号);全部改正后才会保存。",
]

BOOL_TRUE = {"是", "true", "yes", "y", "1", "√", "✓", "对"}
BOOL_FALSE = {"否", "false", "no", "n", "0", "×", "", "不"}

# -- messages --------------------------------------------------------------------


def cell_where(sheet: str, row: int | None = None, column: str | None = None, header: str | None = None) -> str:
    """「议题」表第 5 行 F 列(协商部门)"""
    out = f"「{sheet}」表"
    if row is not None:
        out += f"第 {row} 行"
    if column:
        out += f" {column} 列"
    if header:
        out += f"({header})"
    return out


MSG = {
    "too_big": "文件「{name}」有 {size},超过导入上限 {limit},请拆分或精简后再导入",
    "too_long": "这份文本有 {lines} 行、{chars} 字,超过协商计划的上限(最多 {max_lines} 行、{max_chars} 字;"
    "年度协商计划通常只有几百行),不予读取:请确认这是协商计划,或删去计划以外的内容后再导入",
    "too_many_pages": "文件「{name}」有 {pages} 页,超过协商计划的上限 {limit} 页,不予读取:"
    "请确认这是协商计划,或只保留计划正文的页面后再导入",
    "empty": "文件「{name}」是空的",
    "wrong_ext": "文件「{name}」的类型不对:这里需要 {want} 文件",
    "not_xlsx": "文件「{name}」不是有效的 Excel(.xlsx)工作簿,可能已损坏或只是改了扩展名;"
    "请在 Excel 中“另存为 Excel 工作簿(*.xlsx)”后再导入",
    "old_xls": "文件「{name}」是旧版 Excel(.xls)格式,请在 Excel 中“另存为 Excel 工作簿(*.xlsx)”后再导入",
    "old_doc": "文件「{name}」是旧版 Word(.doc)格式,请在 Word 中“另存为 Word 文档(*.docx)”或纯文本(*.txt)后再导入",
    "not_docx": "文件「{name}」不是有效的 Word(.docx)文档,可能已损坏或只是改了扩展名",
    "zip_bomb": "文件「{name}」解压后超过 {limit},不予处理",
    "not_json": "文件「{name}」不是有效的 JSON 文本",
    "not_text": "文件「{name}」不是文本文件(无法按 UTF-8 或 GBK 编码读取)",
    "unknown_kind": "未知的导入类型 {kind}",
    # workbook
    "missing_sheet": "缺少工作表「{sheet}」(现有工作表:{have})。请使用下载的模板,不要改动表名",
    "missing_column": "{where}缺少列「{header}」(第一行应为列名)",
    "duplicate_column": "{where}列名「{header}」出现了两次",
    "merged": "{where} {ref} 是合并单元格,请取消合并,每行每格分别填写",
    "formula": "{where}:这一格是公式({formula}),请改为直接填写数值(复制后“选择性粘贴 → 数值”)",
    "date_not_month": "{where}:应填写月份数字 1–12,而不是日期",
    "month_range": "{where}:月份 {value} 超出范围(应为 1–12)",
    "not_month": "{where}:“{value}”不是月份(应为 1–12 的数字)",
    "not_int": "{where}:“{value}”应为整数",
    "negative": "{where}:不能为负数",
    "not_bool": "{where}:“{value}”应填“是”或“否”",
    "empty_required": "{where}:为空(必填)",
    "unknown_ref": "{where}:“{value}”不在「{sheet}」表中",
    "duplicate_id": "{where}:编号“{value}”与第 {other} 行重复",
    "unknown_cal_key": "{where}:“{value}”不是日历的项目名称(应为:{keys})",
    "bad_workbook": "无法读取工作簿:{error}",
    "year_missing": "{where}:年度为空(必填,如 2024)",
    "no_topics": "「议题」表没有任何议题",
    # documents and calendars
    "infeasible": "该安排没有可行方案(状态:{status}),不能据此生成{what}",
    "unknown_entity": "没有编号为“{id}”的{what}",
    "bad_kind": "日历类别应为 leader、department 或 committee,而不是“{kind}”",
    # what the reader looks for, in general: no one layout is required (a list, a table, paragraphs, cards)
    "no_topics_in_text": "没有识别出任何协商议题。请确认粘贴或导入的是年度协商计划的正文:"
    "读取时要找到每个协商议题的题目,以及它的协商形式、时间、牵头(承办)单位、协商部门等内容;"
    "议题写成编号条目、表格的行、成段的文字或一题一块的卡片均可,不要求某一种格式",
    "empty_text": "文本为空",
}

# -- the plan document ---------------------------------------------------------------
DOC_TITLE = "{body}{year}年度协商工作计划"
DOC_DEFAULT_PREAMBLE = (
    "一、总体要求\n"
    "以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大精神,认真落实党中央关于加强和改进人民政协工作的部署和上级党委工作要求,"
    "紧紧围绕党委、政府中心任务和人民群众关心关注的实际问题,深入协商议政,广泛凝聚共识,"
    "不断提高政协协商制度化、规范化、程序化水平。"
)
DOC_ARRANGEMENT = "工作安排"
DOC_COUNT_LINE = "{year}年,共安排重点协商议题{total}项,包括:{parts}。"
DOC_COUNT_PART = "{form}{n}项"
DOC_SECTION = "({num}){form}({n}项)"
DOC_TOPIC = "{num}. {title}"
DOC_TIME = "时间安排:"
DOC_LEAD = "承办部门:"
DOC_DEPTS = "协商部门:"
DOC_LEADERS = "出席领导:"
DOC_SESSION = "{month}(全体会议期间)"
DOC_PREFERRED = "{months}(拟)"
DOC_UNDECIDED = "待定"
DOC_LEADERS_HEAD = "领导同志出席重点协商活动安排"
DOC_LEADER_LINE = "{who}:出席{items}。"
DOC_LEADER_ITEM = "{month}“{title}”"
DOC_NO_LEADERS = "各项协商活动由政协分管领导同志主持,有关部门负责同志参加。"
DOC_DEFAULT_CLOSING = (
    "组织实施\n"
    "1. 强化组织领导。政协党组加强对重点协商议题的协商指导和督促落实。各承办专委会制定详尽的协商工作实施方案,"
    "对参加协商的部门和人员范围、调研方式、协商形式和流程、成果转化、完成时限等作出安排。\n"
    "2. 深入开展调研。坚持“不调研不协商、先调研后协商”,找准问题,提出务实管用的对策建议。\n"
    "3. 推动成果转化。通过协商报告、调研报告、社情民意信息等形式,"
    "及时向党委、政府及有关部门报送意见建议,跟踪成果落实情况。"
)
NUMERALS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for section numbers)."""
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


# -- calendars ---------------------------------------------------------------------
ICS_KIND = {"leader": "领导", "department": "部门", "committee": "专委会"}
ICS_CALNAME = "{body}{year}年协商活动 · {name}"
ICS_CALDESC = "{body}{year}年度协商计划中{name}参加的协商活动。各项活动只确定到月份,具体日期另行通知。"
ICS_SUMMARY = "【{form}】{title}"
ICS_CANCELLED_SUMMARY = "【已取消】{title}"
ICS_MONTH_NOTE = "时间:{year}年{month}月(只定到月份,具体日期另行通知)"
ICS_FIELDS = {
    "form": "协商形式",
    "lead": "承办专委会",
    "co": "协办专委会",
    "departments": "协商部门",
    "leaders": "出席领导",
    "notes": "备注",
}
ICS_CATEGORY = "政协协商"

# -- published text ------------------------------------------------------------------
TXT_WARN = {
    "no_month": "议题 {id}「{title}」没有写明时间安排,请补填建议月份",
    "vague_month": "议题 {id}「{title}」的时间“{text}”只到{what},已设为时间窗口 {window},请核对",
    "session_month": "全体会议期间的议题按全会月份 {month} 处理;文本未写明全会月份,请在日历中核对",
    "no_lead": "议题 {id}「{title}」没有写明承办部门(组织实施),暂列为“{tbd}”,请指定承办专委会",
    "no_departments": "议题 {id}「{title}」没有写明协商部门",
    # a lead written that names no committee ("承办单位:待定", "牵头:无"): on the line, never "not written"
    "lead_undecided": (
        "议题 {id}「{title}」的承办单位写作“{name}”:未能据此确定承办专委会,暂列为“{tbd}”,请指定承办专委会"
    ),
    # a time written that names no month the reader knows ("时间:两会后"): on the line, never "not written"
    "time_unread": "议题 {id}「{title}」的时间写作“{text}”:未能据此确定月份,请补填建议月份",
    "departments_undecided": "议题 {id}「{title}」的协商部门写作“{name}”:未能据此列出具体部门,请补充实际的部门",
    "count_mismatch": "“{section}”标明 {declared} 项,识别出 {found} 项,请核对",
    "total_mismatch": "正文说共安排 {declared} 项,识别出 {found} 项,请核对",
    "no_year": "文本中没有找到年份,已设为 {year} 年,请核对",
    "unknown_form": "“{section}”不是常见的协商形式,已作为新的协商形式“{name}”加入,请核对",
}
TBD_COMMITTEE = "待定"
# Words a published plan writes where a name is not decided yet ("承办单位:待定").
PLACEHOLDER_NAMES = ("待定", "未定", "另定", "暂定", "待确定", "待明确", "另行确定", "另行通知")
PLACEHOLDER_WARN = {
    "committees": "议题 {id}「{title}」的承办专委会写作“{name}”:已暂列一个名为“{name}”的专委会,请改为实际承办的专委会",
    "departments": "议题 {id}「{title}」的协商部门写作“{name}”:已暂列一个名为“{name}”的部门,请改为实际的部门",
    "leaders": "议题 {id}「{title}」的出席领导写作“{name}”:已暂列一位名为“{name}”的领导,请改为实际出席的领导",
}
FORM_NAMES = {
    "plenary": "全体会议协商",
    "standing": "专题议政性常委会议",
    "special": "专题协商会",
    "bimonthly": "双月协商座谈会",
    "counterpart": "对口协商",
    "sector": "界别协商",
    "grassroots": "在基层协商",
    "proposal": "提案办理协商",
    "research": "重点调研",
    "inspection": "重点视察",
}

# -- command line ----------------------------------------------------------------------
CLI = {
    "year_flag": ";请用 --year 指定,例如 --year 2025",
    "prog_help": "协商计划编排 · 文书转换:Excel、Word、日历和已发布计划文本",
    "template": "生成空白 Excel 导入模板(含填写示例)",
    "xlsx2json": "把填好的 Excel 工作簿转换为计划 JSON(consult-plan/1)",
    "json2xlsx": "把计划 JSON(及可选的安排)导出为 Excel 工作簿",
    "docx": "由计划和安排生成年度协商工作计划 Word 文档",
    "ics": "生成某位领导、某个部门或某个专委会的日历文件(.ics)",
    "text2json": "把已发布的计划(文本、Word、PDF 或网页)转换为计划 JSON 草稿",
    "out": "输出文件(省略时 JSON 写到标准输出)",
    "out_required": "输出文件",
    "plan": "计划 JSON 文件",
    "schedule": "安排 JSON 文件(consult-schedule/1);省略时按建议月份生成草稿",
    "xlsx": "Excel 工作簿(.xlsx)",
    "text": "已发布计划的文件(.txt、.docx、.doc、.wps、.pdf、.html)",
    "known": "已有的计划 JSON:文本中的名称按它对应到已有编号",
    "year": "文本中没有年份时使用的年度",
    "session_month": "全会月份(文本只写“全会期间”时使用,默认 1)",
    "preamble": "前言文本文件(替换默认的“总体要求”)",
    "closing": "结尾文本文件(替换默认的“组织实施”)",
    "leader": "领导编号",
    "department": "部门编号",
    "committee": "专委会编号",
    "all": "为每位领导、每个部门和专委会各生成一个日历,打包为 .zip",
    "wrote": "已写出 {path}",
    "errors": "发现 {n} 个问题:",
    "new_names": "新识别的{what}(请核对):{names}",
    "unparsed": "未使用的行 {n} 行(逐行列出):",
    "skipped_line": "  第 {line} 行({reason}):{text}",
    "skipped_place": "  {place}({reason}):{text}",
    "warnings": "提示:",
    "usage_error": "命令行参数有误:{msg}",
    "not_found": "找不到文件 {path}",
    "choose_entity": "请用 --leader、--department、--committee 指定一个对象,或用 --all",
    "no_events_all": "安排中没有任何已定月份的协商活动,没有日历可生成,未写出 {path}",
    "no_events_one": "提示:该对象在安排中没有任何协商活动,写出的日历是空的",
}

# -- the plan reader (any layout: text, Word, PDF, HTML) -----------------------------------
READ_WARN = {
    "amended": "计划末尾的补充调整已并入(议题按调整后列出):{changes}。请核对",
    "unknown_label": "第 {line} 行的标签“{label}”不在识别词表中,原文已放入议题 {id} 的备注:{text}",
    "unknown_label_loose": "第 {line} 行的标签“{label}”不在识别词表中,未使用:{text}",
    "undecided": "议题 {id}「{title}」的时间为“{text}”(未定月份),请补填建议月份",
    "deadline": "议题 {id}「{title}」的时间“{text}”是截止时间,已设为最晚 {month} 月(不是建议月份),请核对",
    "party_plenum": "议题 {id}「{title}」时间中的“{text}”指党委全会,不是本届政协全体会议,未按全会期间处理",
    "generic_role": "议题 {id}「{title}」的出席领导“{role}”是泛指职务,已作为该议题单独的待定领导“{name}”,请核对",
    "sentence_form": "“{text}”是一句话而不是协商形式名称,未据此建立协商形式",
    "year_needed": "文本中没有写明年份(“今年”不能确定是哪一年),请填写计划年度",
    "year_from_known": "文本中没有写明年份,暂按当前计划的 {year} 年,请核对",
    "year_from_date": "标题中没有年份,按文末日期 {date} 取 {year} 年,请核对",
    "body_needed": "文本中没有找到政协名称(如“某市政协”),请填写",
    "not_a_plan_warning": "这段文字可能不是年度协商计划:{reason}",
    "revision_notice": "这是一份协商计划的调整通知,只列出新增和调整时间的议题(已按调整后的时间读取;取消的议题未读入),"
    "原计划中未调整的议题不在其中:请在原计划上核对这些变动,不要把它当作完整的年度计划",
    "same_title": (
        "议题 {ids} 的题目都是「{title}」(第 {lines} 行):可能重复录入了同一议题,请核对;如确需分几次协商,保留即可"
    ),
    "no_text_in_file": (
        "文件「{name}」里没有可读取的文字(可能是空白文件,或只有图片、扫描页);"
        "请用含文字的原始文件,或先做文字识别(OCR)后再导入"
    ),
    "scanned_pdf": "PDF「{name}」没有文字层(可能是扫描件),无法读取文字;请用原始 Word 文件或先做文字识别(OCR)",
    "soffice_missing": (
        "无法转换旧版 Word 文件「{name}」:本机没有安装 LibreOffice(soffice);请在 Word 中另存为 .docx 后导入"
    ),
    "convert_failed": "无法转换文件「{name}」:LibreOffice 转换失败,请在 Word 中另存为 .docx 后导入",
    "bad_pdf": "文件「{name}」不是可读取的 PDF",
    "bad_html": "文件「{name}」不是可读取的网页",
    "unreadable": "无法读取文件「{name}」:文件可能已损坏或格式与扩展名不符;请在原程序中另存后再导入",
}
NOT_A_PLAN = {
    "rules_title": "标题“{title}”是制度或办法,不是某一年的计划",
    "no_fields": "没有一项议题写明时间、承办单位、协商部门或协商形式",
    "sentences": "编号条目都是完整的句子,像是条文而不是议题",
}
NOT_A_PLAN_REFUSED = (
    "没有识别出任何协商议题:这段文字不像年度协商计划({reasons})。请确认粘贴或导入的是年度协商计划的正文"
)
DEFAULT_NOTES = {
    "session_month": "全会月份设为 1 月(地方政协全体会议一般在 1–2 月召开)",
    "blackout_months": "2 月设为不安排月份(春节与全会筹备期)",
    "window": "没有写明时间的议题,时间窗口暂设为 4–11 月(常规协商活动一般在 4–11 月)",
    "form_rules": "协商形式“{name}”按常规设置:{rules}",
}
FORM_RULE_TEXT = {
    "session_only": "仅在全会期间",
    "max_per_month": "每月最多 {n} 次",
    "min_gap_months": "间隔至少 {n} 个月",
}
FIELD_LABEL = {
    "title": "议题",
    "form": "协商形式",
    "time": "时间",
    "lead": "承办",
    "co": "协办",
    "departments": "协商部门",
    "people": "参加人员",
    "members": "参加委员",
    "leaders": "出席领导",
    "content": "内容",
    "notes": "备注",
    "after": "前序议题",
}
SKIP_REASON = {
    "junk": "网页或版面杂项",
    "markup": "只有网页标记,没有文字",
    "blank_number": "页码或分隔符",
    "stray": "无法归入任何议题",
    "heading": "标题或分类",
    "prose": "正文(前言或结尾)",
    "title": "文件标题",
    "loose_item": "编号条目,但没有任何议题字段",
    "sentence_heading": "句子,不是分类标题",
    "attachment": "附件目录,不是议题",
    "blank_form": "空白表格(样表)的栏目名,不是议题",
    "cancelled_item": "计划的补充调整中已取消的议题,不再列入计划",
    "amendment_unread": "补充调整中未能读出的一项(未并入计划,请核对)",
    "relaid": "整理版面时舍去(表格线、重复的表头、页码或已并入他行的内容)",
}
# lines set aside before reading (paperwork.page_parts): not this year's plan
PAGE_PART_SKIP = {
    "other_year": "另一年度的计划,不属本计划",
    "note": "注释,不是议题",
    "not_counted": "计划写明此部分不计入协商议题(单独组织实施、另行印发等),不是议题",
    "work_points": "工作要点中协商计划以外的工作,不是议题",
    "report": "工作报告中来年协商安排以外的内容(工作回顾、其他工作),不是议题",
    "minutes": "会议纪要中协商议题以外的事项,不是议题",
    "other_attachment": "通知的另一个附件(不是协商计划,如重点提案督办、调研课题),不是议题",
    "cancelled": "调整通知中取消的议题,已不在计划中,不是议题",
    "mail": "转发计划的邮件本身(信头、原始邮件分隔行或签名),不是议题",
}
# text the extraction left out of the lines read (paperwork.sources.SetAside): never in the review's
# numbered lines, so listed by its place in the user's document
SET_ASIDE_REASON = {
    "page_number": "页码(PDF 页面边缘)",
    "page_edge": "页眉页脚(PDF 每页重复的页边文字)",
    "nav": "网页导航",
    "header": "网页页头",
    "footer": "网页页脚",
    "form": "网页表单、按钮或下拉菜单",
    "invisible": "网页中不显示的内容(脚本、样式等),未读取",
    "contacts": "联系人表(联系人、电话),不是议题",
    "word_header": "Word 页眉(每页重复,不是正文)",
    "word_footer": "Word 页脚(每页重复,不是正文)",
}
SET_ASIDE_PLACE = {
    "pdf": "第 {page} 页第 {row} 行",
    "html_before": "网页中第 {line} 行之前",
    "html_end": "网页末尾",
    "html_source": "网页源代码中",
    "table_row": "第 {table} 个表格第 {row} 行",
    "pdf_table_row": "联系人表第 {row} 行",
    "word_header": "页眉",
    "word_footer": "页脚",
    "word_section_header": "第 {section} 节页眉",
    "word_section_footer": "第 {section} 节页脚",
}
# the one entry summing up a page's invisible parts: "script 3 处、style 1 处"
SET_ASIDE_INVISIBLE = "{tag} {n} 处"
SET_ASIDE_JOIN = "、"
# a line of a duty list keyed by item numbers ("第1项、第6项:由…承办"), read into those topics
ITEM_DUTY_ROLE = "字段(按项号分工)"
AMENDMENT_ROLE = "补充调整(已并入计划)"
# one change of the plan's own 补充调整 part, as the reader applied it (joined into READ_WARN["amended"])
AMENDMENT_NOTE = {
    "add": "增加「{title}」(列在最后)",
    "time": "第 {item} 项「{title}」时间改为 {value}",
    "lead": "第 {item} 项「{title}」承办改为 {value}",
    "cancel": "第 {item} 项「{title}」已取消(不再列入)",
}

# -- Excel import: warnings and the ambiguous reference -------------------------------------
XLSX_WARN = {
    "lookalike": "{where}:列名“{header}”像是“{like}”,但没有对上,已作为额外字段保留(其规则不会生效);请改为“{like}”",
    "ambiguous_ref": "{where}:“{value}”在「{sheet}」表中有多行同名({rows}),无法确定指哪一行;请改填编号",
}

# -- import review: the cells a planner edits beyond the reader's fields ------------------------
REVIEW_MSG = {
    "fixed_month": "{where}:固定月份“{value}”应为 1–12 的月份数字,或留空",
    "after_unknown": "{where}:前序议题“{value}”不是本计划中的议题编号或名称",
    "after_self": "{where}:前序议题不能是它自己",
}


# --- change notices (paperwork.notices) ---
NOTICE_HEADERS = (
    "序号",
    "接收类别",
    "接收单位/领导",
    "议题",
    "变更",
    "原安排月份",
    "调整后月份",
    "原牵头单位",
    "调整后牵头单位",
    "调整原因",
    "版本",
)
NOTICE_SHEET = "变更通知"
NOTICE_NONE = "本次调整没有涉及任何部门、专委会或领导的变更。"
NOTICE_NO_MONTH = "—"


def notice_month(month: int | None) -> str:
    return NOTICE_NO_MONTH if month is None else f"{month}月"


def notice_version(previous: int, version: int) -> str:
    return f"第{previous}版→第{version}版"


def notice_heading(kind: str, name: str, count: int) -> str:
    return f"{kind}:{name}(共 {count} 项变更)"


def notice_sentence(topic: str, change: str, old_month: str, new_month: str, old_lead: str, new_lead: str) -> str:
    parts = [f"「{topic}」{change}"]
    if old_month != new_month:
        parts.append(f"月份:{old_month} → {new_month}")
    if old_lead != new_lead and (old_lead or new_lead):
        parts.append(f"牵头单位:{old_lead or NOTICE_NO_MONTH} → {new_lead or NOTICE_NO_MONTH}")
    return ";".join(parts) + "。"


def notice_reason(reason: str) -> str:
    return f"调整原因:{reason}"


# -- leadership's one-page sheet (paperwork/leadership.py) -------------------------------
LS_TITLE = "{body}{year}年度协商计划"
LS_SUBTITLE = "全年安排总览"
LS_SUMMARY_SUBTITLE = "全年安排总览(汇总)"
LS_STATE = "审批状态:{state}"
LS_VERSION = "第 {n} 版"
LS_MADE_ON = "制表:{date}"
LS_DATE = "{y}年{m}月{d}日"
LS_SCHEDULE_STATUS = {
    "optimal": "编排方案:最优",
    "feasible": "编排方案:可行",
    "infeasible": "编排方案:无可行方案",
    "unknown": "编排方案:未找到",
    None: "尚未编排:月份为计划所列建议月份(拟)",
}
LS_KPI_TOTAL = "议题总数"
LS_KPI_FOCUS = "重点议题"
LS_KPI_OVER = "负荷提示"
LS_ITEMS = "{n}项"
LS_SESSION = "全会"
LS_BLACKOUT = "不安排"
LS_EMPTY = "无协商活动"
LS_UNPLACED = "尚未安排月份"
LS_FOCUS_MARK = "★"
LS_LEGEND_FOCUS = "★ 重点议题(全体会议、专题议政性常委会议、双月协商座谈会、专题协商会及重点提案等)"
LS_LEGEND_OVER = "①② 负荷提示,见下方说明"
LS_LEGEND_OVER_PLAIN = "超 该议题所在月份有部门、领导或专委会超负荷,见下方汇总"
LS_OVER_MARK = "超"
LS_OVER_HEAD = "负荷提示"
LS_NO_OVER = "无部门、领导、专委会超负荷或同月会议过密的情况。"
LS_MORE = "另 {n} 项"
LS_OTHER_FORMS = "其他形式"
LS_TOTAL = "合计"
LS_MONTH = "月份"
LS_OVER_COL = "负荷提示"
LS_FOCUS_HEAD = "各月重点议题"
LS_FOCUS_NONE = "—"
LS_OVER_KIND = "{label} {n} 处"
LS_OVER_TOP = "{name} {n} 处"
LS_OVER_LINE = "{kind}:{top}"
LS_SUMMARY_NOTE = "议题较多({n} 项),本页按月汇总各形式议题数,列出各月重点议题;逐项安排见全年总览和 Word 计划文本。"
LS_DETAIL_SEP = " · "
LS_LIST_SEP = "、"
# A topic is a focus topic (重点) when its form's name contains one of these words (the domain
# notes' head and focus forms; a province plan's "东川市专题议政性常委会议" matches too) …
LS_FOCUS_FORM_WORDS = ("全体会议", "专题议政性常委会", "双月协商座谈会", "专题协商会")
# … or its title says it is one (重点提案“…”办理协商).
LS_FOCUS_TITLE_WORD = "重点"
# Families of forms for the summary's columns when a plan has more forms than fit (a province
# plan's 47 city forms): the first word a form's name contains names its column.
LS_FORM_FAMILIES = (
    ("全体会议", "全体会议"),
    ("常委会", "专题议政性常委会议"),
    ("双月", "双月协商座谈会"),
    ("专题协商", "专题协商会"),
    ("对口", "对口协商"),
    ("界别", "界别协商"),
    ("提案", "提案办理协商"),
    ("基层", "在基层协商"),
    ("调研", "专题调研"),
    ("视察", "视察"),
)

# The outline rewrites before the reader (paperwork/outline.py)
OUTLINE_WARN = {
    "number_not_found": "领导分工表中“{leader}”联系的议题编号 {numbers} 在计划中找不到(或不止一处),未分配给议题,请核对",
}
