package io.candor.agent;

import java.util.UUID;

import io.candor.channel.Sends;
import io.candor.channel.SmsReceived;
import io.candor.compliance.Channel;
import io.candor.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Two-way SMS: a debtor's text becomes a turn of their open SMS conversation (a new one starts with the agent's
 * greeting), and the agent's answer goes back as a text — through the contact gate, like every message.
 */
@Component
class SmsConversations {

    private static final Logger log = LoggerFactory.getLogger(SmsConversations.class);
    static final Actor AGENT = Actor.of(new UUID(0, 3), "ai-agent");

    private final Conversations conversations;
    private final Sends sends;

    SmsConversations(Conversations conversations, Sends sends) {
        this.conversations = conversations;
        this.sends = sends;
    }

    @EventListener
    void on(SmsReceived sms) {
        try {
            UUID id = conversations.open(sms.account(), ConversationChannel.SMS).orElse(null);
            String greeting = "";
            if (id == null) {
                Conversations.View started = conversations.start(sms.account(), ConversationChannel.SMS, Conversations.Direction.INBOUND, AGENT);
                id = started.id();
                greeting = started.turns().getFirst().reply() + "\n";
            }
            Conversations.View v = conversations.turn(id, sms.text(), AGENT);
            Conversations.Turn last = v.turns().getLast();
            sends.reply(sms.account(), Channel.SMS, greeting + last.reply(), v.locale(),
                    "agent:" + id + ":" + last.seq(), AGENT);
        } catch (RuntimeException e) {
            log.warn("The agent could not answer a text for account {}: {}", sms.account(), e.getMessage());
        }
    }
}
