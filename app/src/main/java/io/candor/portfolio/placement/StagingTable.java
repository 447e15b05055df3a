package io.candor.portfolio.placement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The transaction's staging table, filled with PostgreSQL {@code COPY} (text format) as rows are validated.
 * It is a temporary table dropped at commit: nothing of it outlives the import's transaction.
 */
final class StagingTable implements AutoCloseable {

    static final String NAME = "import_stage";

    private static final String COLUMNS = "line, raw, creditor_ref, product, debtor_kind, debtor_name, national_id_enc, "
            + "national_id_index, national_id_hint, birth_date, phone, phone_zones, email, address, region, country, "
            + "language, currency, principal, interest, fees, penalty, due_date, dpd, bank_enc, bank_last4, "
            + "debtor_id, account_id, g_name, g_id_enc, g_id_index, g_id_hint, g_phone, g_phone_zones, g_debtor_id";
    private static final HexFormat HEX = HexFormat.of();
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    private StagingTable(CopyIn copy) {
        this.copy = copy;
    }

    static StagingTable create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // sorts and hashes over the whole file (duplicates, debtors) stay in memory
            s.execute("SET LOCAL work_mem = '64MB'");
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            s.execute("""
                    CREATE TEMP TABLE import_stage (
                        line bigint NOT NULL, raw text NOT NULL, creditor_ref text NOT NULL, product text,
                        debtor_kind text, debtor_name text, national_id_enc bytea, national_id_index bytea,
                        national_id_hint text, birth_date date, phone text, phone_zones text, email text,
                        address text, region text, country text, language text, currency text,
                        principal bigint, interest bigint, fees bigint, penalty bigint, due_date date, dpd integer,
                        bank_enc bytea, bank_last4 text, debtor_id uuid NOT NULL,
                        account_id uuid NOT NULL, g_name text, g_id_enc bytea, g_id_index bytea, g_id_hint text,
                        g_phone text, g_phone_zones text, g_debtor_id uuid, existing boolean NOT NULL DEFAULT false,
                        debtor_exists boolean NOT NULL DEFAULT false, old_bucket text
                    ) ON COMMIT DROP""");
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new StagingTable(pg.getCopyAPI().copyIn("COPY " + NAME + " (" + COLUMNS + ") FROM STDIN"));
    }

    void add(StagedRow r) throws SQLException {
        field(r.line()).field(r.raw()).field(r.creditorRef()).field(r.product()).field(r.debtorKind())
                .field(r.debtorName()).field(r.nationalIdSealed()).field(r.nationalIdHash()).field(r.nationalIdHint())
                .field(r.birthDate()).field(r.phone()).field(r.phoneZones()).field(r.email()).field(r.address())
                .field(r.region()).field(r.country()).field(r.language()).field(r.currency()).field(r.principal())
                .field(r.interest()).field(r.fees()).field(r.penalty()).field(r.dueDate()).field(r.dpd())
                .field(r.bankSealed()).field(r.bankLast4()).field(r.debtorId()).field(r.accountId());
        StagedRow.Guarantor g = r.guarantor();
        if (g == null) {
            field(null).field(null).field(null).field(null).field(null).field(null).last(null);
        } else {
            field(g.name()).field(g.nationalIdSealed()).field(g.nationalIdHash()).field(g.nationalIdHint())
                    .field(g.phone()).field(g.phoneZones()).last(g.debtorId());
        }
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the staged rows are then visible to the merge. */
    void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private StagingTable field(@Nullable Object value) {
        append(value);
        buffer.append('\t');
        return this;
    }

    private void last(@Nullable Object value) {
        append(value);
        buffer.append('\n');
    }

    private void append(@Nullable Object value) {
        switch (value) {
            case null -> buffer.append("\\N");
            case byte[] bytes -> buffer.append("\\\\x").append(HEX.formatHex(bytes));
            case String s -> escape(s);
            default -> buffer.append(value);
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
