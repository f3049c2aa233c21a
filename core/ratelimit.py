"""A fixed-window rate limit on public form posts, kept in the shared cache.

No CAPTCHA on this site: a honeypot field catches naive bots and this limit
slows down the rest without ever asking a person to prove anything.
"""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def hit(request, group: str, rate: str | None = None) -> bool:
    """Count one post; True when the client is over the limit for ``group``."""
    limit, window = parse_rate(rate or settings.FORM_RATE_LIMIT)
    bucket = int(time.time() // window)
    key = f"ratelimit:{group}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    return count > limit
