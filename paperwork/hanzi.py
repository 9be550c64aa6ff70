"""Traditional → simplified characters, for the words of a consultation plan.

Not a general converter (that is OpenCC's job): a table of the characters
that occur in government work plans, enough to read a plan published in
traditional characters (like seed 001) and match its names against ours.
Characters whose simplified form depends on the word (著/着, 乾/干, 瞭/了 …)
are left alone on purpose.
"""

from __future__ import annotations

import unicodedata

_PAIRS = (
    "個个 傳传 傾倾 優优 內内 兩两 凈净 淨净 別别 創创 劃划 動动 務务 勝胜 勢势 匯汇 彙汇 協协 參参 員员 問问 喚唤"
    " 單单 國国 圍围 園园 團团 執执 堅坚 報报 學学 實实 寫写 寬宽 專专 對对 導导 屆届 層层 屬属 帶带 廢废"
    " 廣广 張张 強强 從从 復复 複复 徹彻 態态 應应 戰战 揚扬 揮挥 擔担 擴扩 擺摆 斷断 時时 書书 會会 條条"
    " 業业 極极 榮荣 構构 標标 樣样 機机 檔档 決决 況况 準准 溝沟 溫温 滿满 漢汉 潔洁 濟济 為为 爲为 熱热"
    " 營营 牽牵 獨独 獻献 現现 環环 產产 異异 當当 發发 監监 眾众 衆众 確确 礎础 種种 積积 節节 簡简 紀纪"
    " 級级 細细 組组 結结 絡络 統统 經经 綜综 綠绿 維维 網网 緊紧 緒绪 線线 綫线 編编 總总 績绩 織织 繞绕"
    " 續续 義义 習习 聯联 職职 聽听 臺台 與与 興兴 舉举 蓋盖 處处 號号 術术 裝装 見见 規规 視视 覺觉 計计"
    " 討讨 訓训 記记 訪访 設设 訴诉 診诊 評评 話话 認认 誠诚 課课 誼谊 調调 談谈 論论 諧谐 講讲 識识 議议"
    " 護护 變变 豐丰 貢贡 貫贯 責责 資资 質质 跡迹 軌轨 載载 輪轮 輯辑 轉转 辦办 農农 進进 運运 過过 適适"
    " 鄉乡 釋释 針针 銜衔 鋒锋 鍛锻 鎮镇 門门 閉闭 開开 關关 陣阵 陽阳 隊队 階阶 際际 雙双 難难 項项 順顺"
    " 領领 頭头 頻频 題题 風风 饋馈 驅驱 體体 鮮鲜 麗丽 點点 黨党 龍龙 區区 縣县 長长 東东 們们 車车 軍军"
    " 電电 語语 說说 請请 讓让 觀观 歡欢 權权 歷历 曆历 氣气 漁渔 灣湾 燈灯 爭争 狀状 獎奖 華华 萬万 衛卫"
    " 醫医 藥药 療疗 險险 養养 餘余 館馆 隨随 雲云 靈灵 頂顶 預预 頒颁 類类 顧顾 飛飞 馬马 驗验 髮发 鬥斗"
    " 魚鱼 鳥鸟 麥麦 齊齐 軟软 輕轻 較较 輸输 邊边 遠远 違违 達达 遷迁 選选 還还 鄰邻 錢钱 鐵铁 銀银 錄录"
    " 鍵键 陸陆 陳陈 隱隐 雜杂 離离 億亿 僅仅 價价 儀仪 儘尽 盡尽 兒儿 減减 則则 剛刚 劇剧 勞劳 勵励 廠厂"
    " 後后 徵征 戶户 據据 攜携 擊击 敵敌 數数 於于 舊旧 晉晋 來来 樓楼 樂乐 歸归 殘残 殺杀 沒没 滅灭 漲涨"
    " 潛潜 濕湿 災灾 無无 煙烟 燒烧 牆墙 獲获 畫画 盤盘 礙碍 禮礼 禍祸 稅税 穩稳 窮穷 競竞 筆笔 範范 築筑"
    " 糧粮 約约 紅红 納纳 紙纸 純纯 絕绝 給给 絲丝 綱纲 緣缘 練练 縮缩 繼继 罰罚 罷罢 聖圣 聞闻 聲声 腦脑"
    " 臨临 藝艺 莊庄 葉叶 藍蓝 蘭兰 蟲虫 衝冲 補补 製制 襲袭 親亲 訂订 許许 證证 詢询 試试 詳详 誌志 諸诸"
    " 謀谋 謝谢 譯译 讀读 負负 財财 貨货 販贩 貧贫 貸贷 費费 賠赔 賣卖 買买 賦赋 購购 贊赞 趕赶 趨趋 踐践"
    " 輔辅 輝辉 轄辖 辭辞 這这 連连 週周 遞递 遺遗 錯错 鋼钢 閒闲 間间 閱阅 闡阐 陰阴 雖虽 靜静 須须 額额"
    " 顏颜 願愿 顯显 飯饭 寧宁 審审 將将 尋寻 歲岁 島岛 崗岗 嶺岭 幣币 師师 幫帮 廳厅 彈弹 徑径 恆恒 悅悦"
    " 惡恶 愛爱 慮虑 慶庆 憲宪 懷怀 戲戏 擁拥 擇择 擬拟 攝摄 敗败 斂敛 橋桥 檢检 殼壳 測测 濱滨 爾尔 犧牺"
    " 畢毕 盜盗 碼码 稱称 穀谷 簽签 籌筹 緩缓 縱纵 膽胆 艦舰 蘇苏 裡里 裏里 覽览 訊讯 託托 訟讼 詞词 誤误"
    " 誰谁 謂谓 譜谱 賀贺 賓宾 賴赖 贏赢 趙赵 軸轴 辯辩 遊游 郵邮 鄭郑 鐘钟 鑑鉴 鑒鉴 霧雾 響响 頁页 頓顿"
    " 颱台 檯台 夥伙 麼么 隻只 鍊炼 煉炼 禦御 壓压 壞坏 壯壮 聲声 備备 倉仓 傷伤 僑侨 價价 儲储 凱凯 劍剑"
    " 勳勋 卻却 厲厉 吳吴 員员 啟启 喪丧 嚴严 圖图 場场 塊块 墾垦 壇坛 奪夺 奮奋 婦妇 媽妈 孫孙 宮宫 寶宝"
    " 尷尴 屍尸 岡冈 巖岩 幹干 幾几 庫库 廟庙 廬庐 彎弯 徹彻 憶忆 懸悬 戀恋 戶户 掃扫 掛挂 採采 換换 揭揭"
    " 損损 搖摇 搶抢 撥拨 撫抚 擋挡 擠挤 擾扰 攔拦 攤摊 敘叙 斃毙 暢畅 暫暂 曉晓 術术 枱台 棄弃 棟栋 楊杨"
    " 槍枪 樞枢 樹树 橫横 歐欧 殯殡 毀毁 氫氢 滬沪 滯滞 滲渗 潤润 澤泽 濃浓 瀏浏 灑洒 爐炉 牌牌 獄狱 瑤瑶"
    " 甕瓮 療疗 癒愈 發发 盞盏 矚瞩 礦矿 祿禄 禪禅 稟禀 穌稣 窯窑 竊窃 籃篮 籤签 粵粤 糾纠 紛纷 紹绍 終终"
    " 組组 絡络 綁绑 綿绵 緝缉 緯纬 縫缝 縣县 績绩 繩绳 繪绘 繳缴 纖纤 缽钵 罈坛 羅罗 聰聪 肅肃 脅胁 脈脉"
    " 脫脱 腎肾 腳脚 膚肤 臉脸 臟脏 艱艰 芻刍 蒼苍 蓮莲 蔣蒋 薦荐 薩萨 藏藏 蘋苹 虛虚 虧亏 蝕蚀 衊蔑 褲裤"
    " 覆覆 觸触 訃讣 訣诀 詐诈 該该 詩诗 誇夸 誕诞 誘诱 説说 諮咨 諾诺 謊谎 謹谨 譴谴 豎竖 貓猫 貝贝 貿贸"
    " 賄贿 賬账 賽赛 贈赠 贓赃 跡迹 躍跃 輛辆 輩辈 轟轰 辦办 遙遥 遜逊 遲迟 鄧邓 醜丑 釀酿 釣钓 鈴铃 鉅巨"
    " 銷销 鋪铺 鍋锅 鏈链 鐘钟 閃闪 闊阔 闖闯 阻阻 陝陕 隸隶 雞鸡 雛雏 霸霸 韋韦 韓韩 頸颈 頻频 顆颗 颳刮"
    " 飄飘 飽饱 餅饼 駐驻 駕驾 騎骑 騰腾 騷骚 驚惊 骯肮 鬆松 鬧闹 鳳凤 鴻鸿 鵬鹏 鹽盐 黴霉 齡龄 龜龟"
)

