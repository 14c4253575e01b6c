"""State changes of the delivery system: subscribing, emitting events, fanning out, delivering.

Domain apps call :func:`emit` from their services; everything after that runs in background jobs.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from kurultai.core.audit import record
from kurultai.core.text import absolute_url
from kurultai.notifications.audit import NotificationAction
from kurultai.notifications.channels import PermanentFailure, Recipient, TemporaryFailure
from kurultai.notifications.models import Delivery, Event, Frequency, Notification, Subscription, SubscriptionTerm
from kurultai.notifications.registry import Message, channels, events, followable_for

logger = logging.getLogger(__name__)

FAN_OUT_BATCH = 1000
MAX_ATTEMPTS = 8
CLAIM_TIMEOUT = dt.timedelta(minutes=10)
UNSUBSCRIBE_SALT = "kurultai.notifications.unsubscribe"
DIRECT = "_to"  # event parameter: ids of people told directly, whatever they follow


class SubscriptionError(ValueError):
    """Terms or channels a person cannot subscribe with; the message says why."""


# --- Subscriptions -----------------------------------------------------------------------------


def normalise_terms(terms: dict[str, Iterable[str]]) -> dict[str, list[str]]:
    """Drop empty values, sort, dedupe: the same wish always gives the same terms."""
    clean = {}
    for dimension, values in terms.items():
        kept = sorted({str(v).strip()[:100] for v in values if str(v).strip()})
        if kept:
            clean[str(dimension)[:30]] = kept
    return dict(sorted(clean.items()))


def signature_of(terms: dict[str, list[str]]) -> str:
    return "|".join(f"{dim}={','.join(values)}" for dim, values in terms.items())[:500]


def subscribe(
    *,
    user: Any = None,
    address: str | None = None,
    language: str = "en",
    terms: dict[str, Iterable[str]],
    channels: list[str] | None = None,
    frequency: str | None = None,
) -> Subscription:
    """Follow one object or a filtered stream; the same terms twice return the existing subscription.

    Side effects: an audit entry for account holders.
    """
    clean = normalise_terms(terms)
    if not clean:
        raise SubscriptionError("Nothing to follow.")
    if user is None and not address:
        raise SubscriptionError("A subscription needs an account or an address.")
    chosen = _valid_channels(channels if channels is not None else default_channels(user))
    if frequency is None:
        frequency = _default_frequency(user)
    if frequency not in Frequency.values:
        raise SubscriptionError("Unknown frequency.")
    signature = signature_of(clean)
    owner = {"user": user} if user is not None else {"user": None, "address": address}
    existing = Subscription.objects.filter(signature=signature, **owner).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            subscription = Subscription.objects.create(
                signature=signature,
                dims=len(clean),
                channels=chosen,
                frequency=frequency,
                language=getattr(user, "preferred_language", None) or language,
                **owner,
            )
            SubscriptionTerm.objects.bulk_create(
                SubscriptionTerm(subscription=subscription, dimension=dim, value=value)
                for dim, values in clean.items()
                for value in values
            )
            if user is not None:
                record(user, NotificationAction.SUBSCRIBED, subscription, {"signature": signature})
    except IntegrityError:  # a double click: the first request created it
        return Subscription.objects.get(signature=signature, **owner)
    return subscription


def default_channels(user: Any) -> list[str]:
    """Email for account holders unless they asked for no email at all."""
    if user is None:
        return []
    return [] if getattr(user, "email_digest", "") == "never" else ["email"]


def _default_frequency(user: Any) -> str:
    value = getattr(user, "email_digest", Frequency.IMMEDIATE)
    return value if value in Frequency.values else Frequency.DAILY


def _valid_channels(names: Iterable[str]) -> list[str]:
    chosen = sorted({n for n in names if n in channels})
    unknown = set(names) - set(chosen)
    if unknown:
        raise SubscriptionError(f"Unknown channel: {', '.join(sorted(unknown))}")
    return chosen


@transaction.atomic
def update_subscription(subscription: Subscription, *, channels: list[str], frequency: str, actor: Any = None) -> None:
    """Change where and how often news of one subscription arrives."""
    if frequency not in Frequency.values:
        raise SubscriptionError("Unknown frequency.")
    subscription.channels = _valid_channels(channels)
    subscription.frequency = frequency
    subscription.save(update_fields=["channels", "frequency"])
    record(actor, NotificationAction.CHANGED, subscription, {"channels": subscription.channels, "frequency": frequency})


@transaction.atomic
def unsubscribe(subscription: Subscription, actor: Any = None) -> None:
    """Stop a subscription; news already written stays readable on the platform."""
    record(actor, NotificationAction.UNSUBSCRIBED, subscription, {})
    subscription.delete()


def follow_terms(obj: Any) -> dict[str, list[str]]:
    """The terms that follow one object ("forum=2021-almaty")."""
    followable = followable_for(obj)
    if followable is None:
        raise SubscriptionError("This cannot be followed.")
    return {followable.kind: [followable.key_of(obj)]}


def subscription_for(user: Any, terms: dict[str, list[str]]) -> Subscription | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Subscription.objects.filter(user=user, signature=signature_of(normalise_terms(terms))).first()


@transaction.atomic
def remove_channel(subscription_ids: Iterable[int], user_id: int, channel: str) -> int:
    """One-click unsubscribe: this channel stops for these subscriptions (all of the person's when none given)."""
    queryset = Subscription.objects.filter(user_id=user_id)
    ids = [i for i in subscription_ids if isinstance(i, int)]
    if ids:
        queryset = queryset.filter(pk__in=ids)
    changed = 0
    for subscription in queryset.select_for_update():
        if channel in subscription.channels:
            subscription.channels = [c for c in subscription.channels if c != channel]
            subscription.save(update_fields=["channels"])
            changed += 1
    Delivery.objects.filter(user_id=user_id, channel=channel, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SKIPPED, last_error="unsubscribed"
    )
    record(None, NotificationAction.CHANNEL_REMOVED, None, {"user": user_id, "channel": channel, "count": changed})
    return changed


def unsubscribe_token(user_id: int, channel: str, subscription_ids: Iterable[int] = ()) -> str:
    return signing.dumps({"u": user_id, "c": channel, "s": sorted(set(subscription_ids))}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict[str, Any] | None:
    """The token's content, or None when it was tampered with."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("c"), str):
        return None
    return data


def unsubscribe_url(user_id: int, channel: str, subscription_ids: Iterable[int], language: str) -> str:
    token = unsubscribe_token(user_id, channel, subscription_ids)
    with translation.override(language):
        return absolute_url(reverse("notifications:unsubscribe", args=[token]))


# --- Events and fan-out ------------------------------------------------------------------------


def emit(
    code: str,
    obj: Any,
    *,
    actor: Any = None,
    topics: dict[str, Iterable[Any]] | None = None,
    params: dict[str, Any] | None = None,
    recipients: Iterable[Any] = (),
) -> Event:
    """Record that something happened; followers (and ``recipients``, people it concerns directly, such as an
    organisation's administrators) are found and told in a background job after commit."""
    if code not in events:
        raise ValueError(f"Unknown event type {code!r}")
    params = dict(params or {})
    direct = sorted({getattr(r, "pk", r) for r in recipients})
    if direct:
        params[DIRECT] = direct
    event = Event.objects.create(
        code=code,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        topics=normalise_terms({k: [str(v) for v in vs] for k, vs in (topics or {}).items()}),
        params=params,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    from kurultai.notifications.tasks import fan_out_event

    transaction.on_commit(lambda: fan_out_event.enqueue(event.pk))
    return event


def matching_subscriptions(topics: dict[str, list[str]]) -> QuerySet[Subscription]:
    """Subscriptions whose every dimension has a value among the event's topics (one query)."""
    term_match = Q()
    for dimension, values in topics.items():
        term_match |= Q(dimension=dimension, value__in=values)
    if not term_match:
        return Subscription.objects.none()
    hit = Q()
    for dimension, values in topics.items():
        hit |= Q(terms__dimension=dimension, terms__value__in=values)
    return (
        Subscription.objects.filter(pk__in=SubscriptionTerm.objects.filter(term_match).values("subscription_id"))
        .annotate(hits=Count("terms__dimension", filter=hit, distinct=True))
        .filter(hits=F("dims"))
    )


def next_digest_time(frequency: str, now: dt.datetime) -> dt.datetime:
    """When a daily or weekly digest holding news from ``now`` goes out (the digest hour, Mondays for weekly)."""
    if frequency == Frequency.IMMEDIATE:
        return now
    local = timezone.localtime(now)
    due = local.replace(hour=settings.DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if due <= local:
        due += dt.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        due += dt.timedelta(days=(7 - due.weekday()) % 7)
    return due


def fan_out(event_id: int) -> int:
    """Write a notification per member and a delivery per person × channel; returns the number of deliveries.

    Queries are constant per batch of subscriptions; uniqueness constraints make a rerun harmless.
    Side effects: ``event_created`` signal (public channels), a delivery drain job.
    """
    from kurultai.notifications.signals import event_created

    event = Event.objects.filter(pk=event_id, fanned_out_at__isnull=True).first()
    if event is None:
        return 0
    now = timezone.now()
    rendered: dict[str, Message] = {}
    created = 0
    matches = matching_subscriptions(event.topics).filter(
        Q(user__isnull=True) | Q(user__is_active=True, user__erased_at__isnull=True)
    )
    if event.actor_id:
        matches = matches.exclude(user_id=event.actor_id)
    last = 0
    while True:
        batch = list(
            matches.filter(pk__gt=last)
            .order_by("pk")
            .values("pk", "user_id", "address", "language", "channels", "frequency", "user__preferred_language")[
                :FAN_OUT_BATCH
            ]
        )
        if not batch:
            break
        last = batch[-1]["pk"]
        created += _write_batch(event, batch, rendered, now)
    created += _write_batch(event, _direct_rows(event), rendered, now)
    Event.objects.filter(pk=event.pk).update(fanned_out_at=now)
    event_created.send(sender=Event, event=event)
    from kurultai.notifications.tasks import drain_deliveries

    transaction.on_commit(lambda: drain_deliveries.enqueue())
    return created


def _direct_rows(event: Event) -> list[dict[str, Any]]:
    """People an event concerns directly get it at once on every channel they can be reached on."""
    from kurultai.accounts.models import User

    ids = [i for i in event.params.get(DIRECT, []) if i != event.actor_id]
    rows = []
    for user in User.objects.filter(pk__in=ids, is_active=True, erased_at__isnull=True):
        reachable = [c.key for c in channels if c.address_for(user)]
        rows.append(
            {
                "pk": None,
                "user_id": user.pk,
                "address": "",
                "language": user.preferred_language,
                "channels": reachable,
                "frequency": Frequency.IMMEDIATE,
                "user__preferred_language": user.preferred_language,
            }
        )
    return rows


def _write_batch(event: Event, batch: list[dict[str, Any]], rendered: dict[str, Message], now: dt.datetime) -> int:
    notifications: dict[int, Notification] = {}
    deliveries: dict[tuple[Any, str], Delivery] = {}
    for row in batch:
        language = row["user__preferred_language"] or row["language"]
        if language not in rendered:
            rendered[language] = event.render(language)
        message = rendered[language]
        user_id = row["user_id"]
        if user_id and user_id not in notifications:
            notifications[user_id] = Notification(
                user_id=user_id,
                event=event,
                title=message.title[:300],
                text=message.text[:500],
                url=message.path[:300],
                created_at=now,
            )
        for channel in row["channels"]:
            key = (user_id or f"@{row['address']}", channel)
            frequency = row["frequency"]
            current = deliveries.get(key)
            if current is not None:
                if row["pk"]:
                    current.subscription_ids.append(row["pk"])
                if _rank(frequency) < _rank(current.frequency):
                    current.frequency, current.due_at = frequency, next_digest_time(frequency, now)
                continue
            deliveries[key] = Delivery(
                event=event,
                user_id=user_id,
                address="" if user_id else row["address"],
                channel=channel,
                language=language,
                frequency=frequency,
                subscription_ids=[row["pk"]] if row["pk"] else [],
                due_at=next_digest_time(frequency, now),
                next_attempt_at=now,
                created_at=now,
            )
    Notification.objects.bulk_create(notifications.values(), ignore_conflicts=True)
    Delivery.objects.bulk_create(deliveries.values(), ignore_conflicts=True)
    return len(deliveries)


def _rank(frequency: str) -> int:
    return [Frequency.IMMEDIATE, Frequency.DAILY, Frequency.WEEKLY].index(frequency)


# --- Delivery ----------------------------------------------------------------------------------


def drain(now: dt.datetime | None = None, limit: int = 500) -> dict[str, int]:
    """Send what is due: single messages, and one digest per person × channel; failures back off and retry.

    Side effects: messages on every channel; delivery rows updated.
    """
    now = now or timezone.now()
    Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT).update(
        status=Delivery.Status.PENDING, claim=""
    )
    due = Delivery.objects.filter(status=Delivery.Status.PENDING, due_at__lte=now, next_attempt_at__lte=now)
    ids = list(due.order_by("due_at", "pk").values_list("pk", flat=True)[:limit])
    claim = uuid.uuid4().hex
    Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SENDING, claim=claim, claimed_at=now
    )
    claimed = list(
        Delivery.objects.filter(claim=claim, status=Delivery.Status.SENDING)
        .select_related("event", "user")
        .order_by("due_at", "pk")
    )
    groups: dict[tuple[Any, ...], list[Delivery]] = defaultdict(list)
    for delivery in claimed:
        if delivery.frequency == Frequency.IMMEDIATE:
            groups[("one", delivery.pk)].append(delivery)
        else:
            who = delivery.user_id or f"@{delivery.address}"
            groups[(who, delivery.channel, delivery.frequency)].append(delivery)
    counts: dict[str, int] = defaultdict(int)
    cache: dict[tuple[int, str], Message] = {}
    for group in groups.values():
        counts[_send_group(group, now, cache)] += 1
    return dict(counts)


def _send_group(group: list[Delivery], now: dt.datetime, cache: dict[tuple[int, str], Message]) -> str:
    first = group[0]
    ids = [d.pk for d in group]
    channel = channels.get(first.channel)
    user = first.user
    language = (user.preferred_language if user else first.language) or "en"
    address = first.address or (channel.address_for(user) if channel and user else None)
    if channel is None or not address:
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SKIPPED, last_error="channel not available for this person", claim=""
        )
        return "skipped"
    # A chat followed both through an account and without one gets each event once.
    already = set(
        Delivery.objects.filter(
            event_id__in=[d.event_id for d in group],
            channel=first.channel,
            address=address,
            status=Delivery.Status.SENT,
        ).values_list("event_id", flat=True)
    )
    if already:
        repeated = [d.pk for d in group if d.event_id in already]
        Delivery.objects.filter(pk__in=repeated).update(
            status=Delivery.Status.SKIPPED, last_error="already sent to this address", claim=""
        )
        group = [d for d in group if d.event_id not in already]
        ids = [d.pk for d in group]
        if not group:
            return "skipped"
    messages = []
    for delivery in group:
        key = (delivery.event_id, language)
        if key not in cache:
            cache[key] = delivery.event.render(language)
        messages.append(cache[key])
    subscription_ids = sorted({i for d in group for i in d.subscription_ids})
    recipient = Recipient(
        user_id=first.user_id,
        subscription_ids=tuple(subscription_ids),
        # Messages people get because of a subscription can be stopped in one click; direct ones are not lists.
        unsubscribe_url=unsubscribe_url(first.user_id, first.channel, subscription_ids, language)
        if first.user_id and subscription_ids
        else "",
    )
    digest = None if first.frequency == Frequency.IMMEDIATE else first.frequency
    try:
        channel.send(address, language, messages, digest, recipient=recipient)
    except PermanentFailure as exc:
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.FAILED, last_error=str(exc)[:500], attempts=F("attempts") + 1, claim=""
        )
        channel.deactivate(address)
        logger.warning("Delivery %s on %s failed for good: %s", ids, first.channel, exc)
        return "failed"
    except Exception as exc:
        retry_after = getattr(exc, "retry_after", None) if isinstance(exc, TemporaryFailure) else None
        attempts = first.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            status, when = Delivery.Status.FAILED, now
        else:
            status = Delivery.Status.PENDING
            when = now + dt.timedelta(seconds=max(retry_after or 0, 60 * 2 ** (attempts - 1)))
        Delivery.objects.filter(pk__in=ids).update(
            status=status,
            attempts=attempts,
            next_attempt_at=when,
            last_error=str(exc)[:500] or type(exc).__name__,
            claim="",
        )
        logger.warning("Delivery %s on %s failed (attempt %d): %s", ids, first.channel, attempts, exc)
        return "retry" if status == Delivery.Status.PENDING else "failed"
    Delivery.objects.filter(pk__in=ids).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), claim="", address=address[:100]
    )
    return "sent"


@transaction.atomic
def retry_deliveries(actor: Any, ids: list[int]) -> int:
    """An administrator sends failed or waiting deliveries again now. Side effects: an audit entry."""
    count = Delivery.objects.filter(
        pk__in=ids, status__in=[Delivery.Status.FAILED, Delivery.Status.PENDING, Delivery.Status.SKIPPED]
    ).update(status=Delivery.Status.PENDING, next_attempt_at=timezone.now(), attempts=0, claim="")
    record(actor, NotificationAction.RETRIED, None, {"deliveries": ids[:100], "count": count})
    return count


@transaction.atomic
def mark_read(user: Any) -> int:
    """Opening the notifications page marks everything read."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
