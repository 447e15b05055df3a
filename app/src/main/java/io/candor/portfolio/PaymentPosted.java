package io.candor.portfolio;

import java.util.UUID;

/** A payment was posted on an account; published inside the posting's transaction. */
public record PaymentPosted(UUID account, UUID payment) {
}
