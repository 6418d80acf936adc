package io.liqaudit.security;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Users through Panache; every method runs in the caller's reactive session (see UserStore). */
@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUser> {

    public Uni<AppUser> byName(String username) {
        return find("username", username).firstResult();
    }

    /** Any user whose name equals this one in some letter case. */
    public Uni<AppUser> byNameInAnyCase(String username) {
        return find("lower(username) = lower(?1)", username).firstResult();
    }

    /** Enabled admins other than this user (users are few: filtered here rather than with array SQL in HQL). */
    public Uni<Long> enabledAdminsOtherThan(String username) {
        return list("enabled = true and username <> ?1", username)
                .map(users -> users.stream().filter(u -> java.util.Arrays.asList(u.roles).contains(Roles.ADMIN)).count());
    }
}
