package io.candor.channel;

import java.util.UUID;

/**
 * A debtor texted back (not a stop word): published in the tenant's context, outside any transaction, for the agent
 * to answer.
 */
public record SmsReceived(UUID account, String from, String text) {
}
