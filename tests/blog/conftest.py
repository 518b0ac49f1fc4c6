"""Fixtures for the blog tests: an admin to post forms as, and contributors to credit."""

import pytest

from demo.factories import ContributorPageFactory


@pytest.fixture
def writer(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index,
        title="Sri Wahyuni",
        slug="sri-wahyuni",
        short_bio="Ibu dari dua anak, menulis tentang keuangan keluarga.",
    )


@pytest.fixture
def second_writer(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index, title="Ani Rahmawati", slug="ani-rahmawati"
    )


@pytest.fixture
def illustrator(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index, title="Maya Kusuma", slug="maya-kusuma"
    )
