package io.candor.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.money.Money;

/**
 * A payment provider: it hosts the payment page the payer is sent to, and tells Candor the outcome by a signed
 * webhook. An adapter checks the webhook's signature and age itself; Candor refuses replays by event id.
 */
public interface PaymentGateway {

    /** The provider's name in URLs and records, e.g. {@code sandbox}. */
    String provider();

    /** Opens a hosted payment for a checkout; returns where to send the payer. */
    URI start(Checkout checkout);

    /** Reads a webhook, refusing one whose signature does not match or that is too old. */
    Event read(Map<String, String> headers, byte[] body) throws Refused;

    /** What a provider is told about a checkout. */
    record Checkout(UUID tenant, UUID id, Money amount, String description, URI returnUrl, URI webhookUrl) {
    }

    /** A checkout's outcome, as the provider reported it. */
    record Event(String id, UUID tenant, UUID checkout, boolean paid, Money amount, Instant at) {
    }

    /** A webhook that must not be believed; the reason goes back to the caller and into the log. */
    final class Refused extends Exception {

        public Refused(String reason) {
            super(reason);
        }
    }
}
