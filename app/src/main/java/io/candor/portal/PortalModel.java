package io.candor.portal;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows: the languages, each named in itself. */
@ControllerAdvice(assignableTypes = {PortalPages.class, PortalActions.class, PortalPreferences.class, PortalChat.class})
class PortalModel {

    /** A language the portal speaks. */
    record Language(String tag, String name) {
    }

    static final List<Language> LANGUAGES = List.of(new Language("zh-CN", "简体中文"), new Language("zh-TW", "繁體中文"),
            new Language("en", "English"), new Language("id", "Bahasa Indonesia"),
            new Language("pt-BR", "Português (Brasil)"), new Language("es", "Español"), new Language("vi", "Tiếng Việt"),
            new Language("th", "ไทย"));

    @ModelAttribute("languages")
    List<Language> languages() {
        return LANGUAGES;
    }
}
