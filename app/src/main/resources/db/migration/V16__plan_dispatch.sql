-- The day's planned messages are handed to the channels when their time comes: a dispatched action remembers the
-- message it became (sent, refused by the gate at send time, or failed).

ALTER TABLE plan_action DROP CONSTRAINT plan_action_status_check;
ALTER TABLE plan_action ADD CONSTRAINT plan_action_status_check
    CHECK (status IN ('PLANNED', 'OVER_CAPACITY', 'REFUSED', 'DISPATCHED'));
ALTER TABLE plan_action ADD COLUMN dispatched_at timestamptz;
ALTER TABLE plan_action ADD COLUMN message_id uuid;
CREATE INDEX plan_action_due ON plan_action (tenant_id, status, planned_at);
