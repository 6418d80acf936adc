package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.cases.Cases;
import io.liqaudit.disclosure.Period;
import io.liqaudit.liquidation.EventSearchQueries;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerAudits;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.verification.VerificationRuns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.List;

/** Gathers the portal's home page (see {@link HomePage}). */
@ApplicationScoped
class HomePages {

    private final Cases cases;
    private final LedgerAudits audits;
    private final Checkpoints checkpoints;
    private final VerificationRuns runs;
    private final HomeQueries queries;
    private final EventSearchQueries searches;

    HomePages(Cases cases, LedgerAudits audits, Checkpoints checkpoints, VerificationRuns runs, HomeQueries queries,
            EventSearchQueries searches) {
        this.queries = queries;
        this.searches = searches;
        this.cases = cases;
        this.audits = audits;
        this.checkpoints = checkpoints;
        this.runs = runs;
    }

    Uni<HomePage> now(Period period, String venue) {
        Uni<HomePage.Checkpoint> checkpoint = checkpoints.latest()
                .map(found -> found.map(c -> new HomePage.Checkpoint(c.treeSize(), HexFormat.of().formatHex(c.rootHash()),
                        Timestamps.format(c.createdAt()), null)).orElse(null))
                // A checkpoint that does not verify is an alarm (logged where it is read); here it is said, not hidden.
                .onFailure(Checkpoints.Unverifiable.class)
                .recoverWithItem(e -> new HomePage.Checkpoint(0, null, null, e.getMessage()));
        // One after the other: the Panache reads share the request's reactive session, which serves one query at a time.
        // The SQL reads use the readers' pool and run beside them.
        Uni<Figures> figures = Uni.combine().all().unis(queries.verdicts(period, venue), queries.findings(period, venue),
                        queries.differingFields(period, venue), queries.openCaseAges(), queries.refusedCount(period),
                        queries.refused(null, 5), searches.pickLists())
                .with((v, f, d, ages, refused, latest, known) -> new Figures(v, f, d, ages, refused, latest, known.venues()));
        String range = "from=" + period.from() + "&to=" + period.to().minusDays(1) + (venue == null ? "" : "&venue=" + venue);
        return figures.chain(fig -> cases.countByState().chain(byState -> audits.latest().chain(audit -> checkpoint.chain(cp ->
                runs.recent().map(recent -> new HomePage(period.label(), venue, range, fig.venues(), fig.verdicts(),
                        fig.findings(), fig.fields(), byState, fig.ages(), audit.orElse(null), cp,
                        recent.stream().filter(r -> r.status() == JobStatus.RUNNING).toList(),
                        byState.entrySet().stream().filter(e -> e.getKey() != CaseState.CLOSED)
                                .mapToLong(java.util.Map.Entry::getValue).sum(), fig.refused(), fig.latestRefused()))))));
    }

    private record Figures(HomeQueries.Verdicts verdicts, List<HomeQueries.Count> findings, List<HomeQueries.Count> fields,
            List<HomeQueries.CaseAges> ages, long refused, List<HomeQueries.Refused> latestRefused, List<String> venues) {
    }
}
