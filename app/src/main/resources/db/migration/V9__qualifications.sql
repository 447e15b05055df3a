-- Collector certificates (Indonesia SP3, India IIBF DRA …) with their validity: the contact gate requires them
-- where a pack says so.
CREATE TABLE user_qualification (
    tenant_id     uuid NOT NULL,
    user_id       uuid NOT NULL,
    qualification text NOT NULL CHECK (qualification ~ '^[A-Z0-9_]{2,40}$'),
    valid_until   date NOT NULL,
    PRIMARY KEY (tenant_id, user_id, qualification),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
ALTER TABLE user_qualification ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_qualification FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_qualification
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON user_qualification TO ${appRole};
