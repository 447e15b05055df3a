package io.candor.portfolio;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the organisation's ledger works, as its administrator sets it: each product's bucket scheme (the upper
 * days-past-due bounds of M1…M6; above the last is M7+) and each creditor's payment waterfall (the order in which
 * payments settle fees, penalty, interest and principal). Both are validated and audited.
 */
@Service
public class LedgerSettings {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LedgerSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every product's bucket bounds: its own scheme, or Candor's default. */
    public Map<Placement.Product, List<Integer>> bucketSchemes() {
        List<Integer> standard = jdbc.sql("SELECT unnest(candor_default_buckets())").query(Integer.class).list();
        Map<Placement.Product, List<Integer>> all = new EnumMap<>(Placement.Product.class);
        for (Placement.Product p : Placement.Product.values()) {
            all.put(p, standard);
        }
        jdbc.sql("SELECT product, boundaries FROM bucket_scheme").query((rs, n) -> Map.entry(
                        Placement.Product.valueOf(rs.getString(1)),
                        Arrays.stream((Integer[]) rs.getArray(2).getArray()).toList()))
                .list().forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** Sets a product's bounds: six increasing day counts. New buckets apply from the next import or close. */
    @Transactional
    public List<Integer> setBucketScheme(String product, List<Integer> bounds) {
        if (Arrays.stream(Placement.Product.values()).noneMatch(p -> p.name().equals(product))) {
            throw new BadRequestException("Unknown product '" + product + "': use one of "
                    + Arrays.toString(Placement.Product.values()));
        }
        boolean increasing = bounds.size() == 6 && bounds.getFirst() > 0;
        for (int i = 1; increasing && i < bounds.size(); i++) {
            increasing = bounds.get(i) > bounds.get(i - 1);
        }
        if (!increasing || bounds.getLast() > Bounds.MAX_DPD) {
            throw new BadRequestException("Give six increasing day counts, the upper bounds of M1 to M6 "
                    + "(e.g. [30,60,90,120,150,180]); got " + bounds);
        }
        jdbc.sql("""
                        INSERT INTO bucket_scheme (tenant_id, product, boundaries) VALUES (:t, :p, :b)
                        ON CONFLICT (tenant_id, product) DO UPDATE SET boundaries = EXCLUDED.boundaries""")
                .param("t", TenantContext.require()).param("p", product).param("b", bounds.toArray(Integer[]::new))
                .update();
        audit.record(AuditEntry.of(AuditAction.BUCKET_SCHEME_SET, "bucket_scheme", product)
                .withDetail(Map.of("bounds", bounds.toString())));
        return bounds;
    }

    /** A creditor's waterfall. */
    public List<Payments.Component> waterfall(String creditor) {
        return jdbc.sql("SELECT waterfall FROM creditor WHERE code = :code").param("code", creditor)
                .query((rs, n) -> Arrays.stream((String[]) rs.getArray(1).getArray()).map(Payments.Component::valueOf)
                        .toList())
                .optional().orElseThrow(() -> new NotFoundException("creditor", creditor));
    }

    /** Sets a creditor's waterfall: each component once. */
    @Transactional
    public List<Payments.Component> setWaterfall(String creditor, List<Payments.Component> order) {
        if (order.size() != 4 || order.stream().distinct().count() != 4) {
            throw new BadRequestException("Name each of FEES, PENALTY, INTEREST and PRINCIPAL once, in the order "
                    + "payments settle them.");
        }
        int n = jdbc.sql("UPDATE creditor SET waterfall = :w WHERE code = :code")
                .param("w", order.stream().map(Enum::name).toArray(String[]::new)).param("code", creditor).update();
        if (n == 0) {
            throw new NotFoundException("creditor", creditor);
        }
        audit.record(AuditEntry.of(AuditAction.WATERFALL_SET, "creditor", creditor)
                .withDetail(Map.of("order", order.toString())));
        return order;
    }
}
