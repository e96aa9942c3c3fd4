"""Django's Redis cache backend, without building a new Redis client for every command.

``django.core.cache.backends.redis.RedisCacheClient.get_client()`` makes a ``redis.Redis`` object for each
cache call; redis-py fills some 170 response callbacks into every new client, which is about half the
time of a page-cache hit (measured in benchmarks/http/README.md). The client objects only wrap a
connection pool and are thread-safe, so one per pool is kept and reused.

Use it as the ``BACKEND`` of a Redis cache: ``"home.cache_backends.RedisCache"``.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
