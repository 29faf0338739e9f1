"""/crm: one command, many sub-commands, each a function of its own.

routes.py    the alias table (English and Chinese words for each sub-command) and the routing
             table; registers /crm and the listeners its answers need.
request.py   a /crm command as its sub-commands read it.
search.py    `search` (搜索, find) and the result pages' buttons.
tags.py      `tag` (标签).
segments.py  `segment` (segments, 分组): create, show, delete, list.
digests.py   `digest` (摘要): subscribe, list, unsubscribe, preview, send (posted after the answer).
settings.py  `settings` (capture, emoji, stages, rate) and `recompute` (done after the answer).
"""
