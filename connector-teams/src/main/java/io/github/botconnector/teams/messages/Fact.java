package io.github.botconnector.teams.messages;

import java.util.Objects;

/**
 * One row of an Adaptive Card fact set: a title and its value, shown side by side.
 *
 * @param title the label, for example {@code Result}
 * @param value the value, for example {@code Resolved}
 */
public record Fact(String title, String value) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the title or the value is blank
     */
    public Fact {
        title = CardJson.requireText(title, "Fact title");
        value = CardJson.requireText(value, "Fact value");
    }

    /** A fact with a title and a value. */
    public static Fact of(String title, String value) {
        return new Fact(title, value);
    }

    Object toJson() {
        return CardJson.object("title", title, "value", Objects.requireNonNull(value));
    }
}
