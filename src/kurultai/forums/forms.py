"""Forms of the public forum pages."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import country_filter, filter_field, theme_filter
from kurultai.forums.models import Addressee, Forum, Session
from kurultai.forums.outcome.document import OutcomeDocument, OutcomeError
from kurultai.forums.outcome.readers import MAX_BYTES, parse_document

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")
NUMBER = re.compile(r"[0-9]{1,18}")


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        return f"{obj.forum.year} · {obj.number}. {obj.title}"


class RecommendationFilterForm(forms.Form):
    """GET filters of the recommendation list; unknown values are reported, never a server error."""

    q = forms.CharField(label=_("Words"), max_length=200, required=False)
    forum = filter_field(Forum.objects.published(), "slug", _("Forum"), _("All forums"))
    session = filter_field(
        Session.objects.filter(forum__is_published=True)
        .select_related("forum")
        .order_by("-forum__start_date", "number"),
        "pk",
        _("Session"),
        _("All sessions"),
        field_class=SessionChoiceField,
    )
    theme = theme_filter()
    country = country_filter()
    addressee = filter_field(Addressee.objects.all(), "code", _("Addressed to"), _("Everyone"))

    FILTERS = {
        "forum": "forum",
        "session": "session",
        "theme": "themes",
        "country": "countries",
        "addressee": "addressees",
    }

    def __init__(self, *args, **kwargs) -> None:
        from kurultai.forums.panels import RECOMMENDATION_FILTERS

        super().__init__(*args, **kwargs)
        for name, extra in RECOMMENDATION_FILTERS.items():
            self.fields[name] = extra.field()
        self._narrow_sessions()

    def _narrow_sessions(self) -> None:
        """Sessions are chosen within a forum: the list offers the chosen forum's sessions, not every session of
        every edition (thousands of options once there are many forums); a session in the address stays valid."""
        data = self.data if self.is_bound else {}
        forum, session = str(data.get("forum") or ""), str(data.get("session") or "")
        field = self.fields["session"]
        if forum:  # a value that is no slug matches no forum (the forum field says so); never sent to the database
            found = field.queryset.filter(forum__slug=forum) if SLUG.fullmatch(forum) else field.queryset.none()
            field.queryset = found
        elif NUMBER.fullmatch(session):
            field.queryset = field.queryset.filter(pk=int(session))
        else:
            del self.fields["session"]  # nothing to choose from until a forum is chosen

    def filter(self, queryset):
        """Apply every filter that validated; invalid ones show their error instead."""
        from kurultai.forums.panels import RECOMMENDATION_FILTERS

        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        for name, lookup in self.FILTERS.items():
            value = cleaned.get(name)
            if value is not None and name not in self.errors:
                queryset = queryset.filter(**{lookup: value})
        for name, extra in RECOMMENDATION_FILTERS.items():
            value = cleaned.get(name)
            if value not in (None, "") and name not in self.errors:
                queryset = extra.apply(queryset, value)
        if cleaned.get("q"):
            from kurultai.core.search import matching_ids

            queryset = queryset.filter(pk__in=matching_ids(cleaned["q"], "recommendation"))
        return queryset

    @property
    def active(self) -> bool:
        """True when at least one filter is applied."""
        from kurultai.forums.panels import RECOMMENDATION_FILTERS

        return any(self.data.get(name) for name in [*self.FILTERS, *RECOMMENDATION_FILTERS, "q"])


class OutcomeUploadForm(forms.Form):
    """Step 1 of the import: the document and the language it is written in."""

    document = forms.FileField(
        label=_("Outcome document"),
        help_text=_("Markdown, plain text, DOCX or a text-based PDF, at most 10 MB."),
    )
    language = forms.ChoiceField(
        label=_("Language of the document"),
        choices=[("", _("Detect automatically")), *list(settings.LANGUAGES)],
        required=False,
    )

    def clean_document(self) -> OutcomeDocument:
        upload = self.cleaned_data["document"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."), code="too_large")
        try:
            return parse_document(upload.name, upload.read())
        except OutcomeError as exc:
            raise forms.ValidationError(str(exc), code="unreadable") from exc
