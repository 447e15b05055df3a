package io.candor.strategy;

import java.util.Arrays;
import java.util.Optional;

/** What a segment's conditions can look at, with the key used in strategy files. */
public enum Dimension {
    BUCKET("bucket", Kind.CATEGORY),
    PRODUCT("product", Kind.CATEGORY),
    LANGUAGE("language", Kind.CATEGORY),
    REGION("region", Kind.CATEGORY),
    COUNTRY("country", Kind.CATEGORY),
    CURRENCY("currency", Kind.CATEGORY),
    SCORE_BAND("scoreBand", Kind.CATEGORY),
    ARRANGEMENT("arrangement", Kind.CATEGORY),
    DPD("dpd", Kind.NUMBER),
    BALANCE("balance", Kind.AMOUNT),
    ATTEMPTS("attempts", Kind.NUMBER),
    ATTEMPTS_WITHOUT_CONTACT("attemptsWithoutContact", Kind.NUMBER),
    DAYS_SINCE_CONTACT("daysSinceContact", Kind.NUMBER),
    BROKEN_ARRANGEMENTS("brokenArrangements", Kind.NUMBER),
    NEGATIVE_EMOTION("negativeEmotion", Kind.FLAG),
    VULNERABLE("vulnerable", Kind.FLAG),
    ESCALATED("escalated", Kind.FLAG);

    /** How a dimension's values compare: sets of labels, whole numbers, decimal amounts, yes/no. */
    public enum Kind {
        CATEGORY, NUMBER, AMOUNT, FLAG
    }

    /** Amounts compare exactly as whole ten-thousandths of a major unit. */
    public static final int AMOUNT_SCALE = 4;

    private final String key;
    private final Kind kind;

    Dimension(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.AMOUNT;
    }

    public static Optional<Dimension> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Dimension::key).toList());
    }
}
