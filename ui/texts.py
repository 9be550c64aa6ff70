"""Every Chinese word the dashboard shows that the solver does not already say.

Labels of plan fields, statuses and soft goals come from :mod:`solver.texts`
(imported here as ``ST``) so one thing is called the same everywhere; this
module adds the words of the screens themselves: page titles, buttons, column
headers, hints. Read it top to bottom to review the whole interface.
"""

from __future__ import annotations

from collections.abc import Iterable

from solver import texts as ST

APP_TITLE = "协商计划编排"
APP_ICON = "🏛️"
APP_SUBTITLE = "年度协商计划编排与推演"
STOP = "停止"  # Streamlit's running indicator, which says "Stop" (ui/theme.py)

# -- punctuation and small formats shared by the screens ---------------------------------------
LIST_SEP = "、"
SENTENCE_SEP = "。"
SECONDS = "{s:.2f} 秒"
MONTH_NUMBER_FORMAT = "%d月"  # printf-style, for number columns of the editors (no space: "7月" as ST.month)
AUTHOR_EXAMPLE = "张三"
MOVED_LEAD = ";承办 {before} → {after}"


def joined(items: Iterable[str]) -> str:
    """Names in a Chinese list: 市商务局、市工信局."""
    return LIST_SEP.join(items)


# -- pages (title, material icon) ----------------------------------------------------
PAGE = {
    "overview": ("全年总览", ":material/calendar_month:"),
    "resources": ("议题与资源", ":material/edit_note:"),
    "solve": ("编排", ":material/auto_awesome:"),
    "whatif": ("推演", ":material/alt_route:"),
    "conflicts": ("冲突与预警", ":material/report:"),
    "load": ("负荷", ":material/grid_view:"),
    "accounts": ("账号管理", ":material/manage_accounts:"),
    "audit": ("操作记录", ":material/history_edu:"),
    "leadership": ("领导总览", ":material/summarize:"),
}
PAGE_DENIED = "{role}无权{action}:这一页面不对您的角色开放"
NAV_SECTION_VIEW = "查看"
NAV_SECTION_WORK = "编排与推演"

# -- sidebar -----------------------------------------------------------------------------
SIDEBAR_PLAN = "年度计划"
SIDEBAR_PLAN_HELP = "选择要查看或编排的年度协商计划,所有页面共用"
SIDEBAR_NO_PLANS = "数据库中还没有计划,请在「议题与资源」页导入"
# The edit counter is 「第 N 次保存」: 「第 N 版」 is kept for the frozen approval versions (trial defect 5).
SIDEBAR_VERSION = "第 {version} 次保存 · {topics} 个议题"
SIDEBAR_SCHEDULE = "当前方案:{status}"
SIDEBAR_NO_SCHEDULE = "当前方案:尚未编排"
SIDEBAR_DB = "数据库:{url}"
NO_PLAN = "请先在左侧选择一份年度计划。"
RES_FIRST_PLAN = (
    "数据库中还没有计划。请在下方导入去年的计划或今年的草稿(Word、PDF、网页或文本),"
    "核对后保存为新计划;也可以用 Excel 模板填写后导入。"
)

# -- overview ----------------------------------------------------------------------------
OV_CAPTION = "{body} {year} 年度协商计划 · 共 {n} 个议题"
OV_KPI_TOPICS = "议题总数"
OV_KPI_STATUS = "方案状态"
OV_KPI_WARNINGS = "预警"
OV_KPI_WARNINGS_HELP = "软性目标未满足的条数,详见「冲突与预警」"
OV_KPI_FORMS = "按协商形式"
STATUS_SHORT = {"optimal": "最优", "feasible": "可行", "infeasible": "无解", "unknown": "未找到"}
OV_FILTER = "筛选"
OV_FILTER_ALL = "全部"
OV_FILTER_COMMITTEE = "承办/协办专委会"
OV_FILTER_DEPARTMENT = "协商部门"
OV_FILTER_LEADER = "出席领导"
OV_FILTER_FORM = "协商形式"
OV_FILTER_RESULT = "筛选结果:{n} 个议题"
OV_FILTER_CLEAR = "清除筛选"
OV_NO_SCHEDULE = "尚未编排:以下议题还没有安排月份。到「编排」页生成方案后,议题会出现在各月中。"
OV_INFEASIBLE = "当前方案无可行安排:{explanation}"
OV_OUTDATED = (
    "计划已于 {at}{who}修改(现为第 {now} 版),当前方案是按第 {old} 版编排的,可能已不符合修改后的计划。"
    "请到「编排」页重新编排。"
)
OV_OUTDATED_NO_VERSION = (
    "计划已于 {at}{who}修改,晚于当前方案的编排时间 {made},方案可能已不符合修改后的计划。请到「编排」页重新编排。"
)
OV_OUTDATED_WHO = " 由 {who} "
OV_TAB_CALENDAR = "月历"
OV_VIEW = "显示方式"
OV_VIEWS = {"cards": "议题卡片", "matrix": "月份 × 形式"}
MX_TOTAL = "合计"
MX_HINT = "每格为该月该形式的议题数,鼠标悬停可看议题名称;红框为含超负荷的议题,红色合计为超出每月上限。"
OV_COMPACT = "紧凑显示(只显示议题名称)"
OV_TAB_LIST = "列表"
OV_EXPORT = "导出与打印"
OV_GO_SOLVE = "去编排"

