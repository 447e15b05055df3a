package io.candor.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.Payments;
import io.candor.tenancy.Tenants;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Trains a model on the platform's own history: each feature snapshot the daily run kept (what was known of an
 * account that day) labelled by what followed — {@code paid} when a posted payment came within the horizon,
 * {@code unpaid} otherwise. Only snapshots whose horizon has fully passed are used. The table is handed to the
 * same training as a CSV, so its fingerprint, checks and metrics are the same.
 */
@Service
class HistoryTraining {

    /** The most recent snapshots used at most. */
    public static final int MAX_ROWS = 200_000;

    private final JdbcClient jdbc;
    private final ModelRegistry registry;
    private final Tenants tenants;
    private final Payments payments;

    HistoryTraining(JdbcClient jdbc, ModelRegistry registry, Tenants tenants, Payments payments) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.registry = registry;
        this.tenants = tenants;
    }

    public ModelRegistry.Version train(String name, int horizonDays, @Nullable LocalDate from, @Nullable LocalDate to,
            String by) {
        if (horizonDays < 1 || horizonDays > 365) {
            throw new BadRequestException("horizonDays is the number of days a payment is awaited: 1 to 365 (e.g. 30).");
        }
        LocalDate today = tenants.businessDate(TenantContext.require());
        LocalDate last = today.minusDays(horizonDays);
        if (to != null && to.isBefore(last)) {
            last = to;
        }
        byte[] csv = csv(from, last, horizonDays);
        if (csv == null) {
            throw new BadRequestException("There are no feature snapshots from " + (from == null ? "the start" : from)
                    + " to " + last + " (the last day whose " + horizonDays + "-day outcome is known). The daily run keeps "
                    + "them (candor.scoring.snapshot-percent of accounts); train from history once enough days have "
                    + "passed, or upload a CSV.");
        }
        return registry.train(name, csv, "outcome", "unpaid", by);
    }

    /** The labelled snapshots as CSV, with the platform features that have any value; null when there are none. */
    private byte @Nullable [] csv(@Nullable LocalDate from, LocalDate last, int horizon) {
        record Snapshot(UUID account, LocalDate date, Map<String, Object> features) {
        }
        record Row(Map<String, Object> features, boolean paid) {
        }
        List<Snapshot> snapshots = jdbc.sql("""
                        SELECT account_id, business_date, features::text FROM account_feature_snapshot
                        WHERE business_date <= :last AND (CAST(:from AS date) IS NULL OR business_date >= :from)
                        ORDER BY business_date DESC, account_id LIMIT :max""")
                .param("last", last).param("from", from).param("max", MAX_ROWS)
                .query((rs, n) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = ModelRegistry.JSON.readValue(rs.getString(3), Map.class);
                    return new Snapshot(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), f);
                })
                .list();
        if (snapshots.isEmpty()) {
            return null;
        }
        // the outcome: a posted payment within the horizon after the snapshot's day
        LocalDate first = snapshots.stream().map(Snapshot::date).min(LocalDate::compareTo).orElseThrow();
        Map<UUID, List<LocalDate>> paid = payments.paymentDays(snapshots.stream().map(Snapshot::account).distinct()
                .toList(), first.plusDays(1), last.plusDays(horizon));
        List<Row> rows = snapshots.stream().map(x -> new Row(x.features(), paid.getOrDefault(x.account(), List.of())
                .stream().anyMatch(d -> d.isAfter(x.date()) && !d.isAfter(x.date().plusDays(horizon))))).toList();
        List<String> columns = new ArrayList<>();
        for (String f : concat(PlatformFeatures.NUMERIC, PlatformFeatures.LABELS)) {
            if (rows.stream().anyMatch(r -> r.features().get(f) != null)) {
                columns.add(f);
            }
        }
        StringBuilder s = new StringBuilder();
        List<String> header = new ArrayList<>(columns);
        header.add("outcome");
        try (CSVPrinter csv = new CSVPrinter(s, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord(header);
            for (Row r : rows) {
                List<Object> record = new ArrayList<>();
                columns.forEach(c -> record.add(r.features().get(c))); // null is an empty cell: missing
                record.add(r.paid() ? "paid" : "unpaid");
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
