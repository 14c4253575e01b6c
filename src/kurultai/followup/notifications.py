"""Following and notifications: in-app always; by email at once or as one daily or weekly digest."""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kurultai.followup.models import Follow, Notification
from kurultai.forums.models import Recommendation

logger = logging.getLogger(__name__)


def followers(rec: Recommendation) -> Any:
    """People following the recommendation, its forum, one of its themes or one of its countries."""
    from kurultai.accounts.models import User

    query = (
        Q(kind=Follow.Kind.RECOMMENDATION, key=str(rec.pk))
        | Q(kind=Follow.Kind.FORUM, key=rec.forum.slug)
        | Q(kind=Follow.Kind.THEME, key__in=[t.slug for t in rec.themes.all()])
        | Q(kind=Follow.Kind.COUNTRY, key__in=[c.code for c in rec.countries.all()])
    )
    return User.objects.filter(
        pk__in=Follow.objects.filter(query).values("user_id"), is_active=True, erased_at__isnull=True
    )


def notify(rec: Recommendation, message: str, actor: Any = None, **params: Any) -> int:
    """Tell every follower (but the author) about a response or update on ``rec``."""
    created = []
    for user in followers(rec).exclude(pk=getattr(actor, "pk", None)):
        with translation.override(user.preferred_language):
            title = _(message) % {"reference": rec.reference, **{k: str(v) for k, v in params.items()}}
        notification = Notification.objects.create(user=user, title=title[:300], url=rec.get_absolute_url())
        created.append(notification)
        if user.email_digest == user.Digest.IMMEDIATE:
            transaction.on_commit(lambda n=notification: send_immediately(n.pk))
    return len(created)


def send_immediately(notification_id: int) -> None:
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    if notification.emailed_at:
        return
    with translation.override(notification.user.preferred_language):
        send_mail(
            notification.title, _("Read more: %(url)s") % {"url": notification.url}, None, [notification.user.email]
        )
    Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def send_digests(frequency: str) -> int:
    """One email per person with everything not yet emailed; returns how many emails went out."""
    from kurultai.accounts.models import User

    sent = 0
    users = User.objects.filter(
        email_digest=frequency, is_active=True, erased_at__isnull=True, notifications__emailed_at__isnull=True
    ).distinct()
    for user in users:
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update()
                .filter(user=user, emailed_at__isnull=True)
                .order_by("created_at")
            )
            if not pending:
                continue
            with translation.override(user.preferred_language):
                subject = ngettext(
                    "Kurultai: %(count)d news on what you follow",
                    "Kurultai: %(count)d news on what you follow",
                    len(pending),
                ) % {"count": len(pending)}
                body = "\n\n".join(f"• {n.title}\n  {n.url}" for n in pending)
                body += "\n\n" + _("Change how often we write to you on your profile page.")
            send_mail(subject, body, None, [user.email])
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
            sent += 1
    logger.info("Sent %d %s digests", sent, frequency)
    return sent
