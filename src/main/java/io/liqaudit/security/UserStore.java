package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Users in PostgreSQL (table {@code app_user}). Sign-in is a hot path, so this is plain SQL. */
@ApplicationScoped
public class UserStore {

    private final Pool pool;

    UserStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<UserAccount>> find(String username) {
        return pool.preparedQuery("select username, password_hash, roles, enabled from app_user where username = $1")
                .execute(Tuple.of(username))
                .map(rows -> first(rows).map(UserStore::toAccount));
    }

    public Uni<List<UserAccount>> list() {
        return pool.query("select username, password_hash, roles, enabled from app_user order by username")
                .execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(UserStore::toAccount).toList());
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from app_user").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** Creates the user; answers false when the name is taken, in any letter case. */
    public Uni<Boolean> create(String username, String passwordHash, Set<String> roles) {
        return pool.preparedQuery("insert into app_user (username, password_hash, roles) values ($1, $2, $3) "
                        + "on conflict do nothing")
                .execute(Tuple.of(username, passwordHash, roles.toArray(String[]::new)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Creates the user, or sets its password and roles and enables it. */
    public Uni<Void> upsert(String username, String passwordHash, Set<String> roles) {
        return pool.preparedQuery("insert into app_user (username, password_hash, roles) values ($1, $2, $3) "
                        + "on conflict (username) do update set password_hash = excluded.password_hash, "
                        + "roles = excluded.roles, enabled = true, updated_at = now()")
                .execute(Tuple.of(username, passwordHash, roles.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Whether this user is the only enabled admin. (Two admins removing each other at the same
     * instant could still both pass; admin changes are rare and logged, and bootstrap restores one.)
     */
    public Uni<Boolean> isLastEnabledAdmin(String username) {
        return pool.preparedQuery("select bool_and(username = $1) and count(*) = 1 from app_user "
                        + "where enabled and 'admin' = any(roles)")
                .execute(Tuple.of(username)).map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)));
    }

    public Uni<Boolean> setRoles(String username, Set<String> roles) {
        return update("roles = $2", username, roles.toArray(String[]::new));
    }

    public Uni<Boolean> setEnabled(String username, boolean enabled) {
        return update("enabled = $2", username, enabled);
    }

    public Uni<Boolean> setPasswordHash(String username, String passwordHash) {
        return update("password_hash = $2", username, passwordHash);
    }

    private Uni<Boolean> update(String assignment, String username, Object value) {
        return pool.preparedQuery("update app_user set " + assignment + ", updated_at = now() where username = $1")
                .execute(Tuple.of(username, value))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    private static UserAccount toAccount(Row row) {
        Set<String> roles = new LinkedHashSet<>(List.of(row.getArrayOfStrings("roles")));
        return new UserAccount(row.getString("username"), row.getString("password_hash"), roles,
                row.getBoolean("enabled"));
    }

    static List<String> sorted(Set<String> roles) {
        List<String> list = new ArrayList<>(roles);
        list.sort(null);
        return list;
    }
}
