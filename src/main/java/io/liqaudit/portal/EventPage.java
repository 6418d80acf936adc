package io.liqaudit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.cases.CaseView;
import io.liqaudit.engine.TraceEntry;
import io.liqaudit.evidence.InclusionCheck;
import io.liqaudit.liquidation.FindingWords;
import io.liqaudit.fund.FundChain;
import io.liqaudit.liquidation.EventTrace;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.rules.RulesView;
import java.util.ArrayList;
import java.util.List;

/**
 * What the portal's event page shows: the event, reported against recomputed, findings, the trace,
 * every recomputation by engine version, its log place with a live inclusion check, its case,
 * its fund's chain around it (the entry before, the event, the entries after; expected against stated
 * balance), and what its venue's published rules say of it.
 */
public record EventPage(String venue, String eventId, long sequence, String leafHash, String recordedAt, String verdict,
        List<String> findingCodes, List<Difference> differences, List<Finding> findings, List<TraceEntry> trace,
        List<String> unverifiableReasons, String input, CaseView caseView,
        List<LiquidationQueries.RecomputationView> recomputations, InclusionCheck.Outcome inclusion, String fundId,
        List<FundChain.Link> chain, RulesView.State rules) {

    /** A field where the venue's report and the recomputation differ. */
    public record Difference(String field, String reported, String recomputed) {
    }

    /** A rule the event broke, in plain words, with the step it belongs to. */
    public record Finding(String code, String words, String step, String expected, String actual) {
    }

    /** The event's fund, whose chain the page shows around it. */
    static String fundId(LiquidationQueries.StoredEvent e) {
        return e.input().path("insuranceFund").path("fundId").asText();
    }

    /** When the event happened, where its fund's chain is shown from. */
    static java.time.OffsetDateTime occurredAt(LiquidationQueries.StoredEvent e) {
        return java.time.Instant.parse(e.input().path("occurredAt").asText()).atOffset(java.time.ZoneOffset.UTC);
    }

    static EventPage of(LiquidationQueries.StoredEvent e, EventTrace trace, CaseView caseView,
            InclusionCheck.Outcome inclusion, List<FundChain.Link> chain) {
        List<Difference> differences = new ArrayList<>();
        e.recomputation().path("differences").forEach(d -> differences.add(new Difference(d.path("field").asText(),
                text(d.get("reported")), text(d.get("recomputed")))));
        List<Finding> findings = new ArrayList<>();
        e.recomputation().path("findings").forEach(f -> findings.add(new Finding(f.path("code").asText(),
                FindingWords.words(f.path("code").asText()), text(f.get("step")), text(f.get("expected")), text(f.get("actual")))));
        if (e.fundBalanceDiscontinuity()) {
            findings.add(new Finding("FUND_BALANCE_DISCONTINUITY", FindingWords.words("FUND_BALANCE_DISCONTINUITY"), "–", "–", "–"));
        }
        // The published rules' findings: the field stands where a step would, published is expected, the event's actual.
        e.rules().findings().forEach(f -> findings.add(new Finding(f.path("code").asText(), FindingWords.words(f.path("code").asText()),
                f.path("field").asText(), text(f.get("published")), text(f.get("event")))));
        return new EventPage(e.venue(), e.eventId(), e.sequence(), e.leafHash(), e.recordedAt(), e.verdict(), e.findingCodes(),
                differences, findings, trace.steps(), trace.unverifiableReasons(), e.input().toPrettyString(), caseView,
                e.recomputations(), inclusion, fundId(e), chain, e.rules().state());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "–" : n.asText();
    }
}
