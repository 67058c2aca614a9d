"""Every role against every endpoint of the mutation service, as its access table declares
(issue 9): 401 without a token, 403 for a role the table does not grant, through for one
it does."""

import pytest

from rangkui_eventkit.auth import Role
from rangkui_eventkit.testing.access import walk_access_table
from rangkui_eventkit.testing.plugin import serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.entrypoints.access import ACCESS
from rangkui_mutation.settings import MutationSettings

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_every_role_gets_exactly_what_the_access_table_declares(
    settings: MutationSettings,
) -> None:
    app = create_app(settings)
    async with serve_in_process(app) as client:
        checked, wrong = await walk_access_table(client, app)
    assert not wrong, "\n".join(str(c) for c in wrong)
    assert checked >= len(ACCESS) * (len(Role) + 1)
