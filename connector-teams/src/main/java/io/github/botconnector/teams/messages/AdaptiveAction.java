package io.github.botconnector.teams.messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * A button of an Adaptive Card: open a link ({@code Action.OpenUrl}), send data back to the bot
 * ({@code Action.Submit}: the bot receives a {@code message} activity whose {@code value} is the data), or run a
 * Universal Action ({@code Action.Execute}: the bot receives an {@code invoke} activity named
 * {@code adaptiveCard/action} with the verb and the data). Immutable.
 */
public final class AdaptiveAction extends CardPart {

    /** Type of a button that opens a URL. */
    public static final String OPEN_URL = "Action.OpenUrl";
    /** Type of a button that posts its data to the bot as a message activity. */
    public static final String SUBMIT = "Action.Submit";
    /** Type of a Universal Action button: an {@code adaptiveCard/action} invoke with a verb. */
    public static final String EXECUTE = "Action.Execute";

    private final String type;
    private final String title;

    private AdaptiveAction(String type, String title, Map<String, Object> json) {
        super(json);
        this.type = type;
        this.title = title;
    }

    /**
     * A button that opens {@code url}.
     *
     * @throws IllegalArgumentException if the title is blank or the URL is not an absolute https URL
     */
    public static AdaptiveAction openUrl(String title, String url) {
        CardJson.requireText(title, "Action.OpenUrl title");
        return new AdaptiveAction(OPEN_URL, title, CardJson.object("type", OPEN_URL, "title", title, "url",
                requireHttps(url, "Action.OpenUrl url")));
    }

    /**
     * A button that sends {@code data} (merged with the card's inputs) to the bot as the {@code value} of a message
     * activity.
     *
     * @param data JSON-like values (strings, numbers, booleans, maps, lists); at least one entry
     * @throws IllegalArgumentException if the title is blank or there is no data
     */
    public static AdaptiveAction submit(String title, Map<String, ?> data) {
        CardJson.requireText(title, "Action.Submit title");
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("Action.Submit data is required: the bot recognises the button by it");
        }
        return new AdaptiveAction(SUBMIT, title, CardJson.object("type", SUBMIT, "title", title, "data",
                CardJson.copy(data, "Action.Submit data")));
    }

    /**
     * A Universal Action button (card version 1.4 and later; Teams sends an {@code adaptiveCard/action} invoke with
     * {@code verb} and {@code data}, and the bot may answer with an updated card).
     *
     * @param data JSON-like values, or {@code null}
     * @throws IllegalArgumentException if the title or the verb is blank
     */
    public static AdaptiveAction execute(String title, String verb, Map<String, ?> data) {
        CardJson.requireText(title, "Action.Execute title");
        CardJson.requireText(verb, "Action.Execute verb");
        return new AdaptiveAction(EXECUTE, title, CardJson.object("type", EXECUTE, "title", title, "verb", verb,
                "data", data == null || data.isEmpty() ? null : CardJson.copy(data, "Action.Execute data")));
    }

    /** {@link #OPEN_URL}, {@link #SUBMIT} or {@link #EXECUTE}. */
    public String type() {
        return type;
    }

    /** The button's label. */
    public String title() {
        return title;
    }

    /** The URL of an {@link #OPEN_URL} button, else {@code null}. */
    public String url() {
        return (String) toJson().get("url");
    }

    /** The data of a {@link #SUBMIT} or {@link #EXECUTE} button (unmodifiable), else an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        Object data = toJson().get("data");
        return data == null ? Map.of() : (Map<String, Object>) data;
    }

    static String requireHttps(String url, String what) {
        CardJson.requireText(url, what);
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an absolute https URL (Teams opens and loads only"
                        + " https links), got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: '" + url + "' (" + e.getReason() + ")", e);
        }
        return url;
    }
}
