package io.candor.agent;

import java.util.Locale;

import io.candor.platform.web.BadRequestException;

/** Where a conversation with the agent stands: the {@code agent_conversation.state} column's vocabulary. */
public enum ConversationState {
    /** The agent is asking who it is talking to. */
    VERIFYING,
    /** The debtor is verified: the agent may speak of the debt. */
    VERIFIED,
    /** Given to a person (vulnerability, a complaint, hardship, repeated refusals). */
    HANDED_OVER,
    /** Over: resolved, refused, a wrong number, or not verified. */
    ENDED;

    /** Whether the agent still answers turns in it. */
    public boolean going() {
        return this == VERIFYING || this == VERIFIED;
    }

    /** The state a request names (any case); a clear error when it names none. */
    public static ConversationState of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state is VERIFYING, VERIFIED, HANDED_OVER or ENDED; got '" + text + "'.");
        }
    }
}
