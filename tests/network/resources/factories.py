"""Pages of the guidelines and the resource centre, for tests."""

import factory
import wagtail_factories

from network.models.resources import (
    GuidelineIndexPage,
    GuidelinePage,
    PrinciplePage,
    ResourceIndexPage,
    ResourcePage,
)


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resources"
    slug = "resources"
    intro = "Guides, toolkits and datasets."
    live = True


class GuidelineIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidelineIndexPage

    title = "Guidelines"
    slug = "guidelines"
    live = True


class ResourcePageFactory(wagtail_factories.PageFactory):
    """Pass ``parent=`` a ResourceIndexPage; ``principles=[...]`` after creation."""

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource {n:03}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    description = "A practical guide for open data teams."
    external_url = "https://example.org/material"
    resource_type = "guide"
    language = "en"
    publisher = "Working group"
    year = 2024
    live = True

    @factory.post_generation
    def principles(self, create, extracted, **kwargs):
        if create and extracted:
            self.principles.set(extracted)
            self.save()  # modelcluster writes the relation on save


class PrinciplePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrinciplePage

    title = factory.LazyAttribute(lambda o: o.principle.name)
    slug = factory.LazyAttribute(lambda o: o.principle.slug)
    summary = "What the principle asks of governments."
    live = True


class GuidelinePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidelinePage

    title = factory.Sequence(lambda n: f"Guideline {n}")
    slug = factory.Sequence(lambda n: f"guideline-{n}")
    intro = "How to write a commitment."
    live = True
