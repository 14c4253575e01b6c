from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kurultai.api"
    label = "kurultai_api"
    verbose_name = "API"
