/**
 * Bot Connector for Java: the Bot Connector v3 client, schema models and authentication.
 */
module io.github.botconnector {
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires com.nimbusds.jose.jwt;
    requires org.slf4j;

    exports io.github.botconnector;
    exports io.github.botconnector.exception;
    exports io.github.botconnector.schema;
    exports io.github.botconnector.auth;

    opens io.github.botconnector.schema to com.fasterxml.jackson.databind;
}
