package io.candor.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.deadline.Complexity;
import io.candor.deadline.DeadlineEngine;
import io.candor.deadline.Deadlines;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The supervisor's view of the day, read from every module's records (reporting reads, never writes): each
 * collector's queue and activity, compliance exceptions (refused attempts by rule, accounts one effective call from
 * the daily cap, US validation notices overdue), complaint deadlines (the final response's last day by the debtor's
 * jurisdiction, from the deadline engine), and a sample of human and AI conversations not yet reviewed.
 */
@Service
public class SupervisorDay {

    /** The complaint deadlines, by the debtor's jurisdiction. */
    private static final DeadlineEngine DEADLINES = DeadlineEngine.shipped();

    /** One collector today. */
    public record Agent(String username, String name, long queue, long contacts, long rightParty, long promises,
                        @Nullable OffsetDateTime lastActivity) {
    }

    /** A rule that refused contacts today, and how often. */
    public record Blocked(String rule, long attempts) {
    }

    /** An account near a cap or owed a notice. */
    public record AtRisk(UUID account, String ref, String why) {
    }

    /** An open complaint and its deadline. */
    public record Complaint(UUID account, String ref, String reason, OffsetDateTime since, LocalDate due, long daysLeft,
                            @Nullable UUID caseId, @Nullable String state, @Nullable String handler) {
    }

    /** What a QA reviewer listens to: a collector's contact, or a conversation of the AI agent. */
    public enum Conversation { HUMAN, AI }

    /** A conversation to review: a human contact (its contact event) or an AI conversation. */
    public record Sample(Conversation kind, UUID id, UUID account, String ref, String agent, OffsetDateTime at, String what) {
    }

    /** Whose conversation it was, on which account. */
    public record Subject(UUID account, String agent) {
    }

    private final JdbcClient jdbc;
    private final Kpis kpis;

    SupervisorDay(JdbcClient jdbc, Kpis kpis) {
        this.jdbc = jdbc;
        this.kpis = kpis;
    }

    /**
     * Each collector's queue on the business date {@code day} and activity on the calendar day {@code today}: contacts,
     * right-party contacts and promises counted as the dashboards count them ({@link Kpis#productivity}).
     */
    public List<Agent> agents(LocalDate day, LocalDate today, ZoneId zone, String currency) {
        Map<String, Kpis.Productivity> activity = new HashMap<>();
        kpis.productivity(new Kpis.Filter(null, null, null, null, today, today), zone, currency)
                .forEach(p -> activity.put(p.collector(), p));
        return jdbc.sql("""
                        WITH q AS (SELECT collector_id, count(*) AS n FROM work_item
                                   WHERE business_date = :day AND kind = 'COLLECT' GROUP BY 1),
                             c AS (SELECT decided_by, max(decided_at) AS last FROM contact_decision
                                   WHERE decided_at >= :from AND decided_at < :to GROUP BY 1),
                             d AS (SELECT recorded_by, max(recorded_at) AS last FROM contact_disposition
                                   WHERE recorded_at >= :from AND recorded_at < :to GROUP BY 1)
                        SELECT u.username, u.display_name, coalesce(q.n, 0), greatest(c.last, d.last)
                        FROM app_user u
                        LEFT JOIN q ON q.collector_id = u.id
                        LEFT JOIN c ON c.decided_by = u.username
                        LEFT JOIN d ON d.recorded_by = u.username
                        WHERE u.enabled AND u.roles && ARRAY['COLLECTOR', 'AGENCY_USER']
                        ORDER BY u.username""")
                .param("day", day).param("from", today.atStartOfDay(zone).toOffsetDateTime())
                .param("to", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> {
                    Kpis.Productivity p = activity.get(rs.getString(1));
                    return new Agent(rs.getString(1), rs.getString(2), rs.getLong(3), p == null ? 0 : p.contacts(),
                            p == null ? 0 : p.rightParty(), p == null ? 0 : p.promises(),
                            rs.getObject(4, OffsetDateTime.class));
                })
                .list();
    }

