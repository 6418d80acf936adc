package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.ledger.LedgerAudits;
import io.liqaudit.verification.VerificationRuns;
import java.util.List;
import java.util.Map;

/**
 * What the portal's home page shows: for the chosen period and venue, events by verdict and the
 * discrepancies by finding and differing field (each a link to the search that lists them); where
 * the cases stand and how long they have been open; the log's integrity; runs in progress; refused
 * submissions.
 */
public record HomePage(String period, String venue, String searchRange, List<String> venues, HomeQueries.Verdicts verdicts,
        List<HomeQueries.Count> findings, List<HomeQueries.Count> differingFields, Map<CaseState, Long> casesByState,
        List<HomeQueries.CaseAges> caseAges, LedgerAudits.AuditView latestAudit, Checkpoint checkpoint,
        List<VerificationRuns.RunView> running, long unresolved, long refusedInPeriod, List<HomeQueries.Refused> latestRefused) {

    /** The latest signed checkpoint, or why it cannot be shown ({@code alarm}). */
    public record Checkpoint(long treeSize, String rootHash, String createdAt, String alarm) {
    }
}
