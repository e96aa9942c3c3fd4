"""Error reports to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set.

sentry-sdk is imported only then. No personal data is sent (no cookies, user names or IP addresses);
each event carries the request id, so it can be matched with the log lines of the same request.
"""

import os


def _tag_request_id(event, hint):
    from ops.requestid import current_request_id

    event.setdefault("tags", {})["request_id"] = current_request_id()
    return event


def init_sentry(dsn):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
        before_send=_tag_request_id,
    )