CAL_BLACKOUT = "不安排"
CAL_SESSION = "全会"
CAL_UNAVAILABLE = "不在岗:{names}"
CAL_EMPTY = "—"
CAL_UNPLACED = "待编排"
CAL_LEAD = "承办"
CAL_LEADERS = "出席"
CAL_PINNED = "固定"
CAL_COUNT = "{n} 项"
CAL_OVER_LEGEND = "当月超出每月上限(悬停卡片看详情)"
CAL_LEGEND = "图例"

# -- topic list columns (overview list, diffs, suggestions) -------------------------------
COL = {
    "id": ST.FIELD["id"],
    "title": ST.FIELD["title"],
    "month": ST.FIELD["month"],
    "form": ST.FIELD["form"],
    "lead": ST.FIELD["lead"],
    "co_organizers": ST.FIELD["co_organizers"],
    "departments": ST.FIELD["departments"],
    "leaders": ST.FIELD["leaders"],
    "fixed": "固定",
    "month_before": "原月份",
    "month_after": "新月份",
    "lead_before": "原承办",
    "lead_after": "新承办",
    "change": "变化",
    "kind": "类别",
    "entity": "对象",
    "message": "说明",
    "topics": "涉及议题",
    "load": "负荷",
    "limit": "上限",
    "feasible": "可行",
    "reasons": "原因",
    "penalty_change": "扣分变化",
    "current": "当前",
    "goal": "软性目标",
    "count": "次数",
    "weight": "权重",
    "penalty": "扣分",
    "row": "行",
    "field": "字段",
    "section": "表",
    "name": "名称",
    "author": "保存人",
    "saved_at": "保存时间",
    "note": "说明",
    "status": "状态",
    "topic_count": "议题数",
    "plan_version": "保存序号",
}

# -- resources (editors) ----------------------------------------------------------------------
RES_INTRO = "直接在表格中修改,可增删行。修改先在本页检查,全部无误后才能保存;有问题的修改不会写入数据库。"
RES_TAB_PLAN = "计划与日历"
RES_SAVE = "保存修改"
RES_DISCARD = "放弃修改"
RES_SAVED = "已保存,这是计划的第 {version} 次保存"
RES_NO_CHANGES = "没有未保存的修改"
RES_DEFAULT_WINDOW = (
    "新增议题 {topics} 没有填月份,按本计划常用的时间窗口 {lo}–{hi} 月安排"
    "(不排在全会月份和停会月份);保存后可在「时间窗口」两列修改。"
)
RES_FROZEN = (
    "计划处于「{state}」阶段,已冻结:表格只读,不能修改议题和资源。如需修改,请在「审批与版本」退回或发起年中调整。"
)
RES_STALE_RELOAD = "载入最新版本"
RES_STALE_HINT = "点「载入最新版本」从数据库读入他人保存的计划;您在本页的修改将被放弃,需要时请重新输入。"
RES_RELOADED = "已载入最新保存的计划,您之前未保存的修改已放弃。"
RES_PENDING = "有未保存的修改"
RES_ISSUES = "发现 {n} 处问题,修改未保存。请按提示改正:"
RES_ISSUE_ROW = "{section}表第 {row} 行"
RES_VALID = "检查通过,可以保存"
RES_SCHEDULE_STALE = "计划已修改,原方案可能不再适用,请到「编排」页重新编排"
RES_WINDOW_START = "最早月份"
RES_WINDOW_END = "最晚月份"
RES_NEW_ID_HELP = "新增行可不填编号,保存时自动生成"
RES_IMPORT = "Excel 导入与模板"
RES_AUTHOR = "修改人"

