package io.liqaudit.frontdoor;

import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.Timestamps;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The front door: what this service is, the log's latest signed checkpoint (or why it cannot be
 * shown), and the ways in: the public disclosures, the audit portal, supervisors' reports, the API.
 */
@Path("/")
@PermitAll
public class FrontDoorResource {

    /** The latest checkpoint as the page shows it; {@code problem} says why there is none to show. */
    public record Latest(Long treeSize, String rootHash, String signedAt, String problem) {
    }

    @CheckedTemplate(basePath = "frontdoor")
    static class Templates {
        static native TemplateInstance landing(Latest latest, String engineVersion);
    }

    private final Checkpoints checkpoints;

    FrontDoorResource(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The landing page (HTML): what this is, the latest signed checkpoint, links to disclosures, portal and API")
    public Uni<TemplateInstance> landing() {
        return checkpoints.latest()
                .map(cp -> cp.map(c -> new Latest(c.treeSize(), HexFormat.of().formatHex(c.rootHash()), Timestamps.format(c.createdAt()),
                        null)).orElse(new Latest(null, null, null, "No checkpoint has been signed yet: the log is empty.")))
                .onFailure(Checkpoints.Unverifiable.class).recoverWithItem(e -> new Latest(null, null, null,
                        "The latest checkpoint's signature does not verify with this service's key: " + e.getMessage()))
                .map(latest -> Templates.landing(latest, LiquidationEngine.VERSION));
    }
}
