package io.liqaudit.platform.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document the contract clients build against, where annotations alone cannot:
 * request bodies the resources read as raw JSON get the schemas of META-INF/openapi.yaml (the
 * event as ENGINE-SPEC defines it, a batch, a fund movement, a fund registration); every error
 * answer is {@code application/problem+json} with the Problem schema, and the errors each kind of
 * operation can give are listed; HTML pages are {@code text/html} and CSV {@code text/csv}; and
 * nothing of the framework (Qute templates, Jackson trees) is left among the schemas: what no
 * operation reaches is removed. Registered with {@code mp.openapi.filter}.
 */
public class OpenApiContract implements OASFilter {

    private static final String REF = "#/components/schemas/";
    private static final String PROBLEM = "application/problem+json";

    /** Request bodies read as raw JSON, by method and path: the schema each one is. */
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/liquidations", "LiquidationEvent",
            "POST /api/v1/liquidations/batch", "LiquidationBatch",
            "POST /api/v1/engine/recompute", "LiquidationEvent",
            "POST /api/v1/insurance-funds/{fundId}/movements", "FundMovementRequest",
            "PUT /api/v1/insurance-funds/{fundId}", "FundRegistration",
            "POST /api/v1/venues/{venue}/rule-sets", "RuleSetDocument");

    /** Answers the annotations cannot know, by method and path: status and what it means. */
    private static final Map<String, Map<String, String>> ANSWERS = Map.ofEntries(
            Map.entry("POST /api/v1/liquidations", ordered("201", "Recorded now (Location: the event)", "200",
                    "The identical event was recorded before: the same answer again", "409",
                    "This venue and eventId are recorded with other content; nothing changed", "503",
                    "Ingest is at capacity; nothing was recorded: send it again after Retry-After")),
            Map.entry("POST /api/v1/liquidations/batch", ordered("200", "Each item's outcome (created, duplicate, conflict or "
                    + "invalid)", "503", "Ingest is at capacity; nothing was recorded: send it again after Retry-After")),
            Map.entry("POST /api/v1/insurance-funds/{fundId}/movements", ordered("201", "Recorded now", "200",
                    "The identical movement was recorded before", "409",
                    "This movementId is recorded with other content; nothing changed")),
            Map.entry("PUT /api/v1/insurance-funds/{fundId}", ordered("201", "Registered now", "200",
                    "Registered before (its currency stated now, or the same)", "409", "The fund is registered in another currency")),
            Map.entry("POST /api/v1/venues/{venue}/rule-sets", ordered("201", "Published now (Location: the rule set)", "200",
                    "The same rule set was published before", "409", "That ruleVersion is published with other content, or the "
                            + "period overlaps another rule set for one of its symbols")),
            Map.entry("POST /api/v1/cases/{id}/{action}", ordered("409", "The case's state does not allow this action")),
            Map.entry("POST /api/v1/reconciliation/matches", ordered("409", "No signed checkpoint yet to match against")),
            Map.entry("POST /api/v1/admin/users", ordered("409", "A user of that name exists already")),
            Map.entry("PUT /api/v1/admin/users/{username}/roles", ordered("409", "It would leave no enabled admin")),
            Map.entry("POST /api/v1/admin/users/{username}/disable", ordered("409", "It would leave no enabled admin")),
            Map.entry("GET /disclosures/register/{venue}/{eventId}/proof.json", ordered("409",
                    "The liquidation is not in a signed checkpoint yet")),
            Map.entry("POST /portal/events/{venue}/{eventId}/evidence", ordered("409",
                    "The event is not in a signed checkpoint yet: try again after Retry-After")),
            Map.entry("POST /portal/cases/{id}/{action}", ordered("409", "The case's state does not allow this action")));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) ->
                operation(method.name() + " " + path, path, op)));
        removeUnreached(api);
    }

    private static void operation(String key, String path, Operation op) {
        if (BODIES.containsKey(key)) {
            op.setRequestBody(OASFactory.createRequestBody().required(true).content(content("application/json",
                    ref(BODIES.get(key)))));
        } else if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            // Other raw JSON bodies (report parameters, case actions) are objects whose fields the operation names.
            // and a JSON body read as text to stream it (a statement to match) is still a JSON object, not a string.
            op.getRequestBody().getContent().getMediaTypes().forEach((type, m) -> {
                boolean tree = m.getSchema() != null && (REF + "JsonNode").equals(m.getSchema().getRef());
                boolean text = type.equals("application/json") && m.getSchema() != null && m.getSchema().getType() != null
                        && m.getSchema().getType().contains(Schema.SchemaType.STRING);
                if (tree || text) {
                    m.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
                }
            });
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        Map<String, String> answers = ANSWERS.getOrDefault(key, Map.of());
        if (answers.keySet().stream().anyMatch(s -> s.startsWith("2"))) {
            APIResponse ok = responses.getAPIResponse("200");
            answers.forEach((status, description) -> {
                if (status.startsWith("2") && responses.getAPIResponse(status) == null) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                            .content(ok == null ? null : ok.getContent()));
                } else if (status.startsWith("2")) {
                    responses.getAPIResponse(status).description(description);
                }
            });
        }
        String kind = kind(path);
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null && !kind.equals("application/json")) {
            Set<String> types = ok.getContent() == null || ok.getContent().getMediaTypes() == null ? Set.of()
                    : ok.getContent().getMediaTypes().keySet();
            if (types.isEmpty() || types.contains("application/json")) {
                // The scanner took a page's template (or a Response) for JSON.
                ok.setContent(content(kind, OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            } else {
                ok.getContent().getMediaTypes().forEach((type, media) -> {
                    if (type.startsWith("text/")) {
                        media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                    }
                });
            }
        }
        boolean takesInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (takesInput) {
            error(responses, "400", "The request is malformed: each bad field or parameter is named");
        }
        if (path.contains("{")) {
            error(responses, "404", "Nothing answers to this path");
        }
        if (op.getRequestBody() != null) { // platform/http/BodySizeLimit, and JAX-RS's own content negotiation
            error(responses, "411", "The body has no length; nothing was read");
            error(responses, "413", "The body is larger than the limit; nothing was read");
            error(responses, "415", "The body is not of a type this operation reads");
        }
        error(responses, "500", "An unexpected failure; the problem's incident id is in the service's log");
        answers.forEach((status, description) -> {
            if (!status.startsWith("2")) {
                error(responses, status, description);
            }
        });
        // Every error, whatever added it, is a problem detail.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(content(PROBLEM, ref("Problem")));
            }
        });
    }

    /** What a path's pages are: the public pages, the portal and the report pages are HTML; their CSV, CSV. */
    private static String kind(String path) {
        if (path.endsWith(".csv")) {
            return "text/csv";
        }
        if (path.endsWith(".zip") || path.endsWith("/package")) {
            return "application/zip";
        }
        if (path.endsWith(".jar")) {
            return "application/java-archive";
        }
        if (path.endsWith(".json")) {
            return "application/json";
        }
        boolean html = path.equals("/") || path.startsWith("/disclosures") || path.startsWith("/portal")
                || path.startsWith("/reports");
        return html ? "text/html" : "application/json";
    }

    private static void error(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content content(String mediaType, Schema schema) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType(mediaType, media);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(REF + name);
    }

    /**
     * Removes the schemas no operation reaches: what the scanner found in the framework's types
     * (templates, JSON trees) and nothing answers with; a reference to the JSON tree type becomes
     * "any JSON value".
     */
    private static void removeUnreached(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> reached = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> push(todo, m.getSchema()));
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().getMediaTypes().values().forEach(m -> push(todo, m.getSchema())));
                }
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> push(todo, p.getSchema()));
                }
            }
        }
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(REF)) {
                String name = s.getRef().substring(REF.length());
                if (name.equals("JsonNode")) {
                    s.setRef(null); // any JSON value: the stored input and outputs, whose shape the event schema gives
                } else if (reached.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(p -> push(todo, p));
            }
            push(todo, s.getItems());
            push(todo, s.getAdditionalPropertiesSchema());
            for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems())) {
                if (list != null) {
                    list.forEach(x -> push(todo, x));
                }
            }
        }
        Map<String, Schema> kept = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (reached.contains(name)) {
                kept.put(name, schema);
            }
        });
        api.getComponents().setSchemas(kept);
    }

    private static void push(Deque<Schema> todo, Schema s) {
        if (s != null) {
            todo.push(s);
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
