"""Benchmark volume for the directory: many organisations, tagged, in networks and in the search index."""

from __future__ import annotations

import random

from django.db import transaction

from kurultai.core import search
from kurultai.core.folding import fold
from kurultai.core.models import Country, SearchDocument, Theme
from kurultai.organisations.models import Network, Organisation

PREFIXES = ["Green", "Mountain", "Steppe", "Youth", "Women's", "Water", "Civic", "Digital", "Aral", "Silk Road"]
CHUNK = 50000  # organisations per round: a ×100 volume (1,000,000) never sits in memory at once
NOUNS = ["Association", "Initiative", "Foundation", "Centre", "Union", "Network", "Society", "Alliance"]


@transaction.atomic
def seed(volume: dict[str, int]) -> dict[str, int]:
    """``volume["organisations"]`` organisations, created in bulk and indexed for search."""
    rng = random.Random(2001)  # noqa: S311 - repeatable filler, not security
    countries = list(Country.objects.exclude(region=Country.Region.EU_MEMBER))
    themes = list(Theme.objects.all())
    network, _created = Network.objects.get_or_create(slug="bench-network", defaults={"name": {"en": "Bench network"}})
    start = Organisation.objects.count()
    total = 0
    for first in range(start, start + volume["organisations"], CHUNK):
        last = min(first + CHUNK, start + volume["organisations"])
        total += _seed_chunk(range(first, last), rng, countries, themes, network)
    return {"organisations": total}


def _seed_chunk(indexes: range, rng: random.Random, countries: list, themes: list, network: Network) -> int:
    batch = []
    for index in indexes:
        name = f"{rng.choice(PREFIXES)} {rng.choice(NOUNS)} {index}"
        batch.append(
            Organisation(
                slug=f"bench-org-{index}",
                name={"en": name},
                type=rng.choice(Organisation.Type.values),
                country=rng.choice(countries),
                description={"en": f"{name} works on {rng.choice(themes).name['en'].lower()} with local communities."},
            )
        )
    created = Organisation.objects.bulk_create(batch, batch_size=1000)
    Through = Organisation.themes.through
    Through.objects.bulk_create(
        [Through(organisation_id=o.pk, theme_id=t.pk) for o in created for t in rng.sample(themes, 2)],
        batch_size=2000,
    )
    Organisation.networks.through.objects.bulk_create(
        [Organisation.networks.through(organisation_id=o.pk, network_id=network.pk) for o in created[::10]],
        batch_size=2000,
    )
    docs = SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                kind="organisation",
                object_id=o.pk,
                url=o.get_absolute_url(),
                title=dict(o.name),
                body=dict(o.description),
                folded=fold(f"{o.name['en']} {o.description['en']}"),
                countries=o.country.code,
                languages="en",
            )
            for o in created
        ],
        batch_size=1000,
    )
    search.write_engine_rows(
        (d.pk, search.Entry(title=d.title, body=d.body, url=d.url, countries=d.countries.split())) for d in docs
    )
    return len(created)
