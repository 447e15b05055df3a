package io.candor.complaint;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.deadline.DeadlineEngine;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.EachTenant;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deadlines drive the cases: every open case's handler is reminded when its final response is three days off, and
 * the case is escalated to the compliance officers one working day (of the debtor's jurisdiction) before the last
 * day — each once, as a step of the case, shown on the supervisor's page. Runs every
 * {@code candor.complaints.deadline-check} (an hour) for each tenant, on its business date.
 */
@Component
class ComplaintDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlines.class);
    static final int REMIND_DAYS = 3;

    private record Due(UUID id, String jurisdiction, LocalDate finalResponseBy, boolean reminded, boolean escalated) {
    }

    private final JdbcClient jdbc;
    private final Complaints complaints;
    private final EachTenant each;
    private final Tenants tenants;
    private final Clock clock;
    private final DeadlineEngine deadlines = DeadlineEngine.shipped();

    ComplaintDeadlines(JdbcClient jdbc, Complaints complaints, EachTenant each, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.each = each;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.complaints.deadline-check:1h}", initialDelayString = "PT1M")
    void check() {
        each.runActive("Checking complaint deadlines", this::checkTenant);
    }

    /** In a tenant's context: reminds and escalates what is due; returns how many steps were taken. */
    int checkTenant() {
        LocalDate today = tenants.businessDate(TenantContext.require());
        List<Due> open = jdbc.sql("""
                        SELECT id, jurisdiction, due_final, reminded_at IS NOT NULL, escalated_at IS NOT NULL
                        FROM complaint_case
                        WHERE state NOT IN ('CLOSED', 'RESPONDED', 'REFERRED') AND duplicate_of IS NULL
                          AND due_final IS NOT NULL AND (reminded_at IS NULL OR escalated_at IS NULL)""")
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        int steps = 0;
        for (Due d : open) {
            if (!d.escalated() && !today.isBefore(deadlines.workingDayBefore(d.jurisdiction(), d.finalResponseBy()))) {
                jdbc.sql("UPDATE complaint_case SET escalated_at = :now, reminded_at = coalesce(reminded_at, :now) "
                        + "WHERE id = :id").param("now", utc(clock.instant())).param("id", d.id()).update();
                complaints.noted(d.id(), "ESCALATED", "final response due " + d.finalResponseBy()
                        + (today.isAfter(d.finalResponseBy()) ? " (overdue)" : "")
                        + ": escalated to the compliance officers");
                steps++;
            } else if (!d.reminded() && !today.isBefore(d.finalResponseBy().minusDays(REMIND_DAYS))) {
                jdbc.sql("UPDATE complaint_case SET reminded_at = :now WHERE id = :id")
                        .param("now", utc(clock.instant())).param("id", d.id()).update();
                complaints.noted(d.id(), "REMINDED", "final response due " + d.finalResponseBy());
                steps++;
            }
        }
        if (steps > 0) {
            log.info("Complaint deadlines: {} reminders and escalations", steps);
        }
        return steps;
    }
}
