package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.ledger.LedgerAudits;
import io.liqaudit.verification.VerificationRuns;
import java.util.List;
import java.util.Map;

/** What the portal's home page shows. */
public record HomePage(Map<CaseState, Long> casesByState, LedgerAudits.AuditView latestAudit, Checkpoint checkpoint,
        List<VerificationRuns.RunView> running, long unresolved) {

    /** The latest signed checkpoint, or why it cannot be shown ({@code alarm}). */
    public record Checkpoint(long treeSize, String rootHash, String createdAt, String alarm) {
    }
}
