-- Imports stage up to millions of rows in temporary tables: give the application role enough local buffers
-- for them (allocated only when a session uses temporary tables; the default 8 MB makes every pass over a
-- large staging table go to disk).
ALTER ROLE ${appRole} SET temp_buffers = '128MB';

-- Buckets: the glossary's boundaries as the one default, and a closed-form bucket function PostgreSQL can inline
-- (bulk paths join bucket_scheme once and call candor_bucket per row).
CREATE FUNCTION candor_default_buckets() RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '{30,60,90,120,150,180}'::integer[] $$;

CREATE OR REPLACE FUNCTION candor_bucket(dpd integer, boundaries integer[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN dpd <= 0 THEN 'M0' WHEN dpd <= boundaries[1] THEN 'M1' WHEN dpd <= boundaries[2] THEN 'M2'
                WHEN dpd <= boundaries[3] THEN 'M3' WHEN dpd <= boundaries[4] THEN 'M4'
                WHEN dpd <= boundaries[5] THEN 'M5' WHEN dpd <= boundaries[6] THEN 'M6' ELSE 'M7+' END
$$;

-- One account's bucket: the tenant's boundaries for the product, else the default.
CREATE FUNCTION candor_account_bucket(p_product text, p_dpd integer) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT candor_bucket(p_dpd, coalesce((SELECT boundaries FROM bucket_scheme WHERE product = p_product),
                                         candor_default_buckets()))
$$;

-- The parties of an account besides its debtor: guarantors and co-borrowers (they are debtors too).
CREATE TABLE account_party (
    tenant_id  uuid NOT NULL,
    account_id uuid NOT NULL,
    debtor_id  uuid NOT NULL,
    role       text NOT NULL CHECK (role IN ('GUARANTOR', 'CO_BORROWER')),
    PRIMARY KEY (tenant_id, account_id, debtor_id, role),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtor (tenant_id, id)
);
ALTER TABLE account_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_party FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON account_party
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
GRANT SELECT, INSERT ON account_party TO ${appRole};

-- Who works the account (set by placement to an agency and by the strategy's queues), and contact consents.
ALTER TABLE account ADD COLUMN assigned_agency text;
ALTER TABLE account ADD COLUMN assigned_collector uuid;
ALTER TABLE contact_point ADD COLUMN consents text[] NOT NULL DEFAULT '{}';
