package org.safesessions.portal.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import org.safesessions.portal.client.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with a form, for the GOV.UK error summary and the inline messages: from a service's problem+json
 * (400 field errors, 409/422 rules), and from the portal's own reading of the form (a date that is not a date).
 */
@TemplateData
public final class FormErrors {

    @TemplateData
    public record Item(String field, String text) {
        public String href() {
            return "#" + field;
        }
    }

    private final List<Item> items = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * @param labels     the service's field name → the form's label, e.g. "preferredName" → "Preferred name"
     * @param ruleFields a rule → the form field it is about; other rules link to {@code firstField}
     */
    public static FormErrors from(Answer answer, Map<String, String> labels, Map<String, String> ruleFields, String firstField) {
        FormErrors errors = new FormErrors();
        JsonNode body = answer.body();
        if (body.path("errors").isArray() && !body.path("errors").isEmpty()) {
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText();
                String label = labels.getOrDefault(field, labels.getOrDefault(field.replaceAll("\\[\\d+]", "[]"), field));
                errors.add(fieldId(field, labels, firstField), plain(label, error.path("message").asText()));
            }
        } else {
            String rule = body.path("rule").asText(null);
            errors.add(ruleFields.getOrDefault(rule, firstField), RuleSentences.sentence(rule, body.path("detail").asText(null)));
        }
        return errors;
    }

    /**
     * A field's message in plain English: Bean Validation's "must not be blank" and "must not be null" become what to
     * do ("Enter preferred name", "Enter or choose how consent was given"); other messages follow the label.
     */
    static String plain(String label, String message) {
        String what = label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
        return switch (message) {
            case "must not be blank", "must not be empty" -> "Enter " + what;
            case "must not be null" -> "Enter or choose " + what;
            default -> label + " " + message;
        };
    }

    /** The form field's id: the service's field name with brackets and dots as dashes, "guardians[0].email" → "guardians-0-email". */
    public static String id(String serviceField) {
        return serviceField.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    private static String fieldId(String field, Map<String, String> labels, String firstField) {
        return field.isBlank() || field.equals("request") ? firstField : id(field);
    }

    public FormErrors add(String field, String text) {
        items.add(new Item(field, text));
        return this;
    }

    public boolean any() {
        return !items.isEmpty();
    }

    public List<Item> items() {
        return items;
    }

    /** The first message for a field, or null: {errors.of('preferredName')}. */
    public String of(String field) {
        return items.stream().filter(i -> i.field().equals(field)).map(Item::text).findFirst().orElse(null);
    }
}
