"""The deciders of the evaluation context, assembled as the kit's `execute` takes them."""

from __future__ import annotations

from rangkui_evaluation.domain import appraisal_record, plan
from rangkui_eventkit.decider import Decider

PLAN: Decider[plan.PlanCommand, plan.Plan] = Decider(plan.INITIAL, plan.evolve, plan.decide)
APPRAISALS: Decider[appraisal_record.RecordAppraisal, appraisal_record.AppraisalRecord] = Decider(
    appraisal_record.INITIAL, appraisal_record.evolve, appraisal_record.decide
)
