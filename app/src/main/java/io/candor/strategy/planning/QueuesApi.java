package io.candor.strategy.planning;

import java.util.List;
import java.util.UUID;

import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.CursorPage;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work queues for collectors and supervisors, re-assignment, and collector teams. */
@RestController
class QueuesApi {

    /** Give {@code account} to collector {@code collector} (a username). */
    record Reassignment(UUID account, String collector) {
    }

    private final WorkQueues queues;
    private final CollectorTeams teams;
    private final Tenants tenants;

    QueuesApi(WorkQueues queues, CollectorTeams teams, Tenants tenants) {
        this.queues = queues;
        this.teams = teams;
        this.tenants = tenants;
    }

    /**
     * The signed-in collector's queue for the tenant's business date, in the strategy's order (the first {@code limit}
     * when given).
     */
    @GetMapping("/api/v1/queues/mine")
    List<WorkQueues.Item> mine(@RequestParam(required = false)
            @Nullable Integer limit) {
        CandorPrincipal me = CurrentUser.get();
        List<WorkQueues.Item> all = queues.queue(me.userId(), "COLLECT", tenants.businessDate(me.tenantId()));
        int n = limit == null ? all.size() : CursorPage.limit(limit);
        return all.size() <= n ? all : List.copyOf(all.subList(0, n));
    }

    /** Accounts waiting for a supervisor (open complaints). */
    @GetMapping("/api/v1/queues/supervisor")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<WorkQueues.Item> supervisor() {
        return queues.queue(null, "SUPERVISOR", tenants.businessDate(CurrentUser.get().tenantId()));
    }

    @PostMapping("/api/v1/queues/assignments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<Void> reassign(@RequestBody Reassignment r) {
        CandorPrincipal me = CurrentUser.get();
        queues.reassign(r.account(), r.collector(), tenants.businessDate(me.tenantId()), me.username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/teams")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<CollectorTeams.Team> teams() {
        return teams.teams();
    }

    @PutMapping("/api/v1/teams/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CollectorTeams.Team putTeam(@PathVariable String code, @RequestBody CollectorTeams.Team team) {
        return teams.putTeam(code, team, CurrentUser.get().username());
    }
}
