package io.liqaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A venue's published rules: its rule keeper publishes rule sets (append-only, effective-dated,
 * per symbol), and anyone reads them: the rules a venue says it applies are public.
 */
@Path("/api/v1/venues/{venue}/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final RuleSets ruleSets;
    private final SecurityIdentity identity;

    RuleSetResource(RuleSets ruleSets, SecurityIdentity identity) {
        this.ruleSets = ruleSets;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RULEKEEPER)
    @Operation(summary = "Publish a rule set: ruleVersion, effectiveFrom (effectiveTo), and per symbol the contract (with its quote "
            + "currency), risk tiers, policy and mark-price outlier band",
            description = "201 when published; 200 when the same rule set was published before; 409 when that ruleVersion is "
                    + "published with other content, or the period overlaps another rule set for one of its symbols; 400 "
                    + "naming each bad field, the spec's tier and policy rules included.")
    @APIResponse(responseCode = "200", description = "The rule set as published (201 when published now)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleSets.View.class)))
    public Uni<Response> publish(@PathParam("venue") String venue, JsonNode body) {
        List<FieldError> problems = new ArrayList<>();
        if (!InputRules.isIdentifier(venue)) {
            problems.add(new FieldError("venue", InputRules.IDENTIFIER_RULE));
        }
        RuleSetReader.Read read = RuleSetReader.read(body);
        problems.addAll(read.problems());
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The rule set is malformed; nothing was published.",
                    problems)));
        }
        RuleSet rules = read.ruleSet();
        URI location = URI.create("/api/v1/venues/" + venue + "/rule-sets/" + rules.ruleVersion());
        return ruleSets.publish(venue, rules, body, identity.getPrincipal().getName()).chain(published -> switch (published.outcome()) {
            case CREATED, UNCHANGED -> ruleSets.find(venue, rules.ruleVersion()).map(view -> (published.outcome() == RuleSets.Outcome.CREATED
                    ? Response.created(location) : Response.ok().location(location)).entity(view.orElseThrow()).build());
            case OTHER_CONTENT, OVERLAPS -> Uni.createFrom().item(ProblemResponses.of(Problem.of(409, "Conflict", published.detail())));
        });
    }

    @GET
    @PermitAll
    @Operation(summary = "A venue's published rule sets, by when they come into force (public)")
    @APIResponse(responseCode = "200", description = "Every rule set of the venue",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSets.View.class)))
    public Uni<List<RuleSets.View>> list(@PathParam("venue") String venue) {
        return ruleSets.ofVenue(venue);
    }

    @GET
    @Path("{ruleVersion}")
    @PermitAll
    @Operation(summary = "One published rule set, as published (public)")
    @APIResponse(responseCode = "200", description = "The rule set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleSets.View.class)))
    public Uni<Response> one(@PathParam("venue") String venue, @PathParam("ruleVersion") String ruleVersion) {
        return ruleSets.find(venue, ruleVersion).map(view -> view.map(v -> Response.ok(v).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", "No rule set " + ruleVersion + " of venue " + venue
                        + " is published."))));
    }
}
