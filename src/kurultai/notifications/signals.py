"""Signals of the delivery system."""

from django.dispatch import Signal

# Sent once an event has been fanned out to its followers (kwarg ``event``); public channels listen.
event_created = Signal()
