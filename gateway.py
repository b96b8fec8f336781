"""Notification Gateway: accept notifications over HTTP, store them in PostgreSQL, route them through RabbitMQ.

Read top to bottom: configuration, wire types, database, broker, background tasks, HTTP handlers, app.
The gateway never sends a message itself; per-channel workers consume its queues and report back.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import fcntl
import gc
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import re
import resource
import socket
import struct
import termios
import time
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, NamedTuple, TypeVar, cast, get_args
from urllib.parse import urlsplit
from uuid import UUID, uuid4

import aio_pika
import aio_pika.abc
import aiohttp
import aiohttp.abc
import aiormq
import msgspec
import prometheus_client
import psycopg
import psycopg_pool
import swagger_ui_bundle
import uvicorn
import yarl
from litestar import Litestar, Request, Response, Router, get, post
from litestar._openapi.schema_generation import SchemaCreator
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin  # private, yet what plugins build on
from litestar.connection import ASGIConnection
from litestar.datastructures import ResponseHeader, State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import HTTPException, NotAuthorizedException, NotFoundException, ValidationException
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult, DefineMiddleware
from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components, Example, OpenAPIType, Operation, Schema, SecurityScheme, Tag
from litestar.openapi.spec.discriminator import Discriminator
from litestar.params import Body, FromPath, HeaderParameter, KwargDefinition, QueryParameter
from litestar.plugins.prometheus import PrometheusConfig
from litestar.static_files import create_static_files_router
from litestar.types import ASGIApp, Receive, Scope, Send
from litestar.typing import FieldDefinition
from psycopg.rows import class_row, kwargs_row
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle

log = logging.getLogger("gateway")
T = TypeVar("T")
R = TypeVar("R")

# ── Configuration ─────────────────────────────────────────────────────────────────────────────────

GRACEFUL_SHUTDOWN = 20  # seconds uvicorn gives in-flight requests after SIGTERM
DEFAULT_CLIENT = "default"  # the client of a plain key, and of every caller when no keys are set
UNPREFIXED = ("database_url", "rabbitmq_url", "host", "port", "log_level")  # the usual names; the rest are GATEWAY_*
QueueType = Literal["classic", "quorum"]
RETENTION_DAYS_MAX = 36_500  # a century; far beyond it the purge's cutoff would fall before year 1
MAX_GROUP = 1000  # rows per statement and publishes per round, at most
DAY = 86_400  # seconds
Timeout = Annotated[float, msgspec.Meta(ge=0.01, le=DAY)]  # timeouts and intervals (NaN fails every bound)
Seconds = Annotated[float, msgspec.Meta(ge=0, le=365 * DAY)]  # a retry delay, at most a year: 1e300 overflows a date
Short = Annotated[int, msgspec.Meta(ge=1, le=65_535)]  # 16 bits, not 0: a port (0: any), AMQP's heartbeat (0: none)


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the gateway reads from its environment (ENVIRONMENT names the variables), read once at start."""

    database_url: str = "postgresql://postgres@localhost:5432/postgres"
    rabbitmq_url: str = "amqp://guest:guest@localhost:5672/"
    host: str = "0.0.0.0"
    port: Short = 8000
    exchange: str = "notifications"
    log_level: Annotated[str, msgspec.Meta(pattern="(?i)^(critical|error|warning|info|debug)$")] = "info"
    api_keys: tuple[str, ...] = ()  # comma-separated, each `key` or `client:key`
    boot_timeout: Timeout = 60.0  # how long boot waits for PostgreSQL and RabbitMQ to appear
    database_timeout: Timeout = 5.0  # no request waits longer for PostgreSQL: 503 instead
    publish_timeout: Timeout = 2.0  # a confirm slower than this leaves the row pending for the relay
    broker_heartbeat: Short = 10  # a broker connection silent for about three of these is dropped and rebuilt
    relay_interval: Timeout = 1.0
    relay_grace: Timeout = 5.0  # fresh pending rows belong to the request still publishing them
    relay_batch: Annotated[int, msgspec.Meta(ge=1, le=MAX_GROUP)] = 500
    callback_url: str | None = None  # for notifications that bring none
    webhook_secret: str | None = None  # whsec_<base64 of 24 to 64 bytes>: signs callbacks, which are never unsigned
    callback_timeout: Timeout = 10.0
    callback_retry_schedule: tuple[Seconds, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)  # Svix's: over a day
    callback_allow_private: bool = False  # local development and tests only: lets callbacks reach this network
    metrics_key: str | None = None  # a bearer key for /metrics; unset, it is open like /health
    queue_type: QueueType = "classic"  # quorum: replicated queues that survive losing a broker node
    # Quorum only: requeues of a message, after which it is dead-lettered; 0 would dead-letter at the first requeue.
    delivery_limit: Annotated[int, msgspec.Meta(ge=1, lt=2**31)] = 20
    retention_days: float = 30  # final notifications unchanged this long are deleted; 0 keeps everything
    retention_interval: Annotated[float, msgspec.Meta(ge=1, le=RETENTION_DAYS_MAX * DAY)] = 3600  # inf: never

    def __post_init__(self) -> None:
        if self.relay_grace <= self.publish_timeout:  # else the relay takes rows whose request is still publishing
            raise ValueError("GATEWAY_RELAY_GRACE must be longer than GATEWAY_PUBLISH_TIMEOUT")
        if self.request_deadline + 1 >= GRACEFUL_SHUTDOWN:  # SIGTERM cuts requests off after that, with a 500
            limit = GRACEFUL_SHUTDOWN - 1
            raise ValueError(f"GATEWAY_DATABASE_TIMEOUT + GATEWAY_PUBLISH_TIMEOUT must stay under {limit}s")
        keys = [client_and_key(entry) for entry in self.api_keys]
        # An empty key would let in an empty bearer token; a key of two clients would belong to either.
        if not all(client and key for client, key in keys) or len({key for _, key in keys}) < len(keys):
            raise ValueError("GATEWAY_API_KEYS entries are `key` or `client:key`, no part empty, no key twice")
        if self.webhook_secret is not None and not 24 <= len(webhook_key(self.webhook_secret)) <= 64:
            raise ValueError("GATEWAY_WEBHOOK_SECRET must be whsec_ then the base64 of 24 to 64 random bytes")
        if self.callback_url is not None and (problem := callback_url_problem(self.callback_url, self)):
            raise ValueError(f"GATEWAY_CALLBACK_URL {problem}")
        # Idempotency-Keys live as long as their row, and are promised for at least 24 hours. NaN is refused too.
        if not (self.retention_days == 0 or 1 <= self.retention_days <= RETENTION_DAYS_MAX):
            raise ValueError(f"GATEWAY_RETENTION_DAYS must be 0 (keep everything) or 1 to {RETENTION_DAYS_MAX}")

    @property
    def request_deadline(self) -> float:
        """The longest a request waits in any stall: storing, then publishing."""
        return self.database_timeout + self.publish_timeout

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        given: dict[str, object] = {name: env[variable] for name, variable in ENVIRONMENT.items() if env.get(variable)}
        for name in ("api_keys", "callback_retry_schedule"):  # comma-separated lists
            if name in given:
                given[name] = tuple(part.strip() for part in str(given[name]).split(",") if part.strip())
        try:
            return msgspec.convert(given, cls, strict=False)
        except msgspec.ValidationError as exc:  # named by its variable, which is what the user set
            message, _, at = str(exc).partition(" - at `$.")
            raise msgspec.ValidationError(
                f"{ENVIRONMENT[at.split('`')[0].split('[')[0]]}: {message}" if at else message
            ) from None


def client_and_key(entry: str) -> tuple[str, str]:
    """A GATEWAY_API_KEYS entry: `client:key` (the key may hold colons), or a plain `key` of the default client."""
    client, colon, key = entry.partition(":")
    return (client.strip(), key.strip()) if colon else (DEFAULT_CLIENT, entry)


def webhook_key(secret: str) -> bytes:
    """The HMAC key of a Standard Webhooks secret; empty when the secret is not in its form."""
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True) if secret.startswith("whsec_") else b""
    except binascii.Error:
        return b""


ENVIRONMENT = {  # setting -> the variable it is read from
    name: name.upper() if name in UNPREFIXED else f"GATEWAY_{name.upper()}" for name in Settings.__struct_fields__
}

# ── Wire types ────────────────────────────────────────────────────────────────────────────────────

ChannelType = Literal["email", "sms", "push", "telegram", "whatsapp"]  # a new channel: here and in RECIPIENT_RULES
CHANNEL_TYPES: tuple[str, ...] = get_args(ChannelType)
# The lifecycle in order: a status only moves forward, to `failed` from any status before a final one.
# `pending` is not stored: it is a `queued` notification still in the outbox (IN_OUTBOX).
Status = Literal["scheduled", "pending", "queued", "sent", "delivered", "failed", "cancelled"]
LIFECYCLE: tuple[Status, ...] = get_args(Status)
FINAL: tuple[Status, ...] = ("delivered", "failed", "cancelled")
ReportedStatus = Literal["sent", "delivered", "failed"]

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
E164 = re.compile(r"\+[1-9][0-9]{7,14}")
TELEGRAM_CHAT = re.compile(r"-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32}")
NO_CONTROL = r"^[^\x00-\x1f\x7f-\x9f]*$"  # Unicode category Cc: CR LF in a subject would smuggle in mail headers
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold U+0000


class RecipientRule(NamedTuple):
    accepts: Callable[[str], bool]
    expected: str  # what the recipient must be, in error messages and in the OpenAPI document
    pattern: str  # `accepts` as near as a JSON Schema pattern comes: for the OpenAPI document, never checked
    max_length: int = 4096

    @classmethod
    def matching(cls, regex: re.Pattern[str], expected: str) -> RecipientRule:
        return cls(lambda r: regex.fullmatch(r) is not None, expected, f"^(?:{regex.pattern})$")


def is_email(recipient: str) -> bool:  # format characters (Cf) make an address display as another one
    return EMAIL.fullmatch(recipient) is not None and all(unicodedata.category(c) != "Cf" for c in recipient)


PHONE_RULE = RecipientRule.matching(E164, "an E.164 phone number: + then 8 to 15 digits")
RECIPIENT_RULES: dict[str, RecipientRule] = {
    "email": RecipientRule(
        is_email, "an email address local@domain.tld, without format characters", f"^(?:{EMAIL.pattern})$", 254
    ),
    "sms": PHONE_RULE,
    "whatsapp": PHONE_RULE,
    "telegram": RecipientRule.matching(TELEGRAM_CHAT, "a numeric chat id or an @username"),
    "push": RecipientRule(str.isprintable, "a device token of 1 to 4096 printable characters", NO_CONTROL),
}
SMS_MAX_LENGTH = 1600
METADATA_MAX_BYTES = 8192
METADATA_MAX_DEPTH = 8
INT64 = range(-(2**63), 2**63)
SCHEDULE_HORIZON = timedelta(days=365)
EARLIEST_SEND_AT = datetime.min.replace(tzinfo=UTC)  # year 1 at +01:00 would be year 0 in UTC, which Python cannot hold


def check_metadata(value: object, depth: int = 0) -> None:
    """What workers' JSON parsers and PostgreSQL can take: bounded nesting, 64-bit numbers, no NUL."""
    if depth > METADATA_MAX_DEPTH:
        raise ValueError(f"`metadata` is nested deeper than {METADATA_MAX_DEPTH} levels")
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("`metadata` must not contain NUL characters (\\u0000)")
    if isinstance(value, int) and value not in INT64:
        raise ValueError("`metadata` numbers must fit in 64 bits, as workers' JSON parsers expect")
    for item in [*value, *value.values()] if isinstance(value, dict) else value if isinstance(value, list) else ():
        check_metadata(item, depth + 1)


HOST_NAME = re.compile(r"(?=.{1,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)*(?!-)[a-z0-9-]{1,63}(?<!-)\.?")
NUMBERS_ONLY = re.compile(r"((0x[0-9a-f]*|[0-9]+)\.?)+")  # 2130706433, 0x7f.1, 127.1: no name, no canonical address
# IPv6 forms holding an IPv4 address in their last 32 bits: NAT64, IPv4-compatible, IPv4-translated (RFC 2765)
EMBED_IPV4 = [ipaddress.ip_network(n) for n in ("64:ff9b::/96", "::/96", "::ffff:0:0:0/96")]
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: a local network's own translator, whatever it embeds


