package io.candor.dialer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.dialer.pacing.AbandonRules;
import io.candor.dialer.pacing.Pacer;
import org.jspecify.annotations.Nullable;

/**
 * One campaign's dialling as it runs on this server: its pacer (the limits' windows refilled from the lines kept when
 * it starts, so a restart paces from the whole day), the lines ringing, and the collectors kept for progressive lines.
 * Calls end on their own threads: every method is synchronized.
 */
final class CampaignRun {

    /** A line in flight: its account, the collector kept for it (progressive), and when a person answered it. */
    static final class InFlight {
        final UUID account;
        final @Nullable String keptFor;
        final DialingMode pacedAs;
        @Nullable Instant answeredAt;
        @Nullable String collector;

        InFlight(UUID account, @Nullable String keptFor, DialingMode pacedAs) {
            this.account = account;
            this.keptFor = keptFor;
            this.pacedAs = pacedAs;
        }
    }

    final UUID tenant;
    final UUID campaign;
    private final AbandonRules rules;
    private final ZoneId zone;
    private DialingMode mode;
    private Pacer pacer;
    private final Map<UUID, InFlight> lines = new HashMap<>();
    private final Set<String> kept = new HashSet<>();
    private final Map<String, Instant> wrapping = new HashMap<>();
    private Pacer.@Nullable Decision last;
    private @Nullable String problem;

    CampaignRun(UUID tenant, UUID campaign, DialingMode mode, AbandonRules rules, ZoneId zone,
            List<CampaignLines.Answered> history) {
        this.tenant = tenant;
        this.campaign = campaign;
        this.rules = rules;
        this.zone = zone;
        this.mode = mode;
        this.pacer = pacer(mode, history);
    }

    private Pacer pacer(DialingMode m, List<CampaignLines.Answered> history) {
        Pacer p = new Pacer(m, rules, zone);
        for (CampaignLines.Answered a : history) {
            if (a.outcome().live() || rules.amdFalsePositivesAreAbandoned()) {
                p.live(a.at(), a.outcome() != CampaignLines.Outcome.BRIDGED);
            }
        }
        return p;
    }

    synchronized DialingMode mode() {
        return mode;
    }

    /** A supervisor switched the mode: paced afresh, the limits' windows as they were. */
    synchronized void switchTo(DialingMode m, List<CampaignLines.Answered> history) {
        if (m != mode) {
            mode = m;
            pacer = pacer(m, history);
        }
    }

    synchronized Pacer.Decision decide(io.candor.dialer.pacing.Floor floor, Instant now) {
        last = pacer.decide(floor, now);
        return last;
    }

    synchronized Pacer.@Nullable Decision last() {
        return last;
    }

    synchronized boolean mayDetectMachines(Instant now) {
        return pacer.mayDetectMachines(now, lines.size());
    }

    synchronized List<io.candor.dialer.pacing.AbandonLedger.Window> windows(Instant now) {
        return pacer.ledger().windows(now);
    }

    synchronized void ringing(UUID call, InFlight line) {
        lines.put(call, line);
        if (line.keptFor != null) {
            kept.add(line.keptFor);
        }
    }

    synchronized boolean isKept(String username) {
        return kept.contains(username);
    }

    /** Lines ringing for no kept collector, and all lines in flight. */
    synchronized int unkeptRinging() {
        return (int) lines.values().stream().filter(l -> l.keptFor == null && l.answeredAt == null).count();
    }

    synchronized @Nullable InFlight line(UUID call) {
        return lines.get(call);
    }

    synchronized int inFlight() {
        return lines.size();
    }

    synchronized Set<UUID> accountsInFlight() {
        Set<UUID> s = new HashSet<>();
        lines.values().forEach(l -> s.add(l.account));
        return s;
    }

    /** A person answered line {@code call} after {@code rang}; the collector kept for it is released to take it. */
    synchronized @Nullable InFlight answered(UUID call, Duration rang, Instant at) {
        pacer.answered(rang);
        InFlight l = lines.get(call);
        if (l != null) {
            l.answeredAt = at;
            if (l.keptFor != null) {
                kept.remove(l.keptFor);
            }
        }
        return l;
    }

    /** A line ended; returns it (null if unknown). */
    synchronized @Nullable InFlight ended(UUID call, io.candor.telephony.BridgedCalls.LineEnd end, Instant now) {
        InFlight l = lines.remove(call);
        if (l == null) {
            return null;
        }
        if (l.keptFor != null) {
            kept.remove(l.keptFor);
        }
        switch (end.outcome()) {
            case NOT_ANSWERED -> pacer.notAnswered(end.rang());
            case MACHINE -> {
                pacer.answered(end.rang());
                if (rules.amdFalsePositivesAreAbandoned()) {
                    // a detector's verdict may have hung up on a person: counted as abandoned, as the rules say
                    pacer.live(now, true);
                }
            }
            case BRIDGED -> {
                pacer.live(l.answeredAt == null ? now : l.answeredAt, false);
                pacer.talked(end.talked());
            }
            case ABANDONED -> pacer.live(l.answeredAt == null ? now : l.answeredAt, true);
        }
        return l;
    }

    /** Measures wrap-ups: a collector seen wrapping up from {@code since}, or seen no longer wrapping up. */
    synchronized void wrapSeen(String username, @Nullable Instant since, Instant now) {
        if (since != null) {
            wrapping.putIfAbsent(username, since);
        } else {
            Instant from = wrapping.remove(username);
            if (from != null) {
                pacer.wrapped(Duration.between(from, now));
            }
        }
    }

    synchronized void problem(@Nullable String p) {
        problem = p;
    }

    synchronized @Nullable String problem() {
        return problem;
    }
}
