-- Appraisal corrections: an evaluation that another supersedes no longer counts, and "the
-- last two years" is bounded by the appraisal periods' calendar dates.
ALTER TABLE performance ADD COLUMN IF NOT EXISTS superseded_by text;
ALTER TABLE performance ADD COLUMN IF NOT EXISTS period_start date;
