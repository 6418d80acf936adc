package io.liqaudit.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * API keys for machine clients, managed by admins: created (the key is shown once), listed
 * (never with the key), revoked at once, rotated (a new key, the old one revoked). A key has one
 * role and optionally a venue: a venue's ingest key records only that venue's events.
 */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminApiKeysResource {

    private static final Set<String> FIELDS = Set.of("name", "role", "venue", "expiresAt");

    /** A new key: its id and, this once, the key itself. */
    public record Created(String id, String key, String name, String role, String venue, OffsetDateTime expiresAt) {
    }

    private final ApiKeys keys;
    private final SecurityLog log;
    private final SecurityIdentity identity;

    @Context
    HttpServerRequest request;

    AdminApiKeysResource(ApiKeys keys, SecurityLog log, SecurityIdentity identity) {
        this.keys = keys;
        this.log = log;
        this.identity = identity;
    }

    private record NewKey(String name, String role, String venue, OffsetDateTime expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key: {name, role, venue?, expiresAt?}; answers 201 {id, key}, the key shown only now")
    @APIResponse(responseCode = "201", description = "The new key: its secret is shown this once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminApiKeysResource.Created.class)))
    public Uni<Response> create(JsonNode body) {
        JsonFields f = new JsonFields(InputRules.END);
        if (body == null || !body.isObject()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The key is malformed.",
                    List.of(new Problem.FieldError("$", "must be a JSON object: {name, role, venue?, expiresAt?}")))));
        }
        f.onlyKnown(new JsonFields.At(body, "$"), FIELDS);
        String name = f.text(body, "$", "name", true, 100);
        String role = f.text(body, "$", "role", true, 20);
        if (role != null && !Roles.isKnown(role)) {
            f.problem("$.role", "must be one of " + Roles.ALL);
        }
        String venue = f.identifier(body, "$", "venue", false);
        Instant expires = f.timestamp(body, "$", "expiresAt", false);
        if (expires != null && !expires.isAfter(Instant.now())) {
            f.problem("$.expiresAt", "must be in the future");
        }
        if (!f.ok()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The key is malformed.", f.problems())));
        }
        NewKey k = new NewKey(name, role, venue, expires == null ? null : expires.atOffset(ZoneOffset.UTC));
        return issue(k, SecurityLog.Action.API_KEY_CREATED, null);
    }

    @GET
    @Operation(summary = "Every API key, active and revoked, without its secret")
    public Uni<List<ApiKeys.KeyView>> list() {
        return keys.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return keys.revoke(id, who(), null).chain(revoked -> revoked
                ? audit(SecurityLog.Action.API_KEY_REVOKED, id, null).map(v -> Response.noContent().build())
                : Uni.createFrom().item(notFound(id)));
    }

    @POST
    @Path("{id}/rotate")
    @Operation(summary = "Replace a key: a new key (201 {id, key}) with the same name, role and venue; the old one revoked")
    @APIResponse(responseCode = "201", description = "The replacing key: its secret is shown this once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminApiKeysResource.Created.class)))
    public Uni<Response> rotate(@PathParam("id") String id) {
        return keys.find(id).chain(found -> {
            if (found.isEmpty() || found.get().revokedAt() != null) {
                return Uni.createFrom().item(notFound(id));
            }
            ApiKeys.KeyView old = found.get();
            return issue(new NewKey(old.name(), old.role(), old.venue(), old.expiresAt()), SecurityLog.Action.API_KEY_ROTATED, id);
        });
    }

    private Uni<Response> issue(NewKey k, SecurityLog.Action action, String replacing) {
        return keys.issue(k.name(), k.role(), k.venue(), k.expiresAt(), who())
                .call(issued -> replacing == null ? Uni.createFrom().voidItem()
                        : keys.revoke(replacing, who(), issued.id()).replaceWithVoid())
                .call(issued -> audit(action, issued.id(), "role " + k.role() + (k.venue() == null ? "" : ", venue " + k.venue())
                        + (replacing == null ? "" : ", replaces " + replacing)))
                .map(issued -> Response.created(URI.create("/api/v1/admin/api-keys/" + issued.id()))
                        .entity(new Created(issued.id(), issued.key(), k.name(), k.role(), k.venue(), k.expiresAt())).build());
    }

    private static Response notFound(String id) {
        return ProblemResponses.of(Problem.of(404, "Not Found", "No active API key " + (InputRules.isIdentifier(id) ? id : "") + "."));
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    private Uni<Void> audit(SecurityLog.Action action, String subject, String detail) {
        String from = Identities.remoteAddress(request);
        return log.append(who(), action, subject, from, detail);
    }
}
