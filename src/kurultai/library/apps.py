from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "kurultai.library"
    label = "library"
    verbose_name = _("Publications")

    def ready(self) -> None:
        from kurultai.library import searchable

        searchable.connect()
        from kurultai.knowledge import hub
        from kurultai.library.models import Interview, Publication, PublicationType, ResearchProject

        hub.register_hub("library", _("Publications and research"))
        hub.register_type("publication", _("Publication"))
        for code, label in PublicationType.choices:
            hub.register_type(f"publication:{code}", label)
        hub.register_section(
            _("Publications"),
            "library:publications",
            lambda: Publication.objects.published().count(),
            description=_("Monographs, research reports, policy briefs, articles, training materials and data."),
            order=10,
        )
        hub.register_section(
            _("Expert interviews"),
            "library:interviews",
            lambda: Interview.objects.published().count(),
            description=_("What experts of the region said, with transcripts in several languages."),
            order=20,
        )
        hub.register_section(
            _("Research projects"),
            "library:projects",
            lambda: ResearchProject.objects.filter(is_published=True).count(),
            description=_("Studies with their interviews, publications and the events where they were presented."),
            order=30,
        )
