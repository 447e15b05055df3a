-- Candor platform: the application role, the tenant registry, row-level security helpers.
-- Every table of tenant data has tenant_id leading its primary and foreign keys (Citus-compatible:
-- tenant_id is the distribution column) and row-level security forced on, so even the owner is filtered.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};

-- The tenant of the current transaction, set by the application on every connection it hands out.
-- NULL when unset: then no policy matches and tenant tables look empty.
CREATE FUNCTION candor_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('candor.tenant_id', true), '')::uuid $$;

-- Rejects every UPDATE, DELETE and TRUNCATE on append-only tables, whoever runs them.
CREATE FUNCTION candor_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TABLE tenant (
    id                 uuid        NOT NULL PRIMARY KEY,
    slug               text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind               text        NOT NULL CHECK (kind IN ('LENDER', 'AGENCY')),
    reporting_currency char(3)     NOT NULL CHECK (reporting_currency ~ '^[A-Z]{3}$'),
    time_zone          text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
-- A session sees (and may create) only the tenant it works for.
CREATE POLICY tenant_self ON tenant
    USING (id = candor_current_tenant())
    WITH CHECK (id = candor_current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenant TO ${appRole};

-- Login starts from a tenant's slug, before any tenant is set: this narrow lookup is the only way
-- around the policy above, and it reveals nothing but the id of a slug the caller already knows.
CREATE FUNCTION candor_tenant_id(p_slug text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT id FROM tenant WHERE slug = p_slug $$;
REVOKE ALL ON FUNCTION candor_tenant_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION candor_tenant_id(text) TO ${appRole};
