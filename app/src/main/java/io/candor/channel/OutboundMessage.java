package io.candor.channel;

import java.util.UUID;

import io.candor.compliance.Channel;
import org.jspecify.annotations.Nullable;

/** A filled, checked message ready for an adapter: its id doubles as the idempotency key towards the provider. */
record OutboundMessage(UUID id, Channel channel, String to, @Nullable String subject, String body,
                              String locale) {
}
