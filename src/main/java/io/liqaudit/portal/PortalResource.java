package io.liqaudit.portal;

import io.liqaudit.disclosure.Period;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Identities;
import io.liqaudit.security.PortalSessions;
import io.liqaudit.security.Roles;
import io.liqaudit.security.SignIn;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The internal audit portal: sign-in, sign-out and its home page. The sign-in form is an
 * ordinary form with a CSRF token (checked by quarkus-rest-csrf before this code runs), so it
 * works in any browser whatever its referrer policy, and another site cannot sign anyone in.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance login(String message, String username);

        static native TemplateInstance home(String username, HomePage home);
    }

    private final SecurityIdentity identity;
    private final SignIn signIn;
    private final PortalSessions sessions;

    private final HomePages homePages;

    PortalResource(SecurityIdentity identity, SignIn signIn, PortalSessions sessions, HomePages homePages) {
        this.homePages = homePages;
        this.identity = identity;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    public Uni<Response> home(@QueryParam("period") String period, @QueryParam("venue") String venue) {
        QueryParams params = new QueryParams();
        Period p = null;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            params.problem("period", e.getMessage());
        }
        String v = venue == null || venue.isBlank() ? null : params.identifier("venue", venue);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return homePages.now(p, v).map(home -> Response.ok(Templates.home(identity.getPrincipal().getName(), home)).build());
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login() {
        return Templates.login(null, null);
    }

    /**
     * Signs in: a session row and its cookie, then the portal. A failure shows the form again with
     * what went wrong (401; no Basic challenge, so no browser dialog); a locked name or address, 429.
     */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Uni<Response> signIn(@RestForm String username, @RestForm String password, @Context HttpServerRequest request) {
        String from = Identities.remoteAddress(request);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Uni.createFrom().item(form(400, "Enter your user name and password.", null));
        }
        return signIn.attempt(username, password, from).chain(outcome -> {
            if (outcome instanceof SignIn.SignedIn s) {
                // Supervisors' pages are the reports; everyone else starts at the portal's home.
                String home = !s.account().roles().contains(Roles.AUDITOR) && s.account().roles().contains(Roles.REGULATOR)
                        ? "/reports" : "/portal";
                return sessions.open(s.account().username(), from).map(token -> Response.seeOther(URI.create(home))
                        .cookie(sessionCookie(token, -1)).build());
            }
            if (outcome instanceof SignIn.Locked l) {
                long seconds = Math.max(1, l.retryAfter().toSeconds());
                return Uni.createFrom().item(Response.fromResponse(form(429, "Too many failed sign-ins from here; try again in "
                        + seconds + " s.", username)).header("Retry-After", seconds).build());
            }
            return Uni.createFrom().item(form(401, "That name and password did not sign you in. After several failures "
                    + "sign-ins from this address are refused for a while.", username));
        });
    }

    /** Sign-out is a POST with a CSRF token, so another site cannot sign a user out; the session ends on the server. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.AUDITOR, Roles.INGESTOR, Roles.REGULATOR, Roles.RECONCILER, Roles.ADMIN, Roles.RULEKEEPER})
    public Uni<Response> logout(@Context HttpServerRequest request) {
        Cookie cookie = request.getCookie(PortalSessions.COOKIE);
        Uni<Void> ended = cookie == null ? Uni.createFrom().voidItem()
                : sessions.end(cookie.getValue(), PortalSessions.EndReason.SIGNED_OUT);
        return ended.map(v -> Response.seeOther(URI.create("/portal/login")).cookie(sessionCookie("", 0)).build());
    }

    private static Response form(int status, String message, String username) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(message, username != null && username.matches("[A-Za-z0-9._@-]{1,64}") ? username : null));
        if (status == 401) {
            // A 401 names a scheme; this one is the form above, which browsers do not answer with a dialog.
            answer.header("WWW-Authenticate", "Form realm=\"liquidation-audit portal\"");
        }
        return answer.build();
    }

    private static NewCookie sessionCookie(String token, int maxAge) {
        return new NewCookie.Builder(PortalSessions.COOKIE).value(token).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
