package io.candor.telephony;

import java.util.UUID;
import java.util.function.Consumer;

import io.candor.agent.ConversationState;
import io.candor.agent.Conversations;
import io.candor.platform.Actor;
import org.jspecify.annotations.Nullable;

/**
 * The agent's conversation a call carries, by keypad or in words: started when the opening is answered, on the contact
 * the gate reserved when the call dialled; each entry or utterance is a turn of the same dialogue the agent has in
 * text.
 */
final class CallConversation implements AgentCallScript.Dialogue {

    private final Conversations conversations;
    private final UUID account;
    private final UUID contact;
    private final Actor by;
    private final Consumer<UUID> started;
    private final Conversations.Input input;
    private @Nullable UUID id;
    private @Nullable ConversationState last;

    CallConversation(Conversations conversations, UUID account, UUID contact, Actor by, Conversations.Input input,
            Consumer<UUID> started) {
        this.input = input;
        this.conversations = conversations;
        this.account = account;
        this.contact = contact;
        this.by = by;
        this.started = started;
    }

    @Override
    public AgentCallScript.Said open() {
        Conversations.View v = conversations.startCall(account, contact, input, by);
        id = v.id();
        started.accept(v.id());
        return said(v);
    }

    @Override
    public AgentCallScript.Said keyed(String keys) {
        return said(conversations.keyed(require(), keys, by));
    }

    @Override
    public AgentCallScript.Said spoken(String words) {
        return said(conversations.turn(require(), words, by));
    }

    @Override
    public AgentCallScript.Said silent() {
        return said(conversations.keyed(require(), null, by));
    }

    /**
     * Whether the conversation told the gate who answered (it does once the identity question is settled); when it
     * did not, the call's own outcome is recorded.
     */
    boolean toldWhoAnswered() {
        return last != null && last != ConversationState.VERIFYING;
    }

    /** The call is over: a conversation still going ends with it. */
    void callEnded() {
        if (id != null) {
            conversations.callEnded(id);
        }
    }

    private UUID require() {
        if (id == null) {
            throw new IllegalStateException("The call's conversation was not opened");
        }
        return id;
    }

    private AgentCallScript.Said said(Conversations.View v) {
        last = v.state();
        return new AgentCallScript.Said(v.turns().getLast().reply(), v.locale(), v.state().going(),
                conversations.awaiting(v.id()) == Conversations.Awaiting.ENTRY, v.state() == ConversationState.VERIFYING,
                v.state() == ConversationState.VERIFIED);
    }
}
