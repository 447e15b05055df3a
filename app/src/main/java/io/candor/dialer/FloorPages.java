package io.candor.dialer;

import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The call floor in the browser. A collector's floor page: their extension and state (ready, a pause with its
 * reason, signed out), and — while they are on it, or on an account a call opened — the account 360 of the next call
 * the dialer bridges to them opens by itself. The supervisor's floor page: each campaign's pacing, answer rate and
 * abandoned rate against its limits, with start, pause and mode switching, and every collector's state, live.
 */
@Controller
class FloorPages {

    private final Agents agents;
    private final Campaigns campaigns;
    private final CampaignDialer dialer;

    FloorPages(Agents agents, Campaigns campaigns, CampaignDialer dialer) {
        this.agents = agents;
        this.campaigns = campaigns;
        this.dialer = dialer;
    }

    @GetMapping("/floor")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    String floor(Model model) {
        model.addAttribute("me", agents.of(CurrentUser.get().username()).orElse(null));
        model.addAttribute("reasons", List.of(PauseReason.values()).stream()
                .filter(r -> r != PauseReason.PHONE_UNREACHABLE).toList());
        return "dialer/floor";
    }

    @PostMapping("/floor/state")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    String choose(@RequestParam AgentState state, @RequestParam(required = false) @Nullable PauseReason reason,
            @RequestParam(required = false) @Nullable String extension, RedirectAttributes flash) {
        try {
            agents.choose(CurrentUser.get(), state, reason, extension);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/floor";
    }

    /**
     * The poll of a collector's page: when the dialer has bridged a call to them since the page was drawn ({@code
     * since}, epoch milliseconds) that the page does not show ({@code seen}), htmx is told to open its account;
     * otherwise nothing.
     */
    @GetMapping("/floor/offer")
    @PreAuthorize("hasAnyRole('COLLECTOR', 'SUPERVISOR')")
    ResponseEntity<String> offer(@RequestParam(required = false) @Nullable UUID seen,
            @RequestParam(defaultValue = "0") long since) {
        return dialer.offerTo(CurrentUser.get().username())
                .filter(o -> !o.contactEvent().equals(seen) && o.at().toEpochMilli() >= since)
                .map(o -> ResponseEntity.ok().header("HX-Redirect", "/workbench/accounts/" + o.account() + "?call="
                        + o.contactEvent()).body(""))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/floor/supervisor")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String supervisor(Model model) {
        live(model);
        return "dialer/supervisor";
    }

    /** The live part of the supervisor's page, refreshed every two seconds. */
    @GetMapping("/floor/supervisor/live")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String supervisorLive(Model model) {
        live(model);
        return "dialer/supervisor :: live";
    }

    private void live(Model model) {
        model.addAttribute("campaigns", campaigns.all().stream().map(dialer::view).toList());
        model.addAttribute("agents", agents.floor());
        model.addAttribute("modes", DialingMode.values());
    }

    @PostMapping("/floor/campaigns/{id}/{action}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String steer(@PathVariable UUID id, @PathVariable String action,
            @RequestParam(required = false) @Nullable DialingMode mode) {
        switch (action) {
            case "start" -> campaigns.set(id, CampaignState.RUNNING, CurrentUser.get());
            case "pause" -> campaigns.set(id, CampaignState.PAUSED, CurrentUser.get());
            case "mode" -> {
                if (mode == null) {
                    throw new BadRequestException("Choose the mode to switch to.");
                }
                campaigns.switchTo(id, mode, CurrentUser.get());
            }
            default -> throw new BadRequestException("Start, pause or switch the mode of a campaign; '" + action
                    + "' is none of these.");
        }
        return "redirect:/floor/supervisor";
    }
}
