package io.liqaudit.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.cases.CaseOpener;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal's home page counts the cases by state and shows the integrity state of the log. */
@QuarkusTest
class PortalHomeTest {

    @Inject
    CaseOpener opener;

    private static long openCases(String page) {
        Matcher m = Pattern.compile("href=\"/portal/cases\\?state=OPEN\">(\\d+)</a>").matcher(page);
        assertThat(m.find()).as("an OPEN count linking to its cases").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aNewDiscrepancyIsCountedAsAnOpenCase() {
        opener.openAndClear().await().indefinitely();
        long before = openCases(TestUsers.as(Roles.AUDITOR).get("/portal").then().statusCode(200).extract().asString());
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(TestEvents.fresh("defect:fee#13").toString())
                .post("/api/v1/liquidations").then().statusCode(201);
        opener.openAndClear().await().indefinitely();
        String page = TestUsers.as(Roles.AUDITOR).get("/portal").then().statusCode(200).extract().asString();
        assertThat(openCases(page)).isEqualTo(before + 1);
        assertThat(page).contains("to resolve").contains("Latest tamper audit").contains("Latest signed checkpoint")
                .contains("Re-verification runs in progress");
    }
}
