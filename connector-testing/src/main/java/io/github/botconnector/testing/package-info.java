/**
 * The bundled fake of the Bot Connector service for offline tests: {@link io.github.botconnector.testing.FakeConnector},
 * its JUnit 5 extension {@link io.github.botconnector.testing.FakeConnectorExtension}, world seeding
 * ({@link io.github.botconnector.testing.TenantSpec}), Teams rate limits
 * ({@link io.github.botconnector.testing.RateLimits}), fault injection ({@link io.github.botconnector.testing.Faults})
 * and inbound activities ({@link io.github.botconnector.testing.InboundSender}).
 */
package io.github.botconnector.testing;
