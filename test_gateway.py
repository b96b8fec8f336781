"""The gateway against a real PostgreSQL and a real RabbitMQ: no mocks of either.

Each run gets its own databases, and each gateway its own exchange and queues; all are removed afterwards.
Outages are real too: a small TCP relay (`TcpRelay`) sits between the gateway and a service and is cut.

Three kinds of test, cheapest first:
- validation rules, decoded straight into the gateway's Structs: no server at all;
- `shared_gw` (and `keyed`): one gateway for the whole run, emptied before each test, for tests that only make
  requests and read back what they made;
- `gw`: a gateway of the test's own, for tests that send status events, change the broker's topology, patch the
  gateway, need other settings, or cut a dependency.
`pytest -m "not slow"` leaves out held stalls, floods, fuzzing, big backlogs, subprocess boots and the browser.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import ipaddress
import itertools
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any, NamedTuple, cast, get_args
from urllib.parse import urlsplit

import aio_pika
import aio_pika.abc
import httpx
import msgspec
import psycopg
import psycopg_pool
import pytest
import uvicorn
import yaml
from litestar.testing import TestClient
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_openapi
from prometheus_client.parser import text_string_to_metric_families

import gateway

ROOT = Path(__file__).parent
ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
AMQP_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/")
HOW_TO_START = {
    "PostgreSQL": "start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, "
    "or point TEST_POSTGRES_URL at one as a user who may create databases (each run makes its own)",
    "RabbitMQ": "start it with `rabbitmq-server -detached` or `docker compose up -d rabbitmq`, "
    "or point TEST_RABBITMQ_URL at one",
}
PUBLISHED_KEYS = gateway.CHANNEL_TYPES
VALID = {
    "email": {"type": "email", "recipient": "ada@example.com", "subject": "Hi", "message": "Welcome"},
    "sms": {"type": "sms", "recipient": "+4915112345678", "message": "Your code is 1234"},
    "push": {"type": "push", "recipient": "fcm:APA91bH-token_123", "message": "Ping"},
    "telegram": {"type": "telegram", "recipient": "@ada_lovelace", "message": "Hello"},
    "whatsapp": {"type": "whatsapp", "recipient": "+14155550123", "message": "Hello"},
}
LONGEST_TOKENS = {  # random, so that PostgreSQL cannot compress them below a btree entry's 2,704 bytes
    "4096-printable-ascii": "".join(random.Random(1).choices([chr(c) for c in range(0x20, 0x7F)], k=4096)),
    "1500-cjk": "".join(random.Random(2).choices([chr(c) for c in range(0x4E00, 0x9FA0)], k=1500)),
    "4096-emoji": "".join(random.Random(3).choices([chr(c) for c in range(0x1F300, 0x1F600)], k=4096)),
}

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """Session-wide, so that one event loop serves the whole run and `shared_gateway` can outlive a test."""
    return "asyncio"


# ── Services and harness ─────────────────────────────────────────────────────────────────────────


def require(service: str, check: Callable[[], object]) -> None:
    try:
        check()
    except (OSError, psycopg.OperationalError) as exc:
        pytest.fail(f"{service} is not reachable ({exc}): {HOW_TO_START[service]}", pytrace=False)


@contextlib.contextmanager
def new_database() -> Iterator[str]:
    """An empty database of its own, dropped afterwards."""
    name = f"gateway_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlsplit(ADMIN_URL)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    require("PostgreSQL", lambda: psycopg.connect(ADMIN_URL, connect_timeout=3).close())
    with new_database() as url:
        await gateway.apply_schema(url)
        yield url


@pytest.fixture
def empty_database(database_url: str) -> Iterator[str]:
    with new_database() as url:
        yield url


@pytest.fixture(scope="session")
def rabbitmq_url() -> str:
    parts = urlsplit(AMQP_URL)
    require("RabbitMQ", lambda: socket.create_connection((parts.hostname, parts.port or 5672), timeout=3).close())
    return AMQP_URL


@pytest.fixture
async def amqp(rabbitmq_url: str) -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    connection = await aio_pika.connect(rabbitmq_url)
    async with connection:
        yield await connection.channel()


def quick_settings(database_url: str, rabbitmq_url: str) -> gateway.Settings:
    """A fresh exchange (and so fresh queues), and a quick relay."""
    return gateway.Settings(
        database_url=database_url,
        rabbitmq_url=rabbitmq_url,
        exchange=f"gwtest-{uuid.uuid4().hex[:8]}",
        boot_timeout=10,
        relay_interval=0.2,
        relay_grace=1.5,
        publish_timeout=1.0,
    )


async def remove_exchange(channel: aio_pika.abc.AbstractChannel, exchange: str) -> None:
    """The exchange and every queue the gateway declared for it."""
    for name in gateway.queue_names(exchange).values():
        await channel.queue_delete(name)
        await channel.queue_delete(f"{name}.dead")
    await channel.exchange_delete(exchange)


@pytest.fixture
async def settings(
    database_url: str, rabbitmq_url: str, amqp: aio_pika.abc.AbstractChannel
) -> AsyncIterator[gateway.Settings]:
    """Fresh exchange and queues per test, an empty table, and a quick relay."""
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await conn.execute("TRUNCATE notifications, outbox, callbacks")
    fresh = quick_settings(database_url, rabbitmq_url)
    yield fresh
    await remove_exchange(amqp, fresh.exchange)


@dataclass
class Harness:
    http: httpx.AsyncClient
    service: gateway.Gateway
    settings: gateway.Settings
    db: psycopg.AsyncConnection[Any]
    channel: aio_pika.abc.AbstractChannel

    async def post(self, body: object, **headers: str) -> httpx.Response:
        return await self.http.post(gateway.API_PREFIX, json=body, headers=headers)

    async def scalar(self, sql: str, *params: object) -> Any:
        row = await (await self.db.execute(sql, params)).fetchone()
        return row[0] if row else None

    async def statuses(self) -> dict[str, str]:
        sql = f"SELECT id::text, {gateway.SHOWN_STATUS} FROM notifications"
        rows = await (await self.db.execute(sql)).fetchall()
        return dict(rows)

    async def queue_depth(self, routing_key: str, dead: bool = False) -> int:
        name = gateway.queue_names(self.settings.exchange)[routing_key] + (".dead" if dead else "")
        queue = await self.channel.declare_queue(name, passive=True)
        return queue.declaration_result.message_count or 0

    async def published_total(self) -> int:
        return sum([await self.queue_depth(key) for key in PUBLISHED_KEYS])

    async def take(self, routing_key: str, dead: bool = False) -> list[aio_pika.abc.AbstractIncomingMessage]:
        """Every message now in a queue (acknowledged, so the queue is left empty)."""
        name = gateway.queue_names(self.settings.exchange)[routing_key] + (".dead" if dead else "")
        queue = await self.channel.get_queue(name)
        messages = []
        while (message := await queue.get(no_ack=True, fail=False)) is not None:
            messages.append(message)
        return messages

    async def take_all_ids(self) -> list[str]:
        return [m.message_id or "" for key in PUBLISHED_KEYS for m in await self.take(key)]

    async def publish_status(self, body: bytes | dict[str, Any]) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        exchange = await self.channel.get_exchange(self.settings.exchange)
        await exchange.publish(aio_pika.Message(raw), routing_key="status")

    async def get(self, notification_id: str) -> dict[str, Any]:
        response = await self.http.get(f"{gateway.API_PREFIX}/{notification_id}")
        assert response.status_code == 200, response.text
        return response.json()

    async def empty(self) -> None:
        """No notifications, nothing in the outbox, nothing in any queue. The table goes first: TRUNCATE waits for
        a relay round still holding its rows, and that round's publishes are confirmed by then."""
        await self.db.execute("TRUNCATE notifications, outbox, callbacks")
        for name in gateway.queue_names(self.settings.exchange).values():
            for queue in (name, f"{name}.dead"):
                await (await self.channel.get_queue(queue)).purge()


class InLoopServer(uvicorn.Server):
    """uvicorn in the test's own event loop, so that tests can run requests concurrently."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.asynccontextmanager
async def running(settings: gateway.Settings, direct: gateway.Settings | None = None) -> AsyncIterator[Harness]:
    """The gateway served by uvicorn; the harness reaches the services `direct`ly, never through a test relay."""
    direct = direct or settings
    app = gateway.create_app(settings)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = InLoopServer(
        uvicorn.Config(app, http=gateway.GuardedHttpToolsProtocol, log_level="warning", lifespan="on")
    )
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if serving.done():
            serving.result()
            raise RuntimeError("gateway did not start")
        await asyncio.sleep(0.02)
    port = sock.getsockname()[1]
    limits = httpx.Limits(max_connections=600)
    try:
        async with (
            httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30) as http,
            await psycopg.AsyncConnection.connect(direct.database_url, autocommit=True) as db,
            await aio_pika.connect(direct.rabbitmq_url) as amqp_connection,
        ):
            yield Harness(http, app.state.gateway, settings, db, await amqp_connection.channel())
    finally:
        server.should_exit = True
        await serving


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not reached within {within}s")
        await asyncio.sleep(0.05)


# What `eventually` waits for.


async def equals(value: Awaitable[object], expected: object) -> bool:
    return await value == expected


async def status_of(gw: Harness, notification_id: str) -> str:
    return (await gw.get(notification_id))["status"]


async def all_queued(gw: Harness, ids: set[str]) -> bool:
    statuses = await gw.statuses()
    return all(statuses.get(i) == "queued" for i in ids)


async def health_is_down(gw: Harness) -> bool:
    return (await gw.http.get("/health")).status_code == 503


async def status_code_of(request: Awaitable[httpx.Response]) -> int:
    return (await request).status_code


@pytest.fixture
async def gw(settings: gateway.Settings) -> AsyncIterator[Harness]:
    """A gateway of the test's own: take it to send status events, change the broker's topology, patch the
    gateway, or run with other settings."""
    async with running(settings) as harness:
        yield harness


@contextlib.asynccontextmanager
async def gateway_on_a_database_of_its_own(rabbitmq_url: str, **changes: Any) -> AsyncIterator[Harness]:
    """A gateway to share between tests. Its database is its own: a relay claims every due row of its database, so
    a gateway that outlives a test must not share one with the gateways that tests start for themselves."""
    require("PostgreSQL", lambda: psycopg.connect(ADMIN_URL, connect_timeout=3).close())
    with new_database() as url:
        await gateway.apply_schema(url)
        settings = msgspec.structs.replace(quick_settings(url, rabbitmq_url), **changes)
        async with running(settings) as harness:
            yield harness
        async with await aio_pika.connect(rabbitmq_url) as connection:
            await remove_exchange(await connection.channel(), settings.exchange)


@pytest.fixture(scope="session")
async def shared_gateway(rabbitmq_url: str) -> AsyncIterator[Harness]:
    """One gateway for the whole run: see `shared_gw`."""
    async with gateway_on_a_database_of_its_own(rabbitmq_url) as harness:
        yield harness


@pytest.fixture
async def shared_gw(shared_gateway: Harness) -> Harness:
    """The shared gateway, emptied, for a test that only makes requests and reads back what they made: booting
    one costs half a second, emptying it a few milliseconds. A test that must leave nothing running behind it
    (status events in flight, an unbound queue, a patched function) takes `gw` instead."""
    await shared_gateway.empty()
    return shared_gateway


class TcpRelay:
    """A TCP relay in front of a real service: `cut` drops every connection and refuses new ones, like a broker
    or database going away; `freeze` keeps connections open but stops passing bytes, like a hung one; `latency`
    holds back every chunk, like a service a network hop away."""

    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 5432)
        self.server: asyncio.Server | None = None
        self.port = 0
        self.writers: set[asyncio.StreamWriter] = set()
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.latency = 0.0

    def url(self, original: str) -> str:
        return original.replace(f":{self.target[1]}", f":{self.port}", 1)

    async def open(self) -> None:
        self.server = await asyncio.start_server(self.accept, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.writers |= {writer, upstream_writer}
        await asyncio.gather(self.pipe(reader, upstream_writer), self.pipe(upstream_reader, writer))

    async def pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                await self.flowing.wait()
                await asyncio.sleep(self.latency)
                writer.write(data)
                await writer.drain()
        writer.close()

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in self.writers:
            writer.close()
        self.writers.clear()
        self.flowing.set()  # frozen pipes wake up to find their sockets closed, and end
        await self.server.wait_closed()

    def freeze(self) -> None:
        self.flowing.clear()


@pytest.fixture
async def broker_relay(settings: gateway.Settings) -> AsyncIterator[TcpRelay]:
    relay = TcpRelay(settings.rabbitmq_url)
    await relay.open()
    yield relay
    relay.flowing.set()
    if relay.server is not None and relay.server.is_serving():
        await relay.cut()


def with_relay(settings: gateway.Settings, relay: TcpRelay, what: str) -> gateway.Settings:
    original = getattr(settings, what)
    return msgspec.structs.replace(settings, **{what: relay.url(original)})


# ── Accept, store, route, report ────────────────────────────────────────────────────────────────


async def test_post_stores_publishes_and_answers_202_with_location(shared_gw: Harness) -> None:
    response = await shared_gw.post({**VALID["email"], "metadata": {"template": "welcome", "n": [1, 2]}})
    assert response.status_code == 202
    body = response.json()
    assert response.headers["location"] == f"/api/v1/notifications/{body['id']}"
    assert "idempotent-replayed" not in response.headers  # documented for the 202, sent on replays only
    assert (body["status"], body["client"]) == ("queued", "default")  # with no keys set, every caller is `default`
    assert body["metadata"] == {"template": "welcome", "n": [1, 2]}
    assert body["created_at"].endswith("Z") and body["updated_at"].endswith("Z")
    assert await shared_gw.get(body["id"]) == body
    assert await shared_gw.scalar("SELECT status FROM notifications WHERE id = %s", body["id"]) == "queued"


@pytest.mark.parametrize("kind", sorted(VALID))
async def test_each_type_lands_in_its_own_queue_with_the_contracted_properties(shared_gw: Harness, kind: str) -> None:
    response = await shared_gw.post(VALID[kind])
    assert response.status_code == 202
    sent = response.json()
    for other in PUBLISHED_KEYS:
        assert await shared_gw.queue_depth(other) == (1 if other == kind else 0), other
    [message] = await shared_gw.take(kind)
    assert message.message_id == sent["id"]
    assert message.content_type == "application/json"
    assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
    assert message.routing_key == kind and message.exchange == shared_gw.settings.exchange
    published = json.loads(message.body)
    for name in ("id", "type", "recipient", "subject", "message", "metadata", "client", "created_at"):
        assert published[name] == sent[name], name


async def test_a_message_a_worker_rejects_is_dead_lettered(shared_gw: Harness) -> None:
    await shared_gw.post(VALID["sms"])
    queue = await shared_gw.channel.get_queue(f"{shared_gw.settings.exchange}.sms")
    message = await queue.get(no_ack=False)
    assert message is not None
    await message.reject(requeue=False)
    await eventually(lambda: equals(shared_gw.queue_depth("sms", dead=True), 1), what="dead-lettered message")


async def test_an_unroutable_message_is_not_taken_for_success(gw: Harness) -> None:
    queue = await gw.channel.get_queue(f"{gw.settings.exchange}.push")
    await queue.unbind(gw.settings.exchange, routing_key="push")
    response = await gw.post(VALID["push"])
    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert (await gw.get(response.json()["id"]))["status"] == "pending"


def rabbitmqctl(*args: str) -> None:
    try:
        subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=30)
    except FileNotFoundError:
        pytest.fail("rabbitmqctl is not on PATH: run the tests where RabbitMQ's CLI is installed", pytrace=False)


@pytest.mark.slow
async def test_a_message_the_broker_nacks_stays_pending_until_it_is_accepted(gw: Harness) -> None:
    queue = f"{gw.settings.exchange}.sms"
    policy = f"nack-{gw.settings.exchange}"
    # A full queue that refuses new messages: the broker answers each publish with a nack.
    rabbitmqctl(
        "set_policy", policy, f"^{queue}$", '{"max-length": 0, "overflow": "reject-publish"}', "--apply-to", "queues"
    )
    try:
        await asyncio.sleep(0.5)  # policies apply asynchronously
        refused = (await gw.post(VALID["sms"])).json()
        assert refused["status"] == "pending"
        assert await gw.queue_depth("sms") == 0
    finally:
        rabbitmqctl("clear_policy", policy)
    await eventually(lambda: all_queued(gw, {refused["id"]}), within=10, what="relay publishes after the nack")
    assert [m.message_id for m in await gw.take("sms")] == [refused["id"]]


async def test_get_unknown_is_404_and_malformed_id_is_400(shared_gw: Harness) -> None:
    unknown = await shared_gw.http.get(f"{gateway.API_PREFIX}/{uuid.uuid4()}")
    assert unknown.status_code == 404
    assert unknown.json()["status_code"] == 404
    for bad in ("not-a-uuid", "1234", "%00", "' OR 1=1 --"):
        response = await shared_gw.http.get(f"{gateway.API_PREFIX}/{bad}")
        assert response.status_code == 400, bad
        assert response.json()["extra"][0]["key"] == "notification_id"


# ── Validation rules, checked against the Structs: no server ─────────────────────────────────────
# Each case decodes a body as the gateway decodes a request (`msgspec.json.decode` into the handler's Struct) and
# asserts the field that `gateway.body_error` names: the `key` of the 400. "Refused requests over HTTP" below
# proves for one body of each kind that a request gets that 400 and that nothing is stored or published.

BAD_INPUT = [
    pytest.param({"recipient": "+4915112345678", "message": "x"}, "type", id="missing-type"),
    pytest.param({**VALID["sms"], "type": "fax"}, "type", id="unknown-type"),
    pytest.param({**VALID["sms"], "type": 3}, "type", id="type-not-string"),
    pytest.param({**VALID["email"], "recipient": "ada.example.com"}, "recipient", id="email-no-at"),
    pytest.param({**VALID["email"], "recipient": "ada@example"}, "recipient", id="email-no-tld"),
    pytest.param({**VALID["sms"], "recipient": "015112345678"}, "recipient", id="sms-no-plus"),
    pytest.param({**VALID["sms"], "recipient": "+1234567"}, "recipient", id="sms-7-digits"),
    pytest.param({**VALID["whatsapp"], "recipient": "+1234567890123456"}, "recipient", id="whatsapp-16-digits"),
    pytest.param({**VALID["telegram"], "recipient": "ada"}, "recipient", id="telegram-name-without-at"),
    pytest.param({**VALID["telegram"], "recipient": "12a34"}, "recipient", id="telegram-bad-chat-id"),
    pytest.param({**VALID["push"], "recipient": ""}, "recipient", id="push-empty-token"),
    pytest.param({**VALID["push"], "recipient": "x" * 4097}, "recipient", id="push-token-too-long"),
    pytest.param({**VALID["push"], "recipient": "tok\ten"}, "recipient", id="push-unprintable"),
    pytest.param({**VALID["sms"], "recipient": 4915112345678}, "recipient", id="recipient-not-string"),
    pytest.param({k: v for k, v in VALID["email"].items() if k != "subject"}, "subject", id="email-no-subject"),
    pytest.param({**VALID["sms"], "message": ""}, "message", id="empty-message"),
    pytest.param({**VALID["push"], "message": "x" * 10_001}, "message", id="message-over-10000"),
    pytest.param({**VALID["sms"], "message": "x" * 1601}, "message", id="sms-over-1600"),
    pytest.param({**VALID["sms"], "message": None}, "message", id="message-null"),
    pytest.param({**VALID["sms"], "metadata": "x"}, "metadata", id="metadata-not-object"),
    pytest.param({**VALID["sms"], "metadata": [1]}, "metadata", id="metadata-array"),
    pytest.param({**VALID["sms"], "metadata": {"blob": "x" * 8200}}, "metadata", id="metadata-over-8k"),
    pytest.param({**VALID["sms"], "extra": 1}, "extra", id="unknown-field"),
    pytest.param({**VALID["sms"], "send_at": "2030-01-01T00:00:00"}, "send_at", id="send-at-without-timezone"),
    pytest.param({**VALID["sms"], "send_at": "tomorrow"}, "send_at", id="send-at-garbage"),
    pytest.param({**VALID["email"], "subject": "hi\r\nBcc: victim@example.org"}, "subject", id="subject-crlf"),
    pytest.param({**VALID["sms"], "send_at": 0}, "send_at", id="send-at-number"),
    pytest.param({**VALID["sms"], "send_at": 1796000000.5}, "send_at", id="send-at-float"),
    pytest.param({**VALID["sms"], "send_at": "0"}, "send_at", id="send-at-numeric-string"),
    pytest.param({**VALID["sms"], "send_at": "20261201"}, "send_at", id="send-at-digits"),
    pytest.param({**VALID["sms"], "send_at": "2026-12-01"}, "send_at", id="send-at-date-only"),
    pytest.param({**VALID["sms"], "send_at": "0001-01-01T00:00:00+01:00"}, "send_at", id="send-at-before-utc-year-1"),
]

UNDECODABLE = (msgspec.DecodeError, UnicodeDecodeError)  # what `gateway.body_error` words (ValidationError is one)


def encoded(value: object) -> bytes:
    return json.dumps(value).encode()


def refusal(
    raw: bytes,
    into: type[msgspec.Struct] = gateway.NotificationIn,
    raises: type[Exception] | tuple[type[Exception], ...] = msgspec.ValidationError,
) -> tuple[str, str]:
    """Decodes `raw` into `into` as the gateway decodes a request body, which must refuse it with `raises`: the
    message and the field named, as the 400's `extra` carries them."""
    with pytest.raises(raises) as refused:
        msgspec.json.decode(raw, type=into)
    assert isinstance(refused.value, UNDECODABLE), refused.value
    return gateway.body_error(refused.value, raw)


@pytest.mark.parametrize("kind", sorted(VALID))
def test_each_valid_body_decodes_as_sent(kind: str) -> None:
    """The bodies the refusals below change one field of."""
    decoded = msgspec.json.decode(encoded(VALID[kind]), type=gateway.NotificationIn)
    assert msgspec.structs.asdict(decoded) == {
        "subject": None,
        "metadata": {},
        "send_at": None,
        "callback_url": None,
        **VALID[kind],
    }


@pytest.mark.parametrize(("body", "field"), BAD_INPUT)
def test_bad_input_is_refused_naming_the_field(body: dict[str, Any], field: str) -> None:
    message, named = refusal(encoded(body))
    assert named == field, message


@pytest.mark.parametrize("raw", [b'{"type": "sms",', b"[]", b'[{"type": "sms"}]', b"null", b"\xff\xfe", b""])
def test_malformed_json_or_a_body_that_is_no_object_is_refused_naming_the_body(raw: bytes) -> None:
    message, named = refusal(raw, raises=msgspec.DecodeError)
    assert named == "body", message


SMS_WITH = b'{"type":"sms","recipient":"+4915112345678","message":"x",%s}'


@pytest.mark.parametrize(
    ("item", "field"),
    [
        pytest.param(b'{"type":"sms","recipient":"+4915112345678","message":"\xff"}', "message", id="not-utf-8"),
        pytest.param(b'{"type":"sms","recipient":"+4915112345678","message":"\\ud800"}', "message", id="surrogate"),
        pytest.param(SMS_WITH % b'"metadata":{"k":["\\udfff"]}', "metadata.k[0]", id="nested-surrogate"),
        pytest.param(SMS_WITH % b'"metadata":{"\\ud800":1}', "metadata", id="surrogate-key"),
        pytest.param(SMS_WITH % b'"send_at":"0001-01-01T00:00:00+01:00"', "send_at", id="send-at-before-utc-year-1"),
        pytest.param(SMS_WITH % b'"send_at":"20261201"', "send_at", id="send-at-digits"),
        pytest.param(SMS_WITH % b'"extra":1', "extra", id="unknown-field"),
    ],
)
@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
def test_undecodable_text_and_unknown_fields_are_refused_naming_the_field(item: bytes, field: str, batch: bool) -> None:
    if batch:
        raw = b'{"notifications":[%s,%s]}' % (encoded(VALID["sms"]), item)
        message, named = refusal(raw, gateway.BatchIn, raises=UNDECODABLE)
        assert named == f"notifications[1].{field}", message
    else:
        message, named = refusal(item, raises=UNDECODABLE)
        assert named == field, message