# A PDF made by a browser (Chromium's print to PDF) or some converters maps the glyphs of
# common characters to the look-alike radicals: "⽉" (U+2F49 KANGXI RADICAL MOON) for 月,
# "部⻔" with U+2ED4 (C-SIMPLIFIED GATE) for 门. NFKC folds the Kangxi radicals
# (U+2F00–U+2FD5) but not the CJK Radicals Supplement (U+2E80–U+2EF3): these are the
# supplement's radicals that stand for a whole character, after Unicode's
# EquivalentUnifiedIdeograph.txt.
_RADICAL_PAIRS = (
    "⺀冫 ⺁厂 ⺄乙 ⺅亻 ⺇几 ⺈刀 ⺊卜 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵"
    " ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪疋 ⺫目 ⺬示 ⺭礻 ⺮竹 ⺯糹"
    " ⺰纟 ⺱罓 ⺲罒 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽臼 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻏阝 ⻐钅"
    " ⻑長 ⻒镸 ⻓长 ⻔门 ⻕阜 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟"
    " ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻬齐 ⻮齿 ⻰龙 ⻳龟"
)

_TABLE = {}
for _pair in _PAIRS.split():
    _t, _s = _pair
    if _t != _s:
        _TABLE[ord(_t)] = _s
RADICALS = {ord(_r): _c for _r, _c in _RADICAL_PAIRS.split()}
RADICALS.update({c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)})
_TABLE.update(RADICALS)


def plain_ideographs(text: str) -> str:
    """Radicals standing for whole characters (as browser-made PDFs give them) as those characters."""
    return text.translate(RADICALS)


def to_simplified(text: str) -> str:
    """Replace the traditional characters we know (and look-alike radicals); leave everything else as it is."""
    return text.translate(_TABLE)


def looks_traditional(text: str, *, threshold: int = 3) -> bool:
    """True when the text has several characters from the table."""
    return sum(1 for ch in text if ord(ch) in _TABLE) >= threshold
