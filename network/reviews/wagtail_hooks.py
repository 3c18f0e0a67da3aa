"""Admin hooks of this area (imported by network/wagtail_hooks.py)."""
