"""Storage for confidential uploads (draft action plans of commitment reviews)."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT with no URL at all: the app streams each one after its
    own permission check, so a template can never link one by mistake."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")
