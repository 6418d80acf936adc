package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestReactiveTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The users' Panache repository against the real database, each test in a transaction rolled back at its end. */
@QuarkusTest
class AppUserRepositoryTest {

    @Inject
    AppUserRepository users;

    private static AppUser user(String name, boolean enabled, String... roles) {
        AppUser u = new AppUser();
        u.username = name;
        u.passwordHash = Passwords.hash("a-long-password-1");
        u.roles = roles;
        u.enabled = enabled;
        return u;
    }

    @Test
    @TestReactiveTransaction
    void findsAUserByNameAndByNameInAnyCase(UniAsserter asserter) {
        String name = "Repo-" + UUID.randomUUID().toString().substring(0, 8);
        asserter.execute(() -> users.persist(user(name, true, Roles.AUDITOR)));
        asserter.assertThat(() -> users.byName(name), u -> assertThat(u.account().roles()).containsExactly(Roles.AUDITOR));
        asserter.assertThat(() -> users.byName(name.toLowerCase()), u -> assertThat(u).isNull());
        asserter.assertThat(() -> users.byNameInAnyCase(name.toUpperCase()), u -> assertThat(u.username).isEqualTo(name));
    }

    @Test
    @TestReactiveTransaction
    void countsTheOtherEnabledAdmins(UniAsserter asserter) {
        String a = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        asserter.execute(() -> users.persist(user(a, true, Roles.ADMIN, Roles.AUDITOR)));
        asserter.execute(() -> users.persist(user(b, false, Roles.ADMIN)));
        // t-admin (bootstrapped) and a are enabled admins; b is disabled.
        asserter.assertThat(() -> users.enabledAdminsOtherThan(a), n -> assertThat(n).isGreaterThanOrEqualTo(1));
        asserter.assertThat(() -> users.enabledAdminsOtherThan("t-admin"), n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }
}
