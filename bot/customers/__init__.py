"""Customers: the record, finding one by name, its profile and tags, and the people who serve them.

records.py   looking customers up, creating them, and what the customer card shows.
matching.py  finding the customer a person means: exact name or alias, then forgiving matches.
profile.py   the Edit profile form: what it shows, how its answers are checked, the update.
tagging.py   `/crm tag`: tags added and removed by hand, on one customer or every one with a tag.
people.py    team members' time zones as Slack tells them (asked through a lookup the caller gives).
"""
