"""Rendering: one place decides how Rapport's answers look, in Block Kit, in English and Chinese.
Renderers take the plain results of the domain packages and return a Message or a view; the words
come from the catalog (bot.core.i18n).

kit.py, limits.py, timefmt.py       blocks and fitting, Slack's limits and the one check, times.
notes.py, edit_modal.py             a filed note's reply, Undo, usage; the Edit form.
cards.py, card_modals.py,           the customer card and its notes pages; its Add note and Add
profile_modal.py                    follow-up forms; the Edit profile form.
followups.py, reminders.py          follow-ups set and listed; the reminder message and its changes.
search.py, segments.py, digests.py  search results, segment tables, the weekly summary.
home.py                             the App Home tab.
chart.py                            the weekly summary's chart, drawn as a PNG.
crm.py, answers.py, errors.py       /crm's short answers; one-line answers to clicks and forms;
                                    refusals and failures.
"""
