package io.liqaudit.liquidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.recording.RecordStatus;
import io.liqaudit.security.Identities;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Records liquidation events (the venue's engine) and reads them back (auditors, reconcilers, regulators). */
@Path("/api/v1/liquidations")
@Produces(MediaType.APPLICATION_JSON)
public class LiquidationResource {

    private static final int MAX_PAGE = 500;

    /** The answer to a batch: one result per item, in order, and counts by status. */
    public record BatchResult(List<IngestService.ItemResult> results, Map<String, Long> counts) {
    }

    /** A page of events, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<EventSearchQueries.EventSummary> items, String nextCursor) {
    }

    private final IngestService ingest;
    private final LiquidationQueries queries;
    private final EventSearchQueries searches;
    private final SecurityIdentity identity;

    LiquidationResource(IngestService ingest, LiquidationQueries queries, EventSearchQueries searches,
            SecurityIdentity identity) {
        this.searches = searches;
        this.ingest = ingest;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGESTOR)
    @Operation(summary = "Record one liquidation event",
            description = "201 with Location when recorded; 200 with the same answer when the identical event (same venue, "
                    + "eventId and content, whatever the whitespace or key order) was recorded before; 409 when that "
                    + "identity was recorded with other content (nothing changes); 400 naming each bad field.")
    @Blocking // reading, replaying and hashing are CPU work: never on the I/O thread
    @APIResponse(responseCode = "200", description = "The stored event with its recomputation (201 when recorded now)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiquidationQueries.StoredEvent.class)))
    public Uni<Response> record(JsonNode event) {
        if (event == null) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The request body is empty.",
                    List.of(new FieldError("$", "must be a JSON object: the event")))));
        }
        Response outOfScope = outOfScope(List.of(event));
        if (outOfScope != null) {
            return Uni.createFrom().item(outOfScope);
        }
        return ingest.record(List.of(event), "$", who()).chain(results -> {
            IngestService.ItemResult r = results.get(0);
            return switch (r.status()) {
                case INVALID -> Uni.createFrom().item(
                        ProblemResponses.of(Problem.invalid("The event is malformed; nothing was recorded.", r.problems())));
                case CONFLICT -> Uni.createFrom().item(ProblemResponses.of(Problem.of(409, "Conflict",
                        "Event " + r.venue() + "/" + r.eventId() + " is already recorded (sequence " + r.sequence()
                                + ") with other content. Recorded events are never overwritten; the attempt is logged.")));
                default -> queries.find(r.venue(), r.eventId()).map(stored -> {
                    var body = stored.orElseThrow();
                    if (r.status() == RecordStatus.CREATED) {
                        return Response.created(location(r.venue(), r.eventId())).entity(body).build();
                    }
                    return Response.ok(body).location(location(r.venue(), r.eventId())).build();
                });
            };
        });
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGESTOR)
    @Operation(summary = "Record up to liqaudit.ingest.max-batch-size events: {\"events\": [...]}",
            description = "One result per item (created, duplicate, conflict, invalid with its problems); a bad item never "
                    + "blocks the others. The well-formed items are recorded in one transaction.")
    @Blocking // reading, replaying and hashing are CPU work: never on the I/O thread
    @APIResponse(responseCode = "200", description = "Each item's outcome, in order, and the counts",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiquidationResource.BatchResult.class)))
    public Uni<Response> recordBatch(JsonNode body) {
        JsonNode events = body == null || !body.isObject() ? null : body.get("events");
        List<FieldError> shape = new ArrayList<>();
        if (body == null || !body.isObject()) {
            shape.add(new FieldError("$", "must be a JSON object: {\"events\": [...]}"));
        } else {
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("events")) {
                    shape.add(new FieldError("$." + (InputRules.isIdentifier(name) ? name : "<unknown>"),
                            "is not a field of a batch"));
                }
            });
            if (events == null || !events.isArray()) {
                shape.add(new FieldError("$.events", "must be an array of events"));
            }
        }
        if (!shape.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The batch is malformed.", shape)));
        }
        if (events.size() > ingest.maxBatchSize()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The batch is too large.",
                    List.of(new FieldError("$.events", "at most " + ingest.maxBatchSize() + " events per batch")))));
        }
        List<JsonNode> items = new ArrayList<>(events.size());
        events.forEach(items::add);
        Response outOfScope = outOfScope(items);
        if (outOfScope != null) {
            return Uni.createFrom().item(outOfScope);
        }
        return ingest.record(items, "$.events[%d]", who()).map(results -> {
            Map<String, Long> counts = new TreeMap<>();
            for (RecordStatus status : RecordStatus.values()) {
                counts.put(status.wire(), results.stream().filter(r -> r.status() == status).count());
            }
            return Response.ok(new BatchResult(results, counts)).build();
        });
    }

    @GET
    @Path("{venue}/{eventId}")
    @RolesAllowed({Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR})
    @Operation(summary = "One recorded event: input as received, recomputations, verdict, findings, log sequence")
    @APIResponse(responseCode = "200", description = "The stored event, its leaf and every recomputation",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiquidationQueries.StoredEvent.class)))
    public Uni<Response> get(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        return visibleEvent(venue, eventId, e -> Response.ok(e).build());
    }

    /**
     * The stored event named in the path, answered as {@code answer} makes of it; 400 naming a bad
     * identifier, 404 when there is none — or when a venue's key asks for another venue's event:
     * for it, that event does not exist.
     */
    private Uni<Response> visibleEvent(String venue, String eventId,
            java.util.function.Function<LiquidationQueries.StoredEvent, Response> answer) {
        QueryParams params = new QueryParams();
        params.identifier("venue", venue);
        params.identifier("eventId", eventId);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        boolean visible = Identities.venueScope(identity).map(venue::equals).orElse(true);
        return (visible ? queries.find(venue, eventId) : Uni.createFrom().item(java.util.Optional.<LiquidationQueries.StoredEvent>empty()))
                .map(found -> found.map(answer)
                        .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found",
                                "No event " + venue + "/" + eventId + " is recorded."))));
    }

    @GET
    @Path("{venue}/{eventId}/trace")
    @RolesAllowed({Roles.AUDITOR, Roles.REGULATOR})
    @Operation(summary = "The replay of a recorded event explained: each quantity the engine computed, in ENGINE-SPEC's "
            + "words, with its formula, the numbers put into it and the result",
            description = "Recomputed from the stored input by the current engine (the same numbers as its recomputation). "
                    + "An UNVERIFIABLE event has no steps, only its reasons.")
    @APIResponse(responseCode = "200", description = "The replay explained, step by step",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EventTrace.class)))
    public Uni<Response> trace(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        return visibleEvent(venue, eventId, e -> Response.ok(EventTrace.of(e)).build());
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR})
    @Operation(summary = "Recorded events, filtered and sorted; cursor pagination stable while events arrive",
            description = "from is inclusive and to exclusive, both on occurredAt (RFC 3339 UTC). differingField names a "
                    + "reported field the recomputation disagrees with (totalFee, steps[2].fee, or steps[*].fee for any step). "
                    + "sort: recorded (log order, newest first; default), time (occurredAt, latest first) or amount "
                    + "(amount at stake = |recomputed insurance-fund delta|, largest first). Pass nextCursor as cursor for "
                    + "the next page.")
    @APIResponse(responseCode = "200", description = "A page of events and the cursor of the next",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiquidationResource.Page.class)))
    public Uni<Response> list(@BeanParam SearchParams search, @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        EventSearch s = search.search(params, Identities.venueScope(identity).orElse(null));
        int size = params.limit(limit, 100, MAX_PAGE);
        EventSearchQueries.Position after = search.position(params, s.sort());
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return searches.page(s, after, size).map(page -> Response.ok(new Page(page.items(),
                page.next() == null ? null : page.next().cursor())).build());
    }

    /** A venue's API key records its own venue's events only: any other makes the whole request a 403, nothing stored. */
    private Response outOfScope(List<JsonNode> items) {
        String scope = Identities.venueScope(identity).orElse(null);
        if (scope == null) {
            return null;
        }
        for (JsonNode item : items) {
            JsonNode venue = item == null ? null : item.get("venue");
            if (venue != null && venue.isTextual() && !venue.textValue().equals(scope)) {
                return ProblemResponses.of(Problem.of(403, "Forbidden", "This API key records events of venue " + scope
                        + " only; nothing was recorded."));
            }
        }
        return null;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    private static java.net.URI location(String venue, String eventId) {
        return UriBuilder.fromPath("/api/v1/liquidations/{venue}/{eventId}").build(venue, eventId);
    }
}
