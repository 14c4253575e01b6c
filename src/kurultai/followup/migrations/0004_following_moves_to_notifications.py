"""Follows and notifications now live in the notifications app (copied by its migration 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0003_recurrence_links"),
        ("notifications", "0002_follows_and_notifications_from_followup"),
    ]

    operations = [
        migrations.DeleteModel(name="Follow"),
        migrations.DeleteModel(name="Notification"),
    ]
