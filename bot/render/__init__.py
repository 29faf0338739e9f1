"""Rendering: one place decides how Rapport's answers look, in Block Kit, in English and Chinese."""
