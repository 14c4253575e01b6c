import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_taxonomy_names_in_every_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ModerationReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("label", models.CharField(max_length=100, verbose_name="kind of content")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="record")),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("personal_attack", "Personal attack"),
                            ("hate", "Hate speech or discrimination"),
                            ("spam", "Spam or advertising"),
                            ("off_topic", "Off topic"),
                            ("private_data", "Someone's private data"),
                            ("illegal", "Illegal content"),
                            ("other", "Something else"),
                        ],
                        max_length=20,
                        verbose_name="reason",
                    ),
                ),
                ("details", models.TextField(blank=True, max_length=1000, verbose_name="details")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Open"), ("upheld", "Content hidden"), ("dismissed", "Dismissed")],
                        db_index=True,
                        default="open",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="reported")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reporter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "moderation report",
                "verbose_name_plural": "moderation reports",
                "ordering": ["created_at", "pk"],
                "indexes": [models.Index(fields=["label", "object_id"], name="moderation_report_target")],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "open")),
                        fields=("label", "object_id", "reporter"),
                        name="one_open_report_per_person",
                    )
                ],
            },
        ),
    ]
