package io.liqaudit.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.evidence.InclusionCheck;
import io.liqaudit.fund.FundRegistry;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LeafContent;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.ledger.LedgerProofs;
import io.liqaudit.liquidation.FindingWords;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.rules.RulesView;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One published liquidation, for anyone: its published fields (never the account), what happened
 * in plain words (each step's fill and fee, where the residual went), its verdict with reasons, and
 * its inclusion proof to the latest signed checkpoint, checked on the spot by the offline
 * verifier's code and shown hash by hash. An event not yet past the register delay is answered
 * exactly like one that does not exist, so the page never tells of it early.
 */
@Path("/disclosures/register/{venue}/{eventId}")
@PermitAll
public class RegisterEntryResource {

    /** A step of the replay, as the page says it. */
    public record Step(String step, String quantity, String price, String fee, String remaining) {
    }

    /** The proof as people read it: leaf, audit path, checkpoint and its signed note, and whether it all checked out. */
    public record Proof(long sequence, String leafHash, List<String> auditPath, long treeSize, String rootHash, String note,
            boolean holds, String words) {
    }

    /**
     * The leaf's preimage as published (version-2 leaves only: it names no account, only a salted
     * commitment to it), its exact bytes as text, and whether they hash to the proven leaf.
     */
    public record Preimage(JsonNode content, String canonicalText, String leafHash, boolean matchesProof) {
    }

    /**
     * Everything a verifier needs about one published liquidation, in one file: the leaf's
     * preimage, its inclusion proof, the checkpoint that proof leads to, and the key said to sign it
     * (a careful verifier fetches the key on its own as well). {@code preimage} is null for a
     * version-1 leaf, whose preimage holds the account and is not published.
     */
    public record ProofDocument(String format, String leafSchema, JsonNode preimage, LedgerProofs.InclusionProof inclusion,
            io.liqaudit.ledger.LedgerResource.CheckpointView checkpoint, io.liqaudit.ledger.LedgerResource.PublicKeyView publicKey) {
    }

    /** The published record: what the register row shows and what the replay found. */
    public record Entry(String venue, String eventId, String symbol, String side, String marginMode, String occurredAt,
            String policy, String feeRecipient, String verdict, Figures figures, List<Step> steps, List<String> reasons,
            String fundId, String currency, RulesView.State rules) {
    }

    /** The replay's settlement figures, as text (null when it could not replay). */
    public record Figures(String outcome, String totalFee, String excessEquity, String traderReturn, String bankruptcyLoss,
            String adlShortfall, String insuranceFundDelta) {
    }

    @CheckedTemplate(basePath = "disclosures")
    static class Templates {
        static native TemplateInstance registerEntry(Entry entry, Proof proof, Preimage preimage, String delay);
    }

    private final LiquidationQueries events;
    private final InclusionCheck inclusion;
    private final LedgerProofs proofs;
    private final Checkpoints checkpoints;
    private final LiqauditConfig config;

    private final io.liqaudit.ledger.LedgerKeys keys;
    private final FundRegistry funds;

    RegisterEntryResource(LiquidationQueries events, InclusionCheck inclusion, LedgerProofs proofs, Checkpoints checkpoints,
            LiqauditConfig config, io.liqaudit.ledger.LedgerKeys keys, FundRegistry funds) {
        this.funds = funds;
        this.keys = keys;
        this.events = events;
        this.inclusion = inclusion;
        this.proofs = proofs;
        this.checkpoints = checkpoints;
        this.config = config;
    }

    @GET
    @Operation(summary = "One published liquidation (HTML): its fields, what happened, its verdict, its leaf's preimage and its proof checked")
    public Uni<Response> entry(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        return published(venue, eventId, stored -> funds.find(stored.input().path("insuranceFund").path("fundId").asText())
                .chain(fund -> inclusion.of(stored).chain(outcome -> proof(stored.sequence(), outcome))
                .map(proof -> Response.ok(Templates.registerEntry(entry(stored, fund.map(FundRegistry.Fund::currency).orElse(null)),
                        proof, preimage(stored, proof),
                        Formats.duration(config.disclosure().registerDelay())).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .build())));
    }

    @GET
    @Path("proof.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One published liquidation's proof document: leaf preimage, inclusion proof, checkpoint and key, for "
            + "the offline verifier (java -jar liqaudit-verifier.jar entry proof.json)")
    @APIResponse(responseCode = "200", description = "Preimage, inclusion proof, checkpoint and key in one document",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RegisterEntryResource.ProofDocument.class)))
    public Uni<Response> proofDocument(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        return published(venue, eventId, stored -> checkpoints.latest().chain(cp -> {
            if (cp.isEmpty() || cp.get().treeSize() <= stored.sequence()) {
                return Uni.createFrom().item(ProblemResponses.of(Problem.of(409, "Conflict", "The liquidation is not in a signed "
                        + "checkpoint yet; one is signed within a checkpoint interval.")));
            }
            Checkpoints.Stored c = cp.get();
            return proofs.inclusion(stored.sequence(), c.treeSize()).map(p -> Response.ok(new ProofDocument(
                    "liquidation-audit/register-proof/v1", stored.leafSchema(), publishedPreimage(stored), p,
                    new io.liqaudit.ledger.LedgerResource.CheckpointView(c.treeSize(), HexFormat.of().formatHex(c.rootHash()),
                            io.liqaudit.platform.Timestamps.format(c.createdAt()), c.note()),
                    new io.liqaudit.ledger.LedgerResource.PublicKeyView("Ed25519", keys.keyName(),
                            java.util.Base64.getEncoder().encodeToString(keys.keys().publicKey()))))
                    .header("Content-Disposition", "attachment; filename=\"proof-" + stored.sequence() + ".json\"").build());
        }));
    }

    /**
     * Answers for a published liquidation only: one not yet past the register delay gets the same
     * 404 as one that does not exist, so nothing tells of it early.
     */
    private Uni<Response> published(String venue, String eventId,
            java.util.function.Function<LiquidationQueries.StoredEvent, Uni<Response>> answer) {
        Instant publishedBefore = Instant.now().minus(config.disclosure().registerDelay());
        return events.find(venue, eventId).chain(found -> {
            Optional<LiquidationQueries.StoredEvent> e = found.filter(x -> Instant.parse(x.input().path("occurredAt").asText())
                    .isBefore(publishedBefore));
            if (e.isEmpty()) {
                return Uni.createFrom().item(ProblemResponses.of(Problem.of(404, "Not Found", "No published liquidation "
                        + venue + "/" + eventId + ": none is recorded, or it is not published yet (the register shows a "
                        + "liquidation once its publication delay has passed).")));
            }
            return answer.apply(e.get());
        });
    }

    /** The leaf's content as published: for a version-2 leaf (no account in it); null for version 1. */
    private static JsonNode publishedPreimage(LiquidationQueries.StoredEvent e) {
        if (e.accountSalt() == null) {
            return null;
        }
        return LeafContent.content(e.venue(), e.eventId(), e.recordedAt(), e.input(), HexFormat.of().parseHex(e.accountSalt()));
    }

    private static Preimage preimage(LiquidationQueries.StoredEvent e, Proof proof) {
        JsonNode content = publishedPreimage(e);
        if (content == null) {
            return null;
        }
        String leaf = HexFormat.of().formatHex(LeafContent.leafHashOf(content));
        return new Preimage(content, CanonicalJson.text(content), leaf, leaf.equals(proof.leafHash()));
    }

    private Uni<Proof> proof(long sequence, InclusionCheck.Outcome outcome) {
        if (outcome.treeSize() <= sequence) {
            return Uni.createFrom().item(new Proof(sequence, null, List.of(), 0, null, null, false, outcome.words()));
        }
        return checkpoints.at(outcome.treeSize()).chain(cp -> proofs.inclusion(sequence, outcome.treeSize()).map(p ->
                new Proof(sequence, p.leafHash(), p.auditPath(), outcome.treeSize(),
                        cp.map(c -> HexFormat.of().formatHex(c.rootHash())).orElse(null), cp.map(Checkpoints.Stored::note).orElse(null),
                        outcome.holds(), outcome.words())));
    }

    /** Only what the register publishes: no account reference, no reported figures beyond the differences the verdict names. */
    /** The published record; amounts in the fund's currency ({@code currency} null: no admin has stated it). */
    private static Entry entry(LiquidationQueries.StoredEvent e, String currency) {
        JsonNode in = e.input();
        JsonNode result = e.recomputation();
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : result.path("steps")) {
            steps.add(new Step(s.path("step").asText(), s.path("quantity").asText("–"), s.path("price").asText("–"),
                    s.path("fee").asText("–"), s.path("remainingQuantity").asText("–")));
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            reasons.add(FindingWords.words(f.path("code").asText()) + (f.has("step") ? " (step " + f.path("step").asText() + ")" : ""));
        }
        if (e.fundBalanceDiscontinuity()) {
            reasons.add(FindingWords.words("FUND_BALANCE_DISCONTINUITY"));
        }
        for (JsonNode r : result.path("unverifiableReasons")) {
            reasons.add("Could not be replayed: " + r.asText());
        }
        for (JsonNode f : e.rules().findings()) {
            reasons.add(FindingWords.words(f.path("code").asText()) + " (" + f.path("field").asText() + ": published "
                    + f.path("published").asText() + ", this liquidation " + f.path("event").asText() + ")");
        }
        Figures figures = result.has("outcome") ? new Figures(result.path("outcome").asText(), result.path("totalFee").asText(),
                result.path("excessEquity").asText(), result.path("traderReturn").asText(), result.path("bankruptcyLoss").asText(),
                result.path("adlShortfall").asText(), result.path("insuranceFundDelta").asText()) : null;
        return new Entry(e.venue(), e.eventId(), in.path("symbol").asText(), in.path("position").path("side").asText(),
                in.path("position").path("marginMode").asText(), in.path("occurredAt").asText(), in.path("policy").path("mode").asText(),
                in.path("policy").path("feeRecipient").asText(), e.verdict(), figures, steps, reasons,
                in.path("insuranceFund").path("fundId").asText(), currency == null ? "(currency not stated)" : currency,
                e.rules().state());
    }
}
