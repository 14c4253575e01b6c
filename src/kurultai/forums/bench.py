"""Benchmark volume for forums: many editions, sessions, points and tagged recommendations."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from kurultai.core import search
from kurultai.core.models import SDG, Country, Theme
from kurultai.forums.models import Addressee, DiscussionPoint, Forum, ForumSeries, Recommendation, Session

WORDS = (
    "civil society regional cooperation water climate youth women digital access justice transparency "
    "monitoring funding donors government partnership capacity education health resilience"
).split()


def _sentence(rng: random.Random, n: int = 24) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _tag(recs: list[Recommendation], rng: random.Random, themes, countries, sdgs, addressees) -> None:
    """Tags written straight into the link tables: one insert per table instead of four signals per record."""
    links = {
        Recommendation.themes.through: [("theme_id", t.pk, r) for r in recs for t in rng.sample(themes, 2)],
        Recommendation.countries.through: [("country_id", c.pk, r) for r in recs for c in rng.sample(countries, 2)],
        Recommendation.sdgs.through: [("sdg_id", rng.choice(sdgs).pk, r) for r in recs],
        Recommendation.addressees.through: [("addressee_id", a.pk, r) for r in recs for a in rng.sample(addressees, 2)],
    }
    for through, rows in links.items():
        through.objects.bulk_create(
            [through(recommendation_id=rec.pk, **{field: pk}) for field, pk, rec in rows], batch_size=5000
        )


@transaction.atomic
def seed(volume: dict[str, int]) -> dict[str, int]:
    """``volume["forums"]`` editions sharing ``volume["recommendations"]`` recommendations across 4 sessions each."""
    rng = random.Random(2019)  # noqa: S311 - repeatable filler text, not security
    series, _created = ForumSeries.objects.get_or_create(
        slug="bench-series", defaults={"title": {"en": "Benchmark forum series"}}
    )
    themes, countries = list(Theme.objects.all()), list(Country.objects.filter(region="central_asia"))
    sdgs, addressees = list(SDG.objects.all()), list(Addressee.objects.all())
    forums = volume["forums"]
    if not forums:
        return {"forums": 0}
    per_session = max(1, volume["recommendations"] // (forums * 4))
    created = {"forums": 0, "sessions": 0, "recommendations": 0}
    indexed: list[int] = []
    with search.suspended():  # indexed once at the end, not once per tag
        for index in range(forums):
            forum, _new = Forum.objects.get_or_create(
                slug=f"bench-{index + 1}",
                defaults={
                    "series": series,
                    "number": index + 1,
                    "title": {"en": f"Benchmark forum {index + 1}"},
                    "start_date": dt.date(2000, 1, 1) + dt.timedelta(days=9 * index),  # one edition a date
                    "format": Forum.Format.HYBRID,
                    "concept": {"en": " ".join(_sentence(rng) for _ in range(5))},
                },
            )
            created["forums"] += 1
            for number in range(1, 5):
                session, _new = Session.objects.get_or_create(
                    forum=forum, number=number, defaults={"title": {"en": _sentence(rng, 6)}}
                )
                created["sessions"] += 1
                DiscussionPoint.objects.bulk_create(
                    DiscussionPoint(session=session, position=p, text={"en": _sentence(rng)}) for p in range(1, 6)
                )
                recs = Recommendation.objects.bulk_create(
                    Recommendation(forum=forum, session=session, position=p, text={"en": _sentence(rng, 40)})
                    for p in range(1, per_session + 1)
                )
                _tag(recs, rng, themes, countries, sdgs, addressees)
                indexed += [rec.pk for rec in recs]
                created["recommendations"] += len(recs)
    for start in range(0, len(indexed), 2000):
        search.index_ids("recommendation", indexed[start : start + 2000])
    search.rebuild(["forum", "session", "discussion_point"])
    return created
