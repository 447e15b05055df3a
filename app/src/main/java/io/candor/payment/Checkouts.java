package io.candor.payment;

import static io.candor.platform.Timestamps.utc;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Payments;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkouts: a payment the debtor started on a gateway's hosted page. A webhook's event is applied once — a
 * replayed event id changes nothing — and a paid checkout posts one payment to the ledger under the reference
 * {@code provider:checkout}, so even a second event for the same checkout cannot pay twice.
 */
@Service
public class Checkouts {

    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);

    /** A checkout as the portal shows it. */
    public record Checkout(UUID id, UUID accountId, @Nullable UUID arrangementId, String provider, Money amount,
                           String status, @Nullable UUID paymentId) {
    }

    private final JdbcClient jdbc;
    private final Map<String, PaymentGateway> gateways;
    private final Payments payments;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final Clock clock;

    Checkouts(JdbcClient jdbc, List<PaymentGateway> gateways, Payments payments, Tenants tenants, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.gateways = gateways.stream().collect(Collectors.toMap(PaymentGateway::provider, g -> g));
        this.payments = payments;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a checkout for {@code amount} on the account and returns where to send the payer.
     *
     * @param returnTo where the gateway sends the payer back; {@code {checkout}} in it is replaced by the checkout id
     * @param base     this server's base URL, for the webhook
     */
    @Transactional
    public URI start(UUID account, Money amount, @Nullable UUID arrangement, String description, String returnTo,
            URI base) {
        PaymentGateway gateway = gateways.values().stream().findFirst().orElseThrow(() -> new BadRequestException(
                "No payment gateway is configured; enable the sandbox or add a provider (docs/portal.md)."));
        if (amount.minor() <= 0) {
            throw new BadRequestException("The amount to pay is more than zero.");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO payment_checkout (tenant_id, id, account_id, arrangement_id, provider, amount_minor,
                                                      currency, status, created_at)
                        VALUES (:t, :id, :a, :arr, :p, :amount, :c, 'CREATED', :now)""")
                .param("t", TenantContext.require()).param("id", id).param("a", account).param("arr", arrangement)
                .param("p", gateway.provider()).param("amount", amount.minor())
                .param("c", amount.currency().getCurrencyCode()).param("now", utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.CHECKOUT_STARTED, "account", account).withDetail(Map.of("checkout", id.toString(),
                "amount", amount.toString(), "provider", gateway.provider())));
        return gateway.start(new PaymentGateway.Checkout(TenantContext.require(), id, amount, description,
                base.resolve(returnTo.replace("{checkout}", id.toString())),
                base.resolve("/webhooks/payments/" + gateway.provider())));
    }

    public Optional<Checkout> find(UUID id) {
        return jdbc.sql("SELECT * FROM payment_checkout WHERE id = :id").param("id", id)
                .query((rs, n) -> new Checkout(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getObject("arrangement_id", UUID.class), rs.getString("provider"),
                        Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency").strip()),
                        rs.getString("status"), rs.getObject("payment_id", UUID.class)))
                .optional();
    }

    /** The gateway for a provider name, if configured. */
    Optional<PaymentGateway> gateway(String provider) {
        return Optional.ofNullable(gateways.get(provider));
    }

    /** Applies a verified event in the current (the event's) tenant; returns false for a replay. */
    @Transactional
    public boolean apply(String provider, PaymentGateway.Event e) {
        int fresh = jdbc.sql("""
                        INSERT INTO payment_webhook_event (tenant_id, provider, event_id, checkout_id, received_at)
                        VALUES (:t, :p, :e, :c, :now) ON CONFLICT DO NOTHING""")
                .param("t", TenantContext.require()).param("p", provider).param("e", e.id()).param("c", e.checkout())
                .param("now", utc(clock.instant())).update();
        if (fresh == 0) {
            log.warn("Webhook event {} from {} was seen before; ignored", e.id(), provider);
            return false;
        }
        Checkout c = find(e.checkout()).filter(x -> x.provider().equals(provider))
                .orElseThrow(() -> new NotFoundException("checkout", e.checkout()));
        if (!c.status().equals("CREATED")) {
            return true;
        }
        if (!e.paid()) {
            jdbc.sql("UPDATE payment_checkout SET status = 'FAILED', completed_at = :now WHERE id = :id")
                    .param("now", utc(clock.instant())).param("id", c.id()).update();
            return true;
        }
        if (!e.amount().equals(c.amount())) {
            throw new BadRequestException("The event pays " + e.amount() + " but the checkout was for " + c.amount() + ".");
        }
        LocalDate today = tenants.businessDate(TenantContext.require());
        Payments.Payment p = payments.post(new Payments.Request(c.accountId(), c.amount().amount(),
                c.amount().currency().getCurrencyCode(), today, provider + ":" + c.id(), "gateway:" + provider));
        jdbc.sql("UPDATE payment_checkout SET status = 'PAID', payment_id = :p, completed_at = :now WHERE id = :id")
                .param("p", p.id()).param("now", utc(clock.instant())).param("id", c.id()).update();
        return true;
    }
}