# -- solve -----------------------------------------------------------------------------------
SOLVE_WEIGHTS = "软性目标的权重"
SOLVE_WEIGHTS_HELP = "权重越大,编排时越要避免这一情况;设为 0 表示不考虑。"
SOLVE_TIME = "最长求解时间(秒)"
SOLVE_TIME_HELP = "到时仍未证明最优时,给出已找到的最好方案"
SOLVE_BUTTON = "开始编排"
SOLVE_RUNNING = "正在编排 {n} 个议题(最长 {t:g} 秒)…"
SOLVE_PROGRESS = "已用时 {s:.1f} 秒 / 上限 {t:g} 秒"
SOLVE_DONE = "编排完成:{status},用时 {s:.2f} 秒"
SOLVE_FAILED = "编排结束:{status}"
SOLVE_RESULT = "编排结果"
SOLVE_OBJECTIVE = "总扣分"
SOLVE_OBJECTIVE_HELP = "各软性目标 次数 × 权重 之和,越小越好"
SOLVE_BOUND = "已证明下界"
SOLVE_BOUND_HELP = "任何方案的总扣分都不可能低于此数;与总扣分相等即证明最优"
SOLVE_GAP = "差距"
SOLVE_TIME_USED = "用时"
SOLVE_BREAKDOWN = "各软性目标"
SOLVE_NO_BREAKDOWN = "这份方案没有记录各软性目标的扣分(例如导入的已发布方案);重新编排后即可看到。"
SOLVE_NO_RESULT = "尚未编排。设置好权重后点击「开始编排」。"
SOLVE_CURRENT_FROM = "当前方案(已保存到数据库)"
SOLVE_SEE_CONFLICTS = "查看冲突说明"
SOLVE_SEE_CALENDAR = "在全年总览中查看"
SOLVE_RESET_WEIGHTS = "恢复默认权重"
# -- file names of downloads --------------------------------------------------------------
FILE_STEM = "{body}{year}年度协商计划"
FILE_STEM_NO_BODY = "协商计划"
FILE_ICS_ZIP = "{stem}-日历.zip"
FILE_ICS_ONE = "{year}年协商活动-{kind}-{name}.ics"
FILE_TEMPLATE = "年度协商计划填写模板.xlsx"

SCN_TITLE = "方案版本"
SCN_SAVE = "保存为方案"
SCN_NAME = "方案名称"
SCN_NAME_EXAMPLE = "如:主席会议审议稿"
SCN_AUTHOR = "保存人"
SCN_NOTE = "说明"
SCN_SAVED = "已保存方案「{name}」"
SCN_NONE = "还没有保存的方案版本"
SCN_COMPARE = "比较两个方案"
SCN_LEFT = "方案甲"
SCN_RIGHT = "方案乙"
SCN_RESTORE = "恢复为当前方案"
SCN_RESTORED = "已将「{name}」恢复为当前方案"
SCN_SAME = "两个方案的安排完全相同"
SCN_DIFF = "有 {n} 个议题安排不同"
SCN_PICK = "选择方案"

