"""Every Chinese word a user reads from the solver, in one place to review.

The pages import their labels from here too, so the whole vocabulary of the
product can be read (and translated) as one file.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass

# -- names of the lists and fields of a plan ---------------------------------
SECTION = {
    "calendar": "日历",
    "forms": "协商形式",
    "committees": "专委会",
    "departments": "部门",
    "leaders": "领导",
    "topics": "议题",
    "plan": "计划",
}

FIELD = {
    "format": "格式标识",
    "body": "政协名称",
    "year": "年度",
    "id": "编号",
    "name": "名称",
    "title": "议题名称",
    "role": "职务",
    "months": "可用月份",
    "blackout_months": "不安排月份",
    "session_month": "全会月份",
    "max_topics_per_month": "每月议题上限",
    "session_only": "仅限全会期间",
    "max_per_month": "每月上限",
    "min_gap_months": "最小间隔月数",
    "unavailable_months": "不在岗月份",
    "form": "协商形式",
    "lead_options": "承办专委会(候选)",
    "co_organizers": "协办专委会",
    "departments": "协商部门",
    "leaders": "出席领导",
    "window": "时间窗口",
    "preferred_months": "建议月份",
    "fixed_month": "固定月份",
    "after": "前序议题",
    "notes": "备注",
    "topic": "议题",
    "month": "月份",
    "lead": "承办专委会",
    "assignments": "安排",
    "plan_year": "计划年度",
    "status": "状态",
}

# the kinds of entities that carry a load (departments, committees, leaders)
ENTITY_KIND = {"committee": "专委会", "department": "部门", "leader": "领导"}
GONE_TOPIC = "(计划中已无此议题)"  # a saved schedule names a topic the plan no longer has

STATUS = {
    "optimal": "最优方案",
    "feasible": "可行方案(未证明最优)",
    "infeasible": "无可行方案",
    "unknown": "未找到方案",
}


def month(m: int | None) -> str:
    return "未定" if m is None else f"{m}月"


def months(ms: Iterable[int]) -> str:
    ms = sorted(set(ms))
    if not ms:
        return "无"
    # Runs of consecutive months read better as ranges: 4–6月、9月
    runs: list[list[int]] = []
    for m in ms:
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(str(x) for x in r) for r in runs]
    return "、".join(parts) + "月"


def quote_list(names: Iterable[str]) -> str:
    return "、".join(names)


# -- general sentences of the solver -------------------------------------------------
# Each template is filled with str.format(**fields) by :func:`say`.
MSG = {
    # conflict summary
    "conflict_intro": "以下要求无法同时满足:",
    "conflict_pair": "{a},但 {b}",
    "same_topic": "该议题",
    # the clock stopped the shrinking of a conflict set: what was found so far
    "conflicts_partial": (
        "(求解时间已用完:这组要求确实无法同时满足,但未能逐条确认每一条都不可缺少;延长最长求解时间可得到最小的一组)"
    ),
    "infeasible_unexplained": (
        "已证明没有满足全部硬性规则的方案,但在 {limit} 秒内未能找出是哪几条要求互相冲突;"
        "请把最长求解时间设为至少 {retry} 秒后重试,以查看冲突所在"
    ),
    "unknown_timeout": "在 {limit} 秒内未找到可行方案,请延长求解时间后重试",
    # the search's limits
    "unknown_too_short": (
        "{limit} 秒不够为 {n} 个议题建立模型并检查结果(本机约需 {setup} 秒),未开始搜索;"
        "请把最长求解时间设为至少 {retry} 秒后重试"
    ),
    "bad_workers": "--workers 至少为 1(现为 {value})",
    "bad_time_limit": "--time-limit 必须大于 0 秒(现为 {value})",
    "unknown_setup_cut": (
        "{limit} 秒内未能完成 {n} 个议题的初始方案和建模(已用 {spent} 秒;按本次测得的机器速度,约需 {setup} 秒),"
        "未找到满足全部硬性规则的方案;请把最长求解时间设为至少 {retry} 秒后重试"
    ),
    "unknown_retry": (
        "在 {limit} 秒内未找到满足全部硬性规则的方案(建模和初始方案用了 {setup} 秒,搜索用了 {searched} 秒);"
        "按本次测得的用时,请把最长求解时间设为至少 {retry} 秒后重试"
    ),
}

# A retry is never suggested below this many seconds of search: a shorter one
# would mostly measure start-up noise.
RETRY_MIN_S = 1.0

# why the search stopped, as the planner reads it
STOPPED_BY = {
    "optimal": "已证明最优",
    "no_improvement": "再搜索也找不到更好的方案",
    "work_limit": "计算量用完,同一计划、同样设置的结果可复现",
    "time_limit": "时间用完,机器繁忙时结果可能不同",
    "infeasible": "已证明无可行方案",
}


# -- the command line (python -m solver) ---------------------------------------------
CLI_DESCRIPTION = """\
协商计划编排 — 年度协商计划的排程与检查。

  solve  读入一份计划(consult-plan/1 JSON),为每个议题安排月份和承办专委会,
         写出安排(consult-schedule/1 JSON)。无解时说明哪几条要求互相冲突。
  check  检查一份已有的安排(可手工填写,或去年已发布的计划)是否违反硬性规则,
         并列出软性预警(部门/领导超负荷、未排在建议月份等)。

