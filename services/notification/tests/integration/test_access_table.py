"""Every role against every endpoint of the notification service, as its access table declares
(issue 9): 401 without a token, 403 for a role the table does not grant, through for one
it does."""

import pytest

from rangkui_eventkit.testing.access import assert_access_table_holds
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_every_role_gets_exactly_what_the_access_table_declares(
    settings: NotificationSettings,
) -> None:
    await assert_access_table_holds(create_app(settings))
