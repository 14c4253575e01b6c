"""Demo courses, read from ``demo/*.json`` (our own words, English and Russian, flagged as demo), and one
cohort run by a demo facilitator."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from kurultai.learning.importer import import_file
from kurultai.learning.models import Cohort, Course

DEMO = Path(__file__).parent / "demo"


def load() -> dict[str, int]:
    created = 0
    with transaction.atomic():
        for path in sorted(DEMO.glob("*.json")):
            _course, new = import_file(path)
            created += int(new)
        course = Course.objects.filter(slug="climate-adaptation").first()
        cohorts = 0
        if course and not course.cohorts.exists():
            facilitator = get_user_model().objects.filter(email="aigerim@demo.kurultai.example").first()
            cohort = Cohort.objects.create(
                course=course,
                name="Spring cohort (demo)",
                enrolment=Cohort.Enrolment.OPEN,
                group_link="https://t.me/example_demo_group",
            )
            if facilitator:
                cohort.facilitators.add(facilitator)
            cohorts = 1
    return {"courses": created, "cohorts": cohorts}
