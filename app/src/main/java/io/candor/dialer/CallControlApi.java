package io.candor.dialer;

import java.util.Map;
import java.util.UUID;

import io.candor.channel.Providers;
import io.candor.identity.CurrentUser;
import io.candor.identity.Role;
import io.candor.platform.web.ConflictException;
import io.candor.telephony.BridgedCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bridged call while it runs: a supervisor listens in (silent) or whispers to the collector, from the phone they
 * signed in to the floor with; the call goes on hold and back.
 */
@RestController
class CallControlApi {

    record Listen(boolean whisper) {
    }

    record Hold(boolean on) {
    }

    private final BridgedCalls bridged;
    private final Agents agents;
    private final Providers providers;

    CallControlApi(BridgedCalls bridged, Agents agents, Providers providers) {
        this.bridged = bridged;
        this.agents = agents;
        this.providers = providers;
    }

    @PostMapping("/api/v1/calls/{id}/listen")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Map<String, Object>> listen(@PathVariable UUID id, @RequestBody Listen body) {
        var me = CurrentUser.get();
        Agents.View phone = agents.of(me.username()).filter(v -> v.state() != AgentState.OFFLINE)
                .orElseThrow(() -> new ConflictException("Sign in to the floor with your phone's extension first "
                        + "(PUT /api/v1/agents/me/state, e.g. PAUSED with reason COACHING): Candor rings it."));
        Registrar registrar = Registrar.required(providers);
        bridged.listen(id, new BridgedCalls.Collector(registrar.host(), registrar.port(), phone.extension()),
                body.whisper(), me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("call", id, "extension", phone.extension(),
                "whisper", body.whisper()));
    }

    @PostMapping("/api/v1/calls/{id}/hold")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    Map<String, Object> hold(@PathVariable UUID id, @RequestBody Hold body) {
        var me = CurrentUser.get();
        // a collector holds their own calls; a supervisor any call of the floor
        bridged.hold(id, body.on(), me.roles().contains(Role.SUPERVISOR) ? null : me.username());
        return Map.of("call", id, "held", body.on());
    }
}
