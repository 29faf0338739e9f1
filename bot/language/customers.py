"""Finding the customer at the start of a note (see names.py for the order of evidence)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.language.names import (
    CustomerSpan,
    colon_name,
    name_units,
    name_variants,
    normalize_name,
    prefix_ends,
    quoted_name,
)
from bot.language.scripts import HAN_RUN, is_han, words

_TRAILING_PUNCT = ",.;:!?，。；：！？、"
_GUESS_WORDS = 4

# Words that cannot be part of a customer's name when we have to guess where it ends: verbs, the
# grammar's own keywords, pronouns and prepositions, and the business nouns notes start with.
# Function words end a guessed name too, but are weak evidence that the words before them are one name.
_FUNCTION_WORDS = words(
    """
    a an about after again all and as at before but by for from he her him his i i'm i've if in into it
    its me my no not now of on or our out over per re regarding she so that the their them then there
    they to up us very via we what when which while who with yet you your
    """
)
_LATIN_STOPS = _FUNCTION_WORDS | words(
    """
    am are is be been being can cannot could just also still
    agreed asked asks back did didn't do does doesn't done get gets got had has have let need needs
    please said says should told was were will would wrote
    want wants like likes love loves own owns plan plans think thinks say agree agrees sent send sends
    met meet meets meeting call calls called calling phoned rang email emails emailed mail mailed
    chat chats chatted slack slacked teams zoom lunch dinner visit visits visited onsite on-site
    bought buy buys paid pays signed signs renewed renews renewal ordered orders order purchased
    complained complains complaint unhappy escalated escalation feedback wants wanted requested request
    requires needs needed looking interested
    today tonight tomorrow tmrw yesterday noon midday midnight morning afternoon evening
    monday tuesday wednesday thursday friday saturday sunday
    tue tues thu thur thurs fri next last this eod eow eom asap
    follow followup follow-up followed reminder remind demo pricing price quote contract invoice deal
    proposal renewal onboarding support issue issues ticket bug outage trial pilot upgrade downgrade
    budget seats licenses licences users sla rfp rfq po poc kickoff kick-off qbr check-in
    review voicemail sms whatsapp wechat webex
    """
)
_NOT_VERBS = words("limited united incorporated red bed seed speed feed need breed")

# Chinese has no spaces: a name runs until the first word that starts the note itself.
_ZH_STARTS_NOTE = re.compile(
    r"今天|今日|今早|今晚|明天|明日|明早|明晚|后天|大后天|昨天|昨日|昨晚|前天|刚才|刚刚|我们|我|客户|对方"
    r"|下周|上周|本周|这周|下个|上个|周[一二三四五六日天]|星期|礼拜|上午|下午|晚上|中午|早上"
)
_ZH_BOUNDARY = re.compile(
    _ZH_STARTS_NOTE.pattern
    + r"|电话|回电|来电|致电|通话|邮件|会议|开会|会面|见面|拜访|上门|到访|来访|走访|微信|钉钉|飞书|聊"
    r"|下单|下了|采购|签约|签了|签订|签署|续费|续约|续签|付款|付了|打款|购买|买了|订购|成交"
    r"|投诉|不满|抱怨|反馈|好评|差评|建议|需要|需求|希望|想要|要求|询问|咨询"
    r"|已经|已|刚|说|表示|确认|沟通|提出|提到|计划|准备|同意|考虑|反映|对接|对|和|与|跟|在|又|也|还|将"
    r"|要|想|的|了|给|让|请|约|打|问|回访|跟进|提交|报价|合同|总价|发来|发了|发送|来了|决定|试用|演示"
    r"|\d|[一二两三四五六七八九十]+(?:个|天|周|次|位|份|年|月)"
)


def _by_key(known: Iterable[str]) -> dict[str, str]:
    by_key: dict[str, str] = {}
    for name in known:
        key = normalize_name(name)
        if key:
            by_key.setdefault(key, name.strip())
    return by_key


def _known(readable: str, start: int, by_key: dict[str, str]) -> CustomerSpan | None:
    if not by_key:
        return None
    best: CustomerSpan | None = None
    for end in prefix_ends(readable, start):
        piece = readable[start:end]
        for candidate in name_variants(piece):
            hit = by_key.get(normalize_name(candidate))
            if hit is not None:
                best = CustomerSpan(hit, end)
    return best


def _guess_han(readable: str, reading: str, start: int) -> CustomerSpan:
    """`reading` is `readable` in Simplified Chinese (same length): the words are looked for there,
    the name is taken as written."""
    found = HAN_RUN.match(reading, start)
    end = found.end() if found else start
    run = reading[start:end]
    if run.startswith("客户") and len(run) > 2 and not _ZH_STARTS_NOTE.match(run, 2):
        # 客户腾讯 …: "customer Tencent"; the word for customer is not part of the name.
        return _guess_han(readable, reading, start + 2)
    if _ZH_STARTS_NOTE.match(run):
        return CustomerSpan(None, start)
    boundary = _ZH_BOUNDARY.search(run, 2)
    if boundary is not None:
        return CustomerSpan(readable[start : start + boundary.start()], start + boundary.start())
    if len(run) > 12:
        return CustomerSpan(None, start)
    return CustomerSpan(readable[start:end], end)


def _is_stop(word: str, index: int) -> bool:
    low = word.lower()
    if low == "&" or (index == 0 and low == "the"):  # "Ben & Jerry's", "The Home Depot"
        return False
    if not low[:1].isalnum() and not any(ch.isalnum() for ch in low):  # "-", "|", "—": a separator
        return True
    if low in _LATIN_STOPS or low[:1] in "#＃@＠$＄€£¥￥<(" or low.startswith("http"):
        return True
    if low[:1].isdigit() and (index > 0 or low.isdigit()):
        return True
    if index > 0 and len(low) == 2 and low[0] in "qh" and low[1] in "1234":  # Q3, H2: a period
        return True
    # "visited", "complained": a past-tense verb ends the name (but "Acme Limited" does not).
    return index > 0 and len(low) >= 5 and low.endswith("ed") and low.isalpha() and low not in _NOT_VERBS


def _strong_stop_in(name: str) -> int | None:
    """Where a keyword begins inside a `Name:` prefix ("acme feedback: …" → at "feedback"), if anywhere."""
    offset = 0
    for index, word in enumerate(name.split(" ")):
        low = word.lower()
        if index > 0 and low and low not in _FUNCTION_WORDS and _is_stop(word, index):
            return offset
        offset += len(word) + 1
    return None


def _next_word(readable: str, pos: int) -> str:
    unit = next(iter(name_units(readable, pos)), None)
    return readable[pos : unit[0]].strip().rstrip(_TRAILING_PUNCT).lower() if unit else ""


def _guess_latin(readable: str, start: int) -> CustomerSpan:
    words: list[tuple[str, int]] = []  # (word without trailing punctuation, its end offset)
    pos = start
    stopped = strong = False
    for end, han in name_units(readable, start):
        if len(words) > _GUESS_WORDS:
            break
        raw = readable[pos:end].strip()
        word = raw.rstrip(_TRAILING_PUNCT)
        if han or not word or _is_stop(word, len(words)):
            stopped = True
            strong = han or word.lower() not in _FUNCTION_WORDS
            break
        words.append((word, end - (len(raw) - len(word))))
        pos = end
        if word != raw:  # "acme, called …": punctuation closes the name
            stopped = strong = True
            break
        if (
            len(words) > 1
            and word.lower() in _NAME_OR_CHANNEL
            and _next_word(readable, end) in _CHANNEL_FOLLOWERS
        ):
            words.pop()
            stopped = strong = True
            break
        possessive = _POSSESSIVE.search(word) if "'" in word or "’" in word else None
        if possessive and _next_word(readable, end) in _ROLES:
            # "fabrikam's CTO met us": the customer is fabrikam; the note goes on after the 's.
            words[-1] = (word[: possessive.start()], words[-1][1])
            return _named(words, end)
    if not words:
        return CustomerSpan(None, start)
    if stopped and (strong or len(words) == 1) and len(words) <= _GUESS_WORDS:
        return _named(words, words[-1][1])
    # No verb in sight: trust capitalisation ("Acme Health Systems pricing …"), else one word.
    count = 1
    if words[0][0][:1].isupper():
        while count < min(len(words), _GUESS_WORDS) and words[count][0][:1].isupper():
            count += 1
    taken = words[:count]
    return CustomerSpan(" ".join(w for w, _ in taken), taken[-1][1])


_POSSESSIVE = re.compile(r"['’]s$")
# Nouns that are parts of company names ("Fourth Coffee", "Southridge Video", "The Phone Company")
# but begin the note when a way of talking follows them ("acme video call", "acme coffee with Jo").
_NAME_OR_CHANNEL = words("video phone conference site coffee breakfast workshop")
_CHANNEL_FOLLOWERS = words("call calls conference meeting chat visit with about re")
# After "fabrikam's" these name a person or team at the customer, so the customer is fabrikam.
_ROLES = words(
    "cto ceo cfo coo cio ciso vp svp evp head director manager team procurement legal it ops engineering"
    " sales finance buyer champion contact admin lead founder owner boss cmo security"
    " renewal contract invoice deal order account budget pricing proposal rfp po pilot trial demo onboarding"
    " outage ticket issue issues support payment quote"
)


def _named(words: list[tuple[str, int]], body_start: int) -> CustomerSpan:
    name = " ".join(w for w, _ in words)
    if name.lower() in _FUNCTION_WORDS or name.lower() in ("the &", "&"):
        return CustomerSpan(None, 0)
    return CustomerSpan(name, body_start)


def find_customer(readable: str, known: Iterable[str] = (), reading: str | None = None) -> CustomerSpan:
    """The customer at the start of `readable`; `reading` is the same text in Simplified Chinese."""
    start = 0
    while start < len(readable) and readable[start].isspace():
        start += 1
    if start >= len(readable):
        return CustomerSpan(None, start)
    by_key = _by_key(known)
    quoted = quoted_name(readable, start)
    if quoted is not None:
        # A known customer keeps the spelling it is stored under ("acme": … files under "Acme").
        return CustomerSpan(by_key.get(normalize_name(quoted[0]), quoted[0]), quoted[1])
    colon = colon_name(readable, start)
    if colon is not None:
        # "acme feedback: loves the dashboard" names acme; the keyword already belongs to the note.
        cut = _strong_stop_in(colon[0]) if not is_han(readable[start]) else None
        name, end = (colon[0][:cut].rstrip(), start + cut) if cut else colon
        return CustomerSpan(by_key.get(normalize_name(name), name), end)
    found = _known(readable, start, by_key)
    if found is not None:
        return found
    if readable[start] in "#＃":  # a note that opens with a tag names no customer
        return CustomerSpan(None, start)
    if is_han(readable[start]):
        return _guess_han(readable, readable if reading is None else reading, start)
    return _guess_latin(readable, start)
