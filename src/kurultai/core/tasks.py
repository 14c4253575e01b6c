"""Background work of core: keeping the search index up to date in batches."""

from django_tasks import task


@task()
def index_records(kind: str, ids: list[int]) -> None:
    """Index (or drop) one batch of records of one kind, outside the request that changed them."""
    from kurultai.core import search

    search.index_ids(kind, ids)
