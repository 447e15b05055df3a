package io.candor.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.platform.Actor;
import io.candor.platform.Timestamps;
import io.candor.tenancy.EachTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the day's planned messages to {@link Sends} when their time has come: each due action (of a channel Candor
 * sends and the tenant has a provider for) is claimed with {@code FOR UPDATE SKIP LOCKED} and marked DISPATCHED,
 * then sent under the key {@code plan:<date>:<account>:<step>} — so several instances never send it twice, and an
 * action whose instance died between the two steps is sent again under the same key after five minutes. Calls and
 * visits are not sent from here: human ones are in the work queues.
 */
@Component
class PlanDispatch {

    private static final Logger log = LoggerFactory.getLogger(PlanDispatch.class);
    static final Actor PLANNER = Actor.of(new UUID(0, 1), "planner");
    static final Duration STALE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Sends sends;
    private final Providers providers;
    private final EachTenant each;
    private final List<Channel> sendable;
    private final Clock clock;

    PlanDispatch(JdbcClient jdbc, TransactionTemplate tx, Sends sends, Providers providers, EachTenant each,
            List<ChannelAdapter> adapters, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sends = sends;
        this.providers = providers;
        this.each = each;
        this.sendable = adapters.stream().map(ChannelAdapter::channel).toList();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.channels.dispatch-interval:30s}", initialDelayString = "${candor.channels.dispatch-interval:30s}")
    void tick() {
        each.run("Sending the planned messages", this::dispatchDue);
    }

    /** In a tenant's context: sends every due planned message; returns how many were handed to a channel. */
    int dispatchDue() {
        List<String> channels = sendable.stream().filter(c -> providers.find(c).isPresent()).map(Channel::name).toList();
        if (channels.isEmpty()) {
            return 0;
        }
        int sent = 0;
        while (true) {
            record Due(LocalDate date, UUID account, int step, String template) {
            }
            Optional<Due> due = Optional.ofNullable(tx.execute(s -> jdbc.sql("""
                            SELECT business_date, account_id, step, template FROM plan_action
                            WHERE template IS NOT NULL AND channel IN (:channels) AND planned_at <= :now
                              AND (status = 'PLANNED'
                                   OR (status = 'DISPATCHED' AND message_id IS NULL AND dispatched_at < :stale))
                            ORDER BY planned_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .param("channels", channels).param("now", Timestamps.utc(clock.instant()))
                    .param("stale", Timestamps.utc(clock.instant().minus(STALE)))
                    .query((rs, n) -> new Due(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class),
                            rs.getInt(3), rs.getString(4)))
                    .optional()
                    .map(d -> {
                        jdbc.sql("""
                                        UPDATE plan_action SET status = 'DISPATCHED', dispatched_at = :now
                                        WHERE business_date = :date AND account_id = :account AND step = :step""")
                                .param("now", Timestamps.utc(clock.instant())).param("date", d.date())
                                .param("account", d.account()).param("step", d.step()).update();
                        return d;
                    })
                    .orElse(null)));
            if (due.isEmpty()) {
                return sent;
            }
            Due d = due.get();
            Sends.Message message;
            try {
                message = sends.send(d.account(), d.template(), "plan:" + d.date() + ":" + d.account() + ":" + d.step(),
                        PLANNER);
            } catch (RuntimeException e) {
                log.warn("Planned message {} for account {} could not be sent: {}", d.template(), d.account(),
                        e.getMessage());
                continue; // stays DISPATCHED without a message: retried under the same key once stale
            }
            tx.executeWithoutResult(s -> jdbc.sql("""
                            UPDATE plan_action SET message_id = :message
                            WHERE business_date = :date AND account_id = :account AND step = :step""")
                    .param("message", message.id()).param("date", d.date()).param("account", d.account())
                    .param("step", d.step()).update());
            sent++;
        }
    }
}
