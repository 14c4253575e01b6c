"""Forms of the delivery system: how a subscription reaches a person, and filtered streams."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kurultai.notifications.models import Frequency
from kurultai.notifications.registry import channels, dimensions, streams


def channel_choices(user: Any) -> list[tuple[str, str]]:
    """Channels this person can be reached on now (Telegram only once linked)."""
    return [(c.key, str(c.label)) for c in channels if not c.needs_setup or c.address_for(user)]


class DeliveryForm(forms.Form):
    """Where and how often news of one subscription arrives."""

    channels = forms.MultipleChoiceField(
        label=_("Also send to"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("News always appears on your notifications page."),
    )
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channels"].choices = channel_choices(user)


class StreamForm(DeliveryForm):
    """Subscribe to a filtered stream, e.g. follow-up news on water in Tajikistan."""

    stream = forms.ChoiceField(label=_("News about"))

    field_order = ["stream"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["stream"].choices = [(s.key, str(s.label)) for s in streams]
        used = sorted(
            {d for s in streams for d in s.dimensions},
            key=lambda d: list(dimensions.keys()).index(d) if d in dimensions else 99,
        )
        for key in used:
            dimension = dimensions.get(key)
            if dimension is None:
                continue
            self.fields[f"dim_{key}"] = forms.MultipleChoiceField(
                label=dimension.label,
                required=False,
                choices=dimension.choices(),
                widget=forms.CheckboxSelectMultiple,
            )
        self.order_fields(["stream", *[f"dim_{k}" for k in used], "channels", "frequency"])
        self.initial.setdefault(
            "frequency",
            getattr(user, "email_digest", Frequency.DAILY)
            if getattr(user, "email_digest", "") in Frequency.values
            else Frequency.DAILY,
        )
        self.initial.setdefault("channels", ["email"] if getattr(user, "email_digest", "") != "never" else [])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        stream = streams.get(data.get("stream", ""))
        if stream is None:
            return data
        offered = set(stream.dimensions)
        terms = {"stream": [stream.key]}
        for name, values in list(data.items()):
            if name.startswith("dim_") and values:
                key = name[4:]
                if key not in offered:
                    self.add_error(name, _("This stream cannot be filtered by this."))
                    continue
                terms[key] = values
        if len(terms) == 1:
            raise forms.ValidationError(_("Choose at least one filter, for example a country or a theme."))
        data["terms"] = terms
        return data
