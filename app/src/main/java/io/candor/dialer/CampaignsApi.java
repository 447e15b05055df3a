package io.candor.dialer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dialer campaigns over REST: {@code POST /api/v1/campaigns} makes one, {@code POST …/{id}/start} and
 * {@code …/pause} steer it, {@code POST …/{id}/mode} switches its mode, {@code GET …/{id}} shows its state, counters
 * and abandoned rate per window; {@code GET /api/v1/agents/me/offer} is the call the dialer last bridged to me.
 */
@RestController
class CampaignsApi {

    record SwitchMode(@NotNull DialingMode mode) {
    }

    private final Campaigns campaigns;
    private final CampaignDialer dialer;

    CampaignsApi(Campaigns campaigns, CampaignDialer dialer) {
        this.campaigns = campaigns;
        this.dialer = dialer;
    }

    @PostMapping("/api/v1/campaigns")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<CampaignDialer.View> create(@RequestBody Campaigns.New body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dialer.view(campaigns.create(body, CurrentUser.get())));
    }

    @GetMapping("/api/v1/campaigns")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<CampaignDialer.View> all() {
        return campaigns.all().stream().map(dialer::view).toList();
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CampaignDialer.View one(@PathVariable UUID id) {
        return dialer.view(campaigns.get(id));
    }

    @PostMapping("/api/v1/campaigns/{id}/start")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CampaignDialer.View start(@PathVariable UUID id) {
        return dialer.view(campaigns.set(id, CampaignState.RUNNING, CurrentUser.get()));
    }

    @PostMapping("/api/v1/campaigns/{id}/pause")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CampaignDialer.View pause(@PathVariable UUID id) {
        return dialer.view(campaigns.set(id, CampaignState.PAUSED, CurrentUser.get()));
    }

    @PostMapping("/api/v1/campaigns/{id}/mode")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CampaignDialer.View mode(@PathVariable UUID id, @RequestBody SwitchMode body) {
        return dialer.view(campaigns.switchTo(id, body.mode(), CurrentUser.get()));
    }

    @GetMapping("/api/v1/agents/me/offer")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    ResponseEntity<Object> offer() {
        return dialer.offerTo(CurrentUser.get().username()).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(Map.of()));
    }
}
