package io.candor.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import io.candor.portfolio.Placement;

/**
 * Generates the demo portfolios: deterministic (a fixed seed per book) and realistic in shape — names,
 * valid phone numbers and identity numbers per country, balances by component, days past due skewed to the
 * early buckets. All personal data is synthetic.
 */
final class DemoPortfolio {

    /** Which tenant's book to generate. */
    enum Book { LENDER, AGENCY }

    /** A country's share of a book, its currency, language and typical principal range (major units). */
    private record Market(String country, String currency, String language, int weight, int minPrincipal,
                          int maxPrincipal, Placement.Product product) {
    }

    static final int LENDER_ACCOUNTS = 5_000;
    static final int AGENCY_ACCOUNTS = 3_000;

    private DemoPortfolio() {
    }

    /** A generated placement file: who places it, under which code, and its rows. */
    record DemoFile(String creditor, String portfolio, List<Placement.Row> rows) {
    }

    static DemoFile file(Book book, LocalDate businessDate) {
        return switch (book) {
            case LENDER -> new DemoFile("DEMO-BANK", "CB-2026-Q4", rows(businessDate, LENDER_ACCOUNTS, "CB-2026-Q4", 20261, List.of(
                            new Market("CN", "CNY", "zh-CN", 70, 2_000, 80_000, Placement.Product.CREDIT_CARD),
                            new Market("CN", "CNY", "zh-CN", 10, 5_000, 200_000, Placement.Product.CONSUMER_LOAN),
                            new Market("HK", "HKD", "zh-TW", 6, 3_000, 90_000, Placement.Product.CREDIT_CARD),
                            new Market("TW", "TWD", "zh-TW", 6, 10_000, 300_000, Placement.Product.CONSUMER_LOAN),
                            new Market("SG", "SGD", "en", 4, 500, 20_000, Placement.Product.BNPL),
                            new Market("CN", "CNY", "zh-CN", 4, 50_000, 900_000, Placement.Product.SME_LOAN))));
            case AGENCY -> new DemoFile("SHOPFAST", "SF-2026-11", rows(businessDate, AGENCY_ACCOUNTS, "SF-2026-11", 20262, List.of(
                            new Market("ID", "IDR", "id", 25, 300_000, 15_000_000, Placement.Product.BNPL),
                            new Market("PH", "PHP", "en", 15, 1_000, 60_000, Placement.Product.BNPL),
                            new Market("MX", "MXN", "es", 15, 500, 40_000, Placement.Product.ECOMMERCE_INSTALMENT),
                            new Market("BR", "BRL", "pt-BR", 15, 200, 15_000, Placement.Product.ECOMMERCE_INSTALMENT),
                            new Market("VN", "VND", "vi", 10, 1_000_000, 60_000_000, Placement.Product.BNPL),
                            new Market("TH", "THB", "th", 8, 1_000, 80_000, Placement.Product.BNPL),
                            new Market("US", "USD", "en", 7, 100, 5_000, Placement.Product.CREDIT_CARD),
                            new Market("GB", "GBP", "en", 5, 100, 4_000, Placement.Product.CONSUMER_LOAN))));
        };
    }

    private static List<Placement.Row> rows(LocalDate businessDate, int count, String code, long seed,
            List<Market> markets) {
        Random random = new Random(seed);
        int totalWeight = markets.stream().mapToInt(Market::weight).sum();
        List<Placement.Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(totalWeight);
            Market m = markets.getFirst();
            for (Market candidate : markets) {
                if ((pick -= candidate.weight()) < 0) {
                    m = candidate;
                    break;
                }
            }
            rows.add(row(code + "-" + String.format("%06d", i + 1), m, businessDate, random));
        }
        return rows;
    }

    private static Placement.Row row(String ref, Market m, LocalDate businessDate, Random random) {
        Currency currency = Currency.getInstance(m.currency());
        // Days past due: most accounts early (M1–M2), a long tail to charge-off.
        int dpd = 1 + (int) Math.min(400, Math.abs(random.nextGaussian()) * 70);
        BigDecimal principal = amount(m.minPrincipal() + random.nextDouble() * (m.maxPrincipal() - m.minPrincipal()),
                currency);
        BigDecimal interest = amount(principal.doubleValue() * (0.01 + dpd / 365.0 * 0.18), currency);
        BigDecimal fees = amount(random.nextInt(4) == 0 ? principal.doubleValue() * 0.02 : 0, currency);
        BigDecimal penalty = amount(dpd > 30 ? principal.doubleValue() * 0.005 * Math.min(dpd / 30, 6) : 0, currency);
        boolean company = m.product() == Placement.Product.SME_LOAN;
        DemoPeople.Person p = DemoPeople.person(m.country(), company, random);
        return new Placement.Row(ref, m.product(), p.name(), company, p.nationalId(), company ? null : p.birthDate(),
                p.phone(), p.email(), p.address(), p.region(), m.country(), m.language(), currency, principal, interest,
                fees, penalty, businessDate.minusDays(dpd), dpd, p.bankAccount());
    }

    private static BigDecimal amount(double value, Currency currency) {
        return BigDecimal.valueOf(value).setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }
}
