package io.candor.portfolio.placement;

import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staging table into the portfolio with set-based SQL, inside the import's transaction. Row-level
 * security scopes every statement to the importing tenant.
 */
final class PlacementMerge {

    /** What the merge did. */
    record Counts(long imported, long updated, long rejected) {
    }

    private static final Logger log = LoggerFactory.getLogger(PlacementMerge.class);

    private final JdbcClient jdbc;
    private long mark = System.nanoTime();

    PlacementMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logs how long the step since the last mark took (debug level). */
    private void step(String name) {
        long now = System.nanoTime();
        log.debug("merge step {}: {} ms", name, (now - mark) / 1_000_000);
        mark = now;
    }

    /** Duplicated creditor references: the first occurrence stays, the others go to the quarantine. */
    long rejectDuplicates(UUID tenant, UUID job, long seqBase) {
        jdbc.sql("CREATE INDEX ON import_stage (creditor_ref)").update();
        jdbc.sql("ANALYZE import_stage").update();
        long n = jdbc.sql("""
                        INSERT INTO import_rejection (tenant_id, job_id, seq, line, col, reason, raw)
                        SELECT :tenant, :job, :base + row_number() OVER (ORDER BY s.line), s.line, 'creditor_ref',
                               'duplicate creditor_ref ''' || s.creditor_ref || ''': first on line ' || f.first_line,
                               s.raw
                        FROM import_stage s
                        JOIN (SELECT creditor_ref, min(line) AS first_line FROM import_stage
                              GROUP BY creditor_ref HAVING count(*) > 1) f USING (creditor_ref)
                        WHERE s.line <> f.first_line""")
                .param("tenant", tenant).param("job", job).param("base", seqBase).update();
        if (n > 0) {
            jdbc.sql("""
                    DELETE FROM import_stage s USING (SELECT creditor_ref, min(line) AS first_line FROM import_stage
                                                      GROUP BY creditor_ref HAVING count(*) > 1) f
                    WHERE s.creditor_ref = f.creditor_ref AND s.line <> f.first_line""").update();
        }
        return n;
    }

