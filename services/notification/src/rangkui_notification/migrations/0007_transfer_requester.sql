-- Who asked for a transfer, so that the employee is told of its end only if they knew of
-- it (they asked for it, or its approval was notified to them).
ALTER TABLE notice_transfers ADD COLUMN IF NOT EXISTS kind text;
ALTER TABLE notice_transfers ADD COLUMN IF NOT EXISTS proposed_by text;
