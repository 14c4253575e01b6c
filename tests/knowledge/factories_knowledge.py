"""Factories for the knowledge hub: hub roles, published practices, demonstration sites."""

from __future__ import annotations

import io

from django.utils import timezone

from kurultai.core.models import Country, Theme
from kurultai.knowledge.models import DemoSite, HubRole, Practice, PracticeVersion
from tests.factories import UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory

__all__ = ["MembershipFactory", "OrganisationFactory", "hub_person", "png", "published_practice", "site"]


def hub_person(role: str, hub: str = "practices"):
    user = UserFactory()
    HubRole.objects.create(user=user, hub=hub, role=role)
    return user


def published_practice(title: str = "Water users' union", *, themes=("water-management",), country="TJ", **kwargs):
    """A practice with one published version, contributed by a new member."""
    contributor = kwargs.pop("created_by", None) or UserFactory()
    practice = Practice.objects.create(created_by=contributor, contact_person=contributor, **kwargs)
    version = PracticeVersion.objects.create(
        practice=practice,
        number=1,
        status=PracticeVersion.Status.PUBLISHED,
        title={"en": title},
        summary={"en": f"Summary of {title}."},
        solution={"en": "What was done."},
        country=Country.objects.get(code=country),
        published_at=timezone.now(),
    )
    version.themes.set(Theme.objects.filter(slug__in=themes))
    practice.current = version
    practice.save(update_fields=["current"])
    return practice


def site(host=None, themes=("water-saving",), **kwargs) -> DemoSite:
    host = host or OrganisationFactory()
    values = {
        "name": {"en": "Demonstration garden"},
        "what_to_see": {"en": "Drip lines."},
        "country": Country.objects.get(code="UZ"),
        "region": "Karakalpakstan",
        "status": DemoSite.Status.PUBLISHED,
        **kwargs,
    }
    made = DemoSite.objects.create(host=host, **values)
    if themes:
        made.themes.set(Theme.objects.filter(slug__in=themes))
    return made


def png(width: int = 2400, height: int = 1200) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 60)).save(out, "PNG")
    return out.getvalue()
