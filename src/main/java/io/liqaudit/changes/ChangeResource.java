package io.liqaudit.changes;

import io.liqaudit.platform.http.CsvAnswer;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The change feed: events recorded, and events a re-verification run revised, in one gap-free
 * order. A downstream system polls with the cursor of its last page; the cursor is a position in
 * the database, so it survives restarts of either side.
 */
@Path("/api/v1/reconciliation/changes")
@RolesAllowed(Roles.RECONCILER)
public class ChangeResource {

    private static final int MAX_PAGE = 1000;

    /** A page of changes and the cursor to poll from next (never null: an empty page says "nothing yet, ask again"). */
    public record ChangePage(List<ChangeQueries.Change> items, String nextCursor) {
    }

    private final ChangeQueries changes;

    ChangeResource(ChangeQueries changes) {
        this.changes = changes;
    }

    @GET
    @Operation(summary = "Changes after a cursor: events recorded and events revised by re-verification, in one gap-free order",
            description = "Without after: from the beginning; after=end: only what comes from now on. Each item names its "
                    + "kind (RECORDED, REVISED), the event (sequence, venue, eventId) and its verdict now.")
    @APIResponse(responseCode = "200", description = "The answer, as of the checkpoint it names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Produces({MediaType.APPLICATION_JSON, CsvAnswer.MEDIA_TYPE})
    public Uni<Response> page(@QueryParam("after") String afterText, @QueryParam("limit") String limitText,
            @HeaderParam("Accept") String accept) {
        QueryParams params = new QueryParams();
        int limit = params.limit(limitText, 100, MAX_PAGE);
        ChangeQueries.Position after = null;
        if (afterText != null && !afterText.equals("end")) {
            try {
                List<String> parts = Cursor.decode(afterText, 2).orElseThrow();
                after = new ChangeQueries.Position(Long.parseLong(parts.get(0)), Long.parseLong(parts.get(1)));
            } catch (RuntimeException e) {
                params.problem("after", Cursor.PROBLEM + " (or end)");
            }
        }
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        Uni<ChangeQueries.Page> page = "end".equals(afterText)
                ? changes.end().map(end -> new ChangeQueries.Page(List.of(), end))
                : changes.page(after == null ? new ChangeQueries.Position(1, 0) : after, limit);
        return page.map(p -> {
            String next = Cursor.encode(String.valueOf(p.next().batch()), String.valueOf(p.next().offset()));
            if (CsvAnswer.wanted(accept)) {
                return CsvAnswer.ok(CsvAnswer.of(List.of("position", "offset", "kind", "at", "runId", "sequence", "venue", "eventId",
                                "recordedAt", "verdict"), p.items().stream().map(c -> java.util.Arrays.<Object>asList(c.position(),
                                c.offset(), c.kind().name(), c.at(), c.runId(), c.sequence(), c.venue(), c.eventId(), c.recordedAt(),
                                c.verdict())).toList()))
                        .header("Liqaudit-Next-Cursor", next).build();
            }
            return Response.ok(new ChangePage(p.items(), next)).type(MediaType.APPLICATION_JSON).build();
        });
    }
}
