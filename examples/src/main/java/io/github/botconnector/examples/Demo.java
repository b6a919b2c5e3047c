package io.github.botconnector.examples;

/**
 * The end-to-end proactive messaging demo (the README's first Quickstart command).
 *
 * <p>The full story needs the client, the Teams extension and the fake connector; until they are all in place this
 * program says so and exits normally.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        System.out.println("Bot Connector for Java demo: not yet built.");
        System.out.println("The end-to-end proactive-message demo arrives with the examples module;"
                + " run the tests with: mvn -B verify");
    }
}
