-- A rejected row keeps a bounded prefix of its raw text and the same row with its personal data masked (issue 17):
-- people who fix files see the masked one; the raw text is for the roles that may see personal data, audited.
ALTER TABLE import_rejection ADD COLUMN raw_masked text;

