"""Reads of the delivery system: what a person follows, with real names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kurultai.notifications.models import Subscription
from kurultai.notifications.registry import channels, dimensions, followables, streams


@dataclass
class Followed:
    """A subscription as "What you follow" shows it."""

    subscription: Subscription
    title: str
    url: str
    kind_label: str
    filters: list[tuple[str, str]]

    @property
    def channel_labels(self) -> list[str]:
        return [str(channels.get(c).label) for c in self.subscription.channels if channels.get(c) is not None]


def followed_keys(user: Any, kind: str) -> set[str]:
    """Keys of the single objects of one kind a person follows (e.g. forum slugs)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Subscription.objects.filter(user=user, dims=1, terms__dimension=kind).values_list("terms__value", flat=True)
    )


def describe(subscriptions: list[Subscription]) -> list[Followed]:
    """Real names for every subscription, in a fixed number of queries per followable kind."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for subscription in subscriptions:
        for dimension, values in subscription.terms_dict.items():
            wanted[dimension].update(values)
    names: dict[tuple[str, str], Any] = {}
    for kind, keys in wanted.items():
        followable = followables.get(kind)
        if followable is not None:
            for key, obj in followable.lookup(keys).items():
                names[(kind, key)] = obj
        elif dimensions.get(kind) is not None:
            for key, label in dimensions.get(kind).choices():
                if key in keys:
                    names[(kind, key)] = label
    result = []
    for subscription in subscriptions:
        terms = subscription.terms_dict
        stream = streams.get(terms.get("stream", [""])[0]) if "stream" in terms else None
        single = len(terms) == 1 and len(next(iter(terms.values()))) == 1 and stream is None
        filters = []
        for dimension, values in terms.items():
            if dimension == "stream":
                continue
            label = _label_of(dimension)
            filters.append((label, ", ".join(str(names.get((dimension, v), v)) for v in values)))
        if single:
            kind, key = next(iter(terms.items()))
            obj = names.get((kind, key[0]))
            followable = followables.get(kind)
            title = str(obj) if obj is not None else key[0]
            url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
            kind_label = str(followable.label) if followable else kind
            filters = []
        else:
            title = str(stream.label) if stream else ", ".join(v for _, v in filters)
            url = ""
            kind_label = ""
        result.append(Followed(subscription, title[:200], url, kind_label, filters))
    return result


def _label_of(dimension: str) -> str:
    followable = followables.get(dimension)
    if dimensions.get(dimension) is not None:
        return str(dimensions.get(dimension).label)
    return str(followable.label) if followable else dimension
