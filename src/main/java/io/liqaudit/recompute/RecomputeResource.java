package io.liqaudit.recompute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.eventjson.EngineResultJson;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The engine on one event, nothing stored: for venues and auditors checking an event by hand. */
@Path("/api/v1/engine/recompute")
@RolesAllowed({Roles.INGESTOR, Roles.AUDITOR, Roles.REGULATOR, Roles.RECONCILER, Roles.ADMIN, Roles.RULEKEEPER})
public class RecomputeResource {

    private final LiqauditConfig config;

    RecomputeResource(LiqauditConfig config) {
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute one liquidation event (ENGINE-SPEC section 2 in, section 10 out); nothing is stored",
            description = "Malformed input answers 400 naming each bad field by its JSON path; a well-formed event "
                    + "that cannot be replayed answers 200 with verdict UNVERIFIABLE and its reasons.")
    @APIResponse(responseCode = "200",
            description = "The engine's result for the event (the recomputation object of a stored event)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.OBJECT)))
    public Response recompute(JsonNode body) {
        EventJsonReader.Result read = EventJsonReader.read(body, Instant.now().plus(config.ingest().maxClockSkew()));
        if (!read.isValid()) {
            return ProblemResponses.of(Problem.invalid("The event is malformed.", read.problems()));
        }
        ObjectNode result = EngineResultJson.write(LiquidationEngine.replay(read.event()));
        return Response.ok(result).build();
    }
}
