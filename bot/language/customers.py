"""Finding the customer a note is about (see names.py for the order of evidence).

A name read at the start is the customer (a new one if no known name matches). A known name is
followed by its legal suffix when it has one ("ACME Inc emailed", 华为技术有限公司 电话回访: the
note is on ACME, on 华为). A capitalised word right after a known name that is neither a body word
nor a suffix ("Acme Health bought 20 seats", with only Acme known) reads as a longer, new name:
the span then says it is not known and names the known one as the alternative, so the caller can
ask. When the start names no one ("Just got off the phone with Globex", 今天和阿里巴巴开会), a known
name anywhere in the text is the customer, else a name right after a verb or preposition that
takes one; the body is then the whole note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.language.names import (
    HAN_SUFFIX,
    LATIN_LEGAL,
    CustomerSpan,
    after_broadcast,
    colon_name,
    formatted_name,
    legal_suffix_end,
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
    spoke talked heard caught finally replied texted pinged reached checked
    sow nda msa dpa sso api ceo cto cfo coo cio vp
    usd eur gbp cny rmb jpy hkd sgd aud cad chf inr krw nzd twd
    """
)
# "acme quick call: …", "Hooli cold email": a word that tells what kind of call or email it was
# begins the note when one of those follows it (but "First Republic", "Good Harvest" stay names).
_MODIFIERS = words(
    "quick cold brief short long good great bad first second third final initial intro introductory "
    "follow-up followup weekly monthly quarterly annual regular routine urgent productive positive"
)
_BODY_NOUNS = words(
    "call calls email emails mail meeting meetings chat visit demo sync catch-up catchup check-in touch "
    "update note notes intro introduction conversation discussion talk outreach pitch zoom lunch coffee"
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
# Words that begin a note for certain: in a `Name：` prefix ("腾讯 反馈：", "华为 会议纪要：") they end
# the name, and a note that opens with one names its customer later, if at all ("拜访了华为").
_ZH_NOTE_WORDS = re.compile(
    r"电话|回电|来电|致电|通话|邮件|会议|开会|会面|见面|拜访|上门|到访|来访|走访|微信|钉钉|飞书"
    r"|反馈|投诉|纪要|记录|跟进|回访|沟通|需求|报价|下单|签约|续费|付款|采购|备注|进展|总结"
)
# Verbs and prepositions after which a customer is named: "met with Acme", 和阿里巴巴开会, 拜访了华为.
_LATIN_CUES = re.compile(r"\b(?:with|met|visited|called|phoned|emailed|from)\s+")
_HAN_CUES = re.compile(r"拜访了?|拜会了?|走访了?|见了|约了|联系了|致电|打给|去了|和|与|跟(?!进)")
_HAN_OPENING_CUE = re.compile(r"[和与跟](?!进)")
_NOT_HAN_NAMES = re.compile(r"他们|她们|你们|我们|大家|团队|同事|领导|老板|客户|对方|他|她|你|我")


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
                best = CustomerSpan(hit, end, known=True)
    return best


def _known_name(name: str, by_key: dict[str, str]) -> str | None:
    """The known name a whole name is, as written or without its legal suffix ("Acme Inc": Acme)."""
    if not by_key:
        return None
    hit = by_key.get(normalize_name(name))
    if hit is not None:
        return hit
    low = name.lower()
    for at in range(1, len(low)):
        if (low[at] in " ,(（" or is_han(low[at])) and legal_suffix_end(low, at) == len(low):
            return by_key.get(normalize_name(name[:at]))
    return None


def _known_anywhere(readable: str, reading: str, start: int, by_key: dict[str, str]) -> str | None:
    """The known name written earliest after `start` (the longest of those starting there)."""
    best: tuple[int, int, str] | None = None
    for key, name in by_key.items():
        at = reading.find(key, start)
        if at < 0:
            at = readable.find(key, start)  # a Han name stored as written (騰訊)
        while at >= 0 and not _whole_word(reading, at, at + len(key)):
            at = reading.find(key, at + 1)
        if at >= 0 and (best is None or (at, -len(key)) < (best[0], -best[1])):
            best = (at, len(key), name)
    return best[2] if best else None


def _whole_word(reading: str, start: int, end: int) -> bool:
    before, after = reading[start - 1 : start], reading[end : end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _with_suffix(found: CustomerSpan, readable: str, reading: str, start: int) -> CustomerSpan:
    """A known name followed by its legal suffix, or by a capitalised word that makes a longer name."""
    end = legal_suffix_end(reading, found.body_start)
    if end is not None:
        return CustomerSpan(found.name, end, known=True)
    last = readable[found.body_start - 1 : found.body_start]
    after = _next_word(readable, found.body_start, lower=False)
    if not (last.isalnum() and after[:1].isupper() and not after.isupper()) or is_han(after[:1]):
        return found
    if _is_stop(after, 1) or after.lower() in LATIN_LEGAL or after.lower() in _ROLES:
        return found
    longer = _guess_latin(readable, reading, start)
    if longer.name is None or not longer.sure or longer.body_start <= found.body_start:
        return found
    return CustomerSpan(longer.name, longer.body_start, known=False, alternative=found.name)


def _guess_han(readable: str, reading: str, start: int) -> CustomerSpan:
    """`reading` is `readable` in Simplified Chinese (same length): the words are looked for there,
    the name is taken as written."""
    found = HAN_RUN.match(reading, start)
    end = found.end() if found else start
    run = reading[start:end]
    if run.startswith("客户") and len(run) > 2 and not _ZH_STARTS_NOTE.match(run, 2):
        # 客户腾讯 …: "customer Tencent"; the word for customer is not part of the name.
        return _guess_han(readable, reading, start + 2)
    if _ZH_STARTS_NOTE.match(run) or _ZH_NOTE_WORDS.match(run):
        return CustomerSpan(None, start)
    suffixes = [m.span() for m in HAN_SUFFIX.finditer(run)] if "公司" in run or "集团" in run else []
    boundary = _ZH_BOUNDARY.search(run, 2)
    while boundary is not None and any(left <= boundary.start() < right for left, right in suffixes):
        # 华为技术有限公司: no word of a legal suffix ends the name before it
        boundary = _ZH_BOUNDARY.search(run, next(r for left, r in suffixes if left <= boundary.start() < r))
    if boundary is not None:
        end = start + boundary.start()
    elif len(run) > 12:
        return CustomerSpan(None, start)
    if end < len(reading) and reading[end] in "(（":
        # 腾讯科技（深圳）有限公司: the region in brackets and the legal form go on past the run.
        for at in range(start + 2, end):
            suffix_end = legal_suffix_end(reading, at)
            if suffix_end is not None and suffix_end > end:
                end = suffix_end
                break
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


def _begins_note(word: str, readable: str, end: int) -> bool:
    """ "quick" in "acme quick call", "cold" in "Hooli cold email": the note starts here."""
    return word.lower() in _MODIFIERS and _next_word(readable, end) in _BODY_NOUNS


def _strong_stop_in(name: str) -> int | None:
    """Where a keyword begins inside a `Name:` prefix ("acme feedback: …" → at "feedback"), if anywhere."""
    offset = 0
    parts = name.split(" ")
    for index, word in enumerate(parts):
        low = word.lower()
        if index > 0 and low and low not in _FUNCTION_WORDS and _is_stop(word, index):
            return offset
        if (
            index > 0
            and low in _MODIFIERS
            and index + 1 < len(parts)
            and parts[index + 1].lower() in _BODY_NOUNS
        ):
            return offset
        offset += len(word) + 1
    return None


def _han_stop_in(reading: str, start: int, end: int) -> int | None:
    """Where a word that begins a note sits in a Chinese `Name：` prefix (腾讯 反馈：, 华为 会议纪要：)."""
    for at in range(start + 2, end):
        if is_han(reading[at]) and _ZH_NOTE_WORDS.match(reading, at):
            return at
    return None


def _next_word(readable: str, pos: int, *, lower: bool = True) -> str:
    unit = next(iter(name_units(readable, pos)), None)
    word = readable[pos : unit[0]].strip().rstrip(_TRAILING_PUNCT) if unit else ""
    return word.lower() if lower else word


def _guess_latin(readable: str, reading: str, start: int) -> CustomerSpan:
    words: list[tuple[str, int]] = []  # (word without trailing punctuation, its end offset)
    pos = start
    stopped = strong = False
    for end, han in name_units(readable, start):
        if len(words) > _GUESS_WORDS:
            break
        raw = readable[pos:end].strip()
        word = raw.rstrip(_TRAILING_PUNCT)
        if words and word.lower().rstrip(".,") in LATIN_LEGAL:
            # "ACME Inc emailed", "Globex Co., Ltd. signed": the legal suffix closes the name.
            suffix_end = legal_suffix_end(reading, pos)
            if suffix_end is not None:
                return _named([(readable[start:suffix_end].strip(), suffix_end)], suffix_end)
        if han or not word or _is_stop(word, len(words)) or _begins_note(word, readable, end):
            stopped = True
            strong = han or word.lower() not in _FUNCTION_WORDS
            break
        words.append((word, end - (len(raw) - len(word))))
        pos = end
        if word != raw:  # "acme, called …": punctuation closes the name, unless a suffix follows it
            suffix_end = legal_suffix_end(reading, words[-1][1])
            if suffix_end is not None:
                return _named([(readable[start:suffix_end].strip(), suffix_end)], suffix_end)
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
        found = _named(words, words[-1][1])
        found.sure = strong
        return found
    # No verb in sight: trust capitalisation ("Acme Health Systems pricing …"), else one word.
    count = 1
    if words[0][0][:1].isupper():
        while count < min(len(words), _GUESS_WORDS) and words[count][0][:1].isupper():
            count += 1
    taken = words[:count]
    return CustomerSpan(" ".join(w for w, _ in taken), taken[-1][1], sure=False)


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


def _guess_at_start(readable: str, reading: str, start: int) -> CustomerSpan:
    if is_han(readable[start]):
        if _HAN_OPENING_CUE.match(reading, start):
            return CustomerSpan(None, start)  # 和阿里巴巴开会: the name follows the 和 (_guess_after_cue)
        return _guess_han(readable, reading, start)
    return _guess_latin(readable, reading, start)


_PERSON_AT = re.compile(r"[ \t]+(?:from|at|of)[ \t]+")


def _organisation_after(readable: str, reading: str, end: int) -> str | None:
    """ "Sarah from Hooli": when a person is named, the customer is the organisation after them."""
    found = _PERSON_AT.match(reading, end)
    if found is None or not readable[found.end() : found.end() + 1].isupper():
        return None
    organisation = _guess_latin(readable, reading, found.end())
    return organisation.name if organisation.name and organisation.name[:1].isupper() else None


def _guess_after_cue(readable: str, reading: str, start: int) -> str | None:
    """A name right after a verb or preposition that takes one: "met with Acme", 拜访了华为.
    Unknown names are taken only when they look like names: capitalised in Latin script."""
    for cue in _LATIN_CUES.finditer(reading, start):
        at = cue.end()
        if at < len(readable) and readable[at].isupper() and not is_han(readable[at]):
            found = _guess_latin(readable, reading, at)
            if found.name and found.name[:1].isupper() and found.name.lower() not in _LATIN_STOPS:
                return _organisation_after(readable, reading, found.body_start) or found.name
    for cue in _HAN_CUES.finditer(reading, start):
        at = cue.end()
        if at < len(reading) and is_han(reading[at]) and not _NOT_HAN_NAMES.match(reading, at):
            found = _guess_han(readable, reading, at)
            if found.name and len(found.name) >= 2:
                return found.name
    return None


def find_customer(readable: str, known: Iterable[str] = (), reading: str | None = None) -> CustomerSpan:
    """The customer of the note in `readable`; `reading` is its scan copy (markup.Marked.scan: same
    length, lower-cased, in Simplified Chinese), where the words are looked for."""
    if reading is None:
        reading = readable.lower() if len(readable.lower()) == len(readable) else readable
    start = 0
    while start < len(readable) and readable[start].isspace():
        start += 1
    start = after_broadcast(readable, start)  # "<!here> acme called"
    if start >= len(readable):
        return CustomerSpan(None, start)
    by_key = _by_key(known)
    explicit = quoted_name(readable, start) or formatted_name(readable, start)
    if explicit is not None:
        # A known customer keeps the spelling it is stored under ("acme": … files under "Acme").
        hit = _known_name(explicit[0], by_key)
        return CustomerSpan(hit or explicit[0], explicit[1], known=hit is not None)
    colon = colon_name(readable, start)
    if colon is not None:
        # "acme feedback: loves the dashboard" names acme; the keyword already belongs to the note.
        if is_han(readable[start]):
            han_cut = _han_stop_in(reading, start, start + len(colon[0]))
            cut = None if han_cut is None else han_cut - start
        else:
            cut = _strong_stop_in(colon[0])
        name, end = (colon[0][:cut].rstrip(), start + cut) if cut else colon
        hit = _known_name(name, by_key)
        return CustomerSpan(hit or name, end, known=hit is not None)
    found = _known(readable, start, by_key)
    if found is not None:
        return _with_suffix(found, readable, reading, start)
    if readable[start] in "#＃":  # a note that opens with a tag names no customer
        return CustomerSpan(None, start)
    guess = _guess_at_start(readable, reading, start)
    if guess.name is not None and guess.sure:
        if by_key:
            guess.alternative = _known_anywhere(readable, reading, guess.body_start, by_key)
        return guess
    # The start names no one for sure: a known name anywhere, else a name after a verb.
    elsewhere = _known_anywhere(readable, reading, start, by_key) if by_key else None
    if elsewhere is not None:
        return CustomerSpan(elsewhere, start, known=True)
    if guess.name is not None:
        organisation = _organisation_after(readable, reading, guess.body_start)
        return CustomerSpan(organisation, start, sure=False) if organisation else guess
    named = _guess_after_cue(readable, reading, start)
    return CustomerSpan(named, start) if named else CustomerSpan(None, guess.body_start)
