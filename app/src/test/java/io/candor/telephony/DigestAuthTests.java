package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Digest answers, checked against RFC 2617's own worked example (section 3.5). */
class DigestAuthTests {

    @Test
    void theAnswerMatchesTheRfcExample() {
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        String answer = DigestAuth.answer(challenge, "GET", "/dir/index.html", "Mufasa", "Circle Of Life", "0a4f113b");
        assertThat(answer).contains("response=\"6629fae49393a05397450978507c4ef1\"").contains("qop=auth")
                .contains("nc=00000001").contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
    }

    @Test
    void onlyDigestMd5IsAnswered() {
        assertThatThrownBy(() -> DigestAuth.answer("Basic realm=\"x\"", "INVITE", "sip:a@b", "u", "p", "c"))
                .hasMessageContaining("Digest only");
        assertThatThrownBy(() -> DigestAuth.answer("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256", "INVITE",
                "sip:a@b", "u", "p", "c")).hasMessageContaining("MD5");
    }
}
