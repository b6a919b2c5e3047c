package io.github.botconnector.broadcast.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Databases for ledger tests: embedded H2, and one real PostgreSQL per test JVM with a fresh database per call. */
public final class Databases {

    /** A database reachable by URL (also from another JVM). */
    public record Db(String name, String url, String user, String password) {
        /** A small pooled {@link DataSource} over {@link DriverManager}. */
        public DataSource dataSource() {
            return new PooledDataSource(url, user, password);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** A new in-memory H2 database, kept while the JVM runs. */
    public static Db h2Memory() {
        return new Db("H2", "jdbc:h2:mem:ledger" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A new H2 database in a file under {@code target/}, open to other JVMs (the first one serves it). */
    public static Db h2File() {
        String path = System.getProperty("user.dir") + "/target/h2/ledger-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet();
        return new Db("H2", "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE", "sa", "");
    }

    /** A new database on the JVM's embedded PostgreSQL (started on first use, stopped with the JVM). */
    public static synchronized Db postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "ledger" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return new Db("PostgreSQL", postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal pool over DriverManager: closed connections go back to the pool (test support only). */
    private static final class PooledDataSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;
        private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

        PooledDataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection physical = idle.poll();
            if (physical == null || physical.isClosed()) {
                physical = DriverManager.getConnection(url, user, password);
            }
            Connection target = physical;
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new InvocationHandler() {
                        private boolean closed;

                        @Override
                        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                            if (method.getName().equals("close")) {
                                if (!closed) {
                                    closed = true;
                                    if (!target.getAutoCommit()) {
                                        target.rollback();
                                        target.setAutoCommit(true);
                                    }
                                    idle.add(target);
                                }
                                return null;
                            }
                            if (method.getName().equals("isClosed")) {
                                return closed;
                            }
                            try {
                                return method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
