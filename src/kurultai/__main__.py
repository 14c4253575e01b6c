"""The ``kurultai`` console command: Django's manage.py with the settings path built in."""

import os
import sys


def main() -> None:
    """Run a Django management command so operators never need to know the settings path."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurultai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
