package io.candor.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Daily reference exchange rates of the current tenant: 1 base = rate quote. */
@Service
public class ExchangeRates {

    /** A rate as stored, or as used for a conversion (with the date it is from). */
    public record Rate(LocalDate date, String base, String quote, BigDecimal rate) {
    }

    /** How far back a rate may be used when the payment's own date has none (weekends, holidays). */
    static final int LOOKBACK_DAYS = 7;

    private final JdbcClient jdbc;

    ExchangeRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(Rate rate, String source) {
        jdbc.sql("""
                        INSERT INTO exchange_rate (tenant_id, rate_date, base, quote, rate, source)
                        VALUES (:tenant, :date, :base, :quote, :rate, :source)
                        ON CONFLICT (tenant_id, rate_date, base, quote) DO UPDATE SET rate = EXCLUDED.rate,
                                                                                       source = EXCLUDED.source""")
                .param("tenant", TenantContext.require()).param("date", rate.date()).param("base", rate.base())
                .param("quote", rate.quote()).param("rate", rate.rate()).param("source", source).update();
    }

    public List<Rate> on(LocalDate date) {
        return jdbc.sql("SELECT rate_date, base, quote, rate FROM exchange_rate WHERE rate_date = :date ORDER BY base, quote")
                .param("date", date)
                .query((rs, n) -> new Rate(rs.getObject("rate_date", LocalDate.class), rs.getString("base"),
                        rs.getString("quote"), rs.getBigDecimal("rate")))
                .list();
    }

    /**
     * The rate to convert {@code from} into {@code to} on a date: the latest on or before it (within a week),
     * direct or inverted.
     */
    public Optional<Rate> rate(LocalDate date, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(new Rate(date, from, to, BigDecimal.ONE));
        }
        return jdbc.sql("""
                        SELECT rate_date, base, quote, rate FROM exchange_rate
                        WHERE ((base = :from AND quote = :to) OR (base = :to AND quote = :from))
                          AND rate_date BETWEEN :earliest AND :date
                        ORDER BY rate_date DESC, (base = :from) DESC LIMIT 1""")
                .param("from", from).param("to", to).param("date", date)
                .param("earliest", date.minusDays(LOOKBACK_DAYS))
                .query((rs, n) -> {
                    BigDecimal r = rs.getBigDecimal("rate");
                    boolean direct = rs.getString("base").equals(from);
                    return new Rate(rs.getObject("rate_date", LocalDate.class), from, to,
                            direct ? r : BigDecimal.ONE.divide(r, MathContext.DECIMAL64));
                })
                .optional();
    }

    /** What converting the open accounts' balances into one currency on a date needs, and what it lacks. */
    public record Conversion(Map<String, BigDecimal> rates, Map<String, Long> missing) {
    }

    /**
     * The rate into {@code to} on {@code date} of every currency quoted against it — by the one rule Candor converts
     * with ({@link #rate}: direct or inverted, up to {@value #LOOKBACK_DAYS} days back). Reads only the rates, so a
     * planning partition can ask for it without scanning the accounts.
     */
    public Map<String, BigDecimal> ratesInto(String to, LocalDate date) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        jdbc.sql("""
                        SELECT base FROM exchange_rate WHERE quote = :to AND rate_date BETWEEN :earliest AND :date
                        UNION SELECT quote FROM exchange_rate WHERE base = :to AND rate_date BETWEEN :earliest AND :date""")
                .param("to", to).param("date", date).param("earliest", date.minusDays(LOOKBACK_DAYS))
                .query(String.class).list()
                .forEach(c -> rate(date, c.strip(), to).ifPresent(r -> rates.put(c.strip(), r.rate())));
        rates.put(to, BigDecimal.ONE);
        return Map.copyOf(rates);
    }

    /**
     * {@link #ratesInto}, and for the currencies of the tenant's open accounts without a rate, how many accounts they
     * hold: a missing rate is reported, never taken as 1.
     */
    public Conversion toCurrency(String to, LocalDate date) {
        Map<String, BigDecimal> rates = ratesInto(to, date);
        Map<String, Long> missing = new TreeMap<>();
        jdbc.sql("SELECT currency, count(*) FROM account WHERE status = 'OPEN' GROUP BY currency")
                .query((rs, n) -> Map.entry(rs.getString(1).strip(), rs.getLong(2))).list().stream()
                .filter(c -> !rates.containsKey(c.getKey())).forEach(c -> missing.put(c.getKey(), c.getValue()));
        return new Conversion(rates, Map.copyOf(missing));
    }
}
