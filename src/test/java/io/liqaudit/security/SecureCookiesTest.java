package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecureCookiesTest {

    @Test
    void cookiesOverTlsGainSecureOnce() {
        assertThat(SecurityHeaders.withSecure(List.of("liqaudit-session=abc; Path=/; HttpOnly; SameSite=Strict",
                "liqaudit-csrf=x; Secure; HttpOnly", "a=b; Path=/; secure")))
                .containsExactly("liqaudit-session=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                        "liqaudit-csrf=x; Secure; HttpOnly", "a=b; Path=/; secure");
    }
}
