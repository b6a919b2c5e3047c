package io.github.botconnector.broadcast.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL: an embedded server started (and stopped) by this test class. */
class PostgresReferenceStoreTest extends ReferenceStoreContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    ConversationReferenceStore newEmptyStore() {
        DataSource dataSource = postgres.getPostgresDatabase();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bot_conversation_reference");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return JdbcReferenceStore.builder().dataSource(dataSource).build();
    }
}
