package io.liqaudit.reconciliation;

import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.CsvCells;
import io.liqaudit.platform.http.CsvAnswer;
import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * What a venue's finance and operations systems reconcile against: totals and breaks, each as of
 * a signed checkpoint, named in every answer ({@code asOf} picks an earlier one), in JSON or, with
 * {@code Accept: text/csv}, CSV (the checkpoint in the {@code Liqaudit-Checkpoint} header).
 */
@Path("/api/v1/reconciliation")
@RolesAllowed(Roles.RECONCILER)
public class ReconciliationResource {

    static final String CSV = "text/csv";
    private static final int MAX_BREAKS_PAGE = 1000;

    /** Totals and what they are consistent with. */
    public record TotalsAnswer(AsOf checkpoint, List<String> groupBy, List<Totals> groups) {
    }

    /** A page of breaks, the totals per field of the whole scope, and the cursor of the next page (null on the last). */
    public record BreaksAnswer(AsOf checkpoint, List<Break.FieldTotal> totalsByField, List<Break> items, String nextCursor) {
    }

    private final Checkpoints checkpoints;
    private final TotalsQueries totals;
    private final BreakQueries breaks;
    private final SecurityIdentity identity;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ReconciliationResource(Checkpoints checkpoints, TotalsQueries totals, BreakQueries breaks, SecurityIdentity identity,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.checkpoints = checkpoints;
        this.totals = totals;
        this.breaks = breaks;
        this.identity = identity;
    }

