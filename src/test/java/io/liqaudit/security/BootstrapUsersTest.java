package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapUsersTest {

    @Test
    void parsesNamesPasswordsWithColonsAndSeveralRoles() {
        List<BootstrapUsers.Entry> entries = BootstrapUsers.parse(" alice:pa:ss:word-12345:admin+auditor , bob:bob-password-123:ingestor");
        assertThat(entries).containsExactly(
                new BootstrapUsers.Entry("alice", "pa:ss:word-12345", Set.of("admin", "auditor")),
                new BootstrapUsers.Entry("bob", "bob-password-123", Set.of("ingestor")));
        assertThat(entries.get(0).toString()).doesNotContain("word-12345");
    }

    @Test
    void refusesUnknownRolesShortPasswordsAndMissingParts() {
        assertThatThrownBy(() -> BootstrapUsers.parse("a:long-enough-password:root")).hasMessageContaining("unknown role 'root'");
        assertThatThrownBy(() -> BootstrapUsers.parse("a:short:admin")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> BootstrapUsers.parse("a:admin")).hasMessageContaining("name:password:role");
    }
}
