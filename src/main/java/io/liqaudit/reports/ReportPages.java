package io.liqaudit.reports;

import io.liqaudit.liquidation.EventSearchQueries;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Reports for supervisors in a browser (signed in through the portal's form): the catalogue with
 * each report's dictionary, a form per report, the runs with their progress (the page reloads
 * itself while one runs) and their packages to download.
 */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
public class ReportPages {

    private static final int PAGE = 50;

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance catalogue(String username, List<ReportDefinition> reports, List<String> venues,
                List<ReportRuns.RunView> runs, String olderRuns, String message, boolean running);

        static native TemplateInstance run(String username, ReportRuns.RunView run);
    }

    private final ReportRuns runs;
    private final EventSearchQueries searches;
    private final SecurityIdentity identity;

    ReportPages(ReportRuns runs, EventSearchQueries searches, SecurityIdentity identity) {
        this.runs = runs;
        this.searches = searches;
        this.identity = identity;
    }

    @GET
    public Uni<Response> catalogue(@QueryParam("runs") String cursor) {
        QueryParams params = new QueryParams();
        Long before = params.numberCursor(cursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return page(200, before, null);
    }

    private Uni<Response> page(int status, Long before, String message) {
        return runs.page(before, PAGE + 1).chain(list -> searches.pickLists().map(known -> {
            List<ReportRuns.RunView> shown = list.size() > PAGE ? list.subList(0, PAGE) : list;
            String older = list.size() > PAGE ? Cursor.encode(String.valueOf(shown.get(PAGE - 1).id())) : null;
            boolean running = shown.stream().anyMatch(r -> r.status() == io.liqaudit.platform.JobStatus.RUNNING);
            return Response.status(status).entity(Templates.catalogue(user(), ReportCatalog.all(), known.venues(), shown,
                    older, message, running)).type(MediaType.TEXT_HTML).build();
        }));
    }

    /** Starts a run from the page's form; back to the page with what was wrong, in words, when it cannot. */
    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@PathParam("id") String id, @RestForm String period, @RestForm String venue) {
        var found = ReportCatalog.find(id);
        if (found.isEmpty()) {
            return page(404, null, "There is no such report.");
        }
        QueryParams params = new QueryParams();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("period", period);
        if (venue != null && !venue.isBlank()) {
            raw.put("venue", venue);
        }
        ReportParameters read = ReportParameters.read(found.get(), raw, params);
        if (!params.ok()) {
            return page(400, null, "Not started: " + params.inWords() + ".");
        }
        return runs.start(found.get(), read.given(), read.period(), read.venue(), user()).chain(started -> started.run() == null
                ? page(started.status(), null, "Not started: " + started.refusal() + ".")
                : Uni.createFrom().item(Response.seeOther(URI.create("/reports/runs/" + started.run().id())).build()));
    }

    @GET
    @Path("runs/{runId}")
    public Uni<Response> run(@PathParam("runId") String runIdText) {
        QueryParams params = new QueryParams();
        Long runId = params.requiredInteger("runId", runIdText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.find(runId).map(found -> found.map(r -> Response.ok(Templates.run(user(), r)).build())
                .orElseGet(() -> Response.status(404).type(MediaType.TEXT_PLAIN).entity("No report run " + runId + ".").build()));
    }

    @GET
    @Path("runs/{runId}/package")
    @Produces("application/zip")
    public Uni<Response> download(@PathParam("runId") String runIdText) {
        QueryParams params = new QueryParams();
        Long runId = params.requiredInteger("runId", runIdText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.download(runId).map(d -> d.zip() == null
                ? Response.status(d.status()).type(MediaType.TEXT_PLAIN).entity(d.refusal()).build()
                : Response.ok(d.zip().toFile()).type("application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + d.filename() + "\"").build());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
