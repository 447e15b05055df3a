package io.candor.channel;

/** Where a message stands: the {@code outbound_message.status} column's vocabulary. */
public enum MessageStatus {
    /** The gate, a missing contact point or the content linter stopped it; nothing left Candor. */
    REFUSED,
    /** The provider did not take it, or reported it undelivered. */
    FAILED,
    /** Handed to the provider; its answer is awaited. */
    SENDING,
    /** The provider took it. */
    SENT,
    /** The provider reported it delivered. */
    DELIVERED;

    /** Whether the message never reached the debtor. */
    public boolean undelivered() {
        return this == REFUSED || this == FAILED;
    }
}
