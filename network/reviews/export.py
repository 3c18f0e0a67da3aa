"""The consolidated feedback as CSV, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be
read as a formula (CSV injection): it gets a leading apostrophe, as OWASP advises.
"""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_cell(value):
    text = "" if value is None else str(value)
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_START) or text.startswith(FORMULA_START):
        return "'" + text
    return text


def consolidated_csv(review, round, columns, blocks):
    """CSV text: one line per commitment × principle × reviewer, then overall remarks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Review"),
            _("Round"),
            _("Commitment"),
            _("Principle"),
            _("Reviewer"),
            _("Rating"),
            _("Comment"),
            _("Suggested resources"),
            _("Specific"),
            _("Measurable"),
            _("Verifiable"),
        ]
    )
    yes, no = _("yes"), _("no")
    for block in blocks:
        for row in block.rows:
            for column, feedback in row.feedback:
                writer.writerow(
                    escape_cell(value)
                    for value in [
                        review.title,
                        round,
                        block.commitment.title,
                        row.principle.name,
                        column.label,
                        feedback.get_rating_display() if feedback and feedback.rating else "",
                        feedback.comment if feedback else "",
                        feedback.resources if feedback else "",
                        "",
                        "",
                        "",
                    ]
                )
        for column, overall in block.overall:
            writer.writerow(
                escape_cell(value)
                for value in [
                    review.title,
                    round,
                    block.commitment.title,
                    _("Overall remarks"),
                    column.label,
                    "",
                    overall.remarks if overall else "",
                    "",
                    (yes if overall.specific else no) if overall else "",
                    (yes if overall.measurable else no) if overall else "",
                    (yes if overall.verifiable else no) if overall else "",
                ]
            )
    return buffer.getvalue()
