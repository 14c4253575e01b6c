"""Kurultai settings: one module, every knob read from the environment.

The defaults give the embedded demo (SQLite under ``var/``, served over plain HTTP on
loopback). Production sets ``DATABASE_URL``, ``KURULTAI_SECRET_KEY``,
``KURULTAI_ALLOWED_HOSTS`` and ``KURULTAI_HTTPS=true``. The README lists every setting.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env(name: str, default: str = "") -> str:
    """Read one setting from the environment."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no setting; accepts 1/true/yes/on."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated setting."""
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


VAR_DIR = Path(env("KURULTAI_VAR_DIR", str(PROJECT_DIR / "var")))


def _secret_key() -> str:
    """Use the configured key, else one generated once and kept in ``var/``."""
    configured = env("KURULTAI_SECRET_KEY")
    if configured:
        return configured
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("KURULTAI_DEBUG")
ALLOWED_HOSTS = env_list("KURULTAI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("KURULTAI_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    # Kurultai's apps come before allauth so that their templates (layout, forms) take precedence.
    "kurultai.core",
    "kurultai.accounts",
    "kurultai.notifications",
    "kurultai.notifications.telegram",
    "kurultai.organisations",
    "kurultai.forums",
    "kurultai.followup",
    "kurultai.transparency",
    "kurultai.opportunities",
    "kurultai.certificates",
    "kurultai.participation",
    "kurultai.workinggroups",
    "kurultai.dialogue",
    "kurultai.knowledge",
    "kurultai.library",
    "kurultai.learning",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    # First: an anonymous hit is answered with the headers the whole stack produced on the miss.
    "kurultai.core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kurultai.accounts.middleware.AccountDutiesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "kurultai.core.middleware.SecurityHeadersMiddleware",
    # Last: a signed-in person's stored copy of a page is answered after sessions, duties and CSRF ran.
    "kurultai.core.personalpages.PersonalPageCacheMiddleware",
]

ROOT_URLCONF = "kurultai.urls"
WSGI_APPLICATION = "kurultai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kurultai.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kurultai.sqlite3'}"),
        conn_max_age=int(env("KURULTAI_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the single writer work side by side; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool("KURULTAI_DB_JIT"):
    # PostgreSQL compiles queries it estimates as costly (JIT); for a page's short queries the compiling takes
    # longer than the query (0.4 s of a 0.5 s dashboard query at 40,000 recommendations). KURULTAI_DB_JIT=on.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" is shared by every worker and server — throttling, one-time codes, anything that must hold
# across processes: Redis when configured, else a table of the database (created by `migrate`).
# "pages" holds whole public pages and page fragments, keyed by content versions (kurultai.core.cacheversions:
# rows in the database, or Redis counters when Redis is configured), so it may be per process: Redis when
# configured (shared, and still there while the database restarts), else each worker's memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kurultai_cache",
        "OPTIONS": {"MAX_ENTRIES": int(env("KURULTAI_CACHE_MAX_ENTRIES", "50000")), "CULL_FREQUENCY": 4},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kurultai-pages",
        "OPTIONS": {"MAX_ENTRIES": int(env("KURULTAI_PAGE_CACHE_ENTRIES", "2000"))},
    },
}
# With Redis, each worker also keeps the pages it served last in its own memory (keys carry content versions,
# so these copies are never stale): a hit then costs no transfer from Redis.
PAGE_MEMORY_BYTES = int(env("KURULTAI_PAGE_MEMORY_MB", "32")) << 20
if env("KURULTAI_REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("KURULTAI_REDIS_URL"),
        "KEY_PREFIX": env("KURULTAI_CACHE_PREFIX", "kurultai"),
        # A Redis that does not answer must not hang requests: fail fast, the page is then rendered.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "health_check_interval": 30},
    }
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-pages"}
    # Sessions read from Redis (written through to the database): a signed-in request costs no session query.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Accounts (django-allauth) -----------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "kurultai.accounts.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kurultai] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords per account in five minutes; the per-address limit is higher and short, so that
    # one person guessing cannot lock out an office (or a whole network behind one address) for long.
    "login_failed": "20/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("KURULTAI_SITE_NAME", "Kurultai")
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
KURULTAI_EXPORT_INLINE_LIMIT = int(env("KURULTAI_EXPORT_INLINE_LIMIT", "2000"))

# --- Background work (django-tasks, database backend; run `kurultai db_worker`) ----------------
TASKS = {"default": {"BACKEND": env("KURULTAI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("tg", _("Tajik")),
    ("tk", _("Turkmen")),
    ("uz", _("Uzbek")),
]
# Content without text in the reader's language: first the languages listed here for the reader
# (Central Asian readers read Russian before English), then the record's original language, then these.
CONTENT_FALLBACK_BY_LANGUAGE = {code: ["ru"] for code in ("kk", "ky", "tg", "tk", "uz")}
CONTENT_FALLBACK_LANGUAGES = ["en", "ru"]
# Dates and numbers as each language writes them (``kurultai/formats/<lang>/formats.py``).
FORMAT_MODULE_PATH = ["kurultai.formats"]
# The project's catalogue first, then the catalogues it ships for libraries that lack a language.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_libraries"]
# Machine translation of missing content languages (a LibreTranslate-compatible service); off when unset.
KURULTAI_TRANSLATE_URL = env("KURULTAI_TRANSLATE_URL", "")
KURULTAI_TRANSLATE_API_KEY = env("KURULTAI_TRANSLATE_API_KEY", "")
KURULTAI_TRANSLATE_BACKEND = env(
    "KURULTAI_TRANSLATE_BACKEND", "kurultai.core.machine_translation.LibreTranslateBackend"
)
# Translate new records in the background as soon as they are created.
KURULTAI_TRANSLATE_NEW_CONTENT = env_bool("KURULTAI_TRANSLATE_NEW_CONTENT")
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("KURULTAI_TIME_ZONE", "Asia/Almaty")

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("KURULTAI_STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("KURULTAI_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "kurultai.core.storage.StaticStorage"},
}
# Serve straight from the app folders when static files were not collected (tests, development).
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# --- Security ----------------------------------------------------------------------------------
HTTPS = env_bool("KURULTAI_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(env("KURULTAI_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("KURULTAI_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Which client address throttling sees: the number of reverse proxies in front (the address they append
# to X-Forwarded-For), or the name of a header a trusted proxy sets (e.g. X-Real-IP). One proxy when
# KURULTAI_BEHIND_PROXY is on; none otherwise (then the connecting address is the client).
TRUSTED_PROXIES = env("KURULTAI_TRUSTED_PROXIES", "1" if env_bool("KURULTAI_BEHIND_PROXY") else "0").strip()
if TRUSTED_PROXIES.isdigit():
    ALLAUTH_TRUSTED_PROXY_COUNT = int(TRUSTED_PROXIES)
else:
    ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_PROXIES
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Flash messages live in the session: the site sets only the session and CSRF cookies (privacy notice).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Email -------------------------------------------------------------------------------------
EMAIL_BACKEND = env("KURULTAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("KURULTAI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("KURULTAI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("KURULTAI_EMAIL_USER")
EMAIL_HOST_PASSWORD = env("KURULTAI_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("KURULTAI_EMAIL_TLS")
DEFAULT_FROM_EMAIL = env("KURULTAI_FROM_EMAIL", "Kurultai <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Administrators", a) for a in env_list("KURULTAI_ADMINS")]

# --- Uploads -----------------------------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Logging -----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("KURULTAI_LOG_LEVEL", "INFO")},
    # fontTools logs every glyph of the fonts it embeds in PDFs at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

LOGIN_URL = "account_login"

SITE_NAME = env("KURULTAI_SITE_NAME", "Kurultai")
# Where people write about their personal data; the privacy notice names it (default: the sender address).
PRIVACY_CONTACT = env("KURULTAI_PRIVACY_CONTACT")
# Every link that leaves the site (emails, Telegram, feeds, calendars, the API) starts with this.
SITE_URL = env("KURULTAI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Notifications -----------------------------------------------------------------------------
# Hour (in TIME_ZONE) at which daily digests go out; weekly digests go out on Mondays at that hour.
DIGEST_HOUR = int(env("KURULTAI_DIGEST_HOUR", "6"))
# Mailbox named in the mailto: target of List-Unsubscribe (the https target unsubscribes at once).
UNSUBSCRIBE_EMAIL = env("KURULTAI_UNSUBSCRIBE_EMAIL") or DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
TELEGRAM_BOT_TOKEN = env("KURULTAI_TELEGRAM_BOT_TOKEN")
TELEGRAM_API_URL = env("KURULTAI_TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
# Public channel per language, e.g. "en=@kurultai_en,ru=@kurultai_ru".
TELEGRAM_CHANNELS = dict(item.split("=", 1) for item in env_list("KURULTAI_TELEGRAM_CHANNELS") if "=" in item)
TELEGRAM_WEBHOOK_SECRET = env("KURULTAI_TELEGRAM_WEBHOOK_SECRET")

# --- Dialogue ----------------------------------------------------------------------------------
# Per-person posting limits (contributions, comments, reports): at most this many per window, in seconds.
KURULTAI_POSTING_LIMIT = int(env("KURULTAI_POSTING_LIMIT", "10"))
KURULTAI_POSTING_WINDOW = int(env("KURULTAI_POSTING_WINDOW", "600"))

# --- Knowledge hub (OAI-PMH) -------------------------------------------------------------------
# Records per OAI-PMH ListRecords/ListIdentifiers answer; the rest follows with resumption tokens.
KURULTAI_OAI_PAGE_SIZE = int(env("KURULTAI_OAI_PAGE_SIZE", "100"))

# --- Donor projects (IATI) ---------------------------------------------------------------------
# Addresses imported once a day by the worker, e.g. an IATI Datastore query; comma-separated.
IATI_SOURCES = env_list("KURULTAI_IATI_SOURCES")
