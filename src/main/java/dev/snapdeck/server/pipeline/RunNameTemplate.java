package dev.snapdeck.server.pipeline;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a run-name template such as {@code nightly-{date}-{time}}: {@code date},
 * {@code time} and the names of the configuration's substitutions. Checked where a template is
 * written down, since a template with any other placeholder makes every run of it fail.
 */
public final class RunNameTemplate {

    /** A placeholder; group 1 is its name. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private RunNameTemplate() {
    }

    /** The first placeholder of {@code template} that is neither date, time nor one of {@code substitutions}. */
    public static Optional<String> unknownPlaceholder(String template, Collection<String> substitutions) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equals("date") && !name.equals("time") && !substitutions.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The sentence that refuses {@code template} for its placeholder {@code name}. */
    public static String problem(String template, String name) {
        return "Run name template '" + template + "' uses the placeholder {" + name
                + "}, which is neither date, time nor a substitution.";
    }
}
