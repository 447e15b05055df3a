package io.candor.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list in id order, with an opaque cursor for the next page ({@code null} on the last).
 * Cursors are stable under inserts, unlike offsets.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from up to {@code limit + 1} rows read after the cursor: the extra row only tells
     * that there is a next page.
     */
    public static <T> CursorPage<T> of(List<T> rowsPlusOne, int limit, Function<T, UUID> idOf) {
        if (rowsPlusOne.size() <= limit) {
            return new CursorPage<>(rowsPlusOne, null);
        }
        List<T> page = rowsPlusOne.subList(0, limit);
        return new CursorPage<>(List.copyOf(page), encode(idOf.apply(page.getLast())));
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + requested);
        }
        return requested;
    }

    /**
     * The id after which the next page starts; with no cursor, the nil UUID, which sorts first in
     * PostgreSQL's (unsigned, byte-wise) uuid order.
     */
    public static UUID after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new UUID(0L, 0L);
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("cursor '" + cursor + "' is not valid: pass the nextCursor of the previous page");
        }
    }

    private static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
