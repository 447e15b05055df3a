package io.candor.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * The one rule that picks, among the languages a surface speaks, the nearest to a person's language or a browser's:
 * Chinese in traditional script, or of Taiwan, Hong Kong or Macao, is zh-TW, other Chinese zh-CN; Indonesian's old
 * code {@code in} is id; Portuguese is pt-BR; a language the surface does not speak is English. The staff pages, the
 * AI agent and the debtor portal all choose with it.
 */
public final class Languages {

    /** What staff pages and the agent speak. */
    public static final List<String> STAFF = List.of("zh-CN", "zh-TW", "en");

    private Languages() {
    }

    /** The nearest of {@code spoken} (language tags, English among them) to {@code tag}. */
    public static String nearest(String tag, List<String> spoken) {
        Locale l = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        String candidate = switch (l.getLanguage()) {
            case "zh" -> "Hant".equals(l.getScript()) || List.of("TW", "HK", "MO").contains(l.getCountry())
                    ? "zh-TW" : "zh-CN";
            case "in" -> "id";
            case "pt" -> "pt-BR";
            default -> l.getLanguage();
        };
        return spoken.contains(candidate) ? candidate : "en";
    }

    public static Locale nearestLocale(String tag, List<String> spoken) {
        return Locale.forLanguageTag(nearest(tag, spoken));
    }
}
