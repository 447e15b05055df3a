package io.candor.dialer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dialer campaign: a team's queue for the day dialled in a mode. {@code queue} is {@code COLLECT} (the team's
 * items in the day's plan) or {@code LIST} ({@code accounts}, as a supervisor chose them). An abandoned debtor hears
 * that {@code caller} called and may call back on {@code callBack}; lines ring {@code ringSeconds} (15 at least);
 * a collector's wrap-up ends after {@code wrapUpSeconds}.
 */
record Campaign(UUID id, String name, String team, DialingMode mode, Queue queue, List<UUID> accounts,
                       String caller, String callBack, int ringSeconds, int wrapUpSeconds, boolean detectMachines,
                       CampaignState state, String createdBy, Instant createdAt) {

    /** Where a campaign's accounts come from. */
    enum Queue { COLLECT, LIST }

    public Campaign {
        accounts = List.copyOf(accounts);
    }
}
