package io.candor.complaint;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A complaint as it comes in: the account, how it came, what the debtor said, when it was received (now when not
 * said), who or what it is about, and for a referral who referred it and under which of their references.
 */
public record NewComplaint(UUID account, Intake intake, String summary, @Nullable Instant receivedAt,
                           @Nullable AboutKind aboutKind, @Nullable String about, @Nullable String referredFrom,
                           @Nullable String externalRef) {

    /** The debtor's own complaint from the portal or the agent, about nobody in particular yet. */
    public static NewComplaint from(UUID account, Intake intake, String summary, AboutKind aboutKind,
            @Nullable String about) {
        return new NewComplaint(account, intake, summary, null, aboutKind, about, null, null);
    }
}
