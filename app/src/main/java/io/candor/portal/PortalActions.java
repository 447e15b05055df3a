package io.candor.portal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.Arrangements;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Proposal;
import io.candor.payment.Checkouts;
import io.candor.platform.money.Money;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.InvalidInputException;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a verified debtor does in the portal: take a plan or settlement, promise, pay, dispute (with documents),
 * complain and set contact preferences. Every action works on the session's account only — nothing the browser
 * sends names an account.
 */
@Controller
class PortalActions {

    static final int PROMISE_DAYS = 30;

    private final PortalView view;
    private final PortalOffers offers;
    private final Arrangements arrangements;
    private final Checkouts checkouts;
    private final io.candor.complaint.Complaints complaints;
    private final DisputeDocuments documents;
    private final Tenants tenants;

    PortalActions(PortalView view, PortalOffers offers, Arrangements arrangements, Checkouts checkouts,
            io.candor.complaint.Complaints complaints, DisputeDocuments documents, Tenants tenants) {
        this.view = view;
        this.offers = offers;
        this.arrangements = arrangements;
        this.checkouts = checkouts;
        this.complaints = complaints;
        this.documents = documents;
        this.tenants = tenants;
    }

    /** Takes one of the offers shown (by its code), recomputed now so the browser cannot alter the terms. */
    @PostMapping("/portal/arrangements")
    String choose(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String offer,
            @RequestParam String nonce) {
        LocalDate today = tenants.businessDate(s.tenant());
        PortalOffers.Offer o = offers.of(s.account(), view.balance(s.account()), today).stream()
                .filter(x -> x.code().equals(offer)).findFirst().orElse(null);
        if (o == null) {
            return "redirect:/portal?done=unavailable";
        }
        return propose(s, PortalOffers.proposal(o), nonce);
    }

    @PostMapping("/portal/promises")
    String promise(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String amount,
            @RequestParam String date, @RequestParam String nonce) {
        LocalDate today = tenants.businessDate(s.tenant());
        try {
            LocalDate on = LocalDate.parse(date);
            if (on.isAfter(today.plusDays(PROMISE_DAYS))) {
                return "redirect:/portal?done=promise-too-late";
            }
            return propose(s, Proposal.promise(new BigDecimal(amount.strip()), on), nonce);
        } catch (DateTimeParseException | NumberFormatException e) {
            return "redirect:/portal?done=promise-invalid";
        }
    }

    private String propose(PortalSession s, Proposal p, String nonce) {
        try {
            Arrangement a = arrangements.propose(s.account(), p, Offerer.DEBTOR, Verification.DEBTOR,
                    "portal:" + s.link() + ":" + nonce);
            return "redirect:/portal?done=" + (a.status().name().equals("ACTIVE") ? "arranged" : "pending");
        } catch (InvalidInputException e) {
            return "redirect:/portal?done=refused";
        } catch (ConflictException e) {
            return "redirect:/portal?done=conflict";
        }
    }

    /** Pays the next instalment (NEXT), another amount (OTHER) or else the whole balance, on the gateway's page. */
    @PostMapping("/portal/payments")
    String pay(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String what,
            @RequestParam(required = false) @Nullable String amount, HttpServletRequest request) {
        Money balance = view.balance(s.account());
        Arrangement live = view.live(s.account()).orElse(null);
        Money pay;
        try {
            pay = switch (what) {
                case "NEXT" -> live == null || live.nextDue().isEmpty() ? balance
                        : new Money(live.nextDue().get().amount().minor() - live.nextDue().get().paid().minor(),
                                balance.currency());
                case "OTHER" -> Money.of(new BigDecimal(amount == null ? "" : amount.strip()), balance.currency());
                default -> balance;
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return "redirect:/portal?done=amount-invalid";
        }
        if (pay.minor() <= 0 || pay.minor() > balance.minor()) {
            return "redirect:/portal?done=amount-invalid";
        }
        URI base = URI.create(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/");
        URI to = checkouts.start(s.account(), pay, live == null ? null : live.id(),
                tenants.find(s.tenant()).map(t -> t.name()).orElse("Candor"), "/portal/payments/{checkout}", base);
        return "redirect:" + to;
    }

    @GetMapping("/portal/payments/{checkout}")
    String paid(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @PathVariable UUID checkout, Model model) {
        Checkouts.Checkout c = checkouts.find(checkout).filter(x -> x.accountId().equals(s.account())).orElse(null);
        if (c == null) {
            return "redirect:/portal?done=unknown-payment";
        }
        return "redirect:/portal?done=" + switch (c.status()) {
            case "PAID" -> "paid";
            case "FAILED" -> "payment-failed";
            default -> "payment-pending";
        };
    }

    @GetMapping("/portal/dispute")
    String disputeForm() {
        return "portal/dispute";
    }

    @PostMapping("/portal/dispute")
    String dispute(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String reason,
            @RequestParam(name = "documents", required = false) @Nullable List<MultipartFile> files, Model model)
            throws IOException {
        List<String> problems = new ArrayList<>();
        if (reason.isBlank() || reason.length() > 4000) {
            problems.add("reason");
        }
        List<DisputeDocuments.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty()) {
                continue;
            }
            DisputeDocuments.Upload u = new DisputeDocuments.Upload(
                    f.getOriginalFilename() == null ? "document" : f.getOriginalFilename(),
                    f.getContentType() == null ? "application/octet-stream" : f.getContentType(), f.getBytes());
            String problem = DisputeDocuments.problem(u);
            if (problem != null) {
                problems.add(problem);
            }
            uploads.add(u);
        }
        if (uploads.size() > DisputeDocuments.MAX_FILES) {
            problems.add("too-many");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("reason", reason);
            return "portal/dispute";
        }
        documents.dispute(s.account(), reason.strip(), uploads, Verification.DEBTOR);
        return "redirect:/portal?done=disputed";
    }

    @GetMapping("/portal/hardship")
    String hardshipForm() {
        return "portal/hardship";
    }

    /**
     * The debtor tells of hardship and asks for a pause: a hardship buffer proposed by the debtor, which a collector
     * (or above) approves — the debtor's own authority does not cover it.
     */
    @PostMapping("/portal/hardship")
    String hardship(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String reason,
            @RequestParam(defaultValue = "30") int days, @RequestParam String nonce, Model model) {
        if (reason.isBlank() || reason.length() > 4000 || !List.of(30, 60, 90).contains(days)) {
            model.addAttribute("problems", List.of("reason"));
            return "portal/hardship";
        }
        return propose(s, Proposal.hardship(days, reason.strip()), nonce);
    }

    @GetMapping("/portal/complaint")
    String complaintForm() {
        return "portal/complaint";
    }

    @PostMapping("/portal/complaint")
    String complaint(@RequestAttribute(PortalSession.ATTRIBUTE) PortalSession s, @RequestParam String text, Model model) {
        if (text.isBlank() || text.length() > 4000) {
            model.addAttribute("problems", List.of("text"));
            return "portal/complaint";
        }
        complaints.receive(io.candor.complaint.NewComplaint.from(s.account(), io.candor.complaint.Intake.PORTAL,
                text.strip(), io.candor.complaint.AboutKind.UNKNOWN, null), Verification.DEBTOR);
        return "redirect:/portal?done=complained";
    }
}
