package io.github.botconnector.testing;

import java.util.List;

/**
 * A team of the fake's world.
 *
 * @param id         team id, which is also the General channel's id
 * @param name       team name
 * @param aadGroupId Entra group id
 * @param tenantId   tenant
 * @param channels   channels, General first
 * @param memberIds  Teams user ids ({@code 29:...}) of the members
 */
public record FakeTeam(String id, String name, String aadGroupId, String tenantId, List<FakeChannel> channels,
                       List<String> memberIds) {

    /** Defensive copies. */
    public FakeTeam {
        channels = List.copyOf(channels);
        memberIds = List.copyOf(memberIds);
    }

    /** The General channel (its id equals the team id). */
    public FakeChannel general() {
        return channels.get(0);
    }

    /** The channel called {@code name}. */
    public FakeChannel channel(String name) {
        return channels.stream().filter(c -> c.name().equalsIgnoreCase(name) || c.id().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Team '" + this.name + "' has no channel '" + name
                        + "'; its channels are " + channels.stream().map(FakeChannel::name).toList()));
    }
}
