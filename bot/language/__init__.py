"""The note language: one line of English or Chinese turned into a customer and the fields of a note."""

from bot.language.contract import parse_batch, parse_request, to_contract
from bot.language.model import Amount, FollowUp, ParsedNote
from bot.language.names import candidate_prefixes, normalize_name
from bot.language.parser import parse_followup, parse_note

__all__ = [
    "Amount",
    "FollowUp",
    "ParsedNote",
    "candidate_prefixes",
    "normalize_name",
    "parse_batch",
    "parse_followup",
    "parse_note",
    "parse_request",
    "to_contract",
]