# -- what-if ------------------------------------------------------------------------------------
WI_INTRO = "在计划副本上试着调整,重新编排时尽量少移动议题。满意后再「采用」,未采用前不会改动已保存的计划和方案。"
WI_NEEDS_SCHEDULE = "推演需要一个当前方案作为起点,请先到「编排」页编排。"
WI_EDITS = "调整"
WI_TAB_PIN = "固定/移动议题"
WI_TAB_AWAY = "领导不在岗"
WI_TAB_LIMIT = "调整上限"
WI_TOPIC = "议题"
WI_MONTH = "月份"
WI_TOPIC_NOW = "当前安排在 {month}"
WI_TOPIC_PINNED = ",已固定到 {month}"
WI_PIN = "固定到该月"
WI_UNPIN = "取消固定"
WI_LEADER = "领导"
WI_AWAY = "标记不在岗"
WI_BACK = "恢复在岗"
WI_LIMIT_KIND = "类别"
WI_LIMIT_ENTITY = "对象"
WI_LIMIT_VALUE = "每月上限"
WI_LIMIT_NONE = "不限"
WI_LIMIT_SET = "修改上限"
WI_LIMIT_KINDS = {
    "month": "每月议题总数",
    "form": ST.SECTION["forms"],
    "committee": ST.SECTION["committees"],
    "department": ST.SECTION["departments"],
    "leader": ST.SECTION["leaders"],
}
WI_LIMIT_NOW = "当前上限:{value}"
WI_LOG = "已做的调整"
WI_LOG_EMPTY = "还没有调整。"
WI_RESET = "撤销全部调整"
WI_REPLAN = "重新编排"
WI_REPLAN_HELP = "以当前方案为起点重新编排,尽量少移动议题"
WI_RESULT = "推演结果"
WI_MOVED = "调整的议题"
WI_MOVED_NONE = "没有议题需要移动。"
WI_MOVED_N = "共调整 {n} 个议题"
WI_FOR_YOU = "与您相关的变化"
WI_FOR_YOU_PICK = "选择部门、专委会或领导"
WI_FOR_YOU_NONE = "没有部门、专委会或领导受影响。"
WI_LOADS = "调整前后的负荷"
WI_LOADS_PICK = "对象"
WI_BEFORE = "调整前"
WI_AFTER = "调整后"
WI_ADOPT = "采用此方案"
WI_ADOPT_HELP = "保存调整后的计划,并把推演结果设为当前方案"
WI_ADOPTED = "已采用:计划第 {version} 次保存,当前方案已更新"
WI_DISCARD = "放弃推演结果"
WI_SUGGEST = "月份建议"
WI_SUGGEST_INTRO = "选一个议题,看它放到每个月是否可行、为什么,以及各软性目标会怎样变化(其他议题不动)。"
WI_SUGGEST_MOVE = "移到该月并重新编排"
WI_SUGGEST_MONTH = "目标月份"
WI_INFEASIBLE = "推演结果无可行方案:{explanation}"
WI_YES = "可行"
WI_NO = "不可行"
WI_NOW = "当前"
WI_THIS_TOPIC = "本议题"

LOG_PIN = "{topic}固定到 {month}"
LOG_UNPIN = "{topic}取消固定"
LOG_AWAY = "{leader} {month} 不在岗"
LOG_BACK = "{leader} {month} 恢复在岗"
LOG_LIMIT = "{kind}「{name}」每月上限改为 {value}"
LOG_MONTH_LIMIT = "每月议题总数上限改为 {value}"

# -- conflicts -------------------------------------------------------------------------------------
CF_SOURCE = "查看"
CF_SOURCES = {"current": "当前方案", "solve": "最近一次编排", "whatif": "推演结果"}
CF_HARD = "硬性冲突"
CF_HARD_INTRO = "以下要求无法同时满足,需要放宽其中一条:"
CF_VIOLATIONS = "当前方案违反了 {n} 条硬性规则(可能是导入的方案,或计划在编排后被修改),请重新编排:"
CF_NO_HARD = "没有硬性冲突:所有硬性规则都已满足。"
CF_SOFT = "软性预警"
CF_NO_SOFT = "没有软性预警。"
CF_FILTER_KIND = "类别"
CF_FILTER_MONTH = "月份"
CF_FILTER_ENTITY = "对象"
CF_ALL = "全部"
CF_JUMP = "在全年总览中查看"
CF_JUMP_HELP = "打开全年总览,并按所选对象筛选"
CF_COUNT = "{n} 条"
CF_NO_SCHEDULE = "还没有方案。请先到「编排」页编排。"
ENTITY_KIND = {
    "department": ST.SECTION["departments"],
    "committee": ST.SECTION["committees"],
    "leader": ST.SECTION["leaders"],
    "form": ST.SECTION["forms"],
    "topic": ST.SECTION["topics"],
}

# -- load ------------------------------------------------------------------------------------------
LD_INTRO = "每格为该月需参加(部门、领导)或承办、协办(专委会)的协商项数;行名后括号内为每月上限,红色格为超出上限。"
LD_TABS = {"department": "部门 × 月份", "committee": "专委会 × 月份", "leader": "领导 × 月份"}
LD_ONLY_BUSY = "只显示有安排的对象"
LD_MONTH_TOTAL = "每月议题数"
LD_MONTH_LIMIT = "每月上限 {n} 项"
LD_TOPIC_COUNT = "议题数"
LD_OVER = "超出上限"
LD_WITHIN = "未超上限"
LD_NONE = "没有数据。"
LD_OVERLOADS = "超负荷 {n} 处"
LD_LEGEND_LOAD = "项数"
LD_TOOLTIP_TOPICS = "议题"
LD_LIMIT_LABEL = "上限 {limit}"
LD_NO_LIMIT = "不限"

