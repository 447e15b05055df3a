package io.candor.portfolio;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which contact point a contact is to go to, as a caller names it. Inside Candor a contact point is always named by
 * its id; only a person at the API may spell it out (a number as dialled, an address as typed), and the contact gate
 * then resolves the spelling to one of the account's own contact points or refuses the contact.
 */
public sealed interface ContactPointRef {

    /** One of the stored contact points, by id: how every path inside Candor names it. */
    record ById(UUID id) implements ContactPointRef {
    }

    /** A contact point as a person wrote it ({@code 13800138000}, {@code +86 138 0013 8000}, an e-mail address). */
    record Spelled(String text) implements ContactPointRef {
    }

    /** No contact point was named: the gate refuses, since a contact always goes somewhere. */
    record Missing() implements ContactPointRef {
    }

    Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static ContactPointRef of(UUID id) {
        return new ById(id);
    }

    /** What an API caller sent: an id when it reads as one, else the spelling; blank or absent is missing. */
    static ContactPointRef parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Missing();
        }
        String t = text.strip();
        return UUID_TEXT.matcher(t).matches() ? new ById(UUID.fromString(t)) : new Spelled(t);
    }

    /** How the reference reads in a decision record (a spelling cut to a bounded length). */
    default @Nullable String asWritten() {
        return switch (this) {
            case ById b -> b.id().toString();
            case Spelled s -> s.text().length() <= 200 ? s.text() : s.text().substring(0, 200) + "…";
            case Missing m -> null;
        };
    }
}
