package io.candor.telephony;

import java.util.Map;

import io.candor.channel.Providers;
import io.candor.platform.web.BadRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's SIP trunk for a voice channel, from its provider settings ({@code PUT /api/v1/channels/VOICE_AI}):
 * where INVITEs go (the trunk, or an outbound proxy in front of it), as whom, with which digest user (the sealed
 * secret is its password), and how many calls may run on it at once.
 */
record Trunk(String host, int port, String from, @Nullable String authUser, @Nullable String secret, int maxCalls,
             int retentionYears) {

    static final int DEFAULT_MAX_CALLS = 10;

    static Trunk of(Providers.Provider p) {
        Map<String, String> s = p.settings();
        String host = s.getOrDefault("proxy", s.get("host"));
        if (host == null || host.isBlank()) {
            throw new BadRequestException("The " + p.channel() + " trunk has no host: set {\"settings\":{\"host\":…,"
                    + "\"port\":…}} with PUT /api/v1/channels/" + p.channel() + ".");
        }
        String transport = s.getOrDefault("transport", "udp");
        if (!transport.equalsIgnoreCase("udp")) {
            throw new BadRequestException("The " + p.channel() + " trunk's transport is '" + transport
                    + "'; Candor places calls over udp: set \"transport\":\"udp\".");
        }
        int port = number(s, "port", 5060, 1, 65535, p);
        int max = number(s, "maxCalls", DEFAULT_MAX_CALLS, 1, 1000, p);
        String from = s.getOrDefault("from", "candor");
        String user = s.get("authUser");
        // the tenant may keep recordings longer than its jurisdictions require (0: the minimum)
        int keep = number(s, "retentionYears", 0, 0, 30, p);
        return new Trunk(host.strip(), port, from, user == null || user.isBlank() ? null : user, p.secret(), max, keep);
    }

    private static int number(Map<String, String> s, String key, int otherwise, int min, int max, Providers.Provider p) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("The " + p.channel() + " trunk's " + key + " is '" + v + "': give a whole number "
                    + "from " + min + " to " + max + ".");
        }
    }

    SipCall.Target target(String number) {
        return new SipCall.Target(host, port, number, from, authUser, secret);
    }
}
