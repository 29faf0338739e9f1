"""The note language: one line of English or Chinese turned into a customer and the fields of a note.

How a note is read (parser.py):
  markup.py     Slack markup made readable; a same-length, lower-cased copy with links blanked
                ("scan") is what every grammar reads, so spans found in one are valid in the other.
  customers.py  the customer: quoted or bold, `Name:`, longest known name with its legal suffix,
                else a guess; when the start names no one, a known name anywhere, then a name after
                a verb (names.py holds the normalisation and the keys the storage layer looks up).
  lexicon.py    the note's words, found once; each grammar is tried only at words that can start it.
  dates*.py     English and Chinese date grammars (regex tables, first-character dispatch in
                grammar.py), joined and resolved against `now` in the note's zone (timeline.py).
  tags.py, keywords.py (channels.py, category.py), amounts.py   the other fields.
  contract.py   the `rapport parse` JSON contract, single and JSON-lines batches.

Nothing here raises on bad input: a note that cannot be read comes back with `error` set.
"""

from bot.language.contract import parse_batch, parse_request, to_contract
from bot.language.model import Amount, FollowUp, ParsedNote
from bot.language.names import candidate_names, candidate_prefixes, normalize_name
from bot.language.parser import parse_followup, parse_note

__all__ = [
    "Amount",
    "FollowUp",
    "ParsedNote",
    "candidate_names",
    "candidate_prefixes",
    "normalize_name",
    "parse_batch",
    "parse_followup",
    "parse_note",
    "parse_request",
    "to_contract",
]
