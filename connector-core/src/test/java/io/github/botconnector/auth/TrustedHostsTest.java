package io.github.botconnector.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.UntrustedHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedHostsTest {

    private final TrustedHosts publicCloud = TrustedHosts.forCloud(BotCloud.PUBLIC);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://smba.trafficmanager.net/teams/",
            "https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/",
            "https://SMBA.TrafficManager.net/emea/",
            "https://smba.trafficmanager.net:443/apac/",
            "https://smba.onyx.prod.teams.trafficmanager.net/amer/",
            "https://smba.infra.gcc.teams.microsoft.com/gcc/",
            "https://webchat.botframework.com/",
            "https://canary.teams.microsoft.com/amer/"})
    void trustsTheCloudsBotConnectorHosts(String url) {
        assertDoesNotThrow(() -> publicCloud.check(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://evil.com/|is not a trusted Bot Connector host",
            "https://attacker.trafficmanager.net/|is not a trusted Bot Connector host",
            "https://smba.trafficmanager.net.evil.com/|is not a trusted Bot Connector host",
            "https://botframework.com.evil.com/|is not a trusted Bot Connector host",
            "https://evilbotframework.com/|is not a trusted Bot Connector host",
            "https://botframework.com/|is not a trusted Bot Connector host",
            "http://smba.trafficmanager.net/teams/|scheme 'http' is not allowed",
            "ftp://smba.trafficmanager.net/teams/|scheme 'ftp' is not allowed",
            "https://169.254.169.254/|IP literal",
            "https://127.0.0.1/|IP literal",
            "https://[::1]/|IP literal",
            "https://10.0.0.1/|IP literal",
            "https://user@smba.trafficmanager.net/teams/|user info",
            "https://user:pw@smba.trafficmanager.net/teams/|user info",
            "https://smba.trafficmanager.net:8443/teams/|port 8443",
            "http://localhost:8080/|scheme 'http' is not allowed",
            "not a url|not a valid https URL"})
    void refusesEverythingElseAndSaysWhy(String url, String reason) {
        UntrustedHostException e = assertThrows(UntrustedHostException.class, () -> publicCloud.check(url));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("pw@"), "user info must not be echoed");
        assertTrue(e.getMessage().contains("allow") || e.getMessage().contains("Remove") || e.getMessage().contains("Use"),
                "the message says what to do: " + e.getMessage());
    }

    @Test
    void notOnTheListExplainsHowToAddAHost() {
        UntrustedHostException e = assertThrows(UntrustedHostException.class, () -> publicCloud.check("https://evil.com/"));
        assertTrue(e.getMessage().contains("addHost(\"evil.com\")"), e.getMessage());
        assertTrue(e.getMessage().contains("Never trust *.trafficmanager.net"), e.getMessage());
    }

    @Test
    void addedHostsAreMatchedExactly() {
        TrustedHosts hosts = TrustedHosts.builder().addHost("Connector.Contoso.example").build();
        assertDoesNotThrow(() -> hosts.check("https://connector.contoso.example/v3/"));
        assertThrows(UntrustedHostException.class, () -> hosts.check("https://sub.connector.contoso.example/"));
        assertThrows(IllegalArgumentException.class, () -> TrustedHosts.builder().addHost("*.trafficmanager.net"));
        assertThrows(IllegalArgumentException.class, () -> TrustedHosts.builder().addHost("trafficmanager.net"));
        assertThrows(IllegalArgumentException.class, () -> TrustedHosts.builder().addHost("169.254.169.254"));
        assertThrows(IllegalArgumentException.class, () -> TrustedHosts.builder().addHost("https://x.example/"));
    }

    @Test
    void loopbackOnlyWhenEnabled() {
        TrustedHosts loopback = TrustedHosts.builder().allowLoopback(true).build();
        assertDoesNotThrow(() -> loopback.check("http://localhost:8080/teams/"));
        assertDoesNotThrow(() -> loopback.check("http://127.0.0.1:1234/"));
        assertDoesNotThrow(() -> loopback.check("http://[::1]:1234/"));
        assertThrows(UntrustedHostException.class, () -> loopback.check("http://127.0.0.2:1234/"));
        assertThrows(UntrustedHostException.class, () -> loopback.check("https://169.254.169.254/"));
        assertThrows(UntrustedHostException.class, () -> loopback.check("http://smba.trafficmanager.net/"));
        assertThrows(UntrustedHostException.class, () -> loopback.check("http://user@localhost:1/"));
    }

    @Test
    void otherCloudsTrustTheirOwnHostsOnly() {
        TrustedHosts gov = TrustedHosts.forCloud(BotCloud.US_GOV_GCC_HIGH);
        assertDoesNotThrow(() -> gov.check("https://smba.infra.gov.teams.microsoft.us/gcch"));
        assertThrows(UntrustedHostException.class, () -> gov.check("https://smba.trafficmanager.net/teams/"));
    }

    @Test
    void registeringNarrowsButNeverWidens() {
        TrustedHosts learned = TrustedHosts.builder().requireRegistered(true).build();
        UntrustedHostException before = assertThrows(UntrustedHostException.class,
                () -> learned.check("https://smba.trafficmanager.net/amer/"));
        assertTrue(before.getMessage().contains("register"), before.getMessage());

        assertTrue(learned.register("https://smba.trafficmanager.net/amer/tenant/"));
        assertDoesNotThrow(() -> learned.check("https://smba.trafficmanager.net/emea/"));
        assertThrows(UntrustedHostException.class, () -> learned.check("https://webchat.botframework.com/"));

        assertFalse(learned.register("https://attacker.trafficmanager.net/"));
        assertFalse(learned.register("http://smba.trafficmanager.net/"));
        assertFalse(learned.register("https://169.254.169.254/"));
        assertFalse(learned.register("garbage"));
        assertThrows(UntrustedHostException.class, () -> learned.check("https://attacker.trafficmanager.net/"));
        assertTrue(learned.registeredHosts().contains("smba.trafficmanager.net"));

        TrustedHosts open = TrustedHosts.forCloud(BotCloud.PUBLIC);
        assertFalse(open.register("https://evil.com/"));
        assertFalse(open.isTrusted("https://evil.com/"));
    }
}
