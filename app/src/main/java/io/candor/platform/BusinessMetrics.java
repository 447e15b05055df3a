package io.candor.platform;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The business figures on {@code /actuator/prometheus}, counted from the evidence every module records anyway: gate
 * decisions by verdict, first rule and channel ({@code candor_gate_decisions_total}), messages handed to providers by
 * channel and result ({@code candor_messages_total}), and the agent's hand-overs by reason
 * ({@code candor_agent_handovers_total}). Imports, planning runs and the evidence log are measured where they happen.
 */
@Component
class BusinessMetrics {

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(EvidenceEvent e) {
        EvidenceType type = EvidenceType.named(e.type()).orElse(null);
        if (type == null) {
            return; // an external system's record
        }
        switch (type) {
            case CONTACT_DECISION -> registry.counter("candor.gate.decisions", "verdict", fact(e, "verdict"), "rule",
                    first(e.facts().get("rules")), "channel", fact(e, "channel")).increment();
            case MESSAGE_SENT -> registry.counter("candor.messages", "channel", fact(e, "channel"), "status",
                    fact(e, "status")).increment();
            case AGENT_HANDOVER -> registry.counter("candor.agent.handovers", "reason", fact(e, "reason")).increment();
            default -> {
            }
        }
    }

    private static String fact(EvidenceEvent e, String key) {
        String v = e.facts().get(key);
        return v == null ? "none" : v;
    }

    private static String first(@Nullable String rules) {
        return rules == null || rules.isBlank() ? "none" : rules.split(",")[0];
    }
}
