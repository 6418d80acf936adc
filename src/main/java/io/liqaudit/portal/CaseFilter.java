package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.platform.http.QueryParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The cases list's filters as the portal's form sends them (empty fields unused); null means any. */
public record CaseFilter(CaseState state, String venue, String assignee) {

    static CaseFilter read(QueryParams params, String state, String venue, String assignee) {
        return new CaseFilter(blank(state) ? null : params.constant("state", state, CaseState.class),
                blank(venue) ? null : params.identifier("venue", venue),
                blank(assignee) ? null : params.identifier("assignee", assignee));
    }

    /** The filter as a query string, for the next page's link and the CSV of the same list. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (state != null) {
            q.append("state=").append(state.name());
        }
        if (venue != null) {
            q.append(q.length() == 0 ? "" : "&").append("venue=").append(URLEncoder.encode(venue, StandardCharsets.UTF_8));
        }
        if (assignee != null) {
            q.append(q.length() == 0 ? "" : "&").append("assignee=").append(URLEncoder.encode(assignee, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
