package io.liqaudit.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerKeys;
import io.liqaudit.ledger.LedgerProofs;
import io.liqaudit.ledger.LedgerResource;
import io.liqaudit.ledger.OfflineVerifier;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.platform.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The event page's live check that an event is in the log as signed: its inclusion proof to the
 * latest signed checkpoint, verified on the spot by the same code as the offline verifier (so
 * the page shows what anyone holding the proof would find, not what the database says).
 */
@ApplicationScoped
public class InclusionCheck {

    /** The outcome: whether it holds, in words, and the checkpoint's size (0 when there is none yet). */
    public record Outcome(boolean holds, String words, long treeSize) {
    }

    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final LedgerKeys keys;
    private final ObjectMapper json;

    InclusionCheck(Checkpoints checkpoints, LedgerProofs proofs, LedgerKeys keys, ObjectMapper json) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.keys = keys;
        this.json = json;
    }

    public Uni<Outcome> of(LiquidationQueries.StoredEvent e) {
        return checkpoints.latest().chain(cp -> {
            if (cp.isEmpty() || cp.get().treeSize() <= e.sequence()) {
                return Uni.createFrom().item(new Outcome(false, "not yet in a signed checkpoint; one is signed within a "
                        + "checkpoint interval", 0));
            }
            Checkpoints.Stored c = cp.get();
            return proofs.inclusion(e.sequence(), c.treeSize()).map(proof -> {
                OfflineVerifier.Result r = OfflineVerifier.check(json.valueToTree(e), json.valueToTree(proof),
                        json.valueToTree(new LedgerResource.CheckpointView(c.treeSize(), HexFormat.of().formatHex(c.rootHash()),
                                Timestamps.format(c.createdAt()), c.note())),
                        json.valueToTree(new LedgerResource.PublicKeyView("Ed25519", keys.keyName(),
                                Base64.getEncoder().encodeToString(keys.keys().publicKey()))));
                return new Outcome(r.valid(), r.reason(), c.treeSize());
            });
        })
                // A checkpoint that fails verification is an alarm (logged where it is read): the page says so and
                // still shows the event, rather than failing with it.
                .onFailure(Checkpoints.Unverifiable.class)
                .recoverWithItem(alarm -> new Outcome(false, "cannot be checked: " + alarm.getMessage(), 0));
    }
}
