"""The message catalog, by area; bot.core.i18n puts it together."""
