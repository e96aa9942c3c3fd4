"""Log formats: one JSON object per line in production (DJANGO_LOG_FORMAT=json), plain lines otherwise.

Both carry the request id (ops.requestid). The JSON formatter is python-json-logger's.
"""


def logging_config(log_format="plain", level="INFO"):
    """The LOGGING dictionary for the settings."""
    if log_format == "json":
        formatter = {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["asctime", "levelname", "name", "message", "request_id"],
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        }
    else:
        formatter = {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ops.requestid.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"]},
        },
        "root": {"handlers": ["console"], "level": level},
        # Wagtail runs its search-index and reference-index tasks through django-tasks; a line per task is noise.
        "loggers": {"django_tasks": {"level": "WARNING"}},
    }
