"""Reactions (policies): events -> commands -> new events, exactly once with the consumer's
position."""

from __future__ import annotations

from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles
from rangkui_mutation.domain.need import RecordEffectiveTransfer, need_decider, need_stream_id


class FillStaffingNeeds(Reaction):
    """An effective transfer linked to a need counts towards it; the need is fulfilled when
    its count is reached."""

    name = "fill_staffing_needs"
    topics = (MUTATION,)

    @handles(MutationEffective)
    async def on_effective(self, ctx: BatchContext, e: MutationEffective, r: Received) -> None:
        if e.need_id is None:
            return
        command = RecordEffectiveTransfer(mutation_id=e.mutation_id, nip=e.nip)
        await ctx.execute(need_decider, need_stream_id(e.need_id), command, because_of=r)