LOOSE_TEXT = [
    pytest.param({**VALID["email"], "subject": "hi\r\nBcc: victim@example.org"}, "subject", id="subject-crlf"),
    pytest.param({**VALID["email"], "subject": "tab\there"}, "subject", id="subject-tab"),
    pytest.param({**VALID["sms"], "subject": "\x85next line"}, "subject", id="subject-c1-control"),
    pytest.param({**VALID["email"], "recipient": "ada\x01@example.com"}, "recipient", id="email-control"),
    pytest.param({**VALID["email"], "recipient": "ada\x7f@example.com"}, "recipient", id="email-delete"),
    pytest.param({**VALID["email"], "recipient": "ada\u202e@example.com"}, "recipient", id="email-bidi-override"),
    pytest.param({**VALID["email"], "recipient": "ada\u200b@example.com"}, "recipient", id="email-zero-width-space"),
    pytest.param({**VALID["email"], "recipient": "ada@example.com\ufeff"}, "recipient", id="email-byte-order-mark"),
    pytest.param({**VALID["push"], "recipient": "token\x9b"}, "recipient", id="push-c1-control"),
]


@pytest.mark.parametrize(("body", "field"), LOOSE_TEXT)
def test_control_characters_in_subject_or_recipient_and_format_characters_in_email_are_refused(
    body: dict[str, Any], field: str
) -> None:
    message, named = refusal(encoded(body))
    assert named == field, message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({**VALID["email"], "message": "line 1\r\nline 2\t\x1b[1m\u202e\u200b\x85"}, id="message"),
        pytest.param({**VALID["sms"], "metadata": {"k\r\n": ["\x01", "\u202e"]}}, id="metadata"),
        pytest.param(
            {**VALID["email"], "subject": "\u05e9\u05dc\u05d5\u05dd\u200f Gr\u00fc\u00dfe"}, id="subject-rtl-mark"
        ),
        pytest.param({**VALID["email"], "recipient": "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a"}, id="email-non-ascii"),
    ],
)
def test_message_and_metadata_stay_free_text(body: dict[str, Any]) -> None:
    decoded = msgspec.json.decode(json.dumps(body), type=gateway.NotificationIn)
    assert msgspec.structs.asdict(decoded) == {
        "subject": None,
        "metadata": {},
        "send_at": None,
        "callback_url": None,
        **body,
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({**VALID["email"], "message": "a\u0000b"}, "message", id="nul-message"),
        pytest.param({**VALID["email"], "subject": "\u0000"}, "subject", id="nul-subject"),
        pytest.param({**VALID["push"], "recipient": "tok\u0000"}, "recipient", id="nul-recipient"),
        pytest.param({**VALID["sms"], "metadata": {"k": "v\u0000"}}, "metadata", id="nul-metadata-value"),
        pytest.param({**VALID["sms"], "metadata": {"k\u0000": 1}}, "metadata", id="nul-metadata-key"),
        pytest.param({**VALID["sms"], "metadata": {"a": [{"b": ["\u0000"]}]}}, "metadata", id="nul-nested"),
        pytest.param({**VALID["sms"], "metadata": {"a": json.loads("[" * 20 + "]" * 20)}}, "metadata", id="deep-list"),
        pytest.param({**VALID["sms"], "metadata": {"n": 2**63}}, "metadata", id="int-over-64-bits"),
        pytest.param({**VALID["sms"], "metadata": {"n": -(2**63) - 1}}, "metadata", id="int-under-64-bits"),
        pytest.param(
            {**VALID["sms"], "metadata": {"a": json.loads('{"b":' * 12 + "1" + "}" * 12)}}, "metadata", id="deep-object"
        ),
    ],
)
def test_nul_characters_deep_metadata_and_numbers_past_64_bits_are_refused_naming_the_field(
    body: dict[str, Any], field: str
) -> None:
    message, named = refusal(encoded(body))
    assert named == field, message


HOSTILE_JSON = b'{"type":"sms","recipient":"+4915112345678","message":"x","metadata":%s}'
DEEP_ARRAY = HOSTILE_JSON % (b'{"a":' + b"[" * 30_000 + b"]" * 30_000 + b"}")


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (HOSTILE_JSON % b'{"n":1e400}', "Number out of range"),
        (HOSTILE_JSON % (b'{"n":' + b"9" * 400 + b"}"), "metadata"),
    ],
    ids=["float-overflow", "400-digit-integer"],
)
def test_numbers_no_worker_could_read_are_refused_naming_metadata(raw: bytes, said: str) -> None:
    message, named = refusal(raw)
    assert said in message and re.match(r"metadata\b", named), (message, named)


DEEP_STATUS_EVENT = (
    b'{"id": "%s", "status": "sent", "x": ' % str(uuid.uuid4()).encode() + b"[" * 2000 + b"]" * 2000 + b"}"
)


@pytest.mark.parametrize(
    ("raw", "into"),
    [
        (DEEP_ARRAY, gateway.NotificationIn),
        (HOSTILE_JSON % (b'{"a":' * 10_000 + b"1" + b"}" * 10_000), gateway.NotificationIn),
        (DEEP_STATUS_EVENT, gateway.StatusEvent),
    ],
    ids=["30000-deep-array", "10000-deep-object", "2000-deep-status-event"],
)
def test_absurd_nesting_exhausts_the_decoder_before_any_rule(raw: bytes, into: type[msgspec.Struct]) -> None:
    """A RecursionError, not a ValidationError: the HTTP path answers it with a 400 of its own (see the test over
    HTTP below), and the status consumer dead-letters it."""
    with pytest.raises(RecursionError):
        msgspec.json.decode(raw, type=into)


@pytest.mark.parametrize("count", [0, 1001])
def test_a_batch_of_0_or_over_1000_is_refused_naming_notifications(count: int) -> None:
    message, named = refusal(encoded({"notifications": [VALID["push"]] * count}), gateway.BatchIn)
    assert named == "notifications", message


def test_a_bad_item_in_a_batch_is_named_by_its_index_and_field() -> None:
    items = [VALID["sms"], VALID["email"], {**VALID["sms"], "recipient": "12"}, VALID["push"]]
    message, named = refusal(encoded({"notifications": items}), gateway.BatchIn)
    assert named == "notifications[2].recipient", message


def test_send_at_over_a_year_ahead_is_refused() -> None:
    far = (datetime.now(UTC) + timedelta(days=366)).isoformat()
    message, named = refusal(encoded({**VALID["sms"], "send_at": far}))
    assert named == "send_at", message


STATUS_ID = str(uuid.uuid4())


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        pytest.param(b"not json", "body", id="not-json"),
        pytest.param(b"", "body", id="empty"),
        pytest.param(b"[1, 2]", "body", id="array"),
        pytest.param(encoded({"status": "sent"}), "id", id="no-id"),
        pytest.param(encoded({"id": "not-a-uuid", "status": "sent"}), "id", id="id-not-a-uuid"),
        pytest.param(encoded({"id": STATUS_ID, "status": "exploded"}), "status", id="unknown-status"),
        pytest.param(encoded({"id": STATUS_ID, "status": "queued"}), "status", id="status-no-worker-reports"),
        pytest.param(encoded({"id": STATUS_ID, "status": "failed", "error": "bad\u0000byte"}), "error", id="nul-error"),
        pytest.param(
            b'{"id": "%s", "status": "failed", "error": "\xff"}' % STATUS_ID.encode(), "error", id="not-utf-8"
        ),
        pytest.param(
            encoded({"id": STATUS_ID, "status": "failed", "error": "x" * 10_001}), "error", id="error-too-long"
        ),
    ],
)
def test_a_status_event_is_refused_unless_it_names_a_notification_and_a_status_workers_report(
    raw: bytes, field: str
) -> None:
    message, named = refusal(raw, gateway.StatusEvent, raises=UNDECODABLE)
    assert named == field, message


@pytest.mark.parametrize("status", get_args(gateway.ReportedStatus))
def test_a_status_event_may_leave_out_its_error_and_carry_other_fields(status: str) -> None:
    event = msgspec.json.decode(encoded({"id": STATUS_ID, "status": status, "attempt": 2}), type=gateway.StatusEvent)
    assert (str(event.id), event.status, event.error) == (STATUS_ID, status, None)


# ── Refused requests over HTTP: a 400 naming the field, nothing stored or published ──────────────


async def assert_nothing_stored_or_published(gw: Harness) -> None:
    assert await gw.scalar("SELECT count(*) FROM notifications") == 0
    assert await gw.published_total() == 0


def assert_names(response: httpx.Response, field: str, status: int = 400) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status_code"] == status and body["detail"]
    assert field in [item.get("key") for item in body.get("extra") or []], body


REFUSED_OVER_HTTP = [  # one body for each way the HTTP path refuses one, and words its answer must carry
    pytest.param("", encoded({"recipient": "+4915112345678", "message": "x"}), "type", "field `type`", id="missing"),
    pytest.param("", encoded({**VALID["email"], "recipient": "ada@example"}), "recipient", "email", id="type-rule"),
    pytest.param("", SMS_WITH % b'"send_at":"20261201"', "send_at", "RFC3339", id="strict-send-at"),
    pytest.param("", SMS_WITH % b'"extra":1', "extra", "unknown field", id="unknown-field"),
    pytest.param("", b'{"type": "sms",', "body", "truncated", id="malformed-json"),
    pytest.param("", SMS_WITH % b'"metadata":{"k":"\xff"}', "metadata.k", "UTF-8", id="not-utf-8"),
    pytest.param("", DEEP_ARRAY, "body", "nested too deeply", id="nesting"),
    pytest.param("", b"", "body", "Request body is empty: a JSON object is expected", id="empty"),
    pytest.param("/batch", b"", "body", "Request body is empty: a JSON object is expected", id="batch-empty"),
    pytest.param(
        "/batch",
        encoded({"notifications": [VALID["sms"], VALID["email"], {**VALID["sms"], "recipient": "12"}]}),
        "notifications[2].recipient",
        "E.164",
        id="batch-item",
    ),
    pytest.param(
        "/batch", encoded({"notifications": [VALID["push"]] * 1001}), "notifications", "<= 1000", id="batch-size"
    ),
]


@pytest.mark.parametrize(("path", "raw", "field", "said"), REFUSED_OVER_HTTP)
async def test_a_refused_body_is_a_400_naming_the_field_and_nothing_is_stored_or_published(
    shared_gw: Harness, path: str, raw: bytes, field: str, said: str
) -> None:
    headers = {"content-type": "application/json"}
    response = await shared_gw.http.post(f"{gateway.API_PREFIX}{path}", content=raw, headers=headers)
    assert_names(response, field)
    assert said in response.text, response.text
    await assert_nothing_stored_or_published(shared_gw)
    assert (await shared_gw.http.get("/health")).status_code == 200


async def test_body_over_64_kib_is_413(shared_gw: Harness) -> None:
    body = {**VALID["push"], "metadata": {"pad": "x" * 70_000}}
    response = await shared_gw.post(body)
    assert response.status_code == 413
    assert response.json()["status_code"] == 413
    await assert_nothing_stored_or_published(shared_gw)


async def test_oversized_body_is_refused_before_it_is_read(shared_gw: Harness) -> None:
    port = shared_gw.http.base_url.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000000\r\n\r\n" + b"{" * 1000
    )
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 5)
    writer.close()
    assert b" 413 " in status_line


# ── Health, docs and the OpenAPI document ────────────────────────────────────────────────────────


async def test_health_is_ok_when_both_answer(shared_gw: Harness) -> None:
    response = await shared_gw.http.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok", "relay": "ok"}}


@pytest.mark.slow
async def test_health_names_a_database_that_is_down_or_hangs(settings: gateway.Settings) -> None:
    relay = TcpRelay(settings.database_url)
    await relay.open()
    async with running(with_relay(settings, relay, "database_url"), settings) as gw:
        relay.freeze()
        started = time.monotonic()
        hung = await gw.http.get("/health")
        assert time.monotonic() - started < 5, "health must answer within its own timeouts"
        assert hung.status_code == 503
        assert hung.json()["checks"] == {"database": "down", "broker": "ok", "relay": "ok"}
        await relay.cut()
        down = await gw.http.get("/health")
        assert down.status_code == 503 and down.json()["checks"]["database"] == "down"
        refused = await gw.post(VALID["sms"])
        assert refused.status_code == 503, refused.text
        assert refused.json()["status_code"] == 503


async def test_docs_and_openapi_document_schemas_examples_and_errors(shared_gw: Harness) -> None:
    page = await shared_gw.http.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    spec = (await shared_gw.http.get("/docs/openapi.json")).json()
    paths = spec["paths"]
    post = paths["/api/v1/notifications"]["post"]
    assert {"400", "401", "409", "413", "422", "503"} <= set(post["responses"])
    assert post["requestBody"]["content"]["application/json"]["schema"]["examples"]
    assert post["responses"]["202"]["content"]["application/json"]["schema"]["examples"]
    for status in ("400", "413", "503"):
        assert post["responses"][status]["content"]["application/json"]["examples"], status
    assert {"200", "404", "400"} <= set(paths["/api/v1/notifications/{notification_id}"]["get"]["responses"])
    assert {"200", "400", "431"} <= set(paths["/api/v1/notifications"]["get"]["responses"])
    assert {"202", "400", "413"} <= set(paths["/api/v1/notifications/batch"]["post"]["responses"])
    assert {"200", "503"} <= set(paths["/health"]["get"]["responses"])
    schemas = spec["components"]["schemas"]
    assert {"NotificationIn", "Notification", "ErrorBody"} <= set(schemas)
    assert schemas["PushNotificationIn"]["properties"]["message"]["maxLength"] == 10_000


OPEN_OR_KEYED = pytest.mark.parametrize("api_keys", [(), ("shop:a-key",)], ids=["open", "with-keys"])


def openapi_document(api_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """/docs/openapi.json as the gateway serves it: the document needs neither PostgreSQL nor RabbitMQ."""
    response = TestClient(gateway.create_app(gateway.Settings(api_keys=api_keys))).get("/docs/openapi.json")
    assert response.status_code == 200
    return cast(dict[str, Any], response.json())


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def conforms(spec: dict[str, Any], schema: dict[str, Any], instance: object) -> bool:
    """Whether the document's `schema` (its $refs resolved within the document) accepts `instance`."""
    validator = OAS31Validator(
        {**schema, "components": spec["components"]}, format_checker=OAS31Validator.FORMAT_CHECKER
    )
    return validator.is_valid(instance)


@OPEN_OR_KEYED
def test_the_openapi_document_is_valid_openapi(api_keys: tuple[str, ...]) -> None:
    validate_openapi(cast("Mapping[Hashable, Any]", openapi_document(api_keys)))


def test_every_error_answer_has_the_error_body_and_an_example_of_its_own_status() -> None:
    spec = openapi_document()
    for name, operation in operations(spec):
        for status, answer in operation["responses"].items():
            if int(status) < 400 or name == "GET /health":  # /health says what is down in its own body
                continue
            content = answer["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, (name, status)
            examples = [example["value"] for example in content["examples"].values()]
            assert [example["status_code"] for example in examples] == [int(status)], (name, status)
            assert all(conforms(spec, content["schema"], example) for example in examples), (name, status)
    assert "example" not in json.dumps(spec["components"]["schemas"]["ErrorBody"])  # none made up


def examples_and_their_schemas(node: object) -> Iterator[tuple[dict[str, Any], object]]:
    """Every example in the document, with the schema it illustrates: a schema's own, or its media type's."""
    if isinstance(node, dict):
        if isinstance(node.get("examples"), dict) and "schema" in node:  # a media type's, as named Example objects
            yield from ((node["schema"], example["value"]) for example in node["examples"].values())
        elif isinstance(node.get("examples"), list):  # a schema's own, as values
            yield from ((node, example) for example in node["examples"])
        for child in node.values():
            yield from examples_and_their_schemas(child)
    elif isinstance(node, list):
        for child in node:
            yield from examples_and_their_schemas(child)


def test_every_example_in_the_document_is_valid_by_its_schema() -> None:
    spec = openapi_document()
    found = list(examples_and_their_schemas(spec))
    assert len(found) >= 10  # requests, the 202, every error
    for schema, example in found:
        assert conforms(spec, schema, example), (schema, example)


def test_parameters_are_plain_strings_that_say_what_the_handlers_accept() -> None:
    spec = openapi_document()
    parameters = {p["name"]: p for _, operation in operations(spec) for p in operation.get("parameters", [])}
    assert all("null" not in json.dumps(p["schema"]) for p in parameters.values())  # absent, never null
    assert parameters["status"]["schema"] == {"type": "string", "enum": list(get_args(gateway.Status))}
    assert parameters["type"]["schema"] == {"type": "string", "enum": list(gateway.CHANNEL_TYPES)}
    key = parameters["Idempotency-Key"]
    assert (key["in"], key["required"], key["schema"]["maxLength"]) == ("header", False, 255)
    for value in ("order-42", "~" * 255, "", "x" * 256, "tab\there", "é"):
        assert conforms(spec, key["schema"], value) == bool(gateway.IDEMPOTENCY_KEY.fullmatch(value)), value


@OPEN_OR_KEYED
def test_every_operation_states_its_security_and_health_is_open_even_with_keys(api_keys: tuple[str, ...]) -> None:
    spec = openapi_document(api_keys)
    assert spec["paths"]["/health"]["get"]["security"] == []
    for name, operation in operations(spec):
        expected: list[dict[str, list[str]]] = [{"BearerAuth": []}] if api_keys and name != "GET /health" else []
        assert operation.get("security", spec["security"]) == expected, name
    assert list(spec["components"].get("securitySchemes", {})) == (["BearerAuth"] if api_keys else [])


def test_bodies_are_closed_and_each_type_has_a_schema_with_its_rules() -> None:
    schemas = openapi_document()["components"]["schemas"]
    assert schemas["BatchIn"]["additionalProperties"] is False
    assert schemas["BatchIn"]["properties"]["notifications"]["items"] == {"$ref": "#/components/schemas/NotificationIn"}
    one_of = schemas["NotificationIn"]
    assert one_of["discriminator"]["propertyName"] == "type"
    assert [member["$ref"] for member in one_of["oneOf"]] == list(one_of["discriminator"]["mapping"].values())
    for channel, reference in one_of["discriminator"]["mapping"].items():
        schema = schemas[reference.removeprefix("#/components/schemas/")]
        rule, properties = gateway.RECIPIENT_RULES[channel], schema["properties"]
        assert schema["additionalProperties"] is False, channel
        assert properties["type"]["const"] == channel
        assert (properties["recipient"]["pattern"], properties["recipient"]["maxLength"]) == (
            rule.pattern,
            rule.max_length,
        )
        assert ("subject" in schema["required"]) == (channel == "email"), channel
        assert properties["message"]["maxLength"] == (gateway.SMS_MAX_LENGTH if channel == "sms" else 10_000), channel


def test_every_channel_has_a_recipient_rule_and_a_schema_in_the_one_of() -> None:
    mapping = openapi_document()["components"]["schemas"]["NotificationIn"]["discriminator"]["mapping"]
    assert set(gateway.CHANNEL_TYPES) == set(gateway.RECIPIENT_RULES) == set(mapping)


SERVER_ONLY = {"metadata-over-8k", "send-at-before-utc-year-1"}  # rules beyond what a JSON Schema can state


def test_the_document_refuses_the_bodies_the_server_refuses_and_accepts_the_valid_ones() -> None:
    spec = openapi_document()
    body = {"$ref": "#/components/schemas/NotificationIn"}
    assert all(conforms(spec, body, valid) for valid in VALID.values())
    for case in BAD_INPUT:
        assert conforms(spec, body, case.values[0]) == (case.id in SERVER_ONLY), case.id
    batch = {"$ref": "#/components/schemas/BatchIn"}
    assert conforms(spec, batch, {"notifications": list(VALID.values())})
    assert not conforms(spec, batch, {"notifications": list(VALID.values()), "extra": 1})


def test_operations_have_clean_ids_and_described_tags() -> None:
    spec = openapi_document()
    assert {name: (operation["operationId"], operation["tags"]) for name, operation in operations(spec)} == {
        "POST /api/v1/notifications": ("createNotification", ["notifications"]),
        "POST /api/v1/notifications/batch": ("createNotificationBatch", ["notifications"]),
        "GET /api/v1/notifications/{notification_id}": ("readNotification", ["notifications"]),
        "GET /api/v1/notifications/{notification_id}/callbacks": ("listCallbacks", ["notifications"]),
        "POST /api/v1/notifications/{notification_id}/cancel": ("cancelNotification", ["notifications"]),
        "GET /api/v1/notifications": ("listNotifications", ["notifications"]),
        "GET /health": ("health", ["operations"]),
    }
    assert [tag["name"] for tag in spec["tags"] if tag["description"]] == ["notifications", "operations"]


def test_the_202_documents_location_and_idempotent_replayed() -> None:
    headers = openapi_document()["paths"]["/api/v1/notifications"]["post"]["responses"]["202"]["headers"]
    assert {name: (header["schema"], header["required"]) for name, header in headers.items()} == {
        "Location": ({"type": "string"}, True),
        "Idempotent-Replayed": ({"type": "string"}, False),
    }


CHROMIUM = "chromium"  # Debian's package; .ci/run installs it


@pytest.mark.slow
async def test_docs_render_in_a_real_browser_with_no_network(gw: Harness, tmp_path: Path) -> None:
    """Swagger UI's files come from the gateway itself: with every host but loopback unresolvable, the page
    still renders its operations (they exist only once Swagger UI's JavaScript has run)."""
    if shutil.which(CHROMIUM) is None:
        pytest.fail("chromium is not installed: `apt-get install chromium` (Debian's package)", pytrace=False)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--virtual-time-budget=15000",
        "--dump-dom",
        f"{gw.http.base_url}/docs",
    ]
    result = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, timeout=120)
    for summary in ("Accept a notification", "Read a notification and its delivery status", "Notification Gateway"):
        assert summary in result.stdout, result.stdout[-3000:] + result.stderr[-2000:]
    assert "cdn." not in (await gw.http.get("/docs")).text


# ── Schema, boot, settings and shutdown ──────────────────────────────────────────────────────────


ALL_STEPS = [number for number, _ in gateway.schema_steps(gateway.SCHEMA_PATH.read_text())]


async def steps_recorded(database_url: str) -> list[tuple[int, datetime]]:
    async with await psycopg.AsyncConnection.connect(database_url) as db:
        return await (await db.execute("SELECT step, applied_at FROM schema_steps ORDER BY step")).fetchall()


async def test_schema_applies_again_and_concurrently(empty_database: str) -> None:
    """Four instances booting at once on an empty database: each step runs once; booting again runs none."""
    await asyncio.gather(*(gateway.apply_schema(empty_database) for _ in range(4)))
    recorded = await steps_recorded(empty_database)
    assert [step for step, _ in recorded] == ALL_STEPS
    await gateway.apply_schema(empty_database)
    assert await steps_recorded(empty_database) == recorded


def test_schema_steps_must_be_numbered_in_file_order() -> None:
    """Two branches each appending a `step 4` must not merge into one step 4 silently skipped somewhere."""
    assert [n for n, _ in gateway.schema_steps("-- step 1: a\nSELECT 1;\n-- step 2: b\nSELECT 2;")] == [1, 2]
    for text in ("-- step 1: a\n-- step 1: b", "-- step 1: a\n-- step 3: b", "-- step 2: a"):
        with pytest.raises(ValueError, match="numbered"):
            gateway.schema_steps(text)


