import pytest

from tests.network.experts.factories import ExpertIndexPageFactory, ExpertProfilePageFactory


@pytest.fixture
def expert_index(home_page):
    return ExpertIndexPageFactory(parent=home_page)


@pytest.fixture
def expert_factory(expert_index):
    """``expert_factory(user=..., principles=[...], topics=[...], languages=[...])``."""
    from network.models import ExpertLanguage

    def make(principles=(), topics=(), languages=(), **fields):
        expert = ExpertProfilePageFactory(parent=expert_index, **fields)
        if principles:
            expert.principles.set(principles)
        if topics:
            expert.topics.set(list(topics))
        for sort_order, code in enumerate(languages):
            ExpertLanguage.objects.create(page=expert, language=code, sort_order=sort_order)
        if principles or topics:
            expert.save()
        return expert

    return make
