package io.github.botconnector.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonModelTest {

    @Test
    void onlyMembersAreWrittenNotTheMemoOrTheUnknownMemberMap() {
        ChannelAccount user = ChannelAccount.builder().id("29:1").property("x", 1).build();
        assertEquals("{\"id\":\"29:1\",\"x\":1}", user.toJson());
        Activity activity = Activity.builder().type(ActivityTypes.MESSAGE).from(user).build();
        assertEquals("{\"type\":\"message\",\"from\":{\"id\":\"29:1\",\"x\":1}}", activity.toJson());
        assertEquals("{}", ChannelAccount.builder().build().toJson());
    }

    @Test
    void aMemberNamedLikeAFieldOfTheBaseClassIsKept() {
        String json = "{\"id\":\"29:1\",\"properties\":{\"a\":1},\"json\":\"x\",\"z\":null}";
        ChannelAccount account = ChannelAccount.fromJson(json);
        assertEquals(json, account.toJson());
        assertEquals(Map.of("a", 1), account.properties().get("properties"));
    }

    @Test
    void modelsWithTheSameMembersAreEqualAndHashAlike() {
        ChannelAccount a = ChannelAccount.builder().id("29:1").name("Ada")
                .property("x", Map.of("k", List.of(1))).build();
        ChannelAccount b = ChannelAccount.fromJson("{\"id\":\"29:1\",\"name\":\"Ada\",\"x\":{\"k\":[1]}}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void oneDifferentMemberOrUnknownMemberMakesModelsDifferent() {
        ChannelAccount a = ChannelAccount.of("29:1", "Ada");
        assertNotEquals(a, a.toBuilder().name("Bob").build());
        assertNotEquals(a, a.toBuilder().role(RoleTypes.USER).build());
        assertNotEquals(a, a.toBuilder().property("x", null).build());
    }

    @Test
    void modelsOfDifferentTypesWithTheSameJsonAreNotEqual() {
        ChannelAccount account = ChannelAccount.of("19:x");
        ConversationAccount conversation = ConversationAccount.builder().id("19:x").build();
        assertEquals(account.toJson(), conversation.toJson());
        assertNotEquals(account, conversation);
        assertNotEquals(conversation, account);
    }

    @Test
    void byteArrayMembersCompareByContent() {
        AttachmentData a = AttachmentData.builder().type("image/png").originalBase64(new byte[] {1, 2, 3}).build();
        AttachmentData b = AttachmentData.builder().type("image/png").originalBase64(new byte[] {1, 2, 3}).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().originalBase64(new byte[] {1, 2, 4}).build());
    }
}
