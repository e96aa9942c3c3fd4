"""Django settings for the Tanjungpinang city CMS.

One module, driven by environment variables (documented in ``.env.example``).
``cms/test_settings.py`` is the only overlay.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from ops.logformat import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    """Read a boolean: 1/true/yes/on are true, 0/false/no/off/empty are false."""
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_list(name, default=""):
    """Read a comma-separated list, dropping blanks and surrounding spaces."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required when DJANGO_DEBUG is off; see .env.example."
        )
    # Only ever reached with DJANGO_DEBUG=1 on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Our apps go before Wagtail's (their templates and translations win), and wagtail_modeltranslation before
# everything: it patches Wagtail's page classes and admin as it loads, which must happen before they are used.
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "cms",  # no models: the setup_roles command, which knows every app
    "home",
    "ops",
    "serving",
    "images",
    "heritage_pages",
    "news",
    "news.importing",
    "smartcity",
    "search",
    "editorial",
    "alerts",
    "serving.cdn_app.CDNConfig",
    "jdih",
    "ppid",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

MIDDLEWARE = [
    "ops.requestid.RequestIdMiddleware",  # first: every later middleware and log line sees the request id
    "ops.health.HealthCheckMiddleware",  # /healthz answers before any middleware that needs the cache or database
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache, so cached answers get the headers too (serving/headers.py).
    "serving.headers.CSPMiddleware",
    "serving.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "search.middleware.SearchLogMiddleware",
    # The anonymous page cache (serving/pagecache.py): a hit is answered here, before the rest.
    "serving.middleware.PageCacheMiddleware",
    # HTML is gzipped before the page cache stores it (Vary: Accept-Encoding keeps a plain copy for
    # clients that do not accept gzip), so a hit costs no compression. Django's gzip pads each
    # response with random bytes against BREACH (Django 4.2+).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "serving.middleware.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: a locked-out log-in (or password reset) gets the lockout page.
    "editorial.login.PasswordResetThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: an SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, so every worker shares one cache (trap 12
# in the modeltranslation notes); per-process memory otherwise. Three shared aliases:
# "default" (the generation, derived data and fragments: serving/derived.py), "pages" (whole anonymous
# pages: serving/pagecache.py) and "renditions" (Wagtail's image rendition lookups).
# docs/performance.md ("The two caches") says what each holds and what makes it invalid.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "cms")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Seconds to wait for Redis before serving without it (serving/cache.py).
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))


def _cache(prefix, timeout=300):
    if REDIS_URL:
        return {
            # django-redis rather than Django's own backend: Django's builds a new redis-py client for
            # every cache call (~170 response callbacks each), about half the time of a page-cache hit;
            # django-redis keeps one client per connection pool (benchmarks/http/README.md).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{prefix}",
            "TIMEOUT": timeout,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT, "SOCKET_TIMEOUT": REDIS_TIMEOUT},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix, "TIMEOUT": timeout}


CACHES = {
    "default": _cache("default"),
    "pages": _cache("pages", PAGE_CACHE_SECONDS),
    "renditions": _cache("renditions", 60 * 60 * 24),
}
# Fail open: Redis unreachable = a miss, nothing stored, never a 500 (every cache call, Wagtail's too);
# one warning a minute at most (serving/cache.py filters this logger).
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "serving.cache"
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Browsers keep a page this long (the server's copy is replaced on any change, a browser's is not).
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "60"))

# A CDN in front (docs/performance.md, "A CDN in front"): serving/cdn.py purges the URLs a change touched,
# after the commit, through wagtail.contrib.frontend_cache's backends. CDN_BACKEND: empty (no CDN), "http"
# (a proxy taking PURGE: Varnish, nginx), "cloudflare" or "cloudfront" (needs boto3, not installed by default).
CDN_BACKEND = os.environ.get("CDN_BACKEND", "").strip().lower()
_CDN_HOSTNAMES = {"HOSTNAMES": env_list("CDN_HOSTNAMES")} if env_list("CDN_HOSTNAMES") else {}
if CDN_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "serving.cdn.HTTPPurgeBackend",
            "LOCATION": os.environ.get("CDN_PURGE_URL", "http://127.0.0.1:6081"),
            "TIMEOUT": float(os.environ.get("CDN_PURGE_TIMEOUT", "5")),
            **_CDN_HOSTNAMES,
        }
    }
