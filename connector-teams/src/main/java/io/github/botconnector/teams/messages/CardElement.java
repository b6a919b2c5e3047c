package io.github.botconnector.teams.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of an Adaptive Card body: a text block, a fact set, an image, a column set or an action set. Create
 * them with the static factories; immutable.
 */
public final class CardElement extends CardPart {

    private final String type;
    private final List<String> texts;
    private final List<String> actionTypes;

    private CardElement(String type, Map<String, Object> json, List<String> texts) {
        this(type, json, texts, List.of());
    }

    private CardElement(String type, Map<String, Object> json, List<String> texts, List<String> actionTypes) {
        super(json);
        this.type = type;
        this.texts = List.copyOf(texts);
        this.actionTypes = List.copyOf(actionTypes);
    }

    /**
     * A text block that wraps. Adaptive Cards render a subset of Markdown ({@code **bold**}, {@code _italic_}, lists,
     * links); put a mention's {@code <at>Name</at>} text here (see {@link AdaptiveCard.Builder#mention}).
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public static CardElement text(String text) {
        CardJson.requireText(text, "TextBlock text");
        return new CardElement("TextBlock", CardJson.object("type", "TextBlock", "text", text, "wrap", Boolean.TRUE),
                List.of(text));
    }

    /** A less prominent text block (subtle, small), for hints such as how to opt out. */
    public static CardElement subtleText(String text) {
        CardJson.requireText(text, "TextBlock text");
        return new CardElement("TextBlock", CardJson.object("type", "TextBlock", "text", text, "wrap", Boolean.TRUE,
                "isSubtle", Boolean.TRUE, "size", "small"), List.of(text));
    }

    /** A heading: a bold, medium-size text block with the {@code heading} style screen readers announce. */
    public static CardElement heading(String text) {
        CardJson.requireText(text, "Heading text");
        return new CardElement("TextBlock", CardJson.object("type", "TextBlock", "text", text, "wrap", Boolean.TRUE,
                "style", "heading", "weight", "bolder", "size", "medium"), List.of(text));
    }

    /**
     * A fact set: title/value rows.
     *
     * @throws IllegalArgumentException if there is no fact
     */
    public static CardElement facts(List<Fact> facts) {
        if (facts == null || facts.isEmpty()) {
            throw new IllegalArgumentException("A FactSet needs at least one Fact");
        }
        List<Object> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Fact fact : CardJson.list(facts, "FactSet facts")) {
            rows.add(fact.toJson());
            texts.add(fact.title());
            texts.add(fact.value());
        }
        return new CardElement("FactSet", CardJson.object("type", "FactSet", "facts", List.copyOf(rows)), texts);
    }

    /** A fact set: title/value rows. */
    public static CardElement facts(Fact... facts) {
        return facts(List.of(facts));
    }

    /**
     * An image. Teams loads it from {@code url} (https, publicly reachable; PNG, JPEG or GIF).
     *
     * @param altText what the image shows, read by screen readers (required)
     * @throws IllegalArgumentException if the URL is not an https URL or the alternative text is blank
     */
    public static CardElement image(String url, String altText) {
        return new CardElement("Image", CardJson.object("type", "Image", "url", AdaptiveAction.requireHttps(url, "Image url"),
                "altText", CardJson.requireText(altText, "Image altText")), List.of());
    }

    /**
     * Columns side by side.
     *
     * @throws IllegalArgumentException if there is no column
     */
    public static CardElement columns(List<Column> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("A ColumnSet needs at least one Column");
        }
        List<Object> json = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> actionTypes = new ArrayList<>();
        for (Column column : CardJson.list(columns, "ColumnSet columns")) {
            json.add(column.toJson());
            column.items().forEach(item -> {
                texts.addAll(item.texts);
                actionTypes.addAll(item.actionTypes);
            });
        }
        return new CardElement("ColumnSet", CardJson.object("type", "ColumnSet", "columns", List.copyOf(json)), texts,
                actionTypes);
    }

    /** Columns side by side. */
    public static CardElement columns(Column... columns) {
        return columns(List.of(columns));
    }

    /**
     * Buttons inside the body (the card's own {@link AdaptiveCard.Builder#action actions} show at the bottom).
     *
     * @throws IllegalArgumentException if there is no action
     */
    public static CardElement actions(AdaptiveAction... actions) {
        if (actions.length == 0) {
            throw new IllegalArgumentException("An ActionSet needs at least one action");
        }
        List<Object> json = new ArrayList<>();
        List<String> actionTypes = new ArrayList<>();
        for (AdaptiveAction action : CardJson.list(List.of(actions), "ActionSet actions")) {
            json.add(action.toJson());
            actionTypes.add(action.type());
        }
        return new CardElement("ActionSet", CardJson.object("type", "ActionSet", "actions", List.copyOf(json)), List.of(),
                actionTypes);
    }

    /** The Adaptive Card element type: {@code TextBlock}, {@code FactSet}, {@code Image}, {@code ColumnSet} or {@code ActionSet}. */
    public String type() {
        return type;
    }

    /** The texts shown by this element and the elements in it (text blocks and facts), in order. */
    public List<String> texts() {
        return texts;
    }

    /** The types of the buttons in this element and the elements in it ({@link AdaptiveAction#type()}). */
    List<String> actionTypes() {
        return actionTypes;
    }
}
