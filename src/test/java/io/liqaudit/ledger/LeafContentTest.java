package io.liqaudit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.json.CanonicalJson;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A leaf made from its template (content canonicalised before the lock, time filled in under it)
 * is the leaf; a version-2 leaf's content names no account, only its salted commitment, and rebuilds
 * the leaf from the published preimage or from the full record with the salt; version-1 leaves
 * (recorded before V21) keep the hash they were signed with.
 */
class LeafContentTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aTemplateGivesTheSameLeafAsTheWholeContentForEveryVectorAndTimeInBothVersions() {
        String[] times = {"2026-11-27T02:51:00.000000Z", "2000-01-01T00:00:00.000001Z", "2100-12-31T23:59:59.999999Z"};
        int checked = 0;
        for (ObjectNode event : TestEvents.all()) {
            // A text field may even hold the placeholder: the top-level recordedAt is still the one filled.
            event.put("eventId", "ev-0000-00-00T00:00:00.000000Z-" + checked);
            for (byte[] salt : new byte[][] {null, LeafContent.newSalt()}) {
                LeafContent.Template template = LeafContent.template(event.path("venue").asText(), event.path("eventId").asText(),
                        event, salt);
                for (String t : times) {
                    assertThat(HEX.formatHex(template.leafHash(t))).isEqualTo(HEX.formatHex(
                            LeafContent.leafHash(event.path("venue").asText(), event.path("eventId").asText(), t, event, salt)));
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(81);
    }

    @Test
    void aVersionTwoPreimageNamesNoAccountAndRebuildsTheLeafFromEitherSide() {
        ObjectNode event = TestEvents.fresh("consistent#4");
        String account = event.path("accountRef").asText();
        byte[] salt = LeafContent.newSalt();
        String at = "2026-11-27T10:00:00.123456Z";
        ObjectNode preimage = LeafContent.content("VENUE-A", "ev-1", at, event, salt);
        assertThat(CanonicalJson.text(preimage)).doesNotContain(account).contains("\"schema\":\"liquidation-event/v2\"");
        assertThat(preimage.path("accountCommitment").asText()).isEqualTo(LeafContent.accountCommitment(salt, account)).hasSize(64);
        byte[] leaf = LeafContent.leafHash("VENUE-A", "ev-1", at, event, salt);
        assertThat(LeafContent.leafHashOf(preimage)).isEqualTo(leaf);
        // The full record, as the audit API serves it, with the salt: the same leaf, tied to the account.
        ObjectNode record = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        record.put("venue", "VENUE-A").put("eventId", "ev-1").put("recordedAt", at).put("accountSalt", HEX.formatHex(salt));
        record.set("input", event);
        assertThat(LeafContent.leafHashOf(record)).isEqualTo(leaf);
        // Another salt, another account, or the account put back into a "preimage": not this leaf, or refused.
        assertThat(LeafContent.leafHash("VENUE-A", "ev-1", at, event, LeafContent.newSalt())).isNotEqualTo(leaf);
        assertThat(LeafContent.accountCommitment(salt, account + "x")).isNotEqualTo(preimage.path("accountCommitment").asText());
        ((ObjectNode) preimage.get("input")).put("accountRef", account);
        assertThatThrownBy(() -> LeafContent.leafHashOf(preimage)).hasMessageContaining("no accountRef");
    }

    /**
     * A version-1 leaf is the hash it was signed with before account commitments existed (computed
     * by the code of 04b4f42, the last commit before them): old events must keep verifying.
     */
    @Test
    void versionOneLeavesKeepTheirHash() {
        JsonNode event = TestEvents.fresh("consistent#4").put("eventId", "kat-1").put("venue", "VENUE-KAT");
        assertThat(HEX.formatHex(LeafContent.leafHash("VENUE-KAT", "kat-1", "2026-01-02T03:04:05.000006Z", event)))
                .isEqualTo(V1_KAT);
        assertThat(HEX.formatHex(LeafContent.leafHashOf(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("venue", "VENUE-KAT").put("eventId", "kat-1").put("recordedAt", "2026-01-02T03:04:05.000006Z")
                .set("input", event)))).isEqualTo(V1_KAT);
    }

    private static final String V1_KAT = "cad294c0ac1f134380679dd82a97af32025ce53638690b3ee33904b93ecd6d57";
}
