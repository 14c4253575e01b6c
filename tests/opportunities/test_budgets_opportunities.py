"""The opportunity list and page stay within the query budget however many items, countries and themes they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from tests.opportunities.factories_opportunities import OpportunityFactory
from tests.test_budgets import QUERY_BUDGET

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_list_queries_do_not_grow_with_items(client, signed_in):
    if signed_in:
        client.force_login(UserFactory())
        client.get("/en/opportunities/")  # the first signed-in request also settles the session
    OpportunityFactory.create_batch(2)
    small = queries(client, "/en/opportunities/?theme=water-management")
    OpportunityFactory.create_batch(8, countries=["TJ", "KG", "UZ"], themes=["water-management", "youth"])
    large = queries(client, "/en/opportunities/?theme=water-management")
    assert large == small
    if not signed_in:  # the public page's budget; signed-in pages add the account's own checks
        assert large <= QUERY_BUDGET


def test_detail_queries_stay_within_budget(client):
    few = OpportunityFactory(countries=["TJ"], themes=["water-management"])
    many = OpportunityFactory(countries=["TJ", "KG", "UZ", "KZ"], themes=["water-management", "youth"])
    assert queries(client, many.get_absolute_url()) == queries(client, few.get_absolute_url())
    assert queries(client, many.get_absolute_url()) <= QUERY_BUDGET
