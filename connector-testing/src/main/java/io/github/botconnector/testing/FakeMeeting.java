package io.github.botconnector.testing;

import java.util.List;

/**
 * A Teams meeting of the fake's world (for the {@code /v1/meetings} routes).
 *
 * @param id             meeting id as the meeting APIs take it (base64)
 * @param title          title
 * @param chatId         id of the meeting chat ({@code 19:meeting_...@thread.v2})
 * @param tenantId       tenant
 * @param organizerId    Teams user id of the organizer
 * @param participantIds Teams user ids of the participants (the organizer included)
 */
public record FakeMeeting(String id, String title, String chatId, String tenantId, String organizerId,
                          List<String> participantIds) {

    /** Defensive copy. */
    public FakeMeeting {
        participantIds = List.copyOf(participantIds);
    }
}
