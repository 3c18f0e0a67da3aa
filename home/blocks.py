"""StreamField blocks shared by every page type: one base stream, each block templated."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text=_(
            "Images are public: anyone with the link can open them, even on private pages."
        )
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph_block.html"
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
