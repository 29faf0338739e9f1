"""Words of the customer card, names, stages, tiers and the profile."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "customer_usage": {
        "en": "`/customer <name>` shows what we know about a customer, e.g. `/customer acme`.",
        "zh": "`/customer <客户名>` 查看客户档案，例如 `/customer 阿里巴巴`。",
    },
    "customer_not_found": {
        "en": "No customer called *{name}* yet. Write a note to create it: `/note {name} …`",
        "zh": "还没有叫 *{name}* 的客户。记一条笔记即可创建：`/note {name} …`",
    },
    "customer_create": {
        "en": "Create {name}",
        "zh": "新建客户 {name}",
    },
    "customer_gone": {
        "en": "That customer no longer exists — it may have been deleted or merged. Look it up again: `/customer <name>`.",
        "zh": "这个客户已不存在，可能已被删除或合并。请重新查找：`/customer <客户名>`。",
    },
    "customer_did_you_mean": {
        "en": "No customer called *{name}*. Did you mean: {options}?",
        "zh": "没有叫 *{name}* 的客户。你是不是要找：{options}？",
    },
    "card_recent": {
        "en": "Recent notes",
        "zh": "最近笔记",
    },
    "card_stage": {
        "en": "Stage",
        "zh": "阶段",
    },
    "card_tier": {
        "en": "Value",
        "zh": "价值",
    },
    "stage_lead": {
        "en": "lead",
        "zh": "潜在客户",
    },
    "stage_new": {
        "en": "new",
        "zh": "新客户",
    },
    "stage_active": {
        "en": "active",
        "zh": "活跃",
    },
    "stage_at_risk": {
        "en": "at risk",
        "zh": "有流失风险",
    },
    "stage_churned": {
        "en": "churned",
        "zh": "已流失",
    },
    "tier_high": {
        "en": "high",
        "zh": "高",
    },
    "tier_medium": {
        "en": "medium",
        "zh": "中",
    },
    "tier_low": {
        "en": "low",
        "zh": "低",
    },
    "tier_none": {
        "en": "none",
        "zh": "无",
    },
    "card_purchases_12m": {
        "en": "Purchases (12 months)",
        "zh": "近12个月购买",
    },
    "card_open_complaints": {
        "en": "Open complaints ({count})",
        "zh": "未解决的投诉（{count}）",
    },
    "card_more_complaints": {
        "en": "…and {count} more, oldest last.",
        "zh": "…还有 {count} 条更早的。",
    },
    "complaint_resolve": {
        "en": "Resolve",
        "zh": "已解决",
    },
    "complaint_reopen": {
        "en": "Reopen",
        "zh": "重新打开",
    },
    "complaint_reopened": {
        "en": "The complaint is open again.",
        "zh": "这条投诉已重新打开。",
    },
    "complaint_resolved": {
        "en": "✅ Complaint from {customer} resolved by <@{user}>.",
        "zh": "✅ {customer} 的投诉已由 <@{user}> 标记为已解决。",
    },
    "complaint_already_resolved": {
        "en": "That complaint was already resolved by <@{user}> {ago}.",
        "zh": "这条投诉已由 <@{user}> 于{ago}标记为已解决。",
    },
    "complaint_not_found": {
        "en": "That complaint is gone (its note was removed or changed). Open the card again: `/customer <name>`.",
        "zh": "这条投诉已不存在（笔记被删除或修改）。请重新打开客户卡片：`/customer <客户名>`。",
    },
    "card_add_note": {
        "en": "Add note",
        "zh": "记笔记",
    },
    "card_edit_profile": {
        "en": "Edit profile",
        "zh": "编辑资料",
    },
    "profile_title": {
        "en": "Edit profile",
        "zh": "编辑客户资料",
    },
    "profile_name": {
        "en": "Name",
        "zh": "名称",
    },
    "profile_aliases": {
        "en": "Also known as (comma separated)",
        "zh": "别名（用逗号分隔）",
    },
    "profile_kind": {
        "en": "Kind",
        "zh": "类型",
    },
    "profile_owner": {
        "en": "Owner",
        "zh": "负责人",
    },
    "profile_contacts": {
        "en": "Contacts, one a line: name | title | email | phone",
        "zh": "联系人，每行一位：姓名 | 职位 | 邮箱 | 电话",
    },
    "profile_need_name": {
        "en": "A customer needs a name.",
        "zh": "客户需要一个名称。",
    },
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
    "profile_saved": {
        "en": "Saved the profile of *{customer}*.",
        "zh": "已保存 *{customer}* 的资料。",
    },
    "card_contacts": {
        "en": "Contacts",
        "zh": "联系人",
    },
    "card_add_follow_up": {
        "en": "Add follow-up",
        "zh": "加跟进",
    },
    "card_text": {
        "en": "{customer}: {count} notes",
        "en_one": "{customer}: 1 note",
        "zh": "{customer}：{count} 条笔记",
    },
    "card_more_notes": {
        "en": "{count} more not shown here: *All notes* shows every note.",
        "zh": "另有 {count} 条未在此显示：点 *全部笔记* 查看所有笔记。",
    },
    "card_all_notes": {
        "en": "All notes",
        "zh": "全部笔记",
    },
    "card_share": {
        "en": "Share to channel",
        "zh": "分享到频道",
    },
    "card_notes_page": {
        "en": "Notes on {customer} — page {page}",
        "zh": "{customer} 的笔记 — 第 {page} 页",
    },
    "page_previous": {
        "en": "◀ Newer",
        "zh": "◀ 较新",
    },
    "page_next": {
        "en": "Older ▶",
        "zh": "较早 ▶",
    },
    "card_add_note_title": {
        "en": "Add a note",
        "zh": "记一条笔记",
    },
    "card_add_follow_up_title": {
        "en": "Add a follow-up",
        "zh": "加一个跟进",
    },
    "card_follow_up_hint": {
        "en": 'When and what, e.g. "next tue send the quote"',
        "zh": "时间和事项，例如「下周二 发报价」",
    },
    "card_no_notes": {
        "en": "No notes yet.",
        "zh": "还没有笔记。",
    },
    "card_kind_company": {
        "en": "company",
        "zh": "企业",
    },
    "card_kind_person": {
        "en": "person",
        "zh": "个人",
    },
    "card_owner": {
        "en": "Owner",
        "zh": "负责人",
    },
    "card_aliases": {
        "en": "Also known as",
        "zh": "别名",
    },
    "card_region": {
        "en": "Region",
        "zh": "地区",
    },
    "card_industry": {
        "en": "Industry",
        "zh": "行业",
    },
    "page_previous_results": {
        "en": "◀ Previous",
        "zh": "◀ 上一页",
    },
    "page_next_results": {
        "en": "Next ▶",
        "zh": "下一页 ▶",
    },
}
