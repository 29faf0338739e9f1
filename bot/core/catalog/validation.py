"""Words for what cannot be stored as typed (bot.core.validation): what was wrong, and how to say it."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "input_control_chars": {
        "en": "That text contains invisible control characters (like those pasted from a terminal). Retype it or paste it as plain text.",
        "zh": "这段文字里有不可见的控制字符（常见于从终端粘贴的文本）。请重新输入，或以纯文本粘贴。",
    },
    "input_too_long": {
        "en": "This is {length} characters long; the limit is {limit}. Shorten it.",
        "zh": "这里有 {length} 个字符，上限是 {limit} 个。请精简。",
    },
    "input_name_too_long": {
        "en": "The name “{name}” is {length} characters long; a name can have at most {limit}. Use a shorter name (the rest can go in the note).",
        "zh": "名称“{name}”有 {length} 个字符，名称最多 {limit} 个字符。请用更短的名称（其余内容可以写进笔记）。",
    },
    "input_name_invisible": {
        "en": "That name has only invisible characters. Write the customer's name in letters or digits.",
        "zh": "这个名称只有不可见字符。请用文字或数字写客户名称。",
    },
    "input_tag_too_long": {
        "en": "The tag #{tag} is {length} characters long; a tag can have at most {limit}. Use a shorter tag.",
        "zh": "标签 #{tag} 有 {length} 个字符，标签最多 {limit} 个字符。请用更短的标签。",
    },
    "input_amount_too_large": {
        "en": "The amount {amount} is too large: an amount must be under {limit}. Check the number, e.g. `$12k` or `12,000 USD`.",
        "zh": "金额 {amount} 太大了：金额必须小于 {limit}。请检查数字，例如 `1.2万元` 或 `12,000 元`。",
    },
    "input_emoji_too_long": {
        "en": "An emoji name can have at most {limit} characters; `{emoji}` has {length}. Give an emoji name like `:memo:`.",
        "zh": "表情名称最多 {limit} 个字符，`{emoji}` 有 {length} 个。请给出表情名称，例如 `:memo:`。",
    },
    "crm_rate_out_of_range": {
        "en": "{rate} cannot be a rate: a rate is more than 0 and under {limit}, with at most 8 decimal places (the smallest is {step}). Write `/crm settings rate EUR 1.08`: a currency code and how much of the workspace currency one unit buys.",
        "zh": "{rate} 不能作为汇率：汇率必须大于 0、小于 {limit}，最多 8 位小数（最小为 {step}）。请写 `/crm settings rate EUR 1.08`：币种代码，以及一单位可换多少本工作区货币。",
    },
    "profile_contact_too_long": {
        "en": "Line {line}: “{value}” is {length} characters long; the limit is {limit}.",
        "zh": "第 {line} 行：“{value}”有 {length} 个字符，上限是 {limit} 个。",
    },
    "profile_contact_control_chars": {
        "en": "Line {line} contains invisible control characters (like those pasted from a terminal). Retype it.",
        "zh": "第 {line} 行有不可见的控制字符（常见于从终端粘贴的文本）。请重新输入。",
    },
}
