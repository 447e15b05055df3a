-- A creditor is set up by its administrator: a name and the jurisdictions whose law governs its accounts
-- (ISO 3166 codes: CN, US, BR-SP, or EU). Creditors an import created keep their one country as their jurisdiction.
ALTER TABLE creditor ADD COLUMN jurisdictions text[] NOT NULL DEFAULT '{}';
UPDATE creditor SET jurisdictions = ARRAY[country::text];
ALTER TABLE creditor ADD CONSTRAINT creditor_jurisdictions CHECK (cardinality(jurisdictions) BETWEEN 1 AND 20);
ALTER TABLE creditor ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- How much the current tenant stores: the bytes of its rows in every table keyed by tenant_id, as the rows are
-- (uncompressed). It runs as the caller and counts the current tenant's rows only (row-level security holds too); it names
-- no table: the tables are found in the catalogue.
CREATE FUNCTION candor_tenant_storage() RETURNS bigint
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    t     record;
    part  bigint;
    total bigint := 0;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND has_table_privilege(c.oid, 'SELECT')
    LOOP
        EXECUTE format('SELECT coalesce(sum(pg_column_size(x.*)), 0) FROM %I x WHERE x.tenant_id = candor_current_tenant()',
                       t.relname) INTO part;
        total := total + part;
    END LOOP;
    RETURN total;
END
$$;
GRANT EXECUTE ON FUNCTION candor_tenant_storage() TO ${appRole};
