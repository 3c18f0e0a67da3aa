"""Models of this area (imported by discussions/models/__init__.py)."""
