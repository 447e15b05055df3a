package io.candor.insight;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An account's whole collection history, newest first: every contact (calls by a person or the AI agent, texts,
 * e-mails, letters, app messages, visits) with its result, chats with the agent, payments, arrangements, disputes,
 * complaints and other holds. The debtor sees it in the portal; staff also see the contacts the gate refused and
 * what each contact came to (its disposition).
 */
@Service
public class AccountTimeline {

    /**
     * One line: {@code kind} what happened (CALL, SMS, EMAIL, LETTER, APP_PUSH, VISIT, CHAT, PAYMENT, ARRANGEMENT,
     * DISPUTE, COMPLAINT, HARDSHIP, HOLD; for staff also BLOCKED), {@code by} who (PERSON, AI, AUTOMATED, YOU,
     * CREDITOR), {@code detail} an outcome, amount or rule; {@code message} the message sent, when the line is one.
     */
    public record Event(OffsetDateTime at, String kind, String by, String detail, @Nullable UUID message) {
    }

    private static final String DEBTOR_VIEW = """
            SELECT e.at,
                   CASE e.channel WHEN 'VOICE_AI' THEN 'CALL' WHEN 'VOICE_HUMAN' THEN 'CALL'
                        WHEN 'FIELD_VISIT' THEN 'VISIT' ELSE e.channel END AS kind,
                   CASE WHEN e.channel = 'VOICE_AI' OR m.requested_by IN ('ai-agent', 'demo-ai-agent') THEN 'AI'
                        WHEN e.channel IN ('VOICE_HUMAN', 'FIELD_VISIT') THEN 'PERSON'
                        WHEN m.requested_by IS NOT NULL AND m.requested_by NOT IN ('planner', 'system') THEN 'PERSON'
                        ELSE 'AUTOMATED' END AS who,
                   coalesce(e.outcome, m.status, 'ATTEMPTED') || coalesce(' · ' || d.code, '') AS detail,
                   CASE WHEN m.content_sha256 IS NOT NULL THEN m.id END AS message
            FROM contact_event e
            LEFT JOIN outbound_message m ON m.tenant_id = e.tenant_id AND m.contact_event_id = e.id
            LEFT JOIN contact_disposition d ON d.tenant_id = e.tenant_id AND d.contact_event_id = e.id
            WHERE e.account_id = :a
            UNION ALL
            SELECT c.started_at, 'CHAT', 'AI', c.channel || ' ' || c.state, NULL::uuid FROM agent_conversation c
            WHERE c.account_id = :a AND c.channel = 'CHAT'
            UNION ALL
            SELECT p.posted_at, 'PAYMENT', CASE WHEN p.source LIKE 'gateway:%' THEN 'YOU'
                   WHEN p.source LIKE 'API:%' THEN 'PERSON' ELSE 'CREDITOR' END,
                   p.amount_minor || ' ' || p.currency || CASE WHEN p.status = 'REVERSED' THEN ' REVERSED' ELSE '' END,
                   NULL::uuid
            FROM payment p WHERE p.account_id = :a
            UNION ALL
            SELECT r.created_at, 'ARRANGEMENT', CASE WHEN r.offered_as = 'DEBTOR' THEN 'YOU'
                   WHEN r.offered_as = 'AGENT' THEN 'AI' ELSE 'PERSON' END, r.kind || ' ' || r.status, NULL::uuid
            FROM arrangement r WHERE r.account_id = :a
            UNION ALL
            SELECT h.set_at, CASE h.hold WHEN 'DISPUTE' THEN 'DISPUTE' WHEN 'COMPLAINT_OPEN' THEN 'COMPLAINT'
                   WHEN 'HARDSHIP_PAUSE' THEN 'HARDSHIP' ELSE 'HOLD' END,
                   CASE WHEN h.set_by LIKE 'debtor%' THEN 'YOU' WHEN h.set_by LIKE '%agent%' THEN 'AI' ELSE 'PERSON' END,
                   h.hold || CASE WHEN h.lifted_at IS NULL THEN '' ELSE ' LIFTED' END, NULL::uuid
            FROM account_hold h WHERE h.account_id = :a""";

    private static final String STAFF_ONLY = """
            UNION ALL
            SELECT c.decided_at, 'BLOCKED', CASE WHEN c.channel = 'VOICE_AI' OR c.decided_by LIKE '%agent%' THEN 'AI'
                   WHEN c.decided_by = 'planner' THEN 'AUTOMATED' ELSE 'PERSON' END,
                   c.channel || ' ' || array_to_string(c.rules, ','), NULL::uuid
            FROM contact_decision c WHERE c.account_id = :a AND c.decision = 'DENY'""";

    private final JdbcClient jdbc;

    AccountTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The history as the debtor sees it, times in {@code zone}. */
    public List<Event> of(UUID account, ZoneId zone) {
        return read(DEBTOR_VIEW, account, zone);
    }

    /** The history as staff see it: also refused contacts. */
    public List<Event> forStaff(UUID account, ZoneId zone) {
        return read(DEBTOR_VIEW + "\n" + STAFF_ONLY, account, zone);
    }

    private List<Event> read(String union, UUID account, ZoneId zone) {
        return jdbc.sql("SELECT at, kind, who, detail, message FROM (" + union + ") x ORDER BY at DESC LIMIT 500")
                .param("a", account)
                .query((rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone)
                        .toOffsetDateTime(), rs.getString(2), rs.getString(3),
                        rs.getString(2).equals("PAYMENT") ? payment(rs.getString(4)) : rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    /** "123456 CNY[ REVERSED]" as "1234.56 CNY[ REVERSED]". */
    private static String payment(String detail) {
        String[] p = detail.split(" ", 3);
        return Money.ofMinor(Long.parseLong(p[0]), p[1]) + (p.length > 2 ? " " + p[2] : "");
    }
}
