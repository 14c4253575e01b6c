"""Background work of core: keeping the search index up to date in batches."""

from django_tasks import task


@task()
def index_records(kind: str, ids: list[int]) -> None:
    """Index (or drop) one batch of records of one kind, outside the request that changed them."""
    from kurultai.core import search

    search.index_ids(kind, ids)


@task()
def translate_record(label: str, pk: int, actor_id: int | None = None) -> list[str]:
    """Fill a record's missing languages by machine translation, outside the request that asked for it."""
    from django.contrib.auth import get_user_model

    from kurultai.core import machine_translation

    model = machine_translation.translatable_models().get(label)
    obj = model._default_manager.filter(pk=pk).first() if model else None
    if obj is None:
        return []
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return machine_translation.fill_missing_languages(obj, actor=actor)
