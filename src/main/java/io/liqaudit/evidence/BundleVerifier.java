package io.liqaudit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.eventjson.EngineResultJson;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.ledger.OfflineVerifier;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an evidence bundle offline, in one command, trusting nothing in it but the public key
 * (which the README says to compare with the published one):
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.liqaudit.evidence.BundleVerifier evidence.zip
 * </pre>
 * every file matches SHA256SUMS and none is missing or extra; the event is in the log as signed
 * ({@link OfflineVerifier}); the case, if any, is the event's; and the engine, replaying the
 * stored input, gives the stored recomputation of its version. Prints {@code valid: …} and exits
 * 0, or {@code invalid: <what failed>} and exits 1.
 */
public final class BundleVerifier {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();
    private static final List<String> REQUIRED = List.of("README.txt", "event.json", "trace.json", "inclusion-proof.json",
            "checkpoint.json", "public-key.json");

    private BundleVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BundleVerifier EVIDENCE.zip");
            System.exit(2);
        }
        OfflineVerifier.Result r = check(Files.readAllBytes(Path.of(args[0])));
        System.out.println((r.valid() ? "valid: " : "invalid: ") + r.reason());
        System.exit(r.valid() ? 0 : 1);
    }

    public static OfflineVerifier.Result check(byte[] zip) {
        try {
            Map<String, byte[]> files = BundleFiles.unzip(zip);
            String sums = sumsProblem(files);
            if (sums != null) {
                return new OfflineVerifier.Result(false, sums);
            }
            JsonNode event = JSON.readTree(files.get("event.json"));
            OfflineVerifier.Result logged = OfflineVerifier.check(event, JSON.readTree(files.get("inclusion-proof.json")),
                    JSON.readTree(files.get("checkpoint.json")), JSON.readTree(files.get("public-key.json")));
            if (!logged.valid()) {
                return logged;
            }
            if (files.containsKey("case.json")
                    && JSON.readTree(files.get("case.json")).path("eventSequence").asLong(-1) != event.path("sequence").asLong()) {
                return new OfflineVerifier.Result(false, "case.json is the case of another event");
            }
            String replay = replayProblem(event);
            if (replay != null) {
                return new OfflineVerifier.Result(false, replay);
            }
            return new OfflineVerifier.Result(true, logged.reason() + "; " + files.size() + " files match SHA256SUMS; "
                    + "the engine's replay (version " + LiquidationEngine.VERSION + ") gives the stored recomputation");
        } catch (IOException | RuntimeException e) {
            return new OfflineVerifier.Result(false, "the bundle cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Every file listed with its hash and every listed file present: an added, removed or changed file is named. */
    private static String sumsProblem(Map<String, byte[]> files) {
        byte[] sums = files.get(BundleFiles.SUMS);
        if (sums == null) {
            return "the bundle has no " + BundleFiles.SUMS;
        }
        Set<String> listed = new HashSet<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" {2}", 2);
            if (parts.length != 2) {
                return BundleFiles.SUMS + " has a line that is not 'hash  name'";
            }
            byte[] content = files.get(parts[1]);
            if (content == null) {
                return parts[1] + " is listed in " + BundleFiles.SUMS + " but missing";
            }
            if (!BundleFiles.sha256Hex(content).equals(parts[0])) {
                return parts[1] + " was changed: its SHA-256 is not the one in " + BundleFiles.SUMS;
            }
            listed.add(parts[1]);
        }
        for (String name : files.keySet()) {
            if (!name.equals(BundleFiles.SUMS) && !listed.contains(name)) {
                return name + " is in the bundle but not in " + BundleFiles.SUMS;
            }
        }
        for (String name : REQUIRED) {
            if (!listed.contains(name)) {
                return "the bundle has no " + name;
            }
        }
        return null;
    }

    /** The stored recomputation by this engine version must be what the engine gives now. */
    private static String replayProblem(JsonNode event) throws IOException {
        JsonNode stored = null;
        for (JsonNode r : event.path("recomputations")) {
            if (LiquidationEngine.VERSION.equals(r.path("engineVersion").asText())) {
                stored = r.path("output");
            }
        }
        if (stored == null) {
            return "the event has no recomputation by engine version " + LiquidationEngine.VERSION + " to compare with";
        }
        EventJsonReader.Result read = EventJsonReader.readStored(event.path("input"));
        if (!read.isValid()) {
            return stored.path("verdict").asText().equals("UNVERIFIABLE") ? null
                    : "the input does not read as an event, yet its recomputation is " + stored.path("verdict").asText();
        }
        EngineResult result = LiquidationEngine.replay(read.event());
        JsonNode replayed = JSON.readTree(EngineResultJson.write(result).toString());
        return replayed.equals(JSON.readTree(stored.toString())) ? null
                : "the engine's replay of the input differs from the stored recomputation";
    }
}
