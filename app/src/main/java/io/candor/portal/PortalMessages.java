package io.candor.portal;

import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.channel.Sends;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * Every text, e-mail and letter sent to the debtor can be read again in the portal, word for word as it was sent
 * (from the evidence log's content store). Only messages of the session's account: any other id answers as unknown.
 */
@Controller
class PortalMessages {

    private final Sends sends;
    private final AuditTrail audit;

    PortalMessages(Sends sends, AuditTrail audit) {
        this.sends = sends;
        this.audit = audit;
    }

    @GetMapping("/portal/messages/{id}")
    String read(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @PathVariable UUID id, Model model) {
        String text = sends.text(s.account(), id).orElse(null);
        if (text == null) {
            return "redirect:/portal?done=unknown-message";
        }
        audit.recordAs(Verification.debtor(s.link()), AuditEntry.of(AuditAction.PORTAL_MESSAGE_READ, "account", s.account())
                .withDetail(Map.of("message", id.toString())));
        model.addAttribute("text", text);
        return "portal/message";
    }
}
