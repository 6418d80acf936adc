package io.liqaudit.reconciliation;

import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.Timestamps;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * What an answer is consistent with: a signed checkpoint. It covers the events with sequence
 * below the tree size, each with its latest recomputation made by the checkpoint's signing time,
 * so two answers (or an answer, a report and a disclosure) as of the same checkpoint agree exactly.
 */
public record AsOf(long treeSize, String rootHash, String signedAt) {

    static AsOf of(Checkpoints.Stored stored) {
        return new AsOf(stored.treeSize(), HexFormat.of().formatHex(stored.rootHash()),
                Timestamps.format(stored.createdAt()));
    }

    OffsetDateTime at() {
        return OffsetDateTime.parse(signedAt);
    }
}
