"""A workspace of one person and one channel, in the terminal.

Every line typed becomes the request Slack would send (a signed slash command, a button
click) and goes through the same Bolt app and listeners; what the app sends back to
"Slack" (the HTTP answer, response URL posts, Web API calls) is shown as text.
"""

from __future__ import annotations

import json
import queue
import secrets
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from slack_bolt import App, BoltRequest

from bot.app.factory import build_app
from bot.app.runtime import Runtime
from bot.console import forms, payloads
from bot.console.standin import Call, SlackStandIn
from bot.console.textview import Button, render
from bot.render.limits import message_problems

HELP = """Type what you would type in Slack:
  /note acme called re pricing #pricing     file a note
  /customer acme                            the customer card
  /followup acme tomorrow 3pm send quote    a reminder; /followup list shows yours
  @rapport acme                             mention Rapport: it answers in the thread
  any other text                            a message in this channel
  react :memo:                              react to your last message (saves it as a note)
  save                                      "Save as customer note" on your last message
  1, 2, …                                   press the button with that number
  help                                      this text
  quit                                      leave (Ctrl-D works too)"""

_SHOWN_METHODS = {
    "chat.postMessage",
    "chat.postEphemeral",
    "chat.update",
    "response_url",
    "reactions.add",
    "files.completeUploadExternal",
}
FILES_DIR = Path(tempfile.gettempdir()) / "rapport-console-files"  # where files "uploaded" are saved


