package io.candor.channel;

import java.util.UUID;

/** A debtor's e-mail read from the tenant's mailbox, matched to one of their accounts (not a stop request). */
public record EmailReceived(UUID account, String from, String subject, String text) {
}
