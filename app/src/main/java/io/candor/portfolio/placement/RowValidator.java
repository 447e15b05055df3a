package io.candor.portfolio.placement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.candor.platform.ids.Ids;
import io.candor.portfolio.Bounds;
import io.candor.portfolio.PersonalDataContext;
import io.candor.portfolio.PhoneZones;
import io.candor.portfolio.Placement;
import io.candor.privacy.FieldCipher;
import io.candor.privacy.Masking;
import io.candor.privacy.SearchHash;
import org.jspecify.annotations.Nullable;

/**
 * Checks one row against the canonical rules and the creditor's profile, and turns it into a staged row —
 * or into the list of everything wrong with it, each problem with its column.
 */
final class RowValidator {

    /** What is wrong with a row, in which column. */
    record Problem(@Nullable String column, String reason) {
    }

    /** The outcome for one row. */
    sealed interface Result {
        record Valid(StagedRow row) implements Result {
        }

        record Rejected(List<Problem> problems) implements Result {
        }
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> PRODUCTS = Arrays.stream(Placement.Product.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ImportJob.Kind kind;
    private final ImportProfile profile;
    private final Map<CanonicalColumn, Integer> index;
    private final int width;
    private final List<DateTimeFormatter> dateFormats;
    private final boolean excelDates;
    private final LocalDate businessDate;
    private final UUID tenant;
    private final FieldCipher cipher;
    private final SearchHash searchHash;

    RowValidator(ImportJob.Kind kind, ImportProfile profile, Map<CanonicalColumn, Integer> index, int width,
            boolean excelDates, LocalDate businessDate, UUID tenant, FieldCipher cipher, SearchHash searchHash) {
        this.kind = kind;
        this.profile = profile;
        this.index = new EnumMap<>(index);
        this.width = width;
        this.dateFormats = profile.dateFormats().stream()
                .map(f -> DateTimeFormatter.ofPattern(f.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT))
                .toList();
        this.excelDates = excelDates;
        this.businessDate = businessDate;
        this.tenant = tenant;
        this.cipher = cipher;
        this.searchHash = searchHash;
    }

    Result validate(TabularFile.Row row) {
        List<Problem> problems = new ArrayList<>();
        if (row.cells().size() > width) {
            return rejected(null, "the row has " + row.cells().size() + " cells but the header has " + width);
        }
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cells().get(i).length() > TabularFile.MAX_CELL) {
                return rejected(null, "cell " + (i + 1) + " is longer than " + TabularFile.MAX_CELL + " characters");
            }
        }
        String ref = text(row, CanonicalColumn.CREDITOR_REF, problems);
        if (kind == ImportJob.Kind.RECALL) {
            return problems.isEmpty() ? new Result.Valid(recall(row, ref)) : new Result.Rejected(problems);
        }
        String product = text(row, CanonicalColumn.PRODUCT, problems, "CONSUMER_LOAN").toUpperCase(Locale.ROOT);
        if (!PRODUCTS.contains(product)) {
            problems.add(new Problem("product", "unknown product '" + product + "': use one of " + PRODUCTS
                    + " (or map it in the profile)"));
        }
        String debtorType = text(row, CanonicalColumn.DEBTOR_TYPE, problems, "PERSON").toUpperCase(Locale.ROOT);
        if (!debtorType.equals("PERSON") && !debtorType.equals("COMPANY")) {
            problems.add(new Problem("debtor_type", "must be PERSON or COMPANY, got '" + debtorType + "'"));
        }
        String name = text(row, CanonicalColumn.DEBTOR_NAME, problems);
        String country = text(row, CanonicalColumn.COUNTRY, problems).toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !COUNTRIES.contains(country)) {
            problems.add(new Problem("country", "'" + country + "' is not an ISO 3166 country code (e.g. CN, ID, BR)"));
        }
        Currency currency = currency(text(row, CanonicalColumn.CURRENCY, problems), problems);
        long principal = amount(row, CanonicalColumn.PRINCIPAL, currency, problems);
        long interest = amount(row, CanonicalColumn.INTEREST, currency, problems);
        long fees = amount(row, CanonicalColumn.FEES, currency, problems);
        long penalty = amount(row, CanonicalColumn.PENALTY, currency, problems);
        if (principal == 0 && cell(row, CanonicalColumn.PRINCIPAL).matches("[0.]+")) {
            problems.add(new Problem("principal", "must be greater than 0: an account with no principal owed is not "
                    + "placed"));
        }
        LocalDate due = date(row, CanonicalColumn.DUE_DATE, problems,
                businessDate.minusYears(Bounds.PAST_YEARS),
                businessDate.plusYears(Bounds.FUTURE_YEARS));
        LocalDate birth = date(row, CanonicalColumn.BIRTH_DATE, problems, Bounds.EARLIEST_BIRTH,
                businessDate);
        int dpd = dpd(row, due, problems);
        String nationalId = optional(row, CanonicalColumn.NATIONAL_ID);
        String email = optional(row, CanonicalColumn.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "'" + email + "' is not an e-mail address"));
        }
        String[] phone = phone(optional(row, CanonicalColumn.PHONE), country, "phone", problems);
        String guarantorName = optional(row, CanonicalColumn.GUARANTOR_NAME);
        String guarantorId = optional(row, CanonicalColumn.GUARANTOR_NATIONAL_ID);
        String[] guarantorPhone = phone(optional(row, CanonicalColumn.GUARANTOR_PHONE), country, "guarantor_phone", problems);
        if (guarantorName == null && (guarantorId != null || guarantorPhone[0] != null)) {
            problems.add(new Problem("guarantor_name", "is required when a guarantor's id or phone is given"));
        }
        String bank = optional(row, CanonicalColumn.BANK_ACCOUNT);
        if (!problems.isEmpty()) {
            return new Result.Rejected(problems);
        }
        return new Result.Valid(new StagedRow(row.line(), row.raw(), ref, product, debtorType, name,
                nationalId == null ? null : cipher.seal(nationalId, PersonalDataContext.nationalId(tenant)),
                nationalId == null ? null : searchHash.of(tenant, "national_id", nationalId),
                nationalId == null ? null : Masking.nationalIdHint(nationalId), birth, phone[0], phone[1], email,
                optional(row, CanonicalColumn.ADDRESS), optional(row, CanonicalColumn.REGION), country,
                text(row, CanonicalColumn.LANGUAGE, problems, defaultLanguage(country)), currency.getCurrencyCode(),
                principal, interest, fees, penalty, Objects.requireNonNull(due, "a valid row has its due date"), dpd,
                bank == null ? null : cipher.seal(bank, PersonalDataContext.bankAccount(tenant)),
                bank == null ? null : bank.substring(Math.max(0, bank.length() - 4)), Ids.newId(), Ids.newId(),
                guarantorName == null ? null : new StagedRow.Guarantor(guarantorName,
                        guarantorId == null ? null : cipher.seal(guarantorId, PersonalDataContext.nationalId(tenant)),
                        guarantorId == null ? null : searchHash.of(tenant, "national_id", guarantorId),
                        guarantorId == null ? null : Masking.nationalIdHint(guarantorId), guarantorPhone[0],
                        guarantorPhone[1], Ids.newId())));
    }

    /** A phone number in E.164 and its time zones (comma-separated), or two nulls; problems are added. */
    private static @Nullable String[] phone(@Nullable String raw, String country, String column, List<Problem> problems) {
        if (raw == null || !COUNTRIES.contains(country)) {
            return new String[2];
        }
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(raw, country);
            if (PHONES.isValidNumber(n)) {
                return new String[] {PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164),
                        String.join(",", PhoneZones.of(n))};
            }
            problems.add(new Problem(column, "'" + raw + "' is not a valid phone number in " + country));
        } catch (NumberParseException e) {
            problems.add(new Problem(column, "'" + raw + "' cannot be read as a phone number"));
        }
        return new String[2];
    }

    private StagedRow recall(TabularFile.Row row, String ref) {
        return new StagedRow(row.line(), row.raw(), ref, "", "", "", null, null, null, null, null, null, null, null,
                null, "", "", "", 0, 0, 0, 0, businessDate, 0, null, null, Ids.newId(), Ids.newId(), null);
    }

    private static Result rejected(@Nullable String column, String reason) {
        return new Result.Rejected(List.of(new Problem(column, reason)));
    }

    /** A cell's text after mapping and defaults; blank when absent. */
    private String cell(TabularFile.Row row, CanonicalColumn column) {
        Integer i = index.get(column);
        String v = i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
        if (v.isEmpty()) {
            String d = profile.defaultFor(column);
            return d == null ? "" : d;
        }
        return profile.mapValue(column, v);
    }

    private String text(TabularFile.Row row, CanonicalColumn column, List<Problem> problems) {
        String v = cell(row, column);
        if (v.isEmpty() && column.requiredIn(kind)) {
            problems.add(new Problem(column.header(), "is required"));
        }
        return v;
    }

    private String text(TabularFile.Row row, CanonicalColumn column, List<Problem> problems, String fallback) {
        String v = text(row, column, problems);
        return v.isEmpty() ? fallback : v;
    }

    private @Nullable String optional(TabularFile.Row row, CanonicalColumn column) {
        String v = cell(row, column);
        return v.isEmpty() ? null : v;
    }

    private static Currency currency(String code, List<Problem> problems) {
        if (code.isEmpty()) {
            return Currency.getInstance("XXX");
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("currency", "'" + code + "' is not an ISO 4217 currency code (e.g. CNY, USD, IDR)"));
            return Currency.getInstance("XXX");
        }
    }

    /** A plain amount: digits, and a '.' before the decimals; no exponent, no grouping, no currency sign. */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile(
            "-?\\d{1,3}([,\\u00A0 ']\\d{3})+(\\.\\d+)?");

    private long amount(TabularFile.Row row, CanonicalColumn column, Currency currency, List<Problem> problems) {
        String v = cell(row, column);
        if (v.isEmpty()) {
            if (column.requiredIn(kind)) {
                problems.add(new Problem(column.header(), "is required"));
            }
            return 0;
        }
        if (!PLAIN_AMOUNT.matcher(v).matches()) {
            problems.add(new Problem(column.header(), GROUPED.matcher(v).matches()
                    ? "'" + v + "' has a thousands separator: write the amount without it, e.g. "
                    + v.replaceAll("[,\\u00A0 ']", "")
                    : v.matches("-?[0-9.]*[eE][-+]?\\d+") ? "'" + v + "' is written with an exponent: write the amount "
                    + "in digits, e.g. " + plain(v)
                    : "'" + v + "' is not an amount: write digits with a '.' before the decimals, e.g. 1000.00"));
            return 0;
        }
        BigDecimal amount = new BigDecimal(v);
        if (amount.signum() < 0) {
            problems.add(new Problem(column.header(), "must not be negative, got " + v));
            return 0;
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal major = profile.amountsIn() == ImportProfile.AmountUnit.MINOR ? amount.movePointLeft(digits) : amount;
        if (major.compareTo(Bounds.MAX_AMOUNT) > 0) {
            problems.add(new Problem(column.header(), "'" + v + "' is larger than the largest amount Candor accepts ("
                    + Bounds.MAX_AMOUNT.toPlainString() + ")"));
            return 0;
        }
        try {
            BigDecimal minor = profile.amountsIn() == ImportProfile.AmountUnit.MINOR ? amount
                    : amount.movePointRight(digits);
            return minor.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new Problem(column.header(), "'" + v + "' has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + digits + ")" + (profile.amountsIn() == ImportProfile.AmountUnit.MINOR
                    ? "; the profile says amounts are in minor units" : "")));
            return 0;
        }
    }

    private static String plain(String exponent) {
        try {
            return new BigDecimal(exponent).toPlainString();
        } catch (NumberFormatException e) {
            return "100000.00";
        }
    }

    /** A date in one of the profile's formats, within {@code earliest} … {@code latest}. */
    private @Nullable LocalDate date(TabularFile.Row row, CanonicalColumn column, List<Problem> problems,
            LocalDate earliest, LocalDate latest) {
        String v = text(row, column, problems);
        if (v.isEmpty()) {
            return null;
        }
        LocalDate d = parsed(v);
        if (d == null && excelDates && v.matches("\\d{1,6}")) {
            d = EXCEL_EPOCH.plusDays(Long.parseLong(v)); // an Excel date cell (days since 1899-12-30)
        }
        if (d == null) {
            boolean shaped = dateFormats.stream().anyMatch(f -> {
                try {
                    f.withResolverStyle(ResolverStyle.LENIENT).parse(v);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            });
            problems.add(new Problem(column.header(), shaped
                    ? "'" + v + "' is not a day of the calendar (the month has no such day)"
                    : "'" + v + "' is not a date in the format " + profile.dateFormats()));
            return null;
        }
        if (d.isBefore(earliest) || d.isAfter(latest)) {
            problems.add(new Problem(column.header(), "'" + v + "' is out of range: a " + column.header() + " is between "
                    + earliest + " and " + latest));
            return null;
        }
        return d;
    }

    private @Nullable LocalDate parsed(String v) {
        for (DateTimeFormatter f : dateFormats) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    private int dpd(TabularFile.Row row, @Nullable LocalDate due, List<Problem> problems) {
        String v = cell(row, CanonicalColumn.DPD);
        if (v.isEmpty()) {
            return due == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(due, businessDate));
        }
        try {
            int dpd = Integer.parseInt(v);
            if (dpd < 0) {
                problems.add(new Problem("dpd", "must not be negative, got " + v));
            }
            if (dpd > Bounds.MAX_DPD) {
                problems.add(new Problem("dpd", v + " is more than " + Bounds.MAX_DPD
                        + " days (30 years) past due"));
                return 0;
            }
            return Math.max(0, dpd);
        } catch (NumberFormatException e) {
            problems.add(new Problem("dpd", "'" + v + "' is not a whole number of days"));
            return 0;
        }
    }

    private static String defaultLanguage(String country) {
        return switch (country) {
            case "CN" -> "zh-CN";
            case "HK", "TW", "MO" -> "zh-TW";
            case "ID" -> "id";
            case "BR" -> "pt-BR";
            case "MX", "CO", "PE", "CL", "AR", "ES" -> "es";
            case "VN" -> "vi";
            case "TH" -> "th";
            default -> "en";
        };
    }
}
