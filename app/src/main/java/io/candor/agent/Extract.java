package io.candor.agent;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts in what a debtor types: amounts, dates, a date of birth, the last digits of an ID. */
final class Extract {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(万|千|k|K)?\\s*(元|块|塊|rmb|RMB|CNY|dollars?|pounds?|\\$)?");
    private static final Map<String, Integer> ZH_DIGITS = Map.of("一", 1, "二", 2, "两", 2, "兩", 2, "三", 3, "四", 4,
            "五", 5, "六", 6, "七", 7, "八", 8);
    private static final Pattern ZH_AMOUNT = Pattern.compile("([一二两兩三四五六七八])(千|万|萬|百)");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{1,2})\\s*(号|號|日)|the (\\d{1,2})(st|nd|rd|th)");
    private static final Pattern IN_DAYS = Pattern.compile("(\\d+|[一二两兩三四五六七])\\s*天内|within (\\d+) days");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/年.](\\d{1,2})[-/月.](\\d{1,2})");
    private static final Pattern EN_DATE = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (january|february|march|april|may|june|july|august|september|october|november|december),? (\\d{4})");
    private static final Pattern IDENTITY = Pattern.compile("\\d|(?<=\\d)[Xx](?![a-z])");
    private static final Pattern LAST4 = Pattern.compile("(?<!\\d)(\\d{3}[\\dXx])(?!\\d)");
    private static final String[] DAYS_ZH = {"一", "二", "三", "四", "五", "六", "日"};
    private static final String[] DAYS_EN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private Extract() {
    }

    /** An amount of money, if the text names one. */
    static Optional<BigDecimal> amount(String text) {
        Matcher zh = ZH_AMOUNT.matcher(text);
        if (zh.find()) {
            int unit = switch (zh.group(2)) {
                case "千" -> 1000;
                case "百" -> 100;
                default -> 10_000;
            };
            return Optional.of(BigDecimal.valueOf((long) Objects.requireNonNull(ZH_DIGITS.get(zh.group(1))) * unit));
        }
        Matcher m = AMOUNT.matcher(text.replace(",", ""));
        while (m.find()) {
            if (m.group(2) == null && m.group(3) == null && m.end() < text.length()
                    && "号號日天月年".indexOf(text.replace(",", "").charAt(Math.min(m.end(), text.length() - 1))) >= 0) {
                continue; // a day or a duration, not money
            }
            BigDecimal v = new BigDecimal(m.group(1).replace(',', '.'));
            if (m.group(2) != null) {
                v = v.multiply(BigDecimal.valueOf(m.group(2).equals("万") ? 10_000 : 1000));
            }
            if (m.group(2) != null || m.group(3) != null || v.compareTo(BigDecimal.valueOf(31)) > 0) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** A payment date the text names, relative to {@code today}. */
    static Optional<LocalDate> date(String text, LocalDate today) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("今天") || t.contains("今晚") || t.contains("today") || t.contains("tonight")) {
            return Optional.of(today);
        }
        if (t.contains("明天") || t.contains("tomorrow")) {
            return Optional.of(today.plusDays(1));
        }
        if (t.contains("后天") || t.contains("後天")) {
            return Optional.of(today.plusDays(2));
        }
        if (t.contains("月底") || t.contains("end of the month")) {
            return Optional.of(today.with(TemporalAdjusters.lastDayOfMonth()));
        }
        Matcher in = IN_DAYS.matcher(t);
        if (in.find()) {
            String n = in.group(1) != null ? in.group(1) : in.group(2);
            int days = n.matches("\\d+") ? Integer.parseInt(n) : ZH_DIGITS.getOrDefault(n, 7);
            return Optional.of(today.plusDays(days));
        }
        for (int i = 0; i < 7; i++) {
            DayOfWeek day = DayOfWeek.of(i + 1);
            if (t.contains("下周" + DAYS_ZH[i]) || t.contains("下週" + DAYS_ZH[i]) || t.contains("下禮拜" + DAYS_ZH[i])) {
                return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(i));
            }
            if (t.contains("next " + DAYS_EN[i])) {
                return Optional.of(today.with(TemporalAdjusters.next(day)));
            }
            if (t.contains("周" + DAYS_ZH[i]) || t.contains("週" + DAYS_ZH[i]) || t.contains("禮拜" + DAYS_ZH[i])
                    || t.contains("星期" + DAYS_ZH[i]) || t.contains(DAYS_EN[i])) {
                return Optional.of(today.with(TemporalAdjusters.nextOrSame(day)));
            }
        }
        if (t.contains("下周") || t.contains("下週") || t.contains("next week")) {
            return Optional.of(today.plusWeeks(1));
        }
        Matcher dom = DAY_OF_MONTH.matcher(t);
        if (dom.find()) {
            int day = Integer.parseInt(dom.group(1) != null ? dom.group(1) : dom.group(3));
            if (day >= 1 && day <= 31) {
                LocalDate d = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
                return Optional.of(d.isBefore(today) ? d.plusMonths(1) : d);
            }
        }
        return Optional.empty();
    }

    /** A date of birth written as 1990-03-07, 1990年3月7日 or 7 March 1990. */
    static Optional<LocalDate> birthDate(String text) {
        Matcher iso = ISO.matcher(text);
        try {
            if (iso.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher en = EN_DATE.matcher(text.toLowerCase(Locale.ROOT));
            if (en.find()) {
                return Optional.of(LocalDate.parse(en.group(3) + "-" + month(en.group(2)) + "-"
                        + String.format(Locale.ROOT, "%02d", Integer.parseInt(en.group(1)))));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What the debtor said to prove who they are, as it may be kept: every digit (and the X that ends an ID) as
     * {@code x}, so a date of birth or an ID's last four is never stored in the clear.
     */
    static String withoutIdentity(String text) {
        return IDENTITY.matcher(text).replaceAll("x");
    }

    /** Four characters that could be the end of an ID number (digits, or three digits and X). */
    static Optional<String> last4(String text) {
        Matcher m = LAST4.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1).toUpperCase(Locale.ROOT);
        }
        return Optional.ofNullable(found);
    }

    private static String month(String name) {
        String[] months = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"};
        for (int i = 0; i < months.length; i++) {
            if (months[i].equals(name)) {
                return String.format(Locale.ROOT, "%02d", i + 1);
            }
        }
        throw new DateTimeParseException("month", name, 0);
    }
}
