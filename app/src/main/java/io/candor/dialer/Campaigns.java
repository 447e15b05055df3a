package io.candor.dialer;

import static io.candor.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Actor;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.strategy.planning.WorkQueues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns as supervisors make and steer them: made READY, started, paused, switched to another mode; every change
 * audited. Dialling itself is {@link CampaignDialer}'s.
 */
@Service
class Campaigns {

    /** A campaign as asked for; null fields take their defaults (queue COLLECT, ring 25 s, wrap-up 60 s). */
    record New(@Nullable String name, @Nullable String team, @Nullable DialingMode mode,
               Campaign.@Nullable Queue queue, @Nullable List<UUID> accounts, @Nullable String caller,
               @Nullable String callBack, @Nullable Integer ringSeconds, @Nullable Integer wrapUpSeconds,
               @Nullable Boolean detectMachines) {
    }

    static final int DEFAULT_RING = 25;
    static final int DEFAULT_WRAP_UP = 60;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,19}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WorkQueues queues;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, TransactionTemplate tx, WorkQueues queues, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.queues = queues;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a campaign (READY), or says, field by field, what to fix. */
    Campaign create(New n, Actor by) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            problems.add(new FieldProblem("name", "Give the campaign a name of 1 to 120 characters."));
        }
        String team = n.team() == null ? "" : n.team().strip();
        if (team.isEmpty() || queues.members(team).isEmpty()) {
            problems.add(new FieldProblem("team", "Name one of the tenant's collector teams "
                    + "(GET /api/v1/teams); '" + team + "' is not one."));
        }
        if (n.mode() == null) {
            problems.add(new FieldProblem("mode", "Choose PREVIEW, PROGRESSIVE or PREDICTIVE."));
        }
        Campaign.Queue queue = n.queue() == null ? Campaign.Queue.COLLECT : n.queue();
        List<UUID> accounts = n.accounts() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(n.accounts()));
        if (queue == Campaign.Queue.LIST && accounts.isEmpty()) {
            problems.add(new FieldProblem("accounts", "A LIST campaign dials the accounts you give: "
                    + "send \"accounts\":[…], or use \"queue\":\"COLLECT\" for the team's queue in the day's plan."));
        }
        if (queue == Campaign.Queue.COLLECT && !accounts.isEmpty()) {
            problems.add(new FieldProblem("accounts", "A COLLECT campaign dials the team's queue in "
                    + "the day's plan; leave \"accounts\" out, or use \"queue\":\"LIST\"."));
        }
        String caller = n.caller() == null ? "" : n.caller().strip();
        String callBack = n.callBack() == null ? "" : n.callBack().strip();
        if (n.mode() != DialingMode.PREVIEW) {
            if (caller.isEmpty() || caller.length() > 40) {
                problems.add(new FieldProblem("caller", "Say who is calling (1 to 40 characters, the "
                        + "agency or company): a debtor no collector could take hears it in the information message."));
            }
            if (!PHONE.matcher(callBack).matches()) {
                problems.add(new FieldProblem("callBack", "Give the number a debtor may call back "
                        + "(3 to 20 digits, + and spaces allowed): the information message says it."));
            }
        }
        int ring = n.ringSeconds() == null ? DEFAULT_RING : n.ringSeconds();
        if (ring < 15 || ring > 60) {
            problems.add(new FieldProblem("ringSeconds", "Ring for 15 to 60 seconds: the rules "
                    + "want an unanswered call to ring at least 15 seconds (16 CFR 310.4(b)(4)(ii), Ofcom 2016)."));
        }
        int wrap = n.wrapUpSeconds() == null ? DEFAULT_WRAP_UP : n.wrapUpSeconds();
        if (wrap < 0 || wrap > 3600) {
            problems.add(new FieldProblem("wrapUpSeconds", "Give a wrap-up limit of 0 to 3600 seconds."));
        }
        DialingMode mode = n.mode();
        if (!problems.isEmpty() || mode == null) {
            throw new InvalidInputException("The campaign cannot be made as sent.", problems);
        }
        if (jdbc.sql("SELECT count(*) FROM campaign WHERE name = :n").param("n", name).query(Long.class).single() > 0) {
            throw new ConflictException("A campaign named '" + name + "' exists; choose another name.");
        }
        UUID id = Ids.newId();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO campaign (tenant_id, id, name, team, mode, queue, accounts, caller, call_back,
                                                  ring_seconds, wrap_up_seconds, detect_machines, state, created_by,
                                                  created_at, changed_by, changed_at)
                            VALUES (:t, :id, :name, :team, :mode, :queue, :accounts, :caller, :callBack, :ring, :wrap,
                                    :amd, 'READY', :by, :now, :by, :now)""")
                    .param("t", TenantContext.require()).param("id", id).param("name", name).param("team", team)
                    .param("mode", mode.name()).param("queue", queue.name())
                    .param("accounts", accounts.toArray(UUID[]::new)).param("caller", caller)
                    .param("callBack", callBack).param("ring", ring).param("wrap", wrap)
                    .param("amd", Boolean.TRUE.equals(n.detectMachines())).param("by", by.username())
                    .param("now", utc(clock.instant())).update();
            audit.record(AuditEntry.of(AuditAction.CAMPAIGN_CHANGED, "campaign", id)
                    .withDetail(Map.of("made", name, "mode", mode.name(), "team", team)));
        });
        return find(id).orElseThrow();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id").param("id", id).query(Campaigns::campaign).optional();
    }

    Campaign get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    List<Campaign> all() {
        return jdbc.sql("SELECT * FROM campaign ORDER BY created_at DESC, name").query(Campaigns::campaign).list();
    }

    List<Campaign> running() {
        return jdbc.sql("SELECT * FROM campaign WHERE state = 'RUNNING' ORDER BY created_at").query(Campaigns::campaign)
                .list();
    }

    /** Starts or resumes a campaign (or pauses it: lines ringing finish, no new ones ring). */
    Campaign set(UUID id, CampaignState state, Actor by) {
        Campaign c = get(id);
        if (c.state() == state) {
            return c;
        }
        change(id, "state", state.name(), by);
        return get(id);
    }

    /** Switches a campaign's mode; a running campaign paces the next lines in it. */
    Campaign switchTo(UUID id, DialingMode mode, Actor by) {
        Campaign c = get(id);
        if (c.mode() == mode) {
            return c;
        }
        if (mode != DialingMode.PREVIEW && (c.caller().isEmpty() || c.callBack().isEmpty())) {
            throw new ConflictException("Campaign '" + c.name() + "' has no caller name or call-back number for the "
                    + "information message, which " + mode + " dialling needs; make a new campaign with them.");
        }
        change(id, "mode", mode.name(), by);
        return get(id);
    }

    private void change(UUID id, String column, String value, Actor by) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE campaign SET " + column + " = :v, changed_by = :by, changed_at = :now WHERE id = :id")
                    .param("v", value).param("by", by.username()).param("now", utc(clock.instant()))
                    .param("id", id).update();
            audit.record(AuditEntry.of(AuditAction.CAMPAIGN_CHANGED, "campaign", id).withDetail(Map.of(column, value)));
        });
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        UUID[] accounts = (UUID[]) rs.getArray("accounts").getArray();
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("team"),
                DialingMode.valueOf(rs.getString("mode")), Campaign.Queue.valueOf(rs.getString("queue")),
                Arrays.asList(accounts), rs.getString("caller"), rs.getString("call_back"), rs.getInt("ring_seconds"),
                rs.getInt("wrap_up_seconds"), rs.getBoolean("detect_machines"),
                CampaignState.valueOf(rs.getString("state")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