def callback_host(url: str) -> str | None:
    """The host a callback to `url` connects to, normalised as aiohttp normalises it (IDNA: full-width digits and
    ideographic dots become ASCII), so that the check sees what the connection will; None if it is neither an
    IP address nor a DNS name."""
    try:
        bracketed = "[" in urlsplit(url).netloc
        host = yarl.URL(url).raw_host or ""
    except ValueError:  # UnicodeError too: a label IDNA refuses
        return None
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return None if bracketed or not HOST_NAME.fullmatch(host) or NUMBERS_ONLY.fullmatch(host) else host
    return host if bracketed == isinstance(address, ipaddress.IPv6Address) else None


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a callback URL at all, or None: the rules that need no settings."""
    try:
        parts = urlsplit(url)
        absolute = parts.scheme in ("http", "https") and bool(parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:  # a port that is no number, a bracketed host that is no IPv6 address
        absolute = False
    if not absolute:
        return "must be an absolute http or https URL"
    if parts.username is not None or parts.password is not None:
        return "must not hold credentials"
    return None if callback_host(url) else "must name its host by a DNS name or an IP address"


def is_public(host: str) -> bool:
    """False for loopback, private, link-local (169.254.169.254 too), unique-local, site-local, multicast and
    unspecified addresses, for IPv6 forms of such IPv4 addresses, and for `localhost`; True for a global address,
    and for any other name, which is checked when it is resolved."""
    host = host.rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return True
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is None and any(address in network for network in EMBED_IPV4):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(str(embedded))
        if address.is_site_local or address in LOCAL_NAT64:
            return False
    return address.is_global and not address.is_multicast


def callback_url_problem(url: str, settings: Settings) -> str | None:
    """Why the gateway will not call `url` back, or None."""
    if problem := url_problem(url):
        return problem
    if settings.webhook_secret is None:
        return "needs GATEWAY_WEBHOOK_SECRET to be set: callbacks are never sent unsigned"
    if not settings.callback_allow_private and not is_public(callback_host(url) or ""):
        return "must not point at a loopback, private, link-local or multicast address"
    return None


Subject = Annotated[str, msgspec.Meta(min_length=1, max_length=998, pattern=NO_CONTROL)]


class NotificationIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A notification to send. A new field is one line here, with a default, plus a step in schema.sql."""

    type: ChannelType
    recipient: Annotated[str, msgspec.Meta(min_length=1, max_length=4096, pattern=NO_CONTROL)]
    message: Annotated[str, msgspec.Meta(min_length=1, max_length=10_000)]
    subject: Subject | None = None
    metadata: dict[str, Any] = {}
    send_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    callback_url: Annotated[str, msgspec.Meta(max_length=2048, pattern=NO_CONTROL)] | None = None

    def __post_init__(self) -> None:  # the rules that depend on `type`, and those msgspec.Meta cannot state
        rule = RECIPIENT_RULES[self.type]
        if len(self.recipient) > rule.max_length or not rule.accepts(self.recipient):
            raise ValueError(f"`recipient` must be {rule.expected} for type {self.type}")
        if self.type == "email" and self.subject is None:
            raise ValueError("`subject` is required for type email")
        if self.type == "sms" and len(self.message) > SMS_MAX_LENGTH:
            raise ValueError(f"`message` must be at most {SMS_MAX_LENGTH} characters for type sms")
        if "\x00" in self.message:
            raise ValueError("`message` must not contain NUL characters (\\u0000)")
        check_metadata(self.metadata)
        if self.metadata and len(msgspec.json.encode(self.metadata)) > METADATA_MAX_BYTES:
            raise ValueError(f"`metadata` must be at most {METADATA_MAX_BYTES} bytes encoded")
        if self.send_at is not None and self.send_at > datetime.now(UTC) + SCHEDULE_HORIZON:
            raise ValueError("`send_at` must be at most one year ahead")
        if self.send_at is not None and self.send_at < EARLIEST_SEND_AT:
            raise ValueError("`send_at` must not be before 0001-01-01T00:00:00Z")
        if self.callback_url is not None and (problem := url_problem(self.callback_url)):
            raise ValueError(f"`callback_url` {problem}")


def channel_schema(channel: str, rule: RecipientRule) -> type[msgspec.Struct]:
    """NotificationIn for one type, with __post_init__'s rules for it as constraints: the OpenAPI document's only."""
    recipient = msgspec.Meta(min_length=1, max_length=rule.max_length, pattern=rule.pattern, description=rule.expected)
    fields: list[tuple[str, Any]] = [("type", Literal[channel]), ("recipient", Annotated[str, recipient])]
    if channel == "email":
        fields.append(("subject", Subject))  # required
    if channel == "sms":
        fields.append(("message", Annotated[str, msgspec.Meta(min_length=1, max_length=SMS_MAX_LENGTH)]))
    name = f"{channel.title()}NotificationIn"
    return msgspec.defstruct(name, fields, bases=(NotificationIn,), kw_only=True, module=__name__)


CHANNEL_SCHEMAS = {channel: channel_schema(channel, RECIPIENT_RULES[channel]) for channel in CHANNEL_TYPES}


class BatchIn(msgspec.Struct, forbid_unknown_fields=True):
    notifications: Annotated[list[NotificationIn], msgspec.Meta(min_length=1, max_length=1000)]


class Notification(msgspec.Struct, kw_only=True):
    """A notification as stored, returned to clients and published to workers: its fields are the table's columns."""

    id: UUID
    type: ChannelType
    recipient: str
    subject: str | None
    message: str
    metadata: dict[str, Any]
    status: Status
    error: str | None = None
    send_at: datetime | None = None
    callback_url: str | None = None
    client: str
    api_key_id: str | None = None
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None = None
    delivered_at: datetime | None = None
    failed_at: datetime | None = None


class NewNotification(Notification, kw_only=True):
    """A row to insert: the notification plus what idempotent replays are checked against."""

    idempotency_key: str | None = None
    request_hash: str | None = None


class CallbackAttempt(msgspec.Struct):
    at: datetime
    status_code: int | None = None  # the receiver's answer
    error: str | None = None  # or why there was none
    next_attempt_at: datetime | None = None


class Callback(msgspec.Struct):
    """One status change told to a notification's callback_url; `id` is its webhook-id, the same on every retry."""

    id: UUID
    type: str
    url: str
    state: Literal["pending", "delivered", "failed", "gone", "stopped"]  # gone: answered 410; stopped: after that
    created_at: datetime
    next_attempt_at: datetime | None
    attempts: list[CallbackAttempt]


class CallbackList(msgspec.Struct):
    items: list[Callback]


class CallbackBody(msgspec.Struct):
    """What a callback POSTs: the notification as GET showed it right after the change."""

    type: str  # notification.<status>
    timestamp: datetime
    data: Notification


class NotificationPage(msgspec.Struct):
    items: list[Notification]
    next_cursor: str | None


class NotificationBatch(msgspec.Struct):
    items: list[Notification]


class StatusEvent(msgspec.Struct):
    """What a worker publishes with routing key `status` after trying to deliver; other fields are ignored."""

    id: UUID
    status: ReportedStatus
    error: Annotated[str, msgspec.Meta(max_length=10_000, pattern=NO_NUL)] | None = None


class Health(msgspec.Struct):
    status: Literal["ok", "unavailable"]
    checks: dict[str, Literal["ok", "down"]]


class ErrorBody(msgspec.Struct, omit_defaults=True):
    """Litestar's error format, shared by every 4xx and 5xx answer."""

    status_code: int
    detail: str
    extra: dict[str, Any] | list[Any] | None = None


# What the gateway counts, served at /metrics (prometheus_client names counters `<name>_total`); every label has
# a fixed set of values, each set up front so that its series exists from the start.
ACCEPTED = prometheus_client.Counter("gateway_notifications_accepted", "Notifications stored and answered", ["type"])
PUBLISHES = prometheus_client.Counter("gateway_publishes", "Publishes to RabbitMQ by outcome", ["result"])
RELAY_PUBLISHED = prometheus_client.Counter("gateway_relay_published", "Notifications published by the relay")
STATUS_EVENTS = prometheus_client.Counter("gateway_status_events", "Worker status events by outcome", ["result"])
CALLBACKS = prometheus_client.Counter("gateway_callbacks", "Callback attempts by outcome", ["result"])
OUTBOX_ROWS = prometheus_client.Gauge("gateway_outbox_rows", "Notifications stored, not yet confirmed by RabbitMQ")
OUTBOX_OLDEST = prometheus_client.Gauge("gateway_outbox_oldest_seconds", "Age of the oldest of those")
CALLBACK_BACKLOG = prometheus_client.Gauge("gateway_callbacks_backlog", "Callbacks still to be delivered")
for counter, results in (
    (ACCEPTED, CHANNEL_TYPES),
    (PUBLISHES, ("confirmed", "nacked", "returned", "timeout", "error")),
    (STATUS_EVENTS, ("applied", "ignored", "dead_lettered")),
    (CALLBACKS, ("delivered", "retried", "failed", "gone")),
):
    for result in results:
        counter.labels(result)

# ── Database ──────────────────────────────────────────────────────────────────────────────────────

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
SCHEMA_LOCK = 0x6E6F7469  # any constant: instances booting at once apply the schema one after another
SCHEMA_STEP = re.compile(r"^-- step (\d+):.*$", re.MULTILINE)
SCHEMA_STEPS_TABLE = "CREATE TABLE IF NOT EXISTS schema_steps (step int PRIMARY KEY, applied_at timestamptz NOT NULL)"
IN_OUTBOX = "EXISTS (SELECT FROM outbox WHERE outbox.id = notifications.id)"  # what makes a `queued` one `pending`
SHOWN_STATUS = f"CASE WHEN status = 'queued' AND {IN_OUTBOX} THEN 'pending' ELSE status END AS status"
COLUMNS = ", ".join(SHOWN_STATUS if name == "status" else name for name in Notification.__struct_fields__)
STORED = ", ".join(NewNotification.__struct_fields__)

