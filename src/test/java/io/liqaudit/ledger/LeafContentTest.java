package io.liqaudit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A leaf made from its template (content canonicalised before the lock, time filled in under it) is the leaf. */
class LeafContentTest {

    @Test
    void aTemplateGivesTheSameLeafAsTheWholeContentForEveryVectorAndTime() {
        String[] times = {"2026-11-27T02:51:00.000000Z", "2000-01-01T00:00:00.000001Z", "2100-12-31T23:59:59.999999Z"};
        int checked = 0;
        for (ObjectNode event : TestEvents.all()) {
            // A text field may even hold the placeholder: the top-level recordedAt is still the one filled.
            event.put("eventId", "ev-0000-00-00T00:00:00.000000Z-" + checked);
            LeafContent.Template template = LeafContent.template(event.path("venue").asText(), event.path("eventId").asText(),
                    event);
            for (String t : times) {
                assertThat(HexFormat.of().formatHex(template.leafHash(t))).isEqualTo(HexFormat.of().formatHex(
                        LeafContent.leafHash(event.path("venue").asText(), event.path("eventId").asText(), t, event)));
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(81);
    }
}
