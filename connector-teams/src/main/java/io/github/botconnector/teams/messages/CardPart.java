package io.github.botconnector.teams.messages;

import java.util.Map;

/** A piece of a card held as its JSON map: equal when the JSON is equal. */
abstract class CardPart {

    private final Map<String, Object> json;

    CardPart(Map<String, Object> json) {
        this.json = json;
    }

    Map<String, Object> toJson() {
        return json;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && json.equals(((CardPart) o).json);
    }

    @Override
    public final int hashCode() {
        return json.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + json;
    }
}
