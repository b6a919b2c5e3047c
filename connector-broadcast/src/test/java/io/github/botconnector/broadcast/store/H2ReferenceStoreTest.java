package io.github.botconnector.broadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** The store contract on an in-memory H2 database (one per test), plus what only a JDBC store does. */
class H2ReferenceStoreTest extends ReferenceStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private JdbcConnectionPool dataSource;

    @Override
    ConversationReferenceStore newEmptyStore() {
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:refs" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        return JdbcReferenceStore.builder().dataSource(dataSource).build();
    }

    @Test
    void referencesSurviveANewStoreOnTheSameDatabase() {
        store.onActivity(activity("installation-update-add-personal"), T0);
        JdbcReferenceStore again = JdbcReferenceStore.builder().dataSource(dataSource).build();
        assertEquals(store.findAll(), again.findAll());
    }

    @Test
    void aMissingTableIsAClearError() {
        JdbcReferenceStore unmanaged = JdbcReferenceStore.builder().dataSource(dataSource).tableName("nowhere")
                .createSchema(false).build();
        ReferenceStoreException e = assertThrows(ReferenceStoreException.class, unmanaged::count);
        assertTrue(e.getMessage().contains("table nowhere"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JdbcReferenceStore.builder().tableName("x; DROP TABLE y"));
        assertThrows(IllegalStateException.class, () -> JdbcReferenceStore.builder().build());
    }
}
