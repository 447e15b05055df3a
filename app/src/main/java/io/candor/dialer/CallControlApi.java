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
 * signed in to the floor with; the call goes on hold and back, or is transferred to a supervisor.
 */
@RestController
class CallControlApi {

    record Listen(boolean whisper) {
    }

    record Hold(boolean on) {
    }

    record Transfer(@jakarta.validation.constraints.NotBlank String to) {
    }

    private final BridgedCalls bridged;
    private final Agents agents;
    private final Providers providers;
    private final io.candor.identity.Users users;

    CallControlApi(BridgedCalls bridged, Agents agents, Providers providers, io.candor.identity.Users users) {
        this.bridged = bridged;
        this.agents = agents;
        this.providers = providers;
        this.users = users;
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

    /**
     * A collector hands their call to a supervisor (a supervisor may move any call): the supervisor must be on the
     * floor with their phone and not on a call; their phone rings while the debtor waits on hold, and once they
     * answer the collector is hung up on and wraps up, the supervisor on the call.
     */
    @PostMapping("/api/v1/calls/{id}/transfer")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    ResponseEntity<Map<String, Object>> transfer(@PathVariable UUID id, @RequestBody Transfer body) {
        var me = CurrentUser.get();
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw new io.candor.platform.web.BadRequestException("Name the supervisor to transfer to: {\"to\":\"username\"}.");
        }
        boolean supervises = users.findByUsername(body.to()).map(u -> u.roles().contains(Role.SUPERVISOR))
                .orElse(false);
        if (!supervises) {
            throw new io.candor.platform.web.BadRequestException(body.to() + " is not a supervisor of this tenant: "
                    + "calls are transferred to a supervisor.");
        }
        Agents.View phone = agents.of(body.to())
                .filter(v -> v.state() != AgentState.OFFLINE && v.state() != AgentState.ON_CALL)
                .orElseThrow(() -> new ConflictException(body.to() + " is not on the floor with a free phone: they "
                        + "sign in with their extension (PAUSED or READY) before calls can be transferred to them."));
        Registrar registrar = Registrar.required(providers);
        UUID tenant = io.candor.platform.tenant.TenantContext.require();
        bridged.transfer(id, new BridgedCalls.Collector(registrar.host(), registrar.port(), phone.extension()),
                body.to(), me.roles().contains(Role.SUPERVISOR) ? null : me.username(), me,
                (taken, had) -> io.candor.platform.tenant.TenantContext.run(tenant, () -> {
                    if (taken) {
                        agents.moved(body.to(), AgentState.ON_CALL, "dialer");
                        agents.of(had).filter(v -> v.state() == AgentState.ON_CALL)
                                .ifPresent(v -> agents.moved(v.username(), AgentState.WRAP_UP, "dialer"));
                    }
                }));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("call", id, "to", body.to(), "extension",
                phone.extension()));
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
