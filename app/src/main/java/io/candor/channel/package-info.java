/**
 * Contact channels: adapters that speak the real protocols (e-mail over SMTP, app push as a signed HTTP webhook),
 * per-tenant provider settings, and the one way a message leaves Candor — {@link io.candor.channel.Sends}: the
 * contact gate at send time, an approved template in the debtor's language, linting of the filled text, the opt-out,
 * the delivery status and the evidence log.
 */
@NullMarked
@OwnsTables({"channel_provider", "outbound_message"})
package io.candor.channel;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
