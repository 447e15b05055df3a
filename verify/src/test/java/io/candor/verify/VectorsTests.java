package io.candor.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Interoperability: the RFC 6962/9162 test vectors of Certificate Transparency and the signed-note example of
 * golang.org/x/mod/sumdb/note (an independent implementation): Ed25519 is deterministic, so signing its text with
 * its key must give its signature byte for byte.
 */
class VectorsTests {

    static final HexFormat HEX = HexFormat.of();
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static byte[] h(String hex) {
        return HEX.parseHex(hex);
    }

    @Test
    void referenceTreesHaveTheRootsOfTheRfcVectors() {
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(ReferenceTree.root(leaves(n)))).as("size " + n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void inclusionProofsOfTheRfcVectorsVerify() {
        List<byte[]> proof = List.of(h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThat(Merkle.rootFromInclusion(5, 8, Merkle.leafHash(h(LEAVES[5])), proof)).isEqualTo(h(ROOTS[7]));
        assertThat(Merkle.rootFromInclusion(4, 8, Merkle.leafHash(h(LEAVES[5])), proof)).isNotEqualTo(h(ROOTS[7]));
        assertThat(Merkle.rootFromInclusion(2, 3, Merkle.leafHash(h(LEAVES[2])), List.of(h(ROOTS[1]))))
                .isEqualTo(h(ROOTS[2]));
        assertThat(ReferenceTree.inclusion(leaves(8), 5)).containsExactlyElementsOf(proof);
        assertThatThrownBy(() -> Merkle.rootFromInclusion(5, 8, Merkle.leafHash(h(LEAVES[5])), proof.subList(0, 2)))
                .hasMessageContaining("too short");
    }

    @Test
    void consistencyProofsOfTheRfcVectorsVerifyAndForksDoNot() {
        List<byte[]> proof = List.of(h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        Merkle.verifyConsistency(6, 8, h(ROOTS[5]), h(ROOTS[7]), proof);
        assertThatThrownBy(() -> Merkle.verifyConsistency(6, 8, h(ROOTS[4]), h(ROOTS[7]), proof))
                .isInstanceOf(VerificationException.class);
        Merkle.verifyConsistency(2, 5, h(ROOTS[1]), h(ROOTS[4]),
                List.of(h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                        h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
        assertThat(ReferenceTree.consistency(leaves(8), 6)).containsExactlyElementsOf(proof);
        assertThatThrownBy(() -> Merkle.verifyConsistency(8, 8, h(ROOTS[7]), h(ROOTS[6]), List.of()))
                .hasMessageContaining("fork");
        // every pair of sizes up to 8 is consistent
        for (int m = 1; m <= 8; m++) {
            for (int n = m; n <= 8; n++) {
                Merkle.verifyConsistency(m, n, h(ROOTS[m - 1]), h(ROOTS[n - 1]), ReferenceTree.consistency(leaves(n), m));
            }
        }
    }

    @Test
    void signsAndOpensTheGoSignedNoteExampleByteForByte() {
        String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        String note = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        NoteKey.Signer signer = NoteKey.signer("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        assertThat(signer.verifier().text()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(SignedNote.sign(text, signer)).isEqualTo(note);
        NoteKey.Verifier verifier = NoteKey.verifier("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(SignedNote.open(note, verifier)).isEqualTo(text);
        assertThatThrownBy(() -> SignedNote.open(note.replace("cryptography", "cryptographY"), verifier))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> NoteKey.verifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("does not match");
        NoteKey.Signer fresh = NoteKey.generate("candor.test/evidence");
        assertThat(NoteKey.signer(fresh.text()).verifier().text()).isEqualTo(fresh.verifier().text());
        assertThatThrownBy(() -> SignedNote.open(note, fresh.verifier())).hasMessageContaining("no signature by");
    }

    @Test
    void checkpointsAndProofsRoundTrip() {
        Checkpoint c = new Checkpoint("candor/tenant", 8, h(ROOTS[7]), List.of());
        assertThat(Checkpoint.parse(c.text()).root()).isEqualTo(h(ROOTS[7]));
        assertThat(c.text()).isEqualTo("candor/tenant\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        NoteKey.Signer key = NoteKey.generate("candor.test");
        String note = SignedNote.sign(c.text(), key);
        TlogProof proof = new TlogProof(5, ReferenceTree.inclusion(leaves(8), 5), note, null);
        TlogProof read = TlogProof.parse(proof.text());
        assertThat(read.text()).isEqualTo(proof.text()).startsWith("c2sp.org/tlog-proof@v1\nindex 5\n");
        assertThat(read.verify(h(LEAVES[5]), key.verifier()).size()).isEqualTo(8);
        assertThatThrownBy(() -> read.verify(h(LEAVES[4]), key.verifier())).hasMessageContaining("not in the checkpointed tree");
    }

    @Test
    void entriesHaveOneCanonicalEncoding() {
        Entry e = new Entry("CONTACT_DECISION", Instant.parse("2026-03-02T07:00:00.123Z"), "collector", "ab".repeat(32),
                List.of("cd".repeat(32)), new TreeMap<>(Map.of("verdict", "DENY", "channel", "VOICE_AI")));
        String text = new String(e.encode(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("candor.evidence/v1\ntype CONTACT_DECISION\ntime 2026-03-02T07:00:00.123Z\n"
                + "actor collector\nsubject " + "ab".repeat(32) + "\ncontent " + "cd".repeat(32)
                + "\nfact channel VOICE_AI\nfact verdict DENY\n");
        assertThat(Entry.decode(e.encode())).isEqualTo(e);
        assertThatThrownBy(() -> Entry.decode(text.replace("fact channel VOICE_AI\nfact verdict DENY\n",
                "fact verdict DENY\nfact channel VOICE_AI\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> new Entry("X_Y", Instant.EPOCH, "a", "ab".repeat(32), List.of(),
                new TreeMap<>(Map.of("note", "two\nlines")))).hasMessageContaining("line breaks");
    }

    static List<byte[]> leaves(int n) {
        return Arrays.stream(LEAVES).limit(n).map(VectorsTests::h).toList();
    }
}
