package io.candor.telephony;

import java.util.List;
import java.util.UUID;

import io.candor.channel.Providers;
import io.candor.compliance.Channel;
import io.candor.compliance.gate.ContactGate;
import io.candor.platform.Actor;
import io.candor.platform.Failures;
import io.candor.platform.web.ConflictException;
import io.candor.strategy.planning.PlannedCalls;
import io.candor.tenancy.EachTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Dials the day's planned AI calls when their time has come, for every tenant with a {@code VOICE_AI} trunk: each
 * due call is claimed once and placed under its plan key, so it rings at most once however many instances run; the
 * gate decides again at dial time (a refusal marks the planned call REFUSED with its rules); when every line of the
 * trunk is in use the call waits for the next round.
 */
@Component
class PlannedCallDialler {

    private static final Logger log = LoggerFactory.getLogger(PlannedCallDialler.class);
    static final Actor PLANNER = Actor.of(new UUID(0, 1), "planner");

    private final PlannedCalls planned;
    private final Calls calls;
    private final Providers providers;
    private final EachTenant each;

    PlannedCallDialler(PlannedCalls planned, Calls calls, Providers providers, EachTenant each) {
        this.planned = planned;
        this.calls = calls;
        this.providers = providers;
        this.each = each;
    }

    @Scheduled(fixedDelayString = "${candor.channels.dispatch-interval:30s}",
            initialDelayString = "${candor.channels.dispatch-interval:30s}")
    void tick() {
        each.runActive("Dialling the planned AI calls", this::dialDue);
    }

    /** In a tenant's context: places every due planned AI call the trunk has a line for; returns how many. */
    int dialDue() {
        if (providers.find(Channel.VOICE_AI).isEmpty()) {
            return 0;
        }
        int placed = 0;
        for (var next = planned.claimNext(); next.isPresent(); next = planned.claimNext()) {
            PlannedCalls.Due due = next.get();
            try {
                UUID call = calls.place(due.account(), Channel.VOICE_AI, null, due.key(), PLANNER);
                planned.dialled(due, call);
                placed++;
            } catch (ContactGate.Refused refused) {
                planned.refused(due, refused.rules());
            } catch (ConflictException e) {
                if (e.properties().containsKey("maxCalls")) {
                    planned.release(due); // every line in use: the next round
                    break;
                }
                // the account cannot be called as it is (no valid phone …): not tried again today
                log.warn("Planned call for account {} not placed: {}", due.account(), Failures.messageOf(e));
                planned.refused(due, List.of("NOT_PLACED"));
            } catch (RuntimeException e) {
                // stays claimed without a call: due again under the same key once stale
                log.warn("Planned call for account {} not placed: {}", due.account(), Failures.messageOf(e));
            }
        }
        return placed;
    }
}
