"""Wagtail hooks of trainings/ (see wagtail_hooks.py)."""
