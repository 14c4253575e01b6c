"""Countries, themes and SDGs created with English and Russian names only get their names in every language.

Only languages without text are filled; names editors wrote stay as they are.
"""

from django.db import migrations


def fill_names(apps, schema_editor):
    from kurultai.core.taxonomy import fill_missing_names

    fill_missing_names(
        apps.get_model("core", "Country"), apps.get_model("core", "Theme"), apps.get_model("core", "SDG")
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0008_search_stems_and_synonyms")]

    operations = [migrations.RunPython(fill_names, migrations.RunPython.noop)]
