"""Following moves here from the follow-up app: every follow becomes a subscription, every notification stays."""

from django.db import migrations

FREQUENCIES = {"immediate", "daily", "weekly"}


def move(apps, schema_editor):
    Follow = apps.get_model("followup", "Follow")
    OldNotification = apps.get_model("followup", "Notification")
    Subscription = apps.get_model("notifications", "Subscription")
    Term = apps.get_model("notifications", "SubscriptionTerm")
    Notification = apps.get_model("notifications", "Notification")
    for follow in Follow.objects.select_related("user").order_by("pk").iterator():
        user = follow.user
        digest = user.email_digest
        subscription, created = Subscription.objects.get_or_create(
            user=user,
            signature=f"{follow.kind}={follow.key}",
            defaults={
                "dims": 1,
                "channels": [] if digest == "never" else ["email"],
                "frequency": digest if digest in FREQUENCIES else "daily",
                "language": user.preferred_language,
                "created_at": follow.created_at,
            },
        )
        if created:
            Term.objects.create(subscription=subscription, dimension=follow.kind, value=follow.key)
    Notification.objects.bulk_create(
        Notification(user_id=n.user_id, title=n.title, url=n.url, created_at=n.created_at, read_at=n.read_at)
        for n in OldNotification.objects.order_by("pk").iterator()
    )


def move_back(apps, schema_editor):
    Follow = apps.get_model("followup", "Follow")
    OldNotification = apps.get_model("followup", "Notification")
    Subscription = apps.get_model("notifications", "Subscription")
    Notification = apps.get_model("notifications", "Notification")
    for subscription in Subscription.objects.filter(user__isnull=False, dims=1).prefetch_related("terms"):
        for term in subscription.terms.all():
            if term.dimension in {"recommendation", "forum", "theme", "country"}:
                Follow.objects.get_or_create(user_id=subscription.user_id, kind=term.dimension, key=term.value)
    OldNotification.objects.bulk_create(
        OldNotification(user_id=n.user_id, title=n.title, url=n.url, created_at=n.created_at, read_at=n.read_at)
        for n in Notification.objects.filter(event__isnull=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_subscriptions_outbox_schedule"),
        ("followup", "0002_following_and_notifications"),
    ]

    operations = [migrations.RunPython(move, move_back)]
