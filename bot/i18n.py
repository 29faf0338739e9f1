"""Words shown to people, in English and Chinese. One catalog; renderers pick by language."""

from __future__ import annotations

import re
from typing import Any

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

LANGS = ("en", "zh")

CATALOG: dict[str, dict[str, str]] = {
    "note_usage_title": {"en": "How to write a note", "zh": "怎样记一条笔记"},
    "note_usage": {
        "en": "`/note <customer> <what happened>`: the customer first, then what happened. "
        "Tags with `#`, a follow-up date in plain words.",
        "zh": "`/note <客户> <内容>`：先写客户，再写发生了什么。用 `#` 加标签，跟进时间直接写。",
    },
    "note_usage_examples": {
        "en": "• `/note acme called re pricing, follow up next tue #pricing`\n"
        '• `/note "Acme Health" bought 20 seats $12k #won`\n'
        "• `/note Globex: unhappy with delivery times #logistics`",
        "zh": "• `/note 阿里巴巴 电话沟通报价，下周二跟进 #报价`\n"
        "• `/note 字节跳动 下单了 50 个席位，总价 3.5万元`\n"
        "• `/note “中国移动” 上周三拜访过 #拜访`",
    },
    "note_error_empty": {
        "en": "That note is empty.",
        "zh": "这条笔记是空的。",
    },
    "note_error_only_tags": {
        "en": "That note has only tags: say which customer it is about and what happened.",
        "zh": "这条笔记只有标签：请写上客户和发生了什么。",
    },
    "note_error_no_customer": {
        "en": "I couldn't tell which customer this is about. Put the customer's name first.",
        "zh": "没看出是哪个客户。请把客户名写在最前面。",
    },
    "note_error_detail": {"en": "{detail}", "zh": "{detail}"},
    "note_saved": {"en": "Saved a note on *{customer}*", "zh": "已记录到 *{customer}*"},
    "note_saved_new_customer": {
        "en": "Saved a note on *{customer}* (new customer)",
        "zh": "已记录到 *{customer}*（新客户）",
    },
    "field_customer": {"en": "Customer", "zh": "客户"},
    "field_tags": {"en": "Tags", "zh": "标签"},
    "field_text": {"en": "Note", "zh": "内容"},
    "field_channel": {"en": "Contact", "zh": "联系方式"},
    "field_category": {"en": "Kind", "zh": "类别"},
    "field_amount": {"en": "Amount", "zh": "金额"},
    "field_follow_up": {"en": "Follow-up", "zh": "跟进"},
    "field_occurred": {"en": "When", "zh": "发生时间"},
    "field_mentions": {"en": "People", "zh": "相关同事"},
    "field_notes": {"en": "Notes", "zh": "笔记数"},
    "field_last_contact": {"en": "Last contact", "zh": "最近联系"},
    "none": {"en": "none", "zh": "无"},
    "button_undo": {"en": "Undo", "zh": "撤销"},
    "button_edit": {"en": "Edit", "zh": "修改"},
    "edit_title": {"en": "Edit note", "zh": "修改笔记"},
    "save_message_title": {"en": "Save as customer note", "zh": "记为客户笔记"},
    "edit_submit": {"en": "Save", "zh": "保存"},
    "edit_cancel": {"en": "Cancel", "zh": "取消"},
    "field_currency": {"en": "Currency (ISO code, e.g. USD)", "zh": "币种（如 CNY、USD）"},
    "field_follow_up_time": {"en": "Follow-up time", "zh": "跟进时间点"},
    "edit_not_author": {
        "en": "Only the person who wrote a note can edit it.",
        "zh": "只有笔记的作者可以修改它。",
    },
    "edit_invalid": {"en": "Some answers need fixing.", "zh": "有些内容需要修改。"},
    "edit_need_customer": {"en": "Say which customer this note is about.", "zh": "请填写客户名。"},
    "edit_need_body": {"en": "The note needs some text.", "zh": "笔记内容不能为空。"},
    "edit_bad_choice": {"en": "Pick one of the choices.", "zh": "请从选项中选择。"},
    "edit_bad_amount": {
        "en": "Write the amount as a number, like 12000 or 12,000.50.",
        "zh": "金额请写数字，例如 12000 或 12,000.50。",
    },
    "edit_bad_currency": {
        "en": "Use a three-letter currency code such as USD, EUR or CNY.",
        "zh": "币种请用三个字母的代码，例如 CNY、USD、EUR。",
    },
    "edit_bad_date": {"en": "That is not a date.", "zh": "这不是有效日期。"},
    "edit_time_without_date": {
        "en": "Pick a follow-up date to go with the time.",
        "zh": "请同时选择跟进日期。",
    },
    "note_edited": {"en": "Updated the note on *{customer}*", "zh": "已更新 *{customer}* 的笔记"},
    "note_undone": {"en": "Removed the note on *{customer}*.", "zh": "已撤销 *{customer}* 的这条笔记。"},
    "note_already_undone": {
        "en": "That note on *{customer}* was already removed.",
        "zh": "这条 *{customer}* 的笔记已经撤销过了。",
    },
    "undo_not_author": {
        "en": "Only the person who wrote a note can undo it.",
        "zh": "只有笔记的作者可以撤销它。",
    },
    "note_not_found": {"en": "That note no longer exists.", "zh": "这条笔记已不存在。"},
    "customer_usage": {
        "en": "`/customer <name>` shows what we know about a customer, e.g. `/customer acme`.",
        "zh": "`/customer <客户名>` 查看客户档案，例如 `/customer 阿里巴巴`。",
    },
    "customer_not_found": {
        "en": "No customer called *{name}* yet. Write a note to create it: `/note {name} …`",
        "zh": "还没有叫 *{name}* 的客户。记一条笔记即可创建：`/note {name} …`",
    },
    "customer_create": {"en": "Create {name}", "zh": "新建客户 {name}"},
    "customer_did_you_mean": {
        "en": "No customer called *{name}*. Did you mean: {options}?",
        "zh": "没有叫 *{name}* 的客户。你是不是要找：{options}？",
    },
    "card_recent": {"en": "Recent notes", "zh": "最近笔记"},
    "card_stage": {"en": "Stage", "zh": "阶段"},
    "card_tier": {"en": "Value", "zh": "价值"},
    "stage_lead": {"en": "lead", "zh": "潜在客户"},
    "stage_new": {"en": "new", "zh": "新客户"},
    "stage_active": {"en": "active", "zh": "活跃"},
    "stage_at_risk": {"en": "at risk", "zh": "有流失风险"},
    "stage_churned": {"en": "churned", "zh": "已流失"},
    "tier_high": {"en": "high", "zh": "高"},
    "tier_medium": {"en": "medium", "zh": "中"},
    "tier_low": {"en": "low", "zh": "低"},
    "tier_none": {"en": "none", "zh": "无"},
    "card_purchases_12m": {"en": "Purchases (12 months)", "zh": "近12个月购买"},
    "card_complaints_90d": {"en": "Complaints (90 days)", "zh": "近90天投诉"},
    "card_add_note": {"en": "Add note", "zh": "记笔记"},
    "card_edit_profile": {"en": "Edit profile", "zh": "编辑资料"},
    "profile_title": {"en": "Edit profile", "zh": "编辑客户资料"},
    "profile_name": {"en": "Name", "zh": "名称"},
    "profile_aliases": {"en": "Also known as (comma separated)", "zh": "别名（用逗号分隔）"},
    "profile_kind": {"en": "Kind", "zh": "类型"},
    "profile_owner": {"en": "Owner", "zh": "负责人"},
    "profile_contacts": {
        "en": "Contacts, one a line: name | title | email | phone",
        "zh": "联系人，每行一位：姓名 | 职位 | 邮箱 | 电话",
    },
    "profile_need_name": {"en": "A customer needs a name.", "zh": "客户需要一个名称。"},
    "profile_bad_contact_line": {
        "en": "Line {line}: write name | title | email | phone (only the name is required).",
        "zh": "第 {line} 行：请写 姓名 | 职位 | 邮箱 | 电话（只有姓名必填）。",
    },
    "profile_bad_email": {
        "en": "Line {line}: {value} is not an email address like name@example.com.",
        "zh": "第 {line} 行：{value} 不是有效邮箱，例如 name@example.com。",
    },
    "profile_bad_phone": {
        "en": "Line {line}: {value} is not a phone number like +1 415 555 0100.",
        "zh": "第 {line} 行：{value} 不是有效电话，例如 +86 138 0000 0000。",
    },
    "profile_name_taken": {
        "en": "{value} is already the name of another customer.",
        "zh": "{value} 已经是另一个客户的名称。",
    },
    "profile_saved": {"en": "Saved the profile of *{customer}*.", "zh": "已保存 *{customer}* 的资料。"},
    "card_contacts": {"en": "Contacts", "zh": "联系人"},
    "card_add_follow_up": {"en": "Add follow-up", "zh": "加跟进"},
    "card_all_notes": {"en": "All notes", "zh": "全部笔记"},
    "card_share": {"en": "Share to channel", "zh": "分享到频道"},
    "card_notes_page": {"en": "Notes on {customer} — page {page}", "zh": "{customer} 的笔记 — 第 {page} 页"},
    "page_previous": {"en": "◀ Newer", "zh": "◀ 较新"},
    "page_next": {"en": "Older ▶", "zh": "较早 ▶"},
    "card_add_note_title": {"en": "Add a note", "zh": "记一条笔记"},
    "card_add_follow_up_title": {"en": "Add a follow-up", "zh": "加一个跟进"},
    "card_follow_up_hint": {
        "en": 'When and what, e.g. "next tue send the quote"',
        "zh": "时间和事项，例如「下周二 发报价」",
    },
    "card_no_notes": {"en": "No notes yet.", "zh": "还没有笔记。"},
    "card_kind_company": {"en": "company", "zh": "企业"},
    "card_kind_person": {"en": "person", "zh": "个人"},
    "card_owner": {"en": "Owner", "zh": "负责人"},
    "card_aliases": {"en": "Also known as", "zh": "别名"},
    "card_region": {"en": "Region", "zh": "地区"},
    "card_industry": {"en": "Industry", "zh": "行业"},
    "command_not_available": {
        "en": "`{command}` is not available in this version of Rapport yet.",
        "zh": "这个版本的 Rapport 还不支持 `{command}`。",
    },
    "followup_usage": {
        "en": "`/followup <customer> <when> <what>` sets a reminder; `/followup list` shows yours.",
        "zh": "`/followup <客户> <时间> <事项>` 设置跟进提醒；`/followup list` 查看你的跟进。",
    },
    "followup_examples": {
        "en": "• `/followup acme tomorrow 3pm send the quote`\n"
        '• `/followup "Acme Health" next tue check the trial`\n'
        "• `/followup globex in 2 weeks <@U123> renewal call`\n"
        "• `/followup list`, `/followup list @someone`, `/followup list acme`",
        "zh": "• `/followup 阿里巴巴 明天下午三点 发报价`\n"
        "• `/followup 字节跳动 下周二 回访试用情况`\n"
        "• `/followup 华为 三天后 确认合同`\n"
        "• `/followup list`、`/followup list 阿里巴巴`",
    },
    "followup_error_detail": {"en": "{detail}", "zh": "{detail}"},
    "followup_set": {
        "en": "⏰ Follow-up on *{customer}* for <@{assignee}>: {when}",
        "zh": "⏰ 已为 <@{assignee}> 设置 *{customer}* 的跟进：{when}",
    },
    "followup_list_mine": {"en": "Your open follow-ups", "zh": "你的待办跟进"},
    "followup_list_user": {"en": "Open follow-ups of <@{subject}>", "zh": "<@{subject}> 的待办跟进"},
    "followup_list_customer": {"en": "Open follow-ups on {subject}", "zh": "{subject} 的待办跟进"},
    "followup_list_empty": {"en": "Nothing open. 🎉", "zh": "没有待办跟进。🎉"},
    "followup_overdue": {"en": "overdue", "zh": "已逾期"},
    "button_done": {"en": "Done", "zh": "完成"},
    "followup_marked_done": {"en": "✅ Done: {text}", "zh": "✅ 已完成：{text}"},
    "followup_already_done": {
        "en": "That follow-up was already closed.",
        "zh": "这个跟进已经关闭了。",
    },
    "followup_not_found": {"en": "That follow-up no longer exists.", "zh": "这个跟进已不存在。"},
    "followup_not_yours": {
        "en": "Only the person it is assigned to, or who set it, can close a follow-up.",
        "zh": "只有负责人或创建人可以关闭这个跟进。",
    },
    "reminder_headline": {
        "en": "⏰ <@{user}>, follow up with *{customer}*: {text}",
        "zh": "⏰ <@{user}>，请跟进 *{customer}*：{text}",
    },
    "reminder_due": {"en": "Due {when}", "zh": "到期时间 {when}"},
    "reminder_late": {
        "en": "⚠️ Late: was due {when} ({ago})",
        "zh": "⚠️ 迟到的提醒：原定 {when}（{ago}）",
    },
    "reminder_moved": {
        "en": "Sent to you directly: I couldn't post in <#{channel}> ({reason}).",
        "zh": "已直接发给你：无法在 <#{channel}> 发消息（{reason}）。",
    },
    "reminder_from_note": {"en": "From the note", "zh": "来自笔记"},
    "reminder_open_note": {"en": "open in Slack", "zh": "在 Slack 中查看"},
    "reminder_recent": {"en": "Latest notes", "zh": "最近笔记"},
    "reminder_snooze": {"en": "Snooze", "zh": "稍后提醒"},
    "reminder_reassign": {"en": "Reassign", "zh": "转给他人"},
    "snooze_1h": {"en": "1 hour", "zh": "1 小时后"},
    "snooze_tomorrow": {"en": "Tomorrow 9:00", "zh": "明天 9:00"},
    "snooze_next_week": {"en": "Next week (Mon 9:00)", "zh": "下周一 9:00"},
    "reminder_done_by": {
        "en": "✅ <@{user}> followed up with *{customer}*: {text}",
        "zh": "✅ <@{user}> 已跟进 *{customer}*：{text}",
    },
    "reminder_snoozed_by": {
        "en": "💤 <@{user}> snoozed *{customer}* ({text}) until {when}",
        "zh": "💤 <@{user}> 将 *{customer}*（{text}）推迟到 {when}",
    },
    "reminder_stale": {
        "en": "That reminder has already been handled.",
        "zh": "这个提醒已经处理过了。",
    },
    "home_follow_ups": {"en": "My follow-ups", "zh": "我的跟进"},
    "home_recent_notes": {"en": "My recent notes", "zh": "我最近的笔记"},
    "home_my_customers": {"en": "My customers", "zh": "我的客户"},
    "home_no_notes": {
        "en": "No notes yet. Try `/note acme called re pricing #pricing`.",
        "zh": "还没有笔记。试试 `/note 阿里巴巴 电话沟通报价 #报价`。",
    },
    "home_no_customers": {"en": "You own no customers yet.", "zh": "你还没有负责的客户。"},
    "capture_no_customer": {
        "en": "I couldn't tell which customer that message is about. Use the message's "
        "*Save as customer note* shortcut to choose, or make this a capture channel: "
        "`/crm settings capture here <customer>`.",
        "zh": "看不出这条消息是关于哪个客户的。请用消息菜单里的「Save as customer note」选择客户，"
        "或把本频道设为记录频道：`/crm settings capture here <客户>`。",
    },
    "capture_saved": {"en": "📝 Saved as a note on *{customer}*.", "zh": "📝 已记录到 *{customer}*。"},
    "capture_already_saved": {
        "en": "That message was already saved as a note.",
        "zh": "这条消息已经记录过了。",
    },
    "crm_tag_usage": {
        "en": "Write `/crm tag <customer> +tag -tag`, e.g. `/crm tag acme +vip -trial`, "
        "or `/crm tag #renewal-2027 +priority` for every customer tagged #renewal-2027.",
        "zh": "请写 `/crm tag <客户> +标签 -标签`，例如 `/crm tag 阿里巴巴 +大客户 -试用`，"
        "或 `/crm tag #续约 +重点` 给所有带 #续约 的客户加标签。",
    },
    "crm_tagged": {
        "en": "Tags changed on {count} customer(s): {names}. Added: {added}. Removed: {removed}.",
        "zh": "已更新 {count} 个客户的标签：{names}。添加：{added}。移除：{removed}。",
    },
    "search_title": {"en": "Notes matching “{query}”: {count}", "zh": "匹配“{query}”的笔记：{count} 条"},
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
    "page_previous_results": {"en": "◀ Previous", "zh": "◀ 上一页"},
    "page_next_results": {"en": "Next ▶", "zh": "下一页 ▶"},
    "home_search": {"en": "Search notes", "zh": "搜索笔记"},
    "home_search_hint": {
        "en": "words, #tag, customer:acme, from:@someone",
        "zh": "关键词、#标签、customer:客户",
    },
    "churn_warning": {
        "en": "No contact with {customer} for {days} days — last note: {note}",
        "zh": "已有 {days} 天没有联系 {customer} — 最近一条笔记：{note}",
    },
    "crm_bad_thresholds": {
        "en": "Write `/crm settings stages <at-risk days> <churned days>`, e.g. `/crm settings stages 30 90` "
        "(the first smaller than the second).",
        "zh": "请写 `/crm settings stages <风险天数> <流失天数>`，"
        "例如 `/crm settings stages 30 90`（前者小于后者）。",
    },
    "crm_thresholds_set": {
        "en": "Buyers are at risk after {at_risk} days without a note, churned after {churn}.",
        "zh": "客户 {at_risk} 天无联系为有流失风险，{churn} 天为已流失。",
    },
    "crm_bad_rate": {
        "en": "Write `/crm settings rate EUR 1.08`: a currency code and how much of the workspace "
        "currency one unit buys.",
        "zh": "请写 `/crm settings rate EUR 7.8`：币种代码，以及一单位可换多少本工作区货币。",
    },
    "crm_rate_set": {"en": "1 {currency} = {rate} {base}.", "zh": "1 {currency} = {rate} {base}。"},
    "crm_recomputed": {
        "en": "Classified {customers} customers: {moved} moved stage, "
        "{warnings} churn warnings sent.{missing}",
        "zh": "已为 {customers} 个客户分类：{moved} 个阶段变化，发出 {warnings} 条流失预警。{missing}",
    },
    "crm_missing_rates": {
        "en": " No rate for {currencies}: those purchases were left out (`/crm settings rate …`).",
        "zh": " 缺少 {currencies} 的汇率，相关购买未计入（`/crm settings rate …`）。",
    },
    "segment_title": {"en": "Segment {name}: {count} customers", "zh": "分组 {name}：{count} 个客户"},
    "segment_open_follow_ups": {"en": "{count} open follow-ups", "zh": "{count} 个待办跟进"},
    "segment_empty_members": {"en": "No customer is in it right now.", "zh": "目前没有客户在这个分组里。"},
    "segment_more": {"en": "…and {count} more.", "zh": "……还有 {count} 个。"},
    "segment_list_title": {"en": "Segments", "zh": "客户分组"},
    "segment_help": {
        "en": "`/crm segment create <name> <filters>`, `/crm segment show <name>`, "
        "`/crm segment delete <name>`. Filters: tag:, anytag:, stage:, tier:, owner:, region:, "
        "industry:, inactive:30d, bought:90d, complaints:90d",
        "zh": "`/crm segment create <名称> <条件>`、`/crm segment show <名称>`、"
        "`/crm segment delete <名称>`。"
        "条件：标签:、任一标签:、阶段:、价值:、负责人:、地区:、行业:、未联系:30天、购买:90天、投诉:90天",
    },
    "segment_bad_word": {
        "en": "`{word}` is not a filter I know. Try tag:vip, stage:at_risk, tier:high, inactive:30d.",
        "zh": "无法理解 `{word}`。可以用 标签:大客户、阶段:风险、价值:高、未联系:30天。",
    },
    "segment_empty": {"en": "Give the segment at least one filter.", "zh": "请至少给出一个筛选条件。"},
    "segment_bad_name": {
        "en": "`{name}` cannot be a segment name: use letters, digits, - and _ (and not a built-in name).",
        "zh": "`{name}` 不能作为分组名：请用字母、数字、- 和 _（且不与内置分组重名）。",
    },
    "segment_not_found": {"en": "There is no segment called {name}.", "zh": "没有叫 {name} 的分组。"},
    "segment_deleted": {"en": "Deleted the segment {name}.", "zh": "已删除分组 {name}。"},
    "crm_bad_emoji": {"en": "Give an emoji name like `:memo:`.", "zh": "请给出表情名称，例如 `:memo:`。"},
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
        "en": "*/crm commands*\n"
        "• `/crm search <words> [#tag] [customer:acme] [from:@someone] [since:2026-01-01]`\n"
        "• `/crm settings capture here <customer>` (or `#channel <customer>`); "
        "`/crm settings capture here off`\n"
        "• `/crm settings emoji :memo:` — the reaction that saves a message as a note\n"
        "• `/crm tag acme +vip -trial`, `/crm tag #renewal-2027 +priority`\n"
        "• `/crm settings stages 30 90`, `/crm settings rate EUR 1.08`, `/crm recompute`",
        "zh": "*/crm 命令*\n"
        "• `/crm search <关键词> [#标签] [customer:客户] [from:@同事] [since:2026-01-01]`\n"
        "• `/crm settings capture here <客户>`（或 `#频道 <客户>`），`/crm settings capture here off`\n"
        "• `/crm settings emoji :memo:` — 用这个表情回应消息即可记为笔记\n"
        "• `/crm tag 阿里巴巴 +大客户 -试用`，`/crm tag #续约 +重点`\n"
        "• `/crm settings stages 30 90`，`/crm settings rate USD 7.2`，`/crm recompute`",
    },
    "error_generic": {
        "en": "Sorry, something went wrong on our side and that didn't work. Please try again in a moment.",
        "zh": "抱歉，我们这边出了点问题，操作没有完成。请稍后再试。",
    },
    "channel_call": {"en": "call", "zh": "电话"},
    "channel_email": {"en": "email", "zh": "邮件"},
    "channel_meeting": {"en": "meeting", "zh": "会议"},
    "channel_visit": {"en": "visit", "zh": "拜访"},
    "channel_chat": {"en": "chat", "zh": "聊天"},
    "category_purchase": {"en": "purchase", "zh": "购买"},
    "category_complaint": {"en": "complaint", "zh": "投诉"},
    "category_feedback": {"en": "feedback", "zh": "反馈"},
    "category_need": {"en": "need", "zh": "需求"},
    "category_general": {"en": "general", "zh": "一般"},
}


def t(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` (English when that language lacks it), with params filled in."""
    entry = CATALOG[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**params) if params else template


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def reply_lang(text: str, default: str) -> str:
    """Answer in Chinese when the user wrote Chinese, else in the workspace language."""
    if has_han(text):
        return "zh"
    return default if default in LANGS else "en"
