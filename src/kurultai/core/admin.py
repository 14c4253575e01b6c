"""Taxonomy in the Django admin."""

from django.contrib import admin

from kurultai.core import models


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "region", "position"]
    list_filter = ["region"]


@admin.register(models.Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "kind", "position"]
    list_filter = ["kind"]


@admin.register(models.SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number"]