# -- exports / imports (paperwork) -----------------------------------------------------------------
EX_DOCX = "计划文件(Word)"
EX_XLSX = "计划表(Excel)"
EX_ICS_ALL = "全部日历(ZIP)"
EX_ICS_ALL_HELP = "每位领导、每个部门、每个专委会一个日历文件(.ics),可导入 Outlook、手机日历"
EX_ICS_KIND = "单个日历:类别"
EX_ICS_ENTITY = "对象"
EX_ICS = "下载日历(ICS)"
EX_JSON = "计划数据(JSON)"
EX_TEMPLATE = "下载 Excel 填写模板"
EX_XLSX_THIS = "下载本计划(Excel)"
EX_NEED_SCHEDULE = "尚未编排:文件中的月份按计划自身的固定月份、建议月份起草,标为「拟」。"
IM_XLSX = "上传按模板填写的 Excel(.xlsx)"
IM_XLSX_HELP = "上传后先检查,无误才显示预览;预览确认后可替换本计划,或另存为新计划"
IM_TEXT_MOVED = (
    "这里导入按模板填写的 Excel。已发布的计划(Word、PDF、网页或粘贴的文字)请在本页最下方的"
    "已发布计划导入栏中导入:逐条核对后,再保存为新计划或并入当前计划。"
)
IM_BROWSE = "选择文件"
IM_DROP = "或把文件拖到这里 · 单个文件不超过 {limit} MB"
IM_PREVIEW = "识别结果(尚未保存)"
IM_SUMMARY = "{topics} 个议题 · {forms} 种协商形式 · {committees} 个专委会 · {departments} 个部门 · {leaders} 位领导"
IM_SAVE = "保存为新计划"
IM_REPLACE = "用导入内容替换本计划"
IM_SAVED = "已保存为新计划:{label}"
IM_FAILED = "文件未导入,共发现 {n} 处问题:"

# the review screen of a published plan's import (ui/import_review.py)
IMPORT_REVIEW = {
    "limit_help": "留空表示不限",
    "title": "导入已发布的计划(任意格式)并逐条核对",
    "help": "支持纯文本、Word(.docx/.doc/.wps)、PDF(须有文字层)、网页(.html)或直接粘贴的文字。"
    "识别后逐条核对:每个议题从原文哪几行读出、把握多大;修改后再保存。",
    "file": "上传计划文件",
    "paste": "或粘贴计划文字",
    "mode": "导入方式",
    "mode_new": "新建计划(默认)",
    "mode_merge": "并入当前计划",
    "parse": "识别",
    "nothing": "请先上传文件或粘贴文字",
    "failed": "无法导入:",
    "summary": "识别出 {topics} 个议题、{forms} 种协商形式;{skipped} 行未使用(见下方“未使用的行”)。尚未保存。",
    "summary_all_used": "识别出 {topics} 个议题、{forms} 种协商形式;原文各行均已使用。尚未保存。",
    "other_plan": "这份文件是{doc}的计划,当前打开的是{open}的计划。并入后,这些议题将成为当前计划的议题;"
    "如果要把它作为一份独立的计划,请选择“新建计划”。",
    "year_of": "{year} 年度",
    "confirm_other": "我已核对:确实要把其他政协或其他年度的议题并入当前计划",
    "duplicates": "以下 {n} 个议题在当前计划中已有(名称和协商形式相同),默认不重复添加:",
    "duplicate_topic": "{id} {title}",
    "keep_duplicates": "仍然添加这 {n} 个重复的议题",
    "nothing_new": "没有可以并入的新议题(都已在当前计划中),当前计划未改动",
    "required": "必须填写:{what}",
    "year": "计划年度",
    "year_help": "文本中没有写明年份时必须填写(“今年”无法确定是哪一年)",
    "body": "政协名称",
    "session": "全会月份",
    "blackout_months": "不安排月份",
    "defaults": "以下为按常规设置的默认值,请核对,可在下方修改:",
    "forms": "协商形式及其规则",
    "topics": "议题(逐条核对:可直接修改单元格;“时间”可写“5月”“5、6月”“4-6月”“第三季度”“全会期间”)",
    "warnings": "提示({n} 条)",
    "skipped": "未使用的行({n} 行)",
    "source": "原文(带行号)",
    "sources": "逐项来源:每个议题的每一项从原文哪一行读出",
    "line": "行号或位置",
    "text": "内容",
    "reason": "原因",
    "save_new": "保存为新计划",
    "save_merge": "并入当前计划并保存",
    "discard": "放弃",
    "saved_new": "已导入并保存为新计划:{label}",
    "saved_merge": "已并入当前计划,这是计划的第 {version} 次保存",
    "bad": "请先改正以下 {n} 处问题:",
    "confidence": "把握",
    "month": "{m}月",
    "after_help": "须在这些议题之后安排:填议题编号或名称,多个用“、”分隔",
    "fixed_month_help": "必须安排在这个月时填写(1–12),否则留空",
}

