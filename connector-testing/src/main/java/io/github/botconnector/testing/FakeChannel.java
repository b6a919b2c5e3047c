package io.github.botconnector.testing;

/**
 * A channel of a {@link FakeTeam}.
 *
 * @param id          channel id ({@code 19:...@thread.tacv2}); the General channel's id is the team id
 * @param name        channel name ({@code General} for the General channel)
 * @param general     whether this is the team's General channel
 * @param privateChannel whether this is a private channel (bots cannot post to it)
 */
public record FakeChannel(String id, String name, boolean general, boolean privateChannel) {
}
