-- Search keys the account search and the inbound-message lookup can use through an index even under row-level
-- security: the planner only lets leakproof comparisons (=, <, >= on text) into an index scan ahead of the tenant
-- policy, never lower(), regexp_replace() or LIKE, so the keys are stored (generated) and compared by range.
ALTER TABLE debtor ADD COLUMN name_key text GENERATED ALWAYS AS (lower(full_name)) STORED;
CREATE INDEX debtor_name_key ON debtor (tenant_id, name_key text_pattern_ops);

-- a phone number's digits reversed (a search by the last digits becomes a search from the start), an e-mail
-- address in lower case
ALTER TABLE contact_point ADD COLUMN match_key text GENERATED ALWAYS AS (
    CASE kind WHEN 'PHONE' THEN reverse(regexp_replace(value, '\D', '', 'g'))
              WHEN 'EMAIL' THEN lower(value) END) STORED;
CREATE INDEX contact_point_match_key ON contact_point (tenant_id, kind, match_key text_pattern_ops);
