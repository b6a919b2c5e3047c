/**
 * Bot Connector for Java, testing support: a stateful fake of the Bot Connector service and its JUnit 5 extension.
 */
module io.github.botconnector.testing {
    requires transitive io.github.botconnector;
    // Static: only FakeConnectorExtension needs JUnit, and the user's test code brings it (5.10+ or 6); the fake itself
    // runs without it. Transitive: a test module that uses the extension reads the JUnit API through this module.
    requires static transitive org.junit.jupiter.api;
    requires mockwebserver3;
    requires okhttp3;
    requires okio;
    requires com.nimbusds.jose.jwt;
    requires com.fasterxml.jackson.databind;

    exports io.github.botconnector.testing;

    opens io.github.botconnector.testing to com.fasterxml.jackson.databind;
}
