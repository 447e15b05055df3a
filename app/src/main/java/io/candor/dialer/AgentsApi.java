package io.candor.dialer;

import java.util.List;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final Agents agents;

    AgentsApi(Agents agents) {
        this.agents = agents;
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
