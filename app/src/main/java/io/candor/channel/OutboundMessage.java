package io.candor.channel;

import java.util.List;
import java.util.UUID;

import io.candor.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A filled, checked message ready for an adapter: its id doubles as the idempotency key towards the provider. An
 * e-mail may carry attachments (a final response's PDF letter); other channels have none.
 */
record OutboundMessage(UUID id, Channel channel, String to, @Nullable String subject, String body, String locale,
                       List<Attachment> attachments) {

    OutboundMessage {
        attachments = List.copyOf(attachments);
    }

    /** A file sent with the message: its name, media type and bytes. */
    record Attachment(String name, String mediaType, byte[] content) {
    }
}
