package io.liqaudit.changes;

import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The change feed: events recorded, and events a re-verification run revised, in one gap-free
 * order. A downstream system polls with the cursor of its last page; the cursor is a position in
 * the database, so it survives restarts of either side.
 */
@Path("/api/v1/reconciliation/changes")
@RolesAllowed(Roles.RECONCILER)
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<Response> page(@QueryParam("after") String afterText, @QueryParam("limit") String limitText) {
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
        return page.map(p -> Response.ok(new ChangePage(p.items(), Cursor.encode(String.valueOf(p.next().batch()),
                String.valueOf(p.next().offset())))).build());
    }
}
