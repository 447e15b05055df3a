package io.candor.dialer;

import io.candor.channel.Providers;
import io.candor.telephony.ExtensionProbe;
import io.candor.tenancy.EachTenant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every half minute, for each tenant with a registrar: asks after the phone of every collector who is READY, PAUSED
 * or wrapping up; one that no longer answers puts its collector OFFLINE ({@code PHONE_UNREACHABLE}), so the dialer
 * never rings a line for a phone that is gone. A registrar that does not answer changes nobody.
 */
@Component
class PhoneWatch {

    private final Agents agents;
    private final Providers providers;
    private final ExtensionProbe probe;
    private final EachTenant each;

    PhoneWatch(Agents agents, Providers providers, ExtensionProbe probe, EachTenant each) {
        this.agents = agents;
        this.providers = providers;
        this.probe = probe;
        this.each = each;
    }

    @Scheduled(fixedDelayString = "${candor.dialer.phone-check-interval:30s}",
            initialDelayString = "${candor.dialer.phone-check-interval:30s}")
    void tick() {
        each.runActive("Checking the collectors' phones", this::check);
    }

    /** In a tenant's context: asks after each watched phone; returns how many were found gone. */
    int check() {
        var registrar = Registrar.of(providers);
        if (registrar.isEmpty()) {
            return 0;
        }
        int gone = 0;
        for (Agents.View v : agents.watched()) {
            switch (probe.probe(registrar.get().host(), registrar.get().port(), v.extension(), Agents.PROBE_WAIT)) {
                case REGISTERED -> agents.reachable(v.username());
                case UNREACHABLE -> {
                    agents.unreachable(v.username());
                    gone++;
                }
                case NO_REGISTRAR -> {
                    return gone; // the registrar is down: nobody's phone can be judged
                }
            }
        }
        return gone;
    }
}
