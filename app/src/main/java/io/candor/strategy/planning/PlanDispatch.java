package io.candor.strategy.planning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.platform.Actor;
import io.candor.strategy.planning.DueActions.DueAction;
import io.candor.tenancy.EachTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the day's planned messages to the channels' {@link Sends} when their time has come: {@link DueActions} gives
 * each due action (of a channel Candor sends and the tenant has a provider for) to one instance, and it is sent under
 * its key {@code plan:<date>:<account>:<step>} — so several instances never send it twice, and an action whose
 * instance died before the message existed is sent again under the same key once stale. Calls and visits are not
 * sent from here: human ones are in the work queues.
 */
@Component
class PlanDispatch {

    private static final Logger log = LoggerFactory.getLogger(PlanDispatch.class);
    static final Actor PLANNER = Actor.of(new UUID(0, 1), "planner");

    private final DueActions due;
    private final Sends sends;
    private final EachTenant each;

    PlanDispatch(DueActions due, Sends sends, EachTenant each) {
        this.due = due;
        this.sends = sends;
        this.each = each;
    }

    @Scheduled(fixedDelayString = "${candor.channels.dispatch-interval:30s}", initialDelayString = "${candor.channels.dispatch-interval:30s}")
    void tick() {
        each.runActive("Sending the planned messages", this::dispatchDue);
    }

    /** In a tenant's context: sends every due planned message; returns how many were handed to a channel. */
    int dispatchDue() {
        List<Channel> channels = sends.sendable();
        int sent = 0;
        for (Optional<DueAction> next = due.claimNext(channels); next.isPresent(); next = due.claimNext(channels)) {
            DueAction action = next.get();
            Sends.Message message;
            try {
                message = sends.send(action.account(), action.template(), action.key(), PLANNER);
            } catch (RuntimeException e) {
                log.warn("Planned message {} for account {} could not be sent: {}", action.template(),
                        action.account(), e.getMessage());
                continue; // stays DISPATCHED without a message: claimed again under the same key once stale
            }
            due.became(action, message.id());
            sent++;
        }
        return sent;
    }
}
