"""Signals discussions sends for changes that bypass ``save()`` (bulk updates).

``visibility_changed`` is sent (inside the transaction) after threads or replies were
hidden or restored with one UPDATE, so listeners such as search can follow.
Arguments: ``thread_ids`` and ``post_ids``, lists of primary keys.
"""

from django.dispatch import Signal

visibility_changed = Signal()
