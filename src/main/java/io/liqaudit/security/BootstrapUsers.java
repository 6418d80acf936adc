package io.liqaudit.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code liqaudit.bootstrap-users}: {@code name:password:role[+role…]}, comma separated.
 * The password is what stands between the first and the last colon, so it may hold colons.
 */
public final class BootstrapUsers {

    /** One user to create or update at start. */
    public record Entry(String username, String password, Set<String> roles) {
        @Override
        public String toString() {
            return "Entry[" + username + ", roles=" + roles + "]"; // never print the password
        }
    }

    private BootstrapUsers() {
    }

    public static List<Entry> parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        for (String item : spec.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int first = trimmed.indexOf(':');
            int last = trimmed.lastIndexOf(':');
            if (first <= 0 || last == first) {
                throw new IllegalArgumentException("liqaudit.bootstrap-users: an entry is not name:password:role[+role…] "
                        + "(user '" + (first > 0 ? trimmed.substring(0, first) : "?") + "')");
            }
            String name = trimmed.substring(0, first);
            String password = trimmed.substring(first + 1, last);
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(trimmed.substring(last + 1).split("\\+")));
            for (String role : roles) {
                if (!Roles.isKnown(role)) {
                    throw new IllegalArgumentException("liqaudit.bootstrap-users: user '" + name + "' has unknown role '"
                            + role + "'; roles are " + Roles.ALL);
                }
            }
            String weakness = Passwords.weakness(password);
            if (weakness != null) {
                throw new IllegalArgumentException("liqaudit.bootstrap-users: the password of '" + name + "' " + weakness);
            }
            entries.add(new Entry(name, password, roles));
        }
        return entries;
    }
}
