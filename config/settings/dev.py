"""Local development: debug on, a throwaway secret key, mail to the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"  # noqa: S105
PAGE_CACHE_SECONDS = 0 if DEBUG else PAGE_CACHE_SECONDS  # noqa: F405
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
