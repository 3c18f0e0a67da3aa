"""Models of this area (imported by network/models/__init__.py)."""
