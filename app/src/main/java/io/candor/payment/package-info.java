/**
 * Taking payments through a payment gateway: checkouts on the gateway's hosted payment page, and its signed,
 * replay-protected webhooks posting the payments to the ledger. {@link io.candor.payment.PaymentGateway} is the
 * interface a provider adapter (Alipay, WeChat Pay, Stripe …) implements; the sandbox gateway is a complete local
 * provider for tests and the demo.
 */
@NullMarked
@OwnsTables({"payment_checkout", "payment_webhook_event"})
package io.candor.payment;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