    Counts placement(UUID tenant, UUID creditor, UUID portfolio, LocalDate businessDate) {
        // Accounts the creditor placed before: this file updates them.
        jdbc.sql("""
                        UPDATE import_stage s SET account_id = a.id, debtor_id = a.debtor_id, existing = true,
                               debtor_exists = true, old_bucket = a.bucket
                        FROM account a WHERE a.creditor_id = :creditor AND a.creditor_ref = s.creditor_ref""")
                .param("creditor", creditor).update();
        step("match known accounts");
        // One debtor per identity number, within the file and with known debtors (master/sub accounts): a small
        // table of identity number -> debtor, joined below instead of rewriting the staging table.
        jdbc.sql("""
                CREATE TEMP TABLE import_debtor ON COMMIT DROP AS
                SELECT DISTINCT ON (national_id_index) national_id_index, debtor_id, false AS known FROM import_stage
                WHERE national_id_index IS NOT NULL AND NOT existing ORDER BY national_id_index, line""").update();
        step("debtors in the file");
        jdbc.sql("""
                UPDATE import_debtor x SET debtor_id = d.id, known = true
                FROM (SELECT DISTINCT ON (national_id_index) national_id_index, id FROM debtor
                      WHERE national_id_index IN (SELECT national_id_index FROM import_debtor)
                      ORDER BY national_id_index, id) d
                WHERE x.national_id_index = d.national_id_index""").update();
        step("known debtors");
        jdbc.sql("""
                CREATE TEMP VIEW import_rows AS
                SELECT s.*, coalesce(x.debtor_id, s.debtor_id) AS debtor, coalesce(x.known, s.debtor_exists) AS known_debtor,
                       candor_bucket(s.dpd, coalesce(b.boundaries, candor_default_buckets())) AS bucket
                FROM import_stage s LEFT JOIN import_debtor x ON x.national_id_index = s.national_id_index
                LEFT JOIN bucket_scheme b ON b.product = s.product""").update();
        jdbc.sql("""
                        INSERT INTO debtor (tenant_id, id, kind, full_name, national_id_enc, national_id_index,
                                            national_id_hint, birth_date, country, region, language)
                        SELECT DISTINCT ON (debtor) :tenant, debtor, debtor_kind, debtor_name, national_id_enc,
                               national_id_index, national_id_hint, birth_date, country, region, language
                        FROM import_rows WHERE NOT existing AND NOT known_debtor ORDER BY debtor, line""")
                .param("tenant", tenant).update();
        step("insert debtors");
        jdbc.sql("""
                        INSERT INTO contact_point (tenant_id, id, debtor_id, kind, value, time_zones, source)
                        SELECT :tenant, candor_new_id(), c.debtor, c.kind, c.value, c.zones, 'PLACEMENT'
                        FROM (SELECT DISTINCT debtor, 'PHONE' AS kind, phone AS value,
                                     string_to_array(coalesce(phone_zones, ''), ',') AS zones
                              FROM import_rows WHERE phone IS NOT NULL
                              UNION SELECT DISTINCT debtor, 'EMAIL', lower(email), '{}'::text[]
                              FROM import_rows WHERE email IS NOT NULL
                              UNION SELECT DISTINCT debtor, 'ADDRESS', address, '{}'::text[]
                              FROM import_rows WHERE address IS NOT NULL) c
                        WHERE NOT EXISTS (SELECT 1 FROM contact_point p
                                          WHERE p.debtor_id = c.debtor AND p.kind = c.kind AND p.value = c.value)""")
                .param("tenant", tenant).update();
        step("contact points");
        // new accounts, and their first bucket in the history, in one pass
        long imported = jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO account (tenant_id, id, portfolio_id, creditor_id, debtor_id, creditor_ref, product,
                                                 currency, principal_minor, interest_minor, fees_minor, penalty_minor,
                                                 due_date, dpd, bucket, status, bank_account_enc, bank_account_last4)
                            SELECT :tenant, account_id, :portfolio, :creditor, debtor, creditor_ref, product, currency,
                                   principal, interest, fees, penalty, due_date, dpd, bucket, 'OPEN', bank_enc, bank_last4
                            FROM import_rows WHERE NOT existing
                            RETURNING id, bucket, dpd)
                        INSERT INTO account_bucket_history (tenant_id, account_id, business_date, from_bucket, to_bucket,
                                                            dpd, source)
                        SELECT :tenant, id, :date, NULL, bucket, dpd, 'IMPORT' FROM inserted""")
                .param("tenant", tenant).param("portfolio", portfolio).param("creditor", creditor)
                .param("date", businessDate).update();
        step("insert accounts");
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_stage WHERE g_name IS NOT NULL AND NOT existing)")
                .query(Boolean.class).single()) {
            guarantors(tenant);
        }
        step("guarantors");
        long updated = jdbc.sql("""
                UPDATE account a SET principal_minor = s.principal, interest_minor = s.interest, fees_minor = s.fees,
                       penalty_minor = s.penalty, due_date = s.due_date, dpd = s.dpd, bucket = s.bucket,
                       status = 'OPEN'
                FROM import_rows s WHERE s.existing AND a.id = s.account_id""").update();
        step("update known accounts");
        jdbc.sql("""
                        INSERT INTO account_bucket_history (tenant_id, account_id, business_date, from_bucket, to_bucket,
                                                            dpd, source)
                        SELECT :tenant, account_id, :date, old_bucket, bucket, dpd, 'IMPORT' FROM import_rows
                        WHERE existing AND old_bucket IS DISTINCT FROM bucket
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("date", businessDate).update();
        step("bucket history");
        return new Counts(imported, updated, 0);
    }

    /** Guarantors named on new accounts: known debtors by identity number, else new debtors; linked as parties. */
    private void guarantors(UUID tenant) {
        jdbc.sql("""
                CREATE TEMP TABLE import_guarantor ON COMMIT DROP AS
                SELECT s.account_id, s.line, s.g_name, s.g_id_enc, s.g_id_index, s.g_id_hint, s.g_phone, s.g_phone_zones,
                       s.country, s.language, coalesce(d.id, f.g_debtor_id, s.g_debtor_id) AS debtor,
                       d.id IS NOT NULL AS known
                FROM import_stage s
                LEFT JOIN LATERAL (SELECT id FROM debtor WHERE s.g_id_index IS NOT NULL
                                   AND national_id_index = s.g_id_index ORDER BY id LIMIT 1) d ON true
                LEFT JOIN (SELECT DISTINCT ON (g_id_index) g_id_index, g_debtor_id FROM import_stage
                           WHERE g_id_index IS NOT NULL ORDER BY g_id_index, line) f ON f.g_id_index = s.g_id_index
                WHERE s.g_name IS NOT NULL AND NOT s.existing""").update();
        jdbc.sql("""
                        INSERT INTO debtor (tenant_id, id, kind, full_name, national_id_enc, national_id_index,
                                            national_id_hint, country, language)
                        SELECT DISTINCT ON (debtor) :tenant, debtor, 'PERSON', g_name, g_id_enc, g_id_index, g_id_hint,
                               country, language
                        FROM import_guarantor WHERE NOT known ORDER BY debtor, line""")
                .param("tenant", tenant).update();
        jdbc.sql("""
                        INSERT INTO contact_point (tenant_id, id, debtor_id, kind, value, time_zones, source)
                        SELECT DISTINCT ON (debtor, g_phone) :tenant, candor_new_id(), debtor, 'PHONE', g_phone,
                               string_to_array(coalesce(g_phone_zones, ''), ','), 'PLACEMENT'
                        FROM import_guarantor g
                        WHERE g_phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact_point p
                              WHERE p.debtor_id = g.debtor AND p.kind = 'PHONE' AND p.value = g.g_phone)""")
                .param("tenant", tenant).update();
        jdbc.sql("""
                        INSERT INTO account_party (tenant_id, account_id, debtor_id, role)
                        SELECT DISTINCT :tenant, account_id, debtor, 'GUARANTOR' FROM import_guarantor
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).update();
    }

    /** A recall file closes the open accounts it names; unknown references are rejected. */
    Counts recall(UUID tenant, UUID job, UUID creditor, long seqBase) {
        long rejected = jdbc.sql("""
                        INSERT INTO import_rejection (tenant_id, job_id, seq, line, col, reason, raw)
                        SELECT :tenant, :job, :base + row_number() OVER (ORDER BY s.line), s.line, 'creditor_ref',
                               'no open account with creditor_ref ''' || s.creditor_ref || ''' for this creditor', s.raw
                        FROM import_stage s
                        WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.creditor_id = :creditor
                                          AND a.creditor_ref = s.creditor_ref AND a.status = 'OPEN')""")
                .param("tenant", tenant).param("job", job).param("base", seqBase).param("creditor", creditor).update();
        long closed = jdbc.sql("""
                        UPDATE account a SET status = 'RECALLED' FROM import_stage s
                        WHERE a.creditor_id = :creditor AND a.creditor_ref = s.creditor_ref AND a.status = 'OPEN'""")
                .param("creditor", creditor).update();
        return new Counts(0, closed, rejected);
    }
}