# -- 编排 as a job (ui/jobs.py, issue 13) ---------------------------------------------------------

JOB_STATUS = {"queued": "排队中", "running": "计算中", "done": "已完成", "failed": "失败", "cancelled": "已取消"}
JOB_SUBMITTED = "已提交编排任务 #{id}:由后台计算进程计算,可离开本页,结果会保存在数据库中"
JOB_TITLE = "编排任务 #{id} · {status}"
JOB_WHO = "提交人:{author} · 提交于 {at} · {n} 个议题 · 最长 {t:g} 秒"
JOB_QUEUED = "排队中,前面还有 {ahead} 个任务;计算进程空闲后自动开始"
JOB_RUNNING = "计算中,已用时 {s:.0f} 秒 / 上限约 {t:g} 秒"
JOB_PROGRESS_CAPTION = "最好方案的总扣分与已证明下界随时间的变化(来自任务记录)"
JOB_COL_T = "用时(秒)"
JOB_COL_OBJECTIVE = "总扣分"
JOB_COL_BOUND = "已证明下界"
JOB_CANCEL = "取消任务"
JOB_CANCEL_ASKED = "已请求取消,计算进程将在一两秒内停止"
JOB_ADOPT = "采用为当前方案"
JOB_ADOPT_HELP = "把这一结果设为本计划的当前方案(记录采用人和时间);未采用前当前方案不变"
JOB_ADOPTED = "已采用编排任务 #{id} 的结果为当前方案"
JOB_ADOPTED_BY = "已于 {at} 由 {who} 采用为当前方案"
JOB_CANDIDATE = "这是候选结果,尚未采用;当前方案不变,直到有人点击「采用为当前方案」"
JOB_RETRIED_NOTE = "第 {n} 次尝试"
JOB_PICK = "查看任务"
JOB_PICK_LABEL = "#{id} {status} · {author} · {at}"
JOB_ANON = "未署名"
SOLVE_STOPPED_BY = "搜索结束原因:{reason}"