# One statement and one commit for a whole group of requests: the rows travel as one JSON array typed by the
# table's own row type, and each row to send now gets its outbox row in the same statement.
INSERT_NOTIFICATIONS = f"""
WITH stored AS (
    INSERT INTO notifications ({STORED})
    SELECT {STORED} FROM jsonb_populate_recordset(NULL::notifications, %(rows)s::jsonb)
    ON CONFLICT (client, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING id, status
), outboxed AS (
    INSERT INTO outbox (id, publish_after)
    SELECT id, clock_timestamp() + %(grace)s * interval '1 second' FROM stored WHERE status = 'queued'
)
SELECT id FROM stored
"""
SELECT_NOTIFICATION = f"SELECT {COLUMNS} FROM notifications WHERE id = %s AND client = %s"
SELECT_BY_IDEMPOTENCY_KEY = (
    f"SELECT {COLUMNS}, request_hash FROM notifications WHERE client = %s AND idempotency_key = %s"
)
# A callback for each notification in `changed` (as it now stands) that has a URL, in the statement that changed
# it: none once its receiver answered 410.
NEW_CALLBACKS = """
new_callbacks AS (
    INSERT INTO callbacks (notification_id, position, type, url, data, created_at, next_attempt_at)
    SELECT id, array_position(%(lifecycle)s::text[], status), 'notification.' || status, callback_url,
        to_jsonb(changed) - 'idempotency_key' - 'request_hash', %(now)s, %(now)s
    FROM changed WHERE callback_url IS NOT NULL AND NOT EXISTS (
        SELECT FROM callbacks WHERE notification_id = changed.id AND state = 'gone'
    )
)"""
# The broker confirmed these: out of the outbox (pending becomes queued), and a scheduled one becomes queued.
MARK_PUBLISHED = f"""
WITH published AS (
    DELETE FROM outbox WHERE id = ANY(%(ids)s) RETURNING id
), changed AS (
    SELECT notifications.* FROM notifications JOIN published USING (id)
), {NEW_CALLBACKS}
SELECT count(*) FROM changed WHERE callback_url IS NOT NULL
"""
# Scheduled rows that have come due join the outbox as pending before anything publishes them: a cancel (which
# needs `scheduled`) and a publish can then never both happen, however late the broker's confirm.
PROMOTE_DUE = """
WITH due AS (
    SELECT id FROM notifications WHERE status = 'scheduled' AND send_at <= %(now)s
    ORDER BY send_at LIMIT %(limit)s FOR UPDATE SKIP LOCKED
), promoted AS (
    UPDATE notifications SET status = 'queued', updated_at = %(now)s FROM due WHERE notifications.id = due.id
    RETURNING notifications.id
)
INSERT INTO outbox (id, publish_after) SELECT id, %(now)s FROM promoted
"""
# Pending rows past their grace (a broker outage, a crashed instance, a due scheduled one), locked so that relays
# in other instances skip them; rows this instance has published but not yet marked (`skip`) are left alone.
CLAIM_DUE = f"""
WITH stale AS (
    SELECT id FROM outbox WHERE publish_after <= %(now)s AND id <> ALL(%(skip)s::uuid[])
    ORDER BY publish_after LIMIT %(limit)s FOR UPDATE SKIP LOCKED
)
SELECT {COLUMNS} FROM notifications WHERE id IN (SELECT id FROM stale)
"""
# Forward-only: an event applies only if it moves the notification further along; finals never change.
APPLY_STATUS_EVENTS = f"""
WITH changed AS (
UPDATE notifications AS n SET
    status = e.status,
    error = CASE WHEN e.status = 'failed' THEN e.error ELSE n.error END,
    sent_at = CASE WHEN e.status IN ('sent', 'delivered') THEN coalesce(n.sent_at, %(now)s) ELSE n.sent_at END,
    delivered_at = CASE WHEN e.status = 'delivered' THEN %(now)s ELSE n.delivered_at END,
    failed_at = CASE WHEN e.status = 'failed' THEN %(now)s ELSE n.failed_at END,
    updated_at = %(now)s
FROM jsonb_to_recordset(%(events)s::jsonb) AS e(id uuid, status text, error text)
WHERE n.id = e.id
  AND n.status <> ALL(%(final)s::text[]) AND n.status <> 'scheduled'  -- no worker can have an unpublished one
  AND array_position(%(lifecycle)s::text[], e.status) > array_position(%(lifecycle)s::text[], n.status)
RETURNING n.*
), reported AS (  -- a worker's report proves the message was published, confirm or not
    DELETE FROM outbox WHERE id IN (SELECT id FROM changed)
), {NEW_CALLBACKS}
SELECT id, callback_url IS NOT NULL FROM changed
"""
SELECT_EXISTING_IDS = "SELECT id FROM notifications WHERE id = ANY(%s)"
# For /metrics: the outbox's rows and the age of the oldest (its publish_after is its commit plus the grace), and
# the callbacks still to deliver; each read through an index, costing what is pending, not the table.
BACKLOGS = """
SELECT (SELECT count(*) FROM outbox),
    greatest(0, extract(epoch FROM clock_timestamp() - (SELECT min(publish_after) FROM outbox)) + %(grace)s),
    (SELECT count(*) FROM callbacks WHERE state = 'pending')
"""
# The row lock orders this against the relay, which holds a due row locked until it is marked published: a
# notification is either published or cancelled, never both.
CANCEL_SCHEDULED = f"""
WITH changed AS (
    UPDATE notifications SET status = 'cancelled', updated_at = %(now)s
    WHERE id = %(id)s AND client = %(client)s AND status = 'scheduled'
    RETURNING *
), {NEW_CALLBACKS}
SELECT count(*) FROM changed WHERE callback_url IS NOT NULL
"""
LIST_FILTERS = {
    "status": "status = %(status)s",
    "type": "type = %(type)s",
    "recipient": "md5(recipient) = md5(%(recipient)s) AND recipient = %(recipient)s",  # the index holds the MD5
}
LIST_STATUS = {"pending": "status = 'queued'", "queued": f"status = 'queued' AND NOT {IN_OUTBOX}"}
# Pending ones are read by id from the outbox (the fence keeps the planner from scanning the table in order
# instead), so their page costs what the outbox holds, not what the table holds.
PENDING_ONLY = "(SELECT * FROM notifications WHERE id = ANY(ARRAY(SELECT id FROM outbox)) OFFSET 0) AS notifications"
LIST_AFTER_CURSOR = "(created_at, id) < (%(cursor_at)s, %(cursor_id)s)"
LIST_NOTIFICATIONS = f"SELECT {COLUMNS} FROM {{source}} {{where}} ORDER BY created_at DESC, id DESC LIMIT %(limit)s"
SELECT_CALLBACKS = f"""
SELECT {", ".join(Callback.__struct_fields__)} FROM callbacks WHERE notification_id = %s ORDER BY position, seq
"""
# Due callbacks, each held (`next_attempt_at` moved on by a lease) by the instance that claims it, so that no
# other sends it meanwhile; one per notification at a time, the earliest in its lifecycle first. One whose
# notification's receiver has answered 410 since it was stored is stopped instead.
CLAIM_CALLBACKS = """
WITH due AS (
    SELECT id, notification_id FROM callbacks AS c WHERE state = 'pending' AND next_attempt_at <= %(now)s
      AND NOT EXISTS (
        SELECT FROM callbacks AS earlier WHERE earlier.notification_id = c.notification_id
          AND earlier.state = 'pending' AND (earlier.position, earlier.seq) < (c.position, c.seq)
      )
    ORDER BY next_attempt_at LIMIT %(limit)s FOR UPDATE OF c SKIP LOCKED
), claimed AS (
    UPDATE callbacks SET
        state = CASE WHEN gone THEN 'stopped' ELSE 'pending' END,
        next_attempt_at = CASE WHEN gone THEN NULL ELSE %(lease)s END
    FROM (
        SELECT id, EXISTS (
            SELECT FROM callbacks AS g WHERE g.notification_id = due.notification_id AND g.state = 'gone'
        ) AS gone FROM due
    ) AS d
    WHERE callbacks.id = d.id
    RETURNING callbacks.id, type, url, data::text AS data, created_at, jsonb_array_length(attempts) AS attempts, gone
)
SELECT id, type, url, data, created_at, attempts FROM claimed WHERE NOT gone
"""
# Each attempt's outcome. The notification's later callbacks follow it: stopped after a 410, due at once after
# any other end, and not before its retry while it waits for one (so that claims need not walk past them).
RECORD_ATTEMPTS = """
WITH recorded AS (
    UPDATE callbacks SET state = r.state, next_attempt_at = r.next_attempt_at, attempts = attempts || jsonb_build_array(
        jsonb_build_object(
            'at', r.at, 'status_code', r.status_code, 'error', r.error, 'next_attempt_at', r.next_attempt_at
        )
    )
    FROM jsonb_to_recordset(%(outcomes)s::jsonb)
        AS r(id uuid, state text, at timestamptz, status_code int, error text, next_attempt_at timestamptz)
    WHERE callbacks.id = r.id
    RETURNING callbacks.id, notification_id, callbacks.state, callbacks.next_attempt_at
)
UPDATE callbacks SET
    state = CASE WHEN r.state = 'gone' THEN 'stopped' ELSE 'pending' END,
    next_attempt_at = CASE
        WHEN r.state = 'gone' THEN NULL
        WHEN r.state = 'pending' THEN greatest(callbacks.next_attempt_at, r.next_attempt_at)
        ELSE least(callbacks.next_attempt_at, %(now)s)
    END
FROM recorded AS r
WHERE callbacks.notification_id = r.notification_id AND callbacks.state = 'pending' AND callbacks.id <> r.id
"""
# One batch of the retention purge: final notifications unchanged since `before` (through the partial index of
# schema step 7), locked so that other instances' purges skip them, deleted with their callbacks (ON DELETE
# CASCADE); one whose callbacks are still being retried is kept until they end.
PURGE_EXPIRED = """
WITH expired AS (
    SELECT id FROM notifications
    WHERE status = ANY(%(final)s::text[]) AND updated_at < %(before)s
      AND NOT EXISTS (SELECT FROM callbacks WHERE notification_id = notifications.id AND state = 'pending')
    ORDER BY updated_at LIMIT %(limit)s FOR UPDATE SKIP LOCKED
)
DELETE FROM notifications WHERE id = ANY(ARRAY(SELECT id FROM expired))
"""


def schema_steps(text: str) -> list[tuple[int, str]]:
    """schema.sql's steps: each runs from its `-- step N:` line to the next, numbered 1, 2, 3, … in order."""
    parts = SCHEMA_STEP.split(text)[1:]  # number, SQL, number, SQL, …
    steps = [(int(number), sql) for number, sql in zip(parts[::2], parts[1::2], strict=True)]
    if [number for number, _ in steps] != list(range(1, len(steps) + 1)):
        raise ValueError("schema.sql: steps must be numbered 1, 2, 3, … in file order")
    return steps


async def apply_schema(database_url: str) -> None:
    """Run the steps not yet recorded, in one transaction (a failing step leaves none applied) under the lock."""
    steps = schema_steps(SCHEMA_PATH.read_text())
    async with await psycopg.AsyncConnection.connect(database_url, connect_timeout=5) as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        await conn.execute(SCHEMA_STEPS_TABLE)
        applied = {row[0] for row in await (await conn.execute("SELECT step FROM schema_steps")).fetchall()}
        for number, sql in steps:
            if number not in applied:
                await conn.execute(sql)
                await conn.execute("INSERT INTO schema_steps (step, applied_at) VALUES (%s, now())", (number,))
                log.info("schema step %d applied", number)


async def open_database(settings: Settings) -> DeadlinePool:
    """The pool retries PostgreSQL for up to `boot_timeout`, logging each failure; then the schema is brought up."""
    # A slow server cancels a statement itself before the deadline cuts its connection; a session cut off on our
    # side but not on the server's must not keep its locks; a silently dead network fails a query, not hangs it.
    milliseconds = {"statement": settings.database_timeout * 800, "idle": settings.request_deadline * 1000 + 1000}
    options = "-c TimeZone=UTC -c plan_cache_mode=force_custom_plan -c statement_timeout={statement:.0f}"
    options += " -c idle_in_transaction_session_timeout={idle:.0f}"
    connection = {"autocommit": True, "options": options.format(**milliseconds), "connect_timeout": 5}
    connection |= {"tcp_user_timeout": 10_000, "keepalives_idle": 10}
    pool = DeadlinePool(
        settings.database_url,
        settings.database_timeout,
        min_size=2,
        max_size=10,
        timeout=5,
        open=False,
        kwargs=connection,
    )
    try:
        await pool.open(wait=True, timeout=settings.boot_timeout)
        await apply_schema(settings.database_url)
    except BaseException:
        await pool.close()
        raise
    return pool


class DatabaseTimeout(psycopg.OperationalError):
    """PostgreSQL did not answer in time: what the operation wrote may or may not be committed."""


class DeadlinePool(psycopg_pool.AsyncConnectionPool):
    """Lends each connection for at most `deadline` seconds, the wait for it included, then shuts its socket down:
    a stalled server never sees a statement_timeout, and cancelling makes psycopg wait up to 10 s more."""

    def __init__(self, conninfo: str, deadline: float, **kwargs: Any) -> None:
        super().__init__(conninfo, **kwargs)
        self.deadline = deadline

    @asynccontextmanager
    async def connection(
        self,
        timeout: float | None = None,  # noqa: ASYNC109 - psycopg_pool's own signature
    ) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        budget = self.deadline if timeout is None else timeout
        if budget <= 0:
            raise DatabaseTimeout("the request waited its whole deadline for a turn; nothing was stored")
        expires = time.monotonic() + budget
        async with super().connection(timeout=budget) as conn:
            expired = False

            def expire() -> None:
                nonlocal expired
                expired = True
                with suppress(OSError, psycopg.Error), socket.socket(fileno=os.dup(conn.pgconn.socket)) as sock:
                    sock.shutdown(socket.SHUT_RDWR)

            timer = asyncio.get_running_loop().call_later(expires - time.monotonic(), expire)
            try:
                yield conn
            except psycopg.OperationalError as exc:
                if expired:
                    raise DatabaseTimeout(f"PostgreSQL did not answer within {budget:.1f}s") from exc
                raise
            finally:
                timer.cancel()


OUTAGE_CLASSES = ("08", "53", "57", "58")  # SQLSTATE: connection, resources, operator (timeouts), system


def is_outage(exc: BaseException) -> bool:
    """PostgreSQL unreachable, stalled or overloaded, as opposed to refusing one row's data."""
    if isinstance(exc, psycopg_pool.PoolTimeout):
        return True
    return isinstance(exc, psycopg.Error) and (exc.sqlstate is None or exc.sqlstate.startswith(OUTAGE_CLASSES))


def refuses_data(exc: BaseException) -> bool:
    return isinstance(exc, psycopg.Error) and not is_outage(exc)


async def insert_notifications(
    conn: psycopg.AsyncConnection[Any], rows: Sequence[NewNotification], grace: float
) -> list[bool]:
    """Insert rows in one statement; False for a row whose idempotency key was already taken."""
    cursor = await conn.execute(INSERT_NOTIFICATIONS, {"rows": msgspec.json.encode(rows).decode(), "grace": grace})
    if all(row.idempotency_key is None for row in rows):
        return [True] * len(rows)  # only a key can conflict: ids are random UUIDs
    inserted = {row[0] for row in await cursor.fetchall()}
    return [row.id in inserted for row in rows]


async def select_notifications(conn: psycopg.AsyncConnection[Any], sql: str, params: Any) -> list[Notification]:
    cursor = conn.cursor(row_factory=class_row(Notification))
    await cursor.execute(sql, params)
    return await cursor.fetchall()


async def fetch_notification(pool: DeadlinePool, client: str, notification_id: UUID) -> Notification | None:
    async with pool.connection() as conn:
        found = await select_notifications(conn, SELECT_NOTIFICATION, (notification_id, client))
    return found[0] if found else None


async def fetch_by_idempotency_key(
    pool: DeadlinePool, client: str, key: str, within: float
) -> tuple[Notification, str | None] | None:
    """The notification the client's key created, and the hash of the body that created it."""
    async with pool.connection(timeout=within) as conn:
        cursor = conn.cursor(row_factory=kwargs_row(lambda request_hash, **row: (Notification(**row), request_hash)))
        await cursor.execute(SELECT_BY_IDEMPOTENCY_KEY, (client, key))
        return await cursor.fetchone()


def list_query(
    client: str, filters: dict[str, str], after: tuple[datetime, UUID] | None, limit: int
) -> tuple[str, dict[str, Any]]:
    """One page of the client's notifications: SQL built from constant clauses only; every value is a parameter."""
    clauses = ["client = %(client)s", *(LIST_FILTERS[name] for name in filters if name != "status")]
    if "status" in filters:
        clauses.append(LIST_STATUS.get(filters["status"], LIST_FILTERS["status"]))
    params: dict[str, Any] = {**filters, "client": client, "limit": limit}
    if after is not None:
        clauses.append(LIST_AFTER_CURSOR)
        params.update(cursor_at=after[0], cursor_id=after[1])
    source = PENDING_ONLY if filters.get("status") == "pending" else "notifications"
    return LIST_NOTIFICATIONS.format(source=source, where="WHERE " + " AND ".join(clauses)), params


async def list_notifications(pool: DeadlinePool, sql: str, params: dict[str, Any]) -> list[Notification]:
    async with pool.connection() as conn:
        return await select_notifications(conn, sql, params)


async def mark_published(conn: psycopg.AsyncConnection[Any], ids: list[UUID], now: datetime) -> int:
    """Returns how many callbacks the change made."""
    row = await (await conn.execute(MARK_PUBLISHED, {"ids": ids, "now": now, "lifecycle": list(LIFECYCLE)})).fetchone()
    return row[0] if row else 0


