"""Forums and what they produced: series, editions, sessions, speakers and the outcome document."""

from __future__ import annotations

import zoneinfo

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName


def valid_time_zone(name: str) -> bool:
    """True for an IANA zone name such as Asia/Bishkek."""
    if not name or len(name) > 64 or "\x00" in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


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
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Session times are entered and shown on this clock, e.g. Asia/Bishkek. Empty: the host country's."),
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("A draft is seen only by the forum's organisers.")
    )

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
        # Recommendation lists are ordered by their forum's date: with this index PostgreSQL reads the newest
        # forums' recommendations first and stops after a page, instead of sorting every recommendation.
        indexes = [models.Index(fields=["start_date"], name="forum_start_date")]

    def __str__(self) -> str:
        return str(self.title) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("forums:forum_detail", kwargs={"slug": self.slug})

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def zone(self) -> str:
        """The clock of the forum's programme: its own time zone, else its host country's."""
        from kurultai.core.calendars import country_time_zone

        if self.time_zone and valid_time_zone(self.time_zone):
            return self.time_zone
        return country_time_zone(self.country.code if self.country_id else None)

    @property
    def last_day(self):
        return self.end_date or self.start_date


class Speaker(TranslatableModel):
    """A person who speaks at forums, with the position and organisation they spoke for."""

    name = TranslatedField(_("name"), max_length=200)
    position = TranslatedField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_speakers",
        verbose_name=_("organisation in the directory"),
    )
    organisation_name = TranslatedField(
        _("organisation"), max_length=300, blank=True, help_text=_("When the organisation is not in the directory.")
    )
    bio = TranslatedField(_("short biography"), multiline=True, max_length=1500, blank=True)
    photo = models.FileField(_("photo"), upload_to=GeneratedName("forums/speakers"), blank=True)
    content_type = models.CharField(_("photo type"), max_length=50, blank=True)
    photo_alt = TranslatedField(
        _("photo description"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    @property
    def affiliation(self) -> str:
        """The organisation the speaker stands for: the directory's record, else the free text."""
        if self.organisation_id:
            return str(self.organisation)
        return str(self.organisation_name)

    def get_photo_url(self) -> str:
        return reverse("forums:speaker_photo", kwargs={"pk": self.pk}) if self.photo else ""

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
    format = models.CharField(_("format"), max_length=20, choices=Forum.Format.choices, blank=True)
    track = models.CharField(
        _("track"),
        max_length=100,
        blank=True,
        help_text=_("Sessions at the same time in different tracks are shown side by side."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Never shown publicly: only organisers and online participants.")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="sessions", verbose_name=_("themes"))

    class Meta:
        ordering = ["forum", "number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["forum", "number"], name="session_unique_number"),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

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
        RAPPORTEUR = "rapporteur", _("Rapporteur")

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
