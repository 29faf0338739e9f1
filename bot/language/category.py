"""What kind of note this is: purchase, complaint, feedback, need, or general."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language.lexicon import FirstCharLexicon, Lexicon, Token
from bot.language.scripts import has_han

# When a note says several things, the one that needs the most care wins: a complaint about an
# order is a complaint; a purchase that also asks for more is still a purchase.
_PRIORITY = ("complaint", "purchase", "feedback", "need")

# A purchase is an act that happened (bought, paid, signed, ordered); talking about one ("discussed
# the renewal", "asked when to pay") is not, and neither is a refund, which is no complaint either.
EN_KEYWORDS: dict[str, str] = {
    "purchase": r"bought|purchased|paid|signed|sign(?:ed)? (?:up|off)|renewed|ordered|placed an order"
    r"|po received|closed won|closed the deal|won the deal|upgraded|subscribed|committed to|invoiced|wired",
    "complaint": r"complain(?:ed|s|ing|t|ts)?|unhappy|not happy|dissatisfied|angry|upset|furious|frustrated"
    r"|annoyed|escalat(?:e|ed|es|ing|ion)|threaten(?:ed|s)? to (?:leave|cancel|churn)|disappointed"
    r"|bad experience",
    "feedback": r"feedback|likes|liked|loves?|loved|praised|happy with|pleased|suggest(?:ed|s|ion|ions)?"
    r"|testimonial|thumbs up|nps",
    "need": r"wants?|wanted|asked for|asks for|asking for|needs?|needed|request(?:ed|s)?|requires?|required"
    r"|looking for|would like|interested in|wish(?:es)?|must have|requirement",
}
# In Chinese the act is told by its aspect: 签了, 已付款, 续费了, or an object that says what was
# bought (续费三年, 采购200台). The bare word (沟通续费, 确认付款时间, 讨论签约) is the topic only.
_DONE = r"(?=了|过|成功|完成|[0-9零一二两三四五六七八九十百千万])"
_PURCHASE_TOPICS = "签约|签订|签署|签合同|续费|续约|续签|付款|打款|采购|购买|订购"
_TOPICS_DONE = "|".join(word + _DONE for word in _PURCHASE_TOPICS.split("|"))
_ZH: dict[str, str] = {
    "purchase": r"下单|下了单|签了|签下|成交|买了|购入|中标|扩容|增购|加购|付了|回款|完成签约"
    rf"|已(?:经)?(?:{_PURCHASE_TOPICS}|付|下单)|{_TOPICS_DONE}",
    "complaint": r"投诉|不满|抱怨|差评|生气|不高兴|不开心|失望|发火|升级处理|威胁",
    "feedback": r"反馈|好评|点赞|喜欢|满意|建议|评价|表扬|称赞|认可",
    # 要 is a need when what is wanted follows (要报价, 要一份方案); 要开会 is only "will meet".
    "need": r"需要|需求|希望|想要|要求|想|申请|咨询|询问|问能否|求"
    r"|要(?=报价|方案|资料|发票|折扣|优惠|样品|演示|试用|账号|合同|一[个份套些张台]|更多|[0-9])",
}

_EN_WORDS = Lexicon(EN_KEYWORDS)
_ZH_KEYWORDS = FirstCharLexicon(_ZH)
_EN_NEGATION = re.compile(
    r"\b(?:not|never|no|didn't|didnt|did not|hasn't|hasnt|haven't|won't|doesn't|don't)"
    r"(?:\s+\w+)?\s*$",
)
_ZH_NEGATION = ("没有", "没", "未", "不", "还没", "并未", "无")


def _negated(scan: str, start: int, zh: bool) -> bool:
    before = scan[max(0, start - 24) : start]
    if zh:
        return before.endswith(_ZH_NEGATION)
    # Every negation has "n" followed by "o", "e" or "'t"/"t": most notes skip the regex.
    return ("no" in before or "ne" in before or "nt" in before or "n't" in before) and (
        _EN_NEGATION.search(before) is not None
    )


# "we need to send the deck" is our own to-do, not the customer's need.
_OUR_OWN = re.compile(r"\b(?:we|i|i'll|we'll|i'd|we'd|you)\s+(?:still\s+|really\s+)?$")


def _counts(scan: str, start: int, word: str, lang: str, name: str) -> bool:
    if lang == "zh":
        # 不满 is itself the complaint; only other words can be negated.
        return word == "不满" or not _negated(scan, start, zh=True)
    if _negated(scan, start, zh=False):
        return False
    return not (name == "need" and _OUR_OWN.search(scan[max(0, start - 16) : start]))


def find_category(
    scan: str,
    words: Sequence[Token] | None = None,
    *,
    han: bool | None = None,
    hits: Sequence[tuple[str, re.Match[str]]] | None = None,
) -> str:
    """`hits` are English keyword hits found already (see keywords.py); without them we look ourselves."""
    found: set[str] = set()
    for name, match in _EN_WORDS.finditer(scan, words) if hits is None else hits:
        if (
            name in EN_KEYWORDS
            and name not in found
            and _counts(scan, match.start(), match.group(), "en", name)
        ):
            found.add(name)
    if has_han(scan) if han is None else han:
        for name, match in _ZH_KEYWORDS.finditer(scan):
            if name not in found and _counts(scan, match.start(), match.group(), "zh", name):
                found.add(name)
    return next((name for name in _PRIORITY if name in found), "general")
