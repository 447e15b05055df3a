package io.candor.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.candor.platform.CandorProperties;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.PageLocale;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.Creditors;
import io.candor.platform.web.NotFoundException;
import io.candor.telephony.CallRecordings;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Opening a portal link, verifying, the overview page, the language switch and signing out. */
@Controller
class PortalPages {

    private final PortalLinks links;
    private final Verification verification;
    private final PortalView view;
    private final PortalOffers offers;
    private final Tenants tenants;
    private final AccountReadModel accounts;
    private final CandorProperties properties;

    private final Creditors creditors;
    private final CallRecordings recordings;

    PortalPages(PortalLinks links, Verification verification, PortalView view, PortalOffers offers, Tenants tenants,
            AccountReadModel accounts, CandorProperties properties, Creditors creditors, CallRecordings recordings) {
        this.creditors = creditors;
        this.recordings = recordings;
        this.links = links;
        this.verification = verification;
        this.view = view;
        this.offers = offers;
        this.tenants = tenants;
        this.accounts = accounts;
        this.properties = properties;
        this.staffOrigin = new StaffOrigin(properties.portal().staffNetworksOrNone());
    }

    private final StaffOrigin staffOrigin;

    @GetMapping("/p/ended")
    String ended(@RequestParam(required = false) @Nullable String lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return notice(request, response, model, lang, "ended", 200);
    }

    @GetMapping("/p/{token}")
    String open(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return switch (links.open(token)) {
            case PortalLinks.Invalid x -> notice(request, response, model, lang, "invalid", 404);
            case PortalLinks.Expired x -> notice(request, response, model, lang != null ? lang : language(x), "expired",
                    410);
            case PortalLinks.Valid v -> {
                PortalSession s = current(request);
                if (s != null && s.link().equals(v.link())) {
                    yield "redirect:/portal";
                }
                request.setAttribute(PageLocale.ATTRIBUTE, locale(v, lang));
                model.addAttribute("token", token);
                model.addAttribute("lang", lang);
                yield "portal/verify";
            }
        };
    }

    @PostMapping("/p/{token}/verify")
    String verify(@PathVariable String token, @RequestParam(defaultValue = "") String idLast4,
            @RequestParam(defaultValue = "") String birthDate, @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalLinks.Opened opened = links.open(token);
        if (!(opened instanceof PortalLinks.Valid v)) {
            return notice(request, response, model, lang == null && opened instanceof PortalLinks.Expired x
                    ? language(x) : lang, "expired", 410);
        }
        Locale locale = locale(v, lang);
        request.setAttribute(PageLocale.ATTRIBUTE, locale);
        LocalDate birth;
        try {
            birth = LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            birth = null;
        }
        LocalDate given = birth;
        String client = request.getRemoteAddr();
        String staff = staffOrigin.of(request).orElse(null);
        Verification.Result r = TenantContext.call(v.tenant(),
                () -> verification.attempt(v.link(), v.account(), idLast4, given, client, staff));
        model.addAttribute("token", token);
        model.addAttribute("lang", lang);
        switch (r) {
            case Verification.Verified x -> {
                request.getSession(true);
                request.changeSessionId();
                HttpSession session = request.getSession();
                session.setMaxInactiveInterval((int) properties.portal().sessionTimeout().toSeconds());
                session.setAttribute(PortalSession.ATTRIBUTE, new PortalSession(v.tenant(), v.link(), v.account(), locale));
                return "redirect:/portal";
            }
            case Verification.Wrong w -> {
                response.setStatus(401);
                model.addAttribute("error", "wrong");
                model.addAttribute("attemptsLeft", w.attemptsLeft());
                return "portal/verify";
            }
            case Verification.Locked l -> {
                return notice(request, response, model, lang, "locked", 429);
            }
        }
    }

    @GetMapping("/portal")
    String home(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s,
            @RequestParam(required = false) @Nullable String done, Model model) {
        PortalView.Overview o = view.overview(s, tenants.find(s.tenant()).orElseThrow().timeZone());
        model.addAttribute("o", o);
        model.addAttribute("done", done);
        LocalDate today = tenants.businessDate(s.tenant());
        model.addAttribute("offers", o.status().equals("OPEN") && (o.arrangement() == null || !o.arrangement().status().live())
                ? offers.of(s.account(), o.total(), today) : List.of());
        model.addAttribute("today", today);
        // 阳光催收: the debtor hears their own calls when the creditor lets them
        AccountFacts facts = accounts.require(s.account());
        boolean hear = creditors.one(facts.creditorCode()).map(Creditors.Creditor::debtorsHearCalls).orElse(false);
        model.addAttribute("calls", hear ? recordings.of(s.account()).stream().filter(CallRecordings.Recorded::audio)
                .toList() : List.of());
        return "portal/home";
    }

    /** One of the debtor's own calls, played in the portal when the creditor allows it (an audited read). */
    @GetMapping("/portal/calls/{call}/recording")
    ResponseEntity<byte[]> recording(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s,
            @PathVariable UUID call) {
        AccountFacts facts = accounts.require(s.account());
        if (!creditors.one(facts.creditorCode()).map(Creditors.Creditor::debtorsHearCalls).orElse(false)) {
            return ResponseEntity.notFound().build();
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                    .body(recordings.listen(s.account(), call, "DEBTOR_PORTAL", Verification.debtor(s.link())));
        } catch (NotFoundException notTheirs) {
            return ResponseEntity.notFound().build();
        }
    }

    @PostMapping("/portal/language")
    String language(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String lang,
            HttpServletRequest request) {
        request.getSession().setAttribute(PortalSession.ATTRIBUTE, s.withLocale(PortalLocale.of(lang)));
        return "redirect:/portal";
    }

    @PostMapping("/portal/signout")
    String signOut(HttpServletRequest request) {
        Locale l = ((PortalSession) request.getAttribute(PortalSession.ATTRIBUTE)).locale();
        request.getSession().invalidate();
        return "redirect:/p/ended?lang=" + l.toLanguageTag();
    }

    private static @Nullable PortalSession current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PortalSession) session.getAttribute(PortalSession.ATTRIBUTE);
    }

    /** The page's language: asked for on the page, else the debtor's own. */
    private Locale locale(PortalLinks.Valid v, @Nullable String lang) {
        if (lang != null && !lang.isBlank()) {
            return PortalLocale.of(lang);
        }
        return PortalLocale.of(TenantContext.call(v.tenant(), () -> accounts.require(v.account()).language()));
    }

    /** The language of the debtor a genuine but expired link was made for: the notice speaks it. */
    private String language(PortalLinks.Expired x) {
        return TenantContext.call(x.tenant(), () -> links.accountOf(x.link()).flatMap(accounts::find)
                .map(AccountFacts::language).orElse("en"));
    }

    private static String notice(HttpServletRequest request, HttpServletResponse response, Model model,
            @Nullable String lang, String notice, int status) {
        request.setAttribute(PageLocale.ATTRIBUTE, PortalLocale.of(lang == null ? request.getLocale().toLanguageTag() : lang));
        response.setStatus(status);
        model.addAttribute("notice", notice);
        return "portal/notice";
    }
}
