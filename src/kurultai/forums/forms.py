"""Forms of the public forum pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.forums.models import Addressee, Forum, Session


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        return f"{obj.forum.year} · {obj.number}. {obj.title}"


class RecommendationFilterForm(forms.Form):
    """GET filters of the recommendation list; unknown values are reported, never a server error."""

    forum = forms.ModelChoiceField(
        queryset=Forum.objects.published(), to_field_name="slug", required=False, label=_("Forum"),
        empty_label=_("All forums"),
    )
    session = SessionChoiceField(
        queryset=Session.objects.filter(forum__is_published=True).select_related("forum").order_by(
            "-forum__start_date", "number"
        ),
        required=False,
        label=_("Session"),
        empty_label=_("All sessions"),
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False, label=_("Theme"),
        empty_label=_("All themes"),
    )
    country = forms.ModelChoiceField(
        queryset=Country.objects.all(), to_field_name="code", required=False, label=_("Country"),
        empty_label=_("All countries"),
    )
    addressee = forms.ModelChoiceField(
        queryset=Addressee.objects.all(), to_field_name="code", required=False, label=_("Addressed to"),
        empty_label=_("Everyone"),
    )

    FILTERS = {
        "forum": "forum",
        "session": "session",
        "theme": "themes",
        "country": "countries",
        "addressee": "addressees",
    }

    def filter(self, queryset):
        """Apply every filter that validated; invalid ones show their error instead."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        for name, lookup in self.FILTERS.items():
            value = cleaned.get(name)
            if value is not None and name not in self.errors:
                queryset = queryset.filter(**{lookup: value})
        return queryset

    @property
    def active(self) -> bool:
        """True when at least one filter is applied."""
        return any(self.data.get(name) for name in self.FILTERS)
