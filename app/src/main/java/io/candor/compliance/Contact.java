package io.candor.compliance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An earlier contact about the same debt. */
public record Contact(Instant at, Channel channel, Party party, @Nullable String contactPoint, Outcome outcome) {

    /** A connected conversation with the debtor: counts toward effective-call caps (AI calls too). */
    public boolean effectiveCall() {
        return channel.isVoice() && party == Party.DEBTOR && outcome == Outcome.RIGHT_PARTY_CONTACT;
    }
}
