package io.liqaudit.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.cases.CaseOpener;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.security.PortalForms;
import io.liqaudit.security.PortalSessions;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An evidence bundle, exported from the portal as an auditor does, holds what the issue lists,
 * verifies offline, is named by its SHA-256 in the case timeline; and the offline verifier
 * refuses a bundle with any file changed, added or removed, or re-summed around a change.
 */
@QuarkusTest
class EvidenceBundleTest {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    @Inject
    CaseOpener opener;

    /** Records a discrepant event, waits for a checkpoint to cover it, exports its bundle; answers (sha, zip). */
    private Map.Entry<String, byte[]> exportedBundle(ObjectNode event) throws Exception {
        long sequence = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(event.toString())
                .post("/api/v1/liquidations").then().statusCode(201).extract().jsonPath().getLong("sequence");
        opener.openAndClear().await().indefinitely();
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") <= sequence; i++) {
            Thread.sleep(100);
        }
        String session = PortalForms.session("t-auditor", "auditor-password-1");
        String eventPage = "/portal/events/" + event.get("venue").asText() + "/" + event.get("eventId").asText();
        PortalForms.Form form = PortalForms.loadForm(eventPage, session);
        Response exported = given().cookie(PortalSessions.COOKIE, session).cookie("liqaudit-csrf", form.csrfCookie())
                .redirects().follow(false).formParam("csrf-token", form.token()).post(eventPage + "/evidence");
        exported.then().statusCode(303);
        String location = exported.getHeader("Location");
        String sha = location.substring(location.lastIndexOf('/') + 1);
        String page = given().cookie(PortalSessions.COOKIE, session).get("/portal/evidence/" + sha).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<code id=\"sha256\">" + sha + "</code>");
        byte[] zip = given().cookie(PortalSessions.COOKIE, session).get("/portal/evidence/" + sha + ".zip").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        return Map.entry(sha, zip);
    }

    @Test
    void aBundleHoldsTheEvidenceVerifiesOfflineAndIsNamedInTheTimeline() throws Exception {
        ObjectNode event = TestEvents.fresh("defect:fee#13");
        Map.Entry<String, byte[]> bundle = exportedBundle(event);
        assertThat(BundleFiles.sha256Hex(bundle.getValue())).isEqualTo(bundle.getKey());
        Map<String, byte[]> files = BundleFiles.unzip(bundle.getValue());
        assertThat(files).containsOnlyKeys("README.txt", "event.json", "trace.json", "case.json", "inclusion-proof.json",
                "checkpoint.json", "public-key.json", "SHA256SUMS");
        assertThat(JSON.readTree(files.get("event.json")).get("eventId").asText()).isEqualTo(event.get("eventId").asText());
        assertThat(JSON.readTree(files.get("trace.json")).get("steps").size()).isPositive();
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("BundleVerifier");

        var verdict = BundleVerifier.check(bundle.getValue());
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        assertThat(verdict.reason()).contains("gives the stored recomputation");

        long caseId = JSON.readTree(files.get("case.json")).get("id").asLong();
        JsonNode timeline = JSON.readTree(TestUsers.as(Roles.AUDITOR).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().asString()).get("timeline");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("EVIDENCE");
        assertThat(last.get("detail").asText()).contains(bundle.getKey());
    }

    @Test
    void theVerifierRefusesEveryChange() throws Exception {
        Map<String, byte[]> files = BundleFiles.unzip(exportedBundle(TestEvents.fresh("consistent#2")).getValue());

        assertThat(refusal(changed(files, f -> f.put("event.json", replace(f.get("event.json"), "\"venue\"", "\"venue\" ")))))
                .contains("event.json was changed");
        assertThat(refusal(changed(files, f -> f.remove("trace.json")))).contains("trace.json is listed").contains("missing");
        assertThat(refusal(changed(files, f -> f.put("extra.txt", "x".getBytes(StandardCharsets.UTF_8)))))
                .contains("extra.txt is in the bundle but not in SHA256SUMS");
        // Changes with the sums made again to match: the proof, the signature or the replay catches each.
        assertThat(refusal(resummed(files, "event.json", t -> t.replace("\"accountRef\" : \"", "\"accountRef\" : \"x"))))
                .contains("does not hash to the proven leaf");
        assertThat(refusal(resummed(files, "checkpoint.json", t -> t.replaceFirst("\"treeSize\" : (\\d+)", "\"treeSize\" : 1$1"))))
                .contains("tree size");
        assertThat(refusal(resummed(files, "public-key.json", t -> t.replaceFirst("\"key\" : \"(.)", "\"key\" : \"A"))))
                .isNotEmpty();
        // The last totalFee of event.json is the stored recomputation's (after the input and the current one).
        assertThat(refusal(resummed(files, "event.json", t -> {
            Matcher fee = Pattern.compile("\"totalFee\" : \"([0-9.]+)\"").matcher(t);
            int at = -1;
            String found = null;
            while (fee.find()) {
                at = fee.start();
                found = fee.group(1);
            }
            return t.substring(0, at) + "\"totalFee\" : \"" + found + "1\"" + t.substring(at + ("\"totalFee\" : \"" + found + "\"").length());
        }))).contains("replay of the input differs from the stored recomputation");
        assertThat(refusal("not a zip".getBytes(StandardCharsets.UTF_8))).contains("no SHA256SUMS");
    }

    @Test
    void theSameFilesMakeTheSameBytes() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.json", "{}\n");
        files.put("README.txt", "hello\n");
        assertThat(BundleFiles.zip(files)).isEqualTo(BundleFiles.zip(new LinkedHashMap<>(files)));
    }

    private static String refusal(byte[] zip) {
        var r = BundleVerifier.check(zip);
        assertThat(r.valid()).as(r.reason()).isFalse();
        return r.reason();
    }

    private static byte[] replace(byte[] content, String from, String to) {
        return new String(content, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    /** The bundle's files changed by {@code change}, zipped with SHA256SUMS as it was (no longer matching). */
    private static byte[] changed(Map<String, byte[]> original, Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(original);
        change.accept(files);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The bundle with one file's text changed and SHA256SUMS made again to match, as a careful forger would. */
    private static byte[] resummed(Map<String, byte[]> original, String name,
            java.util.function.UnaryOperator<String> change) {
        Map<String, String> files = new LinkedHashMap<>();
        original.forEach((n, c) -> {
            if (!n.equals(BundleFiles.SUMS)) {
                files.put(n, new String(c, StandardCharsets.UTF_8));
            }
        });
        String before = files.get(name);
        files.put(name, change.apply(before));
        assertThat(files.get(name)).as("the change applies").isNotEqualTo(before);
        return BundleFiles.zip(files);
    }
}
