"""Facts the load generator needs, printed as JSON: pages to ask for and the cookies of bench people.

Run with the benchmark's environment (DATABASE_URL …) after ``seed_bench``. Opens registration for the
bench forum and creates participants (BENCH_PEOPLE, 300 by default, who have accepted the documents in force)
and an editor (the forum secretariat, who posts progress updates), each with a live session and CSRF cookie,
so signed-in pages are measured the way people get them.
"""

from __future__ import annotations

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurultai.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.test import Client  # noqa: E402

from kurultai.accounts.legal import documents_in_force  # noqa: E402
from kurultai.accounts.services import record_consent  # noqa: E402
from kurultai.forums.models import Forum, Recommendation  # noqa: E402


def person(email: str, group: str = "") -> str:
    """A bench person with a live session; returns the Cookie header value."""
    user, _created = get_user_model().objects.get_or_create(email=email, defaults={"display_name": email.split("@")[0]})
    record_consent(user, documents_in_force())
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())  # editors must have a second factor
    client = Client()
    client.force_login(user)
    client.get(
        f"/en/forums/{Forum.objects.order_by('pk').values_list('slug', flat=True).first()}/"
    )  # sets the CSRF cookie
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    csrf = client.cookies[settings.CSRF_COOKIE_NAME].value if settings.CSRF_COOKIE_NAME in client.cookies else ""
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}"


def open_call(slug: str) -> None:
    """Registration open for the bench forum, first come first served, so the forum day can register people."""
    import datetime as dt

    from django.utils import timezone

    from kurultai.participation.models import Call

    now = timezone.now()
    Call.objects.update_or_create(
        forum=Forum.objects.get(slug=slug),
        defaults={
            "opens_at": now - dt.timedelta(days=1),
            "closes_at": now + dt.timedelta(days=30),
            "capacity_in_person": 150,
            "capacity_online": 1000,
        },
    )


def csrf_of(cookie: str) -> str:
    return cookie.rsplit("=", 1)[-1]


def main() -> None:
    forums = list(Forum.objects.filter(slug__startswith="bench-").order_by("pk").values_list("slug", flat=True))
    forum = forums[0] if forums else Forum.objects.order_by("pk").values_list("slug", flat=True).first()
    recs = list(Recommendation.objects.filter(forum__slug=forum).order_by("pk").values_list("pk", flat=True))
    all_recs = Recommendation.objects.order_by("pk").values_list("pk", flat=True)
    open_call(forum)
    participants = [
        person(f"bench-participant-{n}@example.org") for n in range(int(os.environ.get("BENCH_PEOPLE", "300")))
    ]
    participant = participants[0]
    editor = person("bench-editor@example.org", "editors")
    facts = {
        "forum": forum,
        "forums": forums,
        "recommendations": recs[:50],
        "recommendation_range": [all_recs.first(), all_recs.last()],
        "recommendation_count": all_recs.count(),
        "stylesheet": staticfiles_storage.url("kurultai/site.css") if _has_css() else "",
        "participant": participant,
        "participant_csrf": csrf_of(participant),
        "participants": participants,
        "editor": editor,
        "editor_csrf": csrf_of(editor),
    }
    json.dump(facts, sys.stdout)


def _has_css() -> bool:
    try:
        staticfiles_storage.url("kurultai/site.css")
    except ValueError:
        return False
    return True


if __name__ == "__main__":
    main()
