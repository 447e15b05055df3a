package io.candor.portfolio;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments, reversals, exchange rates, the business date and the end-of-day close. */
@RestController
@RequestMapping("/api/v1")
class LedgerApi {

    record NewPayment(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
                      @NotBlank String currency, @NotNull LocalDate paidOn,
                      @NotBlank @Size(max = 200) String reference) {
    }

    record Reversal(@NotBlank @Size(max = 500) String reason) {
    }

    record NewRate(@NotNull LocalDate date, @NotBlank @Pattern(regexp = "[A-Z]{3}") String base,
                   @NotBlank @Pattern(regexp = "[A-Z]{3}") String quote,
                   @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal rate) {
    }

    record BusinessDate(@Nullable LocalDate date) {
    }

    record CloseRequest(@Nullable LocalDate businessDate) {
    }

    private final Payments payments;
    private final ExchangeRates rates;
    private final EndOfDayClose close;
    private final Tenants tenants;
    private final LedgerSettings settings;

    LedgerApi(Payments payments, ExchangeRates rates, EndOfDayClose close, Tenants tenants, LedgerSettings settings) {
        this.payments = payments;
        this.rates = rates;
        this.close = close;
        this.tenants = tenants;
        this.settings = settings;
    }

    /** Posting money requires an {@code Idempotency-Key}: a retry must never pay twice. */
    @PostMapping("/accounts/{id}/payments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')")
    ResponseEntity<Payments.Payment> pay(@PathVariable UUID id, @Valid @RequestBody NewPayment p,
            HttpServletRequest request) {
        if (request.getHeader("Idempotency-Key") == null) {
            throw new BadRequestException("Posting a payment needs an Idempotency-Key header (e.g. a UUID), so that a "
                    + "retry never pays twice.");
        }
        Payments.Payment posted = payments.post(new Payments.Request(id, p.amount(), p.currency(), p.paidOn(),
                p.reference(), "API:" + CurrentUser.get().username()));
        return ResponseEntity.created(URI.create("/api/v1/payments/" + posted.id())).body(posted);
    }

    @GetMapping("/accounts/{id}/payments")
    List<Payments.Payment> paymentsOf(@PathVariable UUID id) {
        return payments.ofAccount(id);
    }

    @GetMapping("/payments/{id}")
    Payments.Payment payment(@PathVariable UUID id) {
        return payments.find(id).orElseThrow(() -> new NotFoundException("payment", id));
    }

    @PostMapping("/payments/{id}/reversal")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Payments.Payment reverse(@PathVariable UUID id, @Valid @RequestBody Reversal r) {
        return payments.reverse(id, r.reason());
    }

    @PostMapping("/exchange-rates")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<ExchangeRates.Rate> putRates(@RequestBody @NotEmpty List<@Valid NewRate> list) {
        List<ExchangeRates.Rate> stored = list.stream()
                .map(r -> new ExchangeRates.Rate(r.date(), r.base(), r.quote(), r.rate())).toList();
        stored.forEach(r -> rates.put(r, "API:" + CurrentUser.get().username()));
        return stored;
    }

    @GetMapping("/exchange-rates")
    List<ExchangeRates.Rate> ratesOn(@RequestParam LocalDate date) {
        return rates.on(date);
    }

    @GetMapping("/business-date")
    BusinessDate businessDate() {
        return new BusinessDate(tenants.businessDate(TenantContext.require()));
    }

    /** Sets the business date (simulation, tests); {@code null} returns to today in the tenant's zone. */
    @PutMapping("/business-date")
    @PreAuthorize("hasRole('ADMIN')")
    BusinessDate setBusinessDate(@RequestBody BusinessDate date) {
        if (date.date() != null) {
            close.requireOpen(date.date());
        }
        tenants.setBusinessDate(TenantContext.require(), date.date());
        return businessDate();
    }

    @PostMapping("/eod-close")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    EndOfDayClose.Summary close(@RequestBody(required = false) @Nullable CloseRequest request) {
        return request == null || request.businessDate() == null ? close.close() : close.close(request.businessDate());
    }

    /** Upper DPD bounds of M1…M6 for a product, e.g. [30,60,90,120,150,180]; above the last is M7+. */
    @PutMapping("/bucket-schemes/{product}")
    @PreAuthorize("hasRole('ADMIN')")
    List<Integer> bucketScheme(@PathVariable String product, @RequestBody List<Integer> bounds) {
        return settings.setBucketScheme(product, bounds);
    }

    /** The order in which a creditor's payments settle balance components. */
    @PutMapping("/creditors/{code}/waterfall")
    @PreAuthorize("hasRole('ADMIN')")
    List<Payments.Component> waterfall(@PathVariable String code, @RequestBody List<Payments.Component> order) {
        return settings.setWaterfall(code, order);
    }
}