EventOutcome = Literal["applied", "ignored", "unknown"]  # ignored: not forward; unknown: no such notification


async def apply_status_events(pool: DeadlinePool, events: list[StatusEvent]) -> tuple[list[EventOutcome], bool]:
    """Apply events in order, a statement per round: an UPDATE changes a row once, so a notification's next event
    waits for the next round. Statuses only move forward: an event not beyond an earlier one of its notification
    never applies and takes no round. Returns each event's outcome, and whether any change made a callback."""
    rounds: dict[int, dict[UUID, int]] = {}  # round -> notification -> index of its event
    reached: dict[UUID, tuple[int, int]] = {}  # notification -> its furthest status so far, and the rounds it takes
    for index, event in enumerate(events):
        furthest, taken = reached.get(event.id, (-1, 0))
        if (position := LIFECYCLE.index(event.status)) > furthest:  # else ignored, or unknown: checked below
            reached[event.id] = (position, taken + 1)
            rounds.setdefault(taken, {})[event.id] = index
    outcomes: list[EventOutcome | None] = [None] * len(events)
    called_back = False
    async with pool.connection() as conn:
        for round_ in rounds.values():
            params = {"events": msgspec.json.encode([events[i] for i in round_.values()]).decode(), "now": utcnow()}
            params |= {"lifecycle": list(LIFECYCLE), "final": list(FINAL)}
            for event_id, calls_back in await (await conn.execute(APPLY_STATUS_EVENTS, params)).fetchall():
                outcomes[round_[event_id]] = "applied"
                called_back |= calls_back
        unapplied = list({event.id for event, outcome in zip(events, outcomes, strict=True) if outcome is None})
        existing: set[UUID] = set()
        if unapplied:
            existing = {row[0] for row in await (await conn.execute(SELECT_EXISTING_IDS, (unapplied,))).fetchall()}
    return [
        o or ("ignored" if e.id in existing else "unknown") for e, o in zip(events, outcomes, strict=True)
    ], called_back


async def cancel_scheduled(pool: DeadlinePool, client: str, notification_id: UUID) -> tuple[Notification | None, bool]:
    """Cancel the notification if it is scheduled; returns it as it then stands, and whether a callback was made."""
    async with pool.connection() as conn:
        params = {"id": notification_id, "client": client, "now": utcnow(), "lifecycle": list(LIFECYCLE)}
        row = await (await conn.execute(CANCEL_SCHEDULED, params)).fetchone()
        found = await select_notifications(conn, SELECT_NOTIFICATION, (notification_id, client))
    return (found[0] if found else None), bool(row and row[0])


async def fetch_callbacks(pool: DeadlinePool, notification_id: UUID) -> list[Callback]:
    async with pool.connection() as conn:
        cursor = conn.cursor(row_factory=kwargs_row(lambda **row: msgspec.convert(row, Callback)))
        await cursor.execute(SELECT_CALLBACKS, (notification_id,))
        return await cursor.fetchall()


async def observe_backlogs(pool: DeadlinePool, grace: float) -> None:
    """Sets the backlog gauges, within a second; if PostgreSQL does not answer, they keep their last values."""
    try:
        async with pool.connection(timeout=1.0) as conn:
            rows, oldest, callbacks = await (await conn.execute(BACKLOGS, {"grace": grace})).fetchone() or (0, 0, 0)
    except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:
        log.warning("metrics: backlogs not read: %s", exc)
        return
    OUTBOX_ROWS.set(rows)
    OUTBOX_OLDEST.set(float(oldest or 0))
    CALLBACK_BACKLOG.set(callbacks)


async def delete_expired(pool: DeadlinePool, before: datetime, limit: int) -> int:
    """One batch of the purge, one statement and transaction, bounded by the pool's deadline; returns its size."""
    async with pool.connection() as conn:
        cursor = await conn.execute(PURGE_EXPIRED, {"final": list(FINAL), "before": before, "limit": limit})
        return cursor.rowcount


async def database_answers(pool: DeadlinePool) -> bool:
    """Within a second, even when PostgreSQL hangs: the pool's deadline cuts the ping off."""
    try:
        async with pool.connection(timeout=1.0) as conn:
            await conn.execute("SELECT 1")
    except (psycopg.Error, psycopg_pool.PoolTimeout):
        return False
    return True


def utcnow() -> datetime:
    return datetime.now(UTC)


# ── Broker ────────────────────────────────────────────────────────────────────────────────────────

BROKER_ERRORS = (aiormq.exceptions.AMQPError, aio_pika.exceptions.AMQPException, ConnectionError, OSError)
PERSISTENT = int(aio_pika.DeliveryMode.PERSISTENT)


def queue_names(exchange: str) -> dict[str, str]:
    """Routing key -> queue: one queue per channel type, plus the status stream from the workers."""
    return {routing_key: f"{exchange}.{routing_key}" for routing_key in (*CHANNEL_TYPES, "status")}


# RabbitMQ's reply to a declaration that differs from what it has, e.g. "inequivalent arg 'x-queue-type' for queue
# 'q' in vhost '/': received 'quorum' but current is 'classic'"; a value is also "the value 'v' of type 't'", or none.
INEQUIVALENT = re.compile(
    r"inequivalent arg '(?P<argument>[^']*)' for (?P<kind>\w+) '(?P<name>[^']*)' in vhost '[^']*': "
    r"received (?P<received>.*) but current is (?P<current>.*)$"
)
ARGUMENT_VALUE = re.compile(r"\s*(?:the value )?'(?P<value>[^']*)'")


class TopologyClashError(Exception):
    """RabbitMQ already has a queue or exchange of the gateway's name declared otherwise, and cannot change it."""

    @classmethod
    def from_reply(cls, reply: str, settings: Settings) -> TopologyClashError:
        """One line naming the queue, the argument that differs (most often its type) and both values."""
        found = INEQUIVALENT.search(reply)
        if found is None:
            return cls(f"RabbitMQ refused the gateway's exchange and queues: {reply}")
        absent = "classic" if found["argument"] == "x-queue-type" else "none"  # a queue without a type is classic
        current, received = (
            value["value"] if (value := ARGUMENT_VALUE.match(found[side])) else absent
            for side in ("current", "received")
        )
        return cls(
            f"RabbitMQ has {found['kind']} {found['name']!r} with {found['argument']} {current}, but the gateway "
            f"declares {received} (GATEWAY_QUEUE_TYPE={settings.queue_type}, GATEWAY_DELIVERY_LIMIT="
            f"{settings.delivery_limit}), and RabbitMQ cannot change it: drain and delete it, or set a new "
            "GATEWAY_EXCHANGE (README: Quorum queues)"
        )


class Broker:
    """One robust AMQP connection: a confirm channel to publish on, and what it has published but not settled."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.connection: aio_pika.abc.AbstractRobustConnection | None = None
        self.channel: aio_pika.abc.AbstractChannel | None = None
        self.late: set[UUID] = set()  # published, unconfirmed past the publish timeout, connection still open
        self.unmarked: set[UUID] = set()  # confirmed, not yet out of the outbox: the relay marks, never resends

    async def connect(self) -> None:
        """With fail_fast off, aio-pika retries the first connection like every later one, logging each failure."""
        connecting = aio_pika.connect_robust(
            self.settings.rabbitmq_url,
            timeout=5,
            reconnect_interval=1,
            heartbeat=self.settings.broker_heartbeat,
            fail_fast=False,
        )
        self.connection = await asyncio.wait_for(connecting, self.settings.boot_timeout)
        self.channel = await self.connection.channel(publisher_confirms=True, on_return_raises=True)
        try:
            await self.declare_topology(self.channel)
        except aiormq.exceptions.ChannelPreconditionFailed as exc:  # its reply says it all: not chained
            raise TopologyClashError.from_reply(str(exc.args[0] if exc.args else exc), self.settings) from None

    async def declare_topology(self, channel: aio_pika.abc.AbstractChannel) -> None:
        """Durable exchange, and per routing key a durable queue that dead-letters into `<queue>.dead`."""
        exchange = await channel.declare_exchange(self.settings.exchange, aio_pika.ExchangeType.DIRECT, durable=True)
        for routing_key, name in queue_names(self.settings.exchange).items():
            # `.dead` first: with no other argument, a type clash on it is reported as one (on the main queue
            # RabbitMQ names the first argument that differs, such as x-overflow).
            await channel.declare_queue(f"{name}.dead", durable=True, arguments=self.queue_arguments())
            arguments = self.queue_arguments(dead_letters_to=f"{name}.dead")
            queue = await channel.declare_queue(name, durable=True, arguments=arguments)
            await queue.bind(exchange, routing_key=routing_key)

    def queue_arguments(self, dead_letters_to: str | None = None) -> dict[str, Any]:
        """A quorum main queue also dead-letters a message once it has gone back more than `delivery_limit` times
        (rejected or nacked with requeue, or held by a worker whose channel closed), and keeps each until its `.dead`
        queue has it (at-least-once, which RabbitMQ applies only with reject-publish overflow)."""
        arguments: dict[str, Any] = {}
        if dead_letters_to is not None:
            arguments |= {"x-dead-letter-exchange": "", "x-dead-letter-routing-key": dead_letters_to}
        if self.settings.queue_type == "quorum":
            arguments["x-queue-type"] = "quorum"
            if dead_letters_to is not None:
                arguments |= {"x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"}
                arguments["x-delivery-limit"] = self.settings.delivery_limit
        return arguments

    @property
    def is_connected(self) -> bool:
        channel = self.channel
        return bool(self.connection and self.connection.connected.is_set() and channel and not channel.is_closed)

    @property
    def is_healthy(self) -> bool:
        """Connected and confirming: a stalled connection stays open until heartbeats time out, a late confirm not."""
        return self.is_connected and not self.late

    async def publish_all(self, notifications: Sequence[Notification], within: float) -> list[UUID]:
        """Publish persistently and mandatorily, every confirm in flight together under one timer; returns the ids
        the broker confirmed. What it nacked, could not route or did not confirm stays pending for the relay."""
        if not notifications or not self.is_connected:
            return []
        assert self.channel is not None
        try:
            channel = cast(aiormq.Channel, await self.channel.get_underlay_channel())
        except BROKER_ERRORS as exc:  # closed since the check: the connection is going down
            log.warning("broker channel unavailable, %d left pending for the relay: %r", len(notifications), exc)
            PUBLISHES.labels("error").inc(len(notifications))
            return []
        publishes = {asyncio.ensure_future(self.publish_one(channel, n)): n.id for n in notifications}
        done, late = await asyncio.wait(publishes, timeout=max(within, 0))
        for task in late:
            self.wait_for_late_confirm(task, publishes[task])
        failed = [task for task in done if task.cancelled() or task.exception() is not None]
        for task in failed:
            PUBLISHES.labels(publish_result(None if task.cancelled() else task.exception())).inc()
        PUBLISHES.labels("confirmed").inc(len(done) - len(failed))
        PUBLISHES.labels("timeout").inc(len(late))
        if failed or late:
            log.warning(
                "%d of %d publishes failed, %d timed out: %r", len(failed), len(publishes), len(late), failed[:1]
            )
        return [publishes[task] for task in done if task not in failed]

    def wait_for_late_confirm(self, task: asyncio.Future[None], notification_id: UUID) -> None:
        """A late publish may still be confirmed, or go out when a stall ends: the relay must not resend it while
        its connection lives (heartbeats close a stalled one), or it is delivered twice."""
        self.late.add(notification_id)
        give_up = asyncio.get_running_loop().call_later(4 * (self.settings.broker_heartbeat + 1), task.cancel)

        def settled(task: asyncio.Future[None]) -> None:
            give_up.cancel()
            self.late.discard(notification_id)
            if not task.cancelled() and task.exception() is None:
                self.unmarked.add(notification_id)

        task.add_done_callback(settled)

    async def publish_one(self, channel: aiormq.Channel, notification: Notification) -> None:
        """Through aiormq with `wait=False`: aio-pika's `Exchange.publish` takes one event-loop turn per message
        under its channel lock, which queued a group's publishes behind every HTTP request (measured)."""
        properties = aiormq.spec.Basic.Properties(
            content_type="application/json", delivery_mode=PERSISTENT, message_id=str(notification.id)
        )
        await channel.basic_publish(
            msgspec.json.encode(notification),
            exchange=self.settings.exchange,
            routing_key=notification.type,
            properties=properties,
            mandatory=True,
            wait=False,
        )

    async def close(self) -> None:
        if self.connection is not None:
            await self.connection.close()


def publish_result(exc: BaseException | None) -> str:
    if isinstance(exc, aiormq.exceptions.PublishError):  # returned: no queue for its routing key (mandatory)
        return "returned"
    return "nacked" if isinstance(exc, aiormq.exceptions.DeliveryError) else "error"


# ── Background tasks: grouped stages, the relay, the status consumer ─────────────────────────────────


