package io.candor.strategy.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's planned messages and AI calls as they fall due, for {@link PlanDispatch} and {@link PlannedCalls}: the
 * next due action is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked DISPATCHED in one transaction, so several instances never claim it twice;
 * an action whose sender died before it became a message is due again once {@link #STALE}.
 */
@Service
class DueActions {

    /** How long a claimed action may wait for its message before it is claimed again. */
    static final Duration STALE = Duration.ofMinutes(5);

    /** A planned message whose time has come: {@link #key()} sends it at most once. */
    record DueAction(LocalDate date, UUID account, int step, Channel channel, String template) {

        /** The idempotency key of its sending: the same for every claim of this action. */
        public String key() {
            return "plan:" + date + ":" + account + ":" + step;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DueActions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the earliest due message action of one of these channels, if any. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<DueAction> claimNext(Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return claim("template IS NOT NULL AND channel IN (:channels)", "message_id",
                Map.of("channels", channels.stream().map(Channel::name).toList()));
    }

    /** Claims the earliest due AI call, if any: one not claimed, or claimed by a dialler that died before its call. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<DueAction> claimNextCall() {
        return claim("channel = 'VOICE_AI'", "call_id", Map.of());
    }

    /**
     * The earliest due action that {@code which} selects — planned, or claimed so long ago that whatever claimed it
     * died before its {@code became} column was set — marked DISPATCHED.
     */
    private Optional<DueAction> claim(String which, String became, Map<String, Object> params) {
        Optional<DueAction> due = jdbc.sql("""
                        SELECT business_date, account_id, step, channel, coalesce(template, '') FROM plan_action
                        WHERE %s AND planned_at <= :now
                          AND (status = 'PLANNED' OR (status = 'DISPATCHED' AND %s IS NULL AND dispatched_at < :stale))
                        ORDER BY planned_at LIMIT 1 FOR UPDATE SKIP LOCKED""".formatted(which, became))
                .params(params)
                .param("now", Timestamps.utc(clock.instant()))
                .param("stale", Timestamps.utc(clock.instant().minus(STALE)))
                .query((rs, n) -> new DueAction(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class),
                        rs.getInt(3), Channel.valueOf(rs.getString(4)), rs.getString(5)))
                .optional();
        due.ifPresent(d -> set(d, "status = 'DISPATCHED', dispatched_at = :now", "",
                Map.of("now", Timestamps.utc(clock.instant()))));
        return due;
    }

    /** Records the call a claimed action became. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void becameCall(DueAction action, UUID call) {
        set(action, "call_id = :call", "", Map.of("call", call));
    }

    /** The gate refused a claimed call at dial time: the action is REFUSED with its rules. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refused(DueAction action, java.util.List<String> rules) {
        set(action, "status = 'REFUSED', rules = :rules", "", Map.of("rules", rules.toArray(String[]::new)));
    }

    /** A claimed action that could not be tried now (every line busy): due again at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(DueAction action) {
        set(action, "status = 'PLANNED', dispatched_at = NULL", " AND call_id IS NULL", Map.of());
    }

    /** Records the message a claimed action became (sent, refused by the gate at send time, or failed). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void became(DueAction action, UUID message) {
        set(action, "message_id = :message", "", Map.of("message", message));
    }

    /** Updates one action ({@code and}: a further condition on it). */
    private void set(DueAction action, String assignments, String and, Map<String, Object> params) {
        jdbc.sql("UPDATE plan_action SET " + assignments
                        + " WHERE business_date = :date AND account_id = :account AND step = :step" + and)
                .params(params).param("date", action.date()).param("account", action.account())
                .param("step", action.step()).update();
    }
}
