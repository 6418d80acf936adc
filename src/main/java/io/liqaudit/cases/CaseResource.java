package io.liqaudit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Identities;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Cases as a REST resource, for a venue's ticketing system and the portal alike. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class CaseResource {

    private static final int MAX_PAGE = 500;
    private static final Set<String> FIELDS = Set.of("assignee", "comment", "outcome", "until");

    /** A page of cases, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<CaseView> items, String nextCursor) {
    }

    private final Cases cases;
    private final SecurityIdentity identity;

    CaseResource(Cases cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Cases, newest first, filtered by venue, state and assignee; cursor pages")
    @APIResponse(responseCode = "200", description = "A page of cases and the cursor of the next",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CaseResource.Page.class)))
    public Uni<Response> list(@QueryParam("venue") String venue, @QueryParam("state") String state,
            @QueryParam("assignee") String assignee, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        String scope = Identities.venueScope(identity).orElse(null);
        if (scope != null && venue != null && !venue.equals(scope)) {
            params.problem("venue", "this API key reads venue " + scope + " only");
        }
        String v = scope != null ? scope : params.identifier("venue", venue);
        CaseState s = params.constant("state", state, CaseState.class);
        String a = params.identifier("assignee", assignee);
        int size = params.limit(limit, 100, MAX_PAGE);
        Long before = params.numberCursor(cursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return cases.page(v, s, a, before, size + 1).map(rows -> {
            boolean more = rows.size() > size;
            List<CaseView> page = more ? rows.subList(0, size) : rows;
            String next = more ? Cursor.encode(String.valueOf(page.get(page.size() - 1).id())) : null;
            return Response.ok(new Page(page, next)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A case with its timeline: every action, who took it and when, the state before and after")
    @APIResponse(responseCode = "200", description = "The case with its timeline",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> get(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return cases.find(id).map(found -> found.filter(this::visible).map(c -> Response.ok(c).build())
                .orElseGet(() -> notFound(id)));
    }

    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Act on a case: assign, comment, investigate, propose, approve, reject, snooze",
            description = "Body {assignee, comment, outcome, until}, each where the action uses it ({} otherwise): assign "
                    + "names the assignee, propose the outcome (CONFIRMED_BREACH, VENUE_EXPLAINED, ENGINE_OR_DATA_ISSUE, "
                    + "FALSE_POSITIVE), snooze the time until. Four eyes: who proposed cannot approve. A transition the "
                    + "rules forbid is a 409 that says why; every action is appended to the case's timeline.")
    @APIResponse(responseCode = "200", description = "The case after the action",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> act(@PathParam("id") String idText, @PathParam("action") String actionText, JsonNode body) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        CaseAction action = CaseAction.ofPath(actionText);
        if (action == null) {
            params.problem("action", "must be one of assign, comment, investigate, propose, approve, reject, snooze");
        }
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        JsonFields f = new JsonFields(InputRules.END);
        if (body == null || !body.isObject()) {
            f.problem("$", "must be a JSON object ({} when the action needs nothing)");
        } else {
            f.onlyKnown(new JsonFields.At(body, "$"), FIELDS);
        }
        String assignee = body == null ? null : f.identifier(body, "$", "assignee", action == CaseAction.ASSIGN);
        String comment = body == null ? null : f.text(body, "$", "comment", action == CaseAction.COMMENT, 2000);
        CaseOutcome outcome = body == null ? null : f.enumValue(body, "$", "outcome", CaseOutcome.class,
                action == CaseAction.PROPOSE);
        Instant until = body == null ? null : f.timestamp(body, "$", "until", action == CaseAction.SNOOZE);
        if (!f.ok()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The action's body is malformed.", f.problems())));
        }
        return cases.find(id).chain(found -> {
            if (found.filter(this::visible).isEmpty()) {
                return Uni.createFrom().item(notFound(id));
            }
            return cases.act(id, action, identity.getPrincipal().getName(), new Cases.Request(assignee, comment, outcome,
                            until == null ? null : until.atOffset(ZoneOffset.UTC)))
                    .map(acted -> acted.refusal() != null
                            ? ProblemResponses.of(Problem.of(409, "Conflict", "Case " + id + ": " + acted.refusal() + "."))
                            : Response.ok(acted.found().orElseThrow()).build());
        });
    }

    /** A venue's key sees its own venue's cases only; others do not exist for it. */
    private boolean visible(CaseView c) {
        return Identities.venueScope(identity).map(c.venue()::equals).orElse(true);
    }

    private static Response notFound(long id) {
        return ProblemResponses.of(Problem.of(404, "Not Found", "No case " + id + "."));
    }
}
