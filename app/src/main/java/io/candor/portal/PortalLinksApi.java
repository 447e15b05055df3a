package io.candor.portal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.candor.channel.Sends;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/accounts/{id}/portal-links}: a link to the debtor portal for the account; with
 * {@code "channel": "SMS" | "EMAIL"} it is also sent to the debtor (template {@code portal-link-sms} or
 * {@code portal-link-email}, through the contact gate like any message). A new link replaces the account's live one;
 * {@code GET} lists the account's links, {@code POST /api/v1/portal-links/{link}/revoke} ends one (and its sessions).
 */
@RestController
class PortalLinksApi {

    private final PortalLinks links;
    private final Sends sends;

    PortalLinksApi(PortalLinks links, Sends sends) {
        this.links = links;
        this.sends = sends;
    }

    record LinkRequest(@Nullable String channel) {
    }

    record Link(UUID id, String url, Instant expiresAt, Sends.@Nullable Message message) {
    }

    @GetMapping("/api/v1/accounts/{id}/portal-links")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<PortalLinks.Link> list(@PathVariable UUID id) {
        return links.ofAccount(id); // an unknown or another tenant's account is refused first (portfolio's AccountScope)
    }

    @PostMapping("/api/v1/portal-links/{link}/revoke")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER')")
    PortalLinks.Link revoke(@PathVariable UUID link) {
        return links.revoke(link, CurrentUser.get().username(), "REVOKED");
    }

    @PostMapping("/api/v1/accounts/{id}/portal-links")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')")
    Link create(@PathVariable UUID id, @RequestBody(required = false) @Nullable LinkRequest r,
            HttpServletRequest request) {
        String channel = r == null ? null : r.channel();
        if (channel != null && !List.of("SMS", "EMAIL").contains(channel)) {
            throw new BadRequestException("channel is SMS or EMAIL (or leave it out to only make the link).");
        }
        URI base = URI.create(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        PortalLinks.Created link = links.create(id, channel, CurrentUser.get().username(), base);
        Sends.Message sent = channel == null ? null : sends.send(id, "portal-link-" + channel.toLowerCase(Locale.ROOT),
                "portal-link:" + link.id(), CurrentUser.get(), Map.of("portal_link", link.url()));
        return new Link(link.id(), link.url(), link.expiresAt(), sent);
    }
}
