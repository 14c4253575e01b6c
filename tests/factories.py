"""factory_boy factories for the domain models."""

import datetime as dt

import factory

from kurultai.core.models import Country, Theme
from kurultai.forums import models

PASSWORD = "a long enough secret 42"


class UserFactory(factory.django.DjangoModelFactory):
    """A person who has accepted the documents in force; staff and editors also have a second factor."""

    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """``role="editor" | "moderator" | "admin"``: group membership (or superuser) and a TOTP device."""
        from django.contrib.auth.models import Group

        from kurultai.accounts.legal import documents_in_force
        from kurultai.accounts.services import record_consent

        if not create:
            return
        record_consent(self, documents_in_force())
        if extracted == "admin":
            self.is_superuser = self.is_staff = True
            self.save(update_fields=["is_superuser", "is_staff"])
        elif extracted in ("editor", "moderator"):
            self.groups.add(Group.objects.get_or_create(name=f"{extracted}s")[0])
        from kurultai.accounts.roles import needs_second_factor

        if needs_second_factor(self):
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            TOTP.activate(self, generate_totp_secret())


class ForumSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ForumSeries
        django_get_or_create = ["slug"]

    slug = "test-series"
    title = factory.LazyFunction(lambda: {"en": "Test Forum Series", "ru": "Тестовая серия форумов"})


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Forum

    series = factory.SubFactory(ForumSeriesFactory)
    slug = factory.Sequence(lambda n: f"forum-{n}")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"en": f"Forum number {n}", "ru": f"Форум номер {n}"})
    start_date = factory.Sequence(lambda n: dt.date(2000 + n % 50, 5, 1))
    format = models.Forum.Format.HYBRID
    country = factory.LazyFunction(lambda: Country.objects.get(code="KZ"))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Session

    forum = factory.SubFactory(ForumFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"en": f"Session title {n}", "ru": f"Сессия {n}"})
    purpose = factory.LazyFunction(lambda: {"en": "What the session was for."})


class DiscussionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DiscussionPoint

    session = factory.SubFactory(SessionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: {"en": f"Point {n} was discussed."})


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Recommendation
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory)
    forum = factory.LazyAttribute(lambda o: o.session.forum)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: {"en": f"Recommendation {n} asks for action.", "ru": f"Рекомендация {n}."})

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """Tag with one theme, country and addressee so list rows show every kind of tag."""
        if not create:
            return
        self.themes.add(Theme.objects.get(slug="climate-change"))
        self.countries.add(Country.objects.get(code="UZ"))
        self.addressees.add(models.Addressee.objects.get(code="governments"))


class ConclusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Conclusion

    forum = factory.SubFactory(ForumFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.LazyFunction(lambda: {"en": "The forum concluded."})
