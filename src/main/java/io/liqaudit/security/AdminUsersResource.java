package io.liqaudit.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** User administration. Every change is written to the security log with who did it and from where. */
@Path("/api/v1/admin/users")
@RolesAllowed(Roles.ADMIN)
public class AdminUsersResource {

    static final String ROLE_PATTERN = "ingestor|auditor|regulator|reconciler|admin|rulekeeper";

    public record NewUser(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "1 to 64 of letters, digits and . _ @ -") String username,
            @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES) @FitsBcrypt String password,
            @NotEmpty Set<@Pattern(regexp = ROLE_PATTERN, message = "must be one of " + ROLE_PATTERN) String> roles) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    public record RoleChange(@NotEmpty Set<@Pattern(regexp = ROLE_PATTERN, message = "must be one of " + ROLE_PATTERN) String> roles) {
    }

    public record PasswordChange(@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES) @FitsBcrypt String password) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    public record UserView(String username, List<String> roles, boolean enabled) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), UserStore.sorted(a.roles()), a.enabled());
        }
    }

    private final UserStore users;
    private final SecurityLog log;
    private final VerifiedCredentials verified;
    private final SecurityIdentity identity;
    private final PortalSessions sessions;

    @Context
    HttpServerRequest request;

    AdminUsersResource(UserStore users, SecurityLog log, VerifiedCredentials verified, SecurityIdentity identity,
            PortalSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.log = log;
        this.verified = verified;
        this.identity = identity;
    }

    @GET
    public Uni<List<UserView>> list() {
        return users.list().map(all -> all.stream().map(UserView::of).toList());
    }

    @GET
    @Path("{username}")
    public Uni<UserView> get(@PathParam("username") String username) {
        return users.find(username).map(found -> found.map(UserView::of).orElseThrow(NotFoundException::new));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminUsersResource.UserView.class)))
    public Uni<Response> create(@Valid @NotNull NewUser user) {
        return hashOffTheEventLoop(user.password())
                .chain(hash -> users.create(user.username(), hash, user.roles()))
                .chain(created -> {
                    if (!created) {
                        return Uni.createFrom().failure(new ClientErrorException(
                                "A user of that name (in any letter case) exists already.", Response.Status.CONFLICT));
                    }
                    return audit(SecurityLog.Action.USER_CREATED, user.username(), "roles " + UserStore.sorted(user.roles()))
                            .map(v -> Response.created(URI.create("/api/v1/admin/users/" + user.username()))
                                    .entity(new UserView(user.username(), UserStore.sorted(user.roles()), true)).build());
                });
    }

    @PUT
    @Path("{username}/roles")
    public Uni<UserView> setRoles(@PathParam("username") String username, @Valid @NotNull RoleChange change) {
        return changed(keepingAnAdmin(users.setRoles(username, change.roles()), username), SecurityLog.Action.ROLES_SET,
                username, "roles " + UserStore.sorted(change.roles()));
    }

    @POST
    @Path("{username}/disable")
    public Uni<UserView> disable(@PathParam("username") String username) {
        return changed(keepingAnAdmin(users.setEnabled(username, false), username)
                        .call(found -> sessions.endAll(username, PortalSessions.EndReason.USER_DISABLED)),
                SecurityLog.Action.USER_DISABLED, username, null);
    }

    @POST
    @Path("{username}/enable")
    public Uni<UserView> enable(@PathParam("username") String username) {
        return changed(users.setEnabled(username, true), SecurityLog.Action.USER_ENABLED, username, null);
    }

    @PUT
    @Path("{username}/password")
    public Uni<UserView> rotatePassword(@PathParam("username") String username, @Valid @NotNull PasswordChange change) {
        return changed(hashOffTheEventLoop(change.password()).chain(hash -> users.setPasswordHash(username, hash))
                        .call(found -> sessions.endAll(username, PortalSessions.EndReason.PASSWORD_CHANGED)),
                SecurityLog.Action.PASSWORD_ROTATED, username, null);
    }

    /**
     * Runs a change that may take the admin role or the account away, refusing it (409) when it
     * would leave no enabled admin: then nobody could ever manage users again.
     */
    private Uni<Boolean> keepingAnAdmin(Uni<Boolean> change, String username) {
        return users.isLastEnabledAdmin(username).chain(last -> last
                ? Uni.createFrom().failure(new ClientErrorException("This is the last enabled admin: enable or make "
                        + "another admin first.", Response.Status.CONFLICT))
                : change);
    }

    private Uni<UserView> changed(Uni<Boolean> update, SecurityLog.Action action, String username, String detail) {
        return update.chain(found -> {
            if (!found) {
                return Uni.createFrom().failure(new NotFoundException());
            }
            verified.clear(); // a changed user must be checked afresh at the next request
            return audit(action, username, detail).chain(() -> get(username));
        });
    }

    private Uni<Void> audit(SecurityLog.Action action, String subject, String detail) {
        String from = Identities.remoteAddress(request);
        return log.append(identity.getPrincipal().getName(), action, subject, from, detail);
    }

    /**
     * bcrypt on a worker thread, then back on the caller's Vert.x context: the user repository
     * (Hibernate Reactive) must be used from the event loop.
     */
    private static Uni<String> hashOffTheEventLoop(String password) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<String> hashed = Uni.createFrom().item(() -> Passwords.hash(password))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? hashed : hashed.emitOn(command -> context.runOnContext(v -> command.run()));
    }
}
