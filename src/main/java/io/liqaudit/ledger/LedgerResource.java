package io.liqaudit.ledger;

import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public face of the log: anyone may check, without trusting us, that nothing recorded changed. */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LedgerResource {

    private static final HexFormat HEX = HexFormat.of();

    public record CheckpointView(long treeSize, String rootHash, String timestamp, String note) {
    }

    public record PublicKeyView(String algorithm, String keyName, String key) {
    }

    private final Checkpoints checkpoints;
    private final LedgerKeys keys;
    private final LedgerProofs proofs;

    LedgerResource(Checkpoints checkpoints, LedgerKeys keys, LedgerProofs proofs) {
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.proofs = proofs;
    }

    @GET
    @Path("checkpoint")
    @Operation(summary = "The latest signed checkpoint (C2SP signed note), or the one of ?treeSize=")
    @APIResponse(responseCode = "200", description = "The signed checkpoint",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerResource.CheckpointView.class)))
    public Uni<Response> checkpoint(@QueryParam("treeSize") String treeSizeText) {
        QueryParams params = new QueryParams();
        Long treeSize = params.integer("treeSize", treeSizeText, 0, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        // A public read never writes: checkpoints are signed by the scheduler alone, never on request.
        Uni<java.util.Optional<Checkpoints.Stored>> found = treeSize != null ? checkpoints.at(treeSize) : checkpoints.latest();
        return found.map(c -> c.map(cp -> Response.ok(new CheckpointView(cp.treeSize(), HEX.formatHex(cp.rootHash()),
                        Timestamps.format(cp.createdAt()), cp.note())).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", treeSize == null
                        ? "No checkpoint is signed yet; one is signed within a checkpoint interval of the first event."
                        : "No checkpoint of tree size " + treeSize + "."))));
    }

    @GET
    @Path("public-key")
    @Operation(summary = "The Ed25519 key that signs checkpoints (base64 of its 32 raw bytes)")
    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", keys.keyName(), Base64.getEncoder().encodeToString(keys.keys().publicKey()));
    }

    @GET
    @Path("proof/inclusion")
    @Operation(summary = "Audit path of leaf ?sequence= in the tree of size ?treeSize= (RFC 9162 §2.1.3)")
    @APIResponse(responseCode = "200", description = "The inclusion proof (RFC 9162)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerProofs.InclusionProof.class)))
    public Uni<Response> inclusion(@QueryParam("sequence") String sequenceText, @QueryParam("treeSize") String treeSizeText) {
        QueryParams params = new QueryParams();
        Long sequence = params.requiredInteger("sequence", sequenceText, 0, Long.MAX_VALUE);
        Long treeSize = params.requiredInteger("treeSize", treeSizeText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return size().chain(current -> {
            if (treeSize <= sequence || treeSize > current) {
                return Uni.createFrom().item(outOfTree(params, "sequence and treeSize must satisfy 0 ≤ sequence < treeSize ≤ "
                        + current + " (the current tree size)", "sequence", "treeSize"));
            }
            return proofs.inclusion(sequence, treeSize).map(proof -> Response.ok(proof).build());
        });
    }

    @GET
    @Path("proof/consistency")
    @Operation(summary = "Proof that the tree of size ?to= extends the tree of size ?from= (RFC 9162 §2.1.4)")
    @APIResponse(responseCode = "200", description = "The consistency proof (RFC 9162)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerProofs.ConsistencyProof.class)))
    public Uni<Response> consistency(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        QueryParams params = new QueryParams();
        Long from = params.requiredInteger("from", fromText, 1, Long.MAX_VALUE);
        Long to = params.requiredInteger("to", toText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return size().chain(current -> {
            if (to < from || to > current) {
                return Uni.createFrom().item(outOfTree(params, "from and to must satisfy 1 ≤ from ≤ to ≤ " + current
                        + " (the current tree size)", "from", "to"));
            }
            return proofs.consistency(from, to).map(proof -> Response.ok(proof).build());
        });
    }

    private Uni<Long> size() {
        return proofs.size();
    }

    /** Parameters that are numbers but do not fit the tree: each named, with the sizes that would. */
    private static Response outOfTree(QueryParams params, String message, String... names) {
        for (String name : names) {
            params.problem(name, message);
        }
        return params.invalid();
    }
}