class Coalescer(Generic[T, R]):
    """Coalesces concurrent calls into one call of `handle` per batch; the next batch gathers while one is handled.

    Under load batches grow by themselves, and a request pays a share of one round trip and commit, not its own
    (hand-written: measured as the largest gain on the request path). `in_flight` batches overlap, for a stage that
    mostly waits; a batch failing on some items' data (`isolate`) is split until only those items fail.
    """

    def __init__(
        self,
        handle: Callable[[list[T]], Awaitable[list[R]]],
        in_flight: int = 1,
        isolate: Callable[[BaseException], bool] = lambda _: False,
    ) -> None:
        self.handle = handle
        self.in_flight = in_flight
        self.isolate = isolate
        self.waiting: list[tuple[T, asyncio.Future[R]]] = []
        self.flushing = 0
        self.flushers: set[asyncio.Task[None]] = set()  # the loop keeps only weak references to tasks

    async def submit(self, item: T) -> R:
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self.waiting.append((item, future))
        if self.flushing < self.in_flight:
            self.flushing += 1
            flusher = asyncio.create_task(self.flush())
            self.flushers.add(flusher)
            flusher.add_done_callback(self.flushers.discard)
        return await future

    async def flush(self) -> None:
        try:
            while self.waiting:
                batch, self.waiting = self.waiting[:MAX_GROUP], self.waiting[MAX_GROUP:]
                await self.resolve([(item, future) for item, future in batch if not future.done()])
        finally:  # in the same step as the last look at `waiting`: a submit right after this starts a new flusher
            self.flushing -= 1

    async def resolve(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        """Every waiter of the batch gets its result or an error, whatever `handle` raises."""
        if not batch:
            return  # every waiter gave up before its turn: nothing of theirs is stored
        try:
            results = await self.handle([item for item, _ in batch])
        except BaseException as exc:
            if len(batch) > 1 and self.isolate(exc):
                await self.resolve(batch[: len(batch) // 2])
                await self.resolve(batch[len(batch) // 2 :])
                return
            failure = exc if isinstance(exc, Exception) else Interrupted(repr(exc))
            for _, future in batch:
                if not future.done():  # done: its request was cancelled (the client went away)
                    future.set_exception(failure)
            if ends_the_task(exc):
                raise
        else:
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)


class Interrupted(psycopg.OperationalError):
    """An inner task was cancelled mid-batch: the outcome is unknown, as when a connection drops."""


def ends_the_task(exc: BaseException) -> bool:
    """This task's own cancellation (shutdown) or an interpreter exit, as opposed to an inner task's CancelledError
    reaching its caller, which is an error like any other and must not end a loop that should go on."""
    if isinstance(exc, asyncio.CancelledError):
        task = asyncio.current_task()
        return task is not None and task.cancelling() > 0
    return not isinstance(exc, Exception)


class BackgroundTask:
    """A task of rounds, each woken by `wakeup` or after `interval`, that outlives any failure of one: a PostgreSQL
    outage is a warning, anything else is logged with its traceback, and the next round tries again."""

    def __init__(self, name: str, interval: float, wakeup: asyncio.Event | None = None) -> None:
        self.name, self.interval = name, interval
        self.wakeup = wakeup or asyncio.Event()
        self.stopping = False
        self.beat = time.monotonic()
        self.task = asyncio.create_task(self.run(), name=name)

    async def round(self) -> bool:
        """One round; True when there is more to do at once."""
        raise NotImplementedError

    async def run(self) -> None:
        while not self.stopping:
            self.beat = time.monotonic()
            self.wakeup.clear()  # before the round: a wake-up during it (a reconnect, a stop) is not lost
            try:
                if await self.round():
                    await asyncio.sleep(0)  # a backlog: go on at once, letting requests in between
                    continue
            except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:
                log.warning("%s could not reach PostgreSQL: %s", self.name, exc)
            except BaseException as exc:
                if ends_the_task(exc):
                    raise
                log.exception("%s failed; trying again at its next round", self.name)
            with suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), self.interval)

    async def stop(self, within: float) -> None:
        self.stopping = True
        self.wakeup.set()
        with suppress(TimeoutError):
            await asyncio.wait_for(self.task, within)


class Gateway:
    """The service behind the handlers: the pool and broker, and the grouped stage that stores and publishes."""

    def __init__(self, settings: Settings, pool: DeadlinePool, broker: Broker) -> None:
        self.settings, self.pool, self.broker = settings, pool, broker
        self.accepts = Coalescer(self.accept_batch, in_flight=2, isolate=refuses_data)
        self.batch_reads, self.batch_turns = asyncio.Semaphore(BATCHES_READ), asyncio.Semaphore(BATCHES_AT_ONCE)
        self.callbacks_due = asyncio.Event()  # a change made callbacks: the sender need not wait for its poll
        self.relay = Relay(settings, pool, broker, self.callbacks_due)
        self.retention = Retention(settings, pool) if settings.retention_days else None
        self.callbacks = CallbackSender(settings, pool, self.callbacks_due) if settings.webhook_secret else None

    async def accept_batch(self, rows: list[NewNotification]) -> list[Notification | None]:
        """Store a group in one statement and commit, publish its due rows, and take the confirmed ones out of the
        outbox. Returns each row as it now stands (`pending` where the broker did not confirm: the relay sends it),
        or None where its Idempotency-Key was taken. A broker failure never fails the group: the 202 stands. The
        oldest request (rows come in arrival order) sets the deadline, so none waits longer than its own."""
        deadline = time.monotonic() + self.time_left(rows[0])
        try:
            async with self.pool.connection(timeout=deadline - time.monotonic()) as conn:
                inserted = await insert_notifications(conn, rows, self.settings.relay_grace)
                stored = [stored_view(row) if ok else None for row, ok in zip(rows, inserted, strict=True)]
                due = [n for n in stored if n is not None and n.status == "queued"]
                within = min(self.settings.publish_timeout, deadline - time.monotonic())
                confirmed = set(await self.broker.publish_all(due, within)) if due else set()
                if confirmed:
                    self.broker.unmarked |= confirmed  # until this commits, the relay marks them, never resends
                    try:
                        if await mark_published(conn, list(confirmed), utcnow()):
                            self.callbacks_due.set()
                        self.broker.unmarked -= confirmed
                    except psycopg.Error as exc:
                        log.warning("%d published, left for the relay to mark: %s", len(confirmed), exc)
                        confirmed = set()
        except DatabaseTimeout:
            log.error("storing %d notifications timed out, outcome unknown: answered 503", len(rows))
            raise
        unconfirmed = {n.id for n in due} - confirmed
        for notification in stored:
            if notification is not None:
                ACCEPTED.labels(notification.type).inc()
        return [msgspec.structs.replace(n, status="pending") if n and n.id in unconfirmed else n for n in stored]

    def time_left(self, row: NewNotification) -> float:
        """What remains of the deadline of the request that made `row` (its `created_at` is its arrival)."""
        return self.settings.request_deadline - (utcnow() - row.created_at).total_seconds()

    async def stop(self) -> None:
        """After uvicorn has let in-flight requests finish; every step is bounded, so no hung dependency holds
        the exit. What is still unpublished stays pending for the next relay."""
        tasks = [task for task in (self.relay, self.retention) if task is not None]
        await asyncio.gather(*(task.stop(self.settings.request_deadline + 1) for task in tasks))
        if self.callbacks is not None:
            await self.callbacks.stop(2)
        with suppress(TimeoutError, *BROKER_ERRORS):
            await asyncio.wait_for(self.broker.close(), 2)
        await self.pool.close(timeout=2)


class Relay(BackgroundTask):
    """Every instance runs one: it publishes what a request could not, and what has come due."""

    def __init__(self, settings: Settings, pool: DeadlinePool, broker: Broker, callbacks_due: asyncio.Event) -> None:
        self.settings, self.pool, self.broker, self.callbacks_due = settings, pool, broker, callbacks_due
        super().__init__("relay", settings.relay_interval)
        assert broker.connection is not None  # what piled up during an outage goes out as soon as it ends
        broker.connection.reconnect_callbacks.add(lambda *_: self.wakeup.set())

    @property
    def is_running(self) -> bool:
        """Alive, and not stuck: each round is bounded by the deadlines, so a late beat means it hangs."""
        overdue = self.settings.relay_interval + self.settings.request_deadline + 1
        return not self.task.done() and time.monotonic() - self.beat < overdue

    async def round(self) -> bool:
        """Move due scheduled rows into the outbox, mark confirmed rows still in it, then publish one batch of due
        rows; True when it moved or published a whole batch: there may be more."""
        broker = self.broker
        async with self.pool.connection(timeout=self.settings.request_deadline) as conn:
            due = {"now": utcnow(), "limit": self.settings.relay_batch}
            promoted = (await conn.execute(PROMOTE_DUE, due)).rowcount  # broker or not: the outbox shows them
            if marking := set(broker.unmarked):
                if await mark_published(conn, list(marking), utcnow()):
                    self.callbacks_due.set()
                broker.unmarked -= marking
            if not broker.is_healthy:
                return promoted >= self.settings.relay_batch
            async with conn.transaction():  # the claim's row locks last until the batch is marked
                claim = {
                    "now": utcnow(),
                    "limit": self.settings.relay_batch,
                    "skip": list(broker.late | broker.unmarked),
                }
                rows = await select_notifications(conn, CLAIM_DUE, claim)
                if not rows:
                    return promoted >= self.settings.relay_batch
                confirmed = set(await broker.publish_all(rows, self.settings.publish_timeout))
                broker.unmarked |= confirmed
                called_back = await mark_published(conn, list(confirmed), utcnow())
            broker.unmarked -= confirmed
        if called_back:  # committed now
            self.callbacks_due.set()
        log.info("relay published %d of %d due notifications", len(confirmed), len(rows))
        RELAY_PUBLISHED.inc(len(confirmed))
        return promoted + len(confirmed) >= self.settings.relay_batch


STATUS_ATTEMPTS = 5  # failures while PostgreSQL answers before an event is dead-lettered
STATUS_PREFETCH = 1000


class StatusConsumer:
    """Applies the workers' status events, grouped; an event is acknowledged only once its update is committed."""

    def __init__(self, pool: DeadlinePool, callbacks_due: asyncio.Event) -> None:
        self.pool, self.callbacks_due = pool, callbacks_due
        self.events = Coalescer(self.apply, isolate=refuses_data)
        self.lone_retries = asyncio.Semaphore(2)  # a burst of failing events must not take the pool from requests

    async def apply(self, events: list[StatusEvent]) -> list[EventOutcome]:
        outcomes, called_back = await apply_status_events(self.pool, events)
        if called_back:
            self.callbacks_due.set()
        return outcomes

    async def start(self, broker: Broker) -> None:
        assert broker.connection is not None
        channel = await broker.connection.channel()
        await channel.set_qos(prefetch_count=STATUS_PREFETCH)
        queue = await channel.get_queue(queue_names(broker.settings.exchange)["status"])
        await queue.consume(self.on_message)

    async def on_message(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        """What can never apply (undecodable, an unknown id, data PostgreSQL refuses) is dead-lettered at once; an
        outage holds the event and retries it; one that keeps failing while PostgreSQL answers is dead-lettered."""
        try:
            event = msgspec.json.decode(message.body, type=StatusEvent)
        except (ValueError, RecursionError) as exc:  # msgspec's errors, text not UTF-8, nesting past the stack
            await dead_letter(message, f"malformed: {str(exc)[:200]}")
            return
        failures = 0
        while True:
            try:  # after a failure, alone: an event that keeps failing must not take its batch with it
                outcome = await self.apply_alone(event) if failures else await self.events.submit(event)
                break
            except Exception as exc:
                if not is_outage(exc):
                    log.exception("status event for %s cannot be applied", event.id)
                    await dead_letter(message, f"refused: {exc}")
                    return
                # Its own statement failed while PostgreSQL answers: the event's fault, not a full pool's.
                if not isinstance(exc, psycopg_pool.PoolTimeout) and await database_answers(self.pool):
                    failures += 1
                if failures >= STATUS_ATTEMPTS:
                    await dead_letter(message, f"failed {failures} times while PostgreSQL answers: {exc}")
                    return
                log.warning("status event for %s not applied, retrying in 1 s: %s", event.id, exc)
                await asyncio.sleep(1)
        if outcome == "unknown":
            await dead_letter(message, f"unknown notification {event.id}")
        else:
            STATUS_EVENTS.labels(outcome).inc()
            await message.ack()

    async def apply_alone(self, event: StatusEvent) -> EventOutcome:
        async with self.lone_retries:
            return (await self.apply([event]))[0]


async def dead_letter(message: aio_pika.abc.AbstractIncomingMessage, reason: str) -> None:
    log.warning("dead-lettering a status event: %s", reason)
    STATUS_EVENTS.labels("dead_lettered").inc()
    await message.reject(requeue=False)


CALLBACKS_AT_ONCE = 500  # deliveries in flight per instance
CALLBACKS_PER_HOST = 20  # connections to one receiver: the rest wait for one within their timeout, others go on
CALLBACK_ANSWER_BYTES = 64 * 1024  # read of a receiver's answer, so that its connection is kept for the next


def sign(key: bytes, webhook_id: str, timestamp: int, body: bytes) -> str:
    """Standard Webhooks' symmetric signature: HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`."""
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


class PublicResolver(aiohttp.abc.AbstractResolver):
    """Refuses a name unless every address it resolves to is public. The connection goes to an address checked
    here, so a second lookup (DNS rebinding) cannot swap in another; literal addresses never reach a resolver."""

    def __init__(self) -> None:
        self.resolver = aiohttp.DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[aiohttp.abc.ResolveResult]:
        found = await self.resolver.resolve(host, port, family)
        if not all(is_public(address["host"]) for address in found):
            raise OSError(f"refused: {host} resolves to a loopback, private, link-local or multicast address")
        return found

    async def close(self) -> None:
        await self.resolver.close()


class DueCallback(msgspec.Struct):
    id: UUID
    type: str
    url: str
    data: str  # the notification as JSON, as PostgreSQL wrote it
    created_at: datetime
    attempts: int  # made so far


class AttemptOutcome(CallbackAttempt, kw_only=True):
    id: UUID
    state: str


class CallbackSender(BackgroundTask):
    """Every instance runs one when a secret is set: it claims due callbacks, delivers them signed, at most
    CALLBACKS_AT_ONCE at a time (a slow receiver holds only its own), and records each attempt."""

    def __init__(self, settings: Settings, pool: DeadlinePool, due: asyncio.Event) -> None:
        self.settings, self.pool = settings, pool
        self.key = webhook_key(settings.webhook_secret or "")
        resolver = aiohttp.DefaultResolver() if settings.callback_allow_private else PublicResolver()
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(
                limit=CALLBACKS_AT_ONCE, limit_per_host=CALLBACKS_PER_HOST, resolver=resolver
            ),
            timeout=aiohttp.ClientTimeout(total=settings.callback_timeout),
        )
        self.outcomes = Coalescer(self.record)
        self.sending: set[asyncio.Task[None]] = set()
        super().__init__("callback sender", settings.relay_interval, due)

    async def round(self) -> bool:
        for callback in await self.claim():
            task = asyncio.create_task(self.deliver(callback))
            self.sending.add(task)
            task.add_done_callback(self.delivered)
        return False

    def delivered(self, task: asyncio.Task[None]) -> None:
        self.sending.discard(task)
        if not task.cancelled() and task.exception() is not None:  # its lease runs out, and it is tried again
            log.error("callback delivery failed", exc_info=task.exception())
        if len(self.sending) <= CALLBACKS_AT_ONCE // 2:  # a backlog is claimed in large bites, not one by one
            self.wakeup.set()

    async def claim(self) -> list[DueCallback]:
        """As many due callbacks as there is room for in flight."""
        if (limit := CALLBACKS_AT_ONCE - len(self.sending)) <= 0:
            return []
        now = utcnow()
        # Past the lease another instance may send it again: it covers the attempt and the wait to record it.
        lease = now + timedelta(seconds=self.settings.callback_timeout + 2 * self.settings.database_timeout + 5)
        async with self.pool.connection() as conn:
            cursor = conn.cursor(row_factory=class_row(DueCallback))
            await cursor.execute(CLAIM_CALLBACKS, {"now": now, "limit": limit, "lease": lease})
            return await cursor.fetchall()

    async def deliver(self, callback: DueCallback) -> None:
        at = utcnow()
        timestamp = int(at.timestamp())
        status_code, error = None, None
        try:
            data = msgspec.json.decode(callback.data, type=Notification)
            body = msgspec.json.encode(CallbackBody(callback.type, callback.created_at, data))
            headers = {
                "content-type": "application/json",
                "webhook-id": str(callback.id),
                "webhook-timestamp": str(timestamp),
                "webhook-signature": sign(self.key, str(callback.id), timestamp, body),
            }
            if not (self.settings.callback_allow_private or is_public(callback_host(callback.url) or "")):
                raise OSError("refused: a loopback, private, link-local or multicast address")
            async with self.session.post(callback.url, data=body, headers=headers, allow_redirects=False) as answer:
                status_code = answer.status
                await answer.content.read(CALLBACK_ANSWER_BYTES)
        except (aiohttp.ClientError, TimeoutError, OSError, ValueError) as exc:  # with its cause: why it was refused
            error = "; ".join(dict.fromkeys(str(e) for e in (exc, exc.__cause__) if e and str(e))) or type(exc).__name__
        schedule = self.settings.callback_retry_schedule
        state, next_attempt_at = "pending", None
        if status_code is not None and 200 <= status_code < 300:
            state = "delivered"
        elif status_code == 410:
            state = "gone"
        elif callback.attempts >= len(schedule):
            state = "failed"
            log.warning(
                "callback %s to %s failed after its last attempt: %s", callback.id, callback.url, error or status_code
            )
        else:
            next_attempt_at = at + timedelta(seconds=schedule[callback.attempts])
        CALLBACKS.labels("retried" if state == "pending" else state).inc()
        outcome = AttemptOutcome(at, status_code, error, next_attempt_at, id=callback.id, state=state)
        try:
            await self.outcomes.submit(outcome)
        except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:  # its lease runs out, and it is sent again
            log.warning("callback %s attempted, not recorded: %s", callback.id, exc)

    async def record(self, outcomes: list[AttemptOutcome]) -> list[None]:
        async with self.pool.connection() as conn:
            await conn.execute(RECORD_ATTEMPTS, {"outcomes": msgspec.json.encode(outcomes).decode(), "now": utcnow()})
        return [None] * len(outcomes)

    async def stop(self, within: float) -> None:
        """Deliveries still going after `within` are dropped: their leases run out and another round sends them."""
        await super().stop(within)
        with suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*self.sending, return_exceptions=True), within)
        await self.session.close()


