package io.liqaudit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.LeafContent;
import io.liqaudit.ledger.SignedNote;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a report package offline, in one command, trusting only the public key (compare
 * {@code public-key.json} with the key the service publishes):
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.liqaudit.reports.PackageVerifier package.zip
 * </pre>
 * the manifest's signature; every file's SHA-256, size and row count against the manifest, and no
 * file missing or added; the checkpoint's signature and that it is the one the manifest pins;
 * every register row below the pinned tree size; and, for the proven sample, that each event's
 * content hashes to the row's leaf hash and its audit path leads to the signed root; for an
 * integrity attestation, each listed checkpoint and its consistency proof ({@link AttestationCheck}). Streams the
 * files (the proofs first, then only the sampled rows' leaves are kept): a package of any size
 * is checked in little memory. Prints {@code valid: …} and exits 0,
 * or {@code invalid: <what failed>} and exits 1.
 */
public final class PackageVerifier {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String ATTESTATION = "integrity-attestation.jsonl";

    /** The verdict and why. */
    public record Result(boolean valid, String reason) {
    }

    private record Seen(long bytes, long lines, String sha256, byte[] small, boolean eventRows) {
    }

    private PackageVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PackageVerifier PACKAGE.zip");
            System.exit(2);
        }
        Result r = check(Path.of(args[0]));
        System.out.println((r.valid() ? "valid: " : "invalid: ") + r.reason());
        System.exit(r.valid() ? 0 : 1);
    }

    public static Result check(Path zip) {
        try {
            Map<String, Seen> files = new HashMap<>();
            // The proofs come first in a package, so that reading the register keeps only the sampled rows' leaves.
            Map<Long, String> leafOfSequence = new HashMap<>();
            long[] maxSequence = {-1};
            String register = null;
            AttestationCheck attestation = null;
            try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    boolean isCsv = e.getName().endsWith(".csv");
                    if (isCsv) {
                        register = e.getName();
                    }
                    AttestationCheck lines = null;
                    if (e.getName().equals(ATTESTATION)) {
                        Seen key = files.get("public-key.json");
                        if (key == null) {
                            return invalid("public-key.json must come before " + ATTESTATION + " in the package");
                        }
                        JsonNode k = JSON.readTree(key.small());
                        attestation = new AttestationCheck(k.path("keyName").asText(),
                                Base64.getDecoder().decode(k.path("key").asText()));
                        lines = attestation;
                    }
                    Seen seen = read(in, isCsv, leafOfSequence, maxSequence, lines);
                    if (files.put(e.getName(), seen) != null) {
                        return invalid("the package holds " + e.getName() + " twice");
                    }
                    if (e.getName().equals("proofs.jsonl")) {
                        for (String line : new String(seen.small(), StandardCharsets.UTF_8).split("\n")) {
                            if (!line.isEmpty()) {
                                leafOfSequence.put(JSON.readTree(line).path("sequence").asLong(), "");
                            }
                        }
                    }
                }
            }
            for (String required : List.of("manifest.json", "manifest.sig", "checkpoint.json", "public-key.json",
                "proofs.jsonl", "dictionary.json")) {
                if (!files.containsKey(required)) {
                    return invalid("the package has no " + required);
                }
            }
            JsonNode key = JSON.readTree(files.get("public-key.json").small());
            byte[] publicKey = Base64.getDecoder().decode(key.path("key").asText());
            String keyName = key.path("keyName").asText();
            byte[] manifestBytes = files.get("manifest.json").small();
            String body = SignedNote.verifyBody(new String(files.get("manifest.sig").small(), StandardCharsets.UTF_8), keyName,
                    publicKey);
            if (!body.endsWith("/report-manifest\nsha256 " + ManifestNote.sha256(manifestBytes) + "\n")) {
                return invalid("manifest.json is not the manifest the signature covers");
            }
            JsonNode manifest = JSON.readTree(manifestBytes);
            List<String> listed = new ArrayList<>();
            for (JsonNode f : manifest.path("files")) {
                String name = f.path("name").asText();
                listed.add(name);
                Seen seen = files.get(name);
                if (seen == null) {
                    return invalid(name + " is listed in the manifest but missing");
                }
                if (!seen.sha256().equals(f.path("sha256").asText())) {
                    return invalid(name + " was changed: its SHA-256 is not the manifest's");
                }
                long rows = name.endsWith(".csv") ? seen.lines() - 1 : name.endsWith(".jsonl") ? seen.lines() : 0;
                if (seen.bytes() != f.path("bytes").asLong() || (rows != f.path("rows").asLong() && !name.endsWith(".json"))) {
                    return invalid(name + " has " + seen.bytes() + " bytes and " + rows + " rows; the manifest says "
                            + f.path("bytes").asLong() + " and " + f.path("rows").asLong());
                }
            }
            for (String name : files.keySet()) {
                if (!name.equals("manifest.json") && !name.equals("manifest.sig") && !listed.contains(name)) {
                    return invalid(name + " is in the package but not in the manifest");
                }
            }
            JsonNode checkpoint = JSON.readTree(files.get("checkpoint.json").small());
            SignedNote.Checkpoint signed = SignedNote.verify(checkpoint.path("note").asText(), keyName, publicKey);
            long treeSize = manifest.path("checkpoint").path("treeSize").asLong(-1);
            if (signed.treeSize() != treeSize || !manifest.path("checkpoint").path("note").asText()
                    .equals(checkpoint.path("note").asText())) {
                return invalid("the checkpoint is not the one the manifest pins");
            }
            if (maxSequence[0] >= treeSize) {
                return invalid("the register holds sequence " + maxSequence[0] + ", beyond the pinned tree of size " + treeSize);
            }
            int proven = 0;
            for (String line : new String(files.get("proofs.jsonl").small(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode p = JSON.readTree(line);
                long sequence = p.path("sequence").asLong();
                byte[] leaf = LeafContent.leafHashOf(p);
                if (!HEX.formatHex(leaf).equals(leafOfSequence.get(sequence))) {
                    return invalid("the register's leaf hash of sequence " + sequence + " is not the hash of its event");
                }
                List<byte[]> path = new ArrayList<>();
                p.path("auditPath").forEach(h -> path.add(HEX.parseHex(h.asText())));
                var failure = MerkleVerifier.whyInclusionFails(sequence, treeSize, leaf, path, signed.rootHash());
                if (failure.isPresent()) {
                    return invalid("sequence " + sequence + " is not a leaf of the pinned tree (" + failure.get() + ")");
                }
                proven++;
            }
            if (register != null && files.get(register).eventRows() && files.get(register).lines() > 1 && proven == 0) {
                return invalid("no register row is proven");
            }
            if (manifest.path("report").asText().equals("integrity-attestation") && attestation == null) {
                return invalid("the attestation has no " + ATTESTATION);
            }
            String attested = "";
            if (attestation != null) {
                var failure = attestation.failure(treeSize);
                if (failure.isPresent()) {
                    return invalid(failure.get());
                }
                attested = "; " + attestation.checkpoints() + " checkpoints signed and each proven to extend the one before";
            }
            return new Result(true, manifest.path("report").asText() + " run " + manifest.path("run").asLong() + ": "
                    + (register == null ? 0 : files.get(register).lines() - 1) + " rows, " + files.size()
                    + " files match the manifest signed by " + keyName + "; pinned to the signed tree of size " + treeSize
                    + "; " + proven + " sampled rows proven leaves of it" + attested);
        } catch (IOException | RuntimeException e) {
            return invalid("the package cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads one entry as a stream: its size, lines and SHA-256, its bytes when small (the JSON
     * files), and for the register CSV each row's (sequence, leaf hash), the first two columns.
     */
    private static Seen read(InputStream in, boolean registerCsv, Map<Long, String> leaves, long[] maxSequence,
            AttestationCheck jsonLines) throws IOException {
        MessageDigest d = ManifestNote.digest();
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        StringBuilder line = new StringBuilder();
        // The whole line as bytes (UTF-8), for a JSON Lines file checked row by row.
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        long bytes = 0;
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        boolean header = true;
        boolean quoted = false;
        boolean eventRows = false;
        for (int n = in.read(buf); n > 0; n = in.read(buf)) {
            d.update(buf, 0, n);
            bytes += n;
            if (small.size() < (4 << 20)) {
                small.write(buf, 0, n);
            }
            for (int i = 0; i < n; i++) {
                if (registerCsv && buf[i] == '"') {
                    // RFC 4180: a quoted cell may hold line breaks (a signed note does); "" inside toggles twice.
                    quoted = !quoted;
                }
                if (buf[i] == '\n' && !quoted) {
                    lines++;
                    if (registerCsv) {
                        if (header) {
                            // A report of events: its rows start with (sequence, leafHash).
                            eventRows = line.toString().startsWith("sequence,leafHash,");
                        } else if (eventRows) {
                            String[] cells = line.toString().split(",", 3);
                            long sequence = Long.parseLong(cells[0]);
                            if (leaves.containsKey(sequence)) {
                                leaves.put(sequence, cells[1]);
                            }
                            maxSequence[0] = Math.max(maxSequence[0], sequence);
                        }
                        header = false;
                    }
                    if (jsonLines != null) {
                        jsonLines.line(new String(whole.toByteArray(), StandardCharsets.UTF_8));
                        whole.reset();
                    }
                    line.setLength(0);
                } else {
                    if (registerCsv && line.length() < 200) {
                        line.append((char) buf[i]);
                    }
                    if (jsonLines != null && whole.size() < (1 << 20)) {
                        whole.write(buf[i]);
                    }
                }
            }
        }
        return new Seen(bytes, lines, HEX.formatHex(d.digest()), small.toByteArray(), eventRows);
    }

    private static Result invalid(String why) {
        return new Result(false, why);
    }
}
