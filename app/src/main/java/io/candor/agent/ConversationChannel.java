package io.candor.agent;

import java.util.Locale;

import io.candor.compliance.Channel;
import io.candor.platform.web.BadRequestException;

/** How the agent talks with a debtor: the {@code agent_conversation.channel} column's vocabulary. */
public enum ConversationChannel {
    /** Typed, in the portal or an app; always opened by the debtor. */
    CHAT,
    /** Text messages. */
    SMS,
    /** A phone call. */
    VOICE;

    /** The contact channel an outbound conversation of this kind is, for the gate. */
    Channel contactChannel() {
        return this == VOICE ? Channel.VOICE_AI : Channel.SMS;
    }

    /** The channel a request names (any case); a clear error when it names none. */
    public static ConversationChannel of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("channel is CHAT, SMS or VOICE; got '" + text + "'.");
        }
    }
}
