package io.candor.platform.web;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Candor's codes as people read them, in the page's language: {@code @vocabulary.name(h.hold)} on a page shows
 * {@code DISPUTE} as 异议 or Dispute, and {@code @vocabulary.words(text)} does so for every code inside a text (a
 * timeline line, a rule's description). The names are the {@code code.<CODE>} messages; a code without one shows as
 * it is, which the page-language test catches.
 */
@Component("vocabulary")
class Vocabulary {

    private static final Pattern CODE = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])");

    private final MessageSource messages;

    Vocabulary(MessageSource messages) {
        this.messages = messages;
    }

    /** The name of one code ({@code by.PERSON} for a who), or the code when it has none. */
    public String name(@Nullable Object code) {
        if (code == null) {
            return "";
        }
        String c = code.toString();
        return Objects.requireNonNullElse(messages.getMessage("code." + c, null, c, LocaleContextHolder.getLocale()), c);
    }

    /** The text with each code in it named. */
    public String words(@Nullable String text) {
        if (text == null) {
            return "";
        }
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(name(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
