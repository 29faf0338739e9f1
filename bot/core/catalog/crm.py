"""Words of /crm: search, tags, capture, segments, settings and classification."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "chart_title": {
        "en": "{segment}: customers by stage, last {weeks} weeks",
        "zh": "{segment}：近 {weeks} 周各阶段客户数",
    },
    "chart_customers": {"en": "customers", "zh": "客户数"},
    "chart_week_ending": {"en": "week ending", "zh": "周截止日期"},
    "chart_file_title": {"en": "{segment} by week", "zh": "{segment} 每周变化"},
    "chart_alt": {
        "en": "Bar chart: {segment} had {size} customers this week, by lifecycle stage, over {weeks} weeks",
        "zh": "柱状图：{segment} 本周 {size} 个客户，近 {weeks} 周按生命周期阶段分布",
    },
    "chart_failed": {
        "en": "⚠️ The chart could not be attached ({reason}); the summary above is complete without it.",
        "zh": "⚠️ 图表未能附上（{reason}）；以上摘要内容完整。",
    },
    "chart_preview": {
        "en": "The chart comes with the weekly post in the channel.",
        "zh": "图表会随每周摘要发到频道里。",
    },
    "digest_title": {
        "en": "Weekly summary: {segment} — {count} customers",
        "en_one": "Weekly summary: {segment} — 1 customer",
        "zh": "每周摘要：{segment} — {count} 个客户",
    },
    "digest_late": {"en": "⚠️ Sent late: it was due {ago}.", "zh": "⚠️ 延迟发送：原定于{ago}。"},
    "digest_changes": {
        "en": "*Joined:* {joined}\n*Left:* {left}",
        "zh": "*新加入：*{joined}\n*离开：*{left}",
    },
    "digest_complaints": {"en": "Complaints this week", "zh": "本周投诉"},
    "digest_complaint_counts": {
        "en": "{opened} opened · {resolved} resolved",
        "zh": "新增 {opened} · 解决 {resolved}",
    },
    "digest_moves": {"en": "Stage moves this week", "zh": "本周阶段变化"},
    "digest_top_value": {"en": "Top customers by value (12 months)", "zh": "价值最高的客户（近12个月）"},
    "digest_quiet": {"en": "Longest without contact", "zh": "最久未联系"},
    "digest_never": {"en": "never", "zh": "从未"},
    "digest_team": {"en": "Follow-ups: done this week / overdue now", "zh": "跟进：本周完成 / 当前逾期"},
    "digest_owner_line": {
        "en": "• <@{user}>: {done} done / {overdue} overdue",
        "zh": "• <@{user}>：完成 {done} / 逾期 {overdue}",
    },
    "digest_usage": {
        "en": "Write `/crm digest subscribe <segment> every monday 9:00 [time zone]`; also `/crm digest list`, `/crm digest unsubscribe <segment>`, `/crm digest preview <segment>`, `/crm digest send <segment>` (post it here now).",
        "zh": "请写 `/crm digest subscribe <分组> 每周一 9:00 [时区]`；还有 `/crm digest list`、`/crm digest unsubscribe <分组>`、`/crm digest preview <分组>`、`/crm digest send <分组>`（立即发到本频道）。",
    },
    "digest_bad_tz": {
        "en": "{tz} is not a time zone; use a name like Asia/Shanghai.",
        "zh": "{tz} 不是有效时区，请用 Asia/Shanghai 这样的名称。",
    },
    "digest_subscribed": {
        "en": "This channel gets the summary of *{segment}* every {day} at {time} ({tz}).",
        "zh": "本频道将于每{day} {time}（{tz}）收到 *{segment}* 的摘要。",
    },
    "digest_not_posted": {
        "en": "Slack did not take the summary here. Invite me to this channel (`/invite @Rapport`) and try again.",
        "zh": "摘要没能发到这里。请先邀请我进入本频道（`/invite @Rapport`）再试一次。",
    },
    "digest_sending": {
        "en": "Posting this week's summary of *{segment}* here; its chart follows in the thread.",
        "zh": "正在本频道发布 *{segment}* 的本周摘要，图表随后发在消息串里。",
    },
    "digest_list": {"en": "Summaries in this channel:", "zh": "本频道订阅的摘要："},
    "digest_none": {"en": "This channel has no summaries.", "zh": "本频道没有订阅摘要。"},
    "digest_unsubscribed": {
        "en": "Stopped {count} summaries of *{segment}* here.",
        "en_one": "Stopped 1 summary of *{segment}* here.",
        "zh": "已停止本频道 {count} 个 *{segment}* 摘要。",
    },
    "capture_no_customer": {
        "en": "I couldn't tell which customer that message is about. Use the message's *Save as customer note* shortcut to choose, or make this a capture channel: `/crm settings capture here <customer>`.",
        "zh": "看不出这条消息是关于哪个客户的。请用消息菜单里的「Save as customer note」选择客户，或把本频道设为记录频道：`/crm settings capture here <客户>`。",
    },
    "capture_saved": {
        "en": "📝 Saved as a note on *{customer}*.",
        "zh": "📝 已记录到 *{customer}*。",
    },
    "capture_already_saved": {
        "en": "That message was already saved as a note.",
        "zh": "这条消息已经记录过了。",
    },
    "crm_tag_usage": {
        "en": "Write `/crm tag <customer> +tag -tag`, e.g. `/crm tag acme +vip -trial`, or `/crm tag #renewal-2027 +priority` for every customer tagged #renewal-2027.",
        "zh": "请写 `/crm tag <客户> +标签 -标签`，例如 `/crm tag 阿里巴巴 +大客户 -试用`，或 `/crm tag #续约 +重点` 给所有带 #续约 的客户加标签。",
    },
    "crm_tagged": {
        "en": "Tags changed on {count} customers: {names}. Added: {added}. Removed: {removed}.",
        "en_one": "Tags changed on 1 customer: {names}. Added: {added}. Removed: {removed}.",
        "zh": "已更新 {count} 个客户的标签：{names}。添加：{added}。移除：{removed}。",
    },
    "crm_tag_absent": {
        "en": "(Not there to remove: {tags}.)",
        "zh": "（本来就没有：{tags}。）",
    },
    "search_more": {
        "en": "{count} more results not shown here: narrow the search (a customer, a #tag, an author) to see them.",
        "zh": "另有 {count} 条结果未在此显示：请缩小搜索范围（客户、#标签、作者）后查看。",
    },
    "search_title": {
        "en": "Notes matching “{query}”: {count}",
        "zh": "匹配“{query}”的笔记：{count} 条",
    },
    "search_nothing": {
        "en": "Nothing found. Try fewer words, or drop a filter.",
        "zh": "没有找到。试试少一些关键词，或去掉筛选条件。",
    },
    "search_empty": {
        "en": "Search for something: `/crm search pricing #renewal customer:acme since:2026-01-01`.",
        "zh": "请输入要搜索的内容：`/crm search 报价 #续约 customer:阿里巴巴 since:2026-01-01`。",
    },
    "search_bad_filter": {
        "en": "`{filter}:{value}` is not understood. Dates look like 2026-01-31; people like @someone.",
        "zh": "无法理解 `{filter}:{value}`。日期请写 2026-01-31，人员请写 @某人。",
    },
    "churn_warning": {
        "en": "No contact with {customer} for {days} days — last note: {note}",
        "zh": "已有 {days} 天没有联系 {customer} — 最近一条笔记：{note}",
    },
    "crm_bad_thresholds": {
        "en": "Write `/crm settings stages <at-risk days> <churned days>`, e.g. `/crm settings stages 30 90` (the first smaller than the second).",
        "zh": "请写 `/crm settings stages <风险天数> <流失天数>`，例如 `/crm settings stages 30 90`（前者小于后者）。",
    },
    "crm_thresholds_set": {
        "en": "Buyers are at risk after {at_risk} days without a note, churned after {churn}.",
        "zh": "客户 {at_risk} 天无联系为有流失风险，{churn} 天为已流失。",
    },
    "crm_bad_rate": {
        "en": "Write `/crm settings rate EUR 1.08`: a currency code and how much of the workspace currency one unit buys.",
        "zh": "请写 `/crm settings rate EUR 7.8`：币种代码，以及一单位可换多少本工作区货币。",
    },
    "crm_rate_set": {
        "en": "1 {currency} = {rate} {base}.",
        "zh": "1 {currency} = {rate} {base}。",
    },
    "crm_recomputing": {
        "en": "Classifying every customer now; the result follows here in a moment.",
        "zh": "正在为所有客户重新分类，结果稍后显示在这里。",
    },
    "crm_recomputed": {
        "en": "Classified {customers} customers: {moved} moved stage, {warnings} churn warnings sent.{missing}",
        "zh": "已为 {customers} 个客户分类：{moved} 个阶段变化，发出 {warnings} 条流失预警。{missing}",
    },
    "crm_missing_rates": {
        "en": " No rate for {currencies}: those purchases were left out (`/crm settings rate …`).",
        "zh": " 缺少 {currencies} 的汇率，相关购买未计入（`/crm settings rate …`）。",
    },
    "segment_title": {
        "en": "Segment {name}: {count} customers",
        "en_one": "Segment {name}: 1 customer",
        "zh": "分组 {name}：{count} 个客户",
    },
    "segment_open_follow_ups": {
        "en": "{count} open follow-ups",
        "en_one": "1 open follow-up",
        "zh": "{count} 个待办跟进",
    },
    "segment_empty_members": {
        "en": "No customer is in it right now.",
        "zh": "目前没有客户在这个分组里。",
    },
    "segment_more": {
        "en": "…and {count} more.",
        "zh": "……还有 {count} 个。",
    },
    "segment_list_title": {
        "en": "Segments",
        "zh": "客户分组",
    },
    "segment_help": {
        "en": "`/crm segment create <name> <filters>`, `/crm segment show <name>`, `/crm segment delete <name>`. Filters: tag:, anytag:, stage:, tier:, owner:, region:, industry:, inactive:30d, bought:90d, complaints:90d, complaints:open",
        "zh": "`/crm segment create <名称> <条件>`、`/crm segment show <名称>`、`/crm segment delete <名称>`。条件：标签:、任一标签:、阶段:、价值:、负责人:、地区:、行业:、未联系:30天、购买:90天、投诉:90天、投诉:未解决",
    },
    "segment_bad_word": {
        "en": "`{word}` is not a filter I know. Try tag:vip, stage:at_risk, tier:high, inactive:30d.",
        "zh": "无法理解 `{word}`。可以用 标签:大客户、阶段:风险、价值:高、未联系:30天。",
    },
    "segment_empty": {
        "en": "Give the segment at least one filter.",
        "zh": "请至少给出一个筛选条件。",
    },
    "segment_bad_name": {
        "en": "`{name}` cannot be a segment name: use letters, digits, - and _ (and not a built-in name).",
        "zh": "`{name}` 不能作为分组名：请用字母、数字、- 和 _（且不与内置分组重名）。",
    },
    "segment_not_found": {
        "en": "There is no segment called {name}.",
        "zh": "没有叫 {name} 的分组。",
    },
    "segment_deleted": {
        "en": "Deleted the segment {name}.",
        "zh": "已删除分组 {name}。",
    },
    "crm_bad_emoji": {
        "en": "Give an emoji name like `:memo:`.",
        "zh": "请给出表情名称，例如 `:memo:`。",
    },
    "crm_capture_on": {
        "en": "Every new message in <#{channel}> is now a note on *{customer}*.",
        "zh": "<#{channel}> 里的每条新消息都会记录到 *{customer}*。",
    },
    "crm_capture_off": {
        "en": "<#{channel}> is no longer a capture channel.",
        "zh": "<#{channel}> 不再自动记录。",
    },
    "crm_emoji_set": {
        "en": "Reacting with :{emoji}: to a message now saves it as a note.",
        "zh": "用 :{emoji}: 回应消息即可把它记为笔记。",
    },
    "crm_help": {
        "en": "*/crm commands*\n• `/crm search <words> [#tag] [customer:acme] [from:@someone] [since:2026-01-01]`\n• `/crm settings capture here <customer>` (or `#channel <customer>`); `/crm settings capture here off`\n• `/crm settings emoji :memo:` — the reaction that saves a message as a note\n• `/crm tag acme +vip -trial`, `/crm tag #renewal-2027 +priority`\n• `/crm settings stages 30 90`, `/crm settings rate EUR 1.08`, `/crm recompute`\n• `/crm segment create vip-at-risk tier:high stage:at_risk`, `/crm segment list`, `/crm segment show vip`\n• `/crm digest subscribe vip every monday 9:00`, `/crm digest list`, `/crm digest preview vip`, `/crm digest send vip`, `/crm digest unsubscribe vip`",
        "zh": "*/crm 命令*\n• `/crm search <关键词> [#标签] [customer:客户] [from:@同事] [since:2026-01-01]`\n• `/crm settings capture here <客户>`（或 `#频道 <客户>`），`/crm settings capture here off`\n• `/crm settings emoji :memo:` — 用这个表情回应消息即可记为笔记\n• `/crm tag 阿里巴巴 +大客户 -试用`，`/crm tag #续约 +重点`\n• `/crm settings stages 30 90`，`/crm settings rate USD 7.2`，`/crm recompute`\n• `/crm segment create 大客户风险 阶段:风险 标签:大客户`，`/crm segment list`，`/crm segment show vip`\n• `/crm digest subscribe vip 每周一 9:00`，`/crm digest list`，`/crm digest preview vip`，`/crm digest send vip`，`/crm digest unsubscribe vip`",
    },
}
