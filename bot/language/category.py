"""What kind of note this is: purchase, complaint, feedback, need, or general."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.language.lexicon import FirstCharLexicon, Lexicon, Token
from bot.language.scripts import has_han

# When a note says several things, the one that needs the most care wins: a complaint about an
# order is a complaint; a purchase that also asks for more is still a purchase.
_PRIORITY = ("complaint", "purchase", "feedback", "need")

EN_KEYWORDS: dict[str, str] = {
    "purchase": r"bought|buys?|buying|purchas(?:e|ed|es|ing)|paid|pays?|paying|signed|signs"
    r"|sign(?:ed)? (?:up|off)|renew(?:ed|s)|ordered|orders|placed an order|po received"
    r"|closed(?: won)?|won the deal|upgraded"
    r"|subscribed|committed to|invoiced|wired",
    "complaint": r"complain(?:ed|s|ing|t|ts)?|unhappy|not happy|dissatisfied|angry|upset|furious|frustrated"
    r"|annoyed|escalat(?:e|ed|es|ing|ion)|threaten(?:ed|s)? to (?:leave|cancel|churn)|disappointed"
    r"|bad experience|refund",
    "feedback": r"feedback|likes|liked|loves?|loved|praised|happy with|pleased|suggest(?:ed|s|ion|ions)?"
    r"|testimonial|thumbs up|nps",
    "need": r"wants?|wanted|asked for|asks for|asking for|needs?|needed|request(?:ed|s)?|requires?|required"
    r"|looking for|would like|interested in|wish(?:es)?|must have|requirement",
}
_ZH: dict[str, str] = {
    # 续约 on its own is a topic ("讨论续约"); renewed (续约了, 已续约) is a purchase.
    "purchase": r"下单|下了单|采购(?!部|经理|总监|负责人|流程)|签约|签了|签订|签下|签合同|签署|续费"
    r"|已续(?:约|签)|续(?:约|签)(?:了|成功|完成)|付款|付了|已付|打款|回款|购买|买了|订购|成交|购入|中标|扩容|增购|加购",
    "complaint": r"投诉|不满|抱怨|差评|生气|不高兴|不开心|失望|发火|退款|升级处理|威胁",
    "feedback": r"反馈|好评|点赞|喜欢|满意|建议|评价|表扬|称赞|认可",
    "need": r"需要|需求|希望|想要|要求|想|申请|咨询|询问|问能否|求",
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
