package io.liqaudit.portal;

import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The internal audit portal: sign-in, sign-out and its home page. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    static final String SESSION_COOKIE = "liqaudit-session";

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance login(boolean failed);

        static native TemplateInstance home(String username);
    }

    private final SecurityIdentity identity;

    PortalResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    public TemplateInstance home() {
        return Templates.home(identity.getPrincipal().getName());
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    /** Sign-out is a POST with a CSRF token, so another site cannot sign a user out. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.AUDITOR, Roles.INGESTOR, Roles.REGULATOR, Roles.RECONCILER, Roles.ADMIN})
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).value("").build();
        return Response.seeOther(URI.create("/portal/login")).cookie(expired).build();
    }
}
