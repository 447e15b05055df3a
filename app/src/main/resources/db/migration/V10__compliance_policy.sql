-- Tenant and creditor policy layers on top of the shipped rule packs: each change is a new version (never
-- rewritten), effective from a date; the gate applies the newest version in effect on the contact's date.
CREATE TABLE compliance_policy (
    tenant_id      uuid        NOT NULL,
    scope          text        NOT NULL CHECK (scope IN ('TENANT', 'CREDITOR')),
    creditor_code  text        NOT NULL DEFAULT '' CHECK ((scope = 'TENANT') = (creditor_code = '')),
    version        integer     NOT NULL CHECK (version >= 1),
    effective_from date        NOT NULL,
    definition     jsonb       NOT NULL,
    sha256         bytea       NOT NULL,
    reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, scope, creditor_code, version)
);
CREATE TRIGGER compliance_policy_append_only BEFORE UPDATE OR DELETE ON compliance_policy
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();
ALTER TABLE compliance_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON compliance_policy
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
GRANT SELECT, INSERT ON compliance_policy TO ${appRole};