elif CDN_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
            **_CDN_HOSTNAMES,
        }
    }
elif CDN_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
            **_CDN_HOSTNAMES,
        }
    }
elif CDN_BACKEND:
    raise ImproperlyConfigured(f"CDN_BACKEND must be empty, http, cloudflare or cloudfront, not {CDN_BACKEND!r}.")
else:
    WAGTAILFRONTENDCACHE = {}
# Wagtail would rewrite each URL's language prefix to purge it per language; our slugs are translated, so
# serving/cdn.py lists each language's own URLs itself.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Indonesian first and default, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# The project's own catalogues, then the Indonesian it supplies for the admin strings of Wagtail and its
# companions that their own catalogues lack (locale_overrides/id/LC_MESSAGES/django.po says more).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

MODELTRANSLATION_DEFAULT_LANGUAGE = "id"
MODELTRANSLATION_LANGUAGES = ("id", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("id",)}


def localized_verbose_name(verbose_name, lang):
    """Label translated fields "[id]", not "[ind]": wagtail-modeltranslation's locale picker in the editor looks for
    labels ending in the language code, and hides the Indonesian slug and SEO fields when it finds "[ind]"."""
    return f"{verbose_name} [{'id' if lang == 'ind' else lang}]"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
# The editor shows both languages side by side by default; the picker can hide one.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("id", "en")

