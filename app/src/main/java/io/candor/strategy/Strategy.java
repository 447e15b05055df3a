package io.candor.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.candor.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A strategy as authored: segments tried in order, the paths they lead to, champion/challenger variants, the
 * day's channel capacity, and what happens when a promise or plan breaks.
 *
 * @param jurisdictions where it runs: every step is checked against these packs before activation
 * @param capacity      most contacts a day per channel (absent: unlimited)
 * @param costs         what one contact costs per channel, in the reporting currency (for cost per unit collected)
 * @param onBroken      a broken arrangement resumes the segment's path or escalates to {@code escalateTo}
 * @param recycleAfterDays a collector's account nobody touched for this many days goes back to the team
 */
public record Strategy(String name, LocalDate effectiveFrom, String reason, List<String> jurisdictions,
                       Experiment experiment, Map<Channel, Integer> capacity, Map<Channel, BigDecimal> costs,
                       OnBroken onBroken,
                       @Nullable String escalateTo, int recycleAfterDays, List<Segment> segments,
                       Map<String, TreatmentPath> paths) {

    /** What a broken promise or plan does. */
    public enum OnBroken {
        RESUME, ESCALATE
    }

    /** Costs of a contact when the file names none: typical Chinese market prices in CNY. */
    public static final Map<Channel, BigDecimal> DEFAULT_COSTS = Map.of(Channel.SMS, new BigDecimal("0.05"),
            Channel.EMAIL, new BigDecimal("0.01"), Channel.APP_PUSH, new BigDecimal("0.01"),
            Channel.VOICE_AI, new BigDecimal("0.20"), Channel.VOICE_HUMAN, new BigDecimal("3.00"),
            Channel.LETTER, new BigDecimal("10.00"), Channel.FIELD_VISIT, new BigDecimal("200.00"));

    public Strategy {
        jurisdictions = List.copyOf(jurisdictions);
        capacity = Map.copyOf(capacity);
        costs = Map.copyOf(costs);
        segments = List.copyOf(segments);
        paths = Map.copyOf(paths);
    }

    public Optional<Segment> segmentFor(AccountSituation s) {
        for (Segment segment : segments) {
            if (segment.when().matches(s)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }
}
