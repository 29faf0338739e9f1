"""Words used everywhere: contact channels, categories, failures."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "none": {
        "en": "none",
        "zh": "无",
    },
    "undo_not_author": {
        "en": "Only the person who wrote a note can undo it.",
        "zh": "只有笔记的作者可以撤销它。",
    },
    "command_not_available": {
        "en": "`{command}` is not available in this version of Rapport yet.",
        "zh": "这个版本的 Rapport 还不支持 `{command}`。",
    },
    "error_generic": {
        "en": "Sorry, something went wrong on our side and that didn't work. Please try again in a moment.",
        "zh": "抱歉，我们这边出了点问题，操作没有完成。请稍后再试。",
    },
    "more_items": {
        "en": "+{count} more",
        "zh": "另有 {count} 项",
    },
    "blocks_more": {
        "en": "{count} more not shown: a Slack message holds at most {limit} blocks. "
        "Narrow the request to see the rest.",
        "zh": "另有 {count} 项未显示：一条 Slack 消息最多容纳 {limit} 个区块。请缩小范围查看其余内容。",
    },
    "channel_call": {
        "en": "call",
        "zh": "电话",
    },
    "channel_email": {
        "en": "email",
        "zh": "邮件",
    },
    "channel_meeting": {
        "en": "meeting",
        "zh": "会议",
    },
    "channel_visit": {
        "en": "visit",
        "zh": "拜访",
    },
    "channel_chat": {
        "en": "chat",
        "zh": "聊天",
    },
    "category_purchase": {
        "en": "purchase",
        "zh": "购买",
    },
    "category_complaint": {
        "en": "complaint",
        "zh": "投诉",
    },
    "category_feedback": {
        "en": "feedback",
        "zh": "反馈",
    },
    "category_need": {
        "en": "need",
        "zh": "需求",
    },
    "category_general": {
        "en": "general",
        "zh": "一般",
    },
}