PURGE_BATCH = 5000  # rows per DELETE: a short transaction, far within the statement timeout
PURGE_PAUSE = 0.5  # seconds between batches: a batch takes about 50 ms, so the purge leaves requests the rest


class Retention(BackgroundTask):
    """Every instance runs one unless GATEWAY_RETENTION_DAYS is 0: every `retention_interval` it deletes the final
    notifications unchanged for `retention_days`, a batch at a time, each batch skipping rows another instance holds.
    """

    def __init__(self, settings: Settings, pool: DeadlinePool) -> None:
        self.settings, self.pool = settings, pool
        super().__init__("retention", settings.retention_interval)

    async def round(self) -> bool:
        """Batches until one comes back short: what remains is locked by another instance's purge, or newer."""
        before = utcnow() - timedelta(days=self.settings.retention_days)
        deleted = 0
        try:
            while not self.stopping:
                batch = await delete_expired(self.pool, before, PURGE_BATCH)
                deleted += batch
                if batch < PURGE_BATCH:
                    break
                await asyncio.sleep(PURGE_PAUSE)
        finally:  # a purge cut short by an outage still says what it deleted before it
            log.info("retention deleted %d notifications final and unchanged since %s", deleted, before.isoformat())
        return False


# ── HTTP handlers ─────────────────────────────────────────────────────────────────────────────────

API_PREFIX = "/api/v1/notifications"
DOCS_ASSETS = "/docs/assets"
SINGLE_BODY_LIMIT = 64 * 1024
BATCH_BODY_LIMIT = 16 * 1024 * 1024
BATCHES_AT_ONCE = 2  # a 15 MB batch takes over 100 MB while decoded and stored; 12 at once took 978 MB
BATCHES_READ = 8  # batches whose bodies (up to 16 MiB each) are read or held at a time; 100 at once took 1.5 GB
HEAD_LIMIT = 16 * 1024  # bytes of request line and headers
HEAD_TOO_LARGE = f"Request head larger than {HEAD_LIMIT // 1024} KiB"
RECEIVE_TIMEOUT = 5.0  # seconds a request head may take to arrive, and a body may take per MIN_BODY_BYTES
MIN_BODY_BYTES = 16 * 1024
SEND_TIMEOUT = 10.0  # seconds a client may read nothing of its answer before it is cut off
REQUEST_LIMIT = 2000  # requests in flight; beyond this, 503 rather than unbounded memory
PIPELINE_LIMIT = 8  # requests waiting behind the one in progress on a connection; clients rarely pipeline at all
IDEMPOTENCY_KEY = re.compile(r"[\x20-\x7e]{1,255}")
STRING = {"one_of": None, "type": "string"}  # an absent header or query value is absent, never null
REQUEST_EXAMPLE = {
    "type": "email",
    "recipient": "ada@example.com",
    "subject": "Welcome",
    "message": "Your account is ready.",
    "metadata": {"template": "welcome", "locale": "en"},
}
RESPONSE_EXAMPLE = {  # fields that are null here are left out of the rendered example
    **REQUEST_EXAMPLE,
    "id": "0b9e6c0e-4c2a-4ce5-9a5e-6f1d2b8d6a11",
    "status": "queued",
    "client": "default",
    "api_key_id": "3f2a9c1b",
    "created_at": "2026-11-25T10:00:00.000000Z",
    "updated_at": "2026-11-25T10:00:00.000000Z",
}
ERRORS = {
    400: "Invalid input; `extra` names the field",
    401: "Missing or unknown API key (when GATEWAY_API_KEYS is set)",
    404: "No notification with this id",
    409: "Idempotency-Key in use by a request still in progress; for a cancel, a notification no longer scheduled",
    413: "Body larger than 64 KiB, or 16 MiB for a batch",
    422: "Idempotency-Key reused with a different body",
    431: "URL and headers over 16 KiB: a long recipient in many bytes of UTF-8",
    503: "PostgreSQL is unavailable",
}


def errors(*statuses: int) -> dict[int, ResponseSpec]:
    """Error answers with the shared ErrorBody and an example each: `raises=` would document each with an inline
    schema, which openapi-python-client cannot read, and generated examples put `"status_code": 7300` in it."""
    return {
        status: ResponseSpec(
            ErrorBody,
            description=ERRORS[status],
            generate_examples=False,
            examples=[Example(summary=ERRORS[status], value={"status_code": status, "detail": ERRORS[status]})],
        )
        for status in statuses
    }


class StructSchemas(StructSchemaPlugin):
    """Litestar's Struct schemas plus what they leave out: `additionalProperties: false` where a Struct refuses
    unknown fields, and NotificationIn as one of CHANNEL_SCHEMAS, told apart by `type`."""

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: SchemaCreator) -> Schema:
        if field_definition.annotation is not NotificationIn:
            schema = super().to_openapi_schema(field_definition, schema_creator)
            if field_definition.annotation.__struct_config__.forbid_unknown_fields:
                schema.additional_properties = False
            return schema
        schema = schema_creator.schema_registry.get_schema_for_field_definition(field_definition)
        schema.title, schema.type = "NotificationIn", OpenAPIType.OBJECT  # what makes Litestar refer to it by name
        types = CHANNEL_SCHEMAS.items()
        schema.one_of = [schema_creator.for_field_definition(FieldDefinition.from_annotation(t)) for _, t in types]
        schema.discriminator = Discriminator("type", {c: f"#/components/schemas/{t.__name__}" for c, t in types})
        return schema


class StrictRequest(Request[Any, Any, Any]):
    """Decodes a JSON body straight into the handler's `data` type, strictly and in one pass. Litestar converts
    decoded values with strict=False, which read `"send_at": "20261201"` as a Unix time (1970-08-23)."""

    async def body(self) -> bytes:
        body = await super().body()
        if not body and self.route_handler.parsed_data_field is not None:  # Litestar would skip json(): KeyError
            raise self.refused("Request body is empty: a JSON object is expected", "body")
        return body

    async def json(self) -> Any:
        data = self.route_handler.parsed_data_field
        if data is None:
            return await super().json()
        body = await self.body()
        try:
            return msgspec.json.decode(body, type=data.annotation)
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            raise self.refused(*body_error(exc, body)) from exc

    def refused(self, message: str, key: str) -> ValidationException:
        detail = f"Validation failed for {self.method} {self.url.path}"
        return ValidationException(detail, extra=[{"message": message, "key": key, "source": "body"}])


NAMED_FIELD = re.compile(r"^`(\w+)`|field `(.+)`$")  # our rules' messages start with the field; msgspec's end with it
SURROGATE = re.compile("[\ud800-\udfff]")


def body_error(exc: msgspec.DecodeError | UnicodeDecodeError, body: bytes) -> tuple[str, str]:
    """The message and the field (`key`) for a body msgspec refused: the path it gives (`- at `$.notifications[2]``)
    and the field its message names. For text that is not Unicode it names nothing: the body is searched instead."""
    if isinstance(exc, msgspec.ValidationError):
        message, _, at = str(exc).partition(" - at `$")
        named = NAMED_FIELD.search(message)
        field = named and (named.group(1) or named.group(2))
        return message, ".".join(part for part in (at.strip(".`"), field) if part) or "body"
    try:  # bytes that are not UTF-8 become surrogates here, just like the lone ones JSON escapes can spell
        where = surrogate_at(json.loads(body.decode("utf-8", "surrogateescape")))
    except (ValueError, RecursionError):
        where = None
    if where is None:
        return str(exc), "body"
    return "Text must be UTF-8, without lone surrogates (\\ud800-\\udfff)", where or "body"


def surrogate_at(value: object, path: str = "") -> str | None:
    """The path of the first string with a surrogate in it; for a key with one, the path of its object."""
    if isinstance(value, str):
        return path if SURROGATE.search(value) else None
    if isinstance(value, dict):
        if any(SURROGATE.search(key) for key in value):
            return path
        children = [(f"{path}.{key}" if path else key, item) for key, item in value.items()]
    elif isinstance(value, list):
        children = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
    else:
        return None
    return next((found for child, item in children if (found := surrogate_at(item, child)) is not None), None)


def error(status: int, detail: str, extra: list[Any] | None = None) -> Response[ErrorBody]:
    return Response(ErrorBody(status, detail, extra), status_code=status)


def invalid(detail: str, key: str, source: str) -> ValidationException:
    return ValidationException(detail, extra=[{"key": key, "source": source}])


Caller = Request[str, str | None, Any]  # from ApiKeys: `user` is the caller's client, `auth` its key's fingerprint


