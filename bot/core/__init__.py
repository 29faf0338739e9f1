"""The shared kernel: what every domain package uses, and nothing above it.

errors.py      domain errors; each names a catalog key the renderer turns into words.
validation.py  what a person types, cleaned, bounded by its column, or refused with a reason.
clock.py       the injected clock (services take `now`).
workspaces.py  the workspace a request belongs to, created with this installation's defaults.
i18n.py        `t` (a catalog entry in English or Chinese) and the language of an answer.
catalog/       the message catalog, by area (i18n.py puts it together).
"""
