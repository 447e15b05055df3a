-- The platform operator works in a reserved tenant of kind PLATFORM (slug 'platform'), which holds no debtor data.
-- A tenant can be suspended (its users and tokens refused, its outbound work stopped) and limited by the operator.
ALTER TABLE tenant DROP CONSTRAINT tenant_kind_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_kind_check CHECK (kind IN ('LENDER', 'AGENCY', 'PLATFORM'));
ALTER TABLE tenant ADD COLUMN suspended_at timestamptz;
ALTER TABLE tenant ADD COLUMN suspended_reason text CHECK (suspended_reason IS NULL OR length(suspended_reason) <= 500);
ALTER TABLE tenant ADD CONSTRAINT tenant_suspension CHECK ((suspended_at IS NULL) = (suspended_reason IS NULL));
ALTER TABLE tenant ADD COLUMN max_users integer CHECK (max_users > 0);
ALTER TABLE tenant ADD COLUMN max_accounts integer CHECK (max_accounts > 0);

-- The operator's directory: every tenant's name, kind and state — never its data. Like candor_tenant_id, the one
-- narrow way around the tenant policy.
CREATE FUNCTION candor_tenant_directory()
    RETURNS TABLE (id uuid, slug text, name text, kind text, reporting_currency char(3), time_zone text,
                   created_at timestamptz, suspended_at timestamptz, suspended_reason text, max_users integer,
                   max_accounts integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT id, slug, name, kind, reporting_currency, time_zone, created_at, suspended_at, suspended_reason,
           max_users, max_accounts
    FROM tenant ORDER BY created_at, id
$$;
REVOKE ALL ON FUNCTION candor_tenant_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION candor_tenant_directory() TO ${appRole};
