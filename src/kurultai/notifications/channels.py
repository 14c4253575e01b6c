"""Delivery channels: where a message goes (email, Telegram …) and how failures are reported back.

The worker drains deliveries one after another and calls :meth:`Channel.send`; a channel enforces its own rate
limits inside ``send``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kurultai.notifications.registry import Message, channels


class TemporaryFailure(Exception):
    """The service is down or busy: the delivery is retried later (after ``retry_after`` seconds when given)."""

    def __init__(self, message: str = "", retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentFailure(Exception):
    """The address no longer works (e.g. the person blocked the bot): not retried; the address is deactivated."""


@dataclass(frozen=True)
class Recipient:
    """Who a delivery is for, for channels that need it (e.g. email's one-click unsubscribe link)."""

    user_id: int | None = None
    subscription_ids: tuple[int, ...] = ()
    unsubscribe_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Channel:
    """A way to reach people. Subclasses set ``key`` and ``label`` and implement ``send``."""

    key: str = ""
    label: Any = ""
    # Whether a person needs to set something up first (e.g. link Telegram) before choosing the channel.
    needs_setup: bool = False

    def address_for(self, user: Any) -> str | None:
        """Where this person's messages go on this channel; ``None`` when the channel can't reach them."""
        raise NotImplementedError

    def send(
        self,
        address: str,
        language: str,
        messages: list[Message],
        digest: str | None = None,
        *,
        recipient: Recipient | None = None,
    ) -> None:
        """Send one message (``digest`` None) or one digest ("daily"/"weekly") listing all ``messages``."""
        raise NotImplementedError

    def deactivate(self, address: str) -> None:
        """Stop using an address that failed for good."""


def register_channel(channel: Channel) -> Channel:
    """Make a channel available to subscriptions and to the worker."""
    return channels.register(channel)
