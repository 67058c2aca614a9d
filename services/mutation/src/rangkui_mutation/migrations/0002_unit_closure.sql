-- Closed units take no transfers (personnel's UnitClosed).
ALTER TABLE units ADD COLUMN IF NOT EXISTS closed_on date;
