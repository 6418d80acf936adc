package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys of machine clients (table {@code api_key}). A key reads {@code lqa_<id>_<secret>}:
 * the id finds the row, the secret (256 random bits) is compared with its stored SHA-256. A
 * secret that long cannot be guessed, so a wrong key never locks anything: it is only logged and
 * counted against its source address.
 */
@ApplicationScoped
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("lqa_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** A key as the admin API lists it: never its secret. */
    public record KeyView(String id, String name, String role, String venue, String createdBy, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, String replacedBy) {
    }

    /** A new key: shown once, then only its hash exists. */
    public record Issued(String id, String key) {
    }

    /** What a valid key stands for. */
    public record Holder(String id, String name, String role, String venue) {
    }

    private final Pool pool;

    ApiKeys(Pool pool) {
        this.pool = pool;
    }

    public Uni<Issued> issue(String name, String role, String venue, OffsetDateTime expiresAt, String by) {
        String id = randomId();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return pool.preparedQuery("insert into api_key (id, name, role, venue, secret_hash, created_by, expires_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple().addValue(id).addValue(name).addValue(role).addValue(venue)
                        .addValue(io.vertx.core.buffer.Buffer.buffer(sha256(secretText))).addValue(by).addValue(expiresAt))
                .map(rows -> new Issued(id, "lqa_" + id + "_" + secretText));
    }

    /** The key's holder, when the key is well-formed, known, not revoked and not expired. */
    public Uni<Optional<Holder>> verify(String key) {
        Matcher m = FORMAT.matcher(key);
        if (!m.matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        byte[] presented = sha256(m.group(2));
        return pool.preparedQuery("select id, name, role, venue, secret_hash from api_key where id = $1 and revoked_at is null "
                        + "and (expires_at is null or expires_at > now())")
                .execute(Tuple.of(m.group(1)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    if (!MessageDigest.isEqual(presented, r.getBuffer("secret_hash").getBytes())) {
                        return Optional.empty();
                    }
                    return Optional.of(new Holder(r.getString("id"), r.getString("name"), r.getString("role"),
                            r.getString("venue")));
                });
    }

    public Uni<List<KeyView>> list() {
        return pool.query("select * from api_key order by created_at desc, id").execute().map(rows -> {
            List<KeyView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return out;
        });
    }

    public Uni<Optional<KeyView>> find(String id) {
        return pool.preparedQuery("select * from api_key where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next())) : Optional.empty());
    }

    /** Revokes at once; answers false when no such key is active. */
    public Uni<Boolean> revoke(String id, String by, String replacedBy) {
        return pool.preparedQuery("update api_key set revoked_at = now(), revoked_by = $2, replaced_by = $3 "
                        + "where id = $1 and revoked_at is null")
                .execute(Tuple.of(id, by, replacedBy)).map(rows -> rows.rowCount() == 1);
    }

    private static KeyView view(Row r) {
        return new KeyView(r.getString("id"), r.getString("name"), r.getString("role"), r.getString("venue"),
                r.getString("created_by"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("expires_at"),
                r.getOffsetDateTime("revoked_at"), r.getString("replaced_by"));
    }

    private static String randomId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
