"""Uploads on the local disk are stored whole or not at all.

Django's FileSystemStorage writes straight into the file's final name, so a write that
fails half-way (the disk fills up, the process is killed) leaves a truncated file that
looks like a stored upload. Here every file is written to a hidden temporary file in
the same folder and renamed into place only once complete: a rename within one
filesystem is atomic, and a failed write removes its temporary file.
"""

import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage

PARTIAL_PREFIX = ".partial-"


class _WrittenFile(File):
    """A complete file already on disk, which FileSystemStorage moves into place."""

    def temporary_file_path(self):
        return self.name


class WholeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=PARTIAL_PREFIX)
        try:
            with os.fdopen(descriptor, "wb") as written:
                for chunk in content.chunks():
                    written.write(chunk.encode() if isinstance(chunk, str) else chunk)
            # Moved by rename: same folder, same filesystem.
            return super()._save(name, _WrittenFile(None, name=partial))
        finally:
            if os.path.exists(partial):
                os.remove(partial)
