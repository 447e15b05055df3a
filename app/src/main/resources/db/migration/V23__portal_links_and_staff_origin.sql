-- Portal links can be revoked by a person (who is recorded) or replaced by a newer link (issue 17), and a
-- verification that came from a staff member's session or a staff network is recorded as such.
ALTER TABLE portal_link ADD COLUMN revoked_by text;
ALTER TABLE portal_verification ADD COLUMN staff_origin text;
CREATE INDEX portal_link_account ON portal_link (tenant_id, account_id, purpose) WHERE revoked_at IS NULL;
