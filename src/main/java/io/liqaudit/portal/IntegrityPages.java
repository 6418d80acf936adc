package io.liqaudit.portal;

import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.engine.Verdict;
import io.liqaudit.ledger.LedgerAudits;
import io.liqaudit.liquidation.EventSearchQueries;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.platform.CsvCells;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.liqaudit.verification.RunFilter;
import io.liqaudit.verification.RunQueries;
import io.liqaudit.verification.VerificationRuns;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Integrity and re-verification in the portal: tamper audits and runs, each startable from a form
 * (CSRF), followed live (the page reloads itself while one is running: no script), and their
 * results linked to the events they name.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class IntegrityPages {

    private static final int PAGE = 50;

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance integrity(String username, List<LedgerAudits.AuditView> audits,
                List<VerificationRuns.RunView> runs, String olderAudits, String olderRuns, List<String> venues,
                List<String> funds, List<Verdict> verdicts, boolean running);

        static native TemplateInstance run(String username, VerificationRuns.RunView run, List<RunQueries.Named> named,
                String nextCursor);

        static native TemplateInstance audit(String username, LedgerAudits.AuditView audit,
                List<LiquidationQueries.Identity> events);
    }

    private final LedgerAudits audits;
    private final VerificationRuns runs;
    private final RunQueries runResults;
    private final LiquidationQueries events;
    private final EventSearchQueries searches;
    private final SecurityIdentity identity;

    IntegrityPages(LedgerAudits audits, VerificationRuns runs, RunQueries runResults, LiquidationQueries events,
            EventSearchQueries searches, SecurityIdentity identity) {
        this.audits = audits;
        this.runs = runs;
        this.runResults = runResults;
        this.events = events;
        this.searches = searches;
        this.identity = identity;
    }

    /** Audits and runs, newest first, each list paged by its own cursor. */
    @GET
    @Path("integrity")
    public Uni<Response> integrity(@QueryParam("audits") String auditsCursor, @QueryParam("runs") String runsCursor) {
        QueryParams params = new QueryParams();
        Long auditsBefore = params.numberCursor(auditsCursor);
        Long runsBefore = params.numberCursor(runsCursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        // One after the other: the Panache reads share the request's reactive session.
        return audits.page(auditsBefore, PAGE + 1).chain(a -> runs.page(runsBefore, PAGE + 1).chain(r -> searches.pickLists()
                .map(known -> {
                    List<LedgerAudits.AuditView> auditPage = a.size() > PAGE ? a.subList(0, PAGE) : a;
                    List<VerificationRuns.RunView> runPage = r.size() > PAGE ? r.subList(0, PAGE) : r;
                    String olderAudits = a.size() > PAGE ? Cursor.encode(String.valueOf(auditPage.get(PAGE - 1).id())) : null;
                    String olderRuns = r.size() > PAGE ? Cursor.encode(String.valueOf(runPage.get(PAGE - 1).id())) : null;
                    boolean running = auditPage.stream().anyMatch(x -> x.status() == JobStatus.RUNNING)
                            || runPage.stream().anyMatch(x -> x.status() == JobStatus.RUNNING);
                    return Response.ok(Templates.integrity(user(), auditPage, runPage, olderAudits, olderRuns,
                            known.venues(), known.funds(), List.of(Verdict.values()), running)).build();
                })));
    }

    /** Everything a run names, as CSV. */
    @GET
    @Path("runs/{id}.csv")
    @Produces("text/csv")
    public Multi<String> runCsv(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            throw new WebApplicationException(params.invalid());
        }
        return CsvExport.of("run-" + id + ".csv", "sequence,venue,eventId,verdict,reason\r\n",
                (Long after) -> runResults.named(id, after, CsvExport.PAGE), RunQueries.Named::sequence,
                IntegrityPages::runLines);
    }

    private static String runLines(List<RunQueries.Named> rows) {
        StringBuilder out = new StringBuilder();
        for (RunQueries.Named n : rows) {
            out.append(n.sequence()).append(',').append(CsvCells.text(n.venue())).append(',').append(CsvCells.text(n.eventId()))
                    .append(',').append(n.verdict() == null ? "" : n.verdict()).append(',').append(CsvCells.text(n.reason()))
                    .append("\r\n");
        }
        return out.toString();
    }

    @POST
    @Path("integrity/audits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> startAudit() {
        return audits.start(user()).map(a -> Response.seeOther(URI.create("/portal/audits/" + a.id())).build());
    }

    @POST
    @Path("integrity/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> startRun(@RestForm String venue, @RestForm String verdict, @RestForm String from,
            @RestForm String to) {
        QueryParams params = new QueryParams();
        RunFilter filter = new RunFilter(params.identifier("venue", blankToNull(venue)), null, null,
                name(params.constant("verdict", blankToNull(verdict), Verdict.class)),
                params.dayStart("from", from, 0), params.dayStart("to", to, 1));
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.start(filter, user()).map(r -> Response.seeOther(URI.create("/portal/runs/" + r.id())).build());
    }

    @GET
    @Path("runs/{id}")
    public Uni<Response> run(@PathParam("id") String idText, @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        Long after = params.numberCursor(cursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.find(id).chain(found -> found.isEmpty() ? Uni.createFrom().item(notFound("No run " + id + "."))
                : runResults.named(id, after, PAGE + 1).map(named -> {
                    boolean more = named.size() > PAGE;
                    List<RunQueries.Named> page = more ? named.subList(0, PAGE) : named;
                    String next = more ? Cursor.encode(String.valueOf(page.get(page.size() - 1).sequence())) : null;
                    return Response.ok(Templates.run(user(), found.get(), page, next)).build();
                }));
    }

    @GET
    @Path("audits/{id}")
    public Uni<Response> audit(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return audits.find(id).chain(found -> found.isEmpty() ? Uni.createFrom().item(notFound("No audit " + id + "."))
                : events.identities(found.get().tampered().stream().map(LedgerAudits.Tampered::sequence).toList())
                        .map(named -> Response.ok(Templates.audit(user(), found.get(), named)).build()));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Response notFound(String why) {
        return Response.status(404).type(MediaType.TEXT_PLAIN).entity(why).build();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
