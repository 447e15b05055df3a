package io.candor.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Master/sub accounts (子母账户): all of one debtor's accounts, across placements, creditors and currencies,
 * seen as one, with the total in the tenant's reporting currency at the business date's rates.
 */
@Service
public class DebtorOverview {

    /** The debtor's accounts and their total. {@code total} is null when a rate is missing (listed). */
    public record Overview(UUID debtorId, String name, LocalDate asOf, List<AccountSummary> accounts,
                           @Nullable Money total, List<String> missingRates) {
    }

    private final JdbcClient jdbc;
    private final ExchangeRates rates;
    private final Tenants tenants;
    private final AuditTrail audit;

    DebtorOverview(JdbcClient jdbc, ExchangeRates rates, Tenants tenants, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public Optional<Overview> of(UUID debtor, String purpose) {
        Optional<String> name = jdbc.sql("SELECT full_name FROM debtor WHERE id = :id").param("id", debtor)
                .query(String.class).optional();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        UUID tenant = TenantContext.require();
        LocalDate asOf = tenants.businessDate(tenant);
        Currency reporting = tenants.find(tenant).orElseThrow().reportingCurrency();
        List<AccountSummary> accounts = jdbc.sql("""
                        SELECT a.id, a.creditor_ref, p.code AS portfolio, a.product, d.full_name, a.currency,
                               a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor AS balance,
                               a.due_date, a.dpd, a.bucket, a.status
                        FROM account a JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE a.debtor_id = :debtor ORDER BY a.id""")
                .param("debtor", debtor)
                .query((rs, n) -> new AccountSummary(rs.getObject("id", UUID.class), rs.getString("creditor_ref"),
                        rs.getString("portfolio"), rs.getString("product"), rs.getString("full_name"),
                        Money.ofMinor(rs.getLong("balance"), rs.getString("currency")),
                        rs.getObject("due_date", LocalDate.class), rs.getInt("dpd"), rs.getString("bucket"),
                        rs.getString("status")))
                .list();
        BigDecimal total = BigDecimal.ZERO;
        List<String> missing = new ArrayList<>();
        for (AccountSummary a : accounts) {
            if (!a.status().equals("OPEN")) {
                continue;
            }
            String from = a.balance().currency().getCurrencyCode();
            Optional<ExchangeRates.Rate> rate = rates.rate(asOf, from, reporting.getCurrencyCode());
            if (rate.isPresent()) {
                total = total.add(a.balance().amount().multiply(rate.get().rate()));
            } else if (!missing.contains(from + "→" + reporting)) {
                missing.add(from + "→" + reporting);
            }
        }
        Money sum = missing.isEmpty() ? Money.of(total.setScale(Math.max(0, reporting.getDefaultFractionDigits()),
                RoundingMode.HALF_EVEN), reporting) : null;
        audit.record(AuditEntry.read("debtor", debtor, purpose).withDetail(Map.of("accounts", accounts.size())));
        return Optional.of(new Overview(debtor, name.get(), asOf, accounts, sum, missing));
    }
}
