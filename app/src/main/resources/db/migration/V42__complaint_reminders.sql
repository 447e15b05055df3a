-- When a case's handler was reminded of its final-response day, and when it was escalated to the compliance officers
-- (one working day before that day): each once a case.
ALTER TABLE complaint_case ADD COLUMN reminded_at timestamptz;
ALTER TABLE complaint_case ADD COLUMN escalated_at timestamptz;
