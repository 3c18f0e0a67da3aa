import pytest

from tests.network.resources.factories import (
    GuidelineIndexPageFactory,
    PrinciplePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)


@pytest.fixture
def principles(charter_principles):
    return {principle.slug: principle for principle in charter_principles}


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def guideline_index(home_page):
    return GuidelineIndexPageFactory(parent=home_page)


@pytest.fixture
def principle_page(guideline_index, principles):
    return PrinciplePageFactory(parent=guideline_index, principle=principles["open-by-default"])


@pytest.fixture
def resource_factory(resource_index):
    """``resource_factory(principles=[...], language="es", ...)``: a live resource."""

    def make(**fields):
        return ResourcePageFactory(parent=resource_index, **fields)

    return make


@pytest.fixture
def file_storage(settings, tmp_path):
    """Files on disk in a temporary folder: Wagtail serves documents from a local path
    when the storage has one, and the tests' in-memory storage claims paths it never
    writes (every download would 404)."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path
