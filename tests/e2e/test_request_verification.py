"""Requests Slack did not sign (or signed too long ago) change nothing."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from storage.models import Note
from tests import factories as f
from tests.e2e.conftest import Rapport


def _note_count(rapport: Rapport) -> int:
    with rapport.db.session() as session:
        return int(session.exec(select(func.count()).select_from(Note)).one())


def _body(rapport: Rapport) -> str:
    return f.command_body("acme called re pricing", response_url=rapport.response_url())


def test_signed_request_is_accepted(rapport: Rapport) -> None:
    body = _body(rapport)
    assert f.post(rapport.url + "/slack/events", body, f.signed(body)).status == 200
    assert _note_count(rapport) == 1


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda body: f.signed(body, secret="not-the-secret"), id="wrong-secret"),
        pytest.param(lambda body: f.signed(body, age_seconds=6 * 60), id="stale-timestamp"),
        pytest.param(lambda body: {"content-type": "application/x-www-form-urlencoded"}, id="no-signature"),
        pytest.param(
            lambda body: f.signed(body) | {"x-slack-signature": "v0=" + "0" * 64}, id="forged-signature"
        ),
        pytest.param(
            lambda body: f.signed(body) | {"x-slack-request-timestamp": "yesterday"}, id="garbled-timestamp"
        ),
    ],
)
def test_badly_signed_request_gets_401_and_stores_nothing(rapport: Rapport, headers: object) -> None:
    body = _body(rapport)
    answer = f.post(rapport.url + "/slack/events", body, headers(body))  # type: ignore[operator]

    assert answer.status == 401
    assert _note_count(rapport) == 0
    assert rapport.slack.calls_to("response_url") == []


def test_tampered_body_fails_the_signature(rapport: Rapport) -> None:
    body = _body(rapport)
    headers = f.signed(body)
    answer = f.post(rapport.url + "/slack/events", body.replace("pricing", "discount"), headers)

    assert answer.status == 401
    assert _note_count(rapport) == 0


def test_signed_broken_json_payload_gets_400_and_stores_nothing(rapport: Rapport) -> None:
    body = "payload=%7Bnot-json"
    answer = f.post(rapport.url + "/slack/events", body, f.signed(body))

    assert answer.status == 400
    assert _note_count(rapport) == 0


def test_body_that_is_not_utf8_gets_400(rapport: Rapport) -> None:
    answer = f.post(rapport.url + "/slack/events", b"command=%2Fnote&text=\xff\xfe", f.signed("x"))

    assert answer.status == 400
    assert _note_count(rapport) == 0


def test_healthz_answers_200_when_the_database_answers(rapport: Rapport) -> None:
    answer = f.get(rapport.url + "/healthz")
    assert answer.status == 200
    assert answer.json() == {"database": "ok"}
