"""Bad input anywhere gets a clear 4xx or a form error, never a server error.

Generated from the URL configuration: every page is fetched with each query parameter its forms declare (and the
common ones) set to values that have crashed pages before, and every form is posted with them.
"""

from __future__ import annotations

from typing import Any

import pytest
from django import forms

from tests.urlmap import build_world, routes, variants

pytestmark = pytest.mark.django_db

# The walks are split into shards, so that pytest-xdist runs them side by side on every core.
SHARDS = 4


def in_shard(routes_list: list, shard: int) -> list:
    """Every SHARDS-th route, starting at ``shard`` (routes in URL-configuration order)."""
    return routes_list[shard::SHARDS]


BAD_VALUES = ["99999999999999999999", "²", "abc", "-1", "\x00", "x" * 200_000]
COMMON_PARAMETERS = ["page", "q", "forum", "theme", "country", "status", "type"]
# Parameters some views read straight from the query string.
READ_DIRECTLY = ["kind", "next", "version", "stream", "tz"]
# Parameters of the API, feeds and calendars, which have no HTML form to read them from.
OTHER_PARAMETERS = ["limit", "offset", "addressee", "recommendation", "organisation", "year", "series", "network"]
# Fields of POST-only actions (buttons), which have no form page of their own.
BUTTON_FIELDS = [
    *("kind", "key", "next", "verified", "message", "decision", "link", "channels", "frequency", "role"),
    *("phase", "action", "reason", "parent", "paragraph", "token"),
]
NOT_POSTED = {"account_logout"}  # posting it signs the walker out; it takes no input
LIBRARY_PAGES = ("account_", "mfa_")  # django-allauth's own forms: every parameter at once is enough


def forms_in(response: Any) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else context.values():
            if isinstance(value, forms.BaseForm) and all(value is not f for f in found):
                found.append(value)
    return found


def field_names(response: Any) -> list[str]:
    return sorted({name for form in forms_in(response) for name in form.fields})


def sign_in(client: Any, user: Any) -> None:
    client.logout()
    if user is not None:
        client.force_login(user)


def check(response: Any, failures: list[str], what: str) -> None:
    if response.status_code >= 500:
        failures.append(f"{what}: {response.status_code}")


def shorten(value: str) -> str:
    return value if len(value) < 30 else f"<{len(value)} chars>"


def samples(route, world) -> list[tuple[str, str]]:
    """The route's sample URLs; routes without samples are reported by tests/test_permissions.py."""
    try:
        return variants(route, world)
    except KeyError:
        return []


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_query_parameter_causes_a_server_error(client, demo, shard):
    """Each page as the first of visitor, member, editor who may see it: every bad value in every parameter at once,
    then each parameter its forms declare alone, the bad values taken in turn."""
    client.raise_request_exception = False  # collect every server error instead of stopping at the first
    world = build_world()
    users = world["users"]
    failures: list[str] = []
    for route in in_shard(routes(), shard):
        for label, url in samples(route, world):
            for role in ("visitor", "member", "editor"):
                sign_in(client, users[role])
                plain = client.get(url)
                check(plain, failures, f"{label} as {role}")
                if plain.status_code == 200:
                    break
            else:
                continue
            declared = field_names(plain)
            extra = READ_DIRECTLY + (OTHER_PARAMETERS if not declared else [])
            names = sorted(set(declared + COMMON_PARAMETERS + extra))
            for value in BAD_VALUES:
                response = client.get(url, dict.fromkeys(names, value))
                check(response, failures, f"{label} as {role} with every parameter = {shorten(value)!r}")
            if route.name.startswith(LIBRARY_PAGES):
                continue
            for index, name in enumerate(declared):
                value = BAD_VALUES[index % len(BAD_VALUES)]
                response = client.get(url, {name: value})
                check(response, failures, f"{label} as {role} with {name}={shorten(value)!r}")
    assert not failures, "\n".join(failures)


def post_data(form_fields: list[tuple[str, forms.Field]], value: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in form_fields:
        if isinstance(field, forms.MultiValueField):
            for index in range(len(field.fields)):
                data[f"{name}_{index}"] = value
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[name] = [value, "1"]
        else:
            data[name] = value
    return data


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_form_field_causes_a_server_error(client, demo, shard):
    client.raise_request_exception = False  # collect every server error instead of stopping at the first
    world = build_world()
    users = world["users"]
    failures: list[str] = []
    for route in in_shard(routes(), shard):
        if route.name in NOT_POSTED or route.name.startswith("api-1:"):
            continue
        for label, url in samples(route, world):
            for role in ("member", "representative", "editor"):
                sign_in(client, users[role])
                page = client.get(url)
                check(page, failures, f"{label} as {role}")
                if page.status_code == 405:
                    fields = [(name, forms.CharField()) for name in BUTTON_FIELDS]
                elif page.status_code == 200 and not page.streaming and b'method="post"' in page.content.lower():
                    fields = [(n, f) for form in forms_in(page) for n, f in form.fields.items()]
                else:
                    continue
                for value in BAD_VALUES:
                    sign_in(client, users[role])
                    response = client.post(url, post_data(fields, value))
                    check(response, failures, f"POST {label} as {role} with every field = {shorten(value)!r}")
    assert not failures, "\n".join(failures)
