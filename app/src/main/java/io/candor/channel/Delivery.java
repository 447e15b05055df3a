package io.candor.channel;

/** What a provider answered. */
public sealed interface Delivery {

    /** Taken for delivery; the provider's id for receipts. */
    record Accepted(String providerId) implements Delivery {
    }

    /** Not taken, and why. */
    record Failed(String reason) implements Delivery {
    }
}