# --- sign-in, first start, accounts (ui/auth.py, pages/accounts.py, pages/audit.py) ---
AUTH_TITLE = "登录"
AUTH_LOGIN = "登录名"
AUTH_PASSWORD = "密码"
AUTH_PASSWORD_AGAIN = "再次输入密码"
AUTH_PASSWORDS_DIFFER = "两次输入的密码不一致"
AUTH_SUBMIT = "登录"
AUTH_SSO = "单点登录"
AUTH_HELP = "忘记密码请联系管理员重置。连续输错多次后须等待一段时间才能再试。"
AUTH_EXPIRED = "长时间没有操作,已自动退出,请重新登录。"
AUTH_WHO = "当前用户:{name}({role})"
AUTH_DEPARTMENT = "所属部门:{department}"
AUTH_SIGN_OUT = "退出登录"
AUTH_CHANGE_PASSWORD = "修改密码"
AUTH_OLD_PASSWORD = "原密码"
AUTH_NEW_PASSWORD = "新密码"
AUTH_PASSWORD_CHANGED = "密码已修改。"
FIRST_START_TITLE = "创建管理员账号"
FIRST_START_INTRO = (
    "这是系统第一次启动,还没有任何账号。请创建第一个管理员账号;"
    "创建后此页面不再出现,其他账号由管理员在「账号管理」中添加。"
)
FIRST_START_SUBMIT = "创建并登录"
ACC_NAME = "姓名"
ACC_INTRO = "管理员在此添加账号、修改角色、停用或启用账号、重置密码。账号不能删除,只能停用(操作记录中仍保留其名字)。"
ACC_TAB_NEW = "新建账号"
ACC_TAB_EDIT = "修改账号"
ACC_TAB_SETTINGS = "系统设置"
ACC_COL = {
    "login": "登录名",
    "name": "姓名",
    "role": "角色",
    "department": "所属部门",
    "email": "邮箱(单点登录)",
    "active": "状态",
    "last_login": "最近登录",
}
ACC_ACTIVE = "启用"
ACC_DISABLED = "已停用"
ACC_ROLE = "角色"
ACC_DEPARTMENT = "所属部门(部门联络员)"
ACC_DEPARTMENT_HELP = "部门联络员只能看到本部门参加的议题;从计划中的部门名称里选择(也可输入新名称),如「市商务局」。"
ACC_DEPARTMENT_UNKNOWN = (
    "没有任何计划包含部门「{name}」:这位部门联络员现在看不到任何议题和变更通知。"
    "请核对名称,或在计划的部门表中加入这个部门。"
)
ACC_EMAIL = "邮箱"
ACC_EMAIL_HELP = "启用单点登录时,以此邮箱对应账号;不用单点登录可不填。"
ACC_PASSWORD_HELP = "至少 8 个字符;不填则自动生成一个,只显示一次。"
ACC_CREATE = "创建账号"
ACC_CREATED = "已创建账号 {login}。"
ACC_PASSWORD_ONCE = "账号 {login} 的密码如下,只显示这一次,请转交本人并提醒其妥善保管:"
ACC_PICK = "选择账号"
ACC_SAVE = "保存修改"
ACC_SAVED = "已保存账号 {login} 的修改。"
ACC_ENABLE = "启用账号"
ACC_DISABLE = "停用账号"
ACC_ENABLED = "已启用账号 {login}。"
ACC_DISABLED_DONE = "已停用账号 {login},其登录已全部失效。"
ACC_RESET = "重置密码"
ACC_RESET_DONE = "已重置账号 {login} 的密码,其登录已全部失效。"
ACC_SETTINGS_SAVE = "保存设置"
ACC_SETTINGS_SAVED = "设置已保存。"
AUD_INTRO = "每一次修改都记录在此:谁、何时、做了什么、修改前后。记录只能查询和导出,不能修改或删除。"
AUD_WHO = "操作人"
AUD_ACTION = "操作"
AUD_PLAN = "计划"
AUD_ALL = "全部计划"
AUD_ALL_ACTIONS = "全部操作"
AUD_DATES = "日期范围"
AUD_TEXT = "内容包含"
AUD_COUNT = "共 {n} 条"
AUD_LIMITED = "(只显示最近 500 条;导出包含全部符合条件的记录)"
AUD_EXPORT = "导出 Excel"
AUD_FILE = "操作记录.xlsx"
AUD_COL = {
    "at": "时间",
    "who": "操作人",
    "role": "角色",
    "action": "操作",
    "plan": "计划",
    "summary": "内容",
    "before": "修改前",
    "after": "修改后",
}


