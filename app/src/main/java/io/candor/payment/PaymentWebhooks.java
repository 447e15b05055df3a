package io.candor.payment;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import io.candor.platform.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/payments/{provider}}: a gateway's notification. The signature is checked before anything is
 * read from the body; the event names its tenant, and is applied in that tenant only. 200 for an event applied or
 * seen before, 400 for one refused.
 */
@RestController
class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final Checkouts checkouts;

    PaymentWebhooks(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    @PostMapping("/webhooks/payments/{provider}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String provider, @RequestBody byte[] body,
            HttpServletRequest request) {
        PaymentGateway gateway = checkouts.gateway(provider).orElse(null);
        if (gateway == null) {
            return ResponseEntity.status(404).body(Map.of("error", "no payment provider '" + provider + "'"));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        PaymentGateway.Event event;
        try {
            event = gateway.read(headers, body);
        } catch (PaymentGateway.Refused e) {
            log.warn("Refused a {} webhook: {}", provider, e.getMessage());
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        boolean fresh = TenantContext.call(event.tenant(), () -> checkouts.apply(provider, event));
        return ResponseEntity.ok(Map.of("event", event.id(), "replay", !fresh));
    }
}
