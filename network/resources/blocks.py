"""StreamField blocks of guidelines and principle pages: sections, checklists, worked
examples and call-outs, on top of the site's shared base stream."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock

# Guideline sections have their own h2; editors' rich text stays below it.
SECTION_FEATURES = [feature for feature in RICH_TEXT_FEATURES if feature != "h2"]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    body = blocks.RichTextBlock(label=_("Text"), features=SECTION_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "network/resources/blocks/section_block.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
    )
    note = blocks.TextBlock(label=_("Note"), required=False, max_length=500)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "network/resources/blocks/checklist_block.html"


class ExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    place = blocks.CharBlock(
        label=_("Where"),
        max_length=120,
        required=False,
        help_text=_("Country, city or institution, e.g. “Uruguay, Ministry of Economy”."),
    )
    text = blocks.TextBlock(label=_("What they did"))
    link = blocks.URLBlock(
        label=_("Read more at"),
        required=False,
        help_text=_("Shown as a link; never fetched."),
    )

    class Meta:
        icon = "pick"
        label = _("Example")
        template = "network/resources/blocks/example_block.html"


class GuidelineCalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Watch out"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=SECTION_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "network/resources/blocks/callout_block.html"


class GuidelineStreamBlock(BaseStreamBlock):
    section = SectionBlock()
    checklist = ChecklistBlock()
    example = ExampleBlock()
    callout = GuidelineCalloutBlock()


class CommitmentBlock(blocks.StructBlock):
    """One commitment a government makes when it adopts a Charter principle."""

    text = blocks.TextBlock(label=_("Commitment"), max_length=500)
    in_practice = blocks.TextBlock(
        label=_("In an action plan"),
        required=False,
        max_length=800,
        help_text=_("What a government writes into its plan to meet it."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Commitment")
        template = "network/resources/blocks/commitment_block.html"


class CommitmentStreamBlock(blocks.StreamBlock):
    commitment = CommitmentBlock()
