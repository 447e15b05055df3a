package io.candor.dialer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Calls transferred to a supervisor while they run: whoever took the call wraps it up when it ends, and the collector
 * who handed it on — wrapping up since the transfer, perhaps on another call by then — is left alone.
 */
@Component
class Transfers {

    private final Map<UUID, String> takers = new ConcurrentHashMap<>();

    void taken(UUID call, String supervisor) {
        takers.put(call, supervisor);
    }

    /** The call ended: the supervisor who took it, if it was transferred. */
    Optional<String> ended(UUID call) {
        return Optional.ofNullable(takers.remove(call));
    }
}
