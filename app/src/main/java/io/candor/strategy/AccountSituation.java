package io.candor.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Everything the strategy looks at for one open account on a business date. Signals written by other modules
 * (arrangements, the agent's emotion flags, vulnerability, scores) are empty until those modules write them.
 *
 * @param balance           outstanding balance in major units of {@code currency}
 * @param attempts          contact attempts in the last 30 days
 * @param attemptsWithoutContact attempts since the last right-party contact
 * @param daysSinceContact  days since the last right-party contact (null: never)
 * @param holds             holds in force ({@code COMPLAINT_OPEN} routes to a supervisor; any other stops the path)
 * @param path              the path the account was on before today, if any
 */
public record AccountSituation(UUID account, String bucket, String product, String language, String region,
                               String country, String currency, @Nullable String scoreBand, Arrangement arrangement,
                               int dpd, BigDecimal balance, int attempts, int attemptsWithoutContact,
                               @Nullable Integer daysSinceContact, int brokenArrangements, boolean negativeEmotion,
                               boolean vulnerable, boolean escalated, Set<String> holds, @Nullable PathState path) {

    /** Where the account stands with promises and plans. */
    public enum Arrangement {
        NONE, ACTIVE, BROKEN
    }

    /** The account's path so far: which, since when, whether anyone reached the debtor since it began. */
    public record PathState(String path, LocalDate enteredOn, boolean reachedSinceEntry) {
    }

    public AccountSituation {
        holds = Set.copyOf(holds);
    }

    /** The value a condition on {@code d} compares: a label, a whole number, or a scaled amount. */
    public Object value(Dimension d) {
        return switch (d) {
            case BUCKET -> bucket;
            case PRODUCT -> product;
            case LANGUAGE -> language;
            case REGION -> region;
            case COUNTRY -> country;
            case CURRENCY -> currency;
            case SCORE_BAND -> scoreBand == null ? "" : scoreBand;
            case ARRANGEMENT -> arrangement.name();
            case DPD -> (long) dpd;
            case BALANCE -> balance.movePointRight(Dimension.AMOUNT_SCALE).longValue();
            case ATTEMPTS -> (long) attempts;
            case ATTEMPTS_WITHOUT_CONTACT -> (long) attemptsWithoutContact;
            case DAYS_SINCE_CONTACT -> daysSinceContact == null ? Long.MAX_VALUE : (long) daysSinceContact;
            case BROKEN_ARRANGEMENTS -> (long) brokenArrangements;
            case NEGATIVE_EMOTION -> Boolean.toString(negativeEmotion);
            case VULNERABLE -> Boolean.toString(vulnerable);
            case ESCALATED -> Boolean.toString(escalated);
        };
    }
}