# One page tree with field-level translation; no Wagtail locales on top.
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Media files are served by Django itself only when this is on (development, or a
# small install without a front web server).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Pemerintah Kota Tanjungpinang")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CityImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Each worker writes its search counts for the "Popular searches" report at most this often,
# after a response, never inside a visitor's search (search/querylog.py).
SEARCH_LOG_FLUSH_SECONDS = int(os.environ.get("SEARCH_LOG_FLUSH_SECONDS", "30"))
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests from the admin either: no Gravatar lookups of editors' email hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Heritage maps (heritage_pages): the tile server, a URL template with {z}/{x}/{y} (and optionally {s}),
# and its attribution (HTML). Tiles are fetched by the visitor's browser, only on map pages.
HERITAGE_MAP_TILE_URL = os.environ.get("HERITAGE_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
HERITAGE_MAP_ATTRIBUTION = os.environ.get(
    "HERITAGE_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# Public information service (ppid/, docs/ppid.md): its private files (outside MEDIA_ROOT, never served
# by a web server), how long requests keep personal data, the form's rate limit and upload size.
PPID_PRIVATE_ROOT = Path(os.environ.get("PPID_PRIVATE_ROOT", BASE_DIR / "private"))
PPID_RETENTION_DAYS = int(os.environ.get("PPID_RETENTION_DAYS", str(5 * 365)))
PPID_REQUESTS_PER_HOUR = int(os.environ.get("PPID_REQUESTS_PER_HOUR", "5"))
PPID_MAX_UPLOAD_MB = int(os.environ.get("PPID_MAX_UPLOAD_MB", "10"))

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
# Review workflow emails (submitted to the editors; approved, or rejected with the reviewer's comment, to
# the submitter), each in the recipient's admin language. Users choose which they get in their account
# settings; an account without an email address gets none (docs/editorial.md).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# Superusers also receive every "submitted for review" email unless this is off.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True)

# Security: strict by default; DJANGO_SECURE_SSL_REDIRECT=0 for a plain-HTTP test box.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs: plain lines, or one JSON object per line with DJANGO_LOG_FORMAT=json (production); both carry the
# request id that ops.requestid also sends back as X-Request-ID.
LOGGING = logging_config(os.environ.get("DJANGO_LOG_FORMAT", "plain"), os.environ.get("DJANGO_LOG_LEVEL", "INFO"))

# Operations (docs/deploy.md): health check, error reports, metrics.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from ops.sentry import init_sentry

    init_sentry(SENTRY_DSN)
# Prometheus metrics at /metrics, off unless DJANGO_METRICS=1; never public (ops/metrics.py).
METRICS_ENABLED = env_bool("DJANGO_METRICS", False)
METRICS_TOKEN = os.environ.get("DJANGO_METRICS_TOKEN", "")
if METRICS_ENABLED:
    INSTALLED_APPS.append("django_prometheus")
    MIDDLEWARE.insert(2, "django_prometheus.middleware.PrometheusBeforeMiddleware")
    MIDDLEWARE.append("django_prometheus.middleware.PrometheusAfterMiddleware")

# Media on S3-compatible object storage (django-storages) when a bucket is named, so that every app server
# sees the same images, renditions and documents; local files under MEDIA_ROOT otherwise. django-storages'
# own setting names, from the environment (docs/deploy.md gives the bucket policy).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # MinIO or a provider's S3 service
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # a media CDN
AWS_DEFAULT_ACL = None  # objects get the bucket's policy: images public, documents/ not
AWS_QUERYSTRING_AUTH = False  # image URLs are plain and stable, so cached pages keep working
AWS_S3_FILE_OVERWRITE = False
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=2592000"}  # a new upload gets a new name
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
# Documents are always served through the site, which applies collection view restrictions first; a
# document's URL never points at the storage, so no restricted document is ever a public object.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Security hardening (docs/security.md) ---------------------------------------------------------------

# Log-in throttling (django-axes, database handler: no Redis needed). A username or a client address
# with DJANGO_LOGIN_FAILURE_LIMIT failed log-ins within DJANGO_LOGIN_COOLOFF_MINUTES is locked out for
# that long; an administrator unlocks it in the admin (Settings > Locked-out log-ins) or with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS` / `axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # axes' check, then ModelBackend's (force_login and sessions use the first backend)
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_RESET_ON_SUCCESS = True
# Failures are logged (WARNING, logger "axes") with the username and address, for an audit trail; never passwords.
AXES_SENSITIVE_PARAMETERS = []
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client address: REMOTE_ADDR, or behind our TLS proxy the address the proxy appended to
# X-Forwarded-For (never what the client wrote there itself).
AXES_CLIENT_IP_CALLABLE = "editorial.login.client_ip"
AXES_ENABLE_ADMIN = False  # the Wagtail admin lists and unlocks them (editorial/wagtail_hooks.py)
TRUSTED_PROXY_COUNT = (
    int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1")) if env_bool("DJANGO_BEHIND_TLS_PROXY") else 0
)

# Content-Security-Policy (django-csp 4). Public pages run only our own files: no inline script, so no
# nonce, and a cached page carries the same policy for everyone. DJANGO_CSP_REPORT_ONLY=1 sends it as
# Content-Security-Policy-Report-Only (to try a change); DJANGO_CSP_REPORT_URI collects violation reports.
_tile_origin = urlsplit(HERITAGE_MAP_TILE_URL)
_TILES = [f"{_tile_origin.scheme}://{_tile_origin.netloc.replace('{s}', '*')}"] if _tile_origin.netloc else []
_CSP_REPORT_URI = os.environ.get("DJANGO_CSP_REPORT_URI", "")
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", *_TILES],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    # Embedded videos (Wagtail embeds) come from their providers over HTTPS.
    "frame-src": ["'self'", "https:"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # Wagtail's live preview shows pages in a same-origin frame (X_FRAME_OPTIONS is SAMEORIGIN too).
    "frame-ancestors": ["'self'"],
    "report-uri": [_CSP_REPORT_URI] if _CSP_REPORT_URI else None,
}
_CSP_PUBLIC = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
    # The admin gets CSP_ADMIN_DIRECTIVES instead (serving/headers.py).
}
# The Wagtail admin writes inline scripts and style attributes; it needs 'unsafe-inline' (not eval).
CSP_ADMIN_DIRECTIVES = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_TILES],
}
CSP_ADMIN_URL_PREFIXES = ("/admin/",)
if env_bool("DJANGO_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_PUBLIC
else:
    CONTENT_SECURITY_POLICY = _CSP_PUBLIC
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
PERMISSIONS_POLICY_DISABLED = ["camera", "microphone", "geolocation", "payment"]

# Uploads. Images: at most WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels
# (read from the file's header before anything is decoded); documents: at most DOCUMENT_MAX_UPLOAD_SIZE
# bytes with an extension in WAGTAILDOCS_EXTENSIONS. Set nginx's client_max_body_size to the larger of
# the two plus a little (README, docs/security.md).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", str(40_000_000)))
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.uploads.CityImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "images.uploads.CityDocumentForm"
# Larger uploads are streamed to a temporary file rather than held in memory; non-file form data is small.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Optional two-person rule: nobody approves a review task on a page they submitted themselves.
REVIEW_TWO_PERSON_RULE = env_bool("DJANGO_REVIEW_TWO_PERSON_RULE", False)
