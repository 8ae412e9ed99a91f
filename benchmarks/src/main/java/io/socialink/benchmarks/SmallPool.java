package io.socialink.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fixed pool of connections for the JDBC benchmarks: a caller waits for a free connection, and
 * closing one returns it. Enough for a benchmark; an application uses a real pool.
 */
final class SmallPool implements DataSource, AutoCloseable {
  private final BlockingQueue<Connection> free;
  private final List<Connection> all = new ArrayList<>();

  SmallPool(DataSource source, int size) throws SQLException {
    free = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection c = source.getConnection();
      all.add(c);
      free.add(c);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c;
    try {
      c = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", "08000", e);
    }
    Connection real = c;
    boolean[] closed = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            if (!closed[0]) {
              closed[0] = true;
              if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
              }
              free.add(real);
            }
            return null;
          }
          if (method.getName().equals("isClosed")) {
            return closed[0];
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : all) {
      c.close();
    }
  }
}
