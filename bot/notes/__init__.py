"""Notes: what a note is, how it is filed, corrected, taken back, saved from Slack and found again.

filing.py         filing a note (`/note`, a card's Add note) and Undo; reading it again in a zone.
editing.py        the Edit form: what it shows, how its answers are checked, the update.
message_form.py   "Save as customer note": a form prefilled from a Slack message, filed from it.
capture.py        capture channels, the capture reaction, and Events API deliveries seen once.
reply_targets.py  where a form's answer goes: the response URL of the click that opened it.
complaints.py     a complaint note is open until resolved (Resolve, Reopen).
finder.py         `/crm search`: the query grammar, and pages of matching notes with snippets.
"""
