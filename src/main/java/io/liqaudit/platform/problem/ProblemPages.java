package io.liqaudit.platform.problem;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The same problem, as a page, for a browser: a person who follows a stale link or types a bad
 * period gets a readable page with the status and each bad parameter, not a JSON document. Decided
 * by {@code Accept} alone: a client that asks for HTML above JSON (every browser's navigation
 * does) gets HTML; API clients (JSON, {@code *}{@code /*}, or no Accept) keep
 * {@code application/problem+json}.
 */
public class ProblemPages {

    @Inject
    @Location("problem.html")
    Template page;

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !wantsHtml(request.getHeaderString("Accept"))) {
            return;
        }
        Problem problem = response.getEntity() instanceof Problem p ? p
                : response.hasEntity() ? null : EmptyErrorBodies.problemFor(status);
        if (problem != null) {
            response.setEntity(page.data("problem", problem).render(), new Annotation[0],
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** Whether the Accept header ranks text/html above any JSON it names (and names it at all). */
    static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        // Quality values in thousandths (q=0.9 is 900): RFC 9110 allows at most three decimals.
        int html = -1;
        int json = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            int q = 1000;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        java.math.BigDecimal value = new java.math.BigDecimal(param.substring(2));
                        q = value.signum() <= 0 ? 0 : value.compareTo(java.math.BigDecimal.ONE) >= 0 ? 1000
                                : value.movePointRight(3).intValue();
                    } catch (NumberFormatException | ArithmeticException e) {
                        q = 0; // a quality no client sends: as if refused
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }
}
