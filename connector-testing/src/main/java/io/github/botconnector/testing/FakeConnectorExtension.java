package io.github.botconnector.testing;

import io.github.botconnector.ConnectorClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link FakeConnector}.
 *
 * <pre>{@code
 * class NotifierTest {
 *     @RegisterExtension
 *     static FakeConnectorExtension fake = FakeConnectorExtension.builder().contoso().build();
 *
 *     @Test
 *     void notifies(FakeConnector connector) { ... }
 * }
 * }</pre>
 *
 * In a {@code static} field there is one fake per test class, {@linkplain FakeConnector#reset() reset} after each
 * test (journal, conversations and runtime changes cleared; the seeded world kept). In an instance field there is one
 * fake per test. Test methods (and, for a static field, constructors and lifecycle methods) may declare a
 * {@link FakeConnector} parameter. A fake shared by a class is reset between tests, so the tests of that class
 * must not run concurrently with each other.
 *
 * <p>Works with JUnit Jupiter 5.10 or later and with JUnit 6; connector-testing does not bring JUnit (it is a
 * {@code provided} dependency), so the project's own {@code junit-jupiter} is the one used.
 */
public final class FakeConnectorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Builder settings;
    private FakeConnector fake;
    private boolean perClass;

    private FakeConnectorExtension(Builder settings) {
        this.settings = settings;
    }

    /** A builder with the same options as {@link FakeConnector#builder()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of the extension. */
    public static final class Builder extends FakeConnectorSettings<Builder> {
        Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The extension; the fake starts when the test class or test starts. */
        public FakeConnectorExtension build() {
            return new FakeConnectorExtension(this);
        }
    }

    /** The running fake. */
    public FakeConnector connector() {
        if (fake == null) {
            throw new IllegalStateException("The fake connector is not running: it starts before the first test (static"
                    + " field) or before each test (instance field)");
        }
        return fake;
    }

    /** Shortcut for {@code connector().clientBuilder()}: a client builder ready for the running fake. */
    public ConnectorClient.Builder clientBuilder() {
        return connector().clientBuilder();
    }

    /** Shortcut for {@code connector().serviceUrl()}. */
    public String serviceUrl() {
        return connector().serviceUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        fake = FakeConnector.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fake == null) {
            fake = FakeConnector.start(settings);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (fake == null) {
            return;
        }
        if (perClass) {
            fake.reset();
        } else {
            fake.close();
            fake = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == FakeConnector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        if (fake == null) {
            throw new ParameterResolutionException("The fake connector is not running yet; register the extension in a"
                    + " static field to inject it into constructors or @BeforeAll methods");
        }
        return fake;
    }
}
