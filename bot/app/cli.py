"""The `rapport` command line (also `python -m bot.cli`, which runs `main` from here)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app.config import Settings, load_settings
from bot.app.runtime import Runtime
from bot.core.clock import system_clock
from bot.core.errors import ConfigError

if TYPE_CHECKING:
    from bot.jobs.reminders import Dispatcher

cli = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Rapport: customer notes that live in Slack."
)


def _settings() -> Settings:
    return load_settings()


@cli.command()
def migrate() -> None:
    """Bring the database schema up to date (SQLite or PostgreSQL, from DATABASE_URL)."""
    from storage import migrate as migrations
    from storage.db import Database

    settings = _settings()
    db = Database(settings.database_url)
    migrations.upgrade(db)
    typer.echo(f"database is at revision {migrations.current_revision(db)}")


@cli.command()
def run() -> None:
    """Socket Mode when SLACK_APP_TOKEN and SLACK_BOT_TOKEN are set, else the local console."""
    settings = _settings()
    if settings.slack_app_token and settings.slack_bot_token:
        _socket_mode(settings)
    else:
        typer.echo("No Slack tokens set: starting the local console workspace.", err=True)
        _console(settings)


@cli.command()
def console() -> None:
    """A local workspace in the terminal: type /note …, /customer …, press buttons by number."""
    _console(_settings())


@cli.command()
def serve(
    port: Annotated[int | None, typer.Option(help="HTTP port (default: PORT or 3000)")] = None,
    host: Annotated[
        str, typer.Option(help="address to listen on (127.0.0.1: this machine only)")
    ] = "0.0.0.0",
) -> None:
    """HTTP mode: POST /slack/events for Slack, GET /healthz for the load balancer."""
    from bot.app.bootstrap import open_runtime
    from bot.app.factory import build_app
    from bot.app.web import build_web
    from bot.app.web import serve as serve_http

    settings = _settings()
    secret = settings.require_signing_secret()
    if not settings.slack_bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set: HTTP mode answers Slack with the bot token")
    rt = open_runtime(settings)
    app = build_app(rt, token=settings.slack_bot_token, signing_secret=secret, api_url=settings.slack_api_url)
    _start_reminders(rt, app.client)
    serve_http(build_web(app, rt.db, signing_secret=secret), host=host, port=port or settings.port)


@cli.command()
def worker() -> None:
    """Only the reminder dispatcher (the Procfile's `worker`): run as many as you like."""
    from bot.app.bootstrap import open_runtime
    from bot.app.scheduler import run_blocking

    settings = _settings()
    if not settings.slack_bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set: the worker posts reminders with the bot token")
    rt = open_runtime(settings)
    run_blocking(_dispatcher(rt, settings.slack_bot_token, settings.slack_api_url))


def _team_of(client: WebClient) -> str:
    try:
        return str(client.auth_test()["team_id"])
    except SlackApiError as failure:
        raise ConfigError(f"SLACK_BOT_TOKEN: Slack refused it ({failure.response.get('error')})") from None


def _start_reminders(rt: Runtime, client: WebClient) -> None:
    """The in-process dispatcher of `run`, `serve` and the console, unless RAPPORT_SCHEDULER=off."""
    from bot.app.scheduler import start_background

    if rt.settings.scheduler == "off":
        return
    start_background(_dispatcher(rt, client.token or "", client.base_url))


def _dispatcher(rt: Runtime, token: str, api_url: str | None) -> Dispatcher:
    from bot.jobs.reminders import Dispatcher, dispatcher_client

    lease = timedelta(seconds=rt.settings.reminder_lease_seconds)
    client = dispatcher_client(token, api_url, lease)
    return Dispatcher(db=rt.db, client=client, team_ids=[_team_of(client)], clock=rt.clock, lease=lease)


@cli.command()
def parse(
    text: Annotated[str | None, typer.Argument(help="the note text")] = None,
    now: Annotated[str | None, typer.Option(help="the moment to read relative dates from (ISO-8601)")] = None,
    tz: Annotated[str | None, typer.Option(help="IANA time zone (default RAPPORT_DEFAULT_TZ)")] = None,
    known: Annotated[list[str] | None, typer.Option(help="a known customer name; repeat for more")] = None,
    batch: Annotated[
        bool, typer.Option(help="read JSON lines from stdin, write one JSON object per line")
    ] = False,
) -> None:
    """Print how Rapport reads a note, as one JSON object (the `rapport parse` contract)."""
    from bot.language import parse_batch, parse_request

    settings = _settings()
    if batch:
        parse_batch(
            sys.stdin,
            sys.stdout,
            default_tz=settings.default_tz,
            default_currency=settings.default_currency,
            clock=system_clock,
        )
        return
    if text is None:
        raise ConfigError("parse needs the note text, or --batch to read JSON lines from stdin")
    request = {"text": text, "now": now, "tz": tz, "known": known or []}
    result = parse_request(
        request,
        default_tz=settings.default_tz,
        default_currency=settings.default_currency,
        clock=system_clock,
    )
    typer.echo(json.dumps(result, ensure_ascii=False))
    if result.get("error"):
        raise typer.Exit(1)  # the JSON above says why; scripts also get a non-zero status


def _console(settings: Settings) -> None:
    from bot.app.bootstrap import open_runtime
    from bot.app.console import HELP, ConsoleWorkspace

    logging.getLogger().setLevel(logging.WARNING)  # the console is for replies, not logs
    rt = open_runtime(settings)
    interactive = sys.stdin.isatty()

    def ask(prompt: str) -> str:
        if interactive:
            return input(prompt)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        typer.echo(f"{prompt}{line.rstrip()}")  # a transcript reads like the session it replays
        return line.rstrip("\n")

    workspace = ConsoleWorkspace(rt, ask=ask)
    _start_reminders(rt, workspace.app.client)
    typer.echo(f"Rapport console — database {settings.database_url}\n{HELP}")
    try:
        while True:
            try:
                line = ask("> ")
            except EOFError:
                break
            if not workspace.handle(line):
                break
    except KeyboardInterrupt:
        pass
    finally:
        workspace.close()


def _socket_mode(settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app.bootstrap import open_runtime
    from bot.app.factory import build_app

    assert settings.slack_bot_token and settings.slack_app_token
    rt = open_runtime(settings)
    app = build_app(
        rt,
        token=settings.slack_bot_token,
        # Socket Mode connections are authenticated by the app token; Slack signs nothing there.
        signing_secret=settings.slack_signing_secret or "unused-in-socket-mode",
        api_url=settings.slack_api_url,
    )
    _start_reminders(rt, app.client)
    SocketModeHandler(app, settings.slack_app_token).start()  # type: ignore[no-untyped-call]


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        # Outside standalone mode click hands back the status of typer.Exit instead of exiting.
        status = cli(standalone_mode=False)
    except ConfigError as problem:
        typer.echo(f"rapport: {problem}", err=True)
        sys.exit(2)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.exit(1)
    except typer.TyperException as problem:  # usage errors: one line, non-zero
        format_message = getattr(problem, "format_message", None)
        typer.echo(f"rapport: {format_message() if format_message else problem}", err=True)
        sys.exit(int(getattr(problem, "exit_code", 2)))
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
