package io.candor.platform.web;

/**
 * A page may fix its own language (the debtor portal speaks the debtor's): a {@link java.util.Locale} in this request
 * attribute wins over the signed-in user's setting and the browser's.
 */
public final class PageLocale {

    public static final String ATTRIBUTE = "io.candor.page-locale";

    private PageLocale() {
    }
}
