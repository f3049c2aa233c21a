"""Staff screens for registrations and check-in (registered from wagtail_hooks)."""
