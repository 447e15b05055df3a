-- Placement import: jobs, their rejected rows, per-creditor mapping profiles; creditor references become
-- unique per creditor (incremental files update accounts across placements); the bucket history.

-- A data step in a migration: the owner is subject to forced row-level security too, so lift it briefly.
ALTER TABLE account NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account ADD COLUMN creditor_id uuid;
UPDATE account a SET creditor_id = p.creditor_id
FROM portfolio p WHERE p.tenant_id = a.tenant_id AND p.id = a.portfolio_id;
ALTER TABLE account ALTER COLUMN creditor_id SET NOT NULL;
ALTER TABLE account FORCE ROW LEVEL SECURITY;
ALTER TABLE account ADD FOREIGN KEY (tenant_id, creditor_id) REFERENCES creditor (tenant_id, id);
ALTER TABLE account DROP CONSTRAINT account_tenant_id_portfolio_id_creditor_ref_key;
ALTER TABLE account ADD CONSTRAINT account_creditor_ref UNIQUE (tenant_id, creditor_id, creditor_ref);
CREATE INDEX account_portfolio ON account (tenant_id, portfolio_id);

CREATE TABLE import_profile (
    tenant_id  uuid        NOT NULL,
    name       text        NOT NULL CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    definition jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE import_job (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('PLACEMENT', 'RECALL')),
    file_name      text        NOT NULL,
    content_sha256 bytea       NOT NULL,
    size_bytes     bigint      NOT NULL,
    profile        text,
    creditor_code  text        NOT NULL,
    portfolio_code text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_read      bigint      NOT NULL DEFAULT 0,
    imported       bigint      NOT NULL DEFAULT 0,
    updated        bigint      NOT NULL DEFAULT 0,
    rejected       bigint      NOT NULL DEFAULT 0,
    error          text,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);
-- One successful import per file content: the same file again is a no-op.
CREATE UNIQUE INDEX import_job_once ON import_job (tenant_id, kind, content_sha256) WHERE status = 'SUCCEEDED';

CREATE TABLE import_rejection (
    tenant_id uuid    NOT NULL,
    job_id    uuid    NOT NULL,
    seq       integer NOT NULL,
    line      bigint  NOT NULL,
    col       text,
    reason    text    NOT NULL,
    raw       text    NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq),
    FOREIGN KEY (tenant_id, job_id) REFERENCES import_job (tenant_id, id)
);

-- Every change of an account's bucket, never rewritten: roll rates come from here.
CREATE TABLE account_bucket_history (
    tenant_id     uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    business_date date        NOT NULL,
    from_bucket   text,
    to_bucket     text        NOT NULL,
    dpd           integer     NOT NULL,
    source        text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account_id, business_date, source),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE TRIGGER account_bucket_history_append_only BEFORE UPDATE OR DELETE ON account_bucket_history
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['import_profile', 'import_job', 'import_rejection', 'account_bucket_history'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON import_profile TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON import_job TO ${appRole};
GRANT SELECT, INSERT ON import_rejection, account_bucket_history TO ${appRole};

-- Maintenance across tenants (recovering interrupted jobs, the end-of-day close) enters each tenant in turn;
-- this lists their ids and nothing else.
CREATE FUNCTION candor_tenant_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT id FROM tenant ORDER BY id $$;
REVOKE ALL ON FUNCTION candor_tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION candor_tenant_ids() TO ${appRole};

-- The platform's business date per tenant: NULL means "today in the tenant's time zone"; settable for
-- simulation and tests.
ALTER TABLE tenant ADD COLUMN business_date date;

-- Ids for rows made by set-based SQL: time-ordered UUIDv7 where the server has it (PostgreSQL 18+).
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 180000 THEN
        EXECUTE 'CREATE FUNCTION candor_new_id() RETURNS uuid LANGUAGE sql VOLATILE AS $f$ SELECT uuidv7() $f$';
    ELSE
        EXECUTE 'CREATE FUNCTION candor_new_id() RETURNS uuid LANGUAGE sql VOLATILE AS $f$ SELECT gen_random_uuid() $f$';
    END IF;
END
$$;
