package io.liqaudit.platform.http;

import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemJson;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first look at every request, before any route: a request line too long to be a real
 * request is a 414, and a path or query parameter that holds a control character (NUL above
 * all: PostgreSQL cannot store it) or bytes that are not UTF-8 is a 400 naming it. So no hostile
 * text from a URL reaches a query, and every such refusal is a problem document.
 */
@ApplicationScoped
public class RequestGuard {

    /** Longest request target accepted; Vert.x reads lines up to quarkus.http.limits.max-initial-line-length. */
    static final int MAX_URI = 8192;

    void register(@Observes Router router) {
        router.route().order(-900).handler(this::check);
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_URI) {
            refuse(rc, Problem.of(414, "URI Too Long", "The request target is longer than " + MAX_URI + " characters."));
            return;
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (!isCleanText(decode(path, false))) {
            refuse(rc, invalid("path", "must be valid UTF-8 without control characters"));
            return;
        }
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (!isCleanText(name)) {
                    refuse(rc, invalid("query", "parameter names must be valid UTF-8 without control characters"));
                    return;
                }
                if (!isCleanText(value)) {
                    refuse(rc, invalid(name.length() > 64 ? name.substring(0, 64) : name,
                            "must be valid UTF-8 without control characters"));
                    return;
                }
            }
        }
        if (uri.startsWith("/api/") && !rc.request().headers().contains(HttpHeaders.CONTENT_TYPE) && hasNoBody(rc)) {
            // A body-less API call (curl -X POST …/disable) names no media type. The CSRF filter, there
            // for the portal's forms, would refuse it as a form without a token, yet no session reaches
            // the API (only Basic and API keys do), so there is no cross-site request to forge here.
            rc.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        rc.next();
    }

    private static boolean hasNoBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null && (length == null || length.trim().equals("0"));
    }

    private static Problem invalid(String parameter, String message) {
        return Problem.invalid("Invalid parameters.", java.util.List.of(new Problem.FieldError(parameter, message)));
    }

    private static void refuse(RoutingContext rc, Problem problem) {
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(ProblemJson.text(problem));
    }

    /** Percent-decodes strictly; null when the escapes are broken or the bytes are not UTF-8. */
    static String decode(String s, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null; // a raw non-ASCII character in a request line is not a valid URI
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isCleanText(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
