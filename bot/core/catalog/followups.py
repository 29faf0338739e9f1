"""Words of follow-ups, reminders and App Home."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "followup_usage": {
        "en": "`/followup <customer> <when> <what>` sets a reminder; `/followup list` shows yours.",
        "zh": "`/followup <客户> <时间> <事项>` 设置跟进提醒；`/followup list` 查看你的跟进。",
    },
    "followup_examples": {
        "en": '• `/followup acme tomorrow 3pm send the quote`\n• `/followup "Acme Health" next tue check the trial`\n• `/followup globex in 2 weeks <@U123> renewal call`\n• `/followup list`, `/followup list @someone`, `/followup list acme`',
        "zh": "• `/followup 阿里巴巴 明天下午三点 发报价`\n• `/followup 字节跳动 下周二 回访试用情况`\n• `/followup 华为 三天后 确认合同`\n• `/followup list`、`/followup list 阿里巴巴`",
    },
    "followup_error_detail": {
        "en": "{detail}",
        "zh": "{detail}",
    },
    "followup_set": {
        "en": "⏰ Follow-up on *{customer}* for <@{assignee}>: {when}",
        "zh": "⏰ 已为 <@{assignee}> 设置 *{customer}* 的跟进：{when}",
    },
    "followup_list_mine": {
        "en": "Your open follow-ups",
        "zh": "你的待办跟进",
    },
    "followup_list_user": {
        "en": "Open follow-ups of <@{subject}>",
        "zh": "<@{subject}> 的待办跟进",
    },
    "followup_list_customer": {
        "en": "Open follow-ups on {subject}",
        "zh": "{subject} 的待办跟进",
    },
    "followup_more": {
        "en": "{count} more open follow-ups not shown here: `/followup list <customer>` lists one customer's.",
        "zh": "另有 {count} 条待办跟进未在此显示：`/followup list <客户>` 只列出一个客户的。",
    },
    "home_more_follow_ups": {
        "en": "{count} more: `/followup list` lists your open follow-ups.",
        "zh": "另有 {count} 条：`/followup list` 列出你的待办跟进。",
    },
    "home_more_notes": {
        "en": "{count} more: search above to find older notes.",
        "zh": "另有 {count} 条：用上面的搜索查找更早的笔记。",
    },
    "followup_list_empty": {
        "en": "Nothing open. 🎉",
        "zh": "没有待办跟进。🎉",
    },
    "followup_overdue": {
        "en": "overdue",
        "zh": "已逾期",
    },
    "followup_marked_done": {
        "en": "✅ Done: {text}",
        "zh": "✅ 已完成：{text}",
    },
    "followup_already_done": {
        "en": "That follow-up was already closed.",
        "zh": "这个跟进已经关闭了。",
    },
    "followup_not_found": {
        "en": "That follow-up no longer exists — it may have been deleted.",
        "zh": "这个跟进已不存在，可能已被删除。",
    },
    "followup_not_yours": {
        "en": "Only the person it is assigned to, or who set it, can close, snooze or reassign this follow-up.",
        "zh": "只有负责人或创建人可以关闭、推迟或转交这个跟进。",
    },
    "reminder_headline": {
        "en": "⏰ <@{user}>, follow up with *{customer}*: {text}",
        "zh": "⏰ <@{user}>，请跟进 *{customer}*：{text}",
    },
    "reminder_due": {
        "en": "Due {when}",
        "zh": "到期时间 {when}",
    },
    "reminder_late": {
        "en": "⚠️ Late: was due {when} ({ago})",
        "zh": "⚠️ 迟到的提醒：原定 {when}（{ago}）",
    },
    "reminder_moved": {
        "en": "Sent to you directly: I couldn't post in <#{channel}> ({reason}).",
        "zh": "已直接发给你：无法在 <#{channel}> 发消息（{reason}）。",
    },
    "reminder_from_note": {
        "en": "From the note",
        "zh": "来自笔记",
    },
    "reminder_open_note": {
        "en": "open in Slack",
        "zh": "在 Slack 中查看",
    },
    "reminder_recent": {
        "en": "Latest notes",
        "zh": "最近笔记",
    },
    "reminder_snooze": {
        "en": "Snooze",
        "zh": "稍后提醒",
    },
    "reminder_reassign": {
        "en": "Reassign",
        "zh": "转给他人",
    },
    "snooze_1h": {
        "en": "1 hour",
        "zh": "1 小时后",
    },
    "snooze_tomorrow": {
        "en": "Tomorrow 9:00",
        "zh": "明天 9:00",
    },
    "snooze_next_week": {
        "en": "Next week (Mon 9:00)",
        "zh": "下周一 9:00",
    },
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
    "home_follow_ups": {
        "en": "My follow-ups",
        "zh": "我的跟进",
    },
    "home_recent_notes": {
        "en": "My recent notes",
        "zh": "我最近的笔记",
    },
    "home_my_customers": {
        "en": "My customers",
        "zh": "我的客户",
    },
    "home_no_notes": {
        "en": "No notes yet. Try `/note acme called re pricing #pricing`.",
        "zh": "还没有笔记。试试 `/note 阿里巴巴 电话沟通报价 #报价`。",
    },
    "home_no_customers": {
        "en": "You own no customers yet.",
        "zh": "你还没有负责的客户。",
    },
    "home_search": {
        "en": "Search notes",
        "zh": "搜索笔记",
    },
    "home_search_hint": {
        "en": "words, #tag, customer:acme, from:@someone",
        "zh": "关键词、#标签、customer:客户",
    },
}
