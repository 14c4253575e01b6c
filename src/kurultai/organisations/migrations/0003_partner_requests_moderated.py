import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_organisation_proposals_and_message_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="partnerrequest",
            name="hidden_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="hidden"),
        ),
        migrations.AddField(
            model_name="partnerrequest",
            name="hidden_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="partnerrequest",
            name="hidden_reason",
            field=models.CharField(blank=True, max_length=500, verbose_name="reason for hiding"),
        ),
    ]
