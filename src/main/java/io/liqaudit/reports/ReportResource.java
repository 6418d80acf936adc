package io.liqaudit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Regulator reports: the catalogue with each report's dictionary, runs started with parameters
 * as JSON (202 with Location), their progress, and their packages (ZIP, kept, re-downloadable).
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
public class ReportResource {

    private final ReportRuns runs;
    private final SecurityIdentity identity;

    ReportResource(ReportRuns runs, SecurityIdentity identity) {
        this.runs = runs;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The reports and their dictionaries: each column's type, unit, nullability, meaning and source")
    public List<ReportDefinition> catalogue() {
        return ReportCatalog.all();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One report's definition and dictionary")
    @APIResponse(responseCode = "200", description = "The report and its dictionary",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportDefinition.class)))
    public Response definition(@PathParam("id") String id) {
        return ReportCatalog.find(id).map(d -> Response.ok(d).build()).orElseGet(() -> unknown(id));
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run of the report, pinned to the latest signed checkpoint",
            description = "Body: the report's parameters, e.g. {\"period\": \"2026-Q3\", \"venue\": \"VENUE-A\"}. Answers 202 "
                    + "with Location; refuses unknown or bad parameters (400), a scope with no events (422), no checkpoint yet (409).")
    @APIResponse(responseCode = "202", description = "The run, started",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportRuns.RunView.class)))
    public Uni<Response> start(@PathParam("id") String id, JsonNode body) {
        var found = ReportCatalog.find(id);
        if (found.isEmpty()) {
            return Uni.createFrom().item(unknown(id));
        }
        ReportDefinition report = found.get();
        QueryParams params = new QueryParams();
        Map<String, String> raw = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            params.problem("body", "must be a JSON object of the report's parameters");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual()) {
                    raw.put(f.getKey(), f.getValue().textValue());
                } else {
                    params.problem(f.getKey().length() > 64 ? "body" : f.getKey(), "must be a string");
                }
            }
        }
        ReportParameters read = params.ok() ? ReportParameters.read(report, raw, params) : null;
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.start(report, read.given(), read.period(), read.venue(), identity.getPrincipal().getName()).map(started -> started.run() == null
                ? ProblemResponses.of(Problem.of(started.status(), started.status() == 409 ? "Conflict" : "Unprocessable Content",
                        started.refusal()))
                : Response.accepted(started.run()).location(URI.create("/api/v1/reports/runs/" + started.run().id())).build());
    }

    /** A page of runs, newest first, and the cursor of the next (null on the last). */
    public record RunPage(List<ReportRuns.RunView> items, String nextCursor) {
    }

    @GET
    @Path("runs")
    @Operation(summary = "The report runs, newest first, each with its status and package; cursor pages",
            description = "Packages are kept: every finished run stays listed and re-downloadable, never regenerated.")
    @APIResponse(responseCode = "200", description = "A page of runs, newest first",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportResource.RunPage.class)))
    public Uni<Response> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        int size = params.limit(limit, 50, 500);
        Long before = params.numberCursor(cursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.page(before, size + 1).map(rows -> {
            boolean more = rows.size() > size;
            List<ReportRuns.RunView> page = more ? rows.subList(0, size) : rows;
            return Response.ok(new RunPage(page, more ? Cursor.encode(String.valueOf(page.get(size - 1).id())) : null)).build();
        });
    }

    @GET
    @Path("runs/{runId}")
    @Operation(summary = "A run's status (RUNNING, DONE, FAILED), progress and, when done, its package's URL and SHA-256")
    @APIResponse(responseCode = "200", description = "The run and its progress",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportRuns.RunView.class)))
    public Uni<Response> run(@PathParam("runId") String runIdText) {
        QueryParams params = new QueryParams();
        Long runId = params.requiredInteger("runId", runIdText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.find(runId).map(found -> found.map(r -> Response.ok(r).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", "No report run " + runId + "."))));
    }

    @GET
    @Path("runs/{runId}/package")
    @Produces("application/zip")
    @Operation(summary = "A finished run's package: data files, dictionary, proofs, checkpoint, key and signed manifest")
    public Uni<Response> download(@PathParam("runId") String runIdText) {
        QueryParams params = new QueryParams();
        Long runId = params.requiredInteger("runId", runIdText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.download(runId).map(d -> d.zip() == null
                ? ProblemResponses.of(Problem.of(d.status(), switch (d.status()) {
                    case 404 -> "Not Found";
                    case 409 -> "Conflict";
                    default -> "Gone";
                }, d.refusal()))
                : Response.ok(d.zip().toFile()).type("application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + d.filename() + "\"").build());
    }

    private static Response unknown(String id) {
        return ProblemResponses.of(Problem.of(404, "Not Found", "No such report; the reports are " + ReportCatalog.IDS + "."));
    }
}
