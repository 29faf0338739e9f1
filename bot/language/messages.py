"""What we tell a person when a note cannot be read, in the language they wrote it in."""

from __future__ import annotations

_MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "en": "The note is empty. Write the customer, then what happened, e.g. "
        "`/note acme called about pricing, follow up friday #pricing`.",
        "zh": "笔记是空的。请先写客户，再写发生了什么，"
        "例如：`/note 阿里巴巴 电话沟通报价，下周二跟进 #报价`。",
    },
    "no_body": {
        "en": "Say what happened after the customer's name, e.g. `/note {customer} called about pricing`.",
        "zh": "请在客户名称后面写上内容，例如：`/note {customer} 电话沟通报价`。",
    },
    "only_tags": {
        "en": "The note has only tags. Add the customer and what happened, "
        "e.g. `/note acme renewal call #pricing`.",
        "zh": "笔记里只有标签。请加上客户和内容，例如：`/note 阿里巴巴 续约沟通 #报价`。",
    },
    "too_long": {
        "en": "The note is {length:,} characters long; the limit is {limit:,}. "
        "Shorten it or split it into two notes.",
        "zh": "笔记有 {length} 个字符，上限是 {limit} 个。请精简，或拆成两条笔记。",
    },
    "control_chars": {
        "en": "The note contains invisible control characters (like those pasted from a terminal). "
        "Retype it or paste it as plain text.",
        "zh": "笔记里有不可见的控制字符（常见于从终端粘贴的文本）。请重新输入，或以纯文本粘贴。",
    },
    "no_date": {
        "en": "I couldn't find when to follow up. Put the time after the customer, e.g. "
        "`/followup acme tomorrow 3pm send the quote`, `/followup acme next tue renewal call`, "
        "`/followup acme in 2 weeks check in`, `/followup acme dec 5 review the contract`.",
        "zh": "没有找到跟进时间。请在客户后面写上时间，例如：`/followup 阿里巴巴 明天下午三点 发报价`、"
        "`/followup 阿里巴巴 下周二 续约电话`、`/followup 阿里巴巴 三天后 回访`、"
        "`/followup 阿里巴巴 12月5日 合同评审`。",
    },
    "no_such_date": {
        "en": "There is no {words}: that date is not on the calendar. Check the day and the month, "
        "e.g. `feb 28`, `12/31` (month first) or `31.12.2026` (day first).",
        "zh": "日期“{words}”不存在，请检查月份和日期，例如：`2月28日`、`12月31日`。",
    },
    "too_far": {
        "en": "{words} is more than {years} years ahead. Follow-ups can be set up to {years} years out; "
        "check the number, e.g. `in 5 months`, `dec 5 2027`.",
        "zh": "“{words}”超过了 {years} 年。跟进时间最远可设在 {years} 年以内，请检查数字，"
        "例如：`5个月后`、`2027年12月5日`。",
    },
    "past_date": {
        "en": "{words} is already past ({when}). A follow-up needs a time ahead: for a date next year, "
        "write its year; or say when, e.g. `/followup acme tomorrow 3pm send the quote`.",
        "zh": "“{words}”已经过去了（{when}）。跟进时间需要在将来：如果是明年的日期，请写上年份；"
        "或者写明时间，例如：`/followup 阿里巴巴 明天下午三点 发报价`。",
    },
    "bad_request": {
        "en": "{detail}",
        "zh": "{detail}",
    },
}


def message(code: str, lang: str, **values: object) -> str:
    texts = _MESSAGES[code]
    return texts.get(lang, texts["en"]).format(**values)
