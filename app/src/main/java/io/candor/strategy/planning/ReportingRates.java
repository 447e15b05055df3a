package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.ExchangeRates;
import io.candor.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** The tenant's reporting currency and portfolio's one conversion into it, as planning and results use them. */
@Component
class ReportingRates {

    private final ExchangeRates exchangeRates;
    private final Tenants tenants;

    ReportingRates(ExchangeRates exchangeRates, Tenants tenants) {
        this.exchangeRates = exchangeRates;
        this.tenants = tenants;
    }

    /** The rate of each currency quoted against the tenant's reporting currency on {@code date}. */
    Map<String, BigDecimal> on(LocalDate date) {
        return exchangeRates.ratesInto(reporting(), date);
    }

    /** The same rates, and the open accounts' currencies that lack one (once per run: it counts the accounts). */
    ExchangeRates.Conversion conversion(LocalDate date) {
        return exchangeRates.toCurrency(reporting(), date);
    }

    private String reporting() {
        return tenants.find(TenantContext.require()).orElseThrow().reportingCurrency().getCurrencyCode();
    }
}
