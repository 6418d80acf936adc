package io.liqaudit.portal;

import io.liqaudit.evidence.EvidenceBundles;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Evidence bundles in the portal: the event page's form exports one (POST with CSRF, since it
 * records the export) and lands on the bundle's page, which shows its SHA-256 and links the ZIP,
 * fetched by that hash, as often as needed.
 */
@Path("/portal")
@RolesAllowed(Roles.AUDITOR)
public class EvidencePages {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance evidence(String username, EvidenceBundles.Exported bundle);
    }

    private final EvidenceBundles bundles;
    private final SecurityIdentity identity;

    EvidencePages(EvidenceBundles bundles, SecurityIdentity identity) {
        this.bundles = bundles;
        this.identity = identity;
    }

    @POST
    @Path("events/{venue}/{eventId}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<Response> export(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        QueryParams params = new QueryParams();
        params.identifier("venue", venue);
        params.identifier("eventId", eventId);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return bundles.export(venue, eventId, identity.getPrincipal().getName()).map(found -> found
                .map(export -> export.bundle()
                        .map(b -> Response.seeOther(URI.create("/portal/evidence/" + b.sha256())).build())
                        .orElseGet(() -> Response.status(409).header("Retry-After", "5")
                                .entity("No bundle yet: " + export.notYet() + ".").build()))
                .orElseGet(() -> Response.status(404).entity("No event " + venue + "/" + eventId + ".").build()));
    }

    @GET
    @Path("evidence/{sha256}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@PathParam("sha256") String sha256) {
        Response bad = badHash(sha256);
        if (bad != null) {
            return Uni.createFrom().item(bad);
        }
        return bundles.find(sha256).map(found -> found
                .map(b -> Response.ok(Templates.evidence(identity.getPrincipal().getName(), b)).build())
                .orElseGet(EvidencePages::notFound));
    }

    @GET
    @Path("evidence/{sha256}.zip")
    @Produces("application/zip")
    public Uni<Response> zip(@PathParam("sha256") String sha256) {
        Response bad = badHash(sha256);
        if (bad != null) {
            return Uni.createFrom().item(bad);
        }
        return bundles.find(sha256).chain(found -> found.isEmpty() ? Uni.createFrom().item(notFound())
                : bundles.content(sha256).map(bytes -> Response.ok(bytes.orElseThrow())
                        .header("Content-Disposition", "attachment; filename=\"" + found.get().fileName() + "\"")
                        .build()));
    }

    private static Response badHash(String sha256) {
        QueryParams params = new QueryParams();
        if (!SHA256.matcher(sha256).matches()) {
            params.problem("sha256", "must be a SHA-256 in 64 lowercase hex digits");
            return params.invalid();
        }
        return null;
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No evidence bundle has this SHA-256.").build();
    }
}
