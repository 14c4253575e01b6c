from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_audit_entries_hold_ids_only'),
    ]

    operations = [
        migrations.CreateModel(
            name='CacheEntry',
            fields=[
                ('cache_key', models.CharField(max_length=255, primary_key=True, serialize=False)),
                ('value', models.TextField()),
                ('expires', models.DateTimeField(db_index=True)),
            ],
            options={
                'verbose_name': 'cache entry',
                'verbose_name_plural': 'cache entries',
                'db_table': 'kurultai_cache',
            },
        ),
    ]
