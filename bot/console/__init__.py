"""The local console's Slack side: the conversation as Slack would hold it, played on this machine.
The workspace that drives it (a terminal, the Bolt app) is bot.app.console.

standin.py   a local stand-in for Slack's Web API and response URLs, recording every call.
payloads.py  request bodies shaped like Slack's, signed as Slack signs them.
forms.py     modals at the console: each input asked for in turn.
textview.py  Block Kit as readable terminal text.
"""
