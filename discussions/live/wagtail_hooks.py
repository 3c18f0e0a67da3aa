"""Admin hooks of this area (imported by discussions/wagtail_hooks.py)."""
