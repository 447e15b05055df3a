-- A call's recording is kept until keep_until (its jurisdiction's minimum, or longer as the tenant keeps it, and
-- the rule that says so); then the audio is erased and the time noted — the evidence log keeps its hash and a
-- RECORDING_ERASED tombstone.
ALTER TABLE call ADD COLUMN keep_until date;
ALTER TABLE call ADD COLUMN retention_rule text;
ALTER TABLE call ADD COLUMN recording_erased_at timestamptz;
CREATE INDEX call_retention ON call (tenant_id, keep_until) WHERE recording_erased_at IS NULL AND keep_until IS NOT NULL;
