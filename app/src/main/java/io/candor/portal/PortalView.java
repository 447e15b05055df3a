package io.candor.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.ArrangementReads;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.money.Money;
import io.candor.portfolio.AccountTimeline;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal shows a verified debtor: who is collecting for whom, the balance by component, the arrangement,
 * and the full collection history — every contact (when, how, by a person, the AI agent or an automatic message),
 * every letter, payment, arrangement, dispute and complaint. Each read is audited.
 */
@Service
class PortalView {

    /** The account as its debtor sees it. */
    record Overview(String debtorName, String creditor, String agency, String status, int dpd, Money principal,
                    Money interest, Money fees, Money penalty, Money total, String product,
                    @Nullable Arrangement arrangement, List<Arrangement> arrangements, List<AccountTimeline.Event> history,
                    List<String> openHolds) {
    }

    private final JdbcClient jdbc;
    private final ArrangementReads arrangements;
    private final AuditTrail audit;
    private final AccountTimeline timeline;
    private final io.candor.compliance.gate.Holds holds;

    PortalView(JdbcClient jdbc, ArrangementReads arrangements, AuditTrail audit, AccountTimeline timeline,
            io.candor.compliance.gate.Holds holds) {
        this.holds = holds;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.arrangements = arrangements;
        this.audit = audit;
    }

    @Transactional
    Overview overview(PortalSession s, java.time.ZoneId zone) {
        UUID a = s.account();
        Overview o = jdbc.sql("""
                        SELECT d.full_name, c.name AS creditor, t.name AS agency, a.status, a.dpd, a.currency,
                               a.principal_minor, a.interest_minor, a.fees_minor, a.penalty_minor, a.product
                        FROM account a
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
                        JOIN creditor c ON c.tenant_id = p.tenant_id AND c.id = p.creditor_id
                        JOIN tenant t ON t.id = a.tenant_id
                        WHERE a.id = :a""")
                .param("a", a)
                .query((rs, n) -> {
                    String c = rs.getString("currency").strip();
                    Money principal = Money.ofMinor(rs.getLong("principal_minor"), c);
                    Money interest = Money.ofMinor(rs.getLong("interest_minor"), c);
                    Money fees = Money.ofMinor(rs.getLong("fees_minor"), c);
                    Money penalty = Money.ofMinor(rs.getLong("penalty_minor"), c);
                    List<Arrangement> all = arrangements.ofAccount(a);
                    Arrangement current = all.stream().filter(x -> x.status().live()).findFirst()
                            .orElse(all.isEmpty() ? null : all.getFirst());
                    return new Overview(rs.getString("full_name"), rs.getString("creditor"), rs.getString("agency"),
                            rs.getString("status"), rs.getInt("dpd"), principal, interest, fees, penalty,
                            principal.plus(interest).plus(fees).plus(penalty), rs.getString("product"), current, all,
                            timeline.of(a, zone), holds(a));
                })
                .single();
        audit.recordAs(Verification.debtor(s.link()), AuditEntry.of("PORTAL_VIEWED", "account", a)
                .withDetail(Map.of("link", s.link().toString())));
        return o;
    }

    /** The account's currency and total balance, for paying. */
    Money balance(UUID account) {
        return jdbc.sql("""
                        SELECT currency, principal_minor + interest_minor + fees_minor + penalty_minor FROM account
                        WHERE id = :a""")
                .param("a", account).query((rs, n) -> Money.ofMinor(rs.getLong(2), rs.getString(1).strip())).single();
    }

    private List<String> holds(UUID account) {
        return holds.inForce(account).stream().map(h -> h.hold().name()).distinct().sorted().toList();
    }


    Optional<Arrangement> live(UUID account) {
        return arrangements.live(account);
    }
}
