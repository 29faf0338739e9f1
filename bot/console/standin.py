"""A local stand-in for Slack's Web API and response URLs, recording every call.

The console points the app's Web API client here so that the same listeners run as in
Slack; tests point it here to see exactly what would have reached Slack. Answers follow
the Web API's shapes for the methods Rapport uses; any method can be overridden (to
inject a 429 or an error) with `respond_with`.

Like Slack, it refuses a message or view over a Block Kit limit (bot.render.limits, the same
check the app makes before sending): `invalid_blocks` for messages, `invalid_arguments` for
views, HTTP 400 for a response URL; each refused call is kept with the reasons in `refused`.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.render.limits import message_problems, view_problems

Reply = tuple[int, dict[str, Any], dict[str, str]]
Responder = Callable[["Call"], Reply | None]


@dataclass(frozen=True)
class Call:
    """One request that reached the stand-in: a Web API method, or a post to a response URL."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.time)
    refused: tuple[str, ...] = ()  # why Slack would refuse it, in Slack's words; empty when accepted

    @property
    def is_response_url(self) -> bool:
        return self.method == "response_url"


class SlackStandIn:
    def __init__(self, *, team_id: str = "T0CONSOLE", bot_user_id: str = "U0RAPPORT") -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.users: dict[str, dict[str, Any]] = {}
        self._calls: list[Call] = []
        self._lock = threading.Lock()
        self._listeners: list[Callable[[Call], None]] = []
        self._responders: dict[str, Responder] = {}
        self._ts = itertools.count(1)
        self._history: dict[str, list[dict[str, Any]]] = {}
        self._uploads: dict[str, dict[str, Any]] = {}  # file id -> name, length and bytes received
        self._file_ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> SlackStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if len(body) < length:
                    # The sender stopped mid-request (a killed process): Slack acts on no half request.
                    self.send_error(400, "incomplete request body")
                    return
                if self.path.startswith("/upload/"):  # a file's bytes, as to files.slack.com
                    status, data = standin._receive_file(self.path.removeprefix("/upload/"), body)
                    headers: dict[str, str] = {}
                else:
                    status, payload, headers = standin._handle(self.path, dict(self.headers), body.decode())
                    if not self.path.startswith("/response/"):
                        data = json.dumps(payload).encode()
                    elif status >= 400:
                        data = str(payload.get("error", "")).encode()  # as Slack: plain text
                    else:
                        data = json.dumps(payload).encode() if payload else b"ok"
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return  # the console and test output stay readable

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-standin", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the stand-in first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    def response_url(self, key: str) -> str:
        return f"{self.base_url}/response/{key}"

    # -- inspection ------------------------------------------------------------------------
    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def refusals(self) -> list[Call]:
        """Every call refused for going over a Block Kit limit (Slack's user would have seen nothing)."""
        return [call for call in self.calls if call.refused]

    def subscribe(self, listener: Callable[[Call], None]) -> None:
        self._listeners.append(listener)

    def respond_with(self, method: str, responder: Responder) -> None:
        """Overrides the answer to `method`; a responder returning None falls back to the default."""
        self._responders[method] = responder

    def record_message(self, call: Call) -> dict[str, Any]:
        """Keeps a posted message in its channel's history (what conversations.history returns).

        Public so that a test's responder can let a post reach "Slack" and still answer with
        a failure, the way a lost response looks from the app's side.
        """
        p = call.params
        message: dict[str, Any] = {
            "ts": self._next_ts(),
            "text": p.get("text", ""),
            "blocks": p.get("blocks", []),
        }
        if p.get("metadata"):
            meta = p["metadata"]
            message["metadata"] = json.loads(meta) if isinstance(meta, str) else meta
        with self._lock:
            self._history.setdefault(str(p.get("channel")), []).append(message)
        return message

    def upload(self, file_id: str) -> dict[str, Any] | None:
        """A file as uploaded (name, length, alt text and its bytes under `content`), shared or not."""
        with self._lock:
            found = self._uploads.get(file_id)
            return dict(found) if found else None

    def files(self) -> list[dict[str, Any]]:
        """Every file shared to a channel (files.completeUploadExternal), with its bytes under `content`."""
        shared = [(file, m) for m in self.messages() for file in m.get("files", [])]
        with self._lock:
            return [
                self._uploads[file["id"]] | file | {"channel": m["channel"], "thread_ts": m.get("thread_ts")}
                for file, m in shared
            ]

    def messages(self) -> list[dict[str, Any]]:
        """Every message that reached a channel, in every channel."""
        with self._lock:
            return [m | {"channel": c} for c, ms in self._history.items() for m in ms]

    def _next_ts(self) -> str:
        # Slack's ts: seconds.microseconds, unique within a channel.
        return f"{int(time.time())}.{next(self._ts) % 1_000_000:06d}"

    # -- answering -------------------------------------------------------------------------
    def _receive_file(self, file_id: str, body: bytes) -> tuple[int, bytes]:
        with self._lock:
            upload = self._uploads.get(file_id)
            if upload is None:
                return 404, b"unknown upload"
            upload["content"] = body
        self._record(Call("upload", {"file_id": file_id, "length": len(body)}, {}))
        return 200, f"OK - {len(body)}".encode()

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)
        for listener in self._listeners:
            listener(call)

    def _share_files(self, p: dict[str, Any]) -> dict[str, Any]:
        wanted = p.get("files")
        wanted = json.loads(wanted) if isinstance(wanted, str) else wanted or []
        shared = []
        with self._lock:
            for item in wanted:
                upload = self._uploads.get(str(item.get("id")))
                if upload is None or "content" not in upload:
                    return {"ok": False, "error": "file_not_found"}
                title = item.get("title") or upload["name"]
                shared.append({"id": item["id"], "name": upload["name"], "title": title})
        channel = p.get("channel_id") or p.get("channels")
        if channel:
            message: dict[str, Any] = {
                "ts": self._next_ts(),
                "text": p.get("initial_comment", ""),
                "files": shared,
            }
            if p.get("thread_ts"):
                message["thread_ts"] = p["thread_ts"]
            with self._lock:
                self._history.setdefault(str(channel), []).append(message)
        return {"ok": True, "files": shared}

    def _handle(self, path: str, headers: dict[str, str], raw: str) -> Reply:
        if path.startswith("/response/"):
            call = Call(
                "response_url", _decode(headers, raw) | {"_key": path.removeprefix("/response/")}, headers
            )
        else:
            method = path.removeprefix("/api/").split("?", 1)[0]
            call = Call(method, _decode(headers, raw), headers)
        refused = _refusal(call)
        if refused is not None:
            status, answer = refused
            call = replace(call, refused=tuple(answer["response_metadata"]["messages"]))
            self._record(call)
            return status, answer, {}
        self._record(call)
        responder = self._responders.get(call.method)
        reply = responder(call) if responder else None
        return reply if reply is not None else (200, self._default(call), {})

    def _default(self, call: Call) -> dict[str, Any]:
        p = call.params
        if call.is_response_url:
            return {}
        if call.method == "auth.test":
            return {
                "ok": True,
                "url": "https://console.slack.local/",
                "team": "Console",
                "user": "rapport",
                "team_id": self.team_id,
                "user_id": self.bot_user_id,
                "bot_id": "B0RAPPORT",
            }
        if call.method == "chat.postMessage":
            message = self.record_message(call)
            return {"ok": True, "channel": p.get("channel"), "ts": message["ts"], "message": message}
        if call.method in ("chat.update", "chat.postEphemeral"):
            ts = p.get("ts") or self._next_ts()
            message = {"ts": ts, "text": p.get("text", ""), "blocks": p.get("blocks", [])}
            return {"ok": True, "channel": p.get("channel"), "ts": ts, "message_ts": ts, "message": message}
        if call.method == "conversations.open":
            users = str(p.get("users", "")).split(",")[0]
            return {"ok": True, "channel": {"id": "D" + users.removeprefix("U")}}
        if call.method == "conversations.history":
            oldest, latest = float(p.get("oldest") or 0), float(p.get("latest") or "inf")
            with self._lock:
                found = [
                    m
                    for m in self._history.get(str(p.get("channel")), [])
                    if oldest <= float(m["ts"]) <= latest
                ]
            limit = int(p.get("limit") or 100)
            return {"ok": True, "messages": list(reversed(found))[:limit], "has_more": len(found) > limit}
        if call.method == "conversations.replies":
            ts = str(p.get("ts"))
            with self._lock:
                thread = [
                    m
                    for m in self._history.get(str(p.get("channel")), [])
                    if m["ts"] == ts or m.get("thread_ts") == ts
                ]
            return {"ok": True, "messages": thread[: int(p.get("limit") or 100)], "has_more": False}
        if call.method == "files.getUploadURLExternal":
            file_id = f"F{next(self._file_ids):08d}"
            with self._lock:
                self._uploads[file_id] = {
                    "id": file_id,
                    "name": p.get("filename", ""),
                    "length": int(p.get("length") or 0),
                    "alt_txt": p.get("alt_txt"),
                }
            return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}
        if call.method == "files.completeUploadExternal":
            return self._share_files(p)
        if call.method == "chat.getPermalink":
            ts = str(p.get("message_ts", "")).replace(".", "")
            return {"ok": True, "permalink": f"https://console.slack.local/archives/{p.get('channel')}/p{ts}"}
        if call.method == "users.info":
            user_id = str(p.get("user"))
            # No tz unless a test gives one: the workspace's time zone applies then.
            user = {"id": user_id, "locale": "en-US", "real_name": user_id}
            return {"ok": True, "user": user | self.users.get(user_id, {})}
        if call.method in ("views.open", "views.publish", "views.update", "views.push"):
            return {"ok": True, "view": {"id": "V0CONSOLE", **(p.get("view") or {})}}
        return {"ok": True}


_MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"}
_VIEW_METHODS = {"views.open", "views.update", "views.push", "views.publish"}


def _refusal(call: Call) -> tuple[int, dict[str, Any]] | None:
    """Slack's answer to a message or view over a Block Kit limit, or None when it takes it."""
    if call.method in _MESSAGE_METHODS:
        found = message_problems(call.params)
        # Blocks over a limit are invalid_blocks; only a top-level text too long is msg_too_long.
        error = "msg_too_long" if found and all(p.pointer == "/text" for p in found) else "invalid_blocks"
    elif call.method in _VIEW_METHODS:
        view = call.params.get("view")
        found = view_problems(view) if isinstance(view, dict) else []
        error = "invalid_arguments"
    else:
        return None
    if not found:
        return None
    answer = {"ok": False, "error": error, "response_metadata": {"messages": [str(p) for p in found]}}
    return (400 if call.is_response_url else 200), answer


def _decode(headers: dict[str, str], raw: str) -> dict[str, Any]:
    content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    if not raw:
        return {}
    if "json" in content_type:
        decoded = json.loads(raw)
        return decoded if isinstance(decoded, dict) else {"_body": decoded}
    params: dict[str, Any] = dict(parse_qsl(raw, keep_blank_values=True))
    for key in ("blocks", "attachments", "view"):
        # slack-sdk form-encodes these as JSON strings; decode so readers see one shape.
        if isinstance(params.get(key), str) and params[key].startswith(("[", "{")):
            params[key] = json.loads(params[key])
    return params
