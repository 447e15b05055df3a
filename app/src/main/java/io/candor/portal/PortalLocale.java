package io.candor.portal;

import java.util.List;
import java.util.Locale;

/** The portal's languages, and the nearest of them to a debtor's language or a browser's. */
final class PortalLocale {

    static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("zh-TW"),
            Locale.ENGLISH, Locale.forLanguageTag("id"), Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("es"),
            Locale.forLanguageTag("vi"), Locale.forLanguageTag("th"));

    private PortalLocale() {
    }

    static Locale of(String tag) {
        Locale l = Locale.forLanguageTag(tag.replace('_', '-'));
        return switch (l.getLanguage()) {
            case "zh" -> "Hant".equals(l.getScript()) || List.of("TW", "HK", "MO").contains(l.getCountry())
                    ? SUPPORTED.get(1) : SUPPORTED.get(0);
            case "id", "in" -> SUPPORTED.get(3);
            case "pt" -> SUPPORTED.get(4);
            case "es" -> SUPPORTED.get(5);
            case "vi" -> SUPPORTED.get(6);
            case "th" -> SUPPORTED.get(7);
            default -> Locale.ENGLISH;
        };
    }
}
