"""Telegram's sending limits in one place, so bursts wait here instead of being refused with 429.

Telegram allows about one message per second to a chat, twenty per minute to a group or channel and thirty per
second in total. The limiter keeps a sliding window per rule and sleeps until a message fits every window. Clock and
sleep are injectable, so tests run on a fake clock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` messages in any ``window`` seconds."""

    limit: int
    window: float


PER_CHAT = Rule(1, 1.0)
PER_CHANNEL = Rule(20, 60.0)
OVERALL = Rule(30, 1.0)


def is_group_or_channel(chat_id: str | int) -> bool:
    """Channels are addressed as "@name"; groups, supergroups and channels have negative ids."""
    text = str(chat_id).strip()
    return text.startswith(("@", "-"))


class RateLimiter:
    """Sliding-window limiter shared by everything that sends through one bot in this process."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        per_chat: Rule = PER_CHAT,
        per_channel: Rule = PER_CHANNEL,
        overall: Rule = OVERALL,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self.per_chat = per_chat
        self.per_channel = per_channel
        self.overall = overall
        self._sent: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _rules_for(self, chat_id: str | int) -> list[tuple[tuple[str, str], Rule]]:
        chat = str(chat_id)
        rules = [(("overall", ""), self.overall), (("chat", chat), self.per_chat)]
        if is_group_or_channel(chat):
            rules.append((("channel", chat), self.per_channel))
        return rules

    def _wait_needed(self, rules: list[tuple[tuple[str, str], Rule]], now: float) -> float:
        wait = 0.0
        for key, rule in rules:
            sent = self._sent.setdefault(key, deque())
            while sent and now - sent[0] >= rule.window:
                sent.popleft()
            if len(sent) >= rule.limit:
                wait = max(wait, sent[0] + rule.window - now)
        return wait

    def acquire(self, chat_id: str | int) -> float:
        """Block until one more message to ``chat_id`` is within every limit; returns the seconds waited."""
        rules = self._rules_for(chat_id)
        waited = 0.0
        while True:
            with self._lock:
                now = self.clock()
                wait = self._wait_needed(rules, now)
                if wait <= 0:
                    for key, _rule in rules:
                        self._sent[key].append(now)
                    self._forget_idle(now)
                    return waited
            self.sleep(wait)
            waited += wait

    def _forget_idle(self, now: float) -> None:
        """Drop windows of chats not written to for a minute, so memory stays small on long runs."""
        if len(self._sent) < 1000:
            return
        longest = max(self.per_chat.window, self.per_channel.window, self.overall.window)
        for key in [k for k, sent in self._sent.items() if not sent or now - sent[-1] >= longest]:
            del self._sent[key]
