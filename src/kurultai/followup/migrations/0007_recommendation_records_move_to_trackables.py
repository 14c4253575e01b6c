"""Every recommendation with follow-up records gets a trackable, and its records are attached to it."""

from django.db import migrations

MODELS = ("ResponsibleActor", "Response", "ProgressUpdate", "Assessment")


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Trackable = apps.get_model("followup", "Trackable")
    content_type, _created = ContentType.objects.get_or_create(app_label="forums", model="recommendation")
    recommendation_ids: set[int] = set()
    for name in MODELS:
        model = apps.get_model("followup", name)
        recommendation_ids |= set(
            model.objects.filter(trackable__isnull=True, recommendation__isnull=False).values_list(
                "recommendation_id", flat=True
            )
        )
    existing = set(
        Trackable.objects.filter(content_type=content_type, object_id__in=recommendation_ids).values_list(
            "object_id", flat=True
        )
    )
    Trackable.objects.bulk_create(
        [
            Trackable(kind="recommendation", content_type=content_type, object_id=pk)
            for pk in sorted(recommendation_ids - existing)
        ]
    )
    by_recommendation = dict(
        Trackable.objects.filter(content_type=content_type, object_id__in=recommendation_ids).values_list(
            "object_id", "pk"
        )
    )
    Update = apps.get_model("followup", "ProgressUpdate")
    for name in MODELS:
        model = apps.get_model("followup", name)
        for recommendation_id, trackable_id in by_recommendation.items():
            model.objects.filter(recommendation_id=recommendation_id, trackable__isnull=True).update(
                trackable_id=trackable_id
            )
    # The cached status is the newest update's, as the recommendation pages compute it.
    for trackable_id in by_recommendation.values():
        newest = (
            Update.objects.filter(trackable_id=trackable_id).order_by("-reported_on", "-created_at").values_list(
                "status", flat=True
            )[:1]
        )
        if newest:
            Trackable.objects.filter(pk=trackable_id).update(status=newest[0])


def backwards(apps, schema_editor):
    """Records keep their recommendation link; records of other kinds cannot exist without trackables and go."""
    Trackable = apps.get_model("followup", "Trackable")
    for name in MODELS:
        model = apps.get_model("followup", name)
        model.objects.filter(recommendation__isnull=True).delete()
        model.objects.update(trackable=None)
    Trackable.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0006_trackables_for_followed_subjects"),
        ("forums", "0002_addressee_acting_organisations"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
