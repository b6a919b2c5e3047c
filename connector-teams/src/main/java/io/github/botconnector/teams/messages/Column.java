package io.github.botconnector.teams.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of a {@link CardElement#columns(Column...) column set}: its elements, stacked, and its width.
 *
 * @param width {@code auto} (as wide as its content), {@code stretch} (the remaining space), a relative weight such as
 *              {@code 2}, or pixels such as {@code 80px}
 * @param items the elements of the column, at least one
 */
public record Column(String width, List<CardElement> items) {

    /** Width of a column as wide as its content. */
    public static final String AUTO = "auto";
    /** Width of a column that takes the remaining space. */
    public static final String STRETCH = "stretch";

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the width is blank or there is no element
     */
    public Column {
        width = CardJson.requireText(width, "Column width");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("A Column needs at least one element");
        }
        items = CardJson.list(items, "Column items");
    }

    /** A column that takes the remaining space ({@code stretch}). */
    public static Column of(CardElement... items) {
        return new Column(STRETCH, List.of(items));
    }

    /** A column of the given width ({@code auto}, {@code stretch}, a weight such as {@code 2}, or {@code 80px}). */
    public static Column of(String width, CardElement... items) {
        return new Column(width, List.of(items));
    }

    Object toJson() {
        List<Object> json = new ArrayList<>();
        for (CardElement item : items) {
            json.add(item.toJson());
        }
        return CardJson.object("type", "Column", "width", width, "items", List.copyOf(json));
    }
}
