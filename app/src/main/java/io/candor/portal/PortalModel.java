package io.candor.portal;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows: the languages, each named in itself. */
@ControllerAdvice(assignableTypes = {PortalPages.class, PortalActions.class, PortalPreferences.class, PortalChat.class,
        PortalMessages.class})
class PortalModel {

    @ModelAttribute("languages")
    List<PortalLocale.Language> languages() {
        return PortalLocale.LANGUAGES;
    }
}