def provide_gateway(state: State) -> Gateway:
    return cast(Gateway, state.gateway)


def accepted(notification: Notification, replayed: bool = False) -> Response[Any]:
    headers = {"Location": f"{API_PREFIX}/{notification.id}"}
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return Response(notification, status_code=202, headers=headers)


def callback_url_for(data: NotificationIn, settings: Settings, key: str) -> str | None:
    """The notification's own callback URL, once the settings allow it, or the default."""
    if data.callback_url is None:
        return settings.callback_url
    if problem := callback_url_problem(data.callback_url, settings):
        raise invalid(f"`callback_url` {problem}", key, "body")
    return data.callback_url


def new_notification(
    data: NotificationIn,
    caller: Caller,
    callback_url: str | None,
    idempotency_key: str | None = None,
    request_hash: str | None = None,
) -> NewNotification:
    now = utcnow()
    send_at = data.send_at.astimezone(UTC) if data.send_at else None
    return NewNotification(
        **msgspec.structs.asdict(data) | {"send_at": send_at, "callback_url": callback_url},  # no field by hand
        id=uuid4(),
        status="scheduled" if send_at and send_at > now else "queued",  # queued with an outbox row: pending
        client=caller.user,
        api_key_id=caller.auth,
        created_at=now,
        updated_at=now,
        idempotency_key=idempotency_key,
        request_hash=request_hash,
    )


def stored_view(row: NewNotification) -> Notification:
    """The row as clients and workers see it, without the idempotency bookkeeping."""
    return Notification(**{name: getattr(row, name) for name in Notification.__struct_fields__})


@post(
    API_PREFIX,
    status_code=202,
    operation_id="createNotification",
    summary="Accept a notification",
    response_description="Stored, and queued if the broker confirmed it",
    response_headers=[  # documented only: `accepted` sets them
        ResponseHeader(name="Location", value="", required=True, documentation_only=True, description="Where it is"),
        ResponseHeader(
            name="Idempotent-Replayed",
            value="true",
            documentation_only=True,
            description="`true` when an earlier request with this Idempotency-Key made the notification",
        ),
    ],
    responses=errors(400, 401, 409, 413, 422, 503),
    request_max_body_size=SINGLE_BODY_LIMIT,
)
async def create_notification(
    data: Annotated[NotificationIn, Body(examples=[Example(summary="An email", value=REQUEST_EXAMPLE)])],
    request: Caller,
    gateway: NamedDependency[Gateway],
    idempotency_key: Annotated[
        str | None,
        HeaderParameter(  # documented only: the handler checks it, to word its own error
            name="Idempotency-Key",
            description="1 to 255 printable ASCII characters",
            schema_extra={**STRING, "min_length": 1, "max_length": 255, "pattern": f"^{IDEMPOTENCY_KEY.pattern}$"},
        ),
    ] = None,
) -> Response[Annotated[Notification, KwargDefinition(examples=[Example(value=RESPONSE_EXAMPLE)])]]:
    """Stores the notification, then publishes it to the queue of its type. `status` is `queued` once the broker
    confirmed it, `pending` while the broker is unreachable (the relay publishes it as soon as it is back),
    `scheduled` for a future `send_at`. Repeating a request with the same `Idempotency-Key` and body returns the
    original notification with `Idempotent-Replayed: true`; keys are per client."""
    request_hash = None
    if idempotency_key is not None:
        if not IDEMPOTENCY_KEY.fullmatch(idempotency_key):
            raise invalid("Idempotency-Key must be 1 to 255 printable ASCII characters", "Idempotency-Key", "header")
        # Defaults left out (omit_defaults): a field added later with a default keeps old keys replaying.
        request_hash = hashlib.sha256(msgspec.json.encode(data, order="sorted")).hexdigest()
    callback_url = callback_url_for(data, gateway.settings, "callback_url")
    row = new_notification(data, request, callback_url, idempotency_key, request_hash)
    notification = await gateway.accepts.submit(row)
    return accepted(notification) if notification is not None else await replay(gateway, row)


async def replay(gateway: Gateway, row: NewNotification) -> Response[Notification]:
    """The key was taken: the first request with it committed first, so its row is there to compare."""
    assert row.idempotency_key is not None  # only a keyed row can be refused
    original = await fetch_by_idempotency_key(gateway.pool, row.client, row.idempotency_key, gateway.time_left(row))
    if original is None:
        raise HTTPException("A request with this Idempotency-Key is still in progress; retry shortly", status_code=409)
    notification, original_hash = original
    if original_hash != row.request_hash:
        raise HTTPException("Idempotency-Key was already used with a different request body", status_code=422)
    return accepted(notification, replayed=True)


@asynccontextmanager
async def batch_turn(turns: asyncio.Semaphore, within: float) -> AsyncIterator[None]:
    try:
        await asyncio.wait_for(turns.acquire(), within)
    except TimeoutError:
        raise HTTPException("Too many batches at once; retry shortly", status_code=503) from None
    try:
        yield
    finally:
        turns.release()


def batches_take_turns(app: ASGIApp) -> ASGIApp:
    """BATCHES_READ batches are read at a time and BATCHES_AT_ONCE of those decoded and stored, bounding
    their memory: the rest wait, their bodies unread. A body is read before its turn to be stored, so a slow upload
    holds none of those, and every wait is bounded (503 past it)."""

    async def taking_turns(scope: Scope, receive: Receive, send: Send) -> None:
        gateway: Gateway = scope["app"].state.gateway
        async with batch_turn(gateway.batch_reads, gateway.settings.database_timeout):
            read: list[Any] = [await receive()]
            size = len(read[0].get("body", b""))
            while read[-1].get("more_body") and size <= BATCH_BODY_LIMIT:  # past it, Litestar answers 413
                read.append(await receive())
                size += len(read[-1].get("body", b""))
            replay = iter(read)

            async def replayed() -> Any:
                return next(replay, None) or await receive()

            async with batch_turn(gateway.batch_turns, gateway.settings.database_timeout):
                await app(scope, replayed, send)

    return taking_turns


@post(
    f"{API_PREFIX}/batch",
    status_code=202,
    operation_id="createNotificationBatch",
    summary="Accept up to 1,000 notifications at once",
    responses=errors(400, 401, 413, 503),
    request_max_body_size=BATCH_BODY_LIMIT,
    middleware=[batches_take_turns],
)
async def create_notification_batch(
    data: Annotated[BatchIn, Body(examples=[Example(summary="Two", value={"notifications": [REQUEST_EXAMPLE] * 2})])],
    request: Caller,
    gateway: NamedDependency[Gateway],
) -> Response[NotificationBatch]:
    """All or nothing: if any item is invalid the answer is 400 naming its index and field, and nothing is
    stored. Otherwise every item is stored in one transaction and published; `items` follows the request order."""
    rows = [
        new_notification(item, request, callback_url_for(item, gateway.settings, f"notifications[{i}].callback_url"))
        for i, item in enumerate(data.notifications)
    ]
    stored = await gateway.accept_batch(rows)
    return Response(NotificationBatch([n for n in stored if n is not None]), status_code=202)


@get(
    f"{API_PREFIX}/{{notification_id:str}}",
    operation_id="readNotification",
    summary="Read a notification and its delivery status",
    responses=errors(400, 401, 404, 503),
)
async def read_notification(
    notification_id: FromPath[UUID], request: Caller, gateway: NamedDependency[Gateway]
) -> Notification:
    return await own_notification(gateway, request, notification_id)


async def own_notification(gateway: Gateway, caller: Caller, notification_id: UUID) -> Notification:
    """The caller's notification, or 404: another client's is as unknown as one that does not exist."""
    notification = await fetch_notification(gateway.pool, caller.user, notification_id)
    if notification is None:
        raise NotFoundException(f"No notification with id {notification_id}")
    return notification


@get(
    f"{API_PREFIX}/{{notification_id:str}}/callbacks",
    operation_id="listCallbacks",
    summary="List the callbacks of a notification, with their attempts",
    responses=errors(400, 401, 404, 503),
)
async def list_callbacks(
    notification_id: FromPath[UUID], request: Caller, gateway: NamedDependency[Gateway]
) -> CallbackList:
    """In the order of the changes they tell; each attempt with its time, the receiver's HTTP status or the error,
    and when the next is due."""
    await own_notification(gateway, request, notification_id)
    return CallbackList(await fetch_callbacks(gateway.pool, notification_id))


@post(
    f"{API_PREFIX}/{{notification_id:str}}/cancel",
    status_code=200,
    operation_id="cancelNotification",
    summary="Cancel a scheduled notification",
    responses=errors(400, 401, 404, 409, 503),
)
async def cancel_notification(
    notification_id: FromPath[UUID], request: Caller, gateway: NamedDependency[Gateway]
) -> Notification:
    """A `scheduled` notification becomes `cancelled` and is never published; one already cancelled is answered
    as it is. Any other status is a 409 naming it: the notification is on its way."""
    notification, called_back = await cancel_scheduled(gateway.pool, request.user, notification_id)
    if called_back:
        gateway.callbacks_due.set()
    if notification is None:
        raise NotFoundException(f"No notification with id {notification_id}")
    if notification.status != "cancelled":
        detail = f"Cannot cancel: the notification is {notification.status}"
        raise HTTPException(detail, status_code=409, extra={"status": notification.status})
    return notification


def encode_cursor(notification: Notification) -> str:
    raw = msgspec.json.encode([notification.created_at, notification.id])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return msgspec.json.decode(raw, type=tuple[Annotated[datetime, msgspec.Meta(tz=True)], UUID])
    except (binascii.Error, ValueError, msgspec.DecodeError) as exc:
        raise invalid("Malformed cursor", "cursor", "query") from exc


@get(
    API_PREFIX,
    operation_id="listNotifications",
    summary="List notifications, newest first",
    responses=errors(400, 401, 431, 503),
)
async def list_notifications_page(
    request: Caller,
    gateway: NamedDependency[Gateway],
    status: Annotated[Status | None, QueryParameter(schema_extra={**STRING, "enum": list(LIFECYCLE)})] = None,
    type: Annotated[  # the API's own name for the field
        ChannelType | None, QueryParameter(schema_extra={**STRING, "enum": list(CHANNEL_TYPES)})
    ] = None,
    recipient: Annotated[str | None, QueryParameter(max_length=4096, pattern=NO_NUL, schema_extra=STRING)] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    cursor: Annotated[
        str | None, QueryParameter(max_length=200, description="`next_cursor` of the page before", schema_extra=STRING)
    ] = None,
) -> NotificationPage:
    """Keyset pagination: pass `next_cursor` back as `cursor` for the next page."""
    if not all(value.isdigit() for value in request.query_params.getall("limit", [])):
        # Litestar converts query values leniently, and would read 1e2 or 100.0 as the integer 100.
        raise invalid("`limit` must be an integer, written in digits", "limit", "query")
    filters = {name: value for name, value in (("status", status), ("type", type), ("recipient", recipient)) if value}
    after = decode_cursor(cursor) if cursor is not None else None
    rows = await list_notifications(gateway.pool, *list_query(request.user, filters, after, limit + 1))
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return NotificationPage(rows[:limit], next_cursor)


class PublicOperation(Operation):
    """Open to anyone whatever the document's default: Litestar leaves out an empty `security`, so it is added."""

    def to_schema(self) -> dict[str, Any]:
        return {**super().to_schema(), "security": []}


@get(
    "/health",
    operation_id="health",
    tags=["operations"],
    summary="Whether PostgreSQL and RabbitMQ answer",
    operation_class=PublicOperation,
    responses={503: ResponseSpec(data_container=Health, description="A dependency is down; `checks` names it")},
)
async def health(gateway: NamedDependency[Gateway]) -> Response[Health]:
    checks: dict[str, Literal["ok", "down"]] = {
        "database": "ok" if await database_answers(gateway.pool) else "down",
        "broker": "ok" if gateway.broker.is_healthy else "down",
        "relay": "ok" if gateway.relay.is_running else "down",
    }
    healthy = all(value == "ok" for value in checks.values())
    return Response(Health("ok" if healthy else "unavailable", checks), status_code=200 if healthy else 503)


def bearer_token(connection: ASGIConnection[Any, Any, Any, Any]) -> bytes | None:
    """The token of `Authorization: Bearer <token>` (the scheme in any case); None for none or another scheme."""
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    return token.strip(" \t").encode() if scheme.lower() == "bearer" else None  # HTTP's spaces, not Unicode's


@get("/metrics", include_in_schema=False, media_type=prometheus_client.CONTENT_TYPE_LATEST)
async def metrics(request: Request[Any, Any, Any], gateway: NamedDependency[Gateway]) -> bytes:
    """Prometheus' text format; with GATEWAY_METRICS_KEY set, only for that key as a bearer token."""
    key, token = gateway.settings.metrics_key, bearer_token(request)
    if key is not None and not (token is not None and hmac.compare_digest(token, key.encode())):
        raise NotAuthorizedException(
            "Authorization: Bearer <GATEWAY_METRICS_KEY> required", headers={"WWW-Authenticate": "Bearer"}
        )
    await observe_backlogs(gateway.pool, gateway.settings.relay_grace)
    return prometheus_client.generate_latest()


def nested_too_deeply(request: Request[Any, Any, Any], exc: RecursionError) -> Response[ErrorBody]:
    """msgspec decodes recursively: thousands of nested arrays exhaust the stack before any depth check of ours."""
    return error(400, "Request body is nested too deeply", [{"key": "body"}])


