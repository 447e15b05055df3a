package io.candor.workbench;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.insight.Kpis;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor's view of the day: each collector's queue and activity, compliance exceptions (refused attempts
 * by rule, accounts one effective call from the daily cap, US validation notices overdue), complaint deadlines
 * (CN-11: resolve within 15 days), and a QA sample of human and AI conversations with its scoring.
 */
@Service
public class Operations {

    /** Days to resolve a complaint (CN-11). */
    static final int COMPLAINT_DAYS = 15;

    /** What a QA review scores, each 0 (not done), 1 (partly) or 2 (done well). */
    public enum Criterion { IDENTIFIED, VERIFIED, DISCLOSED, RESPECTFUL, ACCURATE, OUTCOME }

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
    public record Complaint(UUID account, String ref, String reason, OffsetDateTime since, LocalDate due, long daysLeft) {
    }

    /** A conversation to review: a human contact (its contact event) or an AI conversation. */
    public record Sample(String kind, UUID id, UUID account, String ref, String agent, OffsetDateTime at, String what) {
    }

    private final JdbcClient jdbc;
    private final Kpis kpis;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Operations(JdbcClient jdbc, Kpis kpis, AuditTrail audit, JsonMapper json, Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Each collector's queue on the business date {@code day} and activity on the calendar day {@code today}: contacts,
     * right-party contacts and promises counted as the dashboards count them ({@link Kpis#productivity}).
     */
    public List<Agent> agents(LocalDate day, LocalDate today, ZoneId zone, String currency) {
        Map<String, Kpis.Productivity> activity = new java.util.HashMap<>();
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
                        SELECT h.account_id, a.creditor_ref, h.reason, h.set_at FROM account_hold h
                        JOIN account a ON a.tenant_id = h.tenant_id AND a.id = h.account_id
                        WHERE h.hold = 'COMPLAINT_OPEN' AND h.lifted_at IS NULL ORDER BY h.set_at""")
                .query((rs, n) -> {
                    OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
                    LocalDate due = since.atZoneSameInstant(zone).toLocalDate().plusDays(COMPLAINT_DAYS);
                    return new Complaint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), since, due,
                            java.time.temporal.ChronoUnit.DAYS.between(day, due));
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
                .query((rs, n) -> new Sample(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list();
    }

    /** The transcript of an AI conversation or the record of a human contact, for the reviewer. */
    public List<String> transcript(String kind, UUID id) {
        if (kind.equals("AI")) {
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

    /** Records a QA review (once per conversation). */
    @Transactional
    public int review(String kind, UUID id, Map<Criterion, Integer> scores, @Nullable String comment, String by) {
        if (!List.of("HUMAN", "AI").contains(kind)) {
            throw new BadRequestException("kind is HUMAN or AI.");
        }
        Map<Criterion, Integer> all = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            Integer s = scores.get(c);
            if (s == null || s < 0 || s > 2) {
                throw new BadRequestException("Score " + c + " from 0 to 2.");
            }
            all.put(c, s);
        }
        record Subject(UUID account, String agent) {
        }
        Subject subject = (kind.equals("AI")
                ? jdbc.sql("SELECT account_id, 'ai-agent' FROM agent_conversation WHERE id = :id")
                : jdbc.sql("SELECT account_id, recorded_by FROM contact_disposition WHERE contact_event_id = :id"))
                .param("id", id).query((rs, n) -> new Subject(rs.getObject(1, UUID.class), rs.getString(2))).optional()
                .orElseThrow(() -> new io.candor.platform.web.NotFoundException("conversation", id));
        int total = all.values().stream().mapToInt(Integer::intValue).sum();
        int inserted = jdbc.sql("""
                        INSERT INTO qa_review (tenant_id, id, kind, subject_id, account_id, agent, scores, total, out_of,
                                               comment, reviewed_by, reviewed_at)
                        VALUES (:t, :id, :kind, :subject, :a, :agent, CAST(:scores AS jsonb), :total, :of, :comment,
                                :by, :now)
                        ON CONFLICT (tenant_id, kind, subject_id) DO NOTHING""")
                .param("t", TenantContext.require()).param("id", Ids.newId()).param("kind", kind).param("subject", id)
                .param("a", subject.account()).param("agent", subject.agent()).param("scores", json.writeValueAsString(all))
                .param("total", total).param("of", 2 * Criterion.values().length).param("comment", comment)
                .param("by", by).param("now", utc(clock.instant())).update();
        if (inserted == 0) {
            throw new ConflictException("This conversation was reviewed already.");
        }
        audit.record(AuditEntry.of("QA_REVIEWED", "account", subject.account()).withDetail(Map.of("kind", kind,
                "subject", id.toString(), "total", total)));
        return total;
    }

    /** Reviews so far: average share of the points per agent. */
    public List<Map<String, Object>> qaScores() {
        return jdbc.sql("""
                        SELECT agent, count(*) AS reviews, round(100.0 * sum(total) / sum(out_of), 1) AS pct
                        FROM qa_review GROUP BY agent ORDER BY agent""")
                .query().listOfRows();
    }
}
