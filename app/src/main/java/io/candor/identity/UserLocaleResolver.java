package io.candor.identity;

import java.util.List;
import java.util.Locale;

import io.candor.platform.web.Languages;
import io.candor.platform.web.PageLocale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a page or an error: the signed-in user's own setting; before sign-in, a {@code lang}
 * cookie or the browser's Accept-Language, among en, zh-CN and zh-TW.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE);

    private final CookieLocaleResolver anonymous = new CookieLocaleResolver("candor-lang");

    UserLocaleResolver() {
        anonymous.setDefaultLocaleFunction(UserLocaleResolver::fromBrowser);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(PageLocale.ATTRIBUTE) instanceof Locale fixed) {
            return fixed;
        }
        return CurrentUser.find().map(u -> supported(u.preferredLocale())).orElseGet(() -> anonymous.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        anonymous.setLocale(request, response, locale == null ? null : supported(locale));
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? supported(request.getLocale()) : match;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** Maps any locale to the nearest supported one: zh-HK/zh-MO/Hant → zh-TW, other zh → zh-CN. */
    static Locale supported(Locale l) {
        return switch (Languages.nearest(l.toLanguageTag(), Languages.STAFF)) {
            case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            case "zh-TW" -> Locale.TRADITIONAL_CHINESE;
            default -> Locale.ENGLISH;
        };
    }
}