    public List<Blocked> blocked(LocalDate day, ZoneId zone) {
        return jdbc.sql("""
                        SELECT rule, count(*) FROM contact_decision, unnest(rules) rule
                        WHERE decision = 'DENY' AND decided_at >= :from AND decided_at < :to
                        GROUP BY rule ORDER BY count(*) DESC, rule""")
                .param("from", day.atStartOfDay(zone).toOffsetDateTime())
                .param("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new Blocked(rs.getString(1), rs.getLong(2))).list();
    }

    /** Accounts with two effective calls today (one more reaches China's daily cap of three), and overdue notices. */
    public List<AtRisk> atRisk(LocalDate day, ZoneId zone) {
        return jdbc.sql("""
                        SELECT a.id, a.creditor_ref, 'NEAR_DAILY_CALL_CAP' FROM account a
                        JOIN (SELECT account_id FROM contact_event
                              WHERE at >= :from AND at < :to AND channel IN ('VOICE_HUMAN', 'VOICE_AI')
                                AND outcome = 'RIGHT_PARTY_CONTACT'
                              GROUP BY account_id HAVING count(*) >= 2) e ON e.account_id = a.id
                        UNION ALL
                        SELECT a.id, a.creditor_ref, 'VALIDATION_NOTICE_OVERDUE' FROM account a
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE d.country = 'US' AND a.status = 'OPEN'
                          AND (SELECT min(e.at) FROM contact_event e WHERE e.account_id = a.id) < :overdue
                          AND NOT EXISTS (SELECT 1 FROM outbound_message m JOIN message_template t
                                            ON t.tenant_id = m.tenant_id AND t.code = m.template_code
                                          WHERE m.account_id = a.id AND t.purpose = 'VALIDATION_NOTICE'
                                            AND m.status IN ('SENT', 'DELIVERED'))
                        ORDER BY 3, 2 LIMIT 200""")
                .param("from", day.atStartOfDay(zone).toOffsetDateTime())
                .param("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .param("overdue", day.minusDays(5).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new AtRisk(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    public List<Complaint> complaints(LocalDate day, ZoneId zone) {
        return jdbc.sql("""
                        SELECT h.account_id, a.creditor_ref, h.reason, h.set_at, d.country, c.id, c.state, c.handler,
                               c.due_final
                        FROM account_hold h
                        JOIN account a ON a.tenant_id = h.tenant_id AND a.id = h.account_id
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        LEFT JOIN complaint_case c ON c.tenant_id = h.tenant_id AND c.hold_id = h.id
                        WHERE h.hold = 'COMPLAINT_OPEN' AND h.lifted_at IS NULL
                        ORDER BY coalesce(c.due_final, (h.set_at AT TIME ZONE 'UTC')::date), h.set_at""")
                .query((rs, n) -> {
                    OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
                    // a case's own final-response day (its complexity counted); a bare hold's by the debtor's
                    // jurisdiction, its calendar and rest days
                    LocalDate due = rs.getObject(9, LocalDate.class);
                    if (due == null) {
                        Deadlines d = DEADLINES.complaintAnywhere(rs.getString(5),
                                since.atZoneSameInstant(zone).toLocalDate(), Complexity.STANDARD);
                        due = java.util.Objects.requireNonNull(d.finalResponseBy());
                    }
                    return new Complaint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), since, due,
                            ChronoUnit.DAYS.between(day, due), rs.getObject(6, UUID.class), rs.getString(7),
                            rs.getString(8));
                })
                .list();
    }

    /** Up to ten of the last week's conversations not yet reviewed, human and AI, in a stable random order. */
    public List<Sample> sample(LocalDate day, ZoneId zone) {
        return jdbc.sql("""
                        SELECT kind, id, account_id, creditor_ref, agent, at, what FROM (
                          SELECT 'HUMAN' AS kind, d.contact_event_id AS id, d.account_id, a.creditor_ref,
                                 d.recorded_by AS agent, d.recorded_at AS at, d.code AS what
                          FROM contact_disposition d JOIN account a ON a.tenant_id = d.tenant_id AND a.id = d.account_id
                          WHERE d.recorded_at >= :since
                          UNION ALL
                          SELECT 'AI', c.id, c.account_id, a.creditor_ref, 'ai-agent', c.started_at, c.channel || ' ' || c.state
                          FROM agent_conversation c JOIN account a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
                          WHERE c.started_at >= :since
                        ) x
                        WHERE NOT EXISTS (SELECT 1 FROM qa_review q WHERE q.kind = x.kind AND q.subject_id = x.id)
                        ORDER BY md5(x.id::text) LIMIT 10""")
                .param("since", day.minusDays(7).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new Sample(Conversation.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list();
    }

    /** The transcript of an AI conversation or the record of a human contact, for the reviewer. */
    public List<String> transcript(Conversation kind, UUID id) {
        if (kind == Conversation.AI) {
            return jdbc.sql("""
                            SELECT coalesce('debtor: ' || debtor_text || E'\\n', '') || 'agent: ' || reply FROM agent_turn
                            WHERE conversation_id = :id ORDER BY seq""")
                    .param("id", id).query(String.class).list();
        }
        return jdbc.sql("""
                        SELECT e.channel || ' ' || coalesce(e.contact_point, '') || ' at ' || e.at || ' → ' || e.outcome
                               || ' · ' || d.code || coalesce(' · ' || d.note, '')
                        FROM contact_event e JOIN contact_disposition d ON d.tenant_id = e.tenant_id
                          AND d.contact_event_id = e.id WHERE e.id = :id""")
                .param("id", id).query(String.class).list();
    }

    /** Whose conversation this is: an AI conversation, or a collector's recorded contact. */
    public Optional<Subject> subject(Conversation kind, UUID id) {
        return (kind == Conversation.AI
                ? jdbc.sql("SELECT account_id, 'ai-agent' FROM agent_conversation WHERE id = :id")
                : jdbc.sql("SELECT account_id, recorded_by FROM contact_disposition WHERE contact_event_id = :id"))
                .param("id", id).query((rs, n) -> new Subject(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }
}