软性目标(--weights 的键):
  {goals}

退出码:0 成功;1 输入文件有误或文件无法读写;2 命令用法有误;3 计划无可行方案;
        4 检查发现违反硬性规则;5 在时限内未找到方案(请延长时间重试);70 程序内部错误;130 被中断。
"""

CLI_EPILOG = """\
示例:
  python -m solver solve data/weihai-2023.json -o 安排.json
  python -m solver solve data/weihai-2023.json -o 新安排.json --baseline data/weihai-2023.published.json --time-limit 5
  python -m solver solve data/weihai-2023.json --weights '{"moved": 50, "department_overload": 10}'
  python -m solver check data/weihai-2023.json data/weihai-2023.published.json
"""


CLI = {
    "goal": "{goal}({label})",
    "solve": "编排:为每个议题安排月份和承办专委会",
    "check": "检查一份已有安排",
    "plan_metavar": "计划文件",
    "plan_help": "计划文件(consult-plan/1 JSON)",
    "file_metavar": "文件",
    "output_help": "写出安排的文件;省略则打印到屏幕",
    "schedule_metavar": "安排文件",
    "schedule_help": "安排文件(consult-schedule/1 JSON)",
    "solve_baseline_help": "原安排文件:再编排时尽量少调整议题,并以它为起点加速",
    "check_baseline_help": "原安排文件:统计相对它调整了多少议题",
    "seconds_metavar": "秒",
    "time_limit_help": "最长求解时间(秒,按实际经过的时间计,不含程序启动;大于 0,最多一天),默认 %(default)s",
    "count_metavar": "个数",
    "workers_help": "求解线程数(1–64),默认为本机核数 %(default)s",
    "weights_help": "软性目标权重(0–10000 的整数),如 '{\"moved\": 50}';目标名见 python -m solver --help",
    "verbose_help": "显示求解过程日志",
    "log_help": "显示运行日志(英文,供排查问题;也可设环境变量 XIESHANG_VERBOSE=1)",
    "json_help": "以 JSON 输出检查结果",
    "hint": "提示:{w}",
    "infeasible": "计划无可行方案。{explanation}",
    "solved": (
        "{status}:{n} 个议题,目标值 {objective}(下界 {bound}),用时 {seconds} 秒({stopped_by}),预警 {warnings} 条"
    ),
    "written": ",已写入 {path}",
    "hard": "硬性规则:{hard}",
    "hard_ok": "全部满足",
    "hard_broken": "违反 {n} 处",
    "soft": "软性预警:{n} 条",
    "counts": "统计:",
    # shared by the command lines (cli_common)
    "usage_error": "{prog}:命令用法有误:{error}",
    "seconds_not_number": "应为秒数(大于 0 的数字),实为 {text!r}",
    "seconds_not_positive": "应为大于 0 的有限秒数,实为 {text!r}",
    "seconds_too_long": "最多 {max:.0f} 秒(一天),实为 {text!r}",
    "not_int": "应为整数,实为 {text!r}",
    "arg_not_one_line": "应为一行文字,不能含控制字符、换行或不可见字符(含 U+{code:04X})",
    "arg_too_long": "最多 {max} 个字,实为 {n} 个字",
    "int_out_of_range": "应为 {span} 的整数,实为 {value}",
    "weights_not_json": "{arg} 不是有效的 JSON,应写成 '{{\"moved\": 50}}' 这样的对象。可用的目标:{goals}",
    "weights_not_object": "{arg} 应为 JSON 对象 {{目标: 权重}}。可用的目标:{goals}",
    "weights_unknown_goal": '{arg}:未知的目标 "{goal}"。可用的目标:{goals}',
    "weights_bad_weight": "{arg}:目标 {goal}({label})的权重应为 0–{max} 的整数,实为 {value}",
    "output_is_folder": "无法写出 {arg} {path}:这是一个文件夹,请给出文件名",
    "output_no_folder": "无法写出 {arg} {path}:文件夹 {folder} 不存在",
    "output_unencodable": "无法写出 {arg}:文本含无法编码的字符 {char!r}(第 {at} 个字符)",
    "stdout_failed": "无法写到屏幕(标准输出):{reason}",
    "arg_not_utf8": "参数 {arg} 含有无法识别的字符(不是 UTF-8 编码的文字):{text}",
    "output_failed": "无法写出 {arg} {path}:{reason}",
    "bad_input": "输入有误(共 {n} 处):",
    "too_deep": "输入的嵌套层数过深,无法处理",
    "interrupted": "已中断",
    "interrupted_solve": "已中断:求解已停止,未写出方案",
    "internal_error": "程序内部错误(请把这一行报告给维护者):{kind}: {err}",
}

# why a file could not be read or written (errno → reason); the system's English stays in the log
OS_REASON = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EROFS: "所在磁盘只读",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOENT: "文件或所在文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "读写磁盘出错",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.ELOOP: "路径中的链接形成了循环",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EFBIG: "文件过大",
    errno.EEXIST: "文件已存在",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EINVAL: "这个路径不能这样使用(例如设备文件)",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
    errno.ENOMEM: "内存不足",
    errno.EAGAIN: "资源暂时不可用,请稍后再试",
    errno.ECONNREFUSED: "对方拒绝连接",
    errno.ETIMEDOUT: "连接超时",
}
OS_REASON_OTHER = "系统错误(错误号 {errno})"
OS_REASON_NO_ERRNO = "系统错误"

# argparse's own words (Python 3.11–3.13) as they appear in help and usage; longer phrases first.
ARGPARSE_HELP = (
    ("show this help message and exit", "显示本帮助并退出"),
    ("show program's version number and exit", "显示版本号并退出"),
    ("positional arguments:", "位置参数:"),
    ("optional arguments:", "选项:"),
    ("options:", "选项:"),
    ("usage: ", "用法:"),
)

# argparse's complaints → Chinese. Each pattern matches a whole gettext message.
ARGPARSE_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (?P<a>.+)$", r"缺少必填参数:\g<a>"),
    (r"^unrecognized arguments: (?P<a>.+)$", r"无法识别的参数:\g<a>"),
    (r"^one of the arguments (?P<a>.+) is required$", r"以下参数必须给出其中一个:\g<a>"),
    (r"^ambiguous option: (?P<a>\S+) could match (?P<b>.+)$", r"选项 \g<a> 有歧义,可能是 \g<b>"),
    (r"^argument (?P<a>\S+): not allowed with argument (?P<b>\S+)$", r"参数 \g<a> 不能与 \g<b> 同时使用"),
    (r"^argument (?P<a>\S+): expected one argument$", r"参数 \g<a> 后面需要一个值"),
    (r"^argument (?P<a>\S+): expected at least one argument$", r"参数 \g<a> 后面至少需要一个值"),
    (r"^argument (?P<a>\S+): expected (?P<n>\d+) arguments?$", r"参数 \g<a> 后面需要 \g<n> 个值"),
    (r"^argument (?P<a>\S+): ignored explicit argument (?P<v>.+)$", r"参数 \g<a> 不接受值 \g<v>"),
    (
        r"^argument (?P<a>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)$",
        r"参数 \g<a> 的值 \g<v> 无效,可选:\g<c>",
    ),
    (r"^argument (?P<a>\S+): invalid int value: (?P<v>.+)$", r"参数 \g<a> 应为整数,实为 \g<v>"),
    (r"^argument (?P<a>\S+): invalid float value: (?P<v>.+)$", r"参数 \g<a> 应为数字,实为 \g<v>"),
    (r"^argument (?P<a>\S+): invalid (?P<t>\S+) value: (?P<v>.+)$", r"参数 \g<a> 的值 \g<v> 无效"),
    (r"^argument (?P<a>\S+): (?P<m>.+)$", r"参数 \g<a>:\g<m>"),
    (r"^expected one argument$", "需要一个值"),
)


# -- reading plan and schedule files (io) --------------------------------------------
IO = {
    "plan_file": "计划文件",
    "schedule_file": "安排文件",
    "label": "{what} {path}",
    "json_other": "格式错误",
    "utf16": "{what} 是 UTF-16 编码,请另存为 UTF-8",
    "other_format": "{what} 是{kind},不是 JSON 格式的计划文件。{hint}",
    "kind_zip": " Excel 或 Word 文件",
    "kind_zip_hint": (
        "Excel 计划表请先转换:python -m paperwork xlsx2json 计划.xlsx -o 计划.json;"
        "已发布的计划文档请用:python -m paperwork text2json 文件 -o 计划.json"
    ),
    "kind_ole": "旧版 Excel、Word 或 WPS 文件",
    "kind_ole_hint": (
        "Excel 表请先另存为 .xlsx 再用 python -m paperwork xlsx2json 转换;文档请用 python -m paperwork text2json 读取"
    ),
    "kind_pdf": " PDF 文件",
    "kind_pdf_hint": "已发布的计划 PDF 请用:python -m paperwork text2json 文件.pdf -o 计划.json",
    "kind_sqlite": "数据库文件",
    "kind_sqlite_hint": "数据库里的计划请用 python -m store export 导出为 JSON",
    "gbk_hint": "(看起来是 GBK/GB18030 编码)",
    "not_utf8": "{what} 不是 UTF-8 编码的文本{hint},第 {byte} 个字节无法识别;请另存为 UTF-8",
    "empty": "{what} 是空文件",
    "bad_json": "{what} 不是有效的 JSON:第 {line} 行第 {col} 列,{reason}",
    "bad_number": "{what} 含 {value},这不是有效的 JSON 数值",
    "too_deep": "{what} 嵌套层数过深(计划最多 {max} 层)",
    "is_folder": "{label} 是一个文件夹,请给出文件",
    "too_big": "{label} 超过 {limit} MB,不像是计划文件(是设备或其他文件吗?)",
    "not_found": "找不到{what} {path}",
    "no_permission": "没有权限读取{label}",
    "unreadable": "无法读取{label}:{reason}",
    "where_id": "{section} {id} 的",
    "where_row": "{section} 第 {row} 行的",
    "where_section": "{section}的",
    "surrogate": "{who}{field}含无法编码的字符(孤立的 UTF-16 代理项 \\ud800 一类)",
    "control": "{who}{field}含控制字符 {char!r},请删去(可能是换行或复制时带入的)",
    "invisible": "{who}{field}含换行符或不可见字符 U+{code:04X}(如零宽空格、文字方向控制符),请删去(多为复制时带入)",
    "not_object": "{what} 的顶层应为 JSON 对象 {{…}}",
    "no_topics": '{what} 没有 topics(议题列表);空计划请写 "topics": []',
    "no_format": '{what} 未写明 format,按 "{format}" 读取',
    "in_schedule": "安排文件中{message}",
}

# json module complaints (message starts) → Chinese
JSON_REASON = (
    ("Expecting value", "此处应有一个值"),
    ("Expecting property name enclosed in double quotes", "应为带英文双引号的字段名"),
    ("Expecting ',' delimiter", "缺少英文逗号 ,"),
    ("Expecting ':' delimiter", "缺少英文冒号 :"),
    ("Unterminated string starting at", "字符串缺少结束的双引号"),
    ("Invalid control character at", "字符串中含控制字符(如未转义的换行)"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义"),
    ("Invalid \\escape", "无效的反斜杠转义"),
    ("Extra data", "JSON 结束后还有多余内容"),
)


# -- checking a plan or schedule (validate) -------------------------------------------
# A field's complaint follows "<list> <id> 的<field>", so most begin with a space.
VALIDATE = {
    "where_id": "{section} {id}",
    "where_row": "{section} 第 {row} 行",
    "of_row": " 的",
    "of_section": "的",
    "other": "不正确",
    "bad_format": ' 应为 "{want}",实为 "{got}"',
    "bad_year": " {year} 无效(应为 {lo}–{hi} 之间的年份)",
    "bad_months": " 含无效月份 {months}(应为 1–12)",
    "no_months": " 为空,没有可安排的月份",
    "bad_month": " {month} 无效(应为 1–12)",
    "not_in_months": " {month} 不在可用月份中",
    "negative": " 不能为负数",
    "too_large": " 不能大于 {max}",
    "empty": " 为空",
    "duplicate_id": " 重复出现 {n} 次(编号必须唯一)",
    "duplicate_name": ' "{name}" 重复出现 {n} 次',
    "no_session": ",但日历未设全会月份",
    "missing_ref": ' "{ref}" 不存在',
    "duplicate_ref": ' "{ref}" 重复列出',
    "no_lead": " 为空,至少需要一个承办专委会",
    "lead_and_co": " {ids} 同时列为承办候选",
    "after_self": " 不能包含议题自身",
    "bad_window": " {window} 含无效月份(应为 1–12)",
    "window_backwards": " {lo}–{hi}月 起止颠倒(起始月份晚于结束月份)",
    "plan_not_object": "计划文件的顶层应为 JSON 对象 {…}",
    "bad_json": "{what}不是有效的 JSON:第 {line} 行第 {col} 列附近 {msg}",
    "plan_not_found": "找不到计划文件 {path}",
    "plan_not_utf8": "计划文件 {path} 不是 UTF-8 编码的文本",
    "schedule_not_object": "安排文件的顶层应为 JSON 对象 {…}",
    "schedule_shape": "安排文件 {loc} {text}",
    "schedule_format": '安排文件的格式标识应为 "{want}"',
    "schedule_duplicate": "安排中议题 {topic} 出现 {n} 次",
    "schedule_unknown_topic": '安排中的议题 "{topic}" 不在计划中',
    "schedule_bad_month": "安排中议题 {topic} 的月份 {month} 无效(应为 1–12)",
    "schedule_unknown_lead": '安排中议题 {topic} 的承办专委会 "{lead}" 不存在',
    "schedule_not_found": "找不到安排文件 {path}",
}

# pydantic error types → what is wrong with the field
PYDANTIC_TEXT = {
    "missing": "缺失(必填)",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "int_not_bool": "应为整数,不能是 true/false",
    "int_not_text": "应为整数(不加引号的数字),不能是文本",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "tuple_type": "应为 [起, 止] 两个月份",
    "too_short": "应为 [起, 止] 两个月份",
    "too_long": "应为 [起, 止] 两个月份",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "model_type": "格式不正确",
    "dict_type": "格式不正确",
    "finite_number": "应为有限的数(不能是无穷大或 NaN)",
    "float_type": "应为数",
    "float_parsing": "应为数",
    "greater_than_equal": "数值太小",
    "greater_than": "数值太小",
    "less_than_equal": "数值太大",
    "less_than": "数值太大",
    "enum": "不是可选的值之一",
    "literal_error": "不是可选的值之一",
    "string_too_short": "不能为空",
    "string_too_long": "太长",
    "list_too_long": "项数太多",
    "none_required": "应为空(null)",
}


# -- the rules' words ----------------------------------------------------------------
@dataclass(frozen=True)
class RuleText:
    """Everything a planner reads about one rule (see :mod:`solver.rules`).

    ``requirement`` names the planner's requirement in a conflict explanation;
    ``violation`` reports a schedule that breaks a hard rule or misses a soft
    goal; ``capacity`` is the counting pre-check's sentence, ``capacity_label``
    its short name. ``help`` says what one unit of a soft goal counts (the
    weight slider's help). Templates are filled with ``str.format``.
    """

    label: str
    violation: str
    requirement: str = ""
    capacity: str = ""
    capacity_label: str = ""
    help: str = ""


# the structure of a schedule (each topic placed once, in a calendar month, led by a candidate)
UNASSIGNED = RuleText("未安排议题", "{topic} 没有安排月份")
DUPLICATE = RuleText("重复安排", "{topic} 被安排了 {n} 次")
UNKNOWN_TOPIC = RuleText("计划外议题", "安排中的议题 {topic} 不在计划中")
NOT_IN_CALENDAR = RuleText("不在可用月份", "{topic} 安排在 {month},不在日历可用月份中")
LEAD = RuleText("承办专委会不在候选中", "{topic} 由 {committee} 承办,不在候选承办专委会中")
# calendar
WINDOW = RuleText(
    "时间窗口",
    "{topic} 安排在 {month},超出时间窗口 {window}",
    requirement="{topic} 的时间窗口为 {window}",
)
BLACKOUT = RuleText(
    "不安排月份",
    "{topic} 安排在不安排协商的 {month}",
    requirement="{month} 为不安排协商的月份",
)
FIXED_MONTH = RuleText(
    "固定月份",
    "{topic} 固定在 {fixed},却安排在 {month}",
    requirement="{topic} 固定在 {month}",
)
SESSION_ONLY = RuleText(
    "全会期间",
    "{topic}({form})应在全会月份 {session},却安排在 {month}",
    requirement="{topic}({form})只能安排在全会月份 {month}",
)
# people
LEADER_UNAVAILABLE = RuleText(
    "领导不在岗",
    "{topic} 安排在 {month},但 {leader} {month} 不在岗",
    requirement="{leader} {month} 不在岗",
)
# limits
MONTH_LIMIT = RuleText(
    "每月议题上限",
    "{month} 安排了 {load} 项协商(上限 {limit})",
    requirement="每月最多安排 {limit} 项协商",
    capacity="共 {n} 项协商,每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 项",
    capacity_label="每月议题上限(容量不足)",
)
FORM_LIMIT = RuleText(
    "协商形式每月上限",
    "{form} {month} 有 {load} 项(上限 {limit})",
    requirement="{form} 每月最多 {limit} 项",
    capacity="{n} 个{form} 每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 个",
    capacity_label="协商形式每月上限(容量不足)",
)
COMMITTEE_LIMIT = RuleText(
    "专委会每月上限",
    "{committee} {month} 承办 {load} 项(上限 {limit})",
    requirement="{committee} 每月最多承办 {limit} 项",
    capacity="{committee} 必须承办 {n} 项,每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 项",
    capacity_label="专委会每月上限(容量不足)",
)
FORM_GAP = RuleText(
    "协商形式间隔",
    "{form} {a} 与 {b} 只相隔 {diff} 个月(至少 {gap} 个月)",
    requirement="{form} 之间至少间隔 {gap} 个月",
    capacity="{n} 个{form} 需间隔 {gap} 个月,但可用月份({months})只容得下 {cap} 个",
    capacity_label="协商形式间隔(容量不足)",
)
# order
AFTER = RuleText(
    "先后顺序",
    "{topic} 安排在 {month},未晚于前序议题 {before}({before_month})",
    requirement="{topic} 须安排在 {before} 之后",
    capacity="前序关系形成循环:{cycle}",
    capacity_label="先后顺序成环",
)
# load (soft)
DEPARTMENT_OVERLOAD = RuleText(
    "部门超负荷",
    "{department} {month} 需参加 {load} 项协商(上限 {limit})",
    help="某部门一个月内需参加的协商超过其每月上限,每超 1 项计一次",
)
LEADER_OVERLOAD = RuleText(
    "领导超负荷",
    "{leader} {month} 需出席 {load} 项协商(上限 {limit})",
    help="某领导一个月内需出席的协商超过其每月上限,每超 1 项计一次",
)
UNEVEN_SPREAD = RuleText(
    "全年分布不均",
    "{month} 安排了 {load} 项协商,高于全年均衡水平 {limit} 项",
    help="最忙月份的议题数超过全年平均水平,每超 1 项计一次",
)
DEPARTMENT_BACK_TO_BACK = RuleText(
    "部门连续两月参加协商",
    "{department} {month} 与 {next_month} 连续两个月参加协商",
    help="同一部门相邻两个月都要参加协商,每出现一次计一次(默认权重 0,即只提示不计分)",
)
# wishes (soft)
PREFERRED_MONTH_MISSED = RuleText(
    "未安排在建议月份",
    "{topic} 安排在 {month},未在建议月份 {preferred}",
    help="议题未能安排在提出方建议的月份,每个议题计一次",
)
MOVED = RuleText(
    "较原方案调整",
    "{topic} 由 {before} 调整为 {after}",
    help="再次编排时,议题的月份或承办专委会与原方案不同,每个议题计一次",
)


# how a sentence begins with a topic label (see topic_label): "T01「…」"
TOPIC_LABEL_RE = r"^[^\s「」]+「[^」]*」"


def topic_label(tid: str, title: str | None = None, *, width: int = 14) -> str:
    """How a topic is named in a sentence: its id and the start of its title."""
    if not title:
        return tid
    short = title if len(title) <= width else title[: width - 1] + "…"
    return f"{tid}「{short}」"


def fill(template: str, **fields: object) -> str:
    """A sentence from a template; a topic label ends in 」, so no space follows it."""
    return template.format(**fields).replace("」 ", "」")


def say(key: str, **fields: object) -> str:
    """The general sentence ``MSG[key]`` filled with ``fields``."""
    return fill(MSG[key], **fields)