def database_error(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    if not is_outage(exc):  # this request's own data, alone in its group by then (see Coalescer)
        log.warning("%s %s: PostgreSQL refused the data: %s", request.method, request.url.path, exc)
        return error(400, f"PostgreSQL refused the data: {exc}", [{"key": "body", "source": "body"}])
    log.warning("%s %s: PostgreSQL unavailable: %s", request.method, request.url.path, exc)
    if isinstance(exc, DatabaseTimeout) and request.method == "POST":
        detail = (
            "PostgreSQL did not answer in time: it may have been stored (or cancelled); retry with an Idempotency-Key"
        )
        return error(503, detail)
    return error(503, "PostgreSQL is unavailable, retry later")


class ApiKeys(AbstractAuthenticationMiddleware):
    """Bearer keys compared in constant time: `request.user` is the key's client, `request.auth` its fingerprint,
    kept with each row instead of the key. With no keys set, every caller is the default client."""

    def __init__(self, app: ASGIApp, api_keys: tuple[str, ...]) -> None:
        super().__init__(app, exclude=["^/health$", "^/metrics$", "^/docs"])  # anchored: an id "health" is no way in
        self.keys = [
            (key.encode(), AuthenticationResult(client, hashlib.sha256(key.encode()).hexdigest()[:8]))
            for client, key in map(client_and_key, api_keys)
        ]

    async def authenticate_request(self, connection: ASGIConnection[Any, Any, Any, Any]) -> AuthenticationResult:
        if not self.keys:
            return AuthenticationResult(DEFAULT_CLIENT, None)
        token, matched = bearer_token(connection), None
        for key, caller in self.keys:  # no early exit: every key is compared every time
            if token is not None and hmac.compare_digest(token, key):
                matched = caller
        if matched is None:
            raise NotAuthorizedException(
                "A valid API key is required: Authorization: Bearer <key>", headers={"WWW-Authenticate": "Bearer"}
            )
        return matched


# ── App factory ───────────────────────────────────────────────────────────────────────────────────


# Requests by route template (bounded labels); unmatched paths are left out, so random URLs add no series.
REQUEST_METRICS = PrometheusConfig(app_name="gateway", prefix="gateway", group_path=True, exclude_unhandled_paths=True)


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        if not settings.api_keys:
            log.warning("GATEWAY_API_KEYS is not set: the API is open to anyone who can reach it")
        if settings.callback_allow_private:
            log.warning("GATEWAY_CALLBACK_ALLOW_PRIVATE is set: callbacks may reach loopback and private addresses")
        pool = await open_database(settings)
        broker = Broker(settings)
        try:
            await broker.connect()
        except BaseException as exc:
            if isinstance(exc, TopologyClashError):  # for the operator to fix, in one line (see __main__)
                log.error("%s", exc)
            await broker.close()
            await pool.close()
            raise
        app.state.gateway = gateway = Gateway(settings, pool, broker)
        try:  # from here on the background tasks run: a failed start stops them too
            await StatusConsumer(pool, gateway.callbacks_due).start(broker)
            # What start-up built lives as long as the process: kept out of every later full collection, which
            # otherwise walked it about once a second under load (20 ms stalls, measured).
            gc.collect()
            gc.freeze()
            log.info("gateway ready: exchange %r", settings.exchange)
            yield
        finally:
            await gateway.stop()

    bearer: dict[str, Any] | None = (
        {"BearerAuth": SecurityScheme(type="http", scheme="bearer")} if settings.api_keys else None
    )
    api = [
        create_notification,
        create_notification_batch,
        read_notification,
        cancel_notification,
        list_callbacks,
        list_notifications_page,
    ]
    return Litestar(
        route_handlers=[
            Router("/", route_handlers=api, tags=["notifications"]),
            health,
            metrics,
            # Swagger UI's files from the installed package, not a CDN: /docs works offline and behind firewalls.
            create_static_files_router(DOCS_ASSETS, [swagger_ui_bundle.swagger_ui_path], include_in_schema=False),
        ],
        dependencies={"gateway": Provide(provide_gateway, sync_to_thread=False)},
        lifespan=[lifespan],
        middleware=[REQUEST_METRICS.middleware, DefineMiddleware(ApiKeys, api_keys=settings.api_keys)],
        request_class=StrictRequest,
        plugins=[StructSchemas()],
        exception_handlers={
            RecursionError: nested_too_deeply,
            psycopg.Error: database_error,
            psycopg_pool.PoolTimeout: database_error,
        },
        request_max_body_size=SINGLE_BODY_LIMIT,
        logging_config=None,  # logging is set up once, in __main__, for uvicorn and the gateway alike
        openapi_config=OpenAPIConfig(
            title="Notification Gateway",
            version="1.0.0",
            description="Accepts notifications, stores them in PostgreSQL and routes them through RabbitMQ to "
            "one queue per channel. Workers report delivery back on the `status` routing key.",
            path="/docs",
            use_handler_docstrings=True,
            render_plugins=[
                SwaggerRenderPlugin(
                    path="/",
                    js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
                    css_url=f"{DOCS_ASSETS}/swagger-ui.css",
                    standalone_preset_js_url=f"{DOCS_ASSETS}/swagger-ui-standalone-preset.js",
                    favicon=f"<link rel='icon' type='image/png' href='{DOCS_ASSETS}/favicon-32x32.png'>",
                )
            ],
            tags=[
                Tag(name="notifications", description="Send notifications and follow their delivery"),
                Tag(name="operations", description="Health, for load balancers and monitoring"),
            ],
            # The default for every operation, stated when it is none too, as linters ask; /health overrides it.
            security=[{"BearerAuth": []}] if settings.api_keys else [],
            components=Components(security_schemes=bearer),
        ),
    )


async def too_many_requests(scope: Scope, receive: Receive, send: Send) -> None:
    """The answer past REQUEST_LIMIT requests in flight, in place of the app."""
    body = msgspec.json.encode(ErrorBody(503, f"Over {REQUEST_LIMIT} requests in flight; retry shortly"))
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


class RefusedRequestError(Exception):
    """Raised in a parser callback to drop the rest of a read: its refusal is already on its way."""


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the bounds uvicorn has no setting for (its keep-alive timeout starts only
    after a first answer, and httptools buffers a head of any size): a request head must be whole within
    RECEIVE_TIMEOUT and HEAD_LIMIT bytes (else 431), a body must bring MIN_BODY_BYTES every RECEIVE_TIMEOUT, and an
    answer must not sit unread for SEND_TIMEOUT; the connection is closed otherwise."""

    deadline: asyncio.TimerHandle | None = None
    send_deadline: asyncio.TimerHandle | None = None
    head_room: int | None = HEAD_LIMIT  # bytes the head being received may still take; None within a body
    body_bytes = 0  # received in the current RECEIVE_TIMEOUT window of a body
    idle_bytes = 0  # received within a body without bringing any of it: chunk framing, trailer fields
    refusal: bytes | None = None  # the answer that ends this connection, once the requests before it are answered
    refused: RequestResponseCycle | None = None  # the request it refuses, if that one had begun (a bad body)

    def expect_within(self, seconds: float | None) -> None:
        """The one receive timer: the connection is closed unless the request moves on within `seconds`."""
        if self.deadline is not None:
            self.deadline.cancel()
        self.deadline = None if seconds is None else self.loop.call_later(seconds, self.on_deadline)

    def on_deadline(self) -> None:
        # A body that kept its pace, that uvicorn stopped reading until the app takes it, or that the client holds
        # back until the app asks for it (Expect: 100-continue), gets another window.
        waiting = self.flow.read_paused or (self.cycle is not None and self.cycle.waiting_for_100_continue)
        if self.head_room is None and (self.body_bytes >= MIN_BODY_BYTES or waiting):
            self.body_bytes = 0
            self.expect_within(RECEIVE_TIMEOUT)
        else:
            self.transport.close()

    def pause_writing(self) -> None:
        super().pause_writing()
        self.watch_send(None)

    def watch_send(self, unsent: int | None) -> None:
        """Aborts an answer whose unread part (the kernel's send queue included) has not shrunk in SEND_TIMEOUT;
        a client that keeps reading, however slowly, keeps its connection."""
        sock = self.transport.get_extra_info("socket")
        in_kernel = struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, bytes(4)))[0]
        now_unsent = self.transport.get_write_buffer_size() + in_kernel
        if unsent is not None and now_unsent >= unsent:
            self.transport.abort()  # close() would wait to flush it first
        else:
            self.send_deadline = self.loop.call_later(SEND_TIMEOUT, self.watch_send, now_unsent)

    def resume_writing(self) -> None:
        if self.send_deadline is not None:
            self.send_deadline.cancel()
        super().resume_writing()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]  # as uvicorn's
        super().connection_made(transport)
        self.expect_within(RECEIVE_TIMEOUT)

    def connection_lost(self, exc: Exception | None) -> None:
        self.expect_within(None)
        self.resume_writing()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.refusal is not None:  # the parser has stopped: nothing more is read
            return
        if self.deadline is None:  # bytes after a request (a blank line too, which llhttp skips): a head has begun
            self.expect_within(RECEIVE_TIMEOUT)
        # A head is fed no more bytes than it may take, so one that has not ended by then is refused before it grows.
        while self.head_room is not None and len(data) > self.head_room:
            head, data = data[: self.head_room], data[self.head_room :]
            self.head_room = 0
            super().data_received(head)
            if self.refusal is not None or self.transport.is_closing():
                return
            if self.head_room == 0:
                return self.refuse(431, HEAD_TOO_LARGE)
        if self.head_room is not None:
            self.head_room -= len(data)
        within_body, received = self.head_room is None, self.body_bytes
        super().data_received(data)
        if within_body and self.head_room is None and self.refusal is None:  # the same body still
            self.idle_bytes = 0 if self.body_bytes != received else self.idle_bytes + len(data)
            if self.idle_bytes > HEAD_LIMIT:
                self.refuse(431, f"Chunk framing and trailer fields larger than {HEAD_LIMIT // 1024} KiB", self.cycle)

    def send_400_response(self, msg: str) -> None:  # uvicorn's answers a request it cannot parse in plain text
        self.refuse(400, msg, self.cycle if self.head_room is None else None)

    def refuse(self, status: int, detail: str, began: RequestResponseCycle | None = None) -> None:
        """Ends the connection with an answer in the app's error format; HTTP answers in order, so it waits for
        the requests before the refused one (`began`, if its body was being read) to be answered."""
        if self.refusal is None:
            body = msgspec.json.encode(ErrorBody(status, detail))
            head = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nconnection: close\r\n"
            self.refusal = (
                f"{head}content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n".encode() + body
            )
            self.refused = began
            self.expect_within(None)  # the requests before it are bounded by their own deadlines
            self.answer_refusal()

    def answer_refusal(self) -> None:
        cycle = self.cycle
        answered = not self.pipeline and (cycle is None or cycle.response_complete or cycle is self.refused)
        if self.refusal is not None and answered and not self.transport.is_closing():
            self.transport.write(self.refusal)
            self.transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self.answer_refusal()

    def on_headers_complete(self) -> None:
        # Counted again from what was parsed: a head that began in the read that ended the request before it was
        # fed past `head_room`.
        if len(self.url) + sum(len(name) + len(value) + 3 for name, value in self.headers) > HEAD_LIMIT:  # `:`, CRLF
            self.refuse(431, HEAD_TOO_LARGE)
            raise RefusedRequestError
        if len(self.pipeline) >= PIPELINE_LIMIT:  # each waiting request holds its head and a task's worth of memory
            self.refuse(429, f"More than {PIPELINE_LIMIT} requests pipelined on one connection; send the rest anew")
            raise RefusedRequestError
        # Not uvicorn's limit_concurrency, which counts idle connections too (2,000 idle sockets made every request a
        # 503), and answers in plain text: only requests in flight count here. Not refuse() either: served as a
        # request, the 503 has no body for HEAD and is not logged as a parse error.
        app = self.app
        if len(self.tasks) >= REQUEST_LIMIT:
            self.app = too_many_requests
        try:
            super().on_headers_complete()  # a URL it cannot parse is refused here, before this request begins
        finally:
            self.app = app
        self.head_room, self.body_bytes, self.idle_bytes = None, 0, 0
        self.expect_within(RECEIVE_TIMEOUT)

    def on_body(self, body: bytes) -> None:
        self.body_bytes += len(body)
        super().on_body(body)

    def on_message_complete(self) -> None:
        self.expect_within(None)
        self.head_room = HEAD_LIMIT
        super().on_message_complete()


if __name__ == "__main__":
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # msgspec's validation errors too: one line naming the setting, not a traceback
        raise SystemExit(f"configuration: {exc}") from None
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # uvicorn logs a failed start with its traceback: for a TopologyClashError the lifespan's one line says it all.
    logging.getLogger("uvicorn.error").addFilter(lambda record: "TopologyClashError: " not in record.getMessage())
    # Every connection is an open file: a soft limit of 1,024 (Docker's default too) ran out under idle sockets.
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        loop="uvloop",  # with httptools: a quarter more requests per second than asyncio with h11, measured
        http=GuardedHttpToolsProtocol,
        access_log=False,
        proxy_headers=False,  # nothing here reads the client address; behind a proxy, set it there
        timeout_keep_alive=5,  # an idle client lets go of its connection
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN,
    )
