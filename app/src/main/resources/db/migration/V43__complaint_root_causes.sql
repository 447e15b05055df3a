-- What caused a complaint, set by its handler (a code of complaint/root-causes.json), and exactly what it was: who
-- (a collector, the AI agent, an agency, the creditor), the contacts, the template version, the strategy variant and
-- the rule packs in force. Complaint rates by cause, by collector, template and variant are counted from these.
ALTER TABLE complaint_case ADD COLUMN root_cause text;
ALTER TABLE complaint_case ADD COLUMN caused_by_kind text
    CHECK (caused_by_kind IN ('COLLECTOR', 'AI_AGENT', 'AGENCY', 'CREDITOR', 'UNKNOWN'));
ALTER TABLE complaint_case ADD COLUMN caused_by text;
ALTER TABLE complaint_case ADD COLUMN contact_events uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE complaint_case ADD COLUMN template text;
ALTER TABLE complaint_case ADD COLUMN strategy_variant text;
ALTER TABLE complaint_case ADD COLUMN rule_packs text;
