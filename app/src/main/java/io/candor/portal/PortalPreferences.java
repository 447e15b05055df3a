package io.candor.portal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.ContactPointKind;
import io.candor.portfolio.ContactPreferences;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's contact preferences: a preferred channel, the hours to be reached in (the contact gate keeps to
 * them), and opting out of texts, robot calls, e-mails and app messages per contact point. Calls by a person and
 * letters cannot be switched off here: the law lets the creditor send formal notices and make reasonable calls,
 * and a dispute or complaint is the way to stop collection.
 */
@Controller
class PortalPreferences {

    /** The channels a debtor may opt out of, per kind of contact point. */
    static final Set<Channel> OPTIONAL = EnumSet.of(Channel.SMS, Channel.VOICE_AI, Channel.EMAIL, Channel.APP_PUSH);
    static final List<String> CHANNELS = List.of("SMS", "EMAIL", "VOICE_HUMAN", "APP_PUSH", "LETTER");

    /** A contact point as the debtor sees it: masked, with the channels they may switch off and which are off. */
    record Point(UUID id, String kind, String masked, List<String> optional, Set<String> optedOut) {
    }

    private final AccountReadModel accounts;
    private final ContactPreferences preferences;

    PortalPreferences(AccountReadModel accounts, ContactPreferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    @GetMapping("/portal/preferences")
    String show(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, Model model) {
        UUID debtor = debtor(s);
        model.addAttribute("points", points(debtor));
        model.addAttribute("preference", preferences.preference(debtor));
        model.addAttribute("channels", CHANNELS);
        return "portal/preferences";
    }

    @PostMapping("/portal/preferences")
    String save(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam MultiValueMap<String, String> form, Model model) {
        UUID debtor = debtor(s);
        ContactPreferences.Hours hours = null;
        if (!from.isBlank() || !to.isBlank()) {
            try {
                hours = new ContactPreferences.Hours(LocalTime.parse(from), LocalTime.parse(to));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                model.addAttribute("problem", "hours");
                return show(s, model);
            }
        }
        String preferred = channel != null && CHANNELS.contains(channel) ? channel : null;
        preferences.prefer(debtor, new ContactPreferences.Preference(preferred, hours), Verification.DEBTOR);
        for (Point p : points(debtor)) {
            for (String c : p.optional()) {
                boolean out = form.containsKey("out-" + p.id() + "-" + c);
                if (out != p.optedOut().contains(c)) {
                    preferences.optOut(p.id(), c, out);
                }
            }
        }
        return "redirect:/portal?done=preferences";
    }

    private UUID debtor(PortalSession s) {
        return accounts.require(s.account()).debtor();
    }

    private List<Point> points(UUID debtor) {
        return preferences.ownPoints(debtor).stream().map(p -> new Point(p.id(), p.kind().name(), p.masked(),
                optional(p.kind()), p.optedOut())).toList();
    }

    /** The channels reaching a kind of point that the debtor may switch off. */
    static List<String> optional(ContactPointKind kind) {
        return Channel.reaching(kind).stream().filter(OPTIONAL::contains).map(Channel::name).toList();
    }
}
