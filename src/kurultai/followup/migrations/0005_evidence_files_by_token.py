"""Evidence files are addressed by a random token and stored under generated names.

Existing evidence gets a token each; existing files are moved to generated names with the extension
of their checked type (a file that was uploaded as ``x.html`` keeps no such name on disk).
"""

import uuid

import kurultai.core.uploads
from django.db import migrations, models


def give_tokens(apps, schema_editor):
    Evidence = apps.get_model("followup", "Evidence")
    for evidence in Evidence.objects.using(schema_editor.connection.alias).filter(token__isnull=True).iterator():
        evidence.token = uuid.uuid4()
        evidence.save(update_fields=["token"])


def rename_files(apps, schema_editor):
    from django.core.files.storage import default_storage

    from kurultai.core.uploads import extension_for, generated_name

    Evidence = apps.get_model("followup", "Evidence")
    for evidence in Evidence.objects.using(schema_editor.connection.alias).exclude(file="").iterator():
        old = evidence.file.name
        if old.startswith("evidence/") and old.endswith(extension_for(evidence.content_type)) and len(
            old.rsplit("/", 1)[-1]
        ) == 32 + len(extension_for(evidence.content_type)):
            continue  # already a generated name
        if not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as source:
            new = default_storage.save(generated_name("evidence", evidence.content_type), source)
        evidence.file.name = new
        evidence.save(update_fields=["file"])
        default_storage.delete(old)


class Migration(migrations.Migration):

    dependencies = [
        ('followup', '0004_following_moves_to_notifications'),
    ]

    operations = [
        migrations.AddField(
            model_name='evidence',
            name='token',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='evidence',
            name='token',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name='evidence',
            name='file',
            field=models.FileField(blank=True, upload_to=kurultai.core.uploads.GeneratedName('evidence'), verbose_name='file'),
        ),
        migrations.RunPython(rename_files, migrations.RunPython.noop),
    ]
