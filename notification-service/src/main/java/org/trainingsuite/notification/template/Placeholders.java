package org.trainingsuite.notification.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainingsuite.platform.errors.InvalidInputException;

/**
 * The placeholders a template may use, and rendering with Mustache (jmustache): never string concatenation.
 * A template is checked when it is saved by rendering it, strictly, against a sample of every placeholder:
 * a name outside the vocabulary fails then (400 naming the field), never at send time. Messages are plain
 * text, so nothing is HTML-escaped; a fact that is missing for a message renders empty.
 *
 * <pre>
 * person.name person.email
 * pass.id pass.type pass.typeCode pass.option pass.status pass.issuedOn pass.expiresOn pass.previousExpiresOn pass.reason
 * plan.id plan.name plan.dueDate
 * milestone.id milestone.dueDate
 * {{#milestones}} name {{#enrollments}} title sessionStartsAt {{/enrollments}} {{/milestones}}
 * event.date trigger.name trigger.abbreviation
 * links.myPlans links.myPasses links.catalog
 * </pre>
 */
public final class Placeholders {

    /** A template stands alone: a partial ({@code {{> header}}}) is refused when saved, never looked up. */
    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("partials ({{> " + name + "}}) are not supported; write the text in the template");
    };
    private static final Mustache.Compiler STRICT = Mustache.compiler().escapeHTML(false).strictSections(true)
            .withLoader(NO_PARTIALS);
    private static final Mustache.Compiler RENDER = Mustache.compiler().escapeHTML(false).nullValue("").defaultValue("")
            .withLoader(NO_PARTIALS);

    private Placeholders() {
    }

    /** A context holding every placeholder, each with a sample value. */
    public static Map<String, Object> sample() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("person", Map.of("name", "Alex Doe", "email", "alex@example.org"));
        c.put("pass", Map.of("id", "p-1", "type", "Annual pass", "typeCode", "ANNUAL", "option", "12 months",
                "status", "ACTIVE", "issuedOn", "2026-01-01", "expiresOn", "2026-12-31", "previousExpiresOn", "2026-06-30",
                "reason", "reason"));
        c.put("plan", Map.of("id", "lp-1", "name", "Onboarding", "dueDate", "2026-12-31"));
        c.put("milestone", Map.of("id", "m-1", "dueDate", "2026-10-31"));
        c.put("milestones", List.of(Map.of("name", "Basics", "enrollments",
                List.of(Map.of("title", "Safety 101", "sessionStartsAt", "2026-04-01T09:00:00Z")))));
        c.put("event", Map.of("date", "2026-03-01"));
        c.put("trigger", Map.of("name", "Expiry warning", "abbreviation", "EXP30"));
        c.put("links", Map.of("myPlans", "https://example.org/me/learning-plans", "myPasses", "https://example.org/me/passes",
                "catalog", "https://example.org/catalog"));
        return c;
    }

    /** Refuses (400, naming {@code field}) a template that does not parse or uses an unknown placeholder. */
    public static void check(String field, String text) {
        try {
            STRICT.compile(text).execute(sample());
        } catch (MustacheException e) {
            String reason = e.getCause() instanceof MustacheException cause ? cause.getMessage() : e.getMessage();
            throw new InvalidInputException(field, "not a valid template: " + reason
                    + " (known placeholders: person.*, pass.*, plan.*, milestone.*, milestones, event.date, trigger.*, links.*)");
        }
    }

    /** Renders a checked template; facts missing from the context render empty. */
    public static String render(String text, Map<String, Object> context) {
        Template template = RENDER.compile(text);
        return template.execute(context);
    }
}
