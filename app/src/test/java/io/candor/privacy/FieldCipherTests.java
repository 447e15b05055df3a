package io.candor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

    static SecretKey key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return new SecretKeySpec(k, "AES");
    }

    FieldCipher cipher = new FieldCipher(Map.of("k1", key(1)), "k1");

    @Test
    void sealsAndOpensAValue() {
        byte[] sealed = cipher.seal("110101199003071234", "t1/debtor.national_id");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1101011990");
        assertThat(cipher.open(sealed, "t1/debtor.national_id")).isEqualTo("110101199003071234");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.seal("same", "c")).isNotEqualTo(cipher.seal("same", "c"));
    }

    @Test
    void refusesAnAlteredValue() {
        byte[] sealed = cipher.seal("secret", "c");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed, "c")).isInstanceOf(FieldCipher.SealedValueException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void refusesAValueMovedToAnotherTenantOrField() {
        byte[] sealed = cipher.seal("secret", "tenant-a/debtor.national_id");
        assertThatThrownBy(() -> cipher.open(sealed, "tenant-b/debtor.national_id"))
                .isInstanceOf(FieldCipher.SealedValueException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "tenant-a/account.bank_account"))
                .isInstanceOf(FieldCipher.SealedValueException.class);
    }

    @Test
    void opensValuesSealedWithAnOlderKeyAfterRotation() {
        byte[] old = cipher.seal("before rotation", "c");
        FieldCipher rotated = new FieldCipher(Map.of("k1", key(1), "k2", key(2)), "k2");
        assertThat(rotated.open(old, "c")).isEqualTo("before rotation");
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.needsRotation(rotated.seal("new", "c"))).isFalse();
    }

    @Test
    void namesAMissingKey() {
        byte[] sealed = new FieldCipher(Map.of("gone", key(3)), "gone").seal("x", "c");
        assertThatThrownBy(() -> cipher.open(sealed, "c")).hasMessageContaining("'gone'");
    }

    @Test
    void searchHashesMatchEqualIdentifiersWithinATenantOnly() {
        SearchHash hash = new SearchHash(key(9));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(hash.of(a, "national_id", "11010119900307123x"))
                .isEqualTo(hash.of(a, "national_id", " 110101 19900307123X "));
        assertThat(hash.of(a, "national_id", "110101199003071234"))
                .isNotEqualTo(hash.of(b, "national_id", "110101199003071234"));
    }
}
