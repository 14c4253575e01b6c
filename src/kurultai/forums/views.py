"""Public pages of forums, sessions and recommendations; thin views over selectors."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone

from kurultai.core.fragments import Deferred
from kurultai.core.paging import CountedOncePaginator
from kurultai.forums import selectors
from kurultai.forums.forms import RecommendationFilterForm
from kurultai.forums.models import Recommendation
from kurultai.forums.panels import decorate_recommendations, recommendation_facts, recommendation_panels
from kurultai.forums.programme_views import visible_forum

PAGE_SIZE = 20


def home(request: HttpRequest) -> HttpResponse:
    """What the platform is, the latest forum and the latest recommendations."""
    today = timezone.localdate()
    forums = selectors.published_forums().annotate(session_count=Count("sessions", distinct=True))
    latest = forums.filter(start_date__lte=today).order_by("-start_date").first()
    upcoming = forums.filter(start_date__gt=today).order_by("start_date").first()
    recommendations = decorate_recommendations(Recommendation.objects.published().for_listing()[:5])
    return render(
        request, "forums/home.html", {"latest": latest, "upcoming": upcoming, "recommendations": recommendations}
    )


def forum_list(request: HttpRequest) -> HttpResponse:
    """All editions, newest first, grouped by series."""
    forums = (
        selectors.published_forums()
        .annotate(
            session_count=Count("sessions", distinct=True),
            recommendation_count=Count("recommendations", distinct=True),
        )
        .order_by("series__position", "series__slug", "-start_date")
    )
    return render(request, "forums/forum_list.html", {"forums": forums, "nav": "forums"})


def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Concept, organisers, programme and the outcome document of one edition (a draft: organisers only)."""
    forum = visible_forum(request, slug, selectors.forums_with_outline())
    # Fetched only if the cached outcome fragment has to be rendered afresh.
    sessions = Deferred(
        selectors.sessions_with_outcome(forum),
        lambda rows: decorate_recommendations(rec for s in rows for rec in s.recommendations.all()),
        any_rows=forum.has_sessions,
    )
    opening = selectors.opening_appearances(forum)
    return render(
        request,
        "forums/forum_detail.html",
        {
            "forum": forum,
            "sessions": sessions,
            "opening": opening,
            "has_speakers": forum.has_session_speakers,
            "can_manage": request.user.has_perm("forums.manage_outcome", forum),
            "can_organise": request.user.has_perm("forums.organise", forum),
            "nav": "forums",
        },
    )


def session_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """One session: purpose, speakers, discussion points and recommendations."""
    forum = visible_forum(request, slug)
    session = get_object_or_404(selectors.sessions_with_outcome(forum), number=number)
    decorate_recommendations(session.recommendations.all())
    siblings = list(forum.sessions.only("number", "title", "original_language", "forum_id"))
    index = next(i for i, s in enumerate(siblings) if s.pk == session.pk)
    return render(
        request,
        "forums/session_detail.html",
        {
            "forum": forum,
            "session": session,
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
            "forum_zone": forum.zone,
            "can_organise": request.user.has_perm("forums.organise", forum),
            "nav": "forums",
        },
    )


def recommendation_list(request: HttpRequest) -> HttpResponse:
    """Every recommendation, filterable by forum, session, theme, country and addressee."""
    form = RecommendationFilterForm(request.GET or None)
    queryset = form.filter(Recommendation.objects.published().for_listing())
    page = CountedOncePaginator(queryset, PAGE_SIZE, group="recommendations").get_page(request.GET.get("page"))
    page.object_list = decorate_recommendations(page.object_list)
    return render(
        request,
        "forums/recommendation_list.html",
        {"form": form, "page": page, "nav": "recommendations"},
    )


def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One recommendation with its context in the forum and session."""
    recommendation = get_object_or_404(
        Recommendation.objects.published()
        .select_related("forum", "forum__series", "session")
        .prefetch_related("themes", "countries", "addressees", "sdgs")
        .annotate(**recommendation_facts()),
        pk=pk,
    )
    if recommendation.session is not None:
        recommendation.session.forum = recommendation.forum  # its link needs the forum's slug
    panels = [
        render_to_string(panel["template"], panel["context"], request)
        for panel in recommendation_panels(request, recommendation)
    ]
    return render(
        request,
        "forums/recommendation_detail.html",
        {"recommendation": recommendation, "panels": panels, "nav": "recommendations"},
    )
