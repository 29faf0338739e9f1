"""How the interaction happened: call, email, meeting, visit or chat."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language.lexicon import FirstCharLexicon, Lexicon, Token
from bot.language.scripts import has_han

# Order matters where phrases overlap: "video call" is a meeting, not a call.
EN_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        "meeting",
        r"video[- ]?call|zoom|google meet|webex|meet(?:ing|ings|s)?|met|lunch(?:ed)?|dinner|coffee"
        r"|breakfast|in[- ]person|conference call",
    ),
    ("visit", r"visit(?:ed|ing|s)?|on[- ]?site|site visit|dropped by|stopped by|went to their office"),
    ("call", r"call(?:ed|ing|s)?|phon(?:e|ed|ing)|rang|ring|voicemail|dialed|dialled"),
    ("email", r"e-?mail(?:ed|ing|s)?|mail(?:ed)?|inbox|wrote to|replied by mail"),
    (
        "chat",
        r"chat(?:ted|ting|s)?|slack(?:ed)?|teams|whatsapp|wechat|dingtalk|lark|feishu|dm(?:ed|'d)?"
        r"|messag(?:e|ed|ing)|texted|sms|telegram",
    ),
)
_ZH: tuple[tuple[str, str], ...] = (
    ("meeting", r"视频会议|腾讯会议|会议|开会|会面|见面|面谈|面聊|约见|饭局|午餐|晚餐|吃饭|喝咖啡|线下交流"),
    ("visit", r"拜访|上门|到访|来访|走访|实地|登门|去了?(?:客户|他们|对方)(?:那|公司|办公室)|现场"),
    ("call", r"电话|回电|来电|致电|通话|打给|语音"),
    ("email", r"邮件|电邮|邮箱|发信"),
    ("chat", r"微信|钉钉|飞书|企微|qq|聊天|私信|聊"),
)

_EN_WORDS = Lexicon(dict(EN_KEYWORDS))
_CHANNELS = frozenset(name for name, _ in EN_KEYWORDS)
_ZH_WORDS = FirstCharLexicon(dict(_ZH))


def find_channel(
    scan: str,
    words: Sequence[Token] | None = None,
    *,
    han: bool | None = None,
    hits: Sequence[tuple[str, re.Match[str]]] | None = None,
) -> str | None:
    """The first channel named in the note wins: that is how the interaction itself is usually told.

    `hits` are English keyword hits found already (see keywords.py); without them we look ourselves.
    """
    if hits is None:
        english = next(_EN_WORDS.finditer(scan, words), None)
    else:
        english = next((hit for hit in hits if hit[0] in _CHANNELS), None)
    chinese = _ZH_WORDS.search(scan) if (has_han(scan) if han is None else han) else None
    if chinese is not None and (english is None or chinese[1].start() < english[1].start()):
        return chinese[0]
    return english[0] if english else None
