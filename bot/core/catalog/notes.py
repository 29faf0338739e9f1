"""Words of notes: filing, the reply, Edit and Undo."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "note_usage_title": {
        "en": "How to write a note",
        "zh": "怎样记一条笔记",
    },
    "note_usage": {
        "en": "`/note <customer> <what happened>`: the customer first, then what happened. Tags with `#`, a follow-up date in plain words.",
        "zh": "`/note <客户> <内容>`：先写客户，再写发生了什么。用 `#` 加标签，跟进时间直接写。",
    },
    "note_usage_examples": {
        "en": '• `/note acme called re pricing, follow up next tue #pricing`\n• `/note "Acme Health" bought 20 seats $12k #won`\n• `/note Globex: unhappy with delivery times #logistics`',
        "zh": "• `/note 阿里巴巴 电话沟通报价，下周二跟进 #报价`\n• `/note 字节跳动 下单了 50 个席位，总价 3.5万元`\n• `/note “中国移动” 上周三拜访过 #拜访`",
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
    "note_error_detail": {
        "en": "{detail}",
        "zh": "{detail}",
    },
    "note_saved": {
        "en": "Saved a note on *{customer}*",
        "zh": "已记录到 *{customer}*",
    },
    "note_saved_new_customer": {
        "en": "Saved a note on *{customer}* (new customer)",
        "zh": "已记录到 *{customer}*（新客户）",
    },
    "field_customer": {
        "en": "Customer",
        "zh": "客户",
    },
    "field_tags": {
        "en": "Tags",
        "zh": "标签",
    },
    "field_text": {
        "en": "Note",
        "zh": "内容",
    },
    "field_channel": {
        "en": "Contact",
        "zh": "联系方式",
    },
    "field_category": {
        "en": "Kind",
        "zh": "类别",
    },
    "field_amount": {
        "en": "Amount",
        "zh": "金额",
    },
    "field_follow_up": {
        "en": "Follow-up",
        "zh": "跟进",
    },
    "field_occurred": {
        "en": "When",
        "zh": "发生时间",
    },
    "field_mentions": {
        "en": "People",
        "zh": "相关同事",
    },
    "field_notes": {
        "en": "Notes",
        "zh": "笔记数",
    },
    "field_last_contact": {
        "en": "Last contact",
        "zh": "最近联系",
    },
    "button_undo": {
        "en": "Undo",
        "zh": "撤销",
    },
    "button_edit": {
        "en": "Edit",
        "zh": "修改",
    },
    "edit_title": {
        "en": "Edit note",
        "zh": "修改笔记",
    },
    "save_message_title": {
        "en": "Save as customer note",
        "zh": "记为客户笔记",
    },
    "edit_submit": {
        "en": "Save",
        "zh": "保存",
    },
    "edit_cancel": {
        "en": "Cancel",
        "zh": "取消",
    },
    "field_currency": {
        "en": "Currency (ISO code, e.g. USD)",
        "zh": "币种（如 CNY、USD）",
    },
    "field_follow_up_time": {
        "en": "Follow-up time",
        "zh": "跟进时间点",
    },
    "edit_not_author": {
        "en": "Only the person who wrote a note can edit it.",
        "zh": "只有笔记的作者可以修改它。",
    },
    "edit_invalid": {
        "en": "Some answers need fixing.",
        "zh": "有些内容需要修改。",
    },
    "edit_need_customer": {
        "en": "Say which customer this note is about.",
        "zh": "请填写客户名。",
    },
    "edit_need_body": {
        "en": "The note needs some text.",
        "zh": "笔记内容不能为空。",
    },
    "edit_bad_choice": {
        "en": "Pick one of the choices.",
        "zh": "请从选项中选择。",
    },
    "edit_bad_amount": {
        "en": "Write the amount as a number, like 12000 or 12,000.50.",
        "zh": "金额请写数字，例如 12000 或 12,000.50。",
    },
    "edit_bad_currency": {
        "en": "Use a three-letter currency code such as USD, EUR or CNY.",
        "zh": "币种请用三个字母的代码，例如 CNY、USD、EUR。",
    },
    "edit_bad_date": {
        "en": "That is not a date.",
        "zh": "这不是有效日期。",
    },
    "edit_time_without_date": {
        "en": "Pick a follow-up date to go with the time.",
        "zh": "请同时选择跟进日期。",
    },
    "note_edited": {
        "en": "Updated the note on *{customer}*",
        "zh": "已更新 *{customer}* 的笔记",
    },
    "note_undone": {
        "en": "Removed the note on *{customer}*.",
        "zh": "已撤销 *{customer}* 的这条笔记。",
    },
    "note_already_undone": {
        "en": "That note on *{customer}* was already removed.",
        "zh": "这条 *{customer}* 的笔记已经撤销过了。",
    },
    "note_not_found": {
        "en": "That note no longer exists.",
        "zh": "这条笔记已不存在。",
    },
    "button_done": {
        "en": "Done",
        "zh": "完成",
    },
}
