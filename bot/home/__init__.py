"""App Home, the page a person opens: their follow-ups, their latest notes, their customers.

page.py  what the page shows. It reads follow-ups, notes and customers alike, so it sits above
         those packages rather than in one of them (bot.followups already uses bot.customers).
"""
