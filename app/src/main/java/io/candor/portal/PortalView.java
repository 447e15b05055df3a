package io.candor.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.ArrangementReads;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.money.Money;
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
                    @Nullable Arrangement arrangement, List<Arrangement> arrangements, List<Event> history,
                    List<String> openHolds) {
    }

    /**
     * One line of the history: {@code kind} what happened (CALL, SMS, EMAIL, LETTER, APP_PUSH, VISIT, CHAT, PAYMENT,
     * ARRANGEMENT, DISPUTE, COMPLAINT, HARDSHIP), {@code by} who (PERSON, AI, AUTOMATED, YOU, CREDITOR), {@code detail}
     * an outcome or amount.
     */
    record Event(OffsetDateTime at, String kind, String by, String detail) {
    }

    private final JdbcClient jdbc;
    private final ArrangementReads arrangements;
    private final AuditTrail audit;

    PortalView(JdbcClient jdbc, ArrangementReads arrangements, AuditTrail audit) {
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
                            history(a, zone), holds(a));
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
        return jdbc.sql("""
                        SELECT DISTINCT hold FROM account_hold WHERE account_id = :a AND lifted_at IS NULL
                          AND (until IS NULL OR until >= current_date) ORDER BY hold""")
                .param("a", account).query(String.class).list();
    }

    private List<Event> history(UUID account, java.time.ZoneId zone) {
        return jdbc.sql("""
                        SELECT at, kind, who, detail FROM (
                          SELECT e.at,
                                 CASE e.channel WHEN 'VOICE_AI' THEN 'CALL' WHEN 'VOICE_HUMAN' THEN 'CALL'
                                      WHEN 'FIELD_VISIT' THEN 'VISIT' ELSE e.channel END AS kind,
                                 CASE WHEN e.channel = 'VOICE_AI' OR m.requested_by IN ('ai-agent', 'demo-ai-agent') THEN 'AI'
                                      WHEN e.channel IN ('VOICE_HUMAN', 'FIELD_VISIT') THEN 'PERSON'
                                      WHEN m.requested_by IS NOT NULL AND m.requested_by NOT IN ('planner', 'system')
                                           THEN 'PERSON'
                                      ELSE 'AUTOMATED' END AS who,
                                 coalesce(e.outcome, m.status, 'ATTEMPTED') AS detail
                          FROM contact_event e
                          LEFT JOIN outbound_message m ON m.tenant_id = e.tenant_id AND m.contact_event_id = e.id
                          WHERE e.account_id = :a
                          UNION ALL
                          SELECT c.started_at, 'CHAT', 'AI', c.channel || ' ' || c.state FROM agent_conversation c
                          WHERE c.account_id = :a AND c.channel = 'CHAT'
                          UNION ALL
                          SELECT p.posted_at, 'PAYMENT', CASE WHEN p.source LIKE 'gateway:%' THEN 'YOU' ELSE 'CREDITOR' END,
                                 p.amount_minor || ' ' || p.currency
                                     || CASE WHEN p.status = 'REVERSED' THEN ' REVERSED' ELSE '' END
                          FROM payment p WHERE p.account_id = :a
                          UNION ALL
                          SELECT r.created_at, 'ARRANGEMENT', CASE WHEN r.offered_as = 'DEBTOR' THEN 'YOU'
                                 WHEN r.offered_as = 'AGENT' THEN 'AI' ELSE 'PERSON' END, r.kind || ' ' || r.status
                          FROM arrangement r WHERE r.account_id = :a
                          UNION ALL
                          SELECT h.set_at, CASE h.hold WHEN 'DISPUTE' THEN 'DISPUTE' WHEN 'COMPLAINT_OPEN' THEN 'COMPLAINT'
                                 WHEN 'HARDSHIP_PAUSE' THEN 'HARDSHIP' ELSE 'HOLD' END,
                                 CASE WHEN h.set_by LIKE 'debtor%' THEN 'YOU' WHEN h.set_by LIKE '%agent%' THEN 'AI'
                                      ELSE 'PERSON' END,
                                 h.hold || CASE WHEN h.lifted_at IS NULL THEN '' ELSE ' LIFTED' END
                          FROM account_hold h WHERE h.account_id = :a
                        ) x ORDER BY at DESC LIMIT 500""")
                .param("a", account)
                .query((rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(), rs.getString(2),
                        rs.getString(3), rs.getString(2).equals("PAYMENT") ? payment(rs.getString(4)) : rs.getString(4)))
                .list();
    }

    /** "123456 CNY[ REVERSED]" as "1234.56 CNY[ REVERSED]". */
    private static String payment(String detail) {
        String[] p = detail.split(" ", 3);
        return Money.ofMinor(Long.parseLong(p[0]), p[1]) + (p.length > 2 ? " " + p[2] : "");
    }

    Optional<Arrangement> live(UUID account) {
        return arrangements.live(account);
    }
}
