package io.github.botconnector.examples;

import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnectorExtension;

/** The fake connector the example tests run against: strict authentication and the sample tenant's people and teams. */
final class SampleFake {

    private SampleFake() {
    }

    /** A new extension for one test class (register it as a static field with {@code @RegisterExtension}). */
    static FakeConnectorExtension strict() {
        return FakeConnectorExtension.builder()
                .auth(AuthMode.STRICT)
                .contoso(SampleTenant::addPeopleAndTeams)
                .build();
    }
}
