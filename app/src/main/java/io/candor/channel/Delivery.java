package io.candor.channel;

import java.util.List;

/** What a provider answered. */
public sealed interface Delivery {

    /**
     * Taken for delivery: the provider's id for receipts, and any document made for it (a letter's PDF), which the
     * evidence log keeps with the text.
     */
    record Accepted(String providerId, List<byte[]> documents) implements Delivery {
        public Accepted {
            documents = List.copyOf(documents);
        }

        public Accepted(String providerId) {
            this(providerId, List.of());
        }
    }

    /** Not taken, and why. */
    record Failed(String reason) implements Delivery {
    }
}
