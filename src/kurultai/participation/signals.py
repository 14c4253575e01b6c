"""Uploaded answers leave storage with their row (erasure, retention, a deleted forum)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from kurultai.participation.models import Upload


@receiver(post_delete, sender=Upload)
def delete_uploaded_file(sender, instance: Upload, **kwargs) -> None:
    if instance.file:
        instance.file.delete(save=False)
