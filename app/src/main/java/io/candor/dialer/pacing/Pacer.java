package io.candor.dialer.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.candor.dialer.DialingMode;
import org.jspecify.annotations.Nullable;

/**
 * One campaign's pacing: how many lines to ring now.
 * <ul>
 * <li><b>Preview</b>: none — the collector dials.</li>
 * <li><b>Progressive</b>: one line for each ready collector without one, kept for them while it rings, so no answered
 * debtor ever waits.</li>
 * <li><b>Predictive</b>: enough lines that the answers expected over the next time-to-answer meet the collectors
 * expected free by then (ready now, or finishing their wrap-up or call — from the measured talk and wrap-up times),
 * times an aggressiveness that feedback keeps at half the abandoned-call limit. Whatever that says, the lines in
 * flight never exceed the ready collectors plus the abandons the limits still allow ({@link AbandonLedger#headroom}):
 * even if every line were answered at once, no limit would be broken. Should a limit's rate still reach its maximum
 * (a detector's mistakes count as abandoned), predictive dialling stops for the rest of the day and the campaign
 * dials progressively.</li>
 * </ul>
 */
public final class Pacer {

    /** Why the pacer dials what it dials. */
    public enum Why {
        COLLECTOR_DIALS, ONE_LINE_PER_READY_COLLECTOR, PACED, HELD_TO_THE_LIMITS, STOPPED_FOR_THE_DAY
    }

    /** Lines to ring now, and how the campaign is paced. */
    public record Decision(int lines, DialingMode pacedAs, Why why) {
    }

    /** The abandoned share feedback aims at, as a part of the tightest limit. */
    private static final double AIM = 0.5;
    private static final double GAIN = 0.02;

    private final PacingStats stats = new PacingStats();
    private final AbandonLedger ledger;
    private final ZoneId zone;
    private final DialingMode mode;
    private double aggressiveness = 1.0;
    private @Nullable LocalDate stoppedOn;

    public Pacer(DialingMode mode, AbandonRules rules, ZoneId zone) {
        this.mode = mode;
        this.ledger = new AbandonLedger(rules);
        this.zone = zone;
    }

    public Decision decide(Floor floor, Instant now) {
        int progressive = Math.max(0, floor.ready() - floor.ringing() - floor.waiting());
        return switch (mode) {
            case PREVIEW -> new Decision(0, DialingMode.PREVIEW, Why.COLLECTOR_DIALS);
            case PROGRESSIVE -> new Decision(progressive, DialingMode.PROGRESSIVE, Why.ONE_LINE_PER_READY_COLLECTOR);
            case PREDICTIVE -> stoppedToday(now)
                    ? new Decision(progressive, DialingMode.PROGRESSIVE, Why.STOPPED_FOR_THE_DAY)
                    : predictive(floor, now, progressive);
        };
    }

    private Decision predictive(Floor floor, Instant now, int progressive) {
        double p = stats.answerRate();
        // collectors free within half the time a line takes to be answered: measured best in the simulator (0.5 to 2)
        double tau = stats.secondsToAnswer() / 2;
        double free = floor.ready();
        for (double elapsed : floor.wrappingSeconds()) {
            free += stats.wrapEndsWithin(elapsed, tau);
        }
        for (double elapsed : floor.talkingSeconds()) {
            free += stats.callAndWrapEndWithin(elapsed, tau);
        }
        // each line ringing counts as the measured answer rate: counting long-ringing lines as less likely to be
        // answered dials more, and in the simulator spends the abandon headroom sooner for less occupancy
        double wanted = aggressiveness * free - floor.waiting() - floor.ringing() * p;
        int paced = (int) Math.max(0, Math.round(wanted / p));
        // the worst case: every line in flight answered at once, each ready collector taking one
        long allowed = ledger.headroom(now) + floor.ready() - floor.ringing() - floor.waiting();
        int lines = (int) Math.max(progressive, Math.min(paced, allowed));
        return new Decision(lines, DialingMode.PREDICTIVE, lines < paced ? Why.HELD_TO_THE_LIMITS : Why.PACED);
    }

    private boolean stoppedToday(Instant now) {
        return stoppedOn != null && stoppedOn.equals(LocalDate.ofInstant(now, zone));
    }

    /**
     * Whether an answering-machine detector may judge the call just answered: its mistakes count as abandoned, so only
     * while the limits could take one more abandon beyond every other call that might still be (the lines ringing
     * and the answered calls waiting).
     */
    public boolean mayDetectMachines(Instant now, int otherCallsAtRisk) {
        return !ledger.rules().amdFalsePositivesAreAbandoned() || ledger.headroom(now) >= 1L + otherCallsAtRisk;
    }

    /** A dial ended unanswered after ringing for {@code rang}. */
    public void notAnswered(Duration rang) {
        stats.dialEnded(rang, false);
    }

    /** A dial was answered after ringing for {@code rang} (by a person or a machine). */
    public void answered(Duration rang) {
        stats.dialEnded(rang, true);
    }

    /**
     * A live call — a person answered — reached a collector in time, or was abandoned: counted against the limits,
     * and fed back into how hard predictive pacing pushes.
     */
    public void live(Instant at, boolean abandoned) {
        ledger.record(at, abandoned);
        double aim = AIM * ledger.rules().limits().stream().mapToDouble(AbandonRules.Limit::maxRate).min().orElse(0);
        aggressiveness = Math.clamp(aggressiveness + GAIN * (aim - (abandoned ? 1 : 0)), 0.5, 2.0);
        for (AbandonLedger.Window w : ledger.windows(at)) {
            boolean meaningful = w.live() >= Math.ceil(1 / w.limit().maxRate());
            if (meaningful && w.rate() >= w.limit().maxRate() - 1e-12) {
                stoppedOn = LocalDate.ofInstant(at, zone);
            }
        }
    }

    public void talked(Duration d) {
        stats.talked(d);
    }

    public void wrapped(Duration d) {
        stats.wrapped(d);
    }

    public AbandonLedger ledger() {
        return ledger;
    }
}
