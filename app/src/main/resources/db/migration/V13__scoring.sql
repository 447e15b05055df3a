-- Scoring: the model registry (versions are immutable; approval is a separate append-only record), the latest
-- score of every account with its reason codes, and the drift checks of the model in use.

CREATE TABLE model_version (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    name           text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    version        integer     NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('SCORECARD')),
    target         text        NOT NULL,
    bad_value      text        NOT NULL,
    features       text[]      NOT NULL,
    definition     jsonb       NOT NULL,
    data_sha256    bytea       NOT NULL,
    data_rows      integer     NOT NULL,
    data_bads      integer     NOT NULL,
    metrics        jsonb       NOT NULL,
    training_scores real[]     NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name, version)
);
CREATE TRIGGER model_version_append_only BEFORE UPDATE OR DELETE ON model_version
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE model_approval (
    tenant_id   uuid        NOT NULL,
    model_id    uuid        NOT NULL,
    decision    text        NOT NULL CHECK (decision IN ('APPROVED', 'RETIRED')),
    note        text        NOT NULL,
    decided_by  text        NOT NULL,
    decided_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, model_id, decision),
    FOREIGN KEY (tenant_id, model_id) REFERENCES model_version (tenant_id, id)
);
CREATE TRIGGER model_approval_append_only BEFORE UPDATE OR DELETE ON model_approval
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE account_score (
    tenant_id     uuid          NOT NULL,
    account_id    uuid          NOT NULL,
    model_id      uuid          NOT NULL,
    business_date date          NOT NULL,
    probability   real          NOT NULL,
    points        numeric(8, 1) NOT NULL,
    reasons       jsonb         NOT NULL,
    PRIMARY KEY (tenant_id, account_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES model_version (tenant_id, id)
);
CREATE INDEX account_score_date ON account_score (tenant_id, business_date);

CREATE TABLE model_drift (
    tenant_id     uuid        NOT NULL,
    model_id      uuid        NOT NULL,
    business_date date        NOT NULL,
    accounts      integer     NOT NULL,
    psi           real        NOT NULL,
    alert         boolean     NOT NULL,
    checked_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, model_id, business_date),
    FOREIGN KEY (tenant_id, model_id) REFERENCES model_version (tenant_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['model_version', 'model_approval', 'account_score', 'model_drift'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT ON model_version, model_approval TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON account_score, model_drift TO ${appRole};

-- The model a planning run scores with, fixed when the run starts (so a resumed run scores the same way).
ALTER TABLE plan_run ADD COLUMN model_id uuid;
