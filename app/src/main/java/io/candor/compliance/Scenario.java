package io.candor.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A proposed contact with everything the rules need: where (jurisdiction, the debtor's time zones — when
 * they disagree, only times allowed in every one of them are allowed), when, how, to whom, and what happened
 * before; {@code qualifications} are the acting collector's current certificates (e.g. {@code SP3}).
 */
public record Scenario(String id, String jurisdiction, List<ZoneId> timeZones, Instant at, Channel channel,
                       Party party, @Nullable String contactPoint, List<Contact> history, Set<Hold> holds,
                       Set<String> consents, Set<String> qualifications) {

    public Scenario {
        timeZones = List.copyOf(timeZones);
        history = List.copyOf(history);
        holds = Set.copyOf(holds);
        consents = Set.copyOf(consents);
        qualifications = Set.copyOf(qualifications);
    }

    public Scenario at(Instant when) {
        return new Scenario(id, jurisdiction, timeZones, when, channel, party, contactPoint, history, holds, consents,
                qualifications);
    }

    /** The debtor's first time zone (UTC when none is known): the zone of the scenario's calendar date. */
    public ZoneId localZone() {
        return timeZones.isEmpty() ? ZoneOffset.UTC : timeZones.getFirst();
    }

    public boolean consents(@Nullable String consent) {
        return consent != null && consents.contains(consent);
    }
}
