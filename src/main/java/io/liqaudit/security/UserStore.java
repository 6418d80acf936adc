package io.liqaudit.security;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Users (table {@code app_user}) through their Panache repository: CRUD-shaped state. Each method
 * opens its own reactive session (or transaction, for changes), so callers need none.
 */
@ApplicationScoped
public class UserStore {

    private final AppUserRepository users;

    UserStore(AppUserRepository users) {
        this.users = users;
    }

    public Uni<Optional<UserAccount>> find(String username) {
        return Panache.withSession(() -> users.byName(username)).map(u -> Optional.ofNullable(u).map(AppUser::account));
    }

    public Uni<List<UserAccount>> list() {
        return Panache.withSession(() -> users.listAll(io.quarkus.panache.common.Sort.by("username")))
                .map(all -> all.stream().map(AppUser::account).toList());
    }

    public Uni<Long> count() {
        return Panache.withSession(users::count);
    }

    /** Creates the user; answers false when the name is taken, in any letter case. */
    public Uni<Boolean> create(String username, String passwordHash, Set<String> roles) {
        return Panache.withTransaction(() -> users.byNameInAnyCase(username).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            AppUser u = new AppUser();
            u.username = username;
            u.passwordHash = passwordHash;
            u.roles = roles.toArray(String[]::new);
            return users.persist(u).replaceWith(true);
        }));
    }

    /** Creates the user, or sets its password and roles and enables it. */
    public Uni<Void> upsert(String username, String passwordHash, Set<String> roles) {
        return Panache.withTransaction(() -> users.byName(username).chain(existing -> {
            AppUser u = existing != null ? existing : new AppUser();
            u.username = username;
            u.passwordHash = passwordHash;
            u.roles = roles.toArray(String[]::new);
            u.enabled = true;
            u.updatedAt = OffsetDateTime.now();
            return existing != null ? Uni.createFrom().voidItem() : users.persist(u).replaceWithVoid();
        }));
    }

    /**
     * Whether this user is the only enabled admin. (Two admins removing each other at the same
     * instant could still both pass; admin changes are rare and logged, and bootstrap restores one.)
     */
    public Uni<Boolean> isLastEnabledAdmin(String username) {
        return Panache.withSession(() -> users.byName(username).chain(u -> {
            boolean enabledAdmin = u != null && u.enabled && List.of(u.roles).contains(Roles.ADMIN);
            return enabledAdmin ? users.enabledAdminsOtherThan(username).map(others -> others == 0)
                    : Uni.createFrom().item(false);
        }));
    }

    public Uni<Boolean> setRoles(String username, Set<String> roles) {
        return change(username, u -> u.roles = roles.toArray(String[]::new));
    }

    public Uni<Boolean> setEnabled(String username, boolean enabled) {
        return change(username, u -> u.enabled = enabled);
    }

    public Uni<Boolean> setPasswordHash(String username, String passwordHash) {
        return change(username, u -> u.passwordHash = passwordHash);
    }

    /** Applies a change to the user in one transaction; answers false when there is no such user. */
    private Uni<Boolean> change(String username, Consumer<AppUser> change) {
        return Panache.withTransaction(() -> users.byName(username).map(u -> {
            if (u == null) {
                return false;
            }
            change.accept(u);
            u.updatedAt = OffsetDateTime.now();
            return true;
        }));
    }

    static List<String> sorted(Set<String> roles) {
        List<String> list = new ArrayList<>(roles);
        list.sort(null);
        return list;
    }
}
