"""The test Redis: TEST_REDIS_URL (its own database number, so two test runs on one machine keep apart)."""

import os

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

REDIS_CACHES = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": TEST_REDIS_URL,
        "KEY_PREFIX": f"cms-test:{alias}",
    }
    for alias in ("default", "pages", "renditions")
}


def redis_available():
    try:
        import redis

        return redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False
