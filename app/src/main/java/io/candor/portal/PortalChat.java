package io.candor.portal;

import java.util.UUID;

import io.candor.agent.ConversationChannel;
import io.candor.agent.Conversations;
import io.candor.platform.Actor;
import io.candor.platform.web.BadRequestException;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Chatting with the AI agent from the portal. The debtor is already verified, so the agent opens with the debt;
 * everything the agent can do on a call (promises, plans, disputes, hand-over to a person) works here too, and
 * every turn is evidence-logged. The conversation belongs to the session; htmx swaps in each answer.
 */
@Controller
class PortalChat {

    private static final String CONVERSATION = "candor.portal.chat";

    private final Conversations conversations;

    PortalChat(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/portal/chat")
    String chat(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, HttpSession session, Model model) {
        model.addAttribute("c", conversations.view(conversation(s, session)));
        return "portal/chat";
    }

    @PostMapping("/portal/chat")
    String say(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String text,
            HttpSession session, Model model) {
        UUID id = conversation(s, session);
        try {
            model.addAttribute("c", conversations.turn(id, text, actor(s)));
        } catch (BadRequestException e) {
            model.addAttribute("c", conversations.view(id));
        }
        return "portal/chat :: transcript";
    }

    private UUID conversation(PortalSession s, HttpSession session) {
        Object id = session.getAttribute(CONVERSATION);
        if (id instanceof UUID existing) {
            return existing;
        }
        UUID started = conversations.startVerified(s.account(), ConversationChannel.CHAT, actor(s)).id();
        session.setAttribute(CONVERSATION, started);
        return started;
    }

    private static Actor actor(PortalSession s) {
        return Verification.debtor(s.link());
    }
}
