package io.liqaudit.fund;

import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;

/** Registers insurance funds as an admin does, for tests whose movements come before any liquidation names the fund. */
public final class TestFunds {

    private TestFunds() {
    }

    public static void register(String fundId, String currency) {
        int status = TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"" + currency + "\"}")
                .put("/api/v1/insurance-funds/" + fundId).statusCode();
        if (status != 201 && status != 200) {
            throw new AssertionError("registering fund " + fundId + " answered " + status);
        }
    }
}
