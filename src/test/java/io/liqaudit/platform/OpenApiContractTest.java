package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.liquidation.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract a client can build against: a validator (swagger-parser)
 * reads it without a message; the event body is a real schema that every public vector's input
 * satisfies and that refuses what the service refuses (an unknown field, a decimal as a float
 * text, a missing field, a bad enum); every error answer is a problem detail; pages are HTML; and
 * no framework internals (Qute templates, Jackson trees) are among the schemas.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void aValidatorReadsTheDocumentWithoutAMessage() {
        String text = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text);
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getMessages()).as("validator messages").isEmpty();
    }

    @Test
    void everyErrorIsAProblemPagesAreHtmlAndNoInternalsShow() throws Exception {
        JsonNode doc = document();
        List<String> wrong = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = op.getValue().path("responses");
            boolean success = false;
            for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
                String status = it.next();
                success |= status.startsWith("2");
                JsonNode json = responses.path(status).path("content").path("application/json");
                if (status.startsWith("2") && !json.isMissingNode() && json.path("schema").isEmpty()
                        && !path.getKey().startsWith("/test-probe")) {
                    wrong.add(name + " " + status + " has no schema");
                }
                if ((status.startsWith("4") || status.startsWith("5"))
                        && !responses.path(status).path("content").path("application/problem+json").path("schema").path("$ref")
                        .asText().equals("#/components/schemas/Problem")) {
                    wrong.add(name + " " + status + " is not a problem detail");
                }
            }
            if (!success) {
                wrong.add(name + " has no success answer");
            }
        }));
        assertThat(wrong).isEmpty();
        for (String page : List.of("/disclosures", "/disclosures/insurance-fund", "/disclosures/quarterly",
                "/disclosures/register/{venue}/{eventId}", "/")) {
            assertThat(doc.path("paths").path(page).path("get").path("responses").path("200").path("content").has("text/html"))
                    .as(page + " is HTML").isTrue();
        }
        assertThat(doc.path("paths").path("/disclosures/{page}.csv").path("get").path("responses").path("200").path("content")
                .has("text/csv")).isTrue();
        List<String> schemas = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).doesNotContainAnyElementsOf(List.of("TemplateInstance", "Template", "JsonNode", "JsonNodeType",
                "SectionHelper", "ValueResolver", "EngineImpl", "Charset", "Locale", "AtomicLong"));
        assertThat(doc.path("paths").path("/api/v1/liquidations").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/LiquidationEvent");
        assertThat(doc.path("paths").path("/api/v1/liquidations").path("post").path("responses").has("201")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/liquidations").path("post").path("responses").has("503")).isTrue();
    }

    @Test
    void theEventSchemaTakesEveryVectorAndRefusesWhatTheServiceRefuses() throws Exception {
        JsonNode doc = document();
        int checked = 0;
        for (JsonNode event : TestEvents.all()) {
            assertThat(check(doc, ref("LiquidationEvent"), event, "$")).as(event.path("eventId").asText()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(81);
        com.fasterxml.jackson.databind.node.ObjectNode e = TestEvents.fresh("consistent#4");
        e.put("unknownField", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("position")).put("side", "UP").put("quantity", "1e3");
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("contract")).remove("lotSize");
        assertThat(check(doc, ref("LiquidationEvent"), e, "$")).containsExactlyInAnyOrder("$.unknownField is not a field",
                "$.position.side is not one of [LONG, SHORT]", "$.position.quantity does not match the pattern",
                "$.contract.lotSize is required");
    }

    /**
     * Every JSON body README.md sends with curl ({@code -d '{…}'}) is valid against the request
     * schema of the operation it is sent to (examples that elide parts with … are not JSON and are
     * skipped, and their number is bounded so that the check cannot pass by skipping them all).
     */
    @Test
    void everyReadmeRequestBodyIsValidAgainstTheDocument() throws Exception {
        JsonNode doc = document();
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md")).replace("\\\n", " ");
        java.util.regex.Matcher curl = Pattern.compile("curl ([^\n]*?)-d '([^']*)'([^\n]*)").matcher(readme);
        int checked = 0;
        int elided = 0;
        while (curl.find()) {
            String command = curl.group(1) + " " + curl.group(3);
            String body = curl.group(2);
            if (body.contains("…")) {
                elided++;
                continue;
            }
            java.util.regex.Matcher url = Pattern.compile("http://localhost:8080(/[^\s?'\"]*)").matcher(command);
            assertThat(url.find()).as("a URL in: " + command).isTrue();
            String method = command.contains("-X PUT") ? "put" : "post";
            String template = template(doc, url.group(1));
            assertThat(template).as("an operation for " + url.group(1)).isNotNull();
            JsonNode schema = doc.path("paths").path(template).path(method).path("requestBody").path("content")
                    .path("application/json").path("schema");
            assertThat(schema.isMissingNode()).as(method + " " + template + " takes a JSON body").isFalse();
            assertThat(check(doc, schema, JSON.readTree(body), "$")).as("README's body for " + method + " " + template).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
        assertThat(elided).isLessThanOrEqualTo(2);
    }

    /** The document's path template a concrete path is an instance of. */
    private static String template(JsonNode doc, String path) {
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            if (path.matches(t.replaceAll("\\{[^}]+\\}", "[^/]+").replace(".", "\\."))) {
                return t;
            }
        }
        return null;
    }

    private static JsonNode ref(String name) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /**
     * The subset of JSON Schema the document's request schemas use ($ref, type, properties,
     * required, additionalProperties false, items, enum, pattern, oneOf with null); its messages.
     */
    private static List<String> check(JsonNode doc, JsonNode schema, JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return check(doc, doc.path("components").path("schemas").path(name), value, at);
        }
        if (schema.has("oneOf")) {
            for (JsonNode option : schema.get("oneOf")) {
                if ((option.path("type").asText().equals("null") && value.isNull()) || (!value.isNull()
                        && !option.path("type").asText().equals("null") && check(doc, option, value, at).isEmpty())) {
                    return out;
                }
            }
            out.add(at + " matches none of its forms");
            return out;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(at + " is not an object");
                    return out;
                }
                JsonNode props = schema.path("properties");
                schema.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        out.add(at + "." + r.asText() + " is required");
                    }
                });
                value.fields().forEachRemaining(f -> {
                    if (props.has(f.getKey())) {
                        out.addAll(check(doc, props.get(f.getKey()), f.getValue(), at + "." + f.getKey()));
                    } else if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                        out.add(at + "." + f.getKey() + " is not a field");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(at + " is not an array");
                    return out;
                }
                for (int i = 0; i < value.size(); i++) {
                    out.addAll(check(doc, schema.path("items"), value.get(i), at + "[" + i + "]"));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(at + " is not an integer");
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(at + " is not a string");
                    return out;
                }
                if (schema.has("enum")) {
                    List<String> options = new ArrayList<>();
                    schema.get("enum").forEach(o -> options.add(o.asText()));
                    if (!options.contains(value.asText())) {
                        out.add(at + " is not one of " + options);
                    }
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                    out.add(at + " does not match the pattern");
                }
            }
            default -> {
            }
        }
        return out;
    }
}
