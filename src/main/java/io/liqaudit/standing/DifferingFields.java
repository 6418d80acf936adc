package io.liqaudit.standing;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differing fields an event is found by: each reported field the recomputation disagrees
 * with, and for a step's field also its any-step form, so that "steps[*].fee" finds every event
 * where some step's fee differs and "steps[2].fee" those where the second one does.
 */
public final class DifferingFields {

    /** Any step, in a differing-field filter. */
    public static final String ANY_STEP = "steps[*]";

    private static final Pattern STEP = Pattern.compile("^steps\\[\\d+\\](\\..+)$");

    private DifferingFields() {
    }

    /** The searchable form: the fields and their any-step forms, sorted, each once. */
    public static List<String> searchable(List<String> fields) {
        TreeSet<String> out = new TreeSet<>(fields);
        for (String f : fields) {
            Matcher m = STEP.matcher(f);
            if (m.matches()) {
                out.add(ANY_STEP + m.group(1));
            }
        }
        return List.copyOf(out);
    }
}
