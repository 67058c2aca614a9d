import pytest

from rangkui_eventkit.store import InMemoryEventStore
from rangkui_eventkit.testing.store_contract import EventStoreContract

pytestmark = pytest.mark.unit


class TestInMemoryEventStore(EventStoreContract):
    @pytest.fixture
    def store(self) -> InMemoryEventStore:
        return InMemoryEventStore()
