package io.liqaudit.portal;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Template helpers for building links: a value as a query-string part. */
@TemplateExtension
final class UrlParts {

    private UrlParts() {
    }

    /** {@code steps[2].fee} → {@code steps%5B2%5D.fee}: safe in a query string whatever the value holds. */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