async def test_a_failing_step_leaves_the_database_as_it_was(
    empty_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = tmp_path / "schema.sql"
    schema.write_text("-- step 1: fine\nCREATE TABLE kept (n int);\n-- step 2: broken\nCREATE TABLE kept (n int);\n")
    monkeypatch.setattr(gateway, "SCHEMA_PATH", schema)
    with pytest.raises(psycopg.errors.DuplicateTable):
        await gateway.apply_schema(empty_database)
    async with await psycopg.AsyncConnection.connect(empty_database) as db:
        left = await (await db.execute("SELECT to_regclass('kept'), to_regclass('schema_steps')")).fetchone()
    assert left == (None, None)


# schema.sql as it was before its steps were numbered and recorded: databases made by it are upgraded in place.
UNVERSIONED_SCHEMA = """\
-- Applied on every boot under an advisory lock: every statement must be safe to run again.

-- `status` records the lifecycle; a notification stored for immediate sending is stored as 'queued' with
-- a row in `outbox` until the broker confirms it, and the API shows it as 'pending' while that row exists.
-- Publishing so deletes a small outbox row instead of updating this table and every one of its indexes.
CREATE TABLE IF NOT EXISTS notifications (
    id              uuid PRIMARY KEY,
    type            text NOT NULL CHECK (type IN ('email', 'sms', 'push', 'telegram', 'whatsapp')),
    recipient       text NOT NULL,
    subject         text NULL,
    message         text NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL CHECK (status IN ('scheduled', 'queued', 'sent', 'delivered', 'failed')),
    error           text NULL,
    send_at         timestamptz NULL,
    api_key_id      text NULL,
    idempotency_key text NULL,
    request_hash    text NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    delivered_at    timestamptz NULL,
    failed_at       timestamptz NULL
);

-- Notifications stored but not yet confirmed by the broker. `publish_after` is when the relay may take one
-- over from the request that is publishing it (its creation plus the relay's grace period).
CREATE TABLE IF NOT EXISTS outbox (
    id            uuid PRIMARY KEY,
    publish_after timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (publish_after);

-- One notification per Idempotency-Key, across every gateway instance. Keys live as long as their row.
CREATE UNIQUE INDEX IF NOT EXISTS notifications_idempotency_key
    ON notifications (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The relay's second claim: scheduled notifications that have come due.
CREATE INDEX IF NOT EXISTS notifications_scheduled ON notifications (send_at) WHERE status = 'scheduled';

-- Keyset pages, newest first, unfiltered and by each filter.
CREATE INDEX IF NOT EXISTS notifications_newest ON notifications (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_status_newest ON notifications (status, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_type_newest ON notifications (type, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_recipient_newest ON notifications (recipient, created_at DESC, id DESC);
"""


async def test_a_database_from_the_unversioned_schema_is_upgraded_in_place_keeping_every_row(
    empty_database: str,
) -> None:
    [(_, first_step), *_] = gateway.schema_steps(gateway.SCHEMA_PATH.read_text())
    assert first_step.strip() in UNVERSIONED_SCHEMA, "step 1 is the unversioned schema, unedited"
    async with await psycopg.AsyncConnection.connect(empty_database, autocommit=True) as db:
        await db.execute(UNVERSIONED_SCHEMA)
        await db.execute(
            """
            INSERT INTO notifications (id, type, recipient, subject, message, metadata, status, error, send_at,
                                       api_key_id, idempotency_key, request_hash, created_at, updated_at)
            VALUES (gen_random_uuid(), 'email', 'ada@example.com', 'Hi', 'one', '{"a": 1}', 'queued', NULL, NULL,
                    '3f2a9c1b', 'order-42', 'abc', now(), now()),
                   (gen_random_uuid(), 'sms', '+4915112345678', NULL, 'two', '{}', 'failed', 'bounced', NULL,
                    NULL, NULL, NULL, now() - interval '1 day', now()),
                   (gen_random_uuid(), 'push', 'token', NULL, 'three', '{}', 'scheduled', NULL,
                    now() + interval '1 day', NULL, 'later', 'def', now(), now())
            """
        )
        await db.execute("INSERT INTO outbox SELECT id, now() FROM notifications WHERE type = 'email'")
        rows, outbox = "SELECT to_jsonb(n) FROM notifications n ORDER BY id", "SELECT * FROM outbox"
        before = [row[0] for row in await (await db.execute(rows)).fetchall()]
        outbox_before = await (await db.execute(outbox)).fetchall()
        await gateway.apply_schema(empty_database)
        assert [step for step, _ in await steps_recorded(empty_database)] == ALL_STEPS
        after = [row[0] for row in await (await db.execute(rows)).fetchall()]
        assert await (await db.execute(outbox)).fetchall() == outbox_before
        await db.execute(  # later steps took effect: a token too long for the old index; a key per client
            "INSERT INTO notifications (id, type, recipient, message, status, client, idempotency_key, created_at,"
            " updated_at) VALUES (gen_random_uuid(), 'push', %s, 'x', 'queued', 'bank', 'order-42', now(), now())",
            (LONGEST_TOKENS["4096-printable-ascii"],),
        )
    assert len(before) == 3 and all(row["client"] == "default" for row in after)
    assert [{name: row[name] for name in old} for row, old in zip(after, before, strict=True)] == before


async def test_every_field_of_a_stored_notification_is_a_column(shared_gw: Harness) -> None:
    """The INSERT and SELECT column lists come from the Structs: a field needs its column (a schema step)."""
    sql = "SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications'"
    columns = {row[0] for row in await (await shared_gw.db.execute(sql)).fetchall()}
    assert set(gateway.NewNotification.__struct_fields__) <= columns
    assert set(gateway.NotificationIn.__struct_fields__) <= set(gateway.NewNotification.__struct_fields__)


@pytest.mark.slow
async def test_boot_waits_for_a_database_and_broker_that_start_later(
    settings: gateway.Settings, caplog: pytest.LogCaptureFixture
) -> None:
    database, broker = TcpRelay(settings.database_url), TcpRelay(settings.rabbitmq_url)
    with socket.socket() as probe:  # reserve two free ports that nothing listens on yet
        probe.bind(("127.0.0.1", 0))
        database.port = probe.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        broker.port = probe.getsockname()[1]
    late = with_relay(with_relay(settings, database, "database_url"), broker, "rabbitmq_url")

    def logged(logger: str, words: str) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            return any(r.name == logger and words in r.message for r in caplog.records)

        return check

    async def start_dependencies_late() -> None:  # each once the gateway has logged a failed try to reach it
        await eventually(logged("psycopg.pool", "error connecting"), what="a failed try at PostgreSQL logged")
        await database.open()
        await eventually(logged("aio_pika.robust_connection", "failed"), what="a failed try at RabbitMQ logged")
        await broker.open()

    caplog.set_level("WARNING")
    starter = asyncio.create_task(start_dependencies_late())
    async with running(late, settings) as gw:
        assert (await gw.post(VALID["sms"])).json()["status"] == "queued"
    await starter
    await database.cut()
    await broker.cut()


async def test_boot_gives_up_after_its_timeout(settings: gateway.Settings) -> None:
    nowhere = msgspec.structs.replace(settings, database_url="postgresql://postgres@127.0.0.1:1/x", boot_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(psycopg_pool.PoolTimeout):
        await gateway.open_database(nowhere)
    assert time.monotonic() - started < 10


async def test_a_start_that_fails_once_the_background_tasks_run_stops_them(
    settings: gateway.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[gateway.Gateway] = []
    build = gateway.Gateway.__init__

    def recorded(self: gateway.Gateway, *args: Any) -> None:
        build(self, *args)
        built.append(self)

    async def refused(self: gateway.StatusConsumer, broker: gateway.Broker) -> None:
        raise RuntimeError("injected: the status queue could not be consumed")

    monkeypatch.setattr(gateway.Gateway, "__init__", recorded)
    monkeypatch.setattr(gateway.StatusConsumer, "start", refused)
    failed: list[Exception] = []
    try:
        async with gateway.create_app(settings).lifespan():
            pass
    except* RuntimeError as ended:
        failed.extend(ended.exceptions)
    assert len(failed) == 1 and len(built) == 1
    assert built[0].relay.task.done() and built[0].retention is not None and built[0].retention.task.done()
    assert built[0].pool.closed


def test_settings_refuse_a_relay_grace_within_the_publish_timeout() -> None:
    with pytest.raises(msgspec.ValidationError, match="GATEWAY_RELAY_GRACE"):
        gateway.Settings.from_env({"GATEWAY_RELAY_GRACE": "5", "GATEWAY_PUBLISH_TIMEOUT": "5"})


def test_api_keys_are_plain_or_named_after_their_client_and_each_is_unambiguous() -> None:
    assert [gateway.client_and_key(entry) for entry in ("plain", "shop:se:cret", " shop : key ")] == [
        ("default", "plain"),
        ("shop", "se:cret"),
        ("shop", "key"),
    ]
    for keys in ("shop:", ":key", "shop:key,bank:key", "key,shop:key"):
        with pytest.raises(msgspec.ValidationError, match="GATEWAY_API_KEYS"):
            gateway.Settings.from_env({"GATEWAY_API_KEYS": keys})


def test_settings_come_from_the_environment() -> None:
    env = {
        "DATABASE_URL": "postgresql://u@db/x",
        "RABBITMQ_URL": "amqp://u:p@mq/",
        "HOST": "127.0.0.1",
        "PORT": "9000",
        "GATEWAY_EXCHANGE": "ex",
        "LOG_LEVEL": "debug",
        "GATEWAY_API_KEYS": " a , b ,",
        "GATEWAY_RELAY_GRACE": "12.5",
    }
    settings = gateway.Settings.from_env(env)
    assert (settings.database_url, settings.rabbitmq_url, settings.host, settings.port) == (
        "postgresql://u@db/x",
        "amqp://u:p@mq/",
        "127.0.0.1",
        9000,
    )
    assert (settings.exchange, settings.log_level, settings.api_keys, settings.relay_grace) == (
        "ex",
        "debug",
        ("a", "b"),
        12.5,
    )
    assert gateway.Settings.from_env({"LOG_LEVEL": "WARNING"}).log_level == "WARNING"
    with pytest.raises(msgspec.ValidationError, match="LOG_LEVEL"):  # logging would fail with a traceback
        gateway.Settings.from_env({"LOG_LEVEL": "loud"})
    defaults = gateway.Settings.from_env({})
    assert defaults.database_url == "postgresql://postgres@localhost:5432/postgres"
    assert defaults.rabbitmq_url == "amqp://guest:guest@localhost:5672/"
    assert (defaults.host, defaults.port, defaults.exchange, defaults.api_keys) == (
        "0.0.0.0",
        8000,
        "notifications",
        (),
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GATEWAY_DATABASE_TIMEOUT", "nan"),  # an invalid statement_timeout: boot retried until it gave up
        ("GATEWAY_DATABASE_TIMEOUT", "0"),
        ("GATEWAY_PUBLISH_TIMEOUT", "-1"),
        ("GATEWAY_BOOT_TIMEOUT", "inf"),
        ("GATEWAY_RELAY_INTERVAL", "nan"),  # the relay died, /health said so
        ("GATEWAY_RELAY_INTERVAL", "1e-300"),  # a relay polling PostgreSQL without pause
        ("GATEWAY_RELAY_GRACE", "nan"),
        ("GATEWAY_RELAY_BATCH", "0"),
        ("GATEWAY_RELAY_BATCH", "1001"),
        ("GATEWAY_BROKER_HEARTBEAT", "0"),
        ("GATEWAY_CALLBACK_TIMEOUT", "nan"),
        ("GATEWAY_CALLBACK_RETRY_SCHEDULE", "5,1e300"),  # its first failed attempt overflowed the date of the next
        ("GATEWAY_RETENTION_INTERVAL", "1e-9"),
        ("PORT", "0"),
        ("PORT", "65536"),
    ],
)
def test_settings_that_would_break_the_service_are_refused_naming_their_variable(variable: str, value: str) -> None:
    with pytest.raises(msgspec.ValidationError, match=f"^{variable}: Expected"):
        gateway.Settings.from_env({variable: value})


def test_every_default_setting_is_within_its_bounds() -> None:
    defaults = gateway.Settings()  # a Struct checks its bounds when converted to, not when built
    assert msgspec.convert(msgspec.to_builtins(defaults), gateway.Settings) == defaults


@contextlib.contextmanager
def gateway_process(settings: gateway.Settings, port: int, **env: str) -> Iterator[subprocess.Popen[str]]:
    """`python gateway.py`, as a user starts it."""
    environment = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "RABBITMQ_URL": settings.rabbitmq_url,
        "GATEWAY_EXCHANGE": settings.exchange,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOG_LEVEL": "info",
        **env,
    }
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "gateway.py")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"gateway.py did not come up:\n{process.communicate()[0]}")
            time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
async def test_python_gateway_py_serves_and_sigterm_lets_in_flight_requests_finish(
    settings: gateway.Settings,
) -> None:
    port = free_port()
    with gateway_process(settings, port) as process:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            in_flight = [asyncio.create_task(http.post(gateway.API_PREFIX, json=VALID["sms"])) for _ in range(100)]
            await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)  # the server is answering
            process.send_signal(signal.SIGTERM)
            answers = await asyncio.gather(*in_flight, return_exceptions=True)
        output, _ = await asyncio.to_thread(process.communicate, timeout=30)
    assert process.returncode in (0, -signal.SIGTERM), output  # uvicorn re-raises SIGTERM once it has shut down
    accepted = [a.json()["id"] for a in answers if isinstance(a, httpx.Response)]
    assert all(a.status_code == 202 for a in answers if isinstance(a, httpx.Response))
    assert accepted, "some requests were in flight when SIGTERM arrived"
    async with await psycopg.AsyncConnection.connect(settings.database_url) as db:
        stored = {row[0] for row in await (await db.execute("SELECT id::text FROM notifications")).fetchall()}
        unpublished = {row[0] for row in await (await db.execute("SELECT id::text FROM outbox")).fetchall()}
    assert stored == set(accepted), "every request the server had begun was answered, none cut off"
    async with await aio_pika.connect(settings.rabbitmq_url) as connection:
        queue = await (await connection.channel()).get_queue(f"{settings.exchange}.sms")
        published = set()
        while (message := await queue.get(no_ack=True, fail=False)) is not None:
            published.add(message.message_id)
    assert published | unpublished == stored, "each one published, or left in the outbox for the next instance"
    assert "Application shutdown complete" in output


# ── Nothing accepted is lost: the outbox and the relay ───────────────────────────────────────────


@pytest.mark.slow
async def test_broker_outage_50_accepted_all_reach_their_queue_afterwards(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        await broker_relay.cut()
        await eventually(lambda: health_is_down(gw), what="broker seen down")
        health = await gw.http.get("/health")
        assert health.status_code == 503 and health.json()["checks"] == {
            "database": "ok",
            "broker": "down",
            "relay": "ok",
        }
        kinds = sorted(VALID)
        answers = await asyncio.gather(*(gw.post(VALID[kinds[i % 5]]) for i in range(50)))
        assert [a.status_code for a in answers] == [202] * 50
        assert {a.json()["status"] for a in answers} == {"pending"}
        accepted = {a.json()["id"] for a in answers}
        assert (await gw.get(next(iter(accepted))))["status"] == "pending"
        assert await gw.published_total() == 0
        await broker_relay.open()
        await eventually(lambda: all_queued(gw, accepted), what="all 50 queued after the outage")
        published = await gw.take_all_ids()
        assert sorted(published) == sorted(accepted), "every accepted notification exactly once, by id"


@pytest.mark.slow
async def test_connection_dropped_mid_publish_loses_nothing(settings: gateway.Settings, broker_relay: TcpRelay) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        requests = [asyncio.create_task(gw.post(VALID["push"])) for _ in range(200)]
        await asyncio.sleep(0.05)
        await broker_relay.cut()
        answers = await asyncio.gather(*requests)
        assert {a.status_code for a in answers} == {202}
        accepted = {a.json()["id"] for a in answers}
        await broker_relay.open()
        await eventually(lambda: all_queued(gw, accepted), within=30, what="all queued after the drop")
        assert set(await gw.take_all_ids()) == accepted  # at least once: a lost confirm may repeat one


@pytest.mark.slow
async def test_scheduled_notification_waits_for_send_at(shared_gw: Harness) -> None:
    send_at = datetime.now(UTC) + timedelta(seconds=2)
    response = await shared_gw.post({**VALID["telegram"], "send_at": send_at.isoformat()})
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "scheduled"
    assert datetime.fromisoformat(body["send_at"]) == send_at
    await asyncio.sleep(1.0)
    assert await shared_gw.queue_depth("telegram") == 0
    assert (await shared_gw.get(body["id"]))["status"] == "scheduled"
    await eventually(lambda: equals(status_of(shared_gw, body["id"]), "queued"), within=5, what="scheduled publish")
    assert datetime.now(UTC) >= send_at
    [message] = await shared_gw.take("telegram")
    assert message.message_id == body["id"]


async def test_send_at_in_the_past_sends_now(shared_gw: Harness) -> None:
    """Over a year ahead is refused: see test_send_at_over_a_year_ahead_is_refused."""
    past = await shared_gw.post({**VALID["sms"], "send_at": "2020-01-01T00:00:00+02:00"})
    assert past.json()["status"] == "queued"
    assert past.json()["send_at"] == "2019-12-31T22:00:00Z"
    assert [m.message_id for m in await shared_gw.take("sms")] == [past.json()["id"]]


async def insert_stale_pending(gw: Harness, count: int) -> set[str]:
    """Rows as a crashed instance leaves them: stored and in the outbox, never published."""
    rows = await (
        await gw.db.execute(
            """
            WITH stored AS (
                INSERT INTO notifications (id, type, recipient, message, status, created_at, updated_at)
                SELECT gen_random_uuid(), 'push', 'token-' || n, 'backlog ' || n, 'queued',
                       now() - interval '1 minute', now() - interval '1 minute'
                FROM generate_series(1, %s) AS n RETURNING id, created_at
            )
            INSERT INTO outbox (id, publish_after) SELECT id, created_at FROM stored RETURNING id::text
            """,
            (count,),
        )
    ).fetchall()
    return {row[0] for row in rows}


async def test_a_row_left_pending_by_a_crashed_instance_is_published(shared_gw: Harness) -> None:
    [orphan] = await insert_stale_pending(shared_gw, 1)
    await eventually(lambda: all_queued(shared_gw, {orphan}), within=10, what="orphan published")
    assert await shared_gw.take_all_ids() == [orphan]


@pytest.mark.slow
async def test_two_relays_at_once_publish_each_row_once(settings: gateway.Settings) -> None:
    async with running(settings) as first, running(settings) as second:
        assert first.service is not second.service
        backlog = await insert_stale_pending(first, 3000)
        await eventually(lambda: all_queued(first, backlog), within=60, what="backlog published")
        published = await first.take_all_ids()
    assert len(published) == len(backlog) and set(published) == backlog


@pytest.mark.slow
async def test_relay_drains_a_10000_row_backlog(gw: Harness) -> None:
    backlog = await insert_stale_pending(gw, 10_000)
    started = time.monotonic()
    await eventually(lambda: all_queued(gw, backlog), within=120, what="10,000-row backlog drained")
    elapsed = time.monotonic() - started
    print(f"\nrelay drained 10,000 pending rows in {elapsed:.2f}s: {10_000 / elapsed:.0f} rows/s")
    assert await gw.queue_depth("push") == 10_000


# ── Idempotency-Key, listing, batch ─────────────────────────────────────────────────────────────


async def test_idempotency_key_replays_the_original_and_publishes_once(shared_gw: Harness) -> None:
    first = await shared_gw.post(VALID["email"], **{"Idempotency-Key": "order-42"})
    again = await shared_gw.post(dict(reversed(VALID["email"].items())), **{"Idempotency-Key": "order-42"})
    assert first.status_code == again.status_code == 202
    assert "idempotent-replayed" not in first.headers
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["location"] == first.headers["location"]
    assert await shared_gw.scalar("SELECT count(*) FROM notifications") == 1
    assert await shared_gw.queue_depth("email") == 1


def test_a_field_added_with_a_default_leaves_request_hashes_unchanged() -> None:
    """Replays compare a hash of the request: one that counted defaults would turn every replay across a
    deploy that adds an optional field into a 422."""

    class WithAnAddedField(gateway.NotificationIn, kw_only=True):
        priority: int = 0

    body = json.dumps(VALID["sms"]).encode()
    hashes = {
        msgspec.json.encode(msgspec.json.decode(body, type=kind), order="sorted")
        for kind in (gateway.NotificationIn, WithAnAddedField)
    }
    assert len(hashes) == 1, hashes


async def test_idempotency_key_with_another_body_is_422(shared_gw: Harness) -> None:
    await shared_gw.post(VALID["sms"], **{"Idempotency-Key": "k-1"})
    response = await shared_gw.post({**VALID["sms"], "message": "other"}, **{"Idempotency-Key": "k-1"})
    assert response.status_code == 422
    assert "different" in response.json()["detail"]
    assert await shared_gw.scalar("SELECT count(*) FROM notifications") == 1
    assert await shared_gw.queue_depth("sms") == 1


@pytest.mark.parametrize("key", ["", "x" * 256, "tab\there", "é"])
async def test_malformed_idempotency_key_is_400(shared_gw: Harness, key: str) -> None:
    response = await shared_gw.http.post(
        gateway.API_PREFIX, json=VALID["sms"], headers=[(b"Idempotency-Key", key.encode("utf-8"))]
    )
    assert_names(response, "Idempotency-Key")
    await assert_nothing_stored_or_published(shared_gw)


async def test_twenty_concurrent_requests_with_one_key_make_one_notification(shared_gw: Harness) -> None:
    answers = await asyncio.gather(
        *(shared_gw.post(VALID["whatsapp"], **{"Idempotency-Key": "burst"}) for _ in range(20))
    )
    assert {a.status_code for a in answers} == {202}
    assert len({a.json()["id"] for a in answers}) == 1
    assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == 19
    assert await shared_gw.scalar("SELECT count(*) FROM notifications") == 1
    await eventually(lambda: equals(shared_gw.queue_depth("whatsapp"), 1), what="one message")
    await asyncio.sleep(shared_gw.settings.relay_grace + 0.5)
    assert await shared_gw.queue_depth("whatsapp") == 1


async def test_keys_are_kept_beyond_24_hours(shared_gw: Harness) -> None:
    first = (await shared_gw.post(VALID["sms"], **{"Idempotency-Key": "old"})).json()
    await shared_gw.db.execute("UPDATE notifications SET created_at = now() - interval '25 hours'")
    again = await shared_gw.post(VALID["sms"], **{"Idempotency-Key": "old"})
    assert again.headers["idempotent-replayed"] == "true" and again.json()["id"] == first["id"]


async def page_through(gw: Harness, limit: int, **filters: str) -> list[list[dict[str, Any]]]:
    pages, cursor = [], None
    while True:
        params: dict[str, str | int] = {"limit": limit, **filters, **({"cursor": cursor} if cursor else {})}
        response = await gw.http.get(gateway.API_PREFIX, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


async def test_paging_5_items_2_at_a_time_gives_all_newest_first(shared_gw: Harness) -> None:
    ids = [(await shared_gw.post(VALID["sms"])).json()["id"] for _ in range(5)]
    pages = await page_through(shared_gw, 2)
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [item["id"] for page in pages for item in page] == ids[::-1]


async def test_paging_while_new_notifications_arrive_has_no_overlap_or_gap(shared_gw: Harness) -> None:
    ids = [(await shared_gw.post(VALID["sms"])).json()["id"] for _ in range(6)]
    first = (await shared_gw.http.get(gateway.API_PREFIX, params={"limit": 3})).json()
    await shared_gw.post(VALID["sms"])
    second = (await shared_gw.http.get(gateway.API_PREFIX, params={"limit": 3, "cursor": first["next_cursor"]})).json()
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert seen == ids[::-1]


async def test_listing_filters_by_status_type_and_recipient(shared_gw: Harness) -> None:
    await shared_gw.post(VALID["sms"])
    await shared_gw.post(VALID["email"])
    await shared_gw.post({**VALID["sms"], "recipient": "+4915199999999"})
    await shared_gw.post({**VALID["push"], "send_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()})
    by_type = await page_through(shared_gw, 50, type="sms")
    assert {item["type"] for item in by_type[0]} == {"sms"} and len(by_type[0]) == 2
    by_recipient = await page_through(shared_gw, 50, recipient="+4915199999999")
    assert [item["recipient"] for item in by_recipient[0]] == ["+4915199999999"]
    scheduled = await page_through(shared_gw, 50, status="scheduled")
    assert [item["type"] for item in scheduled[0]] == ["push"]
    both = await page_through(shared_gw, 50, status="queued", type="email")
    assert [item["type"] for item in both[0]] == ["email"]


async def test_listing_tells_pending_from_queued(gw: Harness) -> None:
    queued = (await gw.post(VALID["sms"])).json()
    queue = await gw.channel.get_queue(f"{gw.settings.exchange}.push")
    await queue.unbind(gw.settings.exchange, routing_key="push")  # unroutable: stays pending
    pending = (await gw.post(VALID["push"])).json()
    assert (queued["status"], pending["status"]) == ("queued", "pending")
    assert [item["id"] for item in (await page_through(gw, 50, status="pending"))[0]] == [pending["id"]]
    assert [item["id"] for item in (await page_through(gw, 50, status="queued"))[0]] == [queued["id"]]
    assert [item["status"] for item in (await page_through(gw, 50))[0]] == ["pending", "queued"]


async def test_a_recipient_named_like_a_status_filters_by_recipient(shared_gw: Harness) -> None:
    queued = (await shared_gw.post({**VALID["push"], "recipient": "queued"})).json()
    await shared_gw.post(VALID["sms"])
    assert [item["id"] for item in (await page_through(shared_gw, 50, recipient="queued"))[0]] == [queued["id"]]
    assert (await page_through(shared_gw, 50, recipient="pending"))[0] == []


@pytest.mark.parametrize("token", LONGEST_TOKENS.values(), ids=LONGEST_TOKENS.keys())
async def test_the_longest_push_tokens_are_stored_published_and_found_by_recipient(
    shared_gw: Harness, token: str
) -> None:
    answers = await asyncio.gather(shared_gw.post({**VALID["push"], "recipient": token}), shared_gw.post(VALID["sms"]))
    assert [a.status_code for a in answers] == [202, 202], answers[0].text
    stored = answers[0].json()
    assert (await shared_gw.get(stored["id"]))["recipient"] == token
    [message] = await shared_gw.take("push")
    assert json.loads(message.body)["recipient"] == token
    query = httpx.QueryParams(recipient=token)
    if len(str(query)) > gateway.HEAD_LIMIT - 1024:  # percent-encoded past the request-head limit: 431, as documented
        assert (await shared_gw.http.get(gateway.API_PREFIX, params=query)).status_code == 431
        return
    assert [item["id"] for item in (await page_through(shared_gw, 50, recipient=token))[0]] == [stored["id"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WzEsMl0"}, "cursor"),
        ({"status": "lost"}, "status"),
        ({"type": "fax"}, "type"),
        ({"limit": "0"}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"limit": "1e2"}, "limit"),
        ({"limit": "100.0"}, "limit"),
        ({"recipient": "a\u0000b"}, "recipient"),
    ],
)
async def test_listing_rejects_bad_parameters(shared_gw: Harness, params: dict[str, str], field: str) -> None:
    assert_names(await shared_gw.http.get(gateway.API_PREFIX, params=params), field)


async def test_listing_limit_defaults_to_50_and_allows_200(shared_gw: Harness) -> None:
    await shared_gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [VALID["push"]] * 210})
    assert len((await shared_gw.http.get(gateway.API_PREFIX)).json()["items"]) == 50
    assert len((await shared_gw.http.get(gateway.API_PREFIX, params={"limit": 200})).json()["items"]) == 200


async def explain_page(gw: Harness, filters: dict[str, str]) -> str:
    """The plan of a page after a cursor. On a small table the planner would rightly scan and sort; with both
    forbidden, whatever Sort or sequential scan stays in the plan is one no index can avoid."""
    async with gw.service.pool.connection() as conn:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            await conn.execute(f"SET {setting} = off")
        sql, params = gateway.list_query("default", filters, (datetime.now(UTC), uuid.uuid4()), 51)
        plan = "\n".join(row[0] for row in await (await conn.execute(f"EXPLAIN {sql}", params)).fetchall())
        await conn.execute("RESET ALL")
    return plan


@pytest.mark.parametrize(
    "filters",
    [{}, {"status": "queued"}, {"status": "failed"}, {"type": "sms"}, {"recipient": "+4915112345678"}],
)
async def test_every_page_query_is_served_in_order_by_an_index(shared_gw: Harness, filters: dict[str, str]) -> None:
    """No sort node: the page is read straight off an index that also holds the client and each filter, so its
    cost does not grow with the table (nor with the rows of other clients or filters it would read past)."""
    plan = await explain_page(shared_gw, filters)
    assert "Index" in plan and "Sort" not in plan and "Seq Scan on notifications" not in plan, plan
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert all(name in index_condition for name in ("client", *filters)), plan


async def test_a_page_of_pending_notifications_reads_only_the_outbox(shared_gw: Harness) -> None:
    """Pending ones are those still in the outbox: the page looks them up by id, whatever the table's size."""
    plan = await explain_page(shared_gw, {"status": "pending"})
    assert "on outbox" in plan and "notifications_pkey" in plan and "Seq Scan on notifications" not in plan, plan


async def test_batch_stores_and_publishes_all_in_request_order(shared_gw: Harness) -> None:
    items = [VALID[kind] for kind in sorted(VALID)] * 20
    response = await shared_gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": items})
    assert response.status_code == 202, response.text
    answered = response.json()["items"]
    assert [(a["type"], a["recipient"]) for a in answered] == [(i["type"], i["recipient"]) for i in items]
    assert {a["status"] for a in answered} == {"queued"}
    assert set((await shared_gw.statuses()).values()) == {"queued"}
    assert sorted(await shared_gw.take_all_ids()) == sorted(a["id"] for a in answered)


# ── Delivery status from the workers ────────────────────────────────────────────────────────────


async def test_sent_then_delivered_shows_delivered_with_times(gw: Harness) -> None:
    notification = (await gw.post(VALID["email"])).json()
    await gw.publish_status({"id": notification["id"], "status": "sent"})
    await eventually(lambda: equals(status_of(gw, notification["id"]), "sent"), what="sent")
    await gw.publish_status({"id": notification["id"], "status": "delivered"})
    await eventually(lambda: equals(status_of(gw, notification["id"]), "delivered"), what="delivered")
    shown = await gw.get(notification["id"])
    assert shown["created_at"] <= shown["sent_at"] <= shown["delivered_at"]


async def test_a_late_sent_after_delivered_changes_nothing(gw: Harness) -> None:
    notification = (await gw.post(VALID["sms"])).json()
    await gw.publish_status({"id": notification["id"], "status": "delivered"})
    await eventually(lambda: equals(status_of(gw, notification["id"]), "delivered"), what="delivered")
    before = await gw.get(notification["id"])
    await gw.publish_status({"id": notification["id"], "status": "sent"})
    await gw.publish_status({"id": notification["id"], "status": "failed", "error": "too late"})
    await eventually(lambda: equals(gw.queue_depth("status"), 0), what="late events consumed")
    await asyncio.sleep(0.3)
    assert await gw.get(notification["id"]) == before


async def test_failed_keeps_its_error_and_stays_failed(gw: Harness) -> None:
    notification = (await gw.post(VALID["push"])).json()
    await gw.publish_status({"id": notification["id"], "status": "failed", "error": "token unregistered"})
    await eventually(lambda: equals(status_of(gw, notification["id"]), "failed"), what="failed")
    await gw.publish_status({"id": notification["id"], "status": "delivered"})
    await gw.publish_status({"id": notification["id"], "status": "sent"})
    await eventually(lambda: equals(gw.queue_depth("status"), 0), what="later events consumed")
    await asyncio.sleep(0.3)
    shown = await gw.get(notification["id"])
    assert (shown["status"], shown["error"]) == ("failed", "token unregistered")
    assert shown["failed_at"] and shown["delivered_at"] is None


async def test_garbage_events_are_dead_lettered_and_a_valid_one_still_applies(gw: Harness) -> None:
    notification = (await gw.post(VALID["telegram"])).json()
    garbage: list[bytes | dict[str, Any]] = [
        b"not json",
        b"",
        {"status": "sent"},
        {"id": "not-a-uuid", "status": "sent"},
        {"id": notification["id"], "status": "exploded"},
        {"id": str(uuid.uuid4()), "status": "delivered"},
        b"[1, 2]",
    ]
    for event in garbage:
        await gw.publish_status(event)
    await gw.publish_status({"id": notification["id"], "status": "delivered"})
    await eventually(lambda: equals(status_of(gw, notification["id"]), "delivered"), what="valid event applied")
    await eventually(lambda: equals(gw.queue_depth("status", dead=True), len(garbage)), what="garbage kept")
    assert (await gw.http.get("/health")).status_code == 200


@pytest.mark.slow  # a flood: 2,000 events, timed
async def test_2000_events_for_1000_notifications_all_apply(gw: Harness) -> None:
    response = await gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [VALID["sms"]] * 1000})
    ids = [item["id"] for item in response.json()["items"]]
    exchange = await gw.channel.get_exchange(gw.settings.exchange)
    started = time.monotonic()
    for status in ("sent", "delivered"):
        await asyncio.gather(
            *(
                exchange.publish(aio_pika.Message(json.dumps({"id": i, "status": status}).encode()), "status")
                for i in ids
            )
        )

    async def all_delivered() -> bool:
        return await gw.scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'") == 1000

    await eventually(all_delivered, within=30, what="2,000 events applied")
    elapsed = time.monotonic() - started
    print(f"\n2,000 status events published and applied in {elapsed:.2f}s: {2000 / elapsed:.0f} events/s")


