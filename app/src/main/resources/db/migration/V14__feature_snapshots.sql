-- Point-in-time features: what the daily run knew of a sample of accounts on each business date, so a model can
-- be trained on the platform's own history (the outcome is read later from the payments that followed).

CREATE TABLE account_feature_snapshot (
    tenant_id     uuid  NOT NULL,
    business_date date  NOT NULL,
    account_id    uuid  NOT NULL,
    features      jsonb NOT NULL,
    PRIMARY KEY (tenant_id, business_date, account_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

ALTER TABLE account_feature_snapshot ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_feature_snapshot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON account_feature_snapshot USING (tenant_id = candor_current_tenant())
    WITH CHECK (tenant_id = candor_current_tenant());
GRANT SELECT, INSERT ON account_feature_snapshot TO ${appRole};
