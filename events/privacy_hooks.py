"""Staff screens for a person's data: export and erase (registered from wagtail_hooks)."""
