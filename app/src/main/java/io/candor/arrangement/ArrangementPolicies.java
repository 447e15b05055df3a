package io.candor.arrangement;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.Creditors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The creditors' arrangement policies: one per creditor and product, or {@code *} for a creditor's other products;
 * without either, {@link Policy#DEFAULT}. Every change is audited.
 */
@Service
public class ArrangementPolicies {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountReadModel accounts;
    private final Creditors creditors;

    ArrangementPolicies(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock, AccountReadModel accounts,
            Creditors creditors) {
        this.accounts = accounts;
        this.creditors = creditors;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy in force for a creditor's product. */
    public Policy of(UUID creditor, String product) {
        return jdbc.sql("""
                        SELECT * FROM arrangement_policy WHERE creditor_id = :c AND product IN (:p, '*')
                        ORDER BY product = '*' LIMIT 1""")
                .param("c", creditor).param("p", product)
                .query((rs, n) -> new Policy(rs.getBigDecimal("max_discount_pct"), rs.getInt("max_tenor_months"),
                        rs.getLong("min_instalment_minor"), rs.getInt("max_buffer_days"), rs.getInt("grace_days"),
                        authority(rs.getString("authority"))))
                .optional().orElse(Policy.DEFAULT);
    }

    /** The policy in force for an account (its creditor's, for its product). */
    public Policy forAccount(UUID account) {
        AccountFacts a = accounts.require(account);
        return of(a.creditor(), a.product());
    }

    /** The policy for a creditor (by code) and product ({@code *} for all). */
    public Policy of(String creditorCode, String product) {
        return of(creditor(creditorCode), product);
    }

    @Transactional
    public Policy put(String creditorCode, String product, Policy p, String by) {
        List<String> problems = new ArrayList<>();
        if (!product.equals("*") && !List.of("CREDIT_CARD", "CONSUMER_LOAN", "ECOMMERCE_INSTALMENT", "SME_LOAN", "BNPL")
                .contains(product)) {
            problems.add("product is one of CREDIT_CARD, CONSUMER_LOAN, ECOMMERCE_INSTALMENT, SME_LOAN, BNPL or *");
        }
        if (p.maxDiscountPct().signum() < 0 || p.maxDiscountPct().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("maxDiscountPct is from 0 to 100");
        }
        if (p.maxTenorMonths() < 1 || p.maxTenorMonths() > 120) {
            problems.add("maxTenorMonths is from 1 to 120");
        }
        if (p.minInstalmentMinor() < 0) {
            problems.add("minInstalmentMinor is zero or more");
        }
        if (p.maxBufferDays() < 0 || p.maxBufferDays() > 365) {
            problems.add("maxBufferDays is from 0 to 365");
        }
        if (p.graceDays() < 0 || p.graceDays() > 30) {
            problems.add("graceDays is from 0 to 30");
        }
        Offerer previous = null;
        for (Offerer o : List.of(Offerer.COLLECTOR, Offerer.SUPERVISOR, Offerer.CREDITOR)) {
            if (previous != null && p.of(o).discountPct().compareTo(p.of(previous).discountPct()) < 0) {
                problems.add("authority." + o + ".discountPct is below " + previous + "'s: approval goes upwards");
            }
            previous = o;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The arrangement policy is not valid.", problems);
        }
        UUID creditor = creditor(creditorCode);
        jdbc.sql("""
                        INSERT INTO arrangement_policy (tenant_id, creditor_id, product, max_discount_pct, max_tenor_months,
                               min_instalment_minor, max_buffer_days, grace_days, authority, updated_by, updated_at)
                        VALUES (:t, :c, :p, :disc, :tenor, :min, :buffer, :grace, CAST(:auth AS jsonb), :by, :now)
                        ON CONFLICT (tenant_id, creditor_id, product) DO UPDATE SET
                            max_discount_pct = excluded.max_discount_pct, max_tenor_months = excluded.max_tenor_months,
                            min_instalment_minor = excluded.min_instalment_minor,
                            max_buffer_days = excluded.max_buffer_days, grace_days = excluded.grace_days,
                            authority = excluded.authority, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .param("t", TenantContext.require()).param("c", creditor).param("p", product)
                .param("disc", p.maxDiscountPct()).param("tenor", p.maxTenorMonths()).param("min", p.minInstalmentMinor())
                .param("buffer", p.maxBufferDays()).param("grace", p.graceDays())
                .param("auth", json.writeValueAsString(p.authority())).param("by", by)
                .param("now", Timestamps.utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.ARRANGEMENT_POLICY_SET, "creditor", creditor).withDetail(Map.of(
                "product", product, "policy", json.writeValueAsString(p))));
        return of(creditor, product);
    }

    private UUID creditor(String code) {
        return creditors.find(code).orElseThrow(() -> new NotFoundException("creditor", code));
    }

    private Map<Offerer, Policy.Authority> authority(String text) {
        Map<Offerer, Policy.Authority> read = json.readValue(text, new TypeReference<Map<Offerer, Policy.Authority>>() {
        });
        return new EnumMap<>(read.isEmpty() ? Map.of(Offerer.CREDITOR, new Policy.Authority(BigDecimal.valueOf(100), 120,
                Set.of(Kind.values()))) : read);
    }
}
