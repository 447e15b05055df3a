package io.candor.dialer;

import java.util.Optional;

import io.candor.channel.Providers;
import io.candor.compliance.Channel;
import io.candor.platform.web.ConflictException;

/**
 * Where the tenant's collectors' phones register: the {@code registrar} setting ({@code host:port}, port 5060 when
 * left out) of its {@code VOICE_HUMAN} channel — Kamailio in the documented set-up, any registrar or PBX in production.
 */
record Registrar(String host, int port) {

    static Optional<Registrar> of(Providers providers) {
        return providers.find(Channel.VOICE_HUMAN).map(p -> p.settings().get("registrar"))
                .filter(s -> !s.isBlank()).map(Registrar::parse);
    }

    static Registrar required(Providers providers) {
        return of(providers).orElseThrow(() -> new ConflictException("No registrar is set for the collectors' "
                + "phones: PUT /api/v1/channels/VOICE_HUMAN with {\"settings\":{\"registrar\":\"host:port\"}} "
                + "(the Operations › Channels page)."));
    }

    static Registrar parse(String s) {
        String v = s.strip();
        int colon = v.lastIndexOf(':');
        if (colon < 0) {
            return new Registrar(v, 5060);
        }
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Registrar(v.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new ConflictException("The VOICE_HUMAN channel's registrar is '" + s + "': write it as host:port, "
                    + "e.g. pbx.example.com:5060.");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
