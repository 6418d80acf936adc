package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.cases.Cases;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerAudits;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.verification.VerificationRuns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;

/** Gathers the portal's home page: where the cases stand, the latest tamper audit and checkpoint, runs in progress. */
@ApplicationScoped
class HomePages {

    private final Cases cases;
    private final LedgerAudits audits;
    private final Checkpoints checkpoints;
    private final VerificationRuns runs;

    HomePages(Cases cases, LedgerAudits audits, Checkpoints checkpoints, VerificationRuns runs) {
        this.cases = cases;
        this.audits = audits;
        this.checkpoints = checkpoints;
        this.runs = runs;
    }

    Uni<HomePage> now() {
        Uni<HomePage.Checkpoint> checkpoint = checkpoints.latest()
                .map(found -> found.map(c -> new HomePage.Checkpoint(c.treeSize(), HexFormat.of().formatHex(c.rootHash()),
                        Timestamps.format(c.createdAt()), null)).orElse(null))
                // A checkpoint that does not verify is an alarm (logged where it is read); here it is said, not hidden.
                .onFailure(Checkpoints.Unverifiable.class)
                .recoverWithItem(e -> new HomePage.Checkpoint(0, null, null, e.getMessage()));
        // One after the other: the Panache reads share the request's reactive session, which serves one query at a time.
        return cases.countByState().chain(byState -> audits.latest().chain(audit -> checkpoint.chain(cp -> runs.recent()
                .map(recent -> new HomePage(byState, audit.orElse(null), cp,
                        recent.stream().filter(r -> r.status() == JobStatus.RUNNING).toList(),
                        byState.entrySet().stream().filter(e -> e.getKey() != CaseState.CLOSED)
                                .mapToLong(java.util.Map.Entry::getValue).sum())))));
    }
}
