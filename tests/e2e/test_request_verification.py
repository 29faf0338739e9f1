"""Requests Slack did not sign (or signed too long ago) change nothing."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from storage.models import Note
from tests import factories as f
from tests.e2e.conftest import Rapport


@pytest.fixture
def rapport(rapport_http: Rapport) -> Rapport:
    """Over HTTP: what these tests pin is decided by the HTTP layer (bot.web) or crosses it."""
    return rapport_http


def _note_count(rapport: Rapport) -> int:
    with rapport.db.session() as session:
        return int(session.exec(select(func.count()).select_from(Note)).one())


def _body(rapport: Rapport) -> str:
    return f.command_body("acme called re pricing", response_url=rapport.response_url())


def test_signed_request_is_accepted(rapport: Rapport) -> None:
    body = _body(rapport)
    assert rapport.post(body, f.signed(body)).status == 200
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
    answer = rapport.post(body, headers(body))  # type: ignore[operator]

    assert answer.status == 401
    assert _note_count(rapport) == 0
    assert rapport.slack.calls_to("response_url") == []


def test_tampered_body_fails_the_signature(rapport: Rapport) -> None:
    body = _body(rapport)
    headers = f.signed(body)
    answer = rapport.post(body.replace("pricing", "discount"), headers)

    assert answer.status == 401
    assert _note_count(rapport) == 0


def test_signed_broken_json_payload_gets_400_and_stores_nothing(rapport: Rapport) -> None:
    body = "payload=%7Bnot-json"
    answer = rapport.post(body, f.signed(body))

    assert answer.status == 400
    assert _note_count(rapport) == 0


def test_body_that_is_not_utf8_gets_400(rapport: Rapport) -> None:
    answer = rapport.post(b"command=%2Fnote&text=\xff\xfe", f.signed("x"))

    assert answer.status == 400
    assert _note_count(rapport) == 0


def test_healthz_answers_200_when_the_database_answers(rapport: Rapport) -> None:
    answer = f.get(rapport.url + "/healthz")
    assert answer.status == 200
    assert answer.json() == {"database": "ok"}


# -- hostile requests: nothing acts on an unverified request --------------------------------------


def _latin1(value: str) -> str:
    """HTTP header bytes as http.client sends them: Latin-1 where it can, else the UTF-8 bytes."""
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode().decode("latin-1")
    return value


def _nothing_reached_slack(rapport: Rapport, before: int) -> bool:
    return len(rapport.slack.calls) == before


@pytest.mark.parametrize("timestamp", ["\u00b2", "\u0663\u0664", "9" * 5000, "+1700000000", " 1700000000"])
def test_timestamp_that_is_not_ascii_digits_gets_401_and_nothing_is_sent(
    rapport: Rapport, timestamp: str
) -> None:
    before = len(rapport.slack.calls)
    body = _body(rapport)
    headers = f.signed(body) | {"x-slack-request-timestamp": timestamp}
    answer = rapport.post(body, {k: _latin1(v) for k, v in headers.items()})

    assert answer.status == 401
    assert _note_count(rapport) == 0
    assert _nothing_reached_slack(rapport, before)


def test_error_handler_does_not_act_on_a_request_that_broke_the_signature_check(rapport: Rapport) -> None:
    """Behind the HTTP adapter too: a request Bolt's verifier chokes on is refused, not answered."""
    from slack_bolt import BoltRequest

    from bot.app.factory import build_app
    from bot.app.runtime import Runtime
    from tests.e2e.conftest import make_settings

    app = build_app(
        Runtime(settings=make_settings(rapport.db), db=rapport.db, clock=rapport.clock),
        token="xoxb-test",
        signing_secret=f.SECRET,
        api_url=rapport.slack.api_url,
    )
    before = len(rapport.slack.calls)
    body = _body(rapport)
    answer = app.dispatch(
        BoltRequest(body=body, headers=f.signed(body) | {"x-slack-request-timestamp": "\u00b2"})
    )

    assert answer.status == 401
    assert _note_count(rapport) == 0
    assert _nothing_reached_slack(rapport, before)


NOT_OBJECTS = ["[]", "1", "null", '"x"', "[{}]"]


@pytest.mark.parametrize("value", NOT_OBJECTS)
@pytest.mark.parametrize("shape", ["json-body", "form-payload"])
def test_json_that_is_not_an_object_gets_401_unsigned_and_400_signed(
    rapport: Rapport, value: str, shape: str
) -> None:
    from urllib.parse import quote

    before = len(rapport.slack.calls)
    body = value if shape == "json-body" else "payload=" + quote(value)
    json_body = shape == "json-body"
    unsigned = {"content-type": "application/json" if json_body else "application/x-www-form-urlencoded"}

    assert rapport.post(body, unsigned).status == 401
    assert rapport.post(body, f.signed(body, json_body=json_body)).status == 400
    assert _nothing_reached_slack(rapport, before)


def test_signed_payload_with_objects_of_the_wrong_shape_gets_400(rapport: Rapport) -> None:
    body = '{"type": "block_actions", "team": 5, "authorizations": ["x"]}'
    assert rapport.post(body, f.signed(body, json_body=True)).status == 400


def test_signed_request_replayed_is_answered_as_before_and_stored_once(rapport: Rapport) -> None:
    body = _body(rapport)
    headers = f.signed(body)

    answers = [rapport.post(body, headers) for _ in range(3)]

    assert [a.status for a in answers] == [200, 200, 200]
    assert answers[1].body == answers[0].body == answers[2].body
    assert "acme" in answers[0].body.lower()
    assert _note_count(rapport) == 1


def test_same_text_sent_again_with_a_new_signature_is_a_new_note(rapport: Rapport) -> None:
    """Replay protection keys on the signature, not the words: a user may say the same thing twice."""
    first, second = _body(rapport), _body(rapport)  # each with its own response_url
    assert rapport.post(first, f.signed(first)).status == 200
    assert rapport.post(second, f.signed(second, age_seconds=1)).status == 200
    assert _note_count(rapport) == 2
