"""Pages of long lists whose total is counted once per content version, not on every page view."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property

from kurultai.core import fragments


class CountedOncePaginator(Paginator):
    """A paginator whose total comes from the shared cache until a write changes the page ``group``.

    Counting a million organisations is most of a directory page's time at that size; the count only changes
    when the directory does.
    """

    def __init__(self, object_list: Any, per_page: int, *, group: str, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.group = group

    @cached_property
    def count(self) -> int:
        compute = Paginator.count.func  # Django's own count (the queryset's COUNT, or len())
        if not isinstance(self.object_list, models.QuerySet):
            return compute(self)
        name = fragments.query_name(self.object_list)
        if name is None:
            return 0
        return fragments.cached_value(f"count\n{name}", self.group, lambda: compute(self))