class ConsoleWorkspace:
    def __init__(
        self,
        rt: Runtime,
        *,
        out: Callable[[str], None] = print,
        ask: Callable[[str], str] = input,
        team_id: str = "T0CONSOLE",
        user_id: str = "U0CONSOLE",
        channel_id: str = "C0CONSOLE",
    ) -> None:
        self.out, self.ask = out, ask
        self.team_id, self.user_id, self.channel_id = team_id, user_id, channel_id
        self.standin = SlackStandIn(team_id=team_id).start()
        self._secret = secrets.token_hex(16)
        # A line's lazy work (a mention's reply, a summary sent) is done before the next prompt.
        self.app: App = build_app(
            rt,
            token="xoxb-console",
            signing_secret=self._secret,
            api_url=self.standin.api_url,
            lazy_executor=_Inline(),
        )
        self.buttons: list[Button] = []
        self._pending: queue.SimpleQueue[Call] = queue.SimpleQueue()
        self._responses = 0
        self._events = 0
        self._last_message: dict[str, Any] | None = None
        # Only guards printing and the button list. It is never held while waiting on the
        # stand-in: its HTTP threads call _arrived, and must not wait on the line being handled.
        self._out_lock = threading.Lock()
        self._dispatching = False
        self.standin.subscribe(self._keep_files)
        self.standin.subscribe(self._arrived)

    def _keep_files(self, call: Call) -> None:
        """Saves each file the app shares, so that a chart can be opened from the terminal."""
        if call.method != "files.completeUploadExternal":
            return
        for file in _files_of(call):
            upload = self.standin.upload(str(file.get("id")))
            if upload is not None and "content" in upload:
                FILES_DIR.mkdir(parents=True, exist_ok=True)
                (FILES_DIR / Path(str(upload["name"])).name).write_bytes(upload["content"])

    def _arrived(self, call: Call) -> None:
        """Calls made while a typed line is handled are shown with its answer; any other call
        (a reminder posted by the dispatcher's clock) is shown the moment it arrives."""
        if self._dispatching or call.method not in _SHOWN_METHODS or call.is_response_url:
            self._pending.put(call)
            return
        if call.refused:
            self._warn_refused(call.method, list(call.refused))
            return
        with self._out_lock:
            self.buttons = []
            self.out(
                "\n".join(render(_shown(call) | {"_response_url": self._next_response_url()}, self.buttons))
            )

    def close(self) -> None:
        self.standin.stop()

    def handle(self, line: str) -> bool:
        """Handles one typed line; False when the person asked to leave."""
        line = line.strip()
        if not line:
            return True
        if line in ("quit", "exit", "/quit"):
            return False
        if line in ("help", "/help", "?"):
            self.out(HELP)
        elif line.isdigit():
            self._press(int(line))
        elif line.startswith("/"):
            command, _, text = line.partition(" ")
            self._command(command, text.strip())
        elif line.startswith("@rapport"):
            self._event(
                {"type": "app_mention", "user": self.user_id, "text": "<@U0RAPPORT>" + line[8:]},
            )
        elif line.startswith("react ") or line == "save":
            self._on_last_message(line)
        else:
            self._message(line)
        return True

    def _message(self, text: str) -> None:
        """A message in the channel: kept where Slack would keep it, and announced as an event."""
        posted = self.standin.record_message(
            Call("chat.postMessage", {"channel": self.channel_id, "text": text}, {})
        )
        self._last_message = {"type": "message", "user": self.user_id, "text": text, "ts": posted["ts"]}
        self._event(self._last_message)

    def _on_last_message(self, line: str) -> None:
        if self._last_message is None:
            self.out("Type a message first; then react to it or save it.")
            return
        if line == "save":
            body = payloads.message_shortcut(
                callback_id="save_as_note",
                message=self._last_message,
                team_id=self.team_id,
                user_id=self.user_id,
                channel_id=self.channel_id,
                response_url=self._next_response_url(),
            )
            self._dispatch(body)
            return
        emoji = line.removeprefix("react ").strip().strip(":")
        item = {"type": "message", "channel": self.channel_id, "ts": self._last_message["ts"]}
        self._event(
            {"type": "reaction_added", "user": self.user_id, "reaction": emoji, "item": item},
        )

    def _event(self, event: dict[str, Any]) -> None:
        """Events are answered after the acknowledgement, as in Slack (here, before the next prompt)."""
        self._events += 1
        body = payloads.event_callback(
            event={"channel": self.channel_id, "ts": f"{time.time():.6f}", **event},
            team_id=self.team_id,
            event_id=f"EvConsole{self._events}",
        )
        self._dispatch(body, content_type=payloads.JSON)

    def _next_response_url(self) -> str:
        self._responses += 1
        return self.standin.response_url(f"r{self._responses}")

    def _command(self, command: str, text: str) -> None:
        body = payloads.slash_command(
            command=command,
            text=text,
            team_id=self.team_id,
            user_id=self.user_id,
            channel_id=self.channel_id,
            response_url=self._next_response_url(),
        )
        self._dispatch(body)

    def _press(self, number: int) -> None:
        if not 1 <= number <= len(self.buttons):
            self.out(f"There is no button {number}." if self.buttons else "There are no buttons to press.")
            return
        button = self.buttons[number - 1]
        action = button.action
        if button.asks_for_user:
            action = action | {"selected_user": self.ask("Who (a user id like U123)? ").strip()}
        body = payloads.block_action(
            action=action,
            team_id=self.team_id,
            user_id=self.user_id,
            channel_id=self.channel_id,
            response_url=str(button.message.get("_response_url") or self._next_response_url()),
            message={k: v for k, v in button.message.items() if not k.startswith("_")},
        )
        self._dispatch(body)

    def _submit(self, view: dict[str, Any]) -> None:
        answers = forms.fill(view, self.ask, self.out)
        values = payloads.modal_state(view, answers)
        body = payloads.view_submission(view=view, values=values, team_id=self.team_id, user_id=self.user_id)
        self._dispatch(body)

    def _dispatch(self, body: str, content_type: str = payloads.FORM) -> None:
        outer, self._dispatching = self._dispatching, True
        try:
            self._dispatch_now(body, content_type)
        finally:
            self._dispatching = outer

    def _dispatch_now(self, body: str, content_type: str) -> None:
        headers = payloads.signed_headers(body, self._secret, content_type=content_type)
        response = self.app.dispatch(BoltRequest(body=body, headers=dict(headers.items())))
        request_url = _response_url_of(body)
        shown: list[dict[str, Any]] = []
        opened: list[dict[str, Any]] = []
        if response.body and response.status == 200:
            answer: dict[str, Any] = (
                json.loads(response.body) if response.body.startswith("{") else {"text": response.body}
            )
            if answer.get("response_action") == "errors":
                reasons: dict[str, str] = answer.get("errors", {})
                problems = "\n".join(f"  {field}: {why}" for field, why in reasons.items())
                self.out("Not saved:\n" + problems)
            elif answer:
                # The HTTP answer is what Slack shows; the stand-in never sees it, so it is checked here.
                refused = [str(p) for p in message_problems(answer)]
                if refused:
                    self._warn_refused("the answer", refused)
                else:
                    shown.append(answer | {"_response_url": request_url})
        elif response.status != 200:
            self.out(f"(the app answered HTTP {response.status})")
        while not self._pending.empty():
            call = self._pending.get()
            if call.refused:
                self._warn_refused(call.method, list(call.refused))
            elif call.method == "views.open":
                opened.append(call.params["view"])
            elif call.method in _SHOWN_METHODS:
                url = self.standin.response_url(call.params["_key"]) if call.is_response_url else None
                shown.append(_shown(call) | {"_response_url": url or request_url})
        with self._out_lock:
            if shown:
                self.buttons = []
            for message in shown:
                self.out("\n".join(render(message, self.buttons)))
        for view in opened:
            self._submit(view)

    def _warn_refused(self, what: str, reasons: list[str]) -> None:
        """What Slack would have refused is not shown (Slack would not show it): why, instead."""
        with self._out_lock:
            self.out(f"(Slack would refuse {what}, and show nothing:)\n  " + "\n  ".join(reasons))


def _response_url_of(body: str) -> str | None:
    form = parse_qs(body)
    if "response_url" in form:
        return form["response_url"][0]
    if "payload" in form:
        return str(json.loads(form["payload"][0]).get("response_url") or "") or None
    return None


def _shown(call: Call) -> dict[str, Any]:
    """The message a call puts on screen (a reaction is a line of its own)."""
    if call.method == "reactions.add":
        return {"text": f"(Rapport reacted :{call.params.get('name')}: to your message: it is a note now)"}
    if call.method == "files.completeUploadExternal":
        return {"text": "\n".join(_saved(file) for file in _files_of(call))}
    return call.params


def _files_of(call: Call) -> list[dict[str, Any]]:
    listed = call.params.get("files") or "[]"
    return list(json.loads(listed) if isinstance(listed, str) else listed)


def _saved(file: dict[str, Any]) -> str:
    title = file.get("title") or "a file"
    return f"(Rapport attached “{title}” in the thread; the console saved it in {FILES_DIR})"


class _Inline(Executor):
    """Runs each submitted task at once, on the caller's thread."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        done: Future[Any] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as failure:  # as a thread pool would: kept on the future
            done.set_exception(failure)
        return done
