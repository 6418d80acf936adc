package io.liqaudit.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing and checking. Both are slow on purpose: call them off the event loop. */
public final class Passwords {

    /** bcrypt cost: about 60 ms a check on one core here; verified credentials are cached briefly. */
    static final int COST = 10;
    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes: a longer password would sign in with any suffix, so it is refused. */
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static boolean matches(String password, String storedHash) {
        if (tooLong(password)) {
            return false; // no stored password is longer: its first 72 bytes must not be enough
        }
        try {
            Password stored = ModularCrypt.decode(storedHash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (Exception e) {
            return false; // an unreadable hash never signs anybody in
        }
    }

    /** Why a new password is refused, or null when it is acceptable. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (tooLong(password)) {
            return "must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)";
        }
        return null;
    }

    private static boolean tooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