# -- 审批与版本 and 变更通知 (issue 12) -----------------------------------------------------------
PAGE["approval"] = ("审批与版本", ":material/approval:")
PAGE["notices"] = ("变更通知", ":material/campaign:")
AP_INTRO = "计划每经过一个审批环节,计划和当前方案都冻结为一个编号版本,之后不能再改:主席会议看到的就是当时的那一版。"
AP_STATE = "当前阶段"
AP_VERSION = "最新版本"
AP_ISSUED = "印发版本"
AP_NONE = "—"
AP_VERSION_N = "第 {n} 版"
AP_LAST_MOVE = "最近一次:{who} 于 {at}"
AP_REASON = "年中调整原因:{reason}"
AP_LOCKED = "计划处于「{state}」阶段,已冻结:不能修改议题、编排或采用方案。"
AP_LOCKED_ISSUED = (
    "计划已印发执行。如需调整,请发起年中调整(需填写调整原因),调整经审批后印发为新的版本,原印发版本仍可查看。"
)
AP_ACTIONS = "审批操作"
AP_NO_ACTIONS = "您的角色在当前阶段没有可做的审批操作。"
AP_NOTE = "说明(会议意见、退回理由等)"
AP_DATE = "日期(会议或决定日期)"
AP_REASON_INPUT = "调整原因"
AP_CONFIRM = "确认「{move}」?计划和当前方案将冻结为第 {n} 版,之后只能通过退回或年中调整修改。"
AP_CONFIRM_YES = "确认"
AP_CONFIRM_NO = "取消"
AP_MOVED = "已「{move}」,计划冻结为第 {n} 版。"
AP_HISTORY = "审批记录"
AP_NO_HISTORY = "还没有审批记录:计划仍是草案,提交征求意见后开始记录。"
AP_VERSIONS = "版本"
AP_PICK_VERSION = "选择版本"
AP_TAB_VIEW = "查看"
AP_TAB_COMPARE = "比较"
AP_TAB_EXPORT = "导出"
AP_TAB_COMMENTS = "意见"
AP_NO_SCHEDULE = "这一版冻结时还没有方案。"
AP_FIRST_VERSION = "这是第 1 版,没有上一版可比较。"
AP_SAME = "两版相比,议题的月份和牵头单位都没有变化。"
AP_DIFF = "两版相比,{n} 个议题的月份或牵头单位有变化:"
AP_EXPORT_DOCX = "计划文件(Word)"
AP_EXPORT_XLSX = "计划表(Excel)"
AP_FILE = "{body}{year}年度协商计划-第{n}版"
AP_COMMENT_INPUT = "意见"
AP_COMMENT_SEND = "提出意见"
AP_COMMENT_SAVED = "意见已保存。"
AP_NO_COMMENTS = "这一版还没有意见。"
AP_COMMENT_LINE = "**{who}**({role},{at},第 {n} 版):{text}"
AP_COL = {
    "number": "版本",
    "move": "操作",
    "from": "原阶段",
    "to": "进入阶段",
    "who": "操作人",
    "role": "角色",
    "at": "时间",
    "date": "日期",
    "note": "说明",
    "reason": "调整原因",
}
AP_STEP_ADJUST = "年中调整"

NT_INTRO = "计划印发后如有年中调整,调整审批通过并印发新版本时,每个受影响的部门、专委会和领导都会收到一条变更通知。"
NT_INTRO_LIAISON = "这里是 {department} 的变更通知:计划调整后,本部门参加的协商活动有哪些变化。"
NT_NONE = "还没有变更通知。"
NT_NONE_FILTERED = "所选范围内没有变更通知。"
NT_RECIPIENT = "接收单位/领导"
NT_ALL = "全部"
NT_VERSION = "印发版本"
NT_COUNT = "共 {n} 条变更通知,涉及 {k} 个部门、专委会或领导。"
NT_DOCX = "通知清单(Word)"
NT_XLSX = "通知清单(Excel)"
NT_ICS = "更新后的日历(.ics)"
NT_ICS_FOR = "日历接收方"
NT_ICS_HELP = "导入后,日历中的协商活动会移到新的月份(同一活动,不会重复);取消的活动会标为已取消。"
NT_FILE = "{body}{year}年度协商计划变更通知"
NT_COL = {
    "version": "版本",
    "kind": "类别",
    "recipient": "接收单位/领导",
    "topic": "议题",
    "change": "变更",
    "old_month": "原月份",
    "new_month": "新月份",
    "old_lead": "原牵头单位",
    "new_lead": "新牵头单位",
    "reason": "调整原因",
}
NT_VERSION_N = "第 {prev} 版 → 第 {n} 版"
AP_COMPARE_WITH = "与哪一版比较(印发版本默认与上一个印发版本比较)"
AP_EXPORT_JSON = "交换格式(JSON)"
AP_EXPORT_JSON_HELP = "计划和这一版的方案,可用「导入」或 python -m store import 读回。"
AP_ISSUED_READONLY = "计划已印发执行。"

# -- 领导总览 (pages/leadership.py, ui/leadership.py) -----------------------------------------
LS_INTRO = "全年安排一页总览,供主席会议等场合审阅、打印(只读)。各月议题按协商形式分组,★ 为重点议题,红色编号为负荷提示。"
LS_PDF = "下载 PDF(A4 横向)"
LS_PNG = "下载图片(PNG)"
LS_PDF_HELP = "由服务器上的浏览器排版,正好一页 A4 横向纸"
LS_PRINT_HINT = "也可在浏览器中按 Ctrl+P(Mac:⌘+P)直接打印:只打印下面这一页总览,不含侧栏和按钮,纸张设为 A4 横向。"
LS_NO_SCHEDULE = "这份计划尚未编排:总览中的月份是计划所列的固定月份、建议月份(拟);编排并采用方案后按方案显示。"
LS_FILE = "{stem}·全年总览"
LS_VIEWER = "领导"
