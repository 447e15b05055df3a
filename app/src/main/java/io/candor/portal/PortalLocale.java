package io.candor.portal;

import java.util.List;
import java.util.Locale;

import io.candor.platform.web.Languages;

/** The portal's languages, each named in itself, and the nearest of them to a debtor's language or a browser's. */
final class PortalLocale {

    /** A language the portal speaks. */
    record Language(String tag, String name) {
    }

    static final List<Language> LANGUAGES = List.of(new Language("zh-CN", "简体中文"), new Language("zh-TW", "繁體中文"),
            new Language("en", "English"), new Language("id", "Bahasa Indonesia"),
            new Language("pt-BR", "Português (Brasil)"), new Language("es", "Español"), new Language("vi", "Tiếng Việt"),
            new Language("th", "ไทย"));

    private PortalLocale() {
    }

    static final List<String> TAGS = LANGUAGES.stream().map(Language::tag).toList();

    static Locale of(String tag) {
        return Languages.nearestLocale(tag, TAGS);
    }
}
