package io.liqaudit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 §7.1, TEST 1: the secret key gives the published public key and signature. */
    @Test
    void rfc8032TestVectorOne() throws Exception {
        Ed25519Keys keys = Ed25519Keys.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(keys.publicKey())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.pair().getPrivate());
        assertThat(HEX.formatHex(ed.sign())).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void aSignedNoteVerifiesAndATamperedOneDoesNot() {
        Ed25519Keys keys = Ed25519Keys.fromSeed(new byte[32]);
        String note = SignedNote.sign(new SignedNote.Checkpoint("example/log", 42, new byte[32]), "example/log",
                keys.pair().getPrivate(), keys.publicKey());
        assertThat(note).startsWith("example/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 example/log ");
        assertThat(SignedNote.verify(note, "example/log", keys.publicKey()).treeSize()).isEqualTo(42);
        assertThatThrownBy(() -> SignedNote.verify(note.replace("\n42\n", "\n43\n"), "example/log", keys.publicKey()))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.verify(note, "example/log", Ed25519Keys.fromSeed(new byte[] {
                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}).publicKey()))
                .hasMessageContaining("no signature");
        assertThatThrownBy(() -> Ed25519Keys.fromSeed(new byte[31])).hasMessageContaining("32 bytes");
    }
}
