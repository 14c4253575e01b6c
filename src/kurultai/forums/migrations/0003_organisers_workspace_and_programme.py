import django.db.models.deletion
import kurultai.core.multilingual
import kurultai.core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('forums', '0002_addressee_acting_organisations'),
        ('organisations', '0002_organisation_proposals_and_message_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='forum',
            name='time_zone',
            field=models.CharField(blank=True, help_text="Session times are entered and shown on this clock, e.g. Asia/Bishkek. Empty: the host country's.", max_length=64, verbose_name='time zone'),
        ),
        migrations.AddField(
            model_name='session',
            name='format',
            field=models.CharField(blank=True, choices=[('in_person', 'In person'), ('online', 'Online'), ('hybrid', 'Hybrid (in person and online)')], max_length=20, verbose_name='format'),
        ),
        migrations.AddField(
            model_name='session',
            name='track',
            field=models.CharField(blank=True, help_text='Sessions at the same time in different tracks are shown side by side.', max_length=100, verbose_name='track'),
        ),
        migrations.AddField(
            model_name='speaker',
            name='bio',
            field=kurultai.core.multilingual.TranslatedField(blank=True, max_length=1500, multiline=True, verbose_name='short biography'),
        ),
        migrations.AddField(
            model_name='speaker',
            name='content_type',
            field=models.CharField(blank=True, max_length=50, verbose_name='photo type'),
        ),
        migrations.AddField(
            model_name='speaker',
            name='organisation',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='forum_speakers', to='organisations.organisation', verbose_name='organisation in the directory'),
        ),
        migrations.AddField(
            model_name='speaker',
            name='photo',
            field=models.FileField(blank=True, upload_to=kurultai.core.uploads.GeneratedName('forums/speakers'), verbose_name='photo'),
        ),
        migrations.AddField(
            model_name='speaker',
            name='photo_alt',
            field=kurultai.core.multilingual.TranslatedField(blank=True, help_text='What the photo shows, for people who cannot see it.', max_length=300, verbose_name='photo description'),
        ),
        migrations.AlterField(
            model_name='appearance',
            name='role',
            field=models.CharField(choices=[('opening', 'Opening remarks'), ('keynote', 'Keynote speaker'), ('moderator', 'Moderator'), ('speaker', 'Speaker'), ('panellist', 'Panellist'), ('rapporteur', 'Rapporteur')], default='speaker', max_length=20, verbose_name='role'),
        ),
        migrations.AlterField(
            model_name='forum',
            name='is_published',
            field=models.BooleanField(default=True, help_text="A draft is seen only by the forum's organisers.", verbose_name='published'),
        ),
        migrations.AlterField(
            model_name='session',
            name='online_url',
            field=models.URLField(blank=True, help_text='Never shown publicly: only organisers and online participants.', verbose_name='online link'),
        ),
        migrations.AlterField(
            model_name='speaker',
            name='organisation_name',
            field=kurultai.core.multilingual.TranslatedField(blank=True, help_text='When the organisation is not in the directory.', max_length=300, verbose_name='organisation'),
        ),
        migrations.AddConstraint(
            model_name='session',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__isnull', True), ('starts_at__isnull', True), ('ends_at__gt', models.F('starts_at')), _connector='OR'), name='session_ends_after_start'),
        ),
    ]