@pytest.mark.slow  # a flood: 5,000 events, timed
async def test_thousands_of_repeats_for_one_notification_hold_up_no_other(settings: gateway.Settings) -> None:
    database = TcpRelay(settings.database_url)
    await database.open()
    database.latency = 0.002  # each statement a few milliseconds: one per repeat would take 20 s and more
    async with running(with_relay(settings, database, "database_url"), settings) as gw:
        repeated, *others = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(11)]
        exchange = await gw.channel.get_exchange(gw.settings.exchange)
        repeat = json.dumps({"id": repeated, "status": "sent"}).encode()
        await asyncio.gather(*(exchange.publish(aio_pika.Message(repeat), "status") for _ in range(5000)))
        started = time.monotonic()
        for notification_id in others:
            await gw.publish_status({"id": notification_id, "status": "delivered"})
        unknown = str(uuid.uuid4())
        await gw.publish_status({"id": unknown, "status": "sent"})

        async def others_delivered() -> bool:
            return await gw.scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'") == len(others)

        await eventually(others_delivered, within=5, what="the ten events behind 5,000 repeats applied")
        print(f"\n10 events applied behind 5,000 repeats in {time.monotonic() - started:.2f}s")
        await eventually(lambda: equals(gw.queue_depth("status", dead=True), 1), what="the unknown one dead-lettered")
        await asyncio.sleep(0.3)  # time for a repeat to be dead-lettered, if one were
        assert [json.loads(m.body)["id"] for m in await gw.take("status", dead=True)] == [unknown]
        assert (await gw.queue_depth("status"), await status_of(gw, repeated)) == (0, "sent")
    await database.cut()


