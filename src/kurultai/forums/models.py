"""Forums and what they produced: series, editions, sessions, speakers and the outcome document."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField


class ForumSeries(TranslatableModel):
    """A recurring forum, e.g. the EU–Central Asia Civil Society Forum; a spin-off is another series."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = TranslatedField(_("title"), max_length=200)
    short_title = TranslatedField(_("short title"), max_length=80, blank=True)
    description = TranslatedField(_("description"), multiline=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("forum series")
        verbose_name_plural = _("forum series")

    def __str__(self) -> str:
        return str(self.title) or self.slug


class ForumQuerySet(models.QuerySet):
    def published(self) -> ForumQuerySet:
        """Editions visible to the public."""
        return self.filter(is_published=True)


class Forum(TranslatableModel):
    """One edition of a forum series: where, when, what about and who came."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid (in person and online)")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Exact day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    series = models.ForeignKey(ForumSeries, on_delete=models.PROTECT, related_name="forums", verbose_name=_("series"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(_("edition number"))
    title = TranslatedField(_("title"), max_length=300)
    theme = TranslatedField(_("theme"), max_length=300, blank=True, help_text=_("The edition's motto or main topic."))
    city = TranslatedField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="forums", verbose_name=_("host country")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    concept = TranslatedField(_("concept"), multiline=True, blank=True, help_text=_("Markdown."))
    organisers = TranslatedField(_("organisers"), multiline=True, blank=True, help_text=_("Markdown."))
    participants_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="forums", verbose_name=_("themes"))
    is_published = models.BooleanField(_("published"), default=True)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="forum_unique_number_in_series"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="forum_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("forums:forum_detail", kwargs={"slug": self.slug})

    @property
    def year(self) -> int:
        return self.start_date.year


class Speaker(TranslatableModel):
    """A person who speaks at forums, with the position and organisation they spoke for."""

    name = TranslatedField(_("name"), max_length=200)
    position = TranslatedField(_("position"), max_length=300, blank=True)
    organisation_name = TranslatedField(_("organisation"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return str(self.name)


class Session(TranslatableModel):
    """A numbered part of a forum's programme."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("forum"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = TranslatedField(_("title"), max_length=400)
    purpose = TranslatedField(_("purpose"), multiline=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="sessions", verbose_name=_("themes"))

    class Meta:
        ordering = ["forum", "number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [models.UniqueConstraint(fields=["forum", "number"], name="session_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("forums:session_detail", kwargs={"slug": self.forum.slug, "number": self.number})


class Appearance(models.Model):
    """A speaker's part in a forum: opening remarks, or a role in one session."""

    class Role(models.TextChoices):
        OPENING = "opening", _("Opening remarks")
        KEYNOTE = "keynote", _("Keynote speaker")
        MODERATOR = "moderator", _("Moderator")
        SPEAKER = "speaker", _("Speaker")
        PANELLIST = "panellist", _("Panellist")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("forum"))
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("session"),
    )
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.UniqueConstraint(fields=["forum", "session", "speaker"], name="speaker_once_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker} ({self.get_role_display()})"

    def save(self, *args, **kwargs) -> None:
        """A session appearance always belongs to that session's forum."""
        if self.session_id:
            self.forum_id = self.session.forum_id
        super().save(*args, **kwargs)


class DiscussionPoint(TranslatableModel):
    """One bullet of what was said in a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="discussion_points", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = TranslatedField(_("text"), multiline=True)

    class Meta:
        ordering = ["session", "position", "id"]
        verbose_name = _("discussion point")
        verbose_name_plural = _("discussion points")

    def __str__(self) -> str:
        return str(self.text)[:80]


class Addressee(TranslatableModel):
    """A kind of actor a recommendation is addressed to (EU, national governments, CSOs …)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = TranslatedField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="addressee_roles",
        verbose_name=_("organisations acting for it"),
        help_text=_(
            "Whose representatives may give official responses for this addressee, "
            "e.g. a ministry for national governments, the EU Delegation for the EU."
        ),
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")

    def __str__(self) -> str:
        return str(self.name) or self.code


class RecommendationQuerySet(models.QuerySet):
    def published(self) -> RecommendationQuerySet:
        """Recommendations of published forums."""
        return self.filter(forum__is_published=True)

    def for_listing(self) -> RecommendationQuerySet:
        """Everything a list row shows, in a constant number of queries."""
        return self.select_related("forum", "session").prefetch_related("themes", "countries", "addressees")


class Recommendation(TranslatableModel):
    """One bullet of what a session (or the forum as a whole) asks of someone."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("forum"))
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("session"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = TranslatedField(_("text"), multiline=True)
    addressees = models.ManyToManyField(
        Addressee, blank=True, related_name="recommendations", verbose_name=_("addressed to")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations", verbose_name=_("themes"))
    countries = models.ManyToManyField(Country, blank=True, related_name="recommendations", verbose_name=_("countries"))
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="recommendations", verbose_name=_("SDGs"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-forum__start_date", "session__number", "position", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.reference}: {str(self.text)[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("forums:recommendation_detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        """A short human reference such as ``2021-S2-R3``."""
        part = f"S{self.session.number}-" if self.session_id else ""
        return f"{self.forum.year}-{part}R{self.position}"


class Conclusion(TranslatableModel):
    """A forum-level closing statement."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("forum"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = TranslatedField(_("text"), multiline=True)

    class Meta:
        ordering = ["forum", "position", "id"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return str(self.text)[:80]
