"""The message catalog, by area; bot.i18n puts it together."""
