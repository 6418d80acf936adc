package io.liqaudit.security;

import java.util.Set;

/** A stored user: name, bcrypt hash (Modular Crypt Format), roles, and whether it may sign in. */
public record UserAccount(String username, String passwordHash, Set<String> roles, boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
