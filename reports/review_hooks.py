"""Wagtail hooks of reports/ (see wagtail_hooks.py)."""
