package io.candor.console;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.channel.Delivery;
import io.candor.channel.Providers;
import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.identity.CurrentUser;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's providers per channel: their settings (one {@code key=value} a line) and secret (never shown
 * again), a test message to the administrator's own address or number, and the channel's last sends.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ChannelsPage {

    /** A channel as the page shows it. */
    record Row(Channel channel, Providers.@Nullable View provider, String settingsText,
               List<Sends.Message> recent) {
    }

    private final Providers providers;
    private final Sends sends;
    private final Users users;
    private final AuditTrail audit;
    private final MessageSource messages;

    ChannelsPage(Providers providers, Sends sends, Users users, AuditTrail audit, MessageSource messages) {
        this.providers = providers;
        this.sends = sends;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/console/channels")
    String page(Model model) {
        Map<Channel, Providers.View> set = new EnumMap<>(Channel.class);
        providers.views().forEach(v -> set.put(v.channel(), v));
        List<Row> rows = sends.adapted().stream().map(c -> {
            Providers.View v = set.get(c);
            String text = v == null ? "" : String.join("\n", v.settings().entrySet().stream()
                    .map(s -> s.getKey() + "=" + s.getValue()).sorted().toList());
            return new Row(c, v, text, sends.recent(c, 10));
        }).toList();
        model.addAttribute("rows", rows);
        Optional<UserView> me = users.find(CurrentUser.get().userId());
        model.addAttribute("myEmail", me.map(UserView::email).orElse(""));
        return "console/channels";
    }

    @PostMapping("/console/channels/{channel}")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@PathVariable Channel channel, @RequestParam(defaultValue = "") String settings,
            @RequestParam(required = false) @Nullable String secret, RedirectAttributes redirect) {
        Map<String, String> parsed = new LinkedHashMap<>();
        int line = 0;
        for (String l : settings.split("\\R")) {
            line++;
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                redirect.addFlashAttribute("problem", channel + ": line " + line + " is not key=value: '" + l.strip()
                        + "'.");
                redirect.addFlashAttribute("problemChannel", channel);
                return "redirect:/console/channels#" + channel;
            }
            parsed.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        providers.put(channel, parsed, secret == null || secret.isEmpty() ? null : secret,
                CurrentUser.get().username());
        redirect.addFlashAttribute("saved", channel);
        return "redirect:/console/channels#" + channel;
    }

    @PostMapping("/console/channels/{channel}/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@PathVariable Channel channel, @RequestParam(defaultValue = "") String to,
            RedirectAttributes redirect) {
        if (to.isBlank()) {
            redirect.addFlashAttribute("problem", messages.getMessage("channels.noAddress", null,
                    LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("problemChannel", channel);
            return "redirect:/console/channels#" + channel;
        }
        String text = messages.getMessage("channels.testText", new Object[] {CurrentUser.get().tenantSlug()},
                LocaleContextHolder.getLocale());
        Delivery d;
        try {
            d = sends.test(channel, to.strip(), text);
        } catch (BadRequestException e) {
            d = new Delivery.Failed(String.valueOf(e.getMessage()));
        }
        audit.record(AuditEntry.of(AuditAction.CHANNEL_TESTED, "channel_provider", channel.name())
                .withDetail(Map.of("accepted", d instanceof Delivery.Accepted)));
        redirect.addFlashAttribute("tested", channel);
        redirect.addFlashAttribute("testResult", switch (d) {
            case Delivery.Accepted a -> messages.getMessage("channels.testAccepted", new Object[] {to.strip(),
                    a.providerId()}, LocaleContextHolder.getLocale());
            case Delivery.Failed f -> messages.getMessage("channels.testFailed", new Object[] {f.reason()},
                    LocaleContextHolder.getLocale());
        });
        redirect.addFlashAttribute("testOk", d instanceof Delivery.Accepted);
        return "redirect:/console/channels#" + channel;
    }
}
