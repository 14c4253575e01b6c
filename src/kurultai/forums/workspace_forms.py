"""Forms of the organisers' workspace: series, editions, sessions, speakers, session roles and quick tagging."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, SearchableFormMixin, SearchableModelChoiceField
from kurultai.core.models import SDG, Country, Theme
from kurultai.forums.models import Addressee, Appearance, Forum, ForumSeries, Session, Speaker, valid_time_zone
from kurultai.organisations.models import Organisation

# Paths under /forums/ that a forum's address must not take.
RESERVED_SLUGS = {"workspace", "speakers", "feed", "calendar"}


class SeriesForm(SafeChoicesMixin, forms.ModelForm):
    class Meta:
        model = ForumSeries
        fields = ["slug", "title", "short_title", "description", "position"]


class ForumForm(SafeChoicesMixin, forms.ModelForm):
    """An edition's facts; the time zone is an IANA name, checked."""

    class Meta:
        model = Forum
        fields = [
            "series",
            "number",
            "slug",
            "title",
            "theme",
            "city",
            "country",
            "start_date",
            "end_date",
            "date_precision",
            "format",
            "time_zone",
            "concept",
            "organisers",
            "participants_count",
            "themes",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "themes": forms.CheckboxSelectMultiple,
        }
        labels = {"concept": _("Description")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["start_date"].widget.format = "%Y-%m-%d"
        self.fields["end_date"].widget.format = "%Y-%m-%d"

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is reserved; choose another."))
        return slug

    def clean_time_zone(self) -> str:
        zone = (self.cleaned_data.get("time_zone") or "").strip()
        if zone and not valid_time_zone(zone):
            raise forms.ValidationError(_("Unknown time zone; use a name such as Asia/Bishkek."))
        return zone

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The forum cannot end before it starts."))
        return data


class SessionForm(SafeChoicesMixin, forms.ModelForm):
    """A session; its day and times are typed on the forum's clock and stored as moments."""

    day = forms.DateField(label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(
        label=_("Starts at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label=_("Ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    class Meta:
        model = Session
        fields = ["number", "title", "purpose", "room", "format", "track", "online_url", "themes"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, forum: Forum, *args: Any, **kwargs: Any) -> None:
        self.forum = forum
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(forum.zone)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["day"].widget.format = "%Y-%m-%d"
        help_text = _("On the forum's clock (%(zone)s).") % {"zone": forum.zone}
        self.fields["start"].help_text = help_text
        self.fields["end"].help_text = help_text
        self.order_fields(["number", "title", "purpose", "day", "start", "end"])
        if self.instance.pk and self.instance.starts_at:
            local = self.instance.starts_at.astimezone(self.zone)
            self.initial.update(day=local.date(), start=local.time().replace(second=0, microsecond=0))
            if self.instance.ends_at:
                self.initial["end"] = self.instance.ends_at.astimezone(self.zone).time().replace(second=0)
        elif not self.instance.pk:
            self.initial.setdefault("day", forum.start_date)
            taken = set(forum.sessions.values_list("number", flat=True))
            self.initial.setdefault("number", next(n for n in range(1, len(taken) + 2) if n not in taken))

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        others = self.forum.sessions.exclude(pk=self.instance.pk) if self.instance.pk else self.forum.sessions
        if others.filter(number=number).exists():
            raise forms.ValidationError(_("Another session of this forum has this number."))
        return number

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        data["starts_at"] = data["ends_at"] = None
        if (start or end) and not day:
            self.add_error("day", _("Choose the day of the session."))
            return data
        if end and not start:
            self.add_error("start", _("Give the start time as well as the end time."))
            return data
        if day:
            forum = self.forum
            if forum.date_precision == Forum.DatePrecision.DAY and not forum.start_date <= day <= forum.last_day:
                from kurultai.core.templatetags.kurultai import date_range

                self.add_error(
                    "day",
                    _("The session must take place within the forum's dates (%(dates)s).")
                    % {"dates": date_range(forum.start_date, forum.end_date)},
                )
                return data
            if start:
                data["starts_at"] = dt.datetime.combine(day, start, tzinfo=self.zone)
            if end:
                if start and end <= start:
                    self.add_error("end", _("The session must end after it starts."))
                    return data
                data["ends_at"] = dt.datetime.combine(day, end, tzinfo=self.zone)
        return data


def organisation_field() -> SearchableModelChoiceField:
    return SearchableModelChoiceField(
        Organisation.objects.listed().order_by("slug"),
        search_kind="organisation",
        label=_("Organisation in the directory"),
        required=False,
    )


class SpeakerForm(SearchableFormMixin, SafeChoicesMixin, forms.ModelForm):
    """A speaker: name, position, affiliation (from the directory or typed), short biography and photo."""

    organisation = organisation_field()
    photo = forms.FileField(
        label=_("Photo"), required=False, help_text=_("JPEG, PNG or WebP; it is resized to 480 pixels.")
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    class Meta:
        model = Speaker
        fields = ["name", "position", "organisation", "organisation_name", "bio", "photo_alt"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["name", "position", "organisation", "organisation_name", "bio", "photo", "photo_alt"])
        if not (self.instance.pk and self.instance.photo):
            del self.fields["remove_photo"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        alt = data.get("photo_alt")
        has_alt = bool(alt and any(str(v).strip() for v in dict(alt).values() if isinstance(v, str)))
        keeps_photo = bool(self.instance.pk and self.instance.photo and not data.get("remove_photo"))
        if (data.get("photo") or keeps_photo) and not has_alt:
            self.add_error("photo_alt", _("Describe the photo for people who cannot see it."))
        return data


class RoleForm(SafeChoicesMixin, forms.Form):
    """Give a speaker a role in a session."""

    speaker = forms.ModelChoiceField(Speaker.objects.all(), label=_("Speaker"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (code, label)
            for code, label in Appearance.Role.choices
            if code in ("moderator", "speaker", "rapporteur", "panellist", "keynote")
        ],
        initial="speaker",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = Speaker.objects.select_related("organisation").order_by("id")


class CodesField(forms.CharField):
    """Codes separated by commas or spaces (theme slugs, country codes, SDG numbers); each must exist."""

    def __init__(self, lookup: Any, label: Any, **kwargs: Any) -> None:
        self.lookup = lookup
        super().__init__(label=label, required=False, max_length=500, **kwargs)

    def clean(self, value: Any) -> list[Any]:
        text = super().clean(value)
        codes = [c for c in text.replace(",", " ").split() if c]
        known = self.lookup()
        unknown = [c for c in codes if c.lower() not in known]
        if unknown:
            raise forms.ValidationError(
                _("Unknown: %(codes)s. Use the codes listed above the table.") % {"codes": ", ".join(unknown[:5])[:200]}
            )
        seen: dict[Any, Any] = {}
        for c in codes:
            obj = known[c.lower()]
            seen.setdefault(obj.pk, obj)
        return list(seen.values())


def _themes() -> dict[str, Any]:
    return {t.slug.lower(): t for t in Theme.objects.all()}


def _countries() -> dict[str, Any]:
    return {c.code.lower(): c for c in Country.objects.all()}


def _addressees() -> dict[str, Any]:
    return {a.code.lower(): a for a in Addressee.objects.all()}


def _sdgs() -> dict[str, Any]:
    return {str(g.number): g for g in SDG.objects.all()}


class TagLookups:
    """The four vocabularies, read once per page rather than once per row."""

    def __init__(self) -> None:
        self.themes, self.countries, self.addressees, self.sdgs = _themes(), _countries(), _addressees(), _sdgs()


class TagRowForm(forms.Form):
    """One recommendation's tags as codes."""

    def __init__(self, lookups: TagLookups, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"] = CodesField(lambda: lookups.themes, _("Themes"))
        self.fields["countries"] = CodesField(lambda: lookups.countries, _("Countries"))
        self.fields["addressees"] = CodesField(lambda: lookups.addressees, _("Addressed to"))
        self.fields["sdgs"] = CodesField(lambda: lookups.sdgs, _("SDGs"))

    @staticmethod
    def initial_for(rec: Any) -> dict[str, str]:
        return {
            "themes": " ".join(t.slug for t in rec.themes.all()),
            "countries": " ".join(c.code for c in rec.countries.all()),
            "addressees": " ".join(a.code for a in rec.addressees.all()),
            "sdgs": " ".join(str(g.number) for g in rec.sdgs.all()),
        }
