package io.liqaudit.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Accept headers get a page: browsers' navigations, not API clients, whatever the header holds. */
class ProblemPagesTest {

    @Test
    void htmlRankedAboveJsonGetsAPage() {
        assertThat(ProblemPages.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8")).isTrue();
        assertThat(ProblemPages.wantsHtml("text/html;q=0.9, application/json;q=0.8")).isTrue();
        assertThat(ProblemPages.wantsHtml("application/json")).isFalse();
        assertThat(ProblemPages.wantsHtml("*/*")).isFalse();
        assertThat(ProblemPages.wantsHtml(null)).isFalse();
        assertThat(ProblemPages.wantsHtml("text/html, application/json")).as("a tie goes to JSON").isFalse();
        assertThat(ProblemPages.wantsHtml("text/html;q=0")).isFalse();
        // Hostile quality values are read as refusals, never as an error.
        assertThat(ProblemPages.wantsHtml("text/html;q=1e999999999")).isTrue();
        assertThat(ProblemPages.wantsHtml("text/html;q=1e-999999999")).isFalse();
        assertThat(ProblemPages.wantsHtml("text/html;q=zero")).isFalse();
    }
}
