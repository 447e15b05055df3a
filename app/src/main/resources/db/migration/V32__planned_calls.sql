-- The day's planned AI calls are dialled when their time comes: a dispatched call action remembers the call it
-- became; one the gate refused at dial time is REFUSED with the gate's rules.
ALTER TABLE plan_action ADD COLUMN call_id uuid;