async def test_an_event_not_beyond_an_earlier_one_of_its_notification_takes_no_round(
    settings: gateway.Settings, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running(hooked(settings, callback_url=receiver.url())) as gw:
        notification_id = uuid.UUID((await gw.post(VALID["sms"])).json()["id"])
        await eventually(lambda: equals(status_of(gw, str(notification_id)), "queued"), what="queued")
        unknown = uuid.uuid4()
        execute = psycopg.AsyncConnection.execute
        rounds = 0

        async def counted(conn: psycopg.AsyncConnection[Any], query: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal rounds
            rounds += query is gateway.APPLY_STATUS_EVENTS
            return await execute(conn, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.AsyncConnection, "execute", counted)
        sent, delivered, failed = (gateway.StatusEvent(notification_id, s) for s in ("sent", "delivered", "failed"))
        events = [sent] * 400 + [delivered] + [sent] * 400 + [failed, gateway.StatusEvent(unknown, "sent")]
        outcomes, called_back = await gateway.apply_status_events(gw.service.pool, events)
        monkeypatch.undo()
        assert outcomes == ["applied"] + ["ignored"] * 399 + ["applied"] + ["ignored"] * 401 + ["unknown"]
        assert called_back and rounds == 3  # one per status reported: sent, delivered and failed
        types = "SELECT type FROM callbacks WHERE notification_id = %s ORDER BY position"
        assert [row[0] for row in await (await gw.db.execute(types, (notification_id,))).fetchall()] == [
            f"notification.{s}" for s in ("queued", "sent", "delivered")
        ]


async def test_status_consumer_comes_back_after_a_broker_outage(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        notification = (await gw.post(VALID["sms"])).json()
        await broker_relay.cut()
        await gw.publish_status({"id": notification["id"], "status": "delivered"})
        await asyncio.sleep(0.5)
        assert await status_of(gw, notification["id"]) == "queued"
        await broker_relay.open()
        await eventually(lambda: equals(status_of(gw, notification["id"]), "delivered"), what="applied after outage")


def readme_worker() -> dict[str, Any]:
    """The README's worker example, executed as a module (its `__main__` guard keeps it from starting)."""
    readme = (ROOT / "README.md").read_text()
    code = readme.split('```python\n"""A worker for one channel', 1)[1].split("\n```", 1)[0]
    namespace: dict[str, Any] = {"__name__": "readme_worker"}
    exec(compile('"""A worker for one channel' + code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    return namespace


async def test_the_readme_worker_reports_drops_duplicates_and_survives_errors(gw: Harness) -> None:
    worker = readme_worker()
    worker.update(EXCHANGE=gw.settings.exchange, CHANNEL="email", RABBITMQ_URL=gw.settings.rabbitmq_url)
    sent: list[str] = []

    def send(notification: dict[str, Any]) -> bool:
        sent.append(notification["id"])
        if notification["recipient"].startswith("bounce"):
            raise worker["PermanentFailure"]("mailbox does not exist")
        if notification["recipient"].startswith("crash"):
            raise RuntimeError("provider SDK bug")
        return True

    worker["send"] = send
    running_worker = asyncio.create_task(worker["work"]())
    try:
        ids = {
            recipient: (await gw.post({**VALID["email"], "recipient": f"{recipient}@example.com"})).json()["id"]
            for recipient in ("ada", "bounce", "crash", "grace")
        }
        await eventually(lambda: equals(status_of(gw, ids["grace"]), "delivered"), what="reported delivered")
        assert await status_of(gw, ids["ada"]) == "delivered"
        failed = await gw.get(ids["bounce"])
        assert (failed["status"], failed["error"]) == ("failed", "mailbox does not exist")
        assert await status_of(gw, ids["crash"]) == "queued", "no report for a message the worker could not handle"
        assert [m.message_id for m in await gw.take("email", dead=True)] == [ids["crash"]]
        duplicate = aio_pika.Message(json.dumps(await gw.get(ids["ada"])).encode(), message_id=ids["ada"])
        await (await gw.channel.get_exchange(gw.settings.exchange)).publish(duplicate, routing_key="email")
        ids["zed"] = (await gw.post({**VALID["email"], "recipient": "zed@example.com"})).json()["id"]
        await eventually(lambda: equals(status_of(gw, ids["zed"]), "delivered"), what="handled after the duplicate")
        assert sorted(sent) == sorted(ids.values()), "the duplicate was acknowledged without a second send"
        assert not running_worker.done(), "the worker survived the error"
    finally:
        running_worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running_worker


# ── Docker files, checked statically ─────────────────────────────────────────────────────────────


def test_compose_file_defines_the_stack() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert "version" not in compose
    services = compose["services"]
    assert {"postgres", "rabbitmq", "gateway"} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert services["rabbitmq"]["image"].startswith("rabbitmq:") and "management" in services["rabbitmq"]["image"]
    assert "rabbitmq-diagnostics" in " ".join(services["rabbitmq"]["healthcheck"]["test"])
    assert {"5672:5672", "15672:15672"} <= {str(p) for p in services["rabbitmq"]["ports"]}
    for name in ("postgres", "rabbitmq"):
        assert any(str(v).split(":")[0] in compose["volumes"] for v in services[name]["volumes"]), name
    gateway_service = services["gateway"]
    assert gateway_service["build"] in (".", {"context": "."})
    assert gateway_service["restart"] == "unless-stopped"
    assert gateway_service["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "rabbitmq": {"condition": "service_healthy"},
    }
    assert any("8000" in str(port) for port in gateway_service["ports"])
    environment = gateway_service["environment"]
    assert "@postgres:5432/" in environment["DATABASE_URL"] and "@rabbitmq:5672/" in environment["RABBITMQ_URL"]


def test_compose_sets_only_variables_the_gateway_reads() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    read = set(gateway.ENVIRONMENT.values())
    assert set(compose["services"]["gateway"]["environment"]) <= read
    assert {"DATABASE_URL", "RABBITMQ_URL", "GATEWAY_API_KEYS"} <= read
    # `${GATEWAY_X:-}` passes an empty value when the user set none: it must mean the default.
    assert gateway.Settings.from_env(dict.fromkeys(read, "")) == gateway.Settings()


def test_dockerfile_runs_as_non_root_with_a_healthcheck() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines() if line.strip()]
    assert lines[0].startswith("FROM python:3.1") and "slim" in lines[0]
    copy_requirements = next(i for i, line in enumerate(lines) if line.startswith("COPY requirements.txt"))
    install = next(i for i, line in enumerate(lines) if "pip install" in line)
    copy_code = next(i for i, line in enumerate(lines) if line.startswith("COPY") and "gateway.py" in line)
    assert copy_requirements < install < copy_code, "dependencies in their own cached layer"
    assert "schema.sql" in lines[copy_code]
    user = next(line for line in lines if line.startswith("USER "))
    assert user.split()[1] not in ("root", "0")
    assert "EXPOSE 8000" in lines
    healthcheck = next(line for line in lines if line.startswith("HEALTHCHECK"))
    assert "urllib" in healthcheck and "/health" in healthcheck and "curl" not in healthcheck
    assert lines[-1] == 'CMD ["python", "gateway.py"]'
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"test_gateway.py", ".venv", "__pycache__"} <= set(ignored)


# ── API keys and clients ─────────────────────────────────────────────────────────────────────────

KEYS = ("live-key-0123456789abcdef", "second-key-fedcba9876543210")


@pytest.fixture(scope="session")
async def shared_keyed_gateway(rabbitmq_url: str) -> AsyncIterator[Harness]:
    async with gateway_on_a_database_of_its_own(rabbitmq_url, api_keys=KEYS) as harness:
        yield harness


@pytest.fixture
async def keyed(shared_keyed_gateway: Harness) -> Harness:
    """A gateway that takes KEYS, shared and emptied like `shared_gw`."""
    await shared_keyed_gateway.empty()
    return shared_keyed_gateway


@pytest.mark.parametrize(
    "authorization",
    [
        *(None, "Bearer wrong-key", f"Bearer {KEYS[0][:-1]}", f"Bearer {KEYS[0]}x", f"Basic {KEYS[0]}", KEYS[0]),
        *("Bearer", f"Bearer {KEYS[0]}\xa0", f"Bearer \x85{KEYS[0]}"),  # spaces HTTP does not know are no spaces
    ],
)
async def test_requests_without_a_valid_key_are_401_and_store_nothing(
    keyed: Harness, authorization: str | None
) -> None:
    headers = {b"Authorization": authorization.encode("latin-1")} if authorization is not None else {}
    for method, path, body in (
        ("POST", gateway.API_PREFIX, VALID["sms"]),
        ("POST", f"{gateway.API_PREFIX}/batch", {"notifications": [VALID["sms"]]}),
        ("GET", gateway.API_PREFIX, None),
        ("GET", f"{gateway.API_PREFIX}/{uuid.uuid4()}", None),
        ("GET", f"{gateway.API_PREFIX}/health", None),  # open paths are matched whole, not found inside others
    ):
        response = await keyed.http.request(method, path, json=body, headers=headers)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["status_code"] == 401
    await assert_nothing_stored_or_published(keyed)


async def test_a_right_key_gets_in_and_its_fingerprint_is_recorded(
    keyed: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    for key in KEYS:
        response = await keyed.post(VALID["sms"], Authorization=f"Bearer {key}")
        assert response.status_code == 202
        fingerprint = hashlib.sha256(key.encode()).hexdigest()[:8]
        assert (response.json()["api_key_id"], response.json()["client"]) == (fingerprint, "default")  # plain keys
        read = await keyed.http.get(response.headers["location"], headers={"Authorization": f"Bearer {key}"})
        assert read.json()["api_key_id"] == fingerprint
    assert all(key not in caplog.text for key in KEYS)


CLIENT_KEYS = {"shop": "shop-key-0123456789abcdef", "bank": "bank-key-fedcba9876543210"}


def as_client(client: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {CLIENT_KEYS[client]}"}


@pytest.fixture
async def clients(settings: gateway.Settings) -> AsyncIterator[Harness]:
    keys = tuple(f"{client}:{key}" for client, key in CLIENT_KEYS.items())
    async with running(msgspec.structs.replace(settings, api_keys=keys)) as harness:
        yield harness


async def test_a_client_sees_only_its_own_notifications_and_idempotency_keys(clients: Harness) -> None:
    # bank takes the key first, so a lookup by the key alone would hand shop bank's notification
    bank = await clients.post(VALID["sms"], **as_client("bank"), **{"Idempotency-Key": "order-42"})
    shop = await clients.post(VALID["sms"], **as_client("shop"), **{"Idempotency-Key": "order-42"})
    assert (bank.status_code, shop.status_code) == (202, 202)
    assert "idempotent-replayed" not in shop.headers and shop.json()["id"] != bank.json()["id"]
    assert (bank.json()["client"], shop.json()["client"]) == ("bank", "shop")
    again = await clients.post(VALID["sms"], **as_client("shop"), **{"Idempotency-Key": "order-42"})
    assert again.headers["idempotent-replayed"] == "true" and again.json()["id"] == shop.json()["id"]
    batch = await clients.http.post(
        f"{gateway.API_PREFIX}/batch", json={"notifications": [VALID["sms"]]}, headers=as_client("bank")
    )
    owned = {"bank": {bank.json()["id"], batch.json()["items"][0]["id"]}, "shop": {shop.json()["id"]}}
    for client, other in (("bank", "shop"), ("shop", "bank")):
        for filters in ({}, {"type": "sms"}, {"status": "queued"}, {"recipient": VALID["sms"]["recipient"]}):
            page = await clients.http.get(gateway.API_PREFIX, params=filters, headers=as_client(client))
            assert {item["id"] for item in page.json()["items"]} == owned[client], (client, filters)
        for notification_id in owned[client] | owned[other]:
            read = await clients.http.get(f"{gateway.API_PREFIX}/{notification_id}", headers=as_client(client))
            assert read.status_code == (200 if notification_id in owned[client] else 404), (client, read.text)
    published = {m.message_id: json.loads(m.body)["client"] for m in await clients.take("sms")}
    assert published == {i: client for client, ids in owned.items() for i in ids}


async def test_health_and_docs_stay_open_and_docs_offer_authorize(keyed: Harness) -> None:
    assert (await keyed.http.get("/health")).status_code == 200
    assert (await keyed.http.get("/docs")).status_code == 200
    spec = (await keyed.http.get("/docs/openapi.json")).json()
    assert spec["security"] == [{"BearerAuth": []}] and "security" not in spec["paths"]["/api/v1/notifications"]["post"]
    assert spec["components"]["securitySchemes"]["BearerAuth"] == {"type": "http", "scheme": "bearer"}


async def test_an_open_api_warns_at_start(settings: gateway.Settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("WARNING", logger="gateway")
    async with running(settings):
        pass
    assert "GATEWAY_API_KEYS is not set" in caplog.text


# ── Hostile input that is valid: stored and returned unchanged ───────────────────────────────────


HOSTILE_BUT_VALID = [
    pytest.param("message", "'); DROP TABLE notifications; --", id="sql"),
    pytest.param("message", "<script>alert('x')</script>&amp;", id="html"),
    pytest.param("message", "👋🏽 héllo 漢字 \u202e", id="emoji-and-rtl"),
    pytest.param("message", "x" * 10_000, id="longest-message"),
    pytest.param("subject", "Robert'); DROP TABLE students;--", id="sql-subject"),
    pytest.param(
        "metadata", {"sql": "' OR 1=1 --", "html": "<b>", "n": 2**63 - 1, "f": 0.1, "deep": [[[[1]]]]}, id="metadata"
    ),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE_BUT_VALID)
async def test_hostile_but_valid_input_is_stored_and_returned_unchanged(
    shared_gw: Harness, field: str, value: object
) -> None:
    response = await shared_gw.post({**VALID["email"], field: value})
    assert response.status_code == 202, response.text
    assert (await shared_gw.get(response.json()["id"]))[field] == value
    [message] = await shared_gw.take("email")
    assert json.loads(message.body)[field] == value


async def test_duplicate_json_keys_take_the_last_value(shared_gw: Harness) -> None:
    raw = b'{"type":"sms","recipient":"+4915112345678","message":"first","message":"last","metadata":{"a":1,"a":2}}'
    response = await shared_gw.http.post(gateway.API_PREFIX, content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 202
    stored = await shared_gw.get(response.json()["id"])
    assert (stored["message"], stored["metadata"]) == ("last", {"a": 2})


@pytest.mark.slow
@pytest.mark.parametrize("api_keys", ["", ",".join(KEYS)], ids=["open", "with-keys"])
async def test_fuzzing_from_the_openapi_document_finds_no_5xx_and_no_schema_violation(
    settings: gateway.Settings, api_keys: str, tmp_path: Path
) -> None:
    port = free_port()
    examples = os.environ.get("FUZZ_EXAMPLES", "25")
    with gateway_process(settings, port, GATEWAY_API_KEYS=api_keys, LOG_LEVEL="warning"):
        command = [
            str(Path(sys.executable).with_name("st")),
            "run",
            f"http://127.0.0.1:{port}/docs/openapi.json",
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
            "--max-examples",
            examples,
            "--workers",
            "1",
            "--seed",
            "1",
        ]
        runs = [command] + ([[*command, "--header", f"Authorization: Bearer {KEYS[1]}"]] if api_keys else [])
        for run in runs:
            result = await asyncio.to_thread(
                subprocess.run, run, capture_output=True, text=True, timeout=600, cwd=tmp_path
            )
            assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


# ── Concurrency ──────────────────────────────────────────────────────────────────────────────────


@pytest.mark.slow
async def test_500_concurrent_posts_are_all_stored_and_published_once(gw: Harness) -> None:
    kinds = sorted(VALID)
    answers = await asyncio.gather(*(gw.post(VALID[kinds[i % 5]]) for i in range(500)))
    assert {a.status_code for a in answers} == {202}
    accepted = {a.json()["id"] for a in answers}
    assert len(accepted) == 500
    assert {a.json()["status"] for a in answers} == {"queued"}
    assert list((await gw.statuses()).values()) == ["queued"] * 500
    await asyncio.sleep(gw.settings.relay_grace + 0.5)  # the relay must not republish what requests published
    assert sorted(await gw.take_all_ids()) == sorted(accepted)


async def test_answers_agree_with_what_a_read_returns_at_once(shared_gw: Harness) -> None:
    answers = await asyncio.gather(*(shared_gw.post(VALID["sms"]) for _ in range(50)))
    reads = await asyncio.gather(*(shared_gw.get(a.json()["id"]) for a in answers))
    for answer, read in zip(answers, reads, strict=True):
        assert read == answer.json()


async def test_a_row_postgresql_refuses_fails_only_its_own_request_among_200(shared_gw: Harness) -> None:
    """Concurrent requests share one INSERT: the one PostgreSQL refuses gets a 400, every other one its 202."""
    await shared_gw.db.execute("ALTER TABLE notifications ADD CONSTRAINT refuses_poison CHECK (message <> 'poison')")
    try:
        bodies = [VALID["sms"]] * 100 + [{**VALID["sms"], "message": "poison"}] + [VALID["push"]] * 100
        answers = await asyncio.gather(*(shared_gw.post(body) for body in bodies))
    finally:
        await shared_gw.db.execute("ALTER TABLE notifications DROP CONSTRAINT refuses_poison")
    assert [a.status_code for a in answers] == [202] * 100 + [400] + [202] * 100, answers[100].text
    assert "refuses_poison" in answers[100].text
    accepted = {a.json()["id"] for a in answers if a.status_code == 202}
    assert set(await shared_gw.statuses()) == accepted
    await eventually(lambda: all_queued(shared_gw, accepted), what="the 200 innocent ones queued")
    assert sorted(await shared_gw.take_all_ids()) == sorted(accepted)


# ── Stalls: a frozen dependency never hangs a request, loses a row, or ends a background task ────────


@dataclass
class Answer:
    status: int
    seconds: float
    body: dict[str, Any]


async def timed(request: Awaitable[httpx.Response]) -> Answer:
    started = time.monotonic()
    response = await request
    return Answer(response.status_code, time.monotonic() - started, response.json())


async def trickle(gw: Harness, seconds: float, per_second: int = 20) -> list[Answer]:
    """A steady stream of POSTs, each started on time however long the earlier ones take."""
    requests = []
    for _ in range(int(seconds * per_second)):
        requests.append(asyncio.create_task(timed(gw.post(VALID["sms"]))))
        await asyncio.sleep(1 / per_second)
    return await asyncio.gather(*requests)


def stall_settings(settings: gateway.Settings) -> gateway.Settings:
    """Short deadlines and a one-second heartbeat, so a test can outlast them in seconds."""
    return msgspec.structs.replace(settings, database_timeout=2.0, publish_timeout=1.0, broker_heartbeat=1)


def accepted_ids(answers: list[Answer]) -> set[str]:
    return {a.body["id"] for a in answers if a.status == 202}


@pytest.mark.slow
async def test_broker_frozen_past_its_heartbeat_loses_nothing_and_needs_no_restart(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    settings = stall_settings(settings)
    bound = settings.request_deadline + 1
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        before = await trickle(gw, 1)
        broker_relay.freeze()
        during = asyncio.create_task(trickle(gw, 8))  # the heartbeat gives up after (1 + 1) * 3 s
        await asyncio.sleep(settings.publish_timeout + 0.5)
        health = await gw.http.get("/health")
        assert health.status_code == 503 and health.json()["checks"]["broker"] == "down", health.text
        answers = before + await during
        broker_relay.flowing.set()
        assert {a.status for a in answers} == {202}
        assert max(a.seconds for a in answers) < bound, "every request answered within the deadline"
        accepted = accepted_ids(answers)
        await eventually(lambda: all_queued(gw, accepted), within=15, what="every accepted id queued after the thaw")
        await asyncio.sleep(settings.relay_grace + 0.5)  # anything the relay would resend, it has resent by now
        published = await gw.take_all_ids()
        assert set(published) == accepted
        print(f"\nbroker frozen 8 s: {len(published) - len(accepted)} duplicates among {len(accepted)} accepted")
        assert gw.service.relay.is_running and not gw.service.relay.task.done()
        assert (await gw.http.get("/health")).json()["checks"] == {"database": "ok", "broker": "ok", "relay": "ok"}


@pytest.mark.slow
async def test_publishes_late_in_a_short_broker_freeze_are_not_sent_twice(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        broker_relay.freeze()  # shorter than the heartbeat allows: the connection survives it
        answers = await asyncio.gather(*(timed(gw.post(VALID["push"])) for _ in range(20)))
        assert {a.body["status"] for a in answers} == {"pending"}
        assert (await gw.http.get("/health")).json()["checks"]["broker"] == "down"
        await asyncio.sleep(settings.relay_grace + 1)  # the rows are due: a relay that resends them would now
        broker_relay.flowing.set()
        accepted = accepted_ids(answers)
        await eventually(lambda: all_queued(gw, accepted), what="late confirms took the rows out of the outbox")
        await asyncio.sleep(settings.relay_grace)
        assert sorted(await gw.take_all_ids()) == sorted(accepted), "each exactly once"


@pytest.mark.slow
async def test_the_relay_grace_counts_from_the_commit(settings: gateway.Settings, broker_relay: TcpRelay) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        await broker_relay.cut()  # nothing confirms: the row stays in the outbox to be looked at
        async with await psycopg.AsyncConnection.connect(settings.database_url) as blocker:
            await blocker.execute("LOCK TABLE outbox IN EXCLUSIVE MODE")  # storing now waits for the lock
            posting = asyncio.create_task(gw.post(VALID["sms"]))
            await asyncio.sleep(2)
        committed = datetime.now(UTC)
        response = await posting
        assert response.status_code == 202, response.text
        publish_after = await gw.scalar("SELECT publish_after FROM outbox")
        assert publish_after >= committed + timedelta(seconds=settings.relay_grace - 0.2)


@pytest.mark.slow
async def test_postgresql_frozen_15_s_answers_every_request_in_time_and_recovers(settings: gateway.Settings) -> None:
    settings = stall_settings(settings)
    bound = settings.request_deadline + 1
    relay = TcpRelay(settings.database_url)
    await relay.open()
    async with running(with_relay(settings, relay, "database_url"), settings) as gw:
        before = await trickle(gw, 1)
        existing = next(iter(accepted_ids(before)))
        relay.freeze()
        reads = [asyncio.create_task(timed(gw.http.get(f"{gateway.API_PREFIX}/{existing}"))) for _ in range(5)]
        reads.append(asyncio.create_task(timed(gw.http.get(gateway.API_PREFIX))))
        during = await trickle(gw, 15, per_second=10)
        read_answers = await asyncio.gather(*reads)
        relay.flowing.set()
        for answer in during + read_answers:
            assert answer.status in (202, 503), answer
            assert answer.seconds < bound, f"answered after {answer.seconds:.1f}s"
        assert {a.status for a in read_answers} == {503}
        await eventually(lambda: equals(status_code_of(gw.post(VALID["sms"])), 202), what="recovered without restart")
        after = await trickle(gw, 1)
        accepted = accepted_ids(before + during + after)
        await eventually(lambda: all_queued(gw, accepted), what="everything accepted queued")
        stored = set(await gw.statuses())  # a 503 whose insert was cut off may have committed (it is logged)
        assert accepted <= stored and set(await gw.take_all_ids()) == stored
        assert gw.service.relay.is_running
    await relay.cut()


@pytest.mark.slow
async def test_an_insert_cut_off_by_the_deadline_is_logged_as_outcome_unknown(
    settings: gateway.Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = stall_settings(settings)
    relay = TcpRelay(settings.database_url)
    await relay.open()
    async with running(with_relay(settings, relay, "database_url"), settings) as gw:
        relay.freeze()
        answer = await timed(gw.post(VALID["sms"]))
        relay.flowing.set()
    await relay.cut()
    assert answer.status == 503 and answer.seconds < settings.request_deadline + 1, answer
    assert "may have been stored" in answer.body["detail"]
    assert "outcome unknown" in caplog.text


@pytest.mark.slow
async def test_sigterm_while_postgresql_hangs_answers_503_and_exits_in_bounded_time(
    settings: gateway.Settings,
) -> None:
    relay = TcpRelay(settings.database_url)
    await relay.open()
    port = free_port()
    frozen = with_relay(settings, relay, "database_url")
    with contextlib.ExitStack() as stack:
        # Started from a thread: the relay in this event loop must keep serving while the gateway boots.
        starting = gateway_process(frozen, port, GATEWAY_DATABASE_TIMEOUT="2", GATEWAY_PUBLISH_TIMEOUT="1")
        process = await asyncio.to_thread(stack.enter_context, starting)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            relay.freeze()
            in_flight = [asyncio.create_task(http.post(gateway.API_PREFIX, json=VALID["sms"])) for _ in range(20)]
            await asyncio.sleep(0.5)
            process.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            answers = await asyncio.gather(*in_flight, return_exceptions=True)
            output, _ = await asyncio.to_thread(process.communicate, timeout=40)
            exited_after = time.monotonic() - stopped
    relay.flowing.set()
    await relay.cut()
    statuses = [a.status_code if isinstance(a, httpx.Response) else repr(a) for a in answers]
    assert set(statuses) == {503}, statuses
    assert exited_after < gateway.GRACEFUL_SHUTDOWN + 5, output
    assert "Traceback" not in output and "shutdown failed" not in output.lower(), output


async def test_the_relay_outlives_any_error_in_a_round(
    gw: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    broker = gw.service.broker
    publish_all, publish_one = broker.publish_all, broker.publish_one
    faults: list[BaseException] = [RuntimeError("injected"), asyncio.CancelledError()]

    async def failing_publish_all(notifications: Any, within: float) -> list[uuid.UUID]:
        if faults and isinstance(faults[0], RuntimeError):
            raise faults.pop(0)
        return await publish_all(notifications, within)

    async def cancelled_publish_one(channel: Any, notification: gateway.Notification) -> None:
        if faults:  # as aiormq does to a confirm its closing channel will never give
            raise faults.pop(0)
        await publish_one(channel, notification)

    monkeypatch.setattr(broker, "publish_all", failing_publish_all)
    monkeypatch.setattr(broker, "publish_one", cancelled_publish_one)
    caplog.set_level("WARNING", logger="gateway")
    backlog = await insert_stale_pending(gw, 3)
    await eventually(lambda: all_queued(gw, backlog), what="published after both faults")
    assert not faults
    assert any(r.exc_info and "injected" in str(r.exc_info[1]) for r in caplog.records), "logged with its traceback"
    assert gw.service.relay.is_running
    assert sorted(await gw.take_all_ids()) == sorted(backlog)


async def test_a_submit_in_the_step_after_a_flush_ends_is_flushed() -> None:
    """The flusher's last look at the queue and its leaving the slot must be one step: a submit in between
    (here, woken by the handler itself) used to find the slot taken and wait for a later submit."""
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def handle(items: list[str]) -> list[str]:
        if not gate.done():
            gate.set_result(None)  # wakes the second submitter in the loop turn after this flush ends
        return items

    coalescer: gateway.Coalescer[str, str] = gateway.Coalescer(handle)

    async def second_submit() -> str:
        await gate
        return await coalescer.submit("second")

    second = asyncio.create_task(second_submit())
    await asyncio.sleep(0)
    assert await coalescer.submit("first") == "first"
    assert await asyncio.wait_for(second, 2) == "second"


async def test_a_batch_whose_handler_is_interrupted_answers_every_waiter() -> None:
    calls = 0

    async def handle(items: list[int]) -> list[int]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise asyncio.CancelledError  # an inner task's cancellation, not this task's
        return items

    coalescer: gateway.Coalescer[int, int] = gateway.Coalescer(handle)
    first = await asyncio.wait_for(asyncio.gather(*(coalescer.submit(i) for i in range(5)), return_exceptions=True), 2)
    assert all(isinstance(result, gateway.Interrupted) for result in first), first
    assert await asyncio.wait_for(coalescer.submit(7), 2) == 7, "the coalescer goes on"


async def test_a_group_failing_on_one_rows_data_fails_only_that_row() -> None:
    async def handle(items: list[str]) -> list[str]:
        if "poison" in items:
            raise psycopg.errors.ProgramLimitExceeded("index row size exceeds btree maximum")
        return items

    coalescer: gateway.Coalescer[str, str] = gateway.Coalescer(handle, isolate=gateway.refuses_data)
    items = [f"item-{i}" for i in range(30)]
    items.insert(17, "poison")
    results = await asyncio.gather(*(coalescer.submit(item) for item in items), return_exceptions=True)
    assert [r for r in results if isinstance(r, BaseException)] == [results[17]]
    assert [r for r in results if not isinstance(r, BaseException)] == [i for i in items if i != "poison"]


@pytest.mark.slow
async def test_a_slow_status_event_does_not_take_its_batch_with_it(settings: gateway.Settings) -> None:
    async with running(stall_settings(settings)) as gw:
        ids = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(41)]
        async with await psycopg.AsyncConnection.connect(settings.database_url) as blocker, blocker.transaction():
            await blocker.execute("SELECT FROM notifications WHERE id = %s FOR UPDATE", (ids[20],))
            for notification_id in ids:  # the locked one in the middle of one batch
                await gw.publish_status({"id": notification_id, "status": "sent"})

            async def others_sent() -> bool:
                return await gw.scalar("SELECT count(*) FROM notifications WHERE status = 'sent'") == 40

            await eventually(others_sent, within=8, what="the 40 events around the slow one applied")
        await eventually(lambda: equals(status_of(gw, ids[20]), "sent"), what="the slow one applied once unlocked")
        assert await gw.queue_depth("status", dead=True) == 0


async def test_a_session_cut_off_mid_transaction_cannot_keep_its_locks(shared_gw: Harness) -> None:
    """A connection our side gave up on may live on at the server, idle in a transaction, holding the relay's
    row locks: the server ends such a session once it has idled longer than any request may take."""
    async with shared_gw.service.pool.connection() as conn:
        sql = "SELECT setting::int FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout'"
        milliseconds = await (await conn.execute(sql)).fetchone()
    assert milliseconds == (int(shared_gw.settings.request_deadline * 1000) + 1000,)


@pytest.mark.slow
async def test_rows_the_broker_confirmed_are_not_resent_when_marking_them_fails(
    gw: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark_published = gateway.mark_published
    failures = [psycopg.OperationalError("PostgreSQL stalled after the broker confirmed")]

    async def stalls_once(conn: Any, ids: list[uuid.UUID], now: datetime) -> None:
        if failures:
            raise failures.pop()
        await mark_published(conn, ids, now)

    monkeypatch.setattr(gateway, "mark_published", stalls_once)
    backlog = await insert_stale_pending(gw, 300)
    await eventually(lambda: all_queued(gw, backlog), what="marked on a later round")
    await asyncio.sleep(gw.settings.relay_grace)
    assert not failures
    assert sorted(await gw.take_all_ids()) == sorted(backlog), "each published once"


# ── Poison status events: dead-lettered at once, never looping, never blocking the valid ones ────────


def gateway_cpu_seconds() -> float:
    usage = os.times()
    return usage.user + usage.system


@pytest.mark.slow
@pytest.mark.parametrize(
    "poison",
    [
        pytest.param(
            lambda i: b'{"id": "%s", "status": "sent", "x": ' % i.encode() + b"[" * 2000 + b"]" * 2000 + b"}",
            id="2000-deep",
        ),
        pytest.param(
            lambda i: json.dumps({"id": i, "status": "failed", "error": "bad\u0000byte"}).encode(), id="nul-error"
        ),
        pytest.param(
            lambda i: b'{"id": "%s", "status": "failed", "error": "\xff"}' % i.encode(), id="not-utf-8-in-a-string"
        ),
    ],
)
async def test_poison_status_events_are_dead_lettered_and_valid_ones_still_apply(
    gw: Harness, poison: Callable[[str], bytes]
) -> None:
    victims = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(20)]
    for victim in victims:
        for _ in range(10):
            await gw.publish_status(poison(victim))
    started = time.monotonic()
    for victim in victims:
        await gw.publish_status({"id": victim, "status": "delivered"})

    async def all_delivered() -> bool:
        return await gw.scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'") == len(victims)

    await eventually(all_delivered, within=5, what="valid events applied behind the poison")
    print(f"\n20 valid events applied behind 200 poison ones in {time.monotonic() - started:.2f}s")
    await eventually(lambda: equals(gw.queue_depth("status", dead=True), 200), within=5, what="poison dead-lettered")
    cpu = gateway_cpu_seconds()
    await asyncio.sleep(1)
    assert gateway_cpu_seconds() - cpu < 0.2, "nothing keeps redelivering"
    assert await gw.queue_depth("status") == 0


async def test_an_event_postgresql_refuses_is_dead_lettered_alone(gw: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    refused, fine = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(2)]
    apply = gateway.apply_status_events

    async def refuse_one(pool: Any, events: list[gateway.StatusEvent]) -> tuple[list[gateway.EventOutcome], bool]:
        if any(str(event.id) == refused for event in events):
            raise psycopg.errors.UntranslatableCharacter("unsupported Unicode escape sequence")
        return await apply(pool, events)

    monkeypatch.setattr(gateway, "apply_status_events", refuse_one)
    await gw.publish_status({"id": refused, "status": "delivered"})
    await gw.publish_status({"id": fine, "status": "delivered"})
    await eventually(lambda: equals(status_of(gw, fine), "delivered"), within=5, what="the other event applied")
    await eventually(lambda: equals(gw.queue_depth("status", dead=True), 1), within=5, what="refused one dead-lettered")
    assert await status_of(gw, refused) == "queued"


# ── Idle, slow and oversized connections ─────────────────────────────────────────────────────────


@contextlib.contextmanager
def open_files_limit(soft: int) -> Iterator[None]:
    """This process's soft limit on open files, for a while; a process started meanwhile keeps it."""
    before, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (before, hard))


def closed_by_server(sock: socket.socket, deadline: float) -> bool:
    """Reads what the server sends until it closes the connection (True) or the deadline passes (False)."""
    with contextlib.suppress(ConnectionResetError):
        while True:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                if not sock.recv(65536):
                    return True
            except TimeoutError:
                return False
    return True


def proc(pid: int, name: str) -> str:
    return Path(f"/proc/{pid}/{name}").read_text()


def resident_kib(pid: int) -> int:
    match = re.search(r"VmRSS:\s+(\d+) kB", proc(pid, "status"))
    assert match is not None
    return int(match.group(1))


@pytest.mark.slow
async def test_2500_idle_connections_neither_crowd_out_requests_nor_stay_open(settings: gateway.Settings) -> None:
    idle_count = 2500
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < idle_count + 500:
        pytest.fail(f"this test needs a hard limit of {idle_count + 500} open files (ulimit -Hn is {hard})")
    port = free_port()
    with contextlib.ExitStack() as stack:
        with open_files_limit(1024):  # a common default, Docker's among them: the gateway must raise its own
            process = stack.enter_context(gateway_process(settings, port))
        stack.enter_context(open_files_limit(hard))  # this test's own sockets
        idle = [stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(idle_count)]
        started = time.monotonic()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            answer = await http.post(gateway.API_PREFIX, json=VALID["sms"])
        assert answer.status_code == 202, answer.text
        assert time.monotonic() - started < 10
        deadline = started + 10
        still_open = [sock for sock in idle if not closed_by_server(sock, deadline)]
        assert not still_open, f"{len(still_open)} idle connections still open after 10 s"
        assert re.search(rf"Max open files\s+{hard}\s+{hard}\s", proc(process.pid, "limits")), "soft limit kept"


@pytest.mark.slow
async def test_a_request_that_stalls_before_its_head_or_within_its_body_is_cut_off(settings: gateway.Settings) -> None:
    port = free_port()
    post = b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    stalled = {
        "half a head": [b"GET /health HTTP/1.1\r\nHost: x\r\n"],
        "half a head after a first request": [b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /health HTTP/1.1\r\n"],
        "half a body": [post + b'Content-Length: 100\r\n\r\n{"type": "sms", '],
        "half a chunked body": [post + b'Transfer-Encoding: chunked\r\n\r\n10\r\n{"type": "sms", \r\n'],
    }
    with gateway_process(settings, port), contextlib.ExitStack() as stack:
        connections = {}
        for what, parts in stalled.items():
            connections[what] = stack.enter_context(socket.create_connection(("127.0.0.1", port)))
            for part in parts:
                connections[what].sendall(part)
                await asyncio.sleep(0.5)  # a second part is sent once the first was answered
        deadline = time.monotonic() + 15
        still_open = [what for what, sock in connections.items() if not closed_by_server(sock, deadline)]
    assert not still_open, f"still open after 15 s: {still_open}"
    async with await psycopg.AsyncConnection.connect(settings.database_url) as db:
        assert await (await db.execute("SELECT count(*) FROM notifications")).fetchone() == (0,)


@pytest.mark.slow
async def test_an_oversized_request_head_is_refused_before_it_grows(settings: gateway.Settings) -> None:
    port = free_port()
    with gateway_process(settings, port) as process:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            for _ in range(20):  # what serving costs anyway is in the baseline
                assert (await http.get("/health", headers={"X-Pad": "x" * 15_000})).status_code == 200
            refused = await http.get("/health", headers={"X-Pad": "x" * 17_000})
        assert refused.status_code == 431
        assert refused.json()["status_code"] == 431
        baseline = resident_kib(process.pid)
        with contextlib.ExitStack() as stack:
            heads = [stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(50)]
            for sock in heads:  # 1 MB of header each, and the head never ends
                with contextlib.suppress(OSError):
                    sock.settimeout(10)
                    sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"x" * 1_000_000)
            await asyncio.sleep(1)  # time to read whatever it means to read
            grown = resident_kib(process.pid) - baseline
            assert grown < 10_000, f"50 unfinished 1 MB heads grew the gateway by {grown} KiB"
            deadline = time.monotonic() + 5
            assert all(closed_by_server(sock, deadline) for sock in heads), "an oversized head was not refused"


class RawAnswer(NamedTuple):
    status: int
    content_type: str
    body: bytes


def answers_until_closed(sock: socket.socket) -> list[RawAnswer]:
    """Every answer a server sends on a connection until it closes it."""
    received = b""
    sock.settimeout(10)
    with contextlib.suppress(ConnectionResetError):
        while chunk := sock.recv(65536):
            received += chunk
    answers = []
    while received:
        head, _, rest = received.partition(b"\r\n\r\n")
        fields = dict(re.findall(rb"\r\n([^:\r\n]+):[ \t]*([^\r\n]*)", head.lower()))
        length = int(fields[b"content-length"])
        answers.append(RawAnswer(int(head.split()[1]), fields.get(b"content-type", b"").decode(), rest[:length]))
        received = rest[length:]
    return answers


async def test_a_request_that_is_not_http_gets_a_json_400(gw: Harness) -> None:
    with socket.create_connection(("127.0.0.1", gw.http.base_url.port or 80)) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n")
        [answer] = await asyncio.to_thread(answers_until_closed, sock)
    assert (answer.status, answer.content_type) == (400, "application/json")
    assert json.loads(answer.body) == {"status_code": 400, "detail": "Invalid HTTP request received."}


async def test_a_refusal_pipelined_behind_a_post_comes_after_its_202(shared_gw: Harness) -> None:
    """HTTP answers in order: a refusal written at once would stand in for the POST's answer, which was stored."""
    post = json.dumps(VALID["sms"]).encode()
    request = b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    request += b"Content-Length: %d\r\n\r\n%s" % (len(post), post)
    refusals = {
        b"GARBAGE\r\n\r\n": 400,
        b"GET http://h:99999999999/ HTTP/1.1\r\nHost: x\r\n\r\n": 400,  # a URL only uvicorn's parse_url refuses
        b"GET / HTTP/1.1\r\nX: " + b"x" * 40_000 + b"\r\n\r\n": 431,
    }
    for refused, status in refusals.items():
        with socket.create_connection(("127.0.0.1", shared_gw.http.base_url.port or 80)) as sock:
            sock.sendall(request + refused)
            answers = await asyncio.to_thread(answers_until_closed, sock)
        assert [answer.status for answer in answers] == [202, status]
        assert (answers[1].content_type, json.loads(answers[1].body)["status_code"]) == ("application/json", status)
    assert len(await shared_gw.statuses()) == len(refusals)


async def test_a_head_pipelined_in_the_read_that_ends_the_request_before_it_is_held_to_the_limit(
    shared_gw: Harness,
) -> None:
    first = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    for size, expected in ((15_000, [200, 200]), (20_000, [200, 431])):
        second = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: " + b"x" * size + b"\r\n\r\n"
        with socket.create_connection(("127.0.0.1", shared_gw.http.base_url.port or 80)) as sock:
            sock.sendall(first + second)
            assert [answer.status for answer in await asyncio.to_thread(answers_until_closed, sock)] == expected


async def test_a_head_just_under_the_limit_passes_however_its_headers_are_spaced(shared_gw: Harness) -> None:
    headers = b"".join(b"X-%03d:%s\r\n" % (i, b"v" * 15) for i in range(700))  # `Name:value`, no space
    head = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + b"\r\n"
    assert len(head) < gateway.HEAD_LIMIT
    with socket.create_connection(("127.0.0.1", shared_gw.http.base_url.port or 80)) as sock:
        sock.sendall(head)
        assert [answer.status for answer in await asyncio.to_thread(answers_until_closed, sock)] == [200]


async def test_a_blank_line_after_a_request_does_not_keep_the_connection_open(shared_gw: Harness) -> None:
    """Any bytes cancel uvicorn's keep-alive timer, and llhttp skips blank lines without beginning a request."""
    with socket.create_connection(("127.0.0.1", shared_gw.http.base_url.port or 80)) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.settimeout(5)
        assert (await asyncio.to_thread(sock.recv, 65536)).startswith(b"HTTP/1.1 200")
        sock.sendall(b"\r\n")
        deadline = time.monotonic() + gateway.RECEIVE_TIMEOUT + 3
        assert await asyncio.to_thread(closed_by_server, sock, deadline), "open past the receive timeout"


async def test_a_batch_that_waits_for_100_continue_gets_its_503_when_no_read_slot_frees(gw: Harness) -> None:
    """Its client sends no body until asked: the body's receive timer must not cut it off before the answer."""
    for _ in range(gateway.BATCHES_READ):
        await gw.service.batch_reads.acquire()
    try:
        with socket.create_connection(("127.0.0.1", gw.http.base_url.port or 80)) as sock:
            sock.sendall(
                f"POST {gateway.API_PREFIX}/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 100\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n".encode()
            )
            answers = await asyncio.to_thread(answers_until_closed, sock)
    finally:
        for _ in range(gateway.BATCHES_READ):
            gw.service.batch_reads.release()
    assert answers == [
        RawAnswer(503, "application/json", b'{"status_code":503,"detail":"Too many batches at once; retry shortly"}')
    ]


async def test_trailer_fields_are_bounded_like_a_head(shared_gw: Harness) -> None:
    """Trailers follow the last chunk of a body: neither head nor body, they had no limit but the receive timer."""
    with socket.create_connection(("127.0.0.1", shared_gw.http.base_url.port or 80)) as sock:
        sock.sendall(
            b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n"
        )
        started = time.monotonic()

        def send_trailers() -> None:  # 64 MB, if nothing stops it
            with contextlib.suppress(OSError):
                for _ in range(1000):
                    sock.sendall(b"X-Trailer: " + b"t" * 65_536 + b"\r\n")

        await asyncio.to_thread(send_trailers)
        answers = await asyncio.to_thread(answers_until_closed, sock)
    assert [(answer.status, json.loads(answer.body)["detail"]) for answer in answers] == [
        (431, "Chunk framing and trailer fields larger than 16 KiB")
    ]
    assert time.monotonic() - started < gateway.RECEIVE_TIMEOUT, "refused as they came, not by the receive timer"


async def test_a_flood_of_pipelined_requests_is_cut_at_the_pipeline_limit_and_others_are_served(
    shared_gw: Harness,
) -> None:
    port = shared_gw.http.base_url.port or 80
    flood = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n" * 10_000  # 340 KB in one write
    with socket.create_connection(("127.0.0.1", port)) as sock:
        await asyncio.to_thread(sock.sendall, flood)
        started = time.monotonic()
        assert (await shared_gw.http.get("/health")).status_code == 200
        served_within = time.monotonic() - started
        answers = await asyncio.to_thread(answers_until_closed, sock)
    assert [answer.status for answer in answers] == [200] * (gateway.PIPELINE_LIMIT + 1) + [429]
    assert served_within < 1, f"another client waited {served_within:.1f} s"


async def test_requests_past_the_limit_in_flight_get_a_json_503_and_idle_ones_do_not_count(
    gw: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gateway, "REQUEST_LIMIT", 3)
    port = gw.http.base_url.port or 80
    with contextlib.ExitStack() as stack:
        idle = [stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(5)]
        assert (await gw.http.get("/health")).status_code == 200, "idle connections are no requests"
        waiting = [stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(3)]
        for sock in waiting:  # in flight: the app waits for the rest of the body
            sock.sendall(b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        await asyncio.sleep(0.3)
        refused = await gw.http.get("/health")
        assert (refused.status_code, refused.headers["content-type"]) == (503, "application/json")
        assert refused.json() == {"status_code": 503, "detail": "Over 3 requests in flight; retry shortly"}
        for sock in waiting:
            sock.close()
        await eventually(lambda: equals(status_code_of(gw.http.get("/health")), 200), within=5, what="served again")
        assert idle


@pytest.mark.slow
async def test_a_body_trickled_below_the_minimum_rate_is_cut_off(gw: Harness) -> None:
    """Bytes that keep coming, a few at a time, must not keep a request in flight: it counts towards the
    limit of requests in flight, so 2,000 of them would refuse everybody else."""
    sock = socket.create_connection(("127.0.0.1", gw.http.base_url.port or 80))
    sock.sendall(b"POST /api/v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n{")

    async def trickle() -> None:
        with contextlib.suppress(OSError):
            for _ in range(30):
                await asyncio.sleep(0.5)
                sock.send(b" ")

    trickling = asyncio.create_task(trickle())
    deadline = time.monotonic() + 2 * gateway.RECEIVE_TIMEOUT + 2
    try:
        assert await asyncio.to_thread(closed_by_server, sock, deadline), "a trickled body kept its connection"
    finally:
        trickling.cancel()
        sock.close()


@pytest.mark.slow
async def test_an_answer_left_unread_is_cut_off(gw: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that never reads would pin its answer in memory (13.6 MB a connection was seen)."""
    monkeypatch.setattr(gateway, "SEND_TIMEOUT", 1.0)
    heavy = {**VALID["push"], "message": "🎉" * 10_000}
    response = await gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [heavy] * 200})
    assert response.status_code == 202
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", gw.http.base_url.port or 80))
    with sock:
        sock.sendall(f"GET {gateway.API_PREFIX}?limit=200 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        await asyncio.sleep(3)  # not reading

        def read_all() -> tuple[int, int]:
            received = b""
            with contextlib.suppress(OSError):
                sock.settimeout(2)
                while chunk := sock.recv(1 << 20):
                    received += chunk
            head, _, body = received.partition(b"\r\n\r\n")
            length = int(re.search(rb"content-length: (\d+)", head, re.IGNORECASE).group(1))  # type: ignore[union-attr]
            return len(body), length

        got, whole = await asyncio.to_thread(read_all)
    assert whole > 6_000_000 and got < whole, f"the whole answer ({got} of {whole} bytes) waited for the client"


@pytest.mark.slow
async def test_concurrent_large_batches_take_turns_and_memory_stays_bounded(settings: gateway.Settings) -> None:
    port = free_port()
    heavy = {**VALID["push"], "message": "🎉" * 10_000}
    body = json.dumps({"notifications": [heavy] * 370}, ensure_ascii=False).encode()  # 15 MB: within 16 MiB
    with gateway_process(settings, port, LOG_LEVEL="warning") as process:
        baseline = resident_kib(process.pid)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:

            async def post_until_stored() -> int:  # as the 503 says: on a busy machine a turn may take longer
                for _ in range(5):
                    answer = await http.post(f"{gateway.API_PREFIX}/batch", content=body, headers=headers)
                    if answer.status_code != 503:
                        break
                    assert answer.json()["detail"] == "Too many batches at once; retry shortly"
                    await asyncio.sleep(1)
                return answer.status_code

            headers = {"content-type": "application/json"}
            answers = await asyncio.gather(*(post_until_stored() for _ in range(12)))
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", proc(process.pid, "status")).group(1))  # type: ignore[union-attr]
    assert answers == [202] * 12
    print(f"\n12 concurrent 15 MB batches: peak RSS grew by {(peak - baseline) / 1024:.0f} MB")
    assert peak - baseline < 600 * 1024, "batches beyond a few at once wait, their bodies unread"


@pytest.mark.slow
async def test_batches_uploaded_at_once_are_read_a_few_at_a_time(settings: gateway.Settings) -> None:
    """Each batch read in full waits with its body in memory: 100 of 15 MB held 1.5 GB before reads were bounded."""
    port, uploads, size = free_port(), 30, 15_000_000
    head = f"POST {gateway.API_PREFIX}/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {size + 1}\r\n\r\n"
    with gateway_process(settings, port, LOG_LEVEL="warning") as process:
        baseline = resident_kib(process.pid)
        writers = []
        for _ in range(uploads):  # all but the last byte: each waits for the rest while it is read
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(head.encode() + b" " * size)
            writers.append(writer)
        await asyncio.sleep(4)
        grown = resident_kib(process.pid) - baseline
        for writer in writers:
            writer.close()
    assert grown < (gateway.BATCHES_READ * size + 80_000_000) // 1024, f"{uploads} uploads grew it by {grown} KiB"


@pytest.mark.slow
async def test_slow_uploads_hold_no_batch_turn(gw: Harness) -> None:
    """Two batches trickled in just above the minimum rate used to hold both turns for as long as they took."""
    post = f"POST {gateway.API_PREFIX}/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    slow = [socket.create_connection(("127.0.0.1", gw.http.base_url.port or 80)) for _ in range(2)]
    for sock in slow:
        sock.sendall(f"{post}Content-Length: 1000000\r\n\r\n".encode() + b'{"notifications": [' + b" " * 20_000)

    async def trickle() -> None:
        with contextlib.suppress(OSError):
            for _ in range(20):
                await asyncio.sleep(1)
                for sock in slow:
                    sock.send(b" " * 20_000)  # 100 KB every 5 s: above the minimum rate

    trickling = asyncio.create_task(trickle())
    try:
        await asyncio.sleep(2)
        answer = await timed(gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [VALID["sms"]]}))
        assert answer.status == 202 and answer.seconds < 2, answer
    finally:
        trickling.cancel()
        for sock in slow:
            sock.close()


@pytest.mark.slow
async def test_a_client_reading_its_answer_slowly_gets_all_of_it(gw: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gateway, "SEND_TIMEOUT", 1.0)
    heavy = {**VALID["push"], "message": "🎉" * 10_000}
    assert (await gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [heavy] * 200})).is_success
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", gw.http.base_url.port or 80))
    with sock:
        sock.sendall(f"GET {gateway.API_PREFIX}?limit=200 HTTP/1.1\r\nHost: x\r\n\r\n".encode())

        def read_slowly() -> tuple[int, int]:  # 4 KB at a time: the whole answer takes several SEND_TIMEOUTs
            received = b""
            sock.settimeout(5)
            with contextlib.suppress(OSError):
                while b"\r\n\r\n" not in received or len(received.partition(b"\r\n\r\n")[2]) < whole(received):
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                    time.sleep(0.005)
            return len(received.partition(b"\r\n\r\n")[2]), whole(received)

        def whole(received: bytes) -> int:
            found = re.search(rb"content-length: (\d+)", received, re.IGNORECASE)
            return int(found.group(1)) if found else 1 << 62

        got, length = await asyncio.to_thread(read_slowly)
    assert length > 6_000_000 and got == length, f"{got} of {length} bytes"


@pytest.mark.slow
async def test_a_burst_of_events_for_a_locked_row_costs_the_others_nothing(settings: gateway.Settings) -> None:
    async with running(stall_settings(settings)) as gw:
        locked, *others = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(11)]
        async with await psycopg.AsyncConnection.connect(settings.database_url) as blocker, blocker.transaction():
            await blocker.execute("SELECT FROM notifications WHERE id = %s FOR UPDATE", (locked,))
            for _ in range(30):
                await gw.publish_status({"id": locked, "status": "sent"})
            for notification_id in others:
                await gw.publish_status({"id": notification_id, "status": "delivered"})

            async def others_delivered() -> bool:
                return await gw.scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'") == 10

            await eventually(others_delivered, within=60, what="the ten events beside the locked row applied")
        dead = [json.loads(m.body)["id"] for m in await gw.take("status", dead=True)]
        assert set(dead) <= {locked}, "only events for the locked row may be dead-lettered"


# ── Cancelling a scheduled send ──────────────────────────────────────────────────────────────────


async def post_scheduled(gw: Harness, seconds: float) -> str:
    send_at = (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()
    response = await gw.post({**VALID["push"], "send_at": send_at})
    assert response.status_code == 202 and response.json()["status"] == "scheduled", response.text
    return str(response.json()["id"])


async def cancel(gw: Harness, notification_id: str) -> httpx.Response:
    return await gw.http.post(f"{gateway.API_PREFIX}/{notification_id}/cancel")


@pytest.mark.slow
async def test_a_cancelled_notification_is_never_published_and_a_second_cancel_changes_nothing(gw: Harness) -> None:
    notification_id = await post_scheduled(gw, 1.0)
    first = await cancel(gw, notification_id)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "cancelled"
    await asyncio.sleep(1.0 + 3 * gw.settings.relay_interval)  # send_at has passed, the relay has looked
    assert await gw.queue_depth("push") == 0
    again = await cancel(gw, notification_id)
    assert again.status_code == 200 and again.json() == first.json()
    listed = (await gw.http.get(gateway.API_PREFIX, params={"status": "cancelled"})).json()["items"]
    assert [item["id"] for item in listed] == [notification_id]


async def test_cancelling_a_notification_on_its_way_is_409_naming_its_status(gw: Harness) -> None:
    queued = (await gw.post(VALID["sms"])).json()["id"]
    answer = await cancel(gw, queued)
    assert answer.status_code == 409, answer.text
    assert "queued" in answer.json()["detail"] and answer.json()["extra"] == {"status": "queued"}
    assert (await cancel(gw, str(uuid.uuid4()))).status_code == 404
    assert (await gw.http.post(f"{gateway.API_PREFIX}/nope/cancel")).status_code == 400


async def test_worker_events_for_a_cancelled_notification_change_nothing(gw: Harness) -> None:
    notification_id = await post_scheduled(gw, 60)
    assert (await cancel(gw, notification_id)).status_code == 200
    await gw.publish_status({"id": notification_id, "status": "failed", "error": "late"})
    await gw.publish_status({"id": notification_id, "status": "delivered"})
    await asyncio.sleep(1.0)
    assert (await gw.get(notification_id))["status"] == "cancelled"
    assert await gw.queue_depth("status") == 0, "acknowledged, not left behind"


@pytest.mark.slow
async def test_a_cancel_racing_the_relay_ends_in_exactly_one_outcome(gw: Harness) -> None:
    start = datetime.now(UTC) + timedelta(seconds=3)
    due = [start + timedelta(seconds=0.02 * i) for i in range(60)]  # one falls due every 20 ms, across relay polls
    posted = await asyncio.gather(*(gw.post({**VALID["push"], "send_at": at.isoformat()}) for at in due))
    ids = [response.json()["id"] for response in posted]
    answers = {}
    for notification_id, at in zip(ids, due, strict=True):
        await asyncio.sleep(max(0.0, (at - datetime.now(UTC)).total_seconds()))  # cancel each as it falls due
        answers[notification_id] = (await cancel(gw, notification_id)).status_code
    await asyncio.sleep(gw.settings.relay_grace + 1)
    published = [m.message_id or "" for m in await gw.take("push")]
    assert sorted(published) == sorted(i for i, code in answers.items() if code == 409), answers
    assert set(answers.values()) <= {200, 409}
    for notification_id, code in answers.items():
        assert (await gw.get(notification_id))["status"] == ("cancelled" if code == 200 else "queued")
    assert 200 in answers.values() and 409 in answers.values(), f"no race was run: {answers}"


# ── Delivery-status callbacks (webhooks) ─────────────────────────────────────────────────────────


def webhook_secret(size: int) -> str:
    return "whsec_" + base64.b64encode(bytes(range(size))).decode()


SECRET = webhook_secret(32)
HANG = 0  # an answer that never comes: the receiver reads the request, sends nothing and waits for the close
STABLE = ("id", "status", "type", "recipient", "callback_url")  # fields a callback's `data` shares with GET
RFC3339_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)")


def hooked(settings: gateway.Settings, **changes: object) -> gateway.Settings:
    """Callbacks signed with SECRET, retried within a second, and allowed to reach this machine."""
    defaults: dict[str, object] = {
        "webhook_secret": SECRET,
        "callback_allow_private": True,
        "callback_retry_schedule": (0.3, 0.3, 0.3),
        "callback_timeout": 2.0,
    }
    return msgspec.structs.replace(settings, **(defaults | changes))


def later() -> str:
    """A send_at a month ahead: the notification stays scheduled, so its callback URL is checked, never called."""
    return (datetime.now(UTC) + timedelta(days=30)).isoformat()


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes  # as it arrived: what the signature covers
    at: float  # time.time() on arrival

    def json(self) -> Any:
        return json.loads(self.body)


async def read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if headers.get("transfer-encoding", "").lower() != "chunked":
        return await reader.readexactly(int(headers.get("content-length", "0")))
    body = b""
    while size := int((await reader.readline()).split(b";")[0], 16):
        body += (await reader.readexactly(size + 2))[:-2]
    await reader.readline()  # the blank line after the last chunk
    return body


class Receiver:
    """A webhook endpoint on this machine: it records every request and answers the statuses in `answers` in turn,
    then 200, a 3xx pointing at `location`, each after `delay` seconds. Until `open` and after `close` its port
    refuses connections."""

    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1",)) -> None:
        self.hosts = hosts
        self.port = free_port()
        self.answers: list[int] = []
        self.location = ""
        self.delay = 0.0
        self.requests: list[Received] = []
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    def url(self, host: str | None = None) -> str:
        host = host or self.hosts[0]
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}/hook"

    async def open(self) -> None:
        self.server = await asyncio.start_server(self.serve, list(self.hosts), self.port)

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
            for writer in self.writers:
                writer.close()
            await self.server.wait_closed()
            self.server = None

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        with contextlib.suppress(OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            request_line, *lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            fields = (line.partition(":") for line in lines if line)
            headers = {name.strip().lower(): value.strip() for name, _, value in fields}
            body = await read_body(reader, headers)
            method, path, _ = request_line.split(" ", 2)
            self.requests.append(Received(method, path, headers, body, time.time()))
            status = self.answers.pop(0) if self.answers else 200
            await asyncio.sleep(self.delay)
            if status == HANG:
                await reader.read()
            else:
                location = f"Location: {self.location}\r\n" if 300 <= status < 400 else ""
                head = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n{location}"
                writer.write(f"{head}Content-Length: 0\r\nConnection: close\r\n\r\n".encode())
                await writer.drain()
        writer.close()
        self.writers.discard(writer)


@contextlib.asynccontextmanager
async def listening(hosts: tuple[str, ...] = ("127.0.0.1",)) -> AsyncIterator[Receiver]:
    receiver = Receiver(hosts)
    await receiver.open()
    try:
        yield receiver
    finally:
        await receiver.close()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with listening() as hook:
        yield hook


def signed(request: Received, secret: str = SECRET) -> bool:
    """Standard Webhooks: v1, base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the secret's decoded bytes."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = f"{request.headers['webhook-id']}.{request.headers['webhook-timestamp']}.".encode() + request.body
    expected = "v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    return expected in request.headers["webhook-signature"].split(" ")


async def arrived(receiver: Receiver, count: int, within: float = 10) -> list[Received]:
    async def enough() -> bool:
        return len(receiver.requests) >= count

    await eventually(enough, within, f"{count} callback requests")
    return receiver.requests


async def callbacks_of(gw: Harness, notification_id: str) -> list[dict[str, Any]]:
    response = await gw.http.get(f"{gateway.API_PREFIX}/{notification_id}/callbacks")
    assert response.status_code == 200, response.text
    return cast(list[dict[str, Any]], response.json()["items"])


async def states(gw: Harness, notification_id: str) -> list[str]:
    return [callback["state"] for callback in await callbacks_of(gw, notification_id)]


async def refused_attempt_shown(gw: Harness, notification_id: str) -> bool:
    attempts = [attempt for callback in await callbacks_of(gw, notification_id) for attempt in callback["attempts"]]
    return any(attempt["status_code"] is None and attempt["error"] for attempt in attempts)


async def reported(gw: Harness, notification_id: str, status: str) -> dict[str, Any]:
    """A worker's status event, applied: the notification as GET shows it right after."""
    error = {"error": "mailbox does not exist"} if status == "failed" else {}
    await gw.publish_status({"id": notification_id, "status": status, **error})
    await eventually(lambda: equals(status_of(gw, notification_id), status), what=status)
    return await gw.get(notification_id)


async def post_with_callback(gw: Harness, url: str, *, batch: bool = False, **fields: str) -> httpx.Response:
    item = {**VALID["sms"], "callback_url": url, **fields}
    if batch:  # the second item, so that the error names notifications[1]
        return await gw.http.post(f"{gateway.API_PREFIX}/batch", json={"notifications": [VALID["sms"], item]})
    return await gw.post(item)


def callback_key(batch: bool) -> str:
    return "notifications[1].callback_url" if batch else "callback_url"


async def test_callbacks_are_signed_and_arrive_in_order_with_the_notification_as_get_showed_it(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    async with running(hooked(settings)) as gw:
        created = (await post_with_callback(gw, receiver.url())).json()
        assert created["callback_url"] == receiver.url()
        shown = [await gw.get(created["id"])] + [await reported(gw, created["id"], s) for s in ("sent", "delivered")]
        requests = await arrived(receiver, 3)
        await asyncio.sleep(0.5)  # time for a fourth to arrive, if one were sent
    assert [request.json()["type"] for request in requests] == [
        f"notification.{s}" for s in ("queued", "sent", "delivered")
    ]
    assert len({request.headers["webhook-id"] for request in requests}) == 3
    for request, notification in zip(requests, shown, strict=True):
        assert (request.method, request.path) == ("POST", "/hook")
        assert request.headers["content-type"].startswith("application/json")
        assert signed(request), request.headers
        assert abs(int(request.headers["webhook-timestamp"]) - request.at) < 5
        body = request.json()
        assert RFC3339_UTC.fullmatch(body["timestamp"]), body["timestamp"]
        assert abs(datetime.fromisoformat(body["timestamp"]).timestamp() - request.at) < 10
        assert {name: body["data"][name] for name in STABLE} == {name: notification[name] for name in STABLE}


async def test_a_notification_without_a_callback_url_uses_the_default_and_shows_it(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    async with running(hooked(settings, callback_url=receiver.url())) as gw:
        created = (await gw.post(VALID["sms"])).json()
        assert created["callback_url"] == receiver.url()
        [request] = await arrived(receiver, 1)
    assert request.json()["data"]["callback_url"] == receiver.url() and signed(request)


async def test_a_retry_keeps_its_webhook_id_with_a_new_timestamp_and_both_attempts_are_shown(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    receiver.answers = [500]
    async with running(hooked(settings, callback_retry_schedule=(1.1,))) as gw:  # over a second: a new timestamp
        notification_id = (await post_with_callback(gw, receiver.url())).json()["id"]
        first, retry = await arrived(receiver, 2)
        await eventually(lambda: equals(states(gw, notification_id), ["delivered"]), what="delivered on the retry")
        [callback] = await callbacks_of(gw, notification_id)
    assert first.headers["webhook-id"] == retry.headers["webhook-id"] == callback["id"]
    assert int(retry.headers["webhook-timestamp"]) > int(first.headers["webhook-timestamp"])
    assert signed(first) and signed(retry)
    assert (callback["type"], callback["url"], callback["next_attempt_at"]) == (
        "notification.queued",
        receiver.url(),
        None,
    )
    assert [attempt["status_code"] for attempt in callback["attempts"]] == [500, 200]
    assert callback["created_at"] and all(attempt["at"] for attempt in callback["attempts"])


@pytest.mark.slow
async def test_a_callback_timing_out_or_answered_5xx_is_retried_on_schedule_then_failed(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    receiver.answers = [HANG, 503, 503]
    async with running(hooked(settings, callback_timeout=0.5, callback_retry_schedule=(0.3, 0.3))) as gw:
        notification_id = (await post_with_callback(gw, receiver.url())).json()["id"]
        await eventually(lambda: equals(states(gw, notification_id), ["failed"]), what="failed after the schedule")
        [callback] = await callbacks_of(gw, notification_id)
        await asyncio.sleep(0.5)  # time for a fourth attempt, if one were made
    assert [attempt["status_code"] for attempt in callback["attempts"]] == [None, 503, 503]
    assert callback["attempts"][0]["error"] and callback["next_attempt_at"] is None
    assert [request.headers["webhook-id"] for request in receiver.requests] == [callback["id"]] * 3


@pytest.mark.slow
async def test_callbacks_wait_out_a_receiver_outage_across_a_gateway_restart(settings: gateway.Settings) -> None:
    receiver = Receiver()  # its port refuses connections until it opens
    hooks = hooked(settings, callback_retry_schedule=(0.5,) * 30)  # 15 s of retries: longer than the outage
    try:
        async with running(hooks) as gw:
            notification_id = (await post_with_callback(gw, receiver.url())).json()["id"]
            await reported(gw, notification_id, "sent")
            await eventually(lambda: refused_attempt_shown(gw, notification_id), what="an attempt at the closed port")
        async with running(hooks) as gw:
            await reported(gw, notification_id, "failed")
            receiver.delay = 0.2  # all three are due now: each must wait for the answer to the one before
            await receiver.open()
            requests = await arrived(receiver, 3, within=20)
            await asyncio.sleep(0.5)  # time for a fourth to arrive, if one were sent
    finally:
        await receiver.close()
    bodies = [request.json() for request in requests]
    assert [body["type"] for body in bodies] == ["notification.queued", "notification.sent", "notification.failed"]
    assert [body["data"]["status"] for body in bodies] == ["queued", "sent", "failed"], "as it was at each change"
    assert all(later.at - earlier.at >= receiver.delay for earlier, later in itertools.pairwise(requests))
    assert len({request.headers["webhook-id"] for request in requests}) == 3


@pytest.mark.slow
async def test_a_410_stops_every_later_callback_of_its_notification(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    receiver.answers = [410]
    async with running(hooked(settings)) as gw:
        notification_id = (await post_with_callback(gw, receiver.url())).json()["id"]
        await eventually(lambda: equals(states(gw, notification_id), ["gone"]), within=5, what="gone after the 410")
        await reported(gw, notification_id, "sent")
        await reported(gw, notification_id, "delivered")
        await asyncio.sleep(1)  # five rounds of the sender
        shown = await states(gw, notification_id)
    assert len(receiver.requests) == 1
    assert shown[0] == "gone" and set(shown[1:]) <= {"stopped"}, shown


async def test_a_redirect_is_not_followed_and_counts_as_a_failure(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    async with listening() as elsewhere, running(hooked(settings)) as gw:
        receiver.answers, receiver.location = [307], elsewhere.url()
        notification_id = (await post_with_callback(gw, receiver.url())).json()["id"]
        first, retry = await arrived(receiver, 2)
        await eventually(lambda: equals(states(gw, notification_id), ["delivered"]), what="delivered on the retry")
        [callback] = await callbacks_of(gw, notification_id)
    assert elsewhere.requests == []
    assert first.headers["webhook-id"] == retry.headers["webhook-id"]
    assert [attempt["status_code"] for attempt in callback["attempts"]] == [307, 200]


@pytest.mark.slow
async def test_two_gateways_deliver_each_callback_once(settings: gateway.Settings, receiver: Receiver) -> None:
    hooks = hooked(settings)
    receiver.delay = 0.05  # each callback stays pending a while after it is picked up
    async with running(hooks) as first, running(hooks) as second:
        answers = await asyncio.gather(
            *(
                instance.post({**VALID["sms"], "callback_url": receiver.url()})
                for instance in (first, second)
                for _ in range(25)
            )
        )
        await arrived(receiver, 50, within=30)
        await asyncio.sleep(1)  # time for a second delivery of any of them
    webhook_ids = [request.headers["webhook-id"] for request in receiver.requests]
    assert len(webhook_ids) == len(set(webhook_ids)) == 50
    assert {request.json()["data"]["id"] for request in receiver.requests} == {a.json()["id"] for a in answers}


PRIVATE_URLS = [
    "http://127.0.0.1/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.1/hook",
    "http://192.168.1.1:8080/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/hook",
    "http://0.0.0.0:8000/hook",
    "http://224.0.0.1/hook",
    "http://[::1]/hook",
    "http://[::]/hook",
    "http://[fc00::1]/hook",
    "http://[fd12:3456::1]/hook",
    "http://[ff02::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://localhost:8000/hook",
    "https://LocalHost/hook",
    "http://localhost./hook",
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:8299/hook",  # full-width digits: IDNA makes them 127.0.0.1
    "http://127\u30020\u30020\u30021/hook",  # ideographic full stops
    "http://\u2460\u2461\u2466.\u24ea.\u24ea.\u2460/hook",  # circled digits
    "http://\uff11\uff16\uff19.\uff12\uff15\uff14.\uff11\uff16\uff19.\uff12\uff15\uff14/latest/meta-data/",
    "http://[::127.0.0.1]/hook",  # IPv4-compatible
    "http://[64:ff9b::7f00:1]/hook",  # NAT64
    "http://[64:ff9b:1::7f00:1]:8390/hook",  # local-use NAT64 (RFC 8215)
    "http://[64:ff9b:1::808:808]/hook",  # local-use NAT64, whatever it embeds
    "http://[::ffff:0:7f00:1]:8390/hook",  # IPv4-translated (RFC 2765)
    "http://[2002:7f00:1::]/hook",  # 6to4
    "http://[fec0::1]/hook",  # site-local
]


@pytest.mark.parametrize(
    "host", ["8.8.8.8", "::ffff:8.8.8.8", "64:ff9b::808:808", "::ffff:0:808:808", "2002:808:808::"]
)
def test_ipv6_forms_of_a_public_ipv4_address_are_public(host: str) -> None:
    assert gateway.is_public(host)


@pytest.mark.parametrize("allowed", [False, True], ids=["refused", "allowed"])
async def test_private_and_metadata_addresses_are_400_at_post_unless_allowed(
    settings: gateway.Settings, allowed: bool
) -> None:
    async with running(hooked(settings, callback_allow_private=allowed)) as gw:
        for url in PRIVATE_URLS:
            for batch in (False, True):
                answer = await post_with_callback(gw, url, batch=batch, send_at=later())
                if allowed:
                    assert answer.status_code == 202, (url, answer.text)
                else:
                    assert_names(answer, callback_key(batch))
        if not allowed:
            await assert_nothing_stored_or_published(gw)


def private_name() -> tuple[str, tuple[str, ...]]:
    """A name, not localhost, that resolves offline to non-global addresses only, and those addresses: this
    machine's own hostname (most systems map it in /etc/hosts), unless TEST_PRIVATE_NAME names another."""
    name = os.environ.get("TEST_PRIVATE_NAME") or socket.gethostname()
    try:
        addresses = tuple(
            dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(name, None, type=socket.SOCK_STREAM))
        )
    except OSError:
        addresses = ()
    if (
        not addresses
        or any(ipaddress.ip_address(a).is_global for a in addresses)
        or name.rstrip(".").lower() == "localhost"
    ):
        pytest.fail(
            f"{name!r} resolves to {addresses}: set TEST_PRIVATE_NAME to a name resolving to this machine only",
            pytrace=False,
        )
    return name, addresses


@pytest.mark.parametrize("allowed", [False, True], ids=["refused", "allowed"])
async def test_a_name_resolving_to_a_private_address_is_accepted_at_post_and_refused_at_delivery_unless_allowed(
    settings: gateway.Settings, allowed: bool
) -> None:
    name, addresses = private_name()
    async with listening(addresses) as receiver, running(hooked(settings, callback_allow_private=allowed)) as gw:
        answer = await post_with_callback(gw, receiver.url(name))
        assert answer.status_code == 202, answer.text
        if allowed:
            [request] = await arrived(receiver, 1)
            assert request.json()["type"] == "notification.queued"
        else:
            notification_id = answer.json()["id"]
            await eventually(lambda: refused_attempt_shown(gw, notification_id), what="an attempt refused")
            assert receiver.requests == []


async def test_a_callback_url_without_a_webhook_secret_is_400(gw: Harness) -> None:
    for batch in (False, True):
        assert_names(await post_with_callback(gw, "https://example.com/hook", batch=batch), callback_key(batch))
    await assert_nothing_stored_or_published(gw)


MALFORMED_URLS = [
    "http://user:password@example.com/hook",
    "https://token@example.com/hook",
    "/relative/hook",
    "example.com/hook",
    "ftp://example.com/hook",
    "http://a b/hook",
    "http://-/hook",
    "http://a..b/hook",
    "http://%/hook",
    "http://[v1.x]/hook",
    "http://xn--/hook",
    "http://2130706433/hook",  # numbers that are no canonical address: no name either
    "http://0x7f.1/hook",
    "http://127.1/hook",
    "javascript:alert(1)",
    "http:///hook",
    "https://example.com/" + "x" * 2029,  # 2049 characters
]


async def test_a_callback_url_with_credentials_not_absolute_http_or_over_2048_characters_is_400(
    settings: gateway.Settings,
) -> None:
    async with running(hooked(settings)) as gw:
        for url in MALFORMED_URLS:
            for batch in (False, True):
                assert_names(await post_with_callback(gw, url, batch=batch, send_at=later()), callback_key(batch))
        await assert_nothing_stored_or_published(gw)
        longest = "https://example.com/" + "x" * 2028
        answer = await post_with_callback(gw, longest, send_at=later())
        assert answer.status_code == 202 and answer.json()["callback_url"] == longest, answer.text


@pytest.mark.parametrize(
    "secret",
    ["nope", "whsec_", "whsec_not base64!", webhook_secret(32)[6:], webhook_secret(23), webhook_secret(65)],
    ids=["word", "empty", "not-base64", "no-prefix", "23-bytes", "65-bytes"],
)
def test_a_malformed_webhook_secret_is_refused_at_start(secret: str) -> None:
    with pytest.raises(ValueError, match=r"(?i)webhook_secret"):
        gateway.Settings.from_env({"GATEWAY_WEBHOOK_SECRET": secret})
    given: dict[str, Any] = {"webhook_secret": secret}
    with pytest.raises(ValueError):
        gateway.Settings(**given)


def test_callback_settings_come_from_the_environment() -> None:
    names = ("callback_url", "webhook_secret", "callback_timeout", "callback_retry_schedule", "callback_allow_private")
    env = {
        "GATEWAY_CALLBACK_URL": "https://example.com/hook",
        "GATEWAY_WEBHOOK_SECRET": webhook_secret(64),
        "GATEWAY_CALLBACK_TIMEOUT": "2.5",
        "GATEWAY_CALLBACK_RETRY_SCHEDULE": "1,2.5,60",
        "GATEWAY_CALLBACK_ALLOW_PRIVATE": "true",
    }
    given = msgspec.structs.asdict(gateway.Settings.from_env(env))
    assert [given[name] for name in names] == ["https://example.com/hook", webhook_secret(64), 2.5, (1, 2.5, 60), True]
    defaults = msgspec.structs.asdict(gateway.Settings.from_env({}))
    assert [defaults[name] for name in names] == [None, None, 10, (5, 300, 1800, 7200, 18000, 36000, 36000), False]
    shortest: dict[str, Any] = {"webhook_secret": webhook_secret(24)}
    gateway.Settings(**shortest)  # is accepted
    for schedule in ("5,-1", "nan"):
        with pytest.raises(msgspec.ValidationError, match="GATEWAY_CALLBACK_RETRY_SCHEDULE"):
            gateway.Settings.from_env({"GATEWAY_CALLBACK_RETRY_SCHEDULE": schedule})


async def test_the_callbacks_of_an_unknown_or_another_clients_notification_are_404(settings: gateway.Settings) -> None:
    keys = tuple(f"{client}:{key}" for client, key in CLIENT_KEYS.items())
    async with running(hooked(msgspec.structs.replace(settings, api_keys=keys))) as gw:
        created = await gw.post(
            {**VALID["sms"], "callback_url": "https://example.com/hook", "send_at": later()}, **as_client("bank")
        )
        path = f"{gateway.API_PREFIX}/{created.json()['id']}/callbacks"
        assert (await gw.http.get(path, headers=as_client("bank"))).json() == {"items": []}
        assert (await gw.http.get(path, headers=as_client("shop"))).status_code == 404
        unknown = f"{gateway.API_PREFIX}/{uuid.uuid4()}/callbacks"
        assert (await gw.http.get(unknown, headers=as_client("bank"))).status_code == 404


@pytest.mark.slow
async def test_a_cancel_after_a_late_confirm_is_409_and_never_leaves_a_published_notification_cancelled(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        ids = [await post_scheduled(gw, 1.0) for _ in range(10)]
        broker_relay.freeze()  # the relay publishes them at send_at, and their confirms come late
        await asyncio.sleep(1.0 + settings.publish_timeout + 1.0)
        answers = [await cancel(gw, notification_id) for notification_id in ids]
        assert [a.status_code for a in answers] == [409] * 10, [a.text for a in answers]
        assert {a.json()["extra"]["status"] for a in answers} == {"pending"}
        broker_relay.flowing.set()
        await eventually(lambda: all_queued(gw, set(ids)), what="published once the broker answers")
        assert sorted(await gw.take_all_ids()) == sorted(ids)


# ── Metrics ──────────────────────────────────────────────────────────────────────────────────────


async def scrape(gw: Harness, **headers: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample /metrics serves, by name and labels."""
    response = await gw.http.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def sample(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_count_accepted_published_and_worker_events(gw: Harness) -> None:
    before = await scrape(gw)
    ids = [(await gw.post(VALID["sms"])).json()["id"] for _ in range(3)]
    await gw.post(VALID["email"])
    await gw.publish_status({"id": ids[0], "status": "delivered"})
    await gw.publish_status({"id": ids[0], "status": "sent"})  # not forward: ignored
    await gw.publish_status({"id": str(uuid.uuid4()), "status": "sent"})  # unknown: dead-lettered
    await eventually(lambda: equals(gw.queue_depth("status", dead=True), 1), what="the unknown event dead-lettered")
    await gw.http.get(f"{gateway.API_PREFIX}/{ids[1]}")
    after = await scrape(gw)

    def moved(name: str, **labels: str) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert moved("gateway_notifications_accepted_total", type="sms") == 3
    assert moved("gateway_notifications_accepted_total", type="email") == 1
    assert moved("gateway_publishes_total", result="confirmed") == 4
    assert moved("gateway_status_events_total", result="applied") == 1
    assert moved("gateway_status_events_total", result="ignored") == 1
    assert moved("gateway_status_events_total", result="dead_lettered") == 1
    for result in ("nacked", "returned", "timeout", "error"):
        assert ("gateway_publishes_total", (("result", result),)) in after, "every result has its series"
    read = {"app_name": "gateway", "method": "GET", "path": f"{gateway.API_PREFIX}/{{notification_id}}"}
    assert moved("gateway_requests_total", **read, status_code="200") == 1, "grouped by route template"
    assert not any(ids[1] in str(labels) for _, labels in after), "no notification id in any label"


async def test_a_returned_publish_and_the_relay_are_counted(gw: Harness) -> None:
    before = await scrape(gw)
    queue = await gw.channel.get_queue(f"{gw.settings.exchange}.push")
    await queue.unbind(gw.settings.exchange, routing_key="push")
    assert (await gw.post(VALID["push"])).json()["status"] == "pending"
    await queue.bind(gw.settings.exchange, routing_key="push")
    await eventually(lambda: equals(gw.queue_depth("push"), 1), what="the relay published it")
    after = await scrape(gw)
    assert (
        sample(after, "gateway_publishes_total", result="returned")
        - sample(before, "gateway_publishes_total", result="returned")
        == 1
    )
    assert sample(after, "gateway_relay_published_total") - sample(before, "gateway_relay_published_total") == 1


@pytest.mark.slow
async def test_a_nacked_publish_is_counted(gw: Harness) -> None:
    queue = f"{gw.settings.exchange}.sms"
    policy = f"nack-{gw.settings.exchange}"
    before = await scrape(gw)
    rabbitmqctl(
        "set_policy", policy, f"^{queue}$", '{"max-length": 0, "overflow": "reject-publish"}', "--apply-to", "queues"
    )
    try:
        await asyncio.sleep(0.5)  # policies apply asynchronously
        assert (await gw.post(VALID["sms"])).json()["status"] == "pending"
    finally:
        rabbitmqctl("clear_policy", policy)
    after = await scrape(gw)
    assert sample(after, "gateway_publishes_total", result="nacked") > sample(
        before, "gateway_publishes_total", result="nacked"
    )


@pytest.mark.slow
async def test_the_outbox_gauges_see_a_broker_outage(settings: gateway.Settings, broker_relay: TcpRelay) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        assert sample(await scrape(gw), "gateway_outbox_rows") == 0
        await broker_relay.cut()
        await eventually(lambda: health_is_down(gw), what="broker seen down")
        answers = await asyncio.gather(*(gw.post(VALID["sms"]) for _ in range(10)))
        assert {a.json()["status"] for a in answers} == {"pending"}
        await asyncio.sleep(1.5)
        during = await scrape(gw)
        assert sample(during, "gateway_outbox_rows") == 10
        assert sample(during, "gateway_outbox_oldest_seconds") >= 1.5
        await broker_relay.open()
        await eventually(lambda: all_queued(gw, {a.json()["id"] for a in answers}), what="published after it")
        assert sample(await scrape(gw), "gateway_outbox_rows") == 0


async def test_the_outbox_gauges_see_scheduled_notifications_that_came_due_in_an_outage(
    settings: gateway.Settings, broker_relay: TcpRelay
) -> None:
    async with running(with_relay(settings, broker_relay, "rabbitmq_url"), settings) as gw:
        ids = [await post_scheduled(gw, 0.5) for _ in range(5)]
        await broker_relay.cut()
        await asyncio.sleep(1.5)
        during = await scrape(gw)
        assert sample(during, "gateway_outbox_rows") == 5
        assert {(await gw.get(notification_id))["status"] for notification_id in ids} == {"pending"}
        await broker_relay.open()
        await eventually(lambda: all_queued(gw, set(ids)), what="published after the outage")


async def test_metrics_are_open_like_health_or_behind_their_own_key(settings: gateway.Settings) -> None:
    async with running(msgspec.structs.replace(settings, api_keys=("client:api-key",))) as gw:
        await scrape(gw)  # the API's keys are not asked for
    async with running(msgspec.structs.replace(settings, metrics_key="scraper-key")) as gw:
        assert (await gw.http.get("/metrics")).status_code == 401
        assert (await gw.http.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 401
        await scrape(gw, Authorization="Bearer scraper-key")


# ── Several instances ────────────────────────────────────────────────────────────────────────────


@pytest.mark.slow
async def test_two_instances_under_load_one_killed_midway_every_accepted_notification_is_queued(
    settings: gateway.Settings, amqp: aio_pika.abc.AbstractChannel
) -> None:
    ports = (free_port(), free_port())
    quick = {"GATEWAY_RELAY_INTERVAL": "0.2", "GATEWAY_RELAY_GRACE": "1.5", "GATEWAY_PUBLISH_TIMEOUT": "1"}
    accepted: list[str] = []
    with gateway_process(settings, ports[0], **quick) as doomed, gateway_process(settings, ports[1], **quick):
        async with httpx.AsyncClient(timeout=10) as http:

            async def load(port: int, until: float) -> None:
                while time.monotonic() < until:
                    try:
                        answer = await http.post(f"http://127.0.0.1:{port}{gateway.API_PREFIX}", json=VALID["sms"])
                    except httpx.HTTPError:
                        return  # its instance is gone; what it answered 202 must still arrive
                    if answer.status_code == 202:
                        accepted.append(answer.json()["id"])

            async def kill_midway() -> None:
                await asyncio.sleep(1.5)
                doomed.kill()  # SIGKILL: no shutdown, its in-flight publishes and pending rows are left as they are

            until = time.monotonic() + 4
            await asyncio.gather(*(load(ports[i % 2], until) for i in range(16)), kill_midway())
        queued: set[str] = set()
        queue = await amqp.get_queue(f"{settings.exchange}.sms")

        async def everything_queued() -> bool:
            while (message := await queue.get(no_ack=True, fail=False)) is not None:
                queued.add(message.message_id or "")
            return set(accepted) <= queued

        await eventually(everything_queued, within=20, what="every accepted notification queued by the survivor")
    assert doomed.returncode == -signal.SIGKILL
    assert len(accepted) > 100, f"too little load to mean anything: {len(accepted)}"


async def test_callback_attempts_and_the_backlog_are_counted(settings: gateway.Settings, receiver: Receiver) -> None:
    receiver.answers = [500]
    async with running(hooked(settings)) as gw:
        before = await scrape(gw)
        assert (await post_with_callback(gw, receiver.url())).status_code == 202
        await arrived(receiver, 2)  # the 500, then the retry answered 200
        await asyncio.sleep(0.5)
        after = await scrape(gw)
    for result in ("retried", "delivered"):
        moved = sample(after, "gateway_callbacks_total", result=result) - sample(
            before, "gateway_callbacks_total", result=result
        )
        assert moved == 1, result
    assert sample(after, "gateway_callbacks_backlog") == 0


# ── Quorum queues ────────────────────────────────────────────────────────────────────────────────

QUEUE_LISTING = ["rabbitmqctl", "-q", "list_queues", "name", "type", "arguments", "--formatter", "json"]
RESTART_ADVICE = "drain and delete it, or set a new GATEWAY_EXCHANGE (README: Quorum queues)"


def quorum(settings: gateway.Settings, **changes: Any) -> gateway.Settings:
    return msgspec.structs.replace(settings, queue_type="quorum", **changes)


async def boot_broker(settings: gateway.Settings) -> None:
    """What a start declares in RabbitMQ, without the rest of the gateway."""
    broker = gateway.Broker(settings)
    try:
        await broker.connect()
    finally:
        await broker.close()


async def declared_queues(exchange: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """The exchange's queues, each with its type and arguments as RabbitMQ itself reports them."""
    try:
        listing = await asyncio.to_thread(
            subprocess.run, QUEUE_LISTING, check=True, capture_output=True, text=True, timeout=30
        )
    except FileNotFoundError:
        pytest.fail("rabbitmqctl is not on PATH: run the tests where RabbitMQ's CLI is installed", pytrace=False)
    return {
        queue["name"]: (queue["type"], {name: value for name, _, value in queue["arguments"]})
        for queue in json.loads(listing.stdout)
        if queue["name"].startswith(f"{exchange}.")
    }


def test_queue_type_and_delivery_limit_come_from_the_environment_and_are_checked() -> None:
    defaults = gateway.Settings.from_env({})
    assert (defaults.queue_type, defaults.delivery_limit) == ("classic", 20)
    chosen = gateway.Settings.from_env({"GATEWAY_QUEUE_TYPE": "quorum", "GATEWAY_DELIVERY_LIMIT": "3"})
    assert (chosen.queue_type, chosen.delivery_limit) == ("quorum", 3)
    with pytest.raises(msgspec.ValidationError, match="GATEWAY_QUEUE_TYPE"):
        gateway.Settings.from_env({"GATEWAY_QUEUE_TYPE": "lazy"})
    for limit in ("0", "-1"):
        with pytest.raises(msgspec.ValidationError, match="GATEWAY_DELIVERY_LIMIT"):
            gateway.Settings.from_env({"GATEWAY_DELIVERY_LIMIT": limit})


async def test_classic_queues_are_declared_as_before(settings: gateway.Settings) -> None:
    await boot_broker(settings)
    names = gateway.queue_names(settings.exchange).values()
    expected: dict[str, tuple[str, dict[str, Any]]] = {f"{name}.dead": ("classic", {}) for name in names}
    expected |= {
        name: ("classic", {"x-dead-letter-exchange": "", "x-dead-letter-routing-key": f"{name}.dead"}) for name in names
    }
    assert await declared_queues(settings.exchange) == expected


async def test_quorum_queues_dead_letter_at_least_once_and_past_a_delivery_limit(settings: gateway.Settings) -> None:
    await boot_broker(quorum(settings, delivery_limit=7))
    names = gateway.queue_names(settings.exchange).values()
    main = {
        "x-queue-type": "quorum",
        "x-dead-letter-exchange": "",
        "x-dead-letter-strategy": "at-least-once",
        "x-overflow": "reject-publish",
        "x-delivery-limit": 7,
    }
    expected = {f"{name}.dead": ("quorum", {"x-queue-type": "quorum"}) for name in names} | {
        name: ("quorum", main | {"x-dead-letter-routing-key": f"{name}.dead"}) for name in names
    }
    assert await declared_queues(settings.exchange) == expected


async def test_a_notification_goes_through_quorum_queues_and_its_reports_come_back(
    settings: gateway.Settings,
) -> None:
    async with running(quorum(settings)) as gw:
        sent = {key: (await gw.post(VALID[key])).json() for key in PUBLISHED_KEYS}
        assert {notification["status"] for notification in sent.values()} == {"queued"}
        for key, notification in sent.items():
            assert [message.message_id for message in await gw.take(key)] == [notification["id"]]
        await gw.publish_status({"id": sent["sms"]["id"], "status": "delivered"})
        await eventually(lambda: equals(status_of(gw, sent["sms"]["id"]), "delivered"), what="report applied")


async def test_a_message_requeued_past_the_delivery_limit_ends_in_its_dead_queue(settings: gateway.Settings) -> None:
    async with running(quorum(settings, delivery_limit=2)) as gw:
        notification = (await gw.post(VALID["sms"])).json()
        assert notification["status"] == "queued"
        queue = await gw.channel.get_queue(f"{settings.exchange}.sms")
        deliveries = 0

        async def dead_lettered() -> bool:  # a worker failing on the message, again and again
            nonlocal deliveries
            if (message := await queue.get(no_ack=False, fail=False)) is not None:
                deliveries += 1
                await message.reject(requeue=True)
            return await gw.queue_depth("sms", dead=True) > 0

        await eventually(dead_lettered, within=10, what="the message dead-lettered past its delivery limit")
        assert deliveries == 3, "delivered once, then again after each of the 2 requeues the limit allows"
        [dead] = await gw.take("sms", dead=True)
        assert dead.message_id == notification["id"]
        assert dead.headers["x-first-death-reason"] == "delivery_limit"
        assert await gw.queue_depth("sms") == 0


async def test_a_quorum_start_over_classic_queues_stops_with_one_line_naming_queue_and_types(
    settings: gateway.Settings, caplog: pytest.LogCaptureFixture
) -> None:
    await boot_broker(settings)  # an existing classic deployment
    caplog.set_level("ERROR", logger="gateway")
    refused: list[Exception] = []
    try:  # the app's lifespan, as uvicorn runs it (uvicorn itself would exit the test with SystemExit)
        async with gateway.create_app(quorum(settings)).lifespan():
            pass
    except* gateway.TopologyClashError as ended:  # whether or not Litestar's task group wraps it
        refused.extend(ended.exceptions)
    assert len(refused) == 1
    said = [record.getMessage() for record in caplog.records if record.name == "gateway"]
    assert said == [
        f"RabbitMQ has queue '{settings.exchange}.email.dead' with x-queue-type classic, but the gateway declares "
        f"quorum (GATEWAY_QUEUE_TYPE=quorum, GATEWAY_DELIVERY_LIMIT=20), and RabbitMQ cannot change it: "
        f"{RESTART_ADVICE}"
    ]
    assert {kind for kind, _ in (await declared_queues(settings.exchange)).values()} == {"classic"}


async def test_a_classic_start_over_quorum_queues_is_refused_naming_queue_and_types(
    settings: gateway.Settings,
) -> None:
    await boot_broker(quorum(settings))
    with pytest.raises(gateway.TopologyClashError) as refused:
        await boot_broker(settings)
    assert str(refused.value) == (
        f"RabbitMQ has queue '{settings.exchange}.email.dead' with x-queue-type quorum, but the gateway declares "
        f"classic (GATEWAY_QUEUE_TYPE=classic, GATEWAY_DELIVERY_LIMIT=20), and RabbitMQ cannot change it: "
        f"{RESTART_ADVICE}"
    )


async def test_a_changed_delivery_limit_is_refused_naming_the_argument(settings: gateway.Settings) -> None:
    await boot_broker(quorum(settings))
    with pytest.raises(gateway.TopologyClashError) as refused:
        await boot_broker(quorum(settings, delivery_limit=5))
    assert str(refused.value) == (
        f"RabbitMQ has queue '{settings.exchange}.email' with x-delivery-limit 20, but the gateway declares 5 "
        f"(GATEWAY_QUEUE_TYPE=quorum, GATEWAY_DELIVERY_LIMIT=5), and RabbitMQ cannot change it: {RESTART_ADVICE}"
    )


def test_rabbitmqs_other_refusals_are_read_or_passed_on_whole() -> None:
    settings = gateway.Settings(queue_type="quorum")
    explicit = "inequivalent arg 'x-queue-type' for queue 'q' in vhost '/': received 'quorum' but current is 'classic'"
    assert "has queue 'q' with x-queue-type classic, but the gateway declares quorum (GATEWAY_QUEUE_TYPE=quorum" in str(
        gateway.TopologyClashError.from_reply(f"PRECONDITION_FAILED - {explicit}", settings)
    )
    unknown = "PRECONDITION_FAILED - something RabbitMQ has not said before"
    assert str(gateway.TopologyClashError.from_reply(unknown, settings)).endswith(unknown)


async def test_python_gateway_py_ends_a_type_clash_in_one_line_without_a_traceback(
    settings: gateway.Settings,
) -> None:
    await boot_broker(settings)
    environment = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "RABBITMQ_URL": settings.rabbitmq_url,
        "GATEWAY_EXCHANGE": settings.exchange,
        "GATEWAY_QUEUE_TYPE": "quorum",
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
    }
    command = [sys.executable, str(ROOT / "gateway.py")]
    ended = await asyncio.to_thread(
        subprocess.run, command, env=environment, capture_output=True, text=True, timeout=60
    )
    output = ended.stdout + ended.stderr
    assert ended.returncode != 0, output
    assert "Traceback" not in output, output
    naming = [line for line in output.splitlines() if f"{settings.exchange}.email.dead" in line]
    assert len(naming) == 1 and " ERROR gateway: RabbitMQ has queue" in naming[0], output


async def posted_with_a_fast_worker(gw: Harness, url: str, count: int) -> list[str]:
    """`count` notifications, 32 at a time, to a worker that reports sent and delivered the moment it receives each:
    its reports race the gateway's own marking of the publish, which comes after the confirm."""
    exchange = await gw.channel.get_exchange(gw.settings.exchange)

    async def report(message: aio_pika.abc.AbstractIncomingMessage) -> None:
        for status in ("sent", "delivered"):
            event = json.dumps({"id": message.message_id, "status": status}).encode()
            await exchange.publish(aio_pika.Message(event), routing_key="status")

    queue = await gw.channel.get_queue(f"{gw.settings.exchange}.sms")
    tag = await queue.consume(report, no_ack=True)
    turns = asyncio.Semaphore(32)

    async def one() -> str:
        async with turns:
            return str((await post_with_callback(gw, url)).json()["id"])

    try:
        return list(await asyncio.gather(*(one() for _ in range(count))))
    finally:
        await queue.cancel(tag)


async def nothing_pending(gw: Harness) -> bool:
    return await gw.scalar("SELECT count(*) FROM callbacks WHERE state = 'pending'") == 0


@pytest.mark.slow
async def test_with_a_fast_worker_callbacks_keep_lifecycle_order(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    async with running(hooked(settings)) as gw:
        ids = await posted_with_a_fast_worker(gw, receiver.url(), 1000)
        await eventually(lambda: nothing_pending(gw), within=30, what="every callback delivered")
    told: dict[str, list[str]] = {notification_id: [] for notification_id in ids}
    for request in receiver.requests:
        told[request.json()["data"]["id"]].append(request.json()["type"].removeprefix("notification."))
    for notification_id, statuses in told.items():
        assert statuses[-2:] == ["sent", "delivered"], (notification_id, statuses)
        assert statuses in (["queued", "sent", "delivered"], ["sent", "delivered"]), (notification_id, statuses)


@pytest.mark.slow
async def test_with_a_fast_worker_a_410_still_stops_every_later_callback(
    settings: gateway.Settings, receiver: Receiver
) -> None:
    receiver.answers = [410] * 10_000
    async with running(hooked(settings)) as gw:
        ids = await posted_with_a_fast_worker(gw, receiver.url(), 1000)
        await eventually(lambda: nothing_pending(gw), within=30, what="every callback gone or stopped")
        # What a callback stored in the same moment as the 410 was recorded leaves behind: a pending one after it.
        await gw.db.execute(
            "INSERT INTO callbacks (notification_id, position, type, url, data, created_at, next_attempt_at)"
            " SELECT notification_id, 9, 'notification.late', url, data, now(), now()"
            " FROM callbacks WHERE state = 'gone'"
        )
        await eventually(lambda: nothing_pending(gw), within=10, what="the late ones stopped at their claim")
        await asyncio.sleep(0.5)
    called = [request.json()["data"]["id"] for request in receiver.requests]
    assert sorted(called) == sorted(ids), "one request per notification: none after its 410"


# ── Retention: final notifications past GATEWAY_RETENTION_DAYS are deleted ───────────────────────────


def retention_settings(settings: gateway.Settings, days: float = 1) -> gateway.Settings:
    return msgspec.structs.replace(settings, retention_days=days, retention_interval=0.2)


async def insert_aged(
    db: psycopg.AsyncConnection[Any], status: str, days_old: float, count: int = 1, key: str | None = None
) -> list[str]:
    """`count` notifications in `status`, last changed `days_old` days ago; with `key`, Idempotency-Keys key1, …"""
    sql = """
        INSERT INTO notifications (
            id, type, recipient, message, status, send_at, created_at, updated_at, idempotency_key, request_hash
        )
        SELECT gen_random_uuid(), 'push', 'token-' || n, 'aged ' || n, %(status)s,
               CASE WHEN %(status)s = 'scheduled' THEN now() + interval '1 day' END,
               now() - %(days)s * interval '1 day', now() - %(days)s * interval '1 day',
               %(key)s::text || n, CASE WHEN %(key)s::text IS NOT NULL THEN 'the first body' END
        FROM generate_series(1, %(count)s) AS n RETURNING id::text
    """
    params = {"status": status, "days": days_old, "count": count, "key": key}
    return [row[0] for row in await (await db.execute(sql, params)).fetchall()]


async def add_callback(db: psycopg.AsyncConnection[Any], notification_id: str, state: str) -> None:
    await db.execute(
        """
        INSERT INTO callbacks (notification_id, position, type, url, data, created_at, state, next_attempt_at)
        VALUES (%s, 5, 'notification.delivered', 'https://example.com/hook', '{}', now(), %s, now() + interval '1 hour')
        """,
        (notification_id, state),
    )


async def remaining(gw: Harness) -> set[str]:
    return {row[0] for row in await (await gw.db.execute("SELECT id::text FROM notifications")).fetchall()}


def batch_sizes(monkeypatch: pytest.MonkeyPatch, batch: int, pause: float) -> dict[int, list[int]]:
    """Purges in batches of `batch`, `pause` apart; returns what each instance's batches deleted, by its pool: the
    real statement, counted."""
    monkeypatch.setattr(gateway, "PURGE_BATCH", batch)
    monkeypatch.setattr(gateway, "PURGE_PAUSE", pause)
    sizes: dict[int, list[int]] = {}
    delete_expired = gateway.delete_expired

    async def counted(pool: gateway.DeadlinePool, before: datetime, limit: int) -> int:
        deleted = await delete_expired(pool, before, limit)
        sizes.setdefault(id(pool), []).append(deleted)
        return deleted

    monkeypatch.setattr(gateway, "delete_expired", counted)
    return sizes


async def test_final_notifications_past_retention_go_in_batches_with_their_callbacks_and_keys(
    settings: gateway.Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    sizes = batch_sizes(monkeypatch, batch=3, pause=0.01)
    caplog.set_level("INFO", logger="gateway")
    async with running(retention_settings(settings, days=1)) as gw:
        expired = await insert_aged(gw.db, "delivered", 2, 5) + await insert_aged(gw.db, "failed", 400, 4)
        expired += await insert_aged(gw.db, "delivered", 2, key="order-")  # Idempotency-Key order-1
        live = await insert_aged(gw.db, "delivered", 0.5) + await insert_aged(gw.db, "failed", 0.9)
        unfinished = [*await insert_aged(gw.db, "sent", 400), *await insert_aged(gw.db, "scheduled", 400)]
        unfinished += await insert_aged(gw.db, "queued", 400)
        await add_callback(gw.db, expired[0], "delivered")
        await add_callback(gw.db, expired[1], "failed")
        await add_callback(gw.db, live[0], "delivered")

        async def expired_gone() -> bool:
            return not await remaining(gw) & set(expired)

        await eventually(expired_gone, within=10, what="expired notifications deleted")
        assert await remaining(gw) == {*live, *unfinished}, "live and unfinished notifications stay, even old ones"
        assert await gw.scalar("SELECT array_agg(notification_id::text) FROM callbacks") == [live[0]]
        again = await gw.post(VALID["sms"], **{"Idempotency-Key": "order-1"})
        assert again.status_code == 202 and "idempotent-replayed" not in again.headers, "the key went with its row"
    deleted = [size for instance in sizes.values() for size in instance if size]
    assert sum(deleted) == 10 and deleted.count(3) == 3, f"batches of at most 3: {deleted}"
    assert any("retention deleted 10 notifications" in r.message for r in caplog.records), "each purge says how many"


async def test_a_notification_whose_callbacks_are_still_retried_is_kept_until_they_end(
    settings: gateway.Settings,
) -> None:
    async with running(retention_settings(settings)) as gw:
        [retried] = await insert_aged(gw.db, "delivered", 2)
        await add_callback(gw.db, retried, "delivered")
        await add_callback(gw.db, retried, "pending")
        await asyncio.sleep(1)  # five purges
        assert await remaining(gw) == {retried}
        await gw.db.execute("UPDATE callbacks SET state = 'failed', next_attempt_at = NULL WHERE state = 'pending'")
        await eventually(lambda: equals(remaining(gw), set()), within=10, what="deleted once its callbacks ended")
        assert await gw.scalar("SELECT count(*) FROM callbacks") == 0


async def test_retention_of_0_days_keeps_everything(settings: gateway.Settings) -> None:
    async with running(retention_settings(settings, days=0)) as gw:
        old = await insert_aged(gw.db, "delivered", 10_000, 3) + await insert_aged(gw.db, "failed", 0, 3)
        await asyncio.sleep(1)  # five intervals
        assert gw.service.retention is None and await remaining(gw) == set(old)


async def test_the_purge_skips_rows_another_transaction_holds_instead_of_waiting(settings: gateway.Settings) -> None:
    async with running(retention_settings(settings)) as gw:
        held = await insert_aged(gw.db, "delivered", 3, 2)  # the oldest: the first batch reaches them first
        others = await insert_aged(gw.db, "delivered", 2, 8)
        async with await psycopg.AsyncConnection.connect(settings.database_url) as blocker:
            async with blocker.transaction():
                await blocker.execute("SELECT FROM notifications WHERE id = ANY(%s::uuid[]) FOR UPDATE", (held,))
                # Well within the statement timeout (4 s) that a purge waiting on the lock would run into.
                await eventually(lambda: equals(remaining(gw), set(held)), within=2, what="the others deleted")
            await eventually(lambda: equals(remaining(gw), set()), within=5, what="the held ones deleted once free")
    assert others


@pytest.mark.slow
async def test_two_instances_purge_at_once_and_delete_each_expired_row_once(
    settings: gateway.Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    sizes = batch_sizes(monkeypatch, batch=200, pause=0.02)
    caplog.set_level("INFO", logger="gateway")
    async with running(retention_settings(settings)) as first, running(retention_settings(settings)) as second:
        assert first.service.pool is not second.service.pool
        expired = set(await insert_aged(first.db, "failed", 5, 20_000))
        kept = {*await insert_aged(first.db, "delivered", 0.5, 100), *await insert_aged(first.db, "sent", 5, 100)}
        await eventually(lambda: equals(remaining(first), kept), within=60, what="every expired row deleted")
    assert len(expired) == 20_000
    assert sum(map(sum, sizes.values())) == 20_000, "each row deleted by exactly one statement"
    assert len([instance for instance in sizes.values() if sum(instance)]) == 2, "both instances purged"
    failures = [r for r in caplog.records if r.levelname != "INFO" and "retention" in r.message]
    assert not failures, failures


async def test_the_purge_finds_its_batch_through_the_index_of_final_rows(gw: Harness) -> None:
    """Only final rows are in the index: a status added to FINAL without a step adding it there fails this."""
    async with gw.service.pool.connection() as conn:
        for setting in ("enable_seqscan", "enable_bitmapscan"):
            await conn.execute(f"SET {setting} = off")
        params = {"final": list(gateway.FINAL), "before": datetime.now(UTC), "limit": gateway.PURGE_BATCH}
        plan = "\n".join(
            row[0] for row in await (await conn.execute(f"EXPLAIN {gateway.PURGE_EXPIRED}", params)).fetchall()
        )
        await conn.execute("RESET ALL")
    assert "Index Scan using notifications_final_by_age" in plan and "Sort" not in plan, plan


async def test_the_retention_task_outlives_a_failed_purge(
    settings: gateway.Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    faults: list[Exception] = [RuntimeError("injected"), psycopg.OperationalError("injected outage")]
    delete_expired = gateway.delete_expired

    async def failing(pool: gateway.DeadlinePool, before: datetime, limit: int) -> int:
        if faults:
            raise faults.pop(0)
        return await delete_expired(pool, before, limit)

    monkeypatch.setattr(gateway, "delete_expired", failing)
    caplog.set_level("WARNING", logger="gateway")
    async with running(retention_settings(settings)) as gw:
        await insert_aged(gw.db, "failed", 2, 3)
        await eventually(lambda: equals(remaining(gw), set()), within=10, what="deleted after both faults")
        assert gw.service.retention is not None and not gw.service.retention.task.done()
    assert not faults
    assert any(r.exc_info and "injected" in str(r.exc_info[1]) for r in caplog.records), "logged with its traceback"
    assert any("retention could not reach PostgreSQL: injected outage" in r.message for r in caplog.records)


async def test_stopping_does_not_wait_for_the_next_purge(gw: Harness) -> None:
    assert gw.settings.retention_interval == 3600 and gw.service.retention is not None
    started = time.monotonic()
    await gw.service.retention.stop(within=10)
    assert gw.service.retention.task.done() and time.monotonic() - started < 1


def test_retention_settings_come_from_the_environment_and_refuse_nonsense() -> None:
    defaults = gateway.Settings.from_env({})
    assert (defaults.retention_days, defaults.retention_interval) == (30, 3600)
    given = gateway.Settings.from_env({"GATEWAY_RETENTION_DAYS": "1.5", "GATEWAY_RETENTION_INTERVAL": "60"})
    assert (given.retention_days, given.retention_interval) == (1.5, 60)
    assert gateway.Settings.from_env({"GATEWAY_RETENTION_DAYS": "0"}).retention_days == 0
    for days in ("-1", "0.5", "nan", "36501"):  # under a day would take Idempotency-Keys before their 24 hours
        with pytest.raises(msgspec.ValidationError, match="GATEWAY_RETENTION_DAYS"):
            gateway.Settings.from_env({"GATEWAY_RETENTION_DAYS": days})
    for interval in ("0", "-5", "nan", "inf", "1e308"):  # inf would purge once at start, then never again
        with pytest.raises(msgspec.ValidationError, match="GATEWAY_RETENTION_INTERVAL"):
            gateway.Settings.from_env({"GATEWAY_RETENTION_INTERVAL": interval})