    @GET
    @Path("totals")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Totals as of a checkpoint, grouped by any of venue, symbol, fundId, day, month, policy, verdict",
            description = "groupBy: comma-separated (none: one total). Per group: events by verdict, notional (fills of "
                    + "replayable events), fees to the fund and to the venue, and each settlement figure as recomputed, as "
                    + "reported (over the events that reported it) and recomputed − reported; exact sums.")
    @APIResponse(responseCode = "200", description = "The answer, as of the checkpoint it names", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TotalsAnswer.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Bad parameters, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such checkpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too many groups: narrow the scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> totals(@BeanParam ReconciliationParams p, @QueryParam("groupBy") String groupBy,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        QueryParams params = new QueryParams();
        List<Grouping> by = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String name : groupBy.split(",", -1)) {
                Optional<Grouping> g = Grouping.named(name.trim());
                if (g.isEmpty() || by.contains(g.get())) {
                    params.problem("groupBy", "takes distinct names among venue, symbol, fundId, day, month, policy, verdict");
                    break;
                }
                by.add(g.get());
            }
        }
        Scope scope = p.scope(params, identity);
        Long asOf = p.asOf(params);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return asOfCheckpoint(asOf, cp -> totals.totals(cp, by, scope).map(groups -> {
            if (groups.size() > TotalsQueries.MAX_GROUPS) {
                return ProblemResponses.of(Problem.of(422, "Unprocessable Content", "More than " + TotalsQueries.MAX_GROUPS
                        + " groups: narrow the scope (from, to, venue) or group by less."));
            }
            return CsvAnswer.wanted(accept) ? csv(cp, totalsCsv(by, groups)).build()
                    : Response.ok(new TotalsAnswer(cp, by.stream().map(g -> g.parameter).toList(), groups))
                            .type(MediaType.APPLICATION_JSON).build();
        }));
    }

    /** A request's parameters read once, for the JSON and the CSV answer alike. */
    private record BreakRequest(QueryParams params, Scope scope, Long asOf, String field, int limit, long afterSequence,
            long afterPosition) {
    }

    private BreakRequest breakRequest(ReconciliationParams p, String fieldText, String limitText, String cursorText) {
        QueryParams params = new QueryParams();
        Scope scope = p.scope(params, identity);
        Long asOf = p.asOf(params);
        String field = BreakQueries.pattern(ReconciliationParams.field(params, fieldText));
        int limit = params.limit(limitText, 100, MAX_BREAKS_PAGE);
        long[] after = {-1, 0};
        if (cursorText != null) {
            try {
                List<String> parts = Cursor.decode(cursorText, 2).orElseThrow();
                after[0] = Long.parseLong(parts.get(0));
                after[1] = Long.parseLong(parts.get(1));
            } catch (RuntimeException e) {
                params.problem("cursor", Cursor.PROBLEM);
            }
        }
        return new BreakRequest(params, scope, asOf, field, limit, after[0], after[1]);
    }

    @GET
    @Path("breaks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every reported figure our recomputation disagrees with, as of a checkpoint, with totals by field",
            description = "A row per (event, field): reported, recomputed, recomputed − reported. Filters as the listing "
                    + "(venue, symbol, fundId, from, to) and field (totalFee, steps[2].fee, steps[*].fee); pages by cursor. "
                    + "With Accept: text/csv, every break of the scope in one streamed file.")
    @APIResponse(responseCode = "200", description = "The answer, as of the checkpoint it names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreaksAnswer.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such checkpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> breaks(@BeanParam ReconciliationParams p, @QueryParam("field") String field,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        BreakRequest q = breakRequest(p, field, limit, cursor);
        if (!q.params().ok()) {
            return Uni.createFrom().item(q.params().invalid());
        }
        return asOfCheckpoint(q.asOf(), cp -> breaks.page(cp, q.scope(), q.field(), q.afterSequence(), q.afterPosition(), q.limit() + 1)
                .chain(rows -> breaks.totalsByField(cp, q.scope(), q.field()).map(byField -> {
                    boolean more = rows.size() > q.limit();
                    List<Break> page = more ? rows.subList(0, q.limit()) : rows;
                    Break last = page.isEmpty() ? null : page.get(page.size() - 1);
                    return Response.ok(new BreaksAnswer(cp, byField, page, more ? Cursor.encode(String.valueOf(last.sequence()),
                            String.valueOf(last.position())) : null)).type(MediaType.APPLICATION_JSON).build();
                })));
    }

    /** What starts a streamed CSV: the checkpoint, or the problem that stops it before any row. */
    private record CsvStart(AsOf pinned, Response problem) {
    }

    @GET
    @Path("breaks")
    @Produces(CSV)
    @Operation(hidden = true)
    public Multi<String> breaksCsv(@BeanParam ReconciliationParams p, @QueryParam("field") String field) {
        BreakRequest q = breakRequest(p, field, null, null);
        Uni<CsvStart> start = !q.params().ok() ? Uni.createFrom().item(new CsvStart(null, q.params().invalid()))
                : asOfCheckpoint(q.asOf(), cp -> Uni.createFrom().item(Response.ok(cp).build()))
                        .map(r -> r.getEntity() instanceof AsOf cp ? new CsvStart(cp, null) : new CsvStart(null, r));
        return RestMulti.fromUniResponse(start, s -> s.problem() != null
                ? Multi.createFrom().item(problemText(s.problem()))
                : csvBody(s.pinned(), q), s -> s.problem() != null
                ? Map.of("Content-Type", List.of(Problem.MEDIA_TYPE))
                : Map.of("Liqaudit-Checkpoint", List.of(checkpointHeader(s.pinned())), "Content-Disposition",
                        List.of("attachment; filename=\"breaks-" + s.pinned().treeSize() + ".csv\"")),
                s -> s.problem() != null ? s.problem().getStatus() : 200);
    }

    private String problemText(Response problem) {
        try {
            return json.writeValueAsString(problem.getEntity());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    private Multi<String> csvBody(AsOf cp, BreakRequest q) {
        java.util.concurrent.atomic.AtomicReference<Break> after = new java.util.concurrent.atomic.AtomicReference<>();
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> breaks.page(cp, q.scope(), q.field(), after.get() == null ? -1 : after.get().sequence(),
                        after.get() == null ? 0 : after.get().position(), CsvExport.PAGE).invoke(page -> {
                            if (!page.isEmpty()) {
                                after.set(page.get(page.size() - 1));
                            }
                        }))
                .until(List::isEmpty)
                .map(page -> page.stream().map(ReconciliationResource::breakLine).collect(Collectors.joining()));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(BREAK_HEADER), rows);
    }

    /** Runs {@code answer} as of the asked checkpoint, the latest when none is asked; 404 when there is no such one. */
    private Uni<Response> asOfCheckpoint(Long treeSize, Function<AsOf, Uni<Response>> answer) {
        return (treeSize == null ? checkpoints.latest() : checkpoints.at(treeSize)).chain(cp -> cp.isPresent()
                ? answer.apply(AsOf.of(cp.get()))
                : Uni.createFrom().item(ProblemResponses.of(Problem.of(404, "Not Found", treeSize == null
                        ? "No signed checkpoint yet: one is signed within a checkpoint interval of the first event."
                        : "No signed checkpoint of tree size " + treeSize + "; GET /api/v1/ledger/checkpoint names the latest."))));
    }

    private static Response.ResponseBuilder csv(AsOf cp, Object body) {
        return Response.ok(body).type(CSV + "; charset=UTF-8").header("Liqaudit-Checkpoint", checkpointHeader(cp));
    }

    static String checkpointHeader(AsOf cp) {
        return "treeSize=" + cp.treeSize() + "; rootHash=" + cp.rootHash() + "; signedAt=" + cp.signedAt();
    }

    static String totalsCsv(List<Grouping> by, List<Totals> groups) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(by.stream().map(g -> g.parameter).toList());
        header.addAll(List.of("events", "consistent", "discrepant", "unverifiable", "notional", "feesToFund", "feesToVenue"));
        for (Figure f : Figure.values()) {
            header.addAll(List.of(f.field + "Recomputed", f.field + "Reported", f.field + "Difference"));
        }
        out.append(String.join(",", header)).append("\r\n");
        for (Totals t : groups) {
            List<String> cells = new ArrayList<>(t.key().values().stream().map(CsvCells::text).toList());
            cells.addAll(List.of(String.valueOf(t.events()), String.valueOf(t.consistent()), String.valueOf(t.discrepant()),
                    String.valueOf(t.unverifiable()), plain(t.notional()), plain(t.feesToFund()), plain(t.feesToVenue())));
            for (Totals.Sums s : t.figures().values()) {
                cells.addAll(List.of(plain(s.recomputed()), plain(s.reported()), plain(s.difference())));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static final String BREAK_HEADER = "sequence,position,venue,eventId,occurredAt,symbol,fundId,field,reported,recomputed,"
            + "difference\r\n";

    private static String breakLine(Break b) {
        return String.join(",", String.valueOf(b.sequence()), String.valueOf(b.position()), CsvCells.text(b.venue()),
                CsvCells.text(b.eventId()), b.occurredAt(), CsvCells.text(b.symbol()), CsvCells.text(b.fundId()),
                CsvCells.text(b.field()), CsvCells.text(b.reported()), CsvCells.text(b.recomputed()), plain(b.difference()))
                + "\r\n";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
