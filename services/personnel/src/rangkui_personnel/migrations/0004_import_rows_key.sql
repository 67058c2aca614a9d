-- The stream a staged import row is about (`simpeg.key_of`), so that a row repeating a key
-- given earlier in the file is found by one query over the staged rows, not by a set of
-- every key held in the importing process's memory (a streamed file has no bound).
ALTER TABLE import_rows ADD COLUMN IF NOT EXISTS key text;
