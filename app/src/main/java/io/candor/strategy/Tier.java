package io.candor.strategy;

/** The three tiers of treatment (智能初筛 — 人工精催 — 法律追索). */
public enum Tier {
    /** Digital channels and the AI agent. */
    DIGITAL,
    /** Human collectors working queues. */
    HUMAN,
    /** Legal recourse. */
    LEGAL;

    public static Tier of(int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("a tier is 1 (digital and AI), 2 (human) or 3 (legal)");
        }
        return values()[number - 1];
    }

    public int number() {
        return ordinal() + 1;
    }
}
