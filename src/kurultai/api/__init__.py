"""The versioned JSON API (django-ninja): one router per app, OpenAPI at /api/v1/docs."""
