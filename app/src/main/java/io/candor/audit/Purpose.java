package io.candor.audit;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.candor.platform.web.BadRequestException;

/**
 * Why personal data is read, as a caller states it in {@code X-Purpose}: any language ({@code 催收} sent as UTF-8, or
 * percent-encoded), at most {@link #MAX} characters, no control characters. Recorded with every read.
 */
public final class Purpose {

    public static final int MAX = 200;

    private Purpose() {
    }

    /** The purpose as recorded, or a 400 that says what to fix. */
    public static String of(String header) {
        String text = utf8(header);
        if (text.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                text = URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a literal '%' in the text: keep it as written
            }
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw new BadRequestException("X-Purpose is empty: say why the data is read (e.g. ACCOUNT_VIEW, 催收).");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("X-Purpose must be one line of text without tabs or control characters.");
        }
        if (text.codePointCount(0, text.length()) > MAX) {
            throw new BadRequestException("X-Purpose is at most " + MAX + " characters; it has "
                    + text.codePointCount(0, text.length()) + ".");
        }
        return text;
    }

    /**
     * HTTP header values arrive as ISO-8859-1 characters; a client that sent UTF-8 bytes ({@code 催收}) is read back as
     * UTF-8 when the bytes are valid UTF-8.
     */
    private static String utf8(String header) {
        if (header.chars().allMatch(c -> c < 0x80) || header.chars().anyMatch(c -> c > 0xFF)) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }
}
