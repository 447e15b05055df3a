package io.candor.dialer;

import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import io.candor.telephony.BridgedCalls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call floor over REST: a collector's own state ({@code PUT /api/v1/agents/me/state}
 * {@code {"state":"READY|PAUSED|OFFLINE","reason","extension"}}), and everyone's for supervisors.
 */
@RestController
class AgentsApi {

    record ChooseState(@NotNull AgentState state, @Nullable PauseReason reason, @Nullable String extension) {
    }

    record Dial(@NotNull UUID account, @Nullable UUID contactPoint) {
    }

    private final Agents agents;
    private final PreviewCalls preview;

    AgentsApi(Agents agents, PreviewCalls preview) {
        this.agents = agents;
        this.preview = preview;
    }

    /** A READY collector dials an account: the gate decides now; their phone rings, then the debtor's. */
    @PostMapping("/api/v1/agents/me/calls")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    ResponseEntity<BridgedCalls.Placed> dial(@Valid @RequestBody Dial body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(preview.dial(CurrentUser.get(), body.account(),
                body.contactPoint()));
    }

    @PutMapping("/api/v1/agents/me/state")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    Agents.View choose(@Valid @RequestBody ChooseState body) {
        return agents.choose(CurrentUser.get(), body.state(), body.reason(), body.extension());
    }

    @GetMapping("/api/v1/agents/me/state")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    Agents.View mine() {
        String me = CurrentUser.get().username();
        return agents.of(me).orElseThrow(() -> new NotFoundException("agent state of", me));
    }

    @GetMapping("/api/v1/agents")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Agents.View> floor() {
        return agents.floor();
    }
}
