"""Pure parts of the command handlers: checkpoint ids and default periods."""

from datetime import date

import pytest

from rangkui_evaluation.service_layer.commands import RecordEvaluation, plan_of_checkpoint
from rangkui_eventkit.errors import NotFound, RuleViolated

pytestmark = pytest.mark.unit


def test_a_checkpoint_id_names_its_plan() -> None:
    assert plan_of_checkpoint("monitoring-m-1-m12") == "monitoring-m-1"
    for bad in ("monitoring-m-1", "other-m3", "monitoring-x-mtwelve"):
        with pytest.raises(NotFound):
            plan_of_checkpoint(bad)


def test_a_checkpoint_evaluation_takes_the_plan_period_unless_it_gives_its_own() -> None:
    command = RecordEvaluation(
        evaluation_id="e",
        nip="198609262015051001",
        kind="CHECKPOINT",
        hasil_kerja="SESUAI",
        perilaku_kerja="SESUAI",
    )
    plan_period = (date(2026, 1, 31), date(2026, 4, 30))

    assert (
        command.appraisal(plan_period).period_start,
        command.appraisal(plan_period).period_end,
    ) == plan_period
    with pytest.raises(RuleViolated) as refused:
        command.appraisal()
    assert refused.value.rule == "period_required"
