package io.github.botconnector.testing;

import io.github.botconnector.schema.Activity;
import java.util.List;

/**
 * A snapshot of one conversation in the fake.
 *
 * @param id         conversation id ({@code a:...}, a channel id, or {@code <channel>;messageid=<root>})
 * @param type       {@code personal}, {@code channel} or {@code thread}
 * @param tenantId   tenant
 * @param userId     the user of a personal conversation, else {@code null}
 * @param teamId     the team of a channel or thread, else {@code null}
 * @param activities current activities in order of creation, with updates applied and deleted ones left out
 * @param history    every version: creations, updates and deletions in order
 */
public record FakeConversation(String id, String type, String tenantId, String userId, String teamId,
                               List<Activity> activities, List<ActivityEvent> history) {

    /** Defensive copies. */
    public FakeConversation {
        activities = List.copyOf(activities);
        history = List.copyOf(history);
    }

    /** The current texts of the activities, in order (handy for assertions). */
    public List<String> texts() {
        return activities.stream().map(Activity::text).toList();
    }
}
