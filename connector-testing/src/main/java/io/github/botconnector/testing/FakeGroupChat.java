package io.github.botconnector.testing;

import java.util.List;

/**
 * A group chat of the fake's world. Bots cannot create group chats; once installed in one they may post to it.
 *
 * @param id        conversation id ({@code 19:...@thread.v2})
 * @param topic     topic (chat name)
 * @param tenantId  tenant
 * @param memberIds Teams user ids of the members
 */
public record FakeGroupChat(String id, String topic, String tenantId, List<String> memberIds) {

    /** Defensive copy. */
    public FakeGroupChat {
        memberIds = List.copyOf(memberIds);
    }
}
