"""The local console workspace: Slack's side of the conversation, played on this machine."""
