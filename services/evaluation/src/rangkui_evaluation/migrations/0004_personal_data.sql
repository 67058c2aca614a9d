-- The evaluator's adaptation notes are personal data: since EvaluationRecorded version 2 they
-- travel and rest sealed with the employee's data key (opened on read while the key ring
-- holds it). `adaptation` keeps the checklist; for version-1 events it also holds the notes
-- in plaintext, as those events carried them.
ALTER TABLE evaluations ADD COLUMN IF NOT EXISTS adaptation_notes jsonb;
