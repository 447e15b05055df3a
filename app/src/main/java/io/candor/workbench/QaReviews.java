package io.candor.workbench;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.insight.SupervisorDay;
import io.candor.insight.SupervisorDay.Conversation;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** QA reviews of human and AI conversations: scored once per conversation, averaged per agent. */
@Service
class QaReviews {

    /** What a QA review scores, each 0 (not done), 1 (partly) or 2 (done well). */
    enum Criterion { IDENTIFIED, VERIFIED, DISCLOSED, RESPECTFUL, ACCURATE, OUTCOME }

    private final JdbcClient jdbc;
    private final SupervisorDay day;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    QaReviews(JdbcClient jdbc, SupervisorDay day, AuditTrail audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.day = day;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Records a QA review (once per conversation). */
    @Transactional
    public int review(Conversation kind, UUID id, Map<Criterion, Integer> scores, @Nullable String comment, String by) {
        Map<Criterion, Integer> all = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            Integer s = scores.get(c);
            if (s == null || s < 0 || s > 2) {
                throw new BadRequestException("Score " + c + " from 0 to 2.");
            }
            all.put(c, s);
        }
        SupervisorDay.Subject subject = day.subject(kind, id)
                .orElseThrow(() -> new NotFoundException("conversation", id));
        int total = all.values().stream().mapToInt(Integer::intValue).sum();
        int inserted = jdbc.sql("""
                        INSERT INTO qa_review (tenant_id, id, kind, subject_id, account_id, agent, scores, total, out_of,
                                               comment, reviewed_by, reviewed_at)
                        VALUES (:t, :id, :kind, :subject, :a, :agent, CAST(:scores AS jsonb), :total, :of, :comment,
                                :by, :now)
                        ON CONFLICT (tenant_id, kind, subject_id) DO NOTHING""")
                .param("t", TenantContext.require()).param("id", Ids.newId()).param("kind", kind.name()).param("subject", id)
                .param("a", subject.account()).param("agent", subject.agent()).param("scores", json.writeValueAsString(all))
                .param("total", total).param("of", 2 * Criterion.values().length).param("comment", comment)
                .param("by", by).param("now", utc(clock.instant())).update();
        if (inserted == 0) {
            throw new ConflictException("This conversation was reviewed already.");
        }
        audit.record(AuditEntry.of(AuditAction.QA_REVIEWED, "account", subject.account()).withDetail(Map.of("kind", kind.name(),
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
